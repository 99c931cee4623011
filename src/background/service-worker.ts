// The manifest's background entry (service worker in Chrome, event page in Firefox).
// Why not index.ts directly: CRXJS 3.0.0 names the chunks it emits after the file's base name, and
// the content script imported with `?script&iife` is also "index.ts"; with Vite 8 the two collided
// and the built service-worker-loader.js imported the content script instead of the background.
// A distinct name keeps them apart; tests/build-config/build-output.test.ts checks the built loader.
import './index';
