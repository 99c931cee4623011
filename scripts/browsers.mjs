#!/usr/bin/env node
// The browsers the end-to-end tests drive: Debian's Chromium and Firefox ESR.
//   node scripts/browsers.mjs --install   (npm run setup) installs the missing ones with apt-get
//                                         when it runs as root on a Debian-like system, as .ci/run
//                                         does; otherwise stops with the one command to run.
//   node scripts/browsers.mjs --check     (npm test) fails with one line naming what is missing.
// CHROMIUM_PATH and FIREFOX_PATH point the tests, and this check, at other binaries.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const BROWSERS = [
  { name: 'Chromium', env: 'CHROMIUM_PATH', path: '/usr/bin/chromium', apt: 'chromium' },
  { name: 'Firefox ESR', env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', apt: 'firefox-esr' },
];

/** The browsers missing here, each with the path it was looked for at. */
export function missingBrowsers(env = process.env, exists = existsSync) {
  return BROWSERS.map((b) => ({ ...b, path: env[b.env] || b.path })).filter((b) => !exists(b.path));
}

/** What setup does: nothing, install with apt-get, or stop with the command to run. */
export function installPlan(missing, { isRoot, hasApt }) {
  if (missing.length === 0) return { action: 'none' };
  const packages = missing.map((b) => b.apt);
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  if (isRoot && hasApt) return { action: 'install', packages, command };
  return { action: 'stop', command: hasApt ? `sudo sh -c '${command}'` : command };
}

function describe(missing) {
  return missing.map((b) => `${b.name} (${b.path})`).join(' and ');
}

function hasCommand(name) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function main(mode) {
  const missing = missingBrowsers();
  if (mode === '--check') {
    if (missing.length === 0) return 0;
    const plan = installPlan(missing, { isRoot: false, hasApt: hasCommand('apt-get') });
    process.stderr.write(
      `npm test needs ${describe(missing)}: install with \`${plan.command}\` or \`npm run setup\` as root, or set ${missing.map((b) => b.env).join('/')}\n`,
    );
    return 1;
  }
  if (mode === '--install') {
    const plan = installPlan(missing, { isRoot: process.getuid?.() === 0, hasApt: hasCommand('apt-get') });
    if (plan.action === 'none') return 0;
    if (plan.action === 'stop') {
      process.stderr.write(`setup: ${describe(missing)} missing; run \`${plan.command}\`, then npm run setup again\n`);
      return 1;
    }
    process.stdout.write(`setup: installing ${plan.packages.join(' ')} with apt-get\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '-qq', ...plan.packages], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env,
      });
    } catch {
      process.stderr.write(
        `setup: apt-get could not install ${plan.packages.join(' ')}; run \`${plan.command}\` and read its errors\n`,
      );
      return 1;
    }
    const still = missingBrowsers();
    if (still.length) {
      process.stderr.write(
        `setup: still missing ${describe(still)} after apt-get; set ${still.map((b) => b.env).join('/')} to the browser's path\n`,
      );
      return 1;
    }
    return 0;
  }
  process.stderr.write('usage: node scripts/browsers.mjs --install|--check\n');
  return 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main(process.argv[2]));
