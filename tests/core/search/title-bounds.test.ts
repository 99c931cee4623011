/**
 * Reading only the titles that can change what a search shows (query.ts titlesToRead) answers
 * exactly what reading every title does: over many generated archives and queries, a cold index
 * read part by part gives the whole index's answer. Titles carry what the bounds must allow for:
 * quotes and punctuation that the phrase form drops, padded stop codes it shortens, words side by
 * side in the query's order or not, and the same words in messages and keywords.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildSearchIndex,
  loadSearchIndex,
  openSearchIndex,
  search,
  searchReading,
  splitSearchIndex,
} from '../../../src/core/search';
import { record } from '../../fixtures/search/records';

const WORDS = ['spooler', 'crash', 'printer', 'stop', '0x0000000a', 'logon', 'driver', 'fails', 'tcpip.sys'];
const MARKS = ['', '', ' "', '" ', ': ', ' (', ') ', ' ***** ', ' "#$#$#$" '];

const titleArb = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...MARKS)), { minLength: 1, maxLength: 6 })
  .map((ws) => ws.map(([w, m]) => w + m).join(' '));

const sketchArb = fc.record({
  title: titleArb,
  error: fc.option(fc.subarray(WORDS, { minLength: 1 }), { nil: null }),
  keywords: fc.subarray(WORDS, { maxLength: 3 }),
});

describe('search reading only the titles that can change its answer', () => {
  it('answers as reading every title does, for generated titles and queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sketchArb, { minLength: 4, maxLength: 40 }),
        fc.nat(),
        fc.integer({ min: 1, max: 6 }),
        async (sketches, pick, limit) => {
          const records = sketches.map((s, i) =>
            record({
              q: `Q${300000 + i}`,
              title: s.title,
              errors: s.error ? [s.error.join(' ')] : [],
              keywords: s.keywords,
            }),
          );
          const data = buildSearchIndex(records);
          // A query that is one of the titles as typed (the exact-title tier), or a few of its words.
          const title = sketches[pick % sketches.length]!.title;
          const words = title.split(/\s+/).filter((w) => /\w/.test(w));
          const query = pick % 2 ? title : words.slice(pick % words.length, (pick % words.length) + 3).join(' ');
          const split = splitSearchIndex(data, { partChars: 200, titlesPerPart: 1 });
          // A head from before the wordy titles were listed says nothing of them.
          const head = pick % 3 === 0 ? { ...split.head, wordyTitles: undefined } : split.head;
          const ix = openSearchIndex(head, {
            terms: async (n) => split.parts[n]!,
            titles: async (n) => [data.titles[n]!],
            fileOf: (kind, n) => `${kind}/${n}.json`,
          });
          expect(await searchReading(ix, query, { limit })).toEqual(search(loadSearchIndex(data), query, { limit }));
        },
      ),
      { numRuns: 200, seed: 20261206 },
    );
  });
});
