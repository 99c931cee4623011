/**
 * Which open views search first, and the start-up check for one. Apart from the search service:
 * every worker start runs the check, and only a start with such a view open evaluates the search.
 */
import { SEARCH_FILE } from '../core/index/layout';
import { indexFiles } from './index-files';
import { searchService } from './services';

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

/** Whether a view can be searched from (all of them show a search box). */
function isSearchView(url: string): boolean {
  return SEARCH_VIEW.test(new URL(url).pathname);
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
 * under it), prepare the search index; when a popup or side panel is, start reading the head's
 * kept image. A worker woken for a ticket page's probe has no such view and reads nothing more. Firefox's event page has no clients: the window's first request
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
      // The head's kept image is asked for before the search's modules are evaluated: the read runs meanwhile.
      indexFiles.prefetchImage(SEARCH_FILE);
      (await searchService()).prepareSearch();
      return true;
    }
    if (views.some((v) => isSearchView(v.url))) {
      // A view that shows its summary first: only the image's raw read starts now, I/O that runs
      // while the summary is built (opening the head waits for the summary, as the router has it).
      // A query typed as the view opens then finds the image read; a toolbar click starts the worker
      // with the view's first message, so this is most of what the first search waits for.
      indexFiles.prefetchImage(SEARCH_FILE);
      return true;
    }
  }
  return false;
}
