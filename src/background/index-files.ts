import browser from 'webextension-polyfill';
import { indexedDbMirror } from '../storage/index-mirror';
import { mirroredSource } from './index-source';

/**
 * The files of the index shipped in the package (dist/index/), read with fetch from the
 * extension's own origin: no network, no quota, versioned with the release; its small files
 * through a mirror in IndexedDB, which a restarted worker reads far faster (index-source.ts).
 * Apart from the index that decodes them (bundled-index.ts), so that a worker start can ask for
 * them before it evaluates any service.
 */
export const indexFiles = mirroredSource(async (path) => {
  const response = await fetch(browser.runtime.getURL(`index/${path}`));
  if (!response.ok) throw new Error(`index file ${path}: HTTP ${response.status}`);
  return response.text();
}, indexedDbMirror());
