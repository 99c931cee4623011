import type { ArticleRecord } from '../core/article/types';
import type { BuildInfo } from '../core/version/build-matches';
import type { MatchKind } from '../core/match/kinds';
import type { Verdict } from '../core/version/verdict';

/**
 * Every message between the extension's contexts, typed. The background answers requests; the
 * content script and the pages (popup, side panel, options) ask. Keep shapes plain JSON: they
 * cross a structured-clone boundary and may meet an older build after an update.
 */

export type { MatchKind } from '../core/match/kinds';

/** One thing found in the page's text, with offsets into the text that was sent to be scanned. */
export interface FoundMatch {
  kind: MatchKind;
  start: number;
  end: number;
  /** The exact text of the span. */
  text: string;
  /** Normalised value: "Q227142", "5.1.1", or the canonical error/NDR string. */
  value: string;
  /** NDR class where known: "unknown-recipient", "mailbox-full", ... */
  class?: string;
  /** Candidate articles, best first (may be empty: a KB number the index lacks). */
  articles: string[];
  /** `build` matches: the build, its product and release, what is newer. */
  build?: BuildInfo;
  /** NDR only: the bounce's reason class (sisimai's vocabulary: "userunknown", "mailboxfull", ...). */
  reason?: string;
  /** NDR only: the failed recipient the match belongs to, where the bounce names one. */
  recipient?: string;
}

export type { Verdict } from '../core/version/verdict';

/** An article as the card and the popup show it: the record plus what it means for this ticket. */
export interface ArticleView {
  record: ArticleRecord;
  verdict?: Verdict;
  verdictReason?: string;
  /** Why it was chosen for this page. */
  why?: string;
  score?: number;
  /** Its place (0 = best) among the articles asked for, ranked by the tab's whole page; absent without a tab. */
  rank?: number;
}

/** The answer to an `articles` request. */
export interface ArticlesAnswer {
  articles: ArticleView[];
  /** Present when asked for (`related`): the first found article's related articles, records and verdicts only, not ranked. */
  related?: ArticleView[];
}

/** What KB Lens matched on one tab, for the popup's summary. */
export interface TabSummary {
  url: string;
  /** Articles ranked for the page as a whole, best first, each with the matches that point to it. */
  articles: Array<ArticleView & { matches: Array<Pick<FoundMatch, 'kind' | 'text' | 'value' | 'class' | 'reason' | 'recipient'>> }>;
  /** Matches no known article explains (e.g. a KB number outside the archive). */
  unexplained: Array<Pick<FoundMatch, 'kind' | 'text' | 'value' | 'class' | 'reason' | 'recipient'>>;
  matchCount: number;
  /** "Versions in this ticket": each build or file version, its release, the later releases. */
  versions?: Array<{ text: string; release: string; product: string; build: string; newer: string[]; articles: string[] }>;
}

export interface SearchHit {
  q: string;
  title: string;
  score: number;
  why?: string;
}

export type SiteState =
  | { kind: 'on'; pattern: string; managed: boolean }
  | { kind: 'off'; pattern: string }
  /** Pages KB Lens can never run on (chrome://, the web store, file:// without access). */
  | { kind: 'unsupported' };

export type Request =
  /** Content script: scan this text (one block of the page); the tab's summary is updated. */
  | { type: 'scan'; text: string; /** A new page (navigation): forget the tab's earlier matches. */ reset?: boolean }
  /** Content script (the probe): does this text hold anything to find? Matching only, no ranking. */
  | { type: 'probe'; text: string; /** A new page (navigation): forget the tab's earlier matches. */ reset?: boolean }
  /**
   * Content script or page: records and verdicts for these articles (verdicts against the tab's
   * text). `related`: also the records of the first found article's related articles, at most this
   * many, so a card is answered by one request.
   */
  | { type: 'articles'; qs: string[]; tabId?: number; related?: number }
  | { type: 'search'; query: string; limit?: number }
  | { type: 'tab-summary'; tabId: number }
  | { type: 'site-state'; url: string }
  /** Popup: the user turned KB Lens on for a site (permission already granted by the popup). */
  | { type: 'site-enable'; pattern: string }
  | { type: 'site-disable'; pattern: string }
  /** Popup: scan this tab once (activeTab). */
  | { type: 'scan-once'; tabId: number }
  /** Pages: index load progress, for the first-load indicator. */
  | { type: 'index-status' }
  /** Content script (the probe): this frame has a match, inject the full lens into it. */
  | { type: 'load-lens' };

export interface ResponseMap {
  scan: { matches: FoundMatch[] };
  probe: { found: boolean };
  articles: ArticlesAnswer;
  search: { results: SearchHit[] };
  'tab-summary': TabSummary | null;
  'site-state': SiteState;
  'site-enable': SiteState;
  'site-disable': SiteState;
  'scan-once': { ok: boolean; error?: string };
  'index-status': { ready: boolean; articles: number; custom: number };
  'load-lens': { ok: boolean; error?: string };
}

export type Response<R extends Request> = ResponseMap[R['type']];

/** Background -> content script. */
export type ContentRequest =
  | { type: 'next-match'; direction: 1 | -1 }
  | { type: 'rescan' }
  | { type: 'ping' };

/** What a frame's content script answers; no answer where nothing in the frame owns the request (next-match outside the top frame). */
export interface ContentResponseMap {
  'next-match': { ok: boolean };
  rescan: { ok: boolean };
  /** matches: how many the frame holds (0 while only the probe runs). */
  ping: { ok: boolean; matches: number };
}

export type ContentResponse<R extends ContentRequest = ContentRequest> = ContentResponseMap[R['type']];
