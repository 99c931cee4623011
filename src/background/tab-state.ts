import browser from 'webextension-polyfill';
import { readTab, removeTab, writeTab, type TabMatches } from '../storage/tab-store';
import type { TaggedMatch } from '../core/bounce';
import { MAX_CONTEXT_WORDS, mergeContextWords } from '../core/match/context';
import { sameDocument } from '../core/match-pattern';
import type { TicketVersions } from '../core/version';

/**
 * What the content script found on each tab, merged batch by batch and bounded. The stored shape
 * and its key belong to storage/tab-store.ts; readTab is passed on for the services.
 */
export type { TabMatches };
export { readTab };

/** A hostile or enormous page must not fill the session store (10 MB for the whole extension). */
const MAX_MATCHES_PER_TAB = 2000;
const MAX_VERSION_MENTIONS = 200;
/**
 * A match's text can be a whole scanned window (35 K) of a pasted message; the popup shows a
 * line of it. Stored text is clipped to this many characters, the value to MAX_STORED_VALUE.
 */
export const MAX_STORED_TEXT = 200;
const MAX_STORED_VALUE = 1000;
const MAX_STORED_ARTICLES = 20;
/** Bytes (JSON, roughly) one tab may keep: ~40 busy tabs fit the 10 MB session quota. */
export const TAB_BYTE_BUDGET = 256 * 1024;
/** Words are at most 30 characters; this keeps a tab's words under ~24 kB in the session store. */
export const MAX_CONTEXT_CHARS = 24_000;

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
 * candidate article has, kept first when the words reach their bound. `reported`: those of the
 * block's words it reports a problem in; the others are kept as the tab's quiet words until a
 * block reports one.
 */
export function addToTab(
  tabId: number,
  url: string,
  found: TaggedMatch[],
  ticket: TicketVersions,
  reset: boolean,
  words: Iterable<string> = [],
  relevant: ReadonlySet<string> = new Set(),
  reported?: ReadonlySet<string>,
): Promise<TabMatches> {
  const run = async () => {
    const current = reset ? null : await readTab(tabId);
    const next: TabMatches =
      current && current.url === url ? current : { url, matches: [], ticket: { products: [], files: [] }, words: [] };
    next.matches = withinBudget(next.matches, found.map(clipMatch));
    next.ticket = {
      products: next.ticket.products.concat(ticket.products).slice(0, MAX_VERSION_MENTIONS),
      files: next.ticket.files.concat(ticket.files).slice(0, MAX_VERSION_MENTIONS),
    };
    const later = [...new Set([...(next.ticket.later ?? []), ...(ticket.later ?? [])])].slice(0, MAX_VERSION_MENTIONS);
    if (later.length) next.ticket.later = later;
    const blockWords = [...words];
    next.words = boundWords(mergeContextWords(next.words ?? [], blockWords, relevant));
    if (reported) {
      const kept = new Set(next.words);
      const quiet = new Set([...(next.quiet ?? []), ...blockWords.filter((w) => !reported.has(w))]);
      next.quiet = [...quiet].filter((w) => kept.has(w) && !reported.has(w));
    }
    await storeTab(tabId, next);
    await updateBadge(tabId, next.matches.length);
    return next;
  };
  return enqueue(tabId, run);
}

/** Matches kept when the session store refuses a tab's full state (its quota is shared by all tabs). */
const MATCHES_WHEN_FULL = 100;

/**
 * Stores a tab's state. When the session store is full (quota exceeded), the tab keeps its
 * first MATCHES_WHEN_FULL matches, and when even that fails, its previous state: the scan
 * still answers the page, which highlights what it found whatever the popup can show.
 */
async function storeTab(tabId: number, state: TabMatches): Promise<void> {
  try {
    await writeTab(tabId, state);
    return;
  } catch (e) {
    console.warn(
      `KB Lens: tab ${tabId}'s matches do not fit the session store (${(e as Error)?.message ?? e}); keeping ${MATCHES_WHEN_FULL}`,
    );
  }
  state.matches = state.matches.slice(0, MATCHES_WHEN_FULL);
  try {
    await writeTab(tabId, state);
  } catch {
    // Full even for that: the summary stays as it was.
  }
}

function enqueue<T>(tabId: number, run: () => Promise<T>): Promise<T> {
  const p = (queues.get(tabId) ?? Promise.resolve()).then(run, run);
  queues.set(tabId, p);
  void p
    .finally(() => {
      if (queues.get(tabId) === p) queues.delete(tabId);
    })
    .catch(() => {});
  return p;
}

/** What is stored of a match: its text and value clipped, at most MAX_STORED_ARTICLES candidates. */
export function clipMatch(m: TaggedMatch): TaggedMatch {
  const clipped: TaggedMatch = { ...m, text: clip(m.text, MAX_STORED_TEXT), value: clip(m.value, MAX_STORED_VALUE) };
  if (m.articles.length > MAX_STORED_ARTICLES) clipped.articles = m.articles.slice(0, MAX_STORED_ARTICLES);
  if (m.why !== undefined) clipped.why = clip(m.why, MAX_STORED_TEXT);
  return clipped;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}

/** The kept matches plus as many new ones as the tab's match count and byte budget allow. */
function withinBudget(kept: TaggedMatch[], added: TaggedMatch[]): TaggedMatch[] {
  const out = kept.slice(0, MAX_MATCHES_PER_TAB);
  let bytes = out.reduce((n, m) => n + matchBytes(m), 0);
  for (const m of added) {
    if (out.length >= MAX_MATCHES_PER_TAB) break;
    const size = matchBytes(m);
    if (bytes + size > TAB_BYTE_BUDGET) break;
    bytes += size;
    out.push(m);
  }
  return out;
}

function matchBytes(m: TaggedMatch): number {
  // JSON's length in UTF-16 units, at most 3 bytes each in UTF-8: an upper bound, cheaply.
  return JSON.stringify(m).length * 3;
}

/**
 * The tab started loading a page (or moved to another address): its summary belongs to the
 * page before and goes, so the popup never shows it for the new one. `url` is the new address
 * where the browser tells it; a load of the same address keeps nothing either, as the page is
 * scanned again from the start.
 */
export function onTabUpdated(tabId: number, change: { status?: string; url?: string }): Promise<void> {
  if (change.status !== 'loading' && change.url === undefined) return Promise.resolve();
  // In the tab's queue, so a scan batch being stored cannot bring the old page back.
  return enqueue(tabId, async () => {
    const current = await readTab(tabId);
    if (!current) return;
    if (change.status !== 'loading' && change.url !== undefined && sameDocument(change.url, current.url)) return;
    await forgetTab(tabId);
    await updateBadge(tabId, 0);
  });
}

export async function forgetTab(tabId: number): Promise<void> {
  await removeTab(tabId);
}

async function updateBadge(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: count ? String(Math.min(count, 999)) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#1d4ed8' });
  } catch {
    // The tab closed while we were scanning: nothing to badge.
  }
}
