/**
 * The ticket's other words: what an agent writes around a pasted message ("only messages with
 * attachments", "journaling is on") is what tells apart the articles that quote that message.
 *
 * Each candidate article (only articles some match already names) is scored by the ticket's words
 * outside the matched spans that also stand in its title, its distinctive terms
 * (`ArticleRecord.terms`) or its keywords. A word weighs by how few of the candidates have it
 * (log N/df over the candidates): a word every candidate shares, a stopword or a number counts
 * nothing. Words are cut as the index builder cuts the terms (article/topic-words.ts).
 */
import type { ArticleRecord } from '../article/types';
import { HEXLIKE, singular, TOPIC_STOPWORDS, TOPIC_WORD } from '../article/topic-words';
import { normalizeText } from '../search/tokenize';
import { NDR_BOILERPLATE } from './ndr-tables';

/**
 * Words of any ticket that describe nothing in particular: help-desk talk and the vocabulary
 * every article title uses. They would only reward an article for a generic word in its title.
 */
const TICKET_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'hello thank thanks regard regards please pls kind dear team hey customer client user people someone ' +
    'today yesterday morning night week weekend monday tuesday wednesday thursday friday saturday sunday ' +
    'again still also just already try tried trying tries call called calling help advise advice idea check checked ' +
    'look looked looking know think seem seems seemed says said say saw ticket case issue issues thing something ' +
    'anything nothing everything work works worked working fine odd strange weird wrong right time times ' +
    'error errors message messages msg err fail fails failed failing failure cannot can receive received get got ' +
    'show shows showed shown appear appears appeared start started starting stop stopped run running ran ' +
    'open opening opened happen happens happened come comes came back give gives gave find found ' +
    'server computer machine system program application file files box way day log logs event events ' +
    'exe dll com xadm xfor xcln xcon xweb xgen xims xccc prb fix bug info howto doc kbusage ' +
    // Mail and bounce furniture, present around every pasted NDR.
    'subject sent received reporting undeliverable original forwarded wrote date ' +
    'mime content charset encoding boundary multipart plain html quoted printable base64 rfc822'
  ).split(/\s+/),
);

/**
 * Words a bounce prints on every report ("DNS", "delivery") but an agent's own sentence uses for
 * a thing ("Reply to All", "IMS set to use DNS"): furniture where the bounce's text is read, not
 * in a description with the bounce cut out (wordsOf's `description`).
 */
const BOUNCE_TOPIC_WORDS: ReadonlySet<string> = new Set(['reply', 'delivery', 'dns']);

/**
 * A light stem, so the ticket's "restored" meets the title's "Restore" and "journal" meets
 * "Journaling": -ies/-ied to -y, -ing, -ed, a final -e, a plural -s (not -ss, -us, -is), keeping at
 * least four letters. Applied to both sides when comparing; what is shown is the ticket's own word.
 */
export function stem(w: string): string {
  if (w.includes('.')) return w;
  // "replies", "replied", "replie" (singular() of "replies") and "replying" are one word: "reply".
  const y = /^(.{3,}?)(?:ies|ied|ie)$/.exec(w);
  if (y) return y[1] + 'y';
  for (const suffix of ['ing', 'ed', 'e'])
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) return w.slice(0, -suffix.length);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w) && w.length > 4) return w.slice(0, -1);
  return w;
}

/** At most this many distinct context words per ticket are kept (a 20 MB page has a large vocabulary). */
export const MAX_CONTEXT_WORDS = 2000;

function contextWord(raw: string, description: boolean): string | null {
  if (raw.length < 3 || raw.length > 30 || HEXLIKE.test(raw)) return null;
  const w = singular(raw);
  if (description && (BOUNCE_TOPIC_WORDS.has(raw) || BOUNCE_TOPIC_WORDS.has(w))) return w;
  return TOPIC_STOPWORDS.has(raw) ||
    TOPIC_STOPWORDS.has(w) ||
    TICKET_STOPWORDS.has(raw) ||
    TICKET_STOPWORDS.has(w) ||
    BOUNCE_TOPIC_WORDS.has(raw) ||
    BOUNCE_TOPIC_WORDS.has(w)
    ? null
    : w;
}

/**
 * The distinct context words of a piece of text, in order of first appearance. A dotted file
 * name counts whole and by its parts ("info4log.cfg" and "cfg"), as a ticket may write either.
 * `description`: the text is the agent's own, with any bounce cut out (BOUNCE_TOPIC_WORDS).
 */
