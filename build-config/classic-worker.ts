import type { Plugin } from 'vite';
import { bundleAsClassicScript, type Bundle, type Chunk, type PluginContext } from './bundle-chunks';

type WorkerManifest = { background?: { service_worker?: string; type?: string } };

/** The file the manifest names as Chrome's service worker once it is one classic script. */
export const CLASSIC_WORKER_FILE = 'service-worker.js';

/**
 * Chrome's service worker as one classic script instead of CRXJS's module loader and its chunks.
 * Chrome keeps V8's compiled code of an installed classic worker script and starts the worker
 * from it; a module worker's scripts are parsed and compiled again at every start: ~20 ms of the
 * worker's CPU in a cold popup search's trace, against ~2 ms to read the cached code. The worker
 * starts for every popup after it idled and for every ticket page's first match. Firefox's
 * background is an event page, left as CRXJS builds it.
 *
 * Runs after CRXJS has emitted the loader and the manifest, before dropUnreachableChunks, which
 * then drops the chunks only the worker used.
 */
export function classicServiceWorker(backgroundEntry: string): Plugin {
  let loaderName: string | undefined;
  return {
    name: 'kblens:classic-service-worker',
    apply: 'build',
    enforce: 'post',
    // CRXJS's hook for plugins, called as it writes the manifest: the chunks are final by then.
    async renderCrxManifest(this: PluginContext, manifest: WorkerManifest, output: unknown) {
      const bundle = output as Bundle;
      loaderName = manifest.background?.service_worker;
      if (!loaderName || manifest.background?.type !== 'module')
        throw new Error(`classicServiceWorker: the manifest's worker (${loaderName}) is not CRXJS's module loader`);
      const entry = Object.values(bundle).find(
        (f): f is Chunk => f.type === 'chunk' && f.facadeModuleId === backgroundEntry,
      );
      if (!entry) throw new Error(`classicServiceWorker: no chunk for the background entry ${backgroundEntry}`);

      const code = await bundleAsClassicScript(bundle, entry.fileName, 'classicServiceWorker');
      this.emitFile({ type: 'asset', fileName: CLASSIC_WORKER_FILE, source: code });
      return { ...manifest, background: { service_worker: CLASSIC_WORKER_FILE } };
    },
    // The module loader CRXJS emitted: nothing names it any more. After CRXJS's own
    // generateBundle, which renders the manifest.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        if (loaderName && loaderName !== CLASSIC_WORKER_FILE) delete bundle[loaderName];
      },
    },
  } as Plugin;
}
