/**
 * The situation behind an archive-era Exchange bounce. An Exchange 4.0-2003 NDR prints a few
 * generic sentences ("The recipient name is not recognized", an MSEXCH:MSExchangeMTA line) that
 * dozens of articles quote; the article that explains the ticket is often one about what the agent
 * describes around the bounce ("an Inbox rule forwards to a custom recipient we deleted"), which
 * quotes none of it. Such an article is found in the search index by the ticket's words outside
 * the bounce, among the archive's articles about Exchange and about NDRs, and kept only when it
 * is clearly ahead of the next such article (and so of every article the ticket's matches name).
 *
 * Only for a bounce written by Exchange 4.0-2003: a newer Exchange's or another mail system's
 * bounce gets no archive article this way (era.ts), and a ticket with no such bounce pays nothing
 * (the search index is loaded only when one is present).
 */
import { articlesAbout, type ScopeGroup } from '../search/about';
import { FIELD, type SearchIndex } from '../search/types';
import { MAX_CONTEXT_WORDS, wordsOf } from '../match/context';
import { describes } from '../match/described';
import type { Match, Situation } from '../match/scan';
import type { Bounce, Generation } from './types';

/** The Exchange generations the archive covers. */
const ARCHIVE_EXCHANGE: ReadonlySet<Generation> = new Set(['exchange-5.5', 'exchange-2003']);

const EXCHANGE_WORDS = ['exchange', 'xadm', 'xcon', 'xfor', 'xgen', 'xims', 'xcln', 'xweb'];

/** Articles about Exchange (its product field or its title tag) that are about NDRs. */
const SCOPE: readonly ScopeGroup[] = [
  { terms: EXCHANGE_WORDS, fields: FIELD.products | FIELD.title | FIELD.keywords },
  {
    terms: ['ndr', 'ndrs', 'nondelivery', 'undeliverable'],
    fields: FIELD.title | FIELD.terms | FIELD.keywords | FIELD.errors,
  },
];

/**
 * How far ahead of the next article the best must be, on the same words. Measured on the held-out Exchange bounces: the right article
 * led by 1.38-1.46 where it was found; wrong leaders came within 1.25 of the next.
 */
export const SITUATION_LEAD = 1.35;
/** Least score: about two telling words in a title, or three in its terms. */
export const SITUATION_MIN_SCORE = 12;

/** Lines of a forwarded mail's header: their values (a sender, a date, a subject) describe nothing. */
const HEADER_LINE = /^[ \t>]*(?:from|to|cc|bcc|sent|date|subject|reply-to|importance):.*$/gim;

export function hasArchiveBounce(bounces: readonly Bounce[]): boolean {
  return bounces.some((b) => ARCHIVE_EXCHANGE.has(b.generation));
}

/** An SMTP reply code in an Exchange diagnostic, the remote host's name after it, and its own words. */
const REMOTE_REPLY = /(?:^|[\s)])[45]\d\d(?:[ \t]+[\w-]+(?:\.[\w-]+)+)?[ \t]*(?:=>|[-:])?[ \t]*(.+)$/;

/**
 * What the remote server answered, inside an Exchange bounce's diagnostic ("550
 * mail.isp.example => We do not relay"): its own words, not the sentences Exchange prints on every
 * report, so they describe this case as the agent's do.
 */
export function remoteAnswer(bounce: Bounce): string[] {
  const out: string[] = [];
  for (const r of bounce.recipients) {
    const m = REMOTE_REPLY.exec(r.diagnostic ?? '');
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}

/** The ticket's words outside its bounces and matches, and outside mail header lines. */
export function situationWords(text: string, matches: readonly Match[], bounces: readonly Bounce[]): string[] {
  const spans = [...bounces, ...matches].map((s) => [s.start, s.end] as const).sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) parts.push(text.slice(at, start));
    at = Math.max(at, end);
  }
  parts.push(text.slice(at));
  for (const b of bounces) if (ARCHIVE_EXCHANGE.has(b.generation)) parts.push(...remoteAnswer(b));
  const own = parts.join('\n').replace(HEADER_LINE, '');
  // The product and its service pack level say which scope and which fix, not which situation.
  return [...wordsOf(own, new Set(), MAX_CONTEXT_WORDS, true), ...acronymsOf(own)].filter(
    (w) => !EXCHANGE_WORDS.includes(w) && describes(w),
  );
}

/** Two capitals standing alone ("the DL", "a PF"): an Exchange object's short name. */
const ACRONYM = /(?<![\w.@-])[A-Z]{2}(?![\w.@-])/g;
/** Two capitals that are a time of day, a unit, an answer, an event's number or a product, not an object. */
const NOT_OBJECTS: ReadonlySet<string> = new Set(['am', 'pm', 'kb', 'mb', 'gb', 'ok', 'id', 'nt', 'uk', 'us']);

/** The two-letter names the agent writes in capitals (wordsOf keeps words of three letters or more). */
function acronymsOf(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(ACRONYM)) {
    const w = m[0].toLowerCase();
    if (!NOT_OBJECTS.has(w)) out.add(w);
  }
  return [...out];
}

/**
 * The article the ticket describes around its archive-era Exchange bounce, or null: no such
 * bounce, too few telling words, none of them in its title, or no article clearly ahead.
 */
export function findSituation(
  index: SearchIndex,
  text: string,
  matches: readonly Match[],
  bounces: readonly Bounce[],
): Situation | null {
  if (!hasArchiveBounce(bounces)) return null;
  const about = articlesAbout(index, situationWords(text, matches, bounces), SCOPE, 2);
  const [best, next] = about.hits;
  // An article that has the words only among its terms, none in its title, is about something else
  // that happens to use the mail vocabulary ("Event ID 4132 ... Directory Replication" has host,
  // DNS, domain, IMS and mail): no lead, however far ahead.
  if (!best || best.score < SITUATION_MIN_SCORE || best.words.length < 2 || best.titleWords.length === 0) return null;
  let rival = next?.score ?? 0;
  for (const m of matches) for (const q of m.articles) if (q !== best.q) rival = Math.max(rival, about.scoreOf(q));
  if (best.score < SITUATION_LEAD * rival) return null;
  return { q: best.q, score: best.score, words: best.words.slice(0, 6) };
}

/**
 * The matches with the situation on the first match of the first archive-era bounce (every
 * bounce has one: addBounceMatches), so it travels with the matches to every ranking.
 */
export function withSituation(
  matches: readonly Match[],
  bounces: readonly Bounce[],
  situation: Situation | null,
): Match[] {
  if (!situation) return [...matches];
  const b = bounces.find((x) => ARCHIVE_EXCHANGE.has(x.generation));
  const at = b ? matches.findIndex((m) => m.source !== 'cited' && m.start >= b.start && m.end <= b.end) : -1;
  if (at < 0) return [...matches];
  return matches.map((m, i) => (i === at ? { ...m, about: situation } : m));
}
