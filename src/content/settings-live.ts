import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../core/settings';

/** The agent's settings (storage.sync "settings"), read through readSettings so bad values fall back key by key. */
export async function loadSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.sync.get('settings');
    return readSettings(stored.settings).settings;
  } catch {
    // Storage unavailable (context going away): the defaults still give a working page.
    return structuredClone(DEFAULT_SETTINGS);
  }
}

/** Calls back with the new settings whenever they change, in any tab or the options page. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string): void => {
    if (area !== 'sync' || !('settings' in changes)) return;
    onChange(readSettings(changes.settings!.newValue).settings);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
