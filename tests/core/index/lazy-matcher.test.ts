/**
 * The matcher's modules are evaluated by the first reader of the detector, not by a reader that
 * only searches or looks articles up (a worker started for the popup's search).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { KbIndex } from '../../../src/core/index/kb-index';
import { MANIFEST_FILE } from '../../../src/core/index/layout';
import { searchReading } from '../../../src/core/search';

const evaluated = vi.hoisted(() => [] as string[]);
vi.mock('../../../src/core/match', async (original) => {
  evaluated.push('match');
  return await original();
});

const INDEX = join(fileURLToPath(new URL('../../..', import.meta.url)), 'public/index');
const present = existsSync(join(INDEX, MANIFEST_FILE));
if (!present) console.log(`lazy matcher test skipped: no index at ${INDEX} (npm run build:index)`);

describe.skipIf(!present)('the bundled index and the matcher', () => {
  it('searches and looks up without evaluating the matcher, which its detector then evaluates', async () => {
    const ix = new KbIndex({ readText: (path) => readFile(join(INDEX, path), 'utf8') });
    const hits = await searchReading(await ix.searchHead(), 'communications failure', { limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
    expect(await ix.lookup(hits[0]!.q)).toBeDefined();
    expect(evaluated).toEqual([]);

    const detector = await ix.detector();
    expect(evaluated).toEqual(['match']);
    expect(detector).toBeDefined();
  });

  it('reads the detector again after a failed read', async () => {
    let fail = true;
    const ix = new KbIndex({
      readText: (path) =>
        fail && path.startsWith('detect') ? Promise.reject(new Error('busy')) : readFile(join(INDEX, path), 'utf8'),
    });
    await expect(ix.detector()).rejects.toThrow('busy');
    fail = false;
    await expect(ix.detector()).resolves.toBeDefined();
  });
});
