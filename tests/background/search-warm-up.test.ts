/**
 * Once the search index's head is open for a popup or side panel, one throwaway search warms the
 * search code before the agent types (search-service.ts, prepareSearch). It must never stand in
 * the way of a real search: skipped when one is being answered, stopped when one starts.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  buildSearchIndex,
  openSearchIndex,
  splitSearchIndex,
  type SearchIndex,
  type SearchPartReader,
} from '../../src/core/search';
import { record } from '../fixtures/search/records';

const current = vi.hoisted(() => ({ head: null as Promise<unknown> | null }));
vi.mock('../../src/background/bundled-index', () => ({
  bundledIndex: { searchHead: () => current.head },
}));
vi.mock('../../src/background/custom-index', () => ({ customArticles: async () => null }));

const { prepareSearch, searchAll } = await import('../../src/background/search-service');

const WORDS = ['spooler', 'registry', 'logon', 'network', 'printer', 'driver', 'setup', 'profile', 'service', 'font'];
const data = buildSearchIndex(
  Array.from({ length: 300 }, (_, i) =>
    record({
      q: `Q${160000 + i}`,
      title: `${WORDS[i % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]} fails after update ${i}`,
      products: ['Windows NT Server'],
      versions: ['Windows NT Server 4.0'],
    }),
  ),
);
const stored = JSON.parse(JSON.stringify(splitSearchIndex(data, { partChars: 300, titlesPerPart: 30 }))) as ReturnType<
  typeof splitSearchIndex
>;

/** A head whose parts are read on demand, each read logged. */
function lazyHead(log: string[]): SearchIndex {
  const fileOf: SearchPartReader['fileOf'] = (kind, n) => `${kind}/${n}`;
  const read = async <T>(file: string, value: T): Promise<T> => {
    await new Promise((r) => setTimeout(r, 0));
    log.push(file);
    return JSON.parse(JSON.stringify(value)) as T;
  };
  return openSearchIndex(stored.head, {
    terms: (n) => read(fileOf('terms', n), stored.parts[n]!),
    titles: (n) => read(fileOf('titles', n), data.titles.slice(n * 30, n * 30 + 30)),
    fileOf,
  });
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('the search warm-up', () => {
  it('runs a search over the head once it is open, and once per index', async () => {
    const log: string[] = [];
    current.head = Promise.resolve(lazyHead(log));
    prepareSearch();
    await vi.waitFor(() => expect(log.some((f) => f.startsWith('terms/'))).toBe(true));
    await settle();

    const after = log.length;
    prepareSearch();
    await settle();
    expect(log.length).toBe(after);
  });

  // In this index the warm-up's words are in terms part 6 and its answer reads all ten titles
  // files; the agent's "spooler" reads terms part 7 and titles files 0 to 6.
  const SPOOLER = ['terms/7', ...Array.from({ length: 7 }, (_, n) => `titles/${n}`)];
  it('is skipped while a search is answered', async () => {
    const log: string[] = [];
    current.head = Promise.resolve(lazyHead(log));
    const answer = searchAll('spooler');
    prepareSearch();
    await answer;
    await settle();
    expect(log.sort()).toEqual(SPOOLER);
  });

  it('stops at its next pass when a search starts', async () => {
    const log: string[] = [];
    let open!: (ix: SearchIndex) => void;
    current.head = new Promise((r) => (open = r));
    prepareSearch();
    open(lazyHead(log));
    // The warm-up's first pass runs as the head opens and asks for its terms part; the agent's
    // search starts while that part is read.
    await Promise.resolve();
    await Promise.resolve();
    await searchAll('spooler');
    await settle();
    expect(log.sort()).toEqual(['terms/6', ...SPOOLER]);
  });
});