export function wordsOf(
  text: string,
  into: Set<string> = new Set(),
  max = MAX_CONTEXT_WORDS,
  description = false,
): Set<string> {
  // A ticket repeats its words: each distinct token is judged once.
  const seen = new Set<string>();
  for (const m of normalizeText(text).matchAll(TOPIC_WORD)) {
    if (into.size >= max) break;
    const raw = m[0];
    if (seen.has(raw)) continue;
    seen.add(raw);
    const w = contextWord(raw, description);
    if (w) into.add(w);
    if (raw.includes('.'))
      for (const part of raw.split('.')) {
        const p = contextWord(part, description);
        if (p && into.size < max) into.add(p);
      }
  }
  return into;
}

const FIELD_NAME = /^[ \t>]*[A-Za-z][A-Za-z0-9-]{0,30}:(?=[ \t]|$)/gm;
/** "Service Pack 2", "service release": the installed level, which the verdict reads; not a circumstance. */
const SERVICE_PACK = /\bservice[ \t]+(?:pack|release)s?\b/gi;
/**
 * A bounce's own sentences ("The following recipient(s) could not be reached"): every bounce
 * prints them, so their words ("recipient") say nothing about which article it is.
 */
const BOUNCE_SENTENCES = new RegExp(
  NDR_BOILERPLATE.filter((p) => p.split(' ').length >= 4)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]+'))
    .join('|'),
  'gi',
);

/**
 * A number that may name a ticket's case: three to five digits standing alone. Not a part of a
 * version, a date, a time, an address or a phone number (joined to other digits by a dot, a comma,
 * a colon, a slash or a hyphen), a count of per cent, an amount or a ticket's number ("#44821",
 * "$1200"), nor glued to letters ("Q123456", "1600x1200"). Whether it does name the case is read
 * from the words around it (caseNumber). Not a context word (ticketWords): the ranking's
 * vocabularies are words; the described search reads them (described.ts).
 */
const CASE_NUMBER = /(?<![\w.,:/#$])(?<!\d-)\d{3,5}(?![\w/%]|[.,:]\S|-\d)/g;

/**
 * Words that say the number after them names a message, an event or a model ("event 5149",
 * "error 429", "Stop 1219"), whatever their case; and, after the number, the singular ones say it
 * too ("a 404 error", "the 1004 event"), the plural ones after a list ("3120 and 9316 events": one
 * number before a plural is a count, "340 events").
 */
const NUMBER_NAMES: ReadonlySet<string> = new Set(
  'event eventid id error err errorcode code stop message msg warning status model type series'.split(' '),
);
const NAMES_AFTER: ReadonlySet<string> = new Set('event error warning message code'.split(' '));
const NAMES_AFTER_LIST: ReadonlySet<string> = new Set('events errors warnings codes'.split(' '));

/**
 * Words after a number that make it a count or a measure ("419 records", "371 ms", "1200 EUR"):
 * it says how many or how much, not which case, whatever word stands before it.
 */
const COUNT_WORDS: ReadonlySet<string> = new Set(
  (
    'ms msec sec secs seconds min mins minutes hours hrs days weeks months years times ' +
    'bytes kb mb gb tb kbps mbps hz khz mhz ghz dpi pt px eur usd gbp dollars euros percent of per ' +
    'records rows items files folders messages mails mailboxes users people persons clients pcs computers ' +
    'machines workstations seats licenses licences pages copies entries lines characters chars words objects ' +
    'tables sessions connections jobs tasks steps attempts tries'
  ).split(' '),
);

/** The word just before a number (joined by blanks or a hyphen: "Toshiba 4500", "EPL-6000", "error: 429"). */
const WORD_BEFORE = /([A-Za-z][A-Za-z0-9]*)(:?)(?:[ \t]+|-)$/;
/** What stands before a sentence's first word: nothing, an end of sentence, a colon or a line break. */
const SENTENCE_START = /(?:^|[.!?:;]\s+|\n)\s*$/;
/** The word just after a number. */
const WORD_AFTER = /^[ \t]*([A-Za-z]+)/;
/** What joins two numbers of one list ("error 371 or 404", "3120 and 9316", "4500, 4600"). */
const NUMBER_JOIN = /^\s*(?:,\s*|,?\s+(?:or|and)\s+)$/i;

/**
 * Whether the number at `at` in `text` names the case by the word before it: one that names a
 * message or model (NUMBER_NAMES), or a capitalised word inside a sentence, a brand or a product
 * ("Toshiba 4500", "Epson EPL-6000", "NCR 3455"); at a sentence's start only a word spelt in more
 * than its first capital ("TI 855", "LaserJet 4050"): "Room 4088" and "About 300" start sentences too.
 */
function namedBefore(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 80), at);
  const m = WORD_BEFORE.exec(before);
  const word = m?.[1];
  if (!m || !word) return false;
  if (NUMBER_NAMES.has(word.toLowerCase())) return true;
  if (m[2] || !/^[A-Z]/.test(word)) return false;
  return !SENTENCE_START.test(before.slice(0, m.index)) || /^[A-Z].*[A-Z]/.test(word);
}

