import browser from 'webextension-polyfill';
import { isSitePattern } from '../core/match-pattern';

/**
 * What an admin set through policy (storage.managed, see public/managed-schema.json). Reading it
 * fails where no policy store exists (Firefox without a policy file, tests): that means "none".
 */
export async function managedPolicy(): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage.managed.get()) ?? {};
  } catch {
    return {};
  }
}

export async function managedSites(): Promise<string[]> {
  const sites = (await managedPolicy()).sites;
  return Array.isArray(sites) ? sites.filter(isSitePattern) : [];
}
