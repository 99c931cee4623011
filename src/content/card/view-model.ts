import type { ArticleView, FoundMatch, MatchKind, Verdict } from '../../messaging/protocol';
import type { ArticleRecord } from '../../core/article/types';
import { articleSummary, fixLine } from '../../core/present/article-summary';
import { safeArticleUrl } from '../../core/kb-number';
import { ACTOR_LABEL, explainReason } from '../../core/bounce/explanations';

/**
 * What the hover card shows, decided without a DOM: the renderer only lays this out. Everything
 * here is plain strings; the renderer puts them in textContent, never in HTML.
 */
export interface CardModel {
  kind: MatchKind;
  kindLabel: string;
  /** The matched text as found in the ticket, shortened for display. */
  matched: string;
  /** NDR class in words ("Unknown recipient"), when the matcher knew it. */
  detail: string | null;
  /** NDR only: what the bounce means and who does what next, whether or not an article explains it. */
  bounce: BounceModel | null;
  state: 'loading' | 'ready' | 'unknown';
  /** Shown when there is nothing better to say ("Q999999 is not in the bundled archive."). */
  notice: string | null;
  best: ArticleModel | null;
  others: LinkModel[];
  related: LinkModel[];
  /** The dialog's accessible name. */
  label: string;
  /** "Versions in this ticket": each build the page quotes, its release, what is newer (hovered build first). */
  versions: VersionRow[];
}

export interface VersionRow {
  /** "Store.exe 5.5.2448.0" as the ticket wrote it, shortened. */
  build: string;
  /** "Exchange Server 5.5 SP2". */
  release: string;
  /** "Newer: SP3 (build 2650), SP4 (build 2653)"; null when nothing newer is known. */
  newer: string | null;
}

export interface BounceModel {
  /** The reason class as sisimai names it ("mailboxfull"), for data attributes and tests. */
  reason: string;
  label: string;
  what: string;
  who: string;
  next: string;
  recipient: string | null;
  /** A delay notice: the server still retries; `next` is then what a delay asks of the agent. */
  delayed: boolean;
  /** Plain text for "Copy summary": the reply note for the ticket. */
  summary: string;
}

export interface ArticleModel {
  q: string;
  title: string;
  url: string;
  products: string[];
  versions: string[];
  fix: string;
  fixedFiles: string[];
  verdict: { state: Verdict; label: string; reason: string | null } | null;
  lastModified: string | null;
  /** The background's mark for an article the page summary lists ("low": thin evidence); null otherwise. */
  confidence: 'high' | 'low' | null;
  /** Why the page summary lists it ("about what the ticket describes around the bounce (...)"). */
  why: string | null;
  /** Plain text for "Copy summary". */
  summary: string;
}

export interface LinkModel {
  q: string;
  title: string | null;
  url: string;
}

const KIND_LABEL: Record<MatchKind, string> = {
  q: 'KB reference',
  ndr: 'Delivery failure (NDR)',
  error: 'Error message',
  build: 'Build / file version',
};

const VERDICT_LABEL: Record<Verdict, string> = {
  affected: 'Affected',
  fixed: 'Already fixed',
  'not-affected': 'Not affected',
  unknown: 'Version unknown',
};

export const MAX_MATCHED_CHARS = 160;
export const MAX_OTHERS = 4;
export const MAX_RELATED = 5;

export function kindLabel(kind: MatchKind): string {
  return KIND_LABEL[kind];
}

export function shorten(text: string, max = MAX_MATCHED_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1).trimEnd() + '…';
}

/** "unknown-recipient" -> "Unknown recipient". */
export function classLabel(cls: string | undefined): string | null {
  if (!cls) return null;
  const words = cls.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : null;
}

/** Only http(s) links leave the card: the check the popup shares (safeArticleUrl). */
export const safeUrl = safeArticleUrl;

export const MAX_VERSIONS = 6;

/** One row per build the ticket quotes (same text once), in the order given. */
export function versionRows(builds: readonly FoundMatch[]): VersionRow[] {
  const rows: VersionRow[] = [];
  const seen = new Set<string>();
  for (const b of builds) {
    if (b.kind !== 'build' || rows.length >= MAX_VERSIONS) continue;
    const build = shorten(b.text, 60);
    if (seen.has(build.toLowerCase())) continue;
    seen.add(build.toLowerCase());
    const newer = b.build?.newer ?? [];
    rows.push({ build, release: b.value, newer: newer.length ? `Newer: ${newer.join(', ')}` : null });
  }
  return rows;
}

export function articleModel(view: ArticleView): ArticleModel {
  const r: ArticleRecord = view.record;
  const verdict = view.verdict
    ? { state: view.verdict, label: VERDICT_LABEL[view.verdict], reason: view.verdictReason?.trim() || null }
    : null;
  const verdictText = verdict ? verdict.label + (verdict.reason ? ` (${verdict.reason})` : '') : undefined;
  return {
    q: r.q,
    title: r.title,
    url: safeUrl(r.url, r.q),
    products: r.products,
    versions: r.versions,
    fix: fixLine(r),
    fixedFiles: r.files.filter((f) => f.version).map((f) => `${f.name} ${f.version}`),
    verdict,
    lastModified: r.lastModified,
    confidence: view.confidence ?? null,
    why: view.why?.trim() || null,
    summary: articleSummary(r, verdictText ? { verdict: verdictText } : {}),
  };
}

/**
 * The articles a card asks for: a bounce's situation (the article the ticket describes around it,
 * which quotes none of it) first, then the match's own candidates.
 */
