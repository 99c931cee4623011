/**
 * The bundled index's search read part by part (KbIndex.searchHead + searchReading, what the
 * service worker does) answers every query exactly as the index with every part read (the CLI),
 * from a cold start per query, and the popup's first search reads a small share of the files.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { QUERIES } from '../../../bench/queries';
import { readLabelledQueries } from '../../../eval/search';
import { KbIndex, type IndexSource } from '../../../src/core/index/kb-index';
import { MANIFEST_FILE, SEARCH_FILE } from '../../../src/core/index/layout';
import { search, searchReading } from '../../../src/core/search';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const INDEX = join(ROOT, 'public/index');
const present = existsSync(join(INDEX, MANIFEST_FILE));
if (!present) console.log(`lazy search over the bundled index skipped: no index at ${INDEX} (npm run build:index)`);

function openCounting(keeps: Pick<IndexSource, 'readImage' | 'keepImage'> = {}): {
  ix: KbIndex;
  read: Map<string, number>;
} {
  const read = new Map<string, number>();
  const ix = new KbIndex({
    ...keeps,
    readText: async (path) => {
      const text = await readFile(join(INDEX, path), 'utf8');
      read.set(path, text.length);
      return text;
    },
  });
  return { ix, read };
}

describe.skipIf(!present)('search over the bundled index read part by part', () => {
  it('answers every query from a cold start exactly as the whole index does', async () => {
    const whole = await openCounting().ix.searchIndex();
    const queries = [...QUERIES, ...readLabelledQueries(ROOT).map((l) => l.query)];
    for (const q of queries) {
      const head = await openCounting().ix.searchHead();
      expect(await searchReading(head, q, { limit: 25 }), q).toEqual(search(whole, q, { limit: 25 }));
    }
  }, 120_000);

  it('reads a small share of the search files for a first query', async () => {
    const { ix, read } = openCounting();
    const head = await ix.searchHead();
    const before = new Set(read.keys());
    await searchReading(head, 'communications failure', { limit: 25 });
    const all = await openCounting().ix.manifest();
    const parts = [...read.keys()].filter((p) => !before.has(p));
    const termParts = parts.filter((p) => p.startsWith('search/'));
    expect(termParts.length).toBeGreaterThan(0);
    expect(termParts.length).toBeLessThan((all.searchParts ?? 0) / 5);
    expect(parts.filter((p) => p.startsWith('titles/')).length).toBeLessThanOrEqual(25);
  });

  it('opens the head from the image an earlier worker life kept, without its file, and answers the same', async () => {
    const images = new Map<string, unknown>();
    const keeping = () =>
      openCounting({
        readImage: async (path) => images.get(path),
        keepImage: (path, image) => void images.set(path, structuredClone(image())),
      });
    const first = keeping();
    const whole = await first.ix.searchIndex();
    expect(first.read.has(SEARCH_FILE)).toBe(true);
    expect(images.has(SEARCH_FILE)).toBe(true);
    for (const q of ['communications failure', 'vfp 3 grid old values', 'exchange 5.5 ims queue', 'Q227142']) {
      const again = keeping();
      expect(await searchReading(await again.ix.searchHead(), q, { limit: 25 }), q).toEqual(
        search(whole, q, { limit: 25 }),
      );
      expect(again.read.has(SEARCH_FILE), q).toBe(false);
    }

    // A damaged image is read past: the file is read, and a whole image kept in its place.
    images.set(SEARCH_FILE, { imageFormat: 1, count: -1 });
    const mended = keeping();
    await mended.ix.searchHead();
    expect(mended.read.has(SEARCH_FILE)).toBe(true);
    expect(images.get(SEARCH_FILE)).toMatchObject({ count: whole.count });
  });
});
