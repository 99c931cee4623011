/**
 * Once a view that searches is open, the worker answers one query to itself (WARM_UP_QUERY) so
 * that the agent's first query runs warm code: once per worker life, reading only what that
 * search reads, and stepping aside between its passes when a real search starts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type browser from 'webextension-polyfill';
import { search } from '../../src/core/search';
import { record } from '../fixtures/search/records';
import { partByPart, type Reads } from '../fixtures/search/part-by-part';

// The warm-up's articles fill the first titles part; the real query's articles are far after it.
const TITLES_PER_PART = 10;
const RECORDS = [
  ...Array.from({ length: TITLES_PER_PART }, (_, i) =>
    record({ q: `Q${300000 + i}`, title: `Clients cannot connect to server ${i} after a restart` }),
  ),
  ...Array.from({ length: 60 }, (_, i) =>
    record({ q: `Q${310000 + i}`, title: `Spooler ${i % 2 ? 'hangs' : 'fails'} when printing page ${i}` }),
  ),
];
const index = partByPart(RECORDS, { partChars: 300, titlesPerPart: TITLES_PER_PART });
const WARM_UP_TITLES = 'titles/0.json';

const state = vi.hoisted(() => ({ reads: null as Reads | null, opened: null as unknown }));
vi.mock('../../src/background/bundled-index', async () => ({
  bundledIndex: {
    ...(await import('./fake-index')).fakeBundledIndex([]),
    manifest: async () => ({ articles: 70 }),
    // One head per worker life, as the real bundled index keeps it.
    searchHead: async () => state.opened,
  },
}));
vi.mock('../../src/background/custom-index', () => ({ customArticles: async () => null }));
vi.mock('../../src/background/content-script-file', () => ({
  CONTENT_SCRIPT_FILE: 'c.js',
  HIGHLIGHT_CSS_FILE: 'h.css',
  LENS_SCRIPT_FILE: 'l.js',
}));

const EXT = 'test-extension-id';
const lookup = { id: EXT, url: `chrome-extension://${EXT}/popup.html?search=` } as browser.Runtime.MessageSender;

/** A new worker life: fresh modules, a freshly opened head, an empty read log. */
async function startWorker() {
  vi.resetModules();
  const { ix, reads } = index.lazy();
  state.reads = reads;
  state.opened = ix;
  const { handleMessage } = await import('../../src/background/router');
  const { WARM_UP_QUERY } = await import('../../src/background/search-service');
  return { handleMessage, reads, WARM_UP_QUERY };
}

async function settle(reads: Reads): Promise<void> {
  for (let seen = -1; seen !== reads.log.length;) {
    seen = reads.log.length;
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  }
}

describe('the worker warms its search up before the first query', () => {
  beforeEach(() => {
    state.reads = null;
  });

  it('answers its own query once a lookup window opens, reading what that search reads', async () => {
    const { handleMessage, reads, WARM_UP_QUERY } = await startWorker();
    await handleMessage({ type: 'index-status' }, lookup);
    await settle(reads);
    expect(reads.log).toContain(WARM_UP_TITLES);
    const alone = index.lazy();
    const { searchReading } = await import('../../src/core/search');
    await searchReading(alone.ix, WARM_UP_QUERY, { limit: 12 });
    expect(new Set(reads.log)).toEqual(new Set(alone.reads.log));
  });

  it('once per worker life', async () => {
    const { handleMessage, reads } = await startWorker();
    await handleMessage({ type: 'index-status' }, lookup);
    await settle(reads);
    const after = reads.log.length;
    await handleMessage({ type: 'index-status' }, lookup);
    await settle(reads);
    expect(reads.log.length).toBe(after);
  });

  it('steps aside between its passes for a real search, which answers as over the whole index', async () => {
    const { handleMessage, reads } = await startWorker();
    let open = () => {};
    reads.gate = new Promise((r) => (open = r));
    await handleMessage({ type: 'index-status' }, lookup);
    // The warm-up's first pass has asked for its postings; the agent's query comes in meanwhile.
    await new Promise((r) => setTimeout(r, 0));
    const asked = handleMessage({ type: 'search', query: 'spooler hangs', limit: 12 }, lookup);
    open();
    const answer = (await asked) as { results: { q: string }[] };
    await settle(reads);
    expect(answer.results.map((r) => r.q)).toEqual(search(index.whole, 'spooler hangs', { limit: 12 }).map((r) => r.q));
    // The warm-up's next pass, which would read its articles' titles, never ran.
    expect(reads.log.length).toBeGreaterThan(0);
    expect(reads.log).not.toContain(WARM_UP_TITLES);
  });

  it('not when a real search is already being answered', async () => {
    const { handleMessage, reads } = await startWorker();
    const asked = handleMessage({ type: 'search', query: 'spooler hangs', limit: 12 }, lookup);
    await handleMessage({ type: 'index-status' }, lookup);
    await asked;
    await settle(reads);
    expect(reads.log).not.toContain(WARM_UP_TITLES);
  });
});