export function askedArticles(match: FoundMatch): string[] {
  return match.situation ? [...new Set([match.situation, ...match.articles])] : match.articles;
}

function linkOf(v: ArticleView): LinkModel {
  return { q: v.record.q, title: v.record.title, url: safeUrl(v.record.url, v.record.q) };
}

/** What a delay notice asks of the agent, before the reason's own next step. */
export const DELAY_NEXT =
  'Nothing to resend yet: the sending server keeps trying and reports a failure only if it gives up.';

export function bounceModel(match: FoundMatch): BounceModel | null {
  if (match.kind !== 'ndr') return null;
  const e = explainReason(match.reason, match.text);
  if (!e) return null;
  const who = ACTOR_LABEL[e.who];
  const delayed = match.delayed === true;
  const next = delayed ? `${DELAY_NEXT} If it gives up: ${e.next}` : e.next;
  // The class in parentheses for tickets and tests; the one for a report that states no reason is
  // named 'undefined', which its label ('Unclassified failure') already says.
  const cls = match.reason === 'undefined' ? '' : ` (${match.reason})`;
  const summary = [
    delayed ? `Delayed, not failed yet: ${e.label}${cls}` : `Bounce: ${e.label}${cls}`,
    ...(match.recipient ? [`Recipient: ${match.recipient}`] : []),
    `Server said: ${shorten(match.text)}`,
    `What happened: ${e.what}`,
    `Who must act: ${who}`,
    `Next step: ${next}`,
  ].join('\n');
  return {
    reason: match.reason!,
    label: e.label,
    what: e.what,
    who,
    next,
    recipient: match.recipient ?? null,
    delayed,
    summary,
  };
}

/**
 * The card for one match. `views` is null while the articles are being fetched; `relatedViews`
 * fills in titles for the best article's related Q-numbers when they have arrived.
 */
export function cardModel(
  match: FoundMatch,
  views: ArticleView[] | null,
  relatedViews: ArticleView[] = [],
  builds: readonly FoundMatch[] = [],
): CardModel {
  const base = {
    kind: match.kind,
    kindLabel: kindLabel(match.kind),
    matched: shorten(match.text),
    detail: match.kind === 'build' ? match.value : classLabel(match.class),
    versions: versionRows(match.kind === 'build' ? [match, ...builds] : builds),
    bounce: bounceModel(match),
  };
  if (views === null) {
    return {
      ...base,
      state: 'loading',
      notice: null,
      best: null,
      others: [],
      related: [],
      label: `KB Lens: ${base.kindLabel}`,
    };
  }
  // The match's own order is the matcher's ranking of the block it was found in (best first);
  // answers may come back in any order. Where the background ranked them by the whole page
  // (`rank`), that order wins: a later block may have said which article the ticket is about.
  // A bounce's situation is shown only where the page summary lists it (it then has a confidence):
  // when a message the ticket quotes names an article of its own, that one explains the bounce.
  const byQ = new Map(
    views.filter((v) => v.record.q !== match.situation || v.confidence).map((v) => [v.record.q, v] as const),
  );
  const asked = askedArticles(match);
  const inMatchOrder = asked.length
    ? asked.map((q) => byQ.get(q)).filter((v): v is ArticleView => v !== undefined)
    : views;
  const ordered = inMatchOrder
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (a.v.rank ?? Infinity) - (b.v.rank ?? Infinity) || a.i - b.i)
    .map((x) => x.v);
  // A bounce's card explains the bounce itself (its reason, who acts, the next step); an article
  // is put forward as what explains it only where the page's ranking lists it, as the popup does.
  // A bare status code a few articles mention is, there, a match no article explains: here too,
  // with those articles offered as candidates.
  const listedOnly = match.kind === 'ndr' && ordered.some((v) => v.rank !== undefined);
  const firstAt = listedOnly ? ordered.findIndex((v) => v.confidence) : 0;
  const first = firstAt >= 0 ? ordered[firstAt] : undefined;
  const rest = ordered.filter((_, i) => i !== firstAt);
  /** The other articles, each once and none already in `shown` (which they join). */
  const othersOf = (shown: Set<string>): LinkModel[] => {
    const out: LinkModel[] = [];
    for (const v of rest) {
      if (out.length >= MAX_OTHERS || shown.has(v.record.q)) continue;
      shown.add(v.record.q);
      out.push(linkOf(v));
    }
    return out;
  };
  if (!first) {
    const notice =
      match.kind === 'q'
        ? `${match.value} is not in the bundled archive.`
        : match.kind === 'build'
          ? null
          : 'No archived article explains this message.';
    return {
      ...base,
      state: 'unknown',
      notice,
      best: null,
      others: othersOf(new Set()),
      related: [],
      label: `KB Lens: ${base.kindLabel}, no article`,
    };
  }
  const best = articleModel(first);
  const titles = new Map<string, string>();
  for (const v of [...views, ...relatedViews]) titles.set(v.record.q, v.record.title);
  const shown = new Set([best.q]);
  const others = othersOf(shown);
  const related: LinkModel[] = [];
  for (const q of first.record.related) {
    if (related.length >= MAX_RELATED || shown.has(q)) continue;
    shown.add(q);
    const rv = relatedViews.find((v) => v.record.q === q);
    related.push({ q, title: titles.get(q) ?? null, url: safeUrl(rv?.record.url, q) });
  }
  return {
    ...base,
    state: 'ready',
    notice: null,
    best,
    others,
    related,
    label: `KB Lens: ${best.q}, ${best.title}`,
  };
}
