import browser from 'webextension-polyfill';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ask } from '../messaging/send';
import type { SearchHit, SiteState, TabSummary } from '../messaging/protocol';
import { latestOnly } from '../ui/latest';
import { sameDocument } from '../core/match-pattern';
import { watchTab } from '../storage/tab-store';

/**
 * How the app is shown: the action popup, its own window/tab (popup.html?tab=N), the side panel,
 * or a lookup window about no tab (popup.html?search=..., from the context menu and omnibox).
 */
export type Mode = 'popup' | 'window' | 'sidepanel' | 'lookup';

export interface TabInfo {
  id: number;
  /** Missing where the browser hides it (side panel on a site KB Lens has no access to). */
  url?: string | undefined;
  title?: string | undefined;
}

/**
 * The tab the app is about. A fixed tab (popup.html?tab=N) stays; otherwise the active tab of
 * this window, and in the side panel the active tab as the agent moves between tickets.
 * `revision` goes up when the tab navigates, so everything about it is fetched again.
 */
export function useTab(
  mode: Mode,
  fixedTabId: number | undefined,
): { tab: TabInfo | null | undefined; revision: number } {
  const [tab, setTab] = useState<TabInfo | null | undefined>(undefined);
  const [revision, setRevision] = useState(0);
  const current = useRef<number | undefined>(fixedTabId);

  useEffect(() => {
    let alive = true;
    const show = (t: browser.Tabs.Tab | undefined | null) => {
      if (!alive) return;
      if (!t || t.id === undefined) {
        setTab(null);
        return;
      }
      current.current = t.id;
      setTab({ id: t.id, url: t.url, title: t.title });
      setRevision((r) => r + 1);
    };
    const load = async () => {
      try {
        if (fixedTabId !== undefined) show(await browser.tabs.get(fixedTabId));
        else show((await browser.tabs.query({ active: true, currentWindow: true }))[0]);
      } catch {
        show(null);
      }
    };
    if (mode === 'lookup') {
      setTab(null);
      return;
    }
    void load();

    const onUpdated = (tabId: number, change: browser.Tabs.OnUpdatedChangeInfoType, t: browser.Tabs.Tab) => {
      if (tabId !== current.current) return;
      if (change.url !== undefined || change.status === 'complete' || change.title !== undefined) show(t);
    };
    browser.tabs.onUpdated.addListener(onUpdated);

    let onActivated: ((info: browser.Tabs.OnActivatedActiveInfoType) => void) | null = null;
    if (mode === 'sidepanel' && fixedTabId === undefined) {
      let windowId: number | undefined;
      browser.windows.getCurrent().then(
        (w) => (windowId = w?.id),
        () => {},
      );
      onActivated = (info) => {
        if (windowId !== undefined && info.windowId !== windowId) return;
        browser.tabs.get(info.tabId).then(show, () => show(null));
      };
      browser.tabs.onActivated.addListener(onActivated);
    }
    return () => {
      alive = false;
      browser.tabs.onUpdated.removeListener(onUpdated);
      if (onActivated) browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [mode, fixedTabId]);

  return { tab, revision };
}

export type SiteView = SiteState | { kind: 'unknown' } | { kind: 'loading' };

/**
 * Whether KB Lens is on for the page. `url` is the tab's address, or, where the browser hides it
 * (a tab opened without activeTab), the address the content script reported in the summary.
 */
export function useSiteState(tab: TabInfo | null | undefined, url: string | undefined, revision: number) {
  const [site, setSite] = useState<SiteView>({ kind: 'loading' });
  useEffect(() => {
    if (tab === undefined) return;
    if (!url) {
      setSite({ kind: tab ? 'unknown' : 'unsupported' });
      return;
    }
    let alive = true;
    ask({ type: 'site-state', url }).then(
      (s) => alive && setSite(s ?? { kind: 'unknown' }),
      () => alive && setSite({ kind: 'unknown' }),
    );
    return () => void (alive = false);
  }, [tab?.id, url, revision]);
  return [site, setSite] as const;
}

/**
 * The tab's summary, fetched again whenever the tab's matches change: the background keeps them
 * in the tab store (storage/tab-store.ts), so a change there means the content script found more.
 */
export function useSummary(tabId: number | undefined, revision: number, tabUrl?: string) {
  const [summary, setSummary] = useState<TabSummary | null | undefined>(undefined);
  const [bump, setBump] = useState(0);
  const latest = useMemo(latestOnly, []);

  const shownTab = useRef(tabId);
  useEffect(() => {
    if (tabId === undefined) return;
    // Another tab (side panel): never show the previous ticket's matches as this one's.
    if (shownTab.current !== tabId) {
      shownTab.current = tabId;
      setSummary(undefined);
    }
    const fresh = latest.next();
    ask({ type: 'tab-summary', tabId }).then(
      // A summary of another address is the previous page's: never shown as this one's.
      (s) => fresh() && setSummary(s && (!tabUrl || sameDocument(s.url, tabUrl)) ? s : null),
      () => fresh() && setSummary(null),
    );
  }, [tabId, revision, bump, tabUrl]);

  useEffect(() => {
    if (tabId === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unwatch: () => void;
    try {
      unwatch = watchTab(tabId, () => {
        // A page is scanned in slices: one fetch for a burst of updates.
        clearTimeout(timer);
        timer = setTimeout(() => setBump((b) => b + 1), 150);
      });
    } catch {
      return;
    }
    return () => {
      clearTimeout(timer);
      unwatch();
    };
  }, [tabId]);

  return { summary, refresh: () => setBump((b) => b + 1) };
}

export type IndexStatus = { ready: boolean; articles: number; custom: number } | null;

/** Polls the index status until it is ready; the rest of the app never waits for it. */
export function useIndexStatus(pollMs = 1000): IndexStatus {
  const [status, setStatus] = useState<IndexStatus>(null);
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let tries = 0;
    const poll = () => {
      ask({ type: 'index-status' }).then(
        (s) => {
          if (!alive) return;
          setStatus(s ?? null);
          if (!s?.ready && ++tries < 300) timer = setTimeout(poll, pollMs);
        },
        () => {
          if (alive && ++tries < 300) timer = setTimeout(poll, pollMs);
        },
      );
    };
    poll();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [pollMs]);
  return status;
}

/** Runs `f` once the next frame has been produced (in a task after it, as the frame's paint is done). */
function afterPaint(f: () => void): void {
  requestAnimationFrame(() => setTimeout(f, 0));
}

/**
 * Results asked for first: about what the popup shows without scrolling. The worker reads a title
 * file for each result whose title it does not have yet, about one file per result after a cold
 * start; the rest of the list is asked for once the first screenful is shown.
 */
export const FIRST_SCREEN = 12;

/**
 * Search on every keystroke; only the newest query's answer is shown, first its first screenful,
 * then the whole list. A query that failed before the index said it was ready is asked again once
 * it is; one that was answered is not (on a cold start, asking again would throw away the first
 * answer and wait for a second).
 */
export function useSearch(query: string, indexReady: boolean, limit = 25) {
  const [state, setState] = useState<{ query: string; results: SearchHit[] | null; error?: string }>({
    query: '',
    results: null,
  });
  const latest = useMemo(latestOnly, []);
  const [retry, setRetry] = useState(0);
  const failedEarly = useRef(false);
  useEffect(() => {
    if (indexReady && failedEarly.current) {
      failedEarly.current = false;
      setRetry((n) => n + 1);
    }
  }, [indexReady]);
  const ready = useRef(indexReady);
  ready.current = indexReady;
  // Asked as the query renders, not after the next frame is painted (useEffect): a frame's wait
  // on every keystroke, and on a cold start the worker's search waits for the request.
  useLayoutEffect(() => {
    const q = query.trim();
    if (!q) {
      latest.cancel();
      setState({ query: '', results: null });
      return;
    }
    const fresh = latest.next();
    const first = Math.min(limit, FIRST_SCREEN);
    ask({ type: 'search', query: q, limit: first }).then(
      (r) => {
        if (!fresh()) return;
        const results = r?.results ?? [];
        setState({ query: q, results });
        if (results.length < first || first === limit) return;
        // The same ranking, longer: the first screenful stays as it is and the rest follows below.
        // Asked once that screenful is painted: the worker's second search would compete with the paint.
        afterPaint(() => {
          if (!fresh()) return;
          ask({ type: 'search', query: q, limit }).then(
            (all) => fresh() && all && setState({ query: q, results: all.results }),
            () => {},
          );
        });
      },
      (e: unknown) => {
        if (!fresh()) return;
        if (!ready.current) failedEarly.current = true;
        setState({ query: q, results: [], error: (e as Error)?.message ?? String(e) });
      },
    );
  }, [query, retry, limit]);
  return state;
}
