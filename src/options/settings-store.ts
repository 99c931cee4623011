import browser from 'webextension-polyfill';
import { readSettings, type Settings } from '../core/settings';
import { NO_POLICY, readPolicy, type Policy } from '../core/policy';
import { isSitePattern } from '../core/match-pattern';

/** storage.sync key of the user's own settings (the policy is applied on top, never stored). */
export const SETTINGS_KEY = 'settings';
/** storage.local key of the sites the user turned on (kept by the background). */
export const USER_SITES_KEY = 'sites';

export async function loadUserSettings(): Promise<Settings> {
  const stored = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  return readSettings(stored).settings;
}

export async function saveUserSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
}

/** The admin's policy; no managed store (Firefox without policies, tests) means none. */
export async function loadPolicy(): Promise<Policy> {
  try {
    return readPolicy(await browser.storage.managed.get());
  } catch {
    return NO_POLICY;
  }
}

export async function loadUserSites(): Promise<string[]> {
  const stored = (await browser.storage.local.get(USER_SITES_KEY))[USER_SITES_KEY];
  // A stored value the browser would refuse is left out here as in the background (sites.ts).
  return Array.isArray(stored) ? stored.filter(isSitePattern) : [];
}
