import browser from 'webextension-polyfill';
import type { TaggedMatch } from '../core/bounce';
import { MAX_CONTEXT_WORDS, mergeContextWords } from '../core/match/context';
import type { TicketVersions } from '../core/version';

/**
 * What the content script found on each tab. Kept in storage.session, not in a global: the
 * service worker is stopped after 30 s idle and the popup may ask long after the scan.
 */
export interface TabMatches {
  url: string;
  /** The matcher's matches (offsets are into the scanned block, not the page). */
  matches: TaggedMatch[];
  /** What the page says about its versions ("Exchange Server 5.5 SP2", "Store.exe 5.5.2448.0"), for verdicts. */
  ticket: TicketVersions;
  /**
   * The page's context words outside its matches (core/match/context.ts), from every block
   * scanned so far, so the summary and the card rank by the whole ticket, not by one window.
   * Bounded (MAX_CONTEXT_WORDS, MAX_CONTEXT_CHARS); absent in state saved by older versions.
   */
  words?: string[];
}

/** A hostile or enormous page must not fill the session store (10 MB for the whole extension). */
const MAX_MATCHES_PER_TAB = 2000;
const MAX_VERSION_MENTIONS = 200;
/** Words are at most 30 characters; this keeps a tab's words under ~24 kB in the session store. */
export const MAX_CONTEXT_CHARS = 24_000;

const key = (tabId: number) => `tab:${tabId}`;

export async function readTab(tabId: number): Promise<TabMatches | null> {
  const value = (await browser.storage.session.get(key(tabId)))[key(tabId)] as TabMatches | undefined;
  return value ?? null;
}

// Scans from one tab arrive concurrently (several frames, idle slices): serialise the
// read-modify-write per tab so no batch overwrites another.
const queues = new Map<number, Promise<unknown>>();

/**
 * What a tab keeps so far for ranking a block by the whole ticket (nothing for a new page): its
 * context words and the articles its matches name.
 */
export async function tabContext(tabId: number, url: string): Promise<{ words: string[]; articles: string[] }> {
  const tab = await readTab(tabId);
  if (!tab || tab.url !== url) return { words: [], articles: [] };
  return { words: tab.words ?? [], articles: [...new Set(tab.matches.flatMap((m) => m.articles))] };
}

/** Words within the count and the character bound, in the order mergeContextWords keeps them. */
export function boundWords(words: readonly string[]): string[] {
  let chars = 0;
  const out: string[] = [];
  for (const w of words) {
    if (out.length >= MAX_CONTEXT_WORDS || chars + w.length + 1 > MAX_CONTEXT_CHARS) break;
    out.push(w);
    chars += w.length + 1;
  }
  return out;
}

/**
 * Adds one block's matches, versions and context words to the tab's state. `relevant`: words some
 * candidate article has, kept first when the words reach their bound.
 */
export function addToTab(
  tabId: number, url: string, found: TaggedMatch[], ticket: TicketVersions, reset: boolean,
  words: Iterable<string> = [], relevant: ReadonlySet<string> = new Set(),
): Promise<TabMatches> {
  const run = async () => {
    const current = reset ? null : await readTab(tabId);
    const next: TabMatches = current && current.url === url
      ? current
      : { url, matches: [], ticket: { products: [], files: [] }, words: [] };
    next.matches = next.matches.concat(found).slice(0, MAX_MATCHES_PER_TAB);
    next.ticket = {
      products: next.ticket.products.concat(ticket.products).slice(0, MAX_VERSION_MENTIONS),
      files: next.ticket.files.concat(ticket.files).slice(0, MAX_VERSION_MENTIONS),
    };
    next.words = boundWords(mergeContextWords(next.words ?? [], words, relevant));
    await browser.storage.session.set({ [key(tabId)]: next });
    await updateBadge(tabId, next.matches.length);
    return next;
  };
  const p = (queues.get(tabId) ?? Promise.resolve()).then(run, run);
  queues.set(tabId, p);
  void p.finally(() => { if (queues.get(tabId) === p) queues.delete(tabId); });
  return p;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}

async function updateBadge(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: count ? String(Math.min(count, 999)) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#1d4ed8' });
  } catch {
    // The tab closed while we were scanning: nothing to badge.
  }
}
