/**
 * The result of analysing one ticket text, in the shape `kblens scan --json` prints (a public
 * contract: keep the names). Matches are in text order with their articles best first; the
 * top-level articles are ranked for the text as a whole.
 */
import type { ArticleRecord } from '../article/types';
import { findTicketVersions, type TicketVersions } from '../version/ticket-versions';
import { withBuildReleases } from '../version/ticket-builds';
import { ticketWords } from './context';
import { rankArticles, type RankOptions, type RankedArticle } from './rank';
import type { Match, MatchKind } from './scan';
import { worthShowing } from './shown';
import { laterThanArchive } from './ticket-era';
import type { BuildInfo } from '../version/build-matches';

export interface ExplainedMatch {
  kind: MatchKind;
  text: string;
  start: number;
  end: number;
  class?: string;
  articles: string[];
  value: string;
  why?: string;
  /** Soft slots of the message that took another value than the article's: ticket value, article value. */
  slots?: { value: string; articleValue: string }[];
  /** Build matches: the build, its product and release, and the later releases. */
  build?: BuildInfo;
  /** The ticket retyped the message: how many of its words it dropped, added or changed. */
  edits?: number;
}

export interface ExplainResult {
  matches: ExplainedMatch[];
  articles: RankedArticle[];
}

/** The KB numbers whose records the caller should fetch before calling `explain`. */
export function candidateArticles(matches: readonly Match[]): string[] {
  const out = new Set<string>();
  for (const m of matches) {
    for (const q of m.articles) out.add(q);
    for (const inner of m.inner ?? []) for (const q of inner.articles) out.add(q);
    if (m.about) out.add(m.about.q);
  }
  return [...out];
}

function matchWhy(m: Match): string {
  const cls = m.class ? ` (${m.class})` : '';
  if (m.source === 'cited') return 'KB article cited';
  if (m.source === 'build')
    return m.build?.release ? `${m.build.build} is ${m.build.release}` : `${m.build?.build ?? m.text}: ${m.value}`;
  if (m.source === 'code') {
    const what = m.kind === 'ndr' ? `NDR code ${m.value}${cls}` : `error code ${m.value}`;
    return m.articles.length
      ? `${what}, quoted by ${m.articles.length} article${m.articles.length > 1 ? 's' : ''}`
      : what;
  }
  const what = m.kind === 'ndr' ? `NDR text${cls}` : 'error message';
  const quoted = m.articles.length
    ? `${what} quoted by ${m.articles.length} article${m.articles.length > 1 ? 's' : ''}`
    : what;
  const retyped = m.edits ? `${quoted}, retyped (${m.edits} word${m.edits > 1 ? 's' : ''} differ)` : quoted;
  return m.slots
    ? `${retyped}, with another value: ${m.slots.map((s) => `'${s.value}' where the article has '${s.articleValue}'`).join(', ')}`
    : retyped;
}

/**
 * Where each article stands after a ranking: the listed ones first, in their order, then the rest
 * of the candidates in evidence order, then articles without evidence. Sorting a match's articles
 * by it is how explain() (and the background's scan) order them.
 */
export function articleOrder(
  ranked: readonly { q: string }[],
  evidence: readonly { q: string }[],
): (q: string) => number {
  const order = new Map<string, number>();
  ranked.forEach((a, i) => order.set(a.q, i));
  evidence.forEach((e, i) => {
    if (!order.has(e.q)) order.set(e.q, ranked.length + i);
  });
  return (q) => order.get(q) ?? Number.MAX_SAFE_INTEGER;
}

/**
 * A match's articles as the page and the CLI list them, best first by `pos` (articleOrder): its
 * own, then those of a shorter message it took in (Match.inner), which the ranking counts for it:
 * the card of such a match can then show the article the page summary leads with.
 */
export function orderedArticles(m: Match, pos: (q: string) => number): string[] {
  const all = m.inner ? [...new Set([...m.articles, ...m.inner.flatMap((i) => i.articles)])] : [...m.articles];
  return all.sort((a, b) => pos(a) - pos(b));
}

/**
 * Ranks `records` (the candidate articles, fetched by the caller) against the matches of `text`.
 * `ticket` defaults to the versions found in `text`, `contextWords` to the words of `text`
 * outside the matches (a caller that scans in windows passes the whole ticket's).
 */
export function explain(
  text: string,
  matches: readonly Match[],
  records: ReadonlyMap<string, ArticleRecord>,
  opts: RankOptions & { ticket?: TicketVersions } = {},
): ExplainResult {
  const ticket = opts.ticket ?? withBuildReleases(findTicketVersions(text), matches, text);
  const contextWords = opts.contextWords ?? (opts.context === false ? undefined : ticketWords(text, matches));
  const { ranked, evidence } = rankArticles(matches, records, ticket, { ...opts, contextWords });
  const pos = articleOrder(ranked, evidence);
  const listed = new Set(ranked.map((a) => a.q));
  const later = laterThanArchive(ticket);
  return {
    matches: matches
      .filter((m) => worthShowing(m, listed, later))
      .map((m) => {
        const articles = orderedArticles(m, pos);
        // Key order is the JSON contract's: kind, text, start, end, class?, articles, then extras.
        return {
          kind: m.kind,
          text: m.text,
          start: m.start,
          end: m.end,
          ...(m.class ? { class: m.class } : {}),
          articles,
          value: m.value,
          why: m.why ?? matchWhy(m),
          ...(m.slots ? { slots: m.slots } : {}),
          ...(m.build ? { build: m.build } : {}),
          ...(m.edits ? { edits: m.edits } : {}),
        };
      }),
    articles: ranked,
  };
}
