import browser from 'webextension-polyfill';
import { KbIndex } from '../core/index/kb-index';

/**
 * The index shipped in the package (dist/index/), read with fetch from the extension's own
 * origin: no network, no quota, versioned with the release. One instance per service-worker
 * life; it rebuilds lazily after the worker is stopped.
 */
export const bundledIndex = new KbIndex({
  async readText(path) {
    const response = await fetch(browser.runtime.getURL(`index/${path}`));
    if (!response.ok) throw new Error(`index file ${path}: HTTP ${response.status}`);
    return response.text();
  },
});
