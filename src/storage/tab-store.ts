import browser from 'webextension-polyfill';
import type { TaggedMatch } from '../core/bounce';
import type { TicketVersions } from '../core/version';

/**
 * What the content script found on each tab, in storage.session under one key per tab. Kept
 * there, not in a global: the service worker is stopped after 30 s idle and the popup may ask
 * long after the scan. The background writes it (background/tab-state.ts); the popup watches it.
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
  /**
   * Those of `words` no block reports a problem in (core/match/reported.ts): named by a request, a
   * closed case or an all-clear. Absent in state saved by older versions (every word then counts).
   */
  quiet?: string[];
}

const tabKey = (tabId: number) => `tab:${tabId}`;

export async function readTab(tabId: number): Promise<TabMatches | null> {
  const value = (await browser.storage.session.get(tabKey(tabId)))[tabKey(tabId)] as TabMatches | undefined;
  return value ?? null;
}

/** Rejects when the session store refuses it (its quota is shared by all tabs). */
export async function writeTab(tabId: number, state: TabMatches): Promise<void> {
  await browser.storage.session.set({ [tabKey(tabId)]: state });
}

export async function removeTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId));
}

/** Calls back whenever the tab's state is written or removed. */
export function watchTab(tabId: number, onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'session' && tabKey(tabId) in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
