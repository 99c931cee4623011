/**
 * What may import what, checked on every source file: the pure core imports nothing but core; a
 * runtime shell (background, content, popup, options, cli) imports core and the shared layers,
 * never another shell. (ESLint's boundaries plugin would say the same, but typescript-eslint
 * cannot parse with TypeScript 7, which has no JavaScript API; import specifiers are simple
 * enough to read directly.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** Each folder of src/ and the folders it may import from (its own always). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  messaging: ['core'],
  storage: ['core', 'messaging'],
  ui: ['core', 'messaging', 'storage'],
  background: ['core', 'messaging', 'storage'],
  content: ['core', 'messaging', 'storage'],
  popup: ['core', 'messaging', 'storage', 'ui'],
  options: ['core', 'messaging', 'storage', 'ui'],
  cli: ['core'],
};

/**
 * Imports across the lines that are not code sharing. The background embeds the built content
 * scripts' file names (`?script&iife` makes a file, not a module dependency).
 */
const BUILD_ARTEFACT = /\?script&iife$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function layerOf(path: string): string {
  return relative(SRC, path).split(/[\\/]/)[0]!;
}

describe('import boundaries', () => {
  const files = sourceFiles(SRC);

  it('finds the layers it checks', () => {
    expect(new Set(files.map(layerOf))).toEqual(new Set([...Object.keys(MAY_IMPORT), 'env.d.ts']));
  });

  it('core imports only core; no shell imports another shell', () => {
    const crossings: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      const allowed = MAY_IMPORT[from];
      if (!allowed) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
        const spec = m[1]!;
        if (!spec.startsWith('.') || BUILD_ARTEFACT.test(spec)) continue;
        const target = resolve(dirname(file), spec);
        // Files outside src/ (the locale messages in public/) are data, not layers.
        if (relative(SRC, target).startsWith('..')) continue;
        const to = layerOf(target);
        if (to !== from && !allowed.includes(to)) crossings.push(`${relative(SRC, file)} -> ${spec} (${from} may not import ${to})`);
      }
    }
    expect(crossings).toEqual([]);
  });
});
