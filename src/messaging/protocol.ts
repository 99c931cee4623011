import type { ArticleRecord } from '../core/article/types';
import type { BuildInfo } from '../core/version/build-matches';
import type { MatchKind } from '../core/match/kinds';
import type { Verdict } from '../core/version/verdict';
import { array, boolean, literal, number, object, optional, string, type ObjectOf, type Schema } from './schema';

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
  /**
   * NDR only: the report is a delay notice for this recipient, not a failure: the server still
   * retries, and the reason is why it waits.
   */
  delayed?: true;
  /**
   * An archive-era Exchange bounce's matches: the article the ticket describes around the bounce
   * (found by the background from the ticket's words outside it; it quotes none of the bounce).
   * Whether it is shown, and where, is the background's ranking (`articles` answer: rank, confidence).
   */
  situation?: string;
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
  /** Its place (0 = best) in the tab's whole-page ranking (the summary's order); absent without a tab. */
  rank?: number;
  /**
   * Only for an article the page summary lists: "low" when its evidence is thin (a code only, a
   * tie, a bounce's situation the ticket describes but does not quote), as the CLI marks it.
   */
  confidence?: 'high' | 'low';
  /** `described`: nothing on the page quotes it; suggested from the ticket's words (core/match/described.ts). */
  source?: 'described';
}

/** The answer to an `articles` request. */
export interface ArticlesAnswer {
  articles: ArticleView[];
  /** Present when asked for (`related`): the first found article's related articles, records and verdicts only, not ranked. */
  related?: ArticleView[];
}

/** A match as the popup's summary lists it: what it is, not where it is on the page. */
export type MatchBrief = Pick<FoundMatch, 'kind' | 'text' | 'value' | 'class' | 'reason' | 'recipient' | 'delayed'>;

/** What KB Lens matched on one tab, for the popup's summary. */
export interface TabSummary {
  url: string;
  /** Articles ranked for the page as a whole, best first, each with the matches that point to it. */
  articles: Array<ArticleView & { matches: MatchBrief[] }>;
  /** Matches no known article explains (e.g. a KB number outside the archive). */
  unexplained: MatchBrief[];
  matchCount: number;
  /** "Versions in this ticket": each build or file version, its release, the later releases. */
  versions?: Array<{
    text: string;
    release: string;
    product: string;
    build: string;
    newer: string[];
    articles: string[];
  }>;
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

/** The answer a request kind gets: a type only (the background is trusted; its answers are not checked). */
export interface Answer<T> {
  readonly __answer?: T;
}
const answer = <T>(): Answer<T> => ({});

/**
 * Every request the background answers: who may send it, its fields, checked at runtime by the
 * router (requestError), and its answer. `Request` and `ResponseMap` are derived from this table,
 * so the types the handlers are written against and the check that guards them cannot drift apart.
 * `from`: 'pages' for the extension's own pages only (popup, side panel, options); 'any' also
 * for content scripts, which may name no tab but their own in a `tabId` (background/senders.ts).
 */
export const REQUESTS = {
  /**
   * Content script: scan this text (one block of the page); the tab's summary is updated.
   * `reset`: a new page (navigation), forget the tab's earlier matches.
   */
  scan: {
    from: 'any',
    fields: { text: string(), reset: optional(boolean()) },
    answer: answer<{ matches: FoundMatch[] }>(),
  },
  /** Content script (the probe): does this text hold anything to find? Matching only, no ranking; `reset` as for scan. */
  probe: { from: 'any', fields: { text: string(), reset: optional(boolean()) }, answer: answer<{ found: boolean }>() },
  /**
   * Content script or page: records and verdicts for these articles (verdicts against the tab's
   * text). `related`: also the records of the first found article's related articles, at most this
   * many (and at most MAX_ARTICLES_ASKED, limits.ts), so a card or an article's detail is answered
   * by one request.
   */
  articles: {
    from: 'any',
    fields: { qs: array(string()), tabId: optional(number()), related: optional(number()) },
    answer: answer<ArticlesAnswer>(),
  },
  search: {
    from: 'any',
    fields: { query: string(), limit: optional(number()) },
    answer: answer<{ results: SearchHit[] }>(),
  },
  'tab-summary': { from: 'any', fields: { tabId: number() }, answer: answer<TabSummary | null>() },
  'site-state': { from: 'pages', fields: { url: string() }, answer: answer<SiteState>() },
  /** Popup: the user turned KB Lens on for a site (permission already granted by the popup). */
  'site-enable': { from: 'pages', fields: { pattern: string() }, answer: answer<SiteState>() },
  'site-disable': { from: 'pages', fields: { pattern: string() }, answer: answer<SiteState>() },
  /** Popup: scan this tab once (activeTab). */
  'scan-once': { from: 'pages', fields: { tabId: number() }, answer: answer<{ ok: boolean; error?: string }>() },
  /** Pages: index load progress, for the first-load indicator. */
  'index-status': { from: 'any', fields: {}, answer: answer<{ ready: boolean; articles: number; custom: number }>() },
  /** Content script (the probe): this frame has a match, inject the full lens into it. */
  'load-lens': { from: 'any', fields: {}, answer: answer<{ ok: boolean; error?: string }>() },
} satisfies Record<string, { from: 'any' | 'pages'; fields: Record<string, Schema<unknown>>; answer: Answer<unknown> }>;

type Table = typeof REQUESTS;
export type RequestType = keyof Table;

/** A request of each kind: `type` plus the fields its row of REQUESTS names. */
export type Request = { [K in RequestType]: Flat<{ type: K } & ObjectOf<Table[K]['fields']>> }[RequestType];

type Flat<T> = { [K in keyof T]: T[K] } & {};

export type ResponseMap = { [K in RequestType]: Table[K]['answer'] extends Answer<infer T> ? T : never };

export type Response<R extends Request> = ResponseMap[R['type']];

/** Each kind's whole message, `type` included, as the router checks it. */
const requestSchemas = Object.fromEntries(
  Object.entries(REQUESTS).map(([type, row]) => [type, object({ type: literal(type), ...row.fields })]),
) as Record<string, Schema<unknown>>;

/**
 * Whether a message is a well-formed request: `null` when it is, otherwise why not, naming the
 * request kind and the field ("articles: qs[1] must be a string, got a number").
 */
export function requestError(message: unknown): string | null {
  if (typeof message !== 'object' || message === null || Array.isArray(message))
    return 'not a request: the message is not an object';
  const type = (message as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(requestSchemas, type))
    return `unknown request kind ${JSON.stringify(type) ?? 'undefined'}`;
  const wrong = requestSchemas[type]!.check(message, '');
  return wrong && `${type}: ${wrong}`;
}

/** Background -> content script. */
export type ContentRequest = { type: 'next-match'; direction: 1 | -1 } | { type: 'rescan' } | { type: 'ping' };

/** What a frame's content script answers; no answer where nothing in the frame owns the request (next-match outside the top frame). */
export interface ContentResponseMap {
  'next-match': { ok: boolean };
  rescan: { ok: boolean };
  /** matches: how many the frame holds (0 while only the probe runs). */
  ping: { ok: boolean; matches: number };
}

export type ContentResponse<R extends ContentRequest = ContentRequest> = ContentResponseMap[R['type']];
