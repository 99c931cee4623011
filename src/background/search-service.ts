import { isWhole, readEveryPartGently, searchReading, type SearchIndex } from '../core/search';
import type { SearchHit } from '../messaging/protocol';
import { bundledIndex } from './bundled-index';
import { customArticles } from './custom-index';

/**
 * Search over the bundled archive and the team's own articles; the team's win on equal numbers.
 * The archive's search index is opened from its head, and a search reads the parts it touches
 * (searchReading): the first answer after the worker starts waits for a few files, not all.
 */
export async function searchAll(query: string, limit = 20): Promise<SearchHit[]> {
  searching++;
  try {
    const [archive, custom] = await Promise.all([bundledIndex.searchHead(), customArticles()]);
    const indexes = custom ? [custom.search, archive] : [archive];
    const results = await searchReading(indexes, query, { limit });
    readTheRest(archive);
    return results.map(({ q, title, score, why }) => ({
      q,
      title,
      score,
      ...(why ? { why } : {}),
    }));
  } finally {
    if (--searching === 0) for (const go of waiting.splice(0)) go();
  }
}

/** Searches being answered, and background reads waiting for them to end. */
let searching = 0;
const waiting: (() => void)[] = [];
const searchesDone = (): Promise<void> =>
  searching === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));

/**
 * A moment after an answer, the rest of the index is read in the background, a couple of files
 * at a time and none while a search is being answered: the next keystrokes then find their parts
 * in memory, and a search waits behind no more than two files. Not sooner: the popup is still
 * painting the answer, and a worker reading megabytes as it starts slows the popup's own start.
 * Once per index (a failed read is tried again after the next answer).
 */
const REST_AFTER_MS = 300;
const REST_AT_ONCE = 2;
let restTimer: ReturnType<typeof setTimeout> | undefined;
const readingRest = new WeakSet<SearchIndex>();
function readTheRest(index: SearchIndex): void {
  if (readingRest.has(index) || isWhole(index)) return;
  clearTimeout(restTimer);
  restTimer = setTimeout(() => {
    if (readingRest.has(index)) return;
    readingRest.add(index);
    readEveryPartGently(index, REST_AT_ONCE, searchesDone).catch(() => readingRest.delete(index));
  }, REST_AFTER_MS);
}

/**
 * Starts reading and decoding the search index's head without waiting for it: a popup or side
 * panel is open, and the agent's first query should not pay for it on top of the worker's start.
 * Reading it once per worker life is what the first search would do anyway.
 */
export function prepareSearch(): void {
  bundledIndex.searchHead().catch(() => undefined);
}

/** The extension pages that search (the popup, its pop-out window, the side panel). */
const SEARCH_VIEW = /\/(?:popup|sidepanel)\.html$/;

/**
 * When a view should have the search index prepared for it. A lookup window
 * (popup.html?search=..., opened by the context menu and the omnibox) searches first: at once.
 * The popup and side panel show the tab's summary first: once it is answered (router), so that
 * reading the search index does not hold up the summary's records.
 */
export function searchesFirst(url: string): boolean {
  const u = new URL(url);
  return SEARCH_VIEW.test(u.pathname) && u.searchParams.has('search');
}

interface WorkerClients {
  matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly { url: string }[]>;
}

/**
 * Chrome starts the worker as the popup starts loading, before the popup is one of its clients:
 * the start-up check looks again while the popup commits and renders, often in its first 50 ms,
 * where each 10 ms it waits is 10 ms later for the search index (a check costs well under 1 ms).
 */
const VIEW_CHECKS_MS = [0, 5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 100];

/**
 * At worker start-up: when a lookup window is open (the worker was started for it, or restarted
 * under it), prepare the search index. A worker woken for a ticket page's probe has no such view
 * and reads nothing more. Firefox's event page has no clients: the window's first request
 * prepares it there (index-status).
 */
export async function prepareSearchIfViewOpen(checksMs: readonly number[] = VIEW_CHECKS_MS): Promise<boolean> {
  const clients = (globalThis as { clients?: WorkerClients }).clients;
  if (!clients) return false;
  let waited = 0;
  for (const at of checksMs) {
    if (at > waited) await new Promise((r) => setTimeout(r, at - waited));
    waited = at;
    const views = await clients.matchAll({ type: 'window', includeUncontrolled: true }).catch(() => []);
    if (views.some((v) => searchesFirst(v.url))) {
      prepareSearch();
      return true;
    }
  }
  return false;
}
