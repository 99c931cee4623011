import browser from 'webextension-polyfill';
import { readSettings, type Settings } from '../core/settings';

/**
 * The agent's own settings, in storage.sync so they follow the agent. Only the user's layer is
 * stored; the admin's policy (policy-store.ts) is applied on top when read, never written here.
 */
const SETTINGS_KEY = 'settings';

/** The stored settings, read through readSettings so bad values fall back key by key. */
export async function loadUserSettings(): Promise<Settings> {
  const stored = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  return readSettings(stored).settings;
}

export async function saveUserSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
}

/** Calls back when the user's settings change (another tab, the options page, another device). */
export function watchUserSettings(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'sync' && SETTINGS_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