/**
 * The numbers of `text` that name its case: CASE_NUMBER read by the kind of its context, not by
 * which number it is. A number counts when the word before it names a case (namedBefore) or a
 * singular name follows it ("404 error"), and so does each number of a list it heads ("error 371
 * or 404"); never one a count or measure word follows (COUNT_WORDS): a room, a building, a server's
 * number, a port, an extension, a year and a quantity say nothing about which article it is.
 */
function caseNumbers(text: string): string[] {
  const found = [...text.matchAll(CASE_NUMBER)].map((m) => {
    const end = m.index + m[0].length;
    const after = WORD_AFTER.exec(text.slice(end, end + 40))?.[1]?.toLowerCase() ?? '';
    return { value: m[0], start: m.index, end, after };
  });
  // Lists of numbers joined by "or", "and" or a comma, each read as one.
  const lists: (typeof found)[] = [];
  for (const n of found) {
    const list = lists[lists.length - 1];
    const prev = list?.[list.length - 1];
    if (list && prev && NUMBER_JOIN.test(text.slice(prev.end, n.start))) list.push(n);
    else lists.push([n]);
  }
  const out: string[] = [];
  for (const list of lists) {
    const first = list[0]!;
    const last = list[list.length - 1]!;
    const namedAfter = NAMES_AFTER.has(last.after) || (list.length > 1 && NAMES_AFTER_LIST.has(last.after));
    if (namedBefore(text, first.start) || namedAfter)
      for (const n of list) if (!COUNT_WORDS.has(n.after)) out.push(n.value);
  }
  return out;
}

/** Every number of `text` that may name a case (CASE_NUMBER), whatever its context. */
export function standaloneNumbers(text: string): string[] {
  return [...text.matchAll(CASE_NUMBER)].map((m) => m[0]);
}

/** The case numbers (caseNumbers) of `text`, added to `into`, up to `max` words in all. */
export function numbersOf(text: string, into: Set<string> = new Set(), max = MAX_CONTEXT_WORDS): Set<string> {
  for (const n of caseNumbers(text)) {
    if (into.size >= max) break;
    into.add(n);
  }
  return into;
}

/**
 * The ticket's distinct context words: outside the matched spans, and not words of the matched
 * messages themselves (every article quoting a message shares them; a ticket that names
 * "Outlook Web Access" around an OWA message says nothing about which OWA article it is).
 * Unbounded by default (a text's vocabulary is bounded by the text); what is kept beyond one
 * text is bounded by mergeContextWords.
 */
export function ticketWords(
  source: string,
  matches: readonly { start: number; end: number; value?: string }[],
  max = Infinity,
): Set<string> {
  const out = new Set<string>();
  outsideMatches(source, matches, (piece) => wordsOf(piece, out, max));
  const quoted = new Set(
    [...quotedWords(matches.map((m) => ({ text: source.slice(m.start, m.end), value: m.value })))].map(stem),
  );
  for (const w of out) if (quoted.has(stem(w))) out.delete(w);
  return out;
}

/** The ticket's case numbers (numbersOf), read where ticketWords reads its words. */
export function ticketNumbers(
  source: string,
  matches: readonly { start: number; end: number }[],
  max = Infinity,
): Set<string> {
  const out = new Set<string>();
  outsideMatches(source, matches, (piece) => numbersOf(piece, out, max));
  return out;
}

/** Calls `read` with each piece of `source` outside `matches`, its header field names, levels and bounce sentences blanked. */
function outsideMatches(
  source: string,
  matches: readonly { start: number; end: number }[],
  read: (piece: string) => void,
): void {
  // Field names of header lines ("Reporting-MTA:", "Final-Recipient:", "Subject:") are the same
  // on every bounce: blanked, keeping the offsets; their values stay.
  const text = source
    .replace(FIELD_NAME, (m) => ' '.repeat(m.length))
    .replace(SERVICE_PACK, (m) => ' '.repeat(m.length))
    .replace(BOUNCE_SENTENCES, (m) => ' '.repeat(m.length));
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  let at = 0;
  for (const s of sorted) {
    if (s.start > at) read(text.slice(at, s.start));
    at = Math.max(at, s.end);
  }
  if (at < text.length) read(text.slice(at));
}

