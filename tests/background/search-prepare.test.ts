/**
 * The search index is read before the first query: at once for a lookup window (it searches
 * first: its index-status request, or at worker start-up when one is already open); after the
 * tab's summary is answered for the popup and side panel (they show it first; at worker start-up
 * only the head's kept image is read for them); never for a ticket page's probe or summary, which
 * need no search.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type browser from 'webextension-polyfill';

const reads = vi.hoisted(() => ({ search: 0, images: [] as string[], order: [] as string[] }));
// The files' reader: the start-up check asks it for the head's kept image before evaluating the search.
vi.mock('../../src/background/index-files', () => ({
  indexFiles: {
    prefetchImage: (path: string) => (reads.images.push(path), reads.order.push('image')),
    warm: () => undefined,
  },
}));
vi.mock('../../src/background/bundled-index', async () => ({
  bundledIndex: {
    ...(await import('./fake-index')).fakeBundledIndex((await import('./fake-index')).articlesQuotingNdr()),
    manifest: async () => ({ articles: 3 }),
    searchHead: () => {
      reads.search++;
      reads.order.push('head');
      return new Promise(() => undefined);
    },
  },
}));
vi.mock('../../src/background/custom-index', () => ({ customArticles: async () => null }));
vi.mock('../../src/background/content-script-file', () => ({
  CONTENT_SCRIPT_FILE: 'c.js',
  HIGHLIGHT_CSS_FILE: 'h.css',
  LENS_SCRIPT_FILE: 'l.js',
}));

// The mocked index is evaluated before the router's services ask for it, some of them at once.
await import('../../src/background/bundled-index');
const { handleMessage } = await import('../../src/background/router');
const { prepareSearchIfViewOpen } = await import('../../src/background/search-views');
// Evaluated before the tests (services.ts loads them on first use): a read a request starts then
// begins within the microtasks after it, so the negative cases' one timer tick is long enough.
const services = await import('../../src/background/services');
await Promise.all([services.scanService(), services.summaryService(), services.searchService()]);

const EXT = 'test-extension-id';
const popup = { id: EXT, url: `chrome-extension://${EXT}/popup.html` } as browser.Runtime.MessageSender;
const lookup = {
  id: EXT,
  url: `chrome-extension://${EXT}/popup.html?search=store.exe`,
} as browser.Runtime.MessageSender;
const content = {
  id: EXT,
  url: 'https://desk.example/t/1',
  tab: { id: 3, url: 'https://desk.example/t/1' } as browser.Tabs.Tab,
  frameId: 0,
} as browser.Runtime.MessageSender;

function withClients(urls: string[] | null, fn: () => Promise<unknown>): Promise<unknown> {
  const g = globalThis as { clients?: unknown };
  const saved = g.clients;
  g.clients = urls && { matchAll: async () => urls.map((url) => ({ url })) };
  return fn().finally(() => {
    g.clients = saved;
  });
}

describe('the search index is prepared before the first query', () => {
  beforeEach(() => {
    reads.search = 0;
    reads.images = [];
    reads.order = [];
  });

  it('when a lookup window asks for the index status, without waiting for it', async () => {
    await expect(handleMessage({ type: 'index-status' }, lookup)).resolves.toEqual({
      ready: true,
      articles: 3,
      custom: 0,
    });
    // The search service is evaluated on its first use (services.ts): the read starts once it is.
    await vi.waitFor(() => expect(reads.search).toBe(1));
  });

  it('for the popup, once its tab summary is answered, not before', async () => {
    await handleMessage({ type: 'index-status' }, popup);
    expect(reads.search).toBe(0);
    await handleMessage({ type: 'tab-summary', tabId: 7 }, popup);
    await vi.waitFor(() => expect(reads.search).toBe(1));
  });

  it('not for a ticket page: its probe or its own summary', async () => {
    await handleMessage({ type: 'probe', text: 'nothing to find here' }, content);
    await handleMessage({ type: 'tab-summary', tabId: 3 }, content);
    await new Promise((r) => setTimeout(r, 0));
    expect(reads.search).toBe(0);
  });

  it('at worker start-up when a lookup window is open, not otherwise', async () => {
    const once = () => prepareSearchIfViewOpen([0]);
    await withClients([`chrome-extension://${EXT}/options.html`], once);
    await withClients(null, once);
    expect(reads.images).toEqual([]);
    // The side panel and the popup on a tab show its summary first: the router opens the head after
    // it; only the image's raw read starts now.
    await withClients([`chrome-extension://${EXT}/sidepanel.html`, `chrome-extension://${EXT}/popup.html?tab=7`], once);
    expect(reads.search).toBe(0);
    expect(reads.images).toEqual(['search.json']);
    reads.images = [];
    reads.order = [];
    await withClients([`chrome-extension://${EXT}/popup.html?search=`], once);
    expect(reads.search).toBe(1);
    expect(reads.images).toEqual(['search.json']);
    // The image is asked for before the search head is opened, not after.
    expect(reads.order).toEqual(['image', 'head']);
  });

  it('looks again while a window that started the worker commits', async () => {
    const urls: string[] = [];
    const g = globalThis as { clients?: unknown };
    const saved = g.clients;
    let calls = 0;
    g.clients = {
      matchAll: async () => (
        ++calls === 3 && urls.push(`chrome-extension://${EXT}/popup.html?search=`),
        urls.map((url) => ({ url }))
      ),
    };
    try {
      await expect(prepareSearchIfViewOpen([0, 1, 2, 3])).resolves.toBe(true);
    } finally {
      g.clients = saved;
    }
    expect(calls).toBe(3);
    expect(reads.search).toBe(1);
  });
});
