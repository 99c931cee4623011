import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { resolve } from 'node:path';
import source from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { makeManifest, parseSites, type Target } from './build-config/manifest';
import { dropUnreachableChunks, finalManifest } from './build-config/crx-manifest-plugin';
import { compileEagerly, highlightStylesheet } from './build-config/content-assets';
import { polyfillAsModule } from './build-config/polyfill-module';
import { classicServiceWorker } from './build-config/classic-worker';
import { classicPages } from './build-config/classic-pages';

const target: Target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';
const manifest = makeManifest(source, {
  target,
  version: pkg.version,
  sites: parseSites(process.env.KBLENS_SITES),
});

export default defineConfig({
  plugins: [
    preact(),
    crx({ manifest: manifest as unknown as ManifestV3Export, browser: target }),
    finalManifest(source),
    // Chrome keeps the compiled code of a classic worker script, not of a module worker's.
    ...(target === 'chrome'
      ? [classicServiceWorker(resolve(import.meta.dirname, source.background.service_worker))]
      : []),
    // The views an agent opens to look something up: one request for their script, not nine.
    classicPages(['popup.html', 'sidepanel.html']),
    dropUnreachableChunks(resolve(import.meta.dirname, source.background.service_worker)),
    highlightStylesheet(),
    // The probe (CRXJS writes src/content/bootstrap.ts's IIFE here): registered on every page.
    compileEagerly('src/content/bootstrap.js'),
  ],
  resolve: { alias: polyfillAsModule(import.meta.dirname) },
  // Preset sites reach the background as a constant, so it can turn them on at install.
  define: { __KBLENS_SITES__: JSON.stringify(parseSites(process.env.KBLENS_SITES)) },
  build: {
    // KBLENS_OUT_DIR lets parallel work (or a second checkout of the tests) build side by side.
    outDir: process.env.KBLENS_OUT_DIR ?? (target === 'firefox' ? 'dist-firefox' : 'dist'),
    emptyOutDir: true,
    // Store packages must not carry source maps; the index is JSON, already compact.
    sourcemap: false,
    // No preloading of a dynamic import's chunks: its helper writes <link> tags into `document`,
    // which the service worker has not (background/services.ts imports its services lazily). The
    // pages' chunks come from the package on disk, where a waterfall of imports costs nothing.
    modulePreload: false,
    rollupOptions: {
      input: { sidepanel: resolve(import.meta.dirname, 'sidepanel.html') },
    },
  },
});
