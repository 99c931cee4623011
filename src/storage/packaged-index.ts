import browser from 'webextension-polyfill';
import { indexedDbMirror } from './index-mirror';
import { MIRROR_PATIENCE_MS, mirroredSource, type MirroredSource } from './index-source';

/**
 * The files of the index shipped in the package (dist/index/), read with fetch from the
 * extension's own origin: no network, no quota, versioned with the release; its small files
 * through the mirror in IndexedDB, which a new reader reads far faster (index-source.ts).
 * The worker reads and writes the mirror; a view that searches beside it only reads.
 */
export function packagedIndexFiles(access: 'read-write' | 'read-only'): MirroredSource {
  return mirroredSource(
    async (path) => {
      const response = await fetch(browser.runtime.getURL(`index/${path}`));
      if (!response.ok) throw new Error(`index file ${path}: HTTP ${response.status}`);
      return response.text();
    },
    indexedDbMirror(),
    MIRROR_PATIENCE_MS,
    access,
  );
}
