import browser from 'webextension-polyfill';
import type { Match } from '../core/match';
import { sameDocument } from '../core/match-pattern';
import type { TicketVersions } from '../core/version';

/**
 * What the content script found on each tab. Kept in storage.session, not in a global: the
 * service worker is stopped after 30 s idle and the popup may ask long after the scan.
 */
export interface TabMatches {
  url: string;
  /** The matcher's matches (offsets are into the scanned block, not the page). */
  matches: Match[];
  /** What the page says about its versions ("Exchange Server 5.5 SP2", "Store.exe 5.5.2448.0"), for verdicts. */
  ticket: TicketVersions;
}

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

const key = (tabId: number) => `tab:${tabId}`;

export async function readTab(tabId: number): Promise<TabMatches | null> {
  const value = (await browser.storage.session.get(key(tabId)))[key(tabId)] as TabMatches | undefined;
  return value ?? null;
}

// Scans from one tab arrive concurrently (several frames, idle slices): serialise the
// read-modify-write per tab so no batch overwrites another.
const queues = new Map<number, Promise<unknown>>();

export function addToTab(tabId: number, url: string, found: Match[], ticket: TicketVersions, reset: boolean): Promise<TabMatches> {
  const run = async () => {
    const current = reset ? null : await readTab(tabId);
    const next: TabMatches = current && current.url === url
      ? current
      : { url, matches: [], ticket: { products: [], files: [] } };
    next.matches = withinBudget(next.matches, found.map(clipMatch));
    next.ticket = {
      products: next.ticket.products.concat(ticket.products).slice(0, MAX_VERSION_MENTIONS),
      files: next.ticket.files.concat(ticket.files).slice(0, MAX_VERSION_MENTIONS),
    };
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
    await browser.storage.session.set({ [key(tabId)]: state });
    return;
  } catch (e) {
    console.warn(`KB Lens: tab ${tabId}'s matches do not fit the session store (${(e as Error)?.message ?? e}); keeping ${MATCHES_WHEN_FULL}`);
  }
  state.matches = state.matches.slice(0, MATCHES_WHEN_FULL);
  try {
    await browser.storage.session.set({ [key(tabId)]: state });
  } catch {
    // Full even for that: the summary stays as it was.
  }
}

function enqueue<T>(tabId: number, run: () => Promise<T>): Promise<T> {
  const p = (queues.get(tabId) ?? Promise.resolve()).then(run, run);
  queues.set(tabId, p);
  void p.finally(() => { if (queues.get(tabId) === p) queues.delete(tabId); }).catch(() => {});
  return p;
}

/** What is stored of a match: its text and value clipped, at most MAX_STORED_ARTICLES candidates. */
export function clipMatch(m: Match): Match {
  const clipped: Match = { ...m, text: clip(m.text, MAX_STORED_TEXT), value: clip(m.value, MAX_STORED_VALUE) };
  if (m.articles.length > MAX_STORED_ARTICLES) clipped.articles = m.articles.slice(0, MAX_STORED_ARTICLES);
  if (m.why !== undefined) clipped.why = clip(m.why, MAX_STORED_TEXT);
  return clipped;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}

/** The kept matches plus as many new ones as the tab's match count and byte budget allow. */
function withinBudget(kept: Match[], added: Match[]): Match[] {
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

function matchBytes(m: Match): number {
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
