import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AliasOptions } from 'vite';

const ID = 'webextension-polyfill';

/**
 * webextension-polyfill as an ES module whose default export is the polyfill's `module.exports`,
 * as a resolve alias (the content script's IIFE build, which CRXJS runs apart, takes the config's
 * aliases but none of its plugins).
 *
 * Why: the package is a UMD script, so the bundler imports it as CommonJS through its interop
 * helper, which copies every own property of the exports onto a namespace object. Where the
 * browser has a native `browser` (Firefox; Chromium since it added the alias), the polyfill
 * exports that object itself, and the copy reads a descriptor of each of its APIs: the browser
 * then builds every API's bindings (action, contextMenus, tabs, ...) before any of our code runs.
 * In a cold start that was about half of the service worker's start-up script time, and time the
 * popup spent before its first paint (Chromium traces of `npm run bench -- --only popup`). Every
 * import in the code base is the default import, so nothing needs the copied namespace.
 *
 * The module is written from the installed package at each build (node_modules/.cache, never
 * committed). Its own `module` and `exports` make the script take its CommonJS branch and set no
 * global.
 */
export function polyfillAsModule(root: string): AliasOptions {
  const source = readFileSync(createRequire(join(root, 'package.json')).resolve(ID), 'utf8');
  const file = join(root, 'node_modules/.cache/kblens/webextension-polyfill.mjs');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `const module = { exports: {} };\nconst exports = module.exports;\n${source}\nexport default module.exports;\n`,
  );
  return [{ find: new RegExp(`^${ID}$`), replacement: file }];
}