/**
 * The words of the matched messages, as the ticket and as the articles write them: they count
 * nothing as context (see ticketWords). The ranking drops them again from words kept across a
 * page's blocks, where a message in one block and its words in another meet only there.
 */
export function quotedWords(matches: readonly { text?: string; value?: string }[]): Set<string> {
  const out = new Set<string>();
  for (const m of matches) {
    if (m.text) wordsOf(m.text, out, Infinity);
    if (m.value) wordsOf(m.value, out, Infinity);
  }
  return out;
}

/**
 * Merges a window's words into the words kept for a whole ticket, within `max`. Past the bound,
 * words some candidate article has (`relevant`) are kept first: they are the ones that can move
 * a ranking; the rest keep their order of arrival.
 */
export function mergeContextWords(
  kept: readonly string[],
  incoming: Iterable<string>,
  relevant: ReadonlySet<string>,
  max = MAX_CONTEXT_WORDS,
): string[] {
  const all = new Set(kept);
  for (const w of incoming) all.add(w);
  if (all.size <= max) return [...all];
  const first = [...all].filter((w) => relevant.has(w));
  const rest = [...all].filter((w) => !relevant.has(w));
  return first.concat(rest).slice(0, max);
}

/**
 * How much one field of an article says: its title most (written to say what the case is), its
 * distinctive terms next, both together more, its keywords least.
 */
const TITLE_WEIGHT = 1.5;
const TERMS_WEIGHT = 1;
const BOTH_WEIGHT = 2;
const KEYWORD_WEIGHT = 0.5;

/** An article's words (stemmed) with the weight of the field they come from. */
export function articleVocabulary(rec: ArticleRecord): Map<string, number> {
  const title = new Set([...wordsOf(rec.title.replace(/^[A-Z0-9]{2,6}:\s*/, ''), new Set(), 200)].map(stem));
  const terms = new Set<string>();
  for (const t of rec.terms ?? []) {
    const w = contextWord(t.toLowerCase(), false);
    if (w) terms.add(stem(w));
  }
  const out = new Map<string, number>();
  for (const k of rec.keywords) for (const w of wordsOf(k, new Set(), 50)) out.set(stem(w), KEYWORD_WEIGHT);
  for (const w of terms) out.set(w, TERMS_WEIGHT);
  for (const w of title) out.set(w, terms.has(w) ? BOTH_WEIGHT : TITLE_WEIGHT);
  return out;
}

export interface ContextScore {
  /** Sum over the ticket's words the article has: field weight x log(N / candidates having the word). */
  score: number;
  /** Those words, most telling first. */
  words: string[];
}

/**
 * Context scores for candidate articles. Only the given candidates are scored: context never
 * brings in an article. With fewer than two candidates nothing can be told apart: all zero.
 */
export function contextScores(
  words: ReadonlySet<string> | readonly string[],
  candidates: ReadonlyMap<string, ArticleRecord>,
): Map<string, ContextScore> {
  // stem -> the ticket's own word, shown in `words`.
  const ticket = new Map<string, string>();
  for (const w of words) {
    const k = stem(w);
    if (!ticket.has(k)) ticket.set(k, w);
  }
  const vocab = new Map<string, Map<string, number>>();
  const df = new Map<string, number>();
  for (const [q, rec] of candidates) {
    const v = articleVocabulary(rec);
    const hits = new Map<string, number>();
    for (const [w, weight] of v)
      if (ticket.has(w)) {
        hits.set(w, weight);
        df.set(w, (df.get(w) ?? 0) + 1);
      }
    vocab.set(q, hits);
  }
  const n = candidates.size;
  const out = new Map<string, ContextScore>();
  for (const [q, hits] of vocab) {
    const scored: { w: string; s: number }[] = [];
    for (const [w, weight] of hits) {
      const s = weight * Math.log(n / df.get(w)!);
      if (s > 0) scored.push({ w, s });
    }
    scored.sort((a, b) => b.s - a.s || (a.w < b.w ? -1 : a.w > b.w ? 1 : 0));
    out.set(q, {
      score: Math.round(scored.reduce((t, x) => t + x.s, 0) * 1000) / 1000,
      words: scored.map((x) => ticket.get(x.w)!),
    });
  }
  return out;
}
