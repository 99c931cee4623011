#!/usr/bin/env node
// The CLI is TypeScript bundled by `npm run build:cli`; this shim only finds the bundle.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../build/cli/kblens.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  console.error('kblens: the CLI is not built yet. Run `npm run build:cli` (or `npm run setup`) first.');
  process.exit(2);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
