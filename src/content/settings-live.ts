import browser from 'webextension-polyfill';
import { effectiveSettings, readPolicy } from '../core/policy';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../core/settings';

/**
 * The settings the page uses: the agent's (storage.sync "settings", read through readSettings so
 * bad values fall back key by key) with an admin's policy (storage.managed) winning key by key,
 * exactly as the options page shows them.
 */
export async function loadSettings(): Promise<Settings> {
  let user: Settings;
  try {
    user = readSettings((await browser.storage.sync.get('settings')).settings).settings;
  } catch {
    // Storage unavailable (context going away): the defaults still give a working page.
    user = structuredClone(DEFAULT_SETTINGS);
  }
  return effectiveSettings(user, readPolicy(await managed())).settings;
}

async function managed(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // No policy store (Firefox without a policy file): no policy.
    return undefined;
  }
}

/** Calls back with the new settings whenever they or the policy change, in any tab or the options page. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string): void => {
    if ((area === 'sync' && 'settings' in changes) || area === 'managed') void loadSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
