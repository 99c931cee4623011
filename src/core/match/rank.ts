/**
 * Ranking the articles a ticket's matches point to. Exact quoted messages weigh most, codes less,
 * several independent matches add up, a product/version the ticket also names lifts an article,
 * and nothing below a threshold is shown: no article beats a wrong one. A KB number the ticket
 * cites always applies.
 */
import type { ArticleRecord } from '../article/types';
import { articleProducts, productFit, verdictFor, type ProductFit, type Verdict } from '../version/verdict';
import type { TicketVersions } from '../version/ticket-versions';
import type { Match } from './scan';

export interface RankedArticle {
  q: string;
  title: string;
  score: number;
  why: string;
  verdict?: Verdict;
  verdictReason?: string;
}

export interface RankOptions {
  /** Score an article needs to be listed (a cited number always is); default 6. */
  threshold?: number;
  /** At most this many articles; default 10. */
  limit?: number;
  /** Rank by the ticket's words outside the matches too (context.ts); default true. */
  context?: boolean;
}

/** One article's evidence, before it is turned into a score and a sentence. */
export interface Evidence {
  q: string;
  cited: Match[];
  messages: Match[];
  codes: Match[];
  /** Sum of match contributions, before the product fit. */
  evidence: number;
  fit: ProductFit;
  score: number;
}

export const CITED_SCORE = 100;
const DEFAULT_THRESHOLD = 6;

/** Messages shared by many articles say less about each of them. */
function shareFactor(n: number): number {
  return n <= 3 ? 1 : n <= 10 ? 0.8 : 0.5;
}

// An article about another version of the ticket's product is a weaker explanation, not a different one.
const FIT_FACTOR: Record<ProductFit, number> = { 'same-version': 1.25, 'same-family': 0.5, other: 1, none: 1 };

/** Evidence for every article any match names, best first (threshold not applied). */
export function collectEvidence(
  matches: readonly Match[],
  records: ReadonlyMap<string, ArticleRecord>,
  ticket: TicketVersions,
): Evidence[] {
  const byQ = new Map<string, Evidence>();
  const get = (q: string) => {
    let e = byQ.get(q);
    if (!e) byQ.set(q, (e = { q, cited: [], messages: [], codes: [], evidence: 0, fit: 'none', score: 0 }));
    return e;
  };
  for (const m of matches) {
    if (m.source === 'cited') { get(m.value).cited.push(m); continue; }
    for (const q of m.articles) {
      if (!records.has(q)) continue;
      const e = get(q);
      (m.source === 'message' ? e.messages : e.codes).push(m);
    }
  }
  for (const e of byQ.values()) {
    let ev = e.cited.length > 0 ? CITED_SCORE : 0;
    // The same message or code seen twice is one piece of evidence, a little firmer.
    const seen = new Set<string>();
    for (const m of [...e.messages, ...e.codes]) {
      const unit = m.source === 'message' ? 10 * m.weight * shareFactor(m.articles.length) : 10 * m.weight;
      ev += seen.has(m.value) ? unit * 0.1 : unit;
      seen.add(m.value);
    }
    const rec = records.get(e.q);
    e.fit = rec ? productFit(rec, ticket) : 'none';
    e.evidence = ev;
    e.score = Math.round(ev * FIT_FACTOR[e.fit] * 10) / 10;
  }
  return [...byQ.values()].sort((a, b) => b.score - a.score || a.q.localeCompare(b.q, 'en', { numeric: true }));
}

function clip(s: string, n = 48): string {
  return s.length <= n ? s : s.slice(0, n - 1).trimEnd() + '…';
}

/** "quotes the NDR text 'Unable to deliver…'; Exchange Server 5.5 matches the ticket" */
export function whyOf(e: Evidence, rec: ArticleRecord | undefined, ticket: TicketVersions): string {
  const parts: string[] = [];
  if (e.cited.length) parts.push(`cited in the ticket as "${e.cited[0]!.text}"`);
  const messages = dedupeByValue(e.messages);
  for (const m of messages.slice(0, 2)) parts.push(`quotes the ${m.kind === 'ndr' ? 'NDR text' : 'error message'} '${clip(m.value)}'`);
  if (messages.length > 2) parts.push(`and ${messages.length - 2} more message${messages.length > 3 ? 's' : ''}`);
  const codes = dedupeByValue(e.codes);
  if (codes.length) parts.push(`quotes ${codes.length > 1 ? 'the codes' : 'the code'} ${codes.slice(0, 3).map((c) => c.value).join(', ')}`);
  if (rec && e.fit !== 'none' && e.fit !== 'other') {
    // Only the ticket's products the article is about: a ticket names many things.
    const families = new Set(articleProducts(rec).map((a) => a.family));
    const names = [...new Set(ticket.products.filter((p) => families.has(p.family)).map((p) => p.name))];
    if (e.fit === 'same-version') {
      const hit = names.find((n) => rec.versions.some((v) => v.toLowerCase().startsWith(n.toLowerCase())) || rec.fixedIn?.toLowerCase().startsWith(n.toLowerCase()));
      parts.push(`${hit ?? names[0]} matches the ticket`);
    } else {
      parts.push(`the article is about ${rec.versions[0] ?? rec.products[0] ?? 'another version'}, the ticket names ${names.join(', ')}`);
    }
  }
  if (!rec) parts.push('not in the index');
  return parts.join('; ');
}

function dedupeByValue(ms: readonly Match[]): Match[] {
  const seen = new Set<string>();
  return ms.filter((m) => (seen.has(m.value) ? false : (seen.add(m.value), true)));
}

/** The articles that apply to the ticket as a whole, best first; empty when none is convincing. */
export function rankArticles(
  matches: readonly Match[],
  records: ReadonlyMap<string, ArticleRecord>,
  ticket: TicketVersions,
  opts: RankOptions = {},
): { ranked: RankedArticle[]; evidence: Evidence[] } {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const evidence = collectEvidence(matches, records, ticket);
  const ranked: RankedArticle[] = [];
  for (const e of evidence) {
    if (e.cited.length === 0 && e.score < threshold) continue;
    const rec = records.get(e.q);
    const out: RankedArticle = { q: e.q, title: rec?.title ?? '', score: e.score, why: whyOf(e, rec, ticket) };
    if (rec) {
      const v = verdictFor(rec, ticket);
      out.verdict = v.verdict;
      out.verdictReason = v.reason;
    }
    ranked.push(out);
    if (ranked.length >= (opts.limit ?? 10)) break;
  }
  return { ranked, evidence };
}
