import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { installPlan, missingBrowsers } from '../../scripts/browsers.mjs';

const SCRIPT = fileURLToPath(new URL('../../scripts/browsers.mjs', import.meta.url));

function run(args: string[], env: Record<string, string>): { code: number; stderr: string } {
  try {
    execFileSync(process.execPath, [SCRIPT, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stderr: Buffer };
    return { code: err.status, stderr: err.stderr.toString() };
  }
}

describe('browsers for the end-to-end tests', () => {
  it('finds what is missing, at the paths the tests use or the env overrides', () => {
    const none = missingBrowsers({}, () => false).map((b) => b.path);
    expect(none).toEqual(['/usr/bin/chromium', '/usr/bin/firefox-esr']);
    expect(
      missingBrowsers({ CHROMIUM_PATH: '/opt/c' }, (p) => p === '/usr/bin/firefox-esr').map((b) => b.path),
    ).toEqual(['/opt/c']);
    expect(missingBrowsers({}, () => true)).toEqual([]);
  });

  it('setup installs with apt-get as root, and otherwise stops with the exact command', () => {
    const missing = missingBrowsers({}, (p) => p !== '/usr/bin/chromium');
    expect(installPlan(missing, { isRoot: true, hasApt: true })).toEqual({
      action: 'install',
      packages: ['chromium'],
      command: 'apt-get update && apt-get install -y chromium',
    });
    expect(installPlan(missing, { isRoot: false, hasApt: true })).toEqual({
      action: 'stop',
      command: "sudo sh -c 'apt-get update && apt-get install -y chromium'",
    });
    expect(installPlan([], { isRoot: false, hasApt: false })).toEqual({ action: 'none' });
  });

  it('npm test without a browser fails with one line naming it', () => {
    const { code, stderr } = run(['--check'], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/needs Chromium \(\/nonexistent\/chromium\).*apt-get install -y chromium/);
  });
});
