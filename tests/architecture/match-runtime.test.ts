/**
 * The matcher's runtime (what the service worker loads and scans with: the loaded detector and
 * scanText) holds none of the build-time compiler: pattern compilation, soft slots, anchor choice,
 * message pieces and the noise filter run when the index is built. Checked on the value imports
 * reachable from the runtime's entry modules (type-only imports carry no code).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const RUNTIME = ['core/match/detector.ts', 'core/match/scan.ts'];
const COMPILER = [
  'build-detector',
  'anchor-choice',
  'message-pieces',
  'pattern',
  'soft-slots',
  'noise',
  'background',
].map((m) => `core/match/${m}.ts`);

/** Value imports and re-exports of a module; `import type` and `export type` lines are skipped. */
const VALUE_IMPORT = /^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm;

function reachable(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (rel: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const path = resolve(SRC, rel);
    for (const m of readFileSync(path, 'utf8').matchAll(VALUE_IMPORT)) {
      const target = resolve(dirname(path), m[1]!);
      const file = [`${target}.ts`, `${target}/index.ts`].find(existsSync);
      if (file) visit(relative(SRC, file));
    }
  };
  entries.forEach(visit);
  return seen;
}

describe('the matcher at run time', () => {
  it('reaches the scan and the loaded detector without the build-time compiler', () => {
    const reached = reachable(RUNTIME);
    expect(reached).toContain('core/match/pattern-hits.ts');
    expect(COMPILER.filter((m) => reached.has(m))).toEqual([]);
  });

  it('would see the compiler if the runtime imported it (the walk follows re-exports)', () => {
    expect(reachable(['core/match/index.ts'])).toContain('core/match/build-detector.ts');
  });
});
