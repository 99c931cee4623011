import browser from 'webextension-polyfill';
import { NO_POLICY, readPolicy, type Policy } from '../core/policy';

/**
 * What an admin set through policy (storage.managed, see public/managed-schema.json). Read-only:
 * the extension never writes it. Reading fails where no policy store exists (Firefox without a
 * policy file, tests): that means no policy.
 */
export async function loadPolicy(): Promise<Policy> {
  try {
    return readPolicy(await browser.storage.managed.get());
  } catch {
    return NO_POLICY;
  }
}

/** The sites the policy turns on; patterns the browser would refuse are left out (readPolicy). */
export async function loadManagedSites(): Promise<string[]> {
  return (await loadPolicy()).sites;
}

/**
 * Calls back when the policy changes. `sitesOnly`: only when its site list does (the
 * background re-registers its content script then, and for nothing else).
 */
export function watchPolicy(onChange: () => void, opts: { sitesOnly?: boolean } = {}): () => void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'managed' && (!opts.sitesOnly || 'sites' in changes)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
