import browser from 'webextension-polyfill';
import { KbIndex } from '../core/index/kb-index';
import { indexedDbMirror } from '../storage/index-mirror';
import { mirroredSource } from './index-source';

/**
 * The index shipped in the package (dist/index/), read with fetch from the extension's own
 * origin: no network, no quota, versioned with the release; its small files through a mirror in
 * IndexedDB, which a restarted worker reads far faster (index-source.ts). One instance per
 * service-worker life; it rebuilds lazily after the worker is stopped.
 */
export const bundledIndex = new KbIndex(
  mirroredSource(async (path) => {
    const response = await fetch(browser.runtime.getURL(`index/${path}`));
    if (!response.ok) throw new Error(`index file ${path}: HTTP ${response.status}`);
    return response.text();
  }, indexedDbMirror()),
);
