import browser from 'webextension-polyfill';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import type { TabSummary } from '../messaging/protocol';
import { useIndexStatus, useSearch, useSiteState, useSummary, useTab, type Mode } from './hooks';
import { SiteBar } from './SiteBar';
import { SummaryView, SUMMARY_LIST_ID, summaryOptionId } from './SummaryView';
import { SearchResults, RESULTS_LIST_ID, resultOptionId } from './SearchResults';
import { DetailView, type ArticleCache } from './DetailView';
import { keyAction } from './keyboard';
import { useViewStack } from './view-stack';

function hasMatches(summary: TabSummary | null | undefined): boolean {
  return !!summary && (summary.articles.length > 0 || summary.unexplained.length > 0);
}

export interface AppProps {
  mode: Mode;
  /** popup.html?tab=N: this tab, whichever is active. */
  tabId?: number | undefined;
  /** Closes the action popup after popping out (window.close outside tests). */
  closeSelf?: () => void;
  /** Search text to start with (popup.html?search=...). */
  initialQuery?: string | undefined;
  /** How often to ask whether the index has loaded. */
  indexPollMs?: number;
}

/**
 * The popup: the page's summary, an article's detail, and search, in one keyboard-driven view
 * stack (view-stack.ts; what each key does is keyboard.ts).
 */
export function App(props: AppProps) {
  const { mode } = props;
  const { tab, revision } = useTab(mode, props.tabId);
  const [localRevision, setLocalRevision] = useState(0);
  const { summary, refresh } = useSummary(tab?.id, revision, tab?.url);
  const [site, setSite] = useSiteState(
    tab,
    tab?.url ?? (summary && summary.url ? summary.url : undefined),
    revision + localRevision,
  );
  const index = useIndexStatus(props.indexPollMs);
  const indexReady = index?.ready ?? false;

  const [query, setQuery] = useState(props.initialQuery ?? '');
  const search = useSearch(query, indexReady);
  const views = useViewStack();
  const { view, open, back } = views;
  const [active, setActive] = useState(0);
  const cache = useMemo<ArticleCache>(() => new Map(), []);
  const input = useRef<HTMLInputElement>(null);

  const searching = query.trim() !== '';
  const listQs: string[] = searching
    ? (search.results ?? []).map((h) => h.q)
    : (summary?.articles ?? []).map((a) => a.record.q);
  const activeIndex = listQs.length ? Math.min(active, listQs.length - 1) : -1;

  // Before the first paint, not after it (useEffect): the agent's first keystroke, often typed as
  // the popup opens, lands in the box.
  useLayoutEffect(() => {
    input.current?.focus();
    document.documentElement.dataset.mode = mode;
  }, []);

  useEffect(() => {
    if (view.name === 'home') input.current?.focus();
  }, [view]);

  // Rescan effects: the site turned on or the page was scanned once; the content script reports
  // through storage, which useSummary watches, and one fetch a moment later covers a missed event.
  const afterScan = () => {
    refresh();
    setTimeout(refresh, 800);
  };

  const onKey = useRef<(e: KeyboardEvent) => void>(() => {});
  onKey.current = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    const inSearch = e.target === input.current;
    const action = keyAction(e, {
      inSearch,
      inOtherField:
        !inSearch && !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)),
      query,
      canGoBack: views.depth > 1,
      atHome: view.name === 'home',
      listLength: listQs.length,
      activeIndex,
    });
    if (!action) return;
    e.preventDefault();
    if (action.do === 'back') back();
    else if (action.do === 'clear-search') {
      setQuery('');
      setActive(0);
    } else if (action.do === 'activate') setActive(action.index);
    else open(listQs[action.index]!);
  };
  useEffect(() => {
    const h = (e: KeyboardEvent) => onKey.current(e);
    document.addEventListener('keydown', h);
    return () => document.removeEventListener('keydown', h);
  }, []);

  // Keep the active option visible as the arrows move it.
  useEffect(() => {
    if (activeIndex < 0) return;
    const id = searching ? resultOptionId(activeIndex) : summaryOptionId(activeIndex);
    document.getElementById(id)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeIndex, searching]);

  const popOut = () => {
    if (!tab) return;
    const url = browser.runtime.getURL(`popup.html?tab=${tab.id}`);
    browser.windows.create({ url, type: 'popup', width: 420, height: 640 }).then(
      () => mode === 'popup' && (props.closeSelf ?? (() => window.close()))(),
      () => {},
    );
  };

  const activeId =
    view.name === 'home' && activeIndex >= 0
      ? searching
        ? resultOptionId(activeIndex)
        : summaryOptionId(activeIndex)
      : undefined;

  return (
    <div class={`app mode-${mode}`}>
      <header class="top">
        <div class="brand">
          <h1 class="brand-name">{t('extName')}</h1>
          {tab?.title && mode !== 'popup' && (
            <span class="muted tab-title" title={tab.url}>
              {tab.title}
            </span>
          )}
          {mode === 'popup' && tab && (
            <button type="button" class="link pop-out" data-action="pop-out" onClick={popOut} title={t('popOutHint')}>
              {t('popOut')}
            </button>
          )}
        </div>
        <div class="search-box">
          <label class="visually-hidden" for="kbl-search">
            {t('searchLabel')}
          </label>
          <input
            id="kbl-search"
            ref={input}
            type="search"
            role="combobox"
            // Preact's types insist on `list` for a combobox input; the options are our listbox, not a datalist.
            list={undefined}
            autocomplete="off"
            spellcheck={false}
            placeholder={t('searchPlaceholder')}
            aria-autocomplete="list"
            aria-expanded={view.name === 'home' && listQs.length > 0}
            aria-controls={searching ? RESULTS_LIST_ID : SUMMARY_LIST_ID}
            aria-activedescendant={activeId}
            value={query}
            onInput={(e) => {
              setQuery((e.currentTarget as HTMLInputElement).value);
              setActive(0);
              // Typing always shows results, even from an article's page.
              if (views.depth > 1) views.home();
            }}
          />
        </div>
        {index && !index.ready && (
          <p class="index-status muted" role="status" data-index="loading">
            {index.articles > 0 ? t('indexLoadingCount', index.articles) : t('indexLoading')}
          </p>
        )}
        {index === null && (
          <p class="index-status muted" role="status" data-index="unknown">
            {t('indexLoading')}
          </p>
        )}
      </header>
      <main class="content">
        {view.name === 'detail' ? (
          <DetailView
            key={`${view.q}:${views.depth}`}
            q={view.q}
            tabId={tab?.id}
            cache={cache}
            onOpen={open}
            onBack={back}
            canGoBack={views.depth > 1}
          />
        ) : searching ? (
          <SearchResults
            query={query}
            answered={search.results === null ? undefined : search.query}
            results={search.results}
            error={search.error}
            indexReady={indexReady}
            activeIndex={activeIndex}
            onOpen={open}
            onHover={setActive}
          />
        ) : (
          <>
            {mode !== 'lookup' && (
              <SiteBar
                site={site}
                tabId={tab?.id}
                onChanged={(s) => {
                  setSite(s);
                  setLocalRevision((r) => r + 1);
                }}
                onScanned={afterScan}
              />
            )}
            {mode === 'lookup' ? null : tab === null ? (
              <p class="muted empty">{t('noTab')}</p>
            ) : // Off and never scanned: "nothing found" would claim a scan that did not happen.
            site.kind === 'off' && !hasMatches(summary) ? null : (
              <SummaryView summary={summary} activeIndex={activeIndex} onOpen={open} onHover={setActive} />
            )}
          </>
        )}
      </main>
    </div>
  );
}
