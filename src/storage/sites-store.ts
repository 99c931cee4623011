import browser from 'webextension-polyfill';
import { isSitePattern } from '../core/match-pattern';

/**
 * The sites the user turned on, a sorted list of match patterns in storage.local. The background
 * derives the registered content script from it (with the preset and managed sites); the
 * options page lists it.
 */
const SITES_KEY = 'sites';

/** The stored list; a pattern the browser would refuse is left out. */
export async function loadUserSites(): Promise<string[]> {
  const stored = (await browser.storage.local.get(SITES_KEY))[SITES_KEY];
  return Array.isArray(stored) ? stored.filter(isSitePattern) : [];
}

export async function addUserSite(pattern: string): Promise<void> {
  const sites = await loadUserSites();
  if (!sites.includes(pattern)) await browser.storage.local.set({ [SITES_KEY]: [...sites, pattern].sort() });
}

export async function removeUserSite(pattern: string): Promise<void> {
  const sites = await loadUserSites();
  await browser.storage.local.set({ [SITES_KEY]: sites.filter((s) => s !== pattern) });
}
