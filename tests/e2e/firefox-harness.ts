import puppeteer, { type Browser } from 'puppeteer-core';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';

/**
 * The Firefox build (dist-firefox/, made by `npm run build:e2e` with KBLENS_SITES=http://127.0.0.1/*)
 * in Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi: what every Firefox suite
 * needs to find it, decide whether it can run, and start it with the add-on installed.
 */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const DIST_FIREFOX = join(ROOT, 'dist-firefox');
const E2E_SITE = 'http://127.0.0.1/*';

export function firefoxManifest(): Record<string, any> | null {
  const path = join(DIST_FIREFOX, 'manifest.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

function firefoxVersion(): string | null {
  try {
    return (
      /(\d+(?:\.\d+)*)/.exec(execFileSync(FIREFOX, ['--version'], { encoding: 'utf8', timeout: 20_000 }))?.[1] ?? null
    );
  } catch {
    return null;
  }
}

/** Why a Firefox suite cannot run here, or null when it can. */
export function firefoxUnavailable(): string | null {
  if (!existsSync(FIREFOX)) return `no Firefox at ${FIREFOX} (apt-get install firefox-esr, or set FIREFOX_PATH)`;
  const m = firefoxManifest();
  if (!m) return 'no Firefox build in dist-firefox/ (npm run build:e2e)';
  if (!m.host_permissions?.includes(E2E_SITE))
    return `dist-firefox/ is not the end-to-end build (no ${E2E_SITE} preset): npm run build:e2e`;
  const version = firefoxVersion();
  const min = m.browser_specific_settings?.gecko?.strict_min_version as string | undefined;
  if (!version) return `${FIREFOX} --version gave no version`;
  // Firefox would refuse to install the add-on; lowering strict_min_version for the test would not
  // help, since the content script needs the CSS Custom Highlight API (Firefox 149+).
  if (min && parseInt(version, 10) < parseInt(min, 10))
    return `Firefox ${version} is older than the add-on's strict_min_version ${min}`;
  return null;
}

/** Why the suites that need the bundled index cannot run: without it the background scans nothing. */
export function firefoxIndexMissing(): string | null {
  return existsSync(join(DIST_FIREFOX, 'index'))
    ? null
    : 'dist-firefox/ has no bundled index (public/index not built yet: npm run build:index)';
}

/** Firefox with the add-on installed; `prefs` are added to the ones that keep it off the network. */
export async function launchFirefox(prefs: Record<string, unknown> = {}): Promise<{ browser: Browser; id: string }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      ...prefs,
      // No network here: keep Firefox from trying.
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  try {
    return { browser, id: await browser.installExtension(DIST_FIREFOX) };
  } catch (e) {
    await browser.close();
    throw e;
  }
}
