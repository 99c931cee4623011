/**
 * scanText: KB references, NDR codes and quoted messages in one ticket text, in text order.
 * Messages are found by token-shingle hashing (pattern-hits.ts).
 */
import type { BuildInfo } from '../version/build-matches';
import { findCodes } from './ndr-codes';
import { NDR_BOILERPLATE } from './ndr-tables';
import type { Detector } from './detector';
import { findPlaceholders } from '../article/placeholders';
import { citationAffirmed, citationAside, type CitationAside } from './citation-role';
import { findEventMentions, type EventMention } from './event-fields';
import { findKbRefs } from './kb-refs';
import { isAdvice, printedApart } from './advice';
import { TOLERANT_UNCOMMON, TOLERANT_WEIGHT, findPatternHits, type RawHit } from './pattern-hits';
import { onlyBareLabelBefore } from './bare-label';
import { SPECIFIC_WEIGHT } from './specificity';
import { newCueLists } from './regex-cues';
import { slotValues, type SlotValue } from './slot-values';
import { sortSmall } from './sort-small';
import { tokenWords } from './tokens';

/** `build`: a product build or file version (version/build-matches.ts), found apart from scanText. */
import type { MatchKind } from './kinds';
export type { MatchKind };

export interface Match {
  kind: MatchKind;
  /** The exact span of the ticket text. */
  text: string;
  start: number;
  end: number;
  /** Normalised: "Q227142", a status code ("5.1.1"), or the message as the article quotes it. */
  value: string;
  /** NDR class ("unknown-recipient"...), where known. */
  class?: string;
  /** Candidate articles, best first once ranked (see rank.ts). */
  articles: string[];
  why?: string;
  /** What the match found: a cited KB number, a quoted message, a code, or a build. */
  source: 'cited' | 'message' | 'code' | 'build';
  /** How much the match says on its own, 0..1 (a cited number is 1). */
  weight: number;
  /** The message's example values the ticket has other values for (soft slots); absent when none. */
  slots?: SlotValue[];
  /** The message has soft slots and the ticket has the article's own values in all of them. */
  ownValues?: true;
  /** A build match's release facts. */
  build?: BuildInfo;
  /**
   * An archive-era bounce's match: the article the ticket's own description is about, found by
   * the ticket's words outside the bounce (bounce/situation.ts). It quotes none of the match's
   * text; the ranking lists it only when nothing the ticket quotes names an article specifically.
   */
  about?: Situation;
  /**
   * Shorter messages this match's span took in whole (overlap resolution), which a few other
   * articles quote: "The MTA is terminating because ..." inside "Event 9411 The MTA is terminating
   * because ...", quoted by one article about another version. The highlight is this match's; the
   * ranking counts each of these as the evidence it is for its own articles.
   */
  inner?: InnerMessage[];
  /** A cited number the ticket sets aside or says is installed (citation-role.ts): it describes the ticket, not its explanation. */
  aside?: CitationAside;
  /** A cited number the ticket says is its case, among others it cites (citation-role.ts citationAffirmed). */
  affirmed?: true;
  /** A cited number typed loosely ("KB-227142", "Q 227142"; kb-refs.ts KbHit.loose): shown and ranked only when the index has it. */
  loose?: true;
  /**
   * The ticket retyped the message: this many of its words dropped, added or changed (pattern-hits.ts
   * tolerant verification). Absent when the message matched word for word.
   */
  edits?: number;
}

/** A message inside a longer match (Match.inner): its value, weight and all the articles quoting it. */
export interface InnerMessage {
  value: string;
  weight: number;
  articles: string[];
  /** Only a piece of the longer match's quote (literalInFrame 'part'): its articles rank after the longer one's. */
  part?: true;
}

/** An article the ticket describes without quoting it, and the ticket's words it has. */
export interface Situation {
  q: string;
  score: number;
  words: string[];
}

export interface ScanOptions {
  /** At most this many matches are returned (hostile input); default 1000. */
  maxMatches?: number;
}

const TOLERANT = { tolerant: true };
/** Each word a retyped message differs by takes this share of its weight: the exact message, where another article quotes it, wins. */
const EDIT_COST = 0.1;

/** Codes say more when fewer articles share them; a class alone (no article) still informs the agent. */
function codeWeight(articleCount: number): number {
  if (articleCount === 0) return 0;
  return articleCount <= 2 ? 0.45 : articleCount <= 10 ? 0.3 : 0.15;
}

/** Every KB reference, NDR and quoted message in `text`, most specific where they overlap, in text order. */
export function scanText(text: string, detector: Detector, opts: ScanOptions = {}): Match[] {
  const max = opts.maxMatches ?? 1000;
  const candidates: Match[] = [];
  // One tokeniser pass finds the messages and notes where the regexes below can match.
  const noted = newCueLists(text.length);
  const hits = findPatternHits(text, detector, noted, TOLERANT);
  const cues = noted.full ? undefined : noted;
  for (const k of findKbRefs(text, max, cues)) {
    const m: Match = {
      kind: 'q',
      text: text.slice(k.start, k.end),
      start: k.start,
      end: k.end,
      value: k.value,
      articles: [k.value],
      source: 'cited',
      weight: 1,
    };
    if (k.loose) m.loose = true;
    const aside = citationAside(text, k.start, k.end);
    if (aside) m.aside = aside;
    else if (citationAffirmed(text, k.start, k.end)) m.affirmed = true;
    candidates.push(m);
  }
  for (const c of findCodes(text, 4 * max, cues)) {
    const articles = detector.codeArticles(c.key);
    // An error code nobody in the index quotes is just a number.
    if (c.kind === 'error' && articles.length === 0) continue;
    const span = text.slice(c.start, c.end);
    const weight = codeWeight(articles.length);
    // Two literals rather than a spread: same key order, and V8 keeps them fast objects.
    candidates.push(
      c.class
        ? {
            kind: c.kind,
            text: span,
            start: c.start,
            end: c.end,
            value: c.value,
            class: c.class,
            articles,
            source: 'code',
            weight,
          }
        : { kind: c.kind, text: span, start: c.start, end: c.end, value: c.value, articles, source: 'code', weight },
    );
  }
  for (const h of hits) {
    if (h.edits > 0 && !retypedHolds(text, h, hits, detector)) continue;
    const cls = detector.classOf(h.p);
    const kind = detector.isNdr(h.p) ? 'ndr' : 'error';
    const value = detector.text[h.p]!;
    const articles = detector.articlesOf(h.p);
    let weight = detector.weightOf(h.p);
    let { start, end } = h;
    // Soft slots: the article's own values keep the message's weight, others get its frame's.
    const slots = detector.slotsOf(h.p) ? slotValues(text, start, end, detector, h.p) : null;
    if (slots) {
      if (slots.misfit) continue;
      ({ start, end } = slots);
      if (!slots.own) weight = detector.frameWeightOf(h.p);
    }
    // A dialog's advice alone ("Reinstall the printer driver.") in the agent's running prose is theirs.
    if (isAdvice(value) && !printedApart(text, start, end)) continue;
    if (h.edits > 0) weight *= 1 - EDIT_COST * h.edits;
    const span = text.slice(start, end);
    // A match with soft slots carries both fields (one undefined, which JSON leaves out): four
    // object shapes in all rather than six, so the overlap resolution's property reads stay
    // polymorphic instead of megamorphic.
    const other = slots && !slots.own ? slots.other : undefined;
    const ownValues = slots && slots.own ? true : undefined;
    candidates.push(
      !slots
        ? cls
          ? { kind, text: span, start, end, value, class: cls, articles, source: 'message', weight }
          : { kind, text: span, start, end, value, articles, source: 'message', weight }
        : cls
          ? {
              kind,
              text: span,
              start,
              end,
              value,
              class: cls,
              articles,
              source: 'message',
              weight,
              slots: other,
              ownValues,
            }
          : { kind, text: span, start, end, value, articles, source: 'message', weight, slots: other, ownValues },
    );
    if (h.edits > 0) candidates[candidates.length - 1]!.edits = h.edits;
  }
  eventsByFields(text, detector, candidates);
  return resolveOverlaps(candidates, max);
}

/**
 * Events the ticket names by ID and source in another order or wording than the articles quote
 * them (event-fields.ts): each is looked up as the article's text, and matches on the ID's span.
 * An event a message match covers already is left to it.
 */
function eventsByFields(text: string, detector: Detector, candidates: Match[]): void {
  const mentions = findEventMentions(text);
  if (mentions.length === 0) return;
  const messages = candidates.filter((c) => c.source === 'message');
  const done: EventMention[] = [];
  for (const e of mentions) {
    if (done.some((d) => d.start < e.end && d.end > e.start)) continue;
    if (messages.some((c) => c.start <= e.start && c.end >= e.end)) continue;
    const hit = findPatternHits(e.key, detector).find((h) => h.edits === 0 && h.start === 0 && h.end === e.key.length);
    if (!hit) continue;
    const articles = detector.articlesOf(hit.p);
    if (articles.length === 0) continue;
    done.push(e);
    const value = detector.text[hit.p]!;
    const span = text.slice(e.start, e.end);
    candidates.push({
      kind: 'error',
      text: span,
      start: e.start,
      end: e.end,
      value,
      articles,
      source: 'message',
      weight: detector.weightOf(hit.p),
    });
  }
}

/** Share of a retyped match's span an exact match must cover for the exact one to say what the ticket quotes. */
const EXACT_COVER = 0.9;

/**
 * Whether a retyped hit (edits > 0) stands: it keeps the numbers and codes the message has, all
 * but one in three (they identify the message: "Error 2184:" left out is
 * another message, or prose), and no exact hit covers nearly the same span (boilerplate quoted exactly is that
 * boilerplate, not a rarer variant of it one word away).
 */
function retypedHolds(text: string, h: RawHit, hits: readonly RawHit[], detector: Detector): boolean {
  const len = h.end - h.start;
  for (const x of hits) {
    if (x.edits > 0 || x.start >= h.end || x.end <= h.start) continue;
    if (Math.min(x.end, h.end) - Math.max(x.start, h.start) >= EXACT_COVER * len) return false;
    // An exact message inside it that pins a message down itself, and what the retyped one adds
    // around it is words every other message has ("LINK : fatal error" before "L1006 <option>:
    // stack size exceeds ..."): the ticket quotes the exact one; one word away from a longer message
    // is no more than its common frame. Not a generic one ("Abort, Retry, Fail?", in many
    // articles): the words around it are what name the message. Only where the longer message
    // holds the inner one as written: else the inner one is exact only because the ticket dropped
    // or changed a word of the longer one inside it ("cannot display [the] End User ...").
    if (
      x.start >= h.start &&
      x.end <= h.end &&
      detector.weightOf(x.p) >= TOLERANT_WEIGHT &&
      detector.uncommonWords(x.p) >= TOLERANT_UNCOMMON &&
      commonAround(text, h, x, detector) &&
      holdsMessage(detector.text[h.p]!, detector.text[x.p]!)
    )
      return false;
  }
  const words = tokenWords(text.slice(h.start, h.end));
  if (mostlyBoilerplate(words)) return false;
  const span = new Set(words);
  let numbers = 0;
  let missing = 0;
  for (const w of tokenWords(detector.text[h.p]!)) {
    if (!/\d/.test(w)) continue;
    numbers++;
    if (!span.has(w)) missing++;
  }
  // One left out among three or more ("... (internal ID 3190098)" elided) still leaves the codes that name it.
  return missing <= Math.floor(numbers / 3);
}

/** Words a placeholder of the inner message may stand for in the longer one ("<option-text>" for ": ST"). */
const HOLE_MAX_WORDS = 4;

/**
 * Whether the message text `outer` has the words of the message text `inner` together and in
 * order, each placeholder of `inner` standing for 1 to HOLE_MAX_WORDS of its words.
 */
export function holdsMessage(outer: string, inner: string): boolean {
  let rest = inner;
  for (const hole of findPlaceholders(inner)) rest = rest.split(hole).join('\u0000');
  const parts = rest.split('\u0000').map(tokenWords);
  const words = tokenWords(outer);
  const from = (part: number, at: number): boolean => {
    const seg = parts[part]!;
    if (at + seg.length > words.length) return false;
    for (let k = 0; k < seg.length; k++) if (words[at + k] !== seg[k]) return false;
    if (part === parts.length - 1) return true;
    for (let gap = 1; gap <= HOLE_MAX_WORDS; gap++) if (from(part + 1, at + seg.length + gap)) return true;
    return false;
  };
  for (let at = 0; at < words.length; at++) if (from(0, at)) return true;
  return false;
}

/** Whether every word of the span h outside the span x is a common word of the messages. */
function commonAround(text: string, h: RawHit, x: RawHit, detector: Detector): boolean {
  const outside = [...tokenWords(text.slice(h.start, x.start)), ...tokenWords(text.slice(x.end, h.end))];
  return outside.every((w) => !detector.uncommonWord(w));
}

let boilerplate: string[][] | null = null;

/**
 * A bounce's boilerplate (ndr-tables.ts) makes up half the span: another article's variant of it
 * ("did not reach all or some of ...") one word away is still the boilerplate every bounce prints.
 */
function mostlyBoilerplate(words: readonly string[]): boolean {
  boilerplate ??= NDR_BOILERPLATE.map((b) => tokenWords(b)).filter((b) => b.length >= 4);
  let covered = 0;
  for (const seq of boilerplate)
    for (let i = 0; i + seq.length <= words.length; i++) {
      let j = 0;
      while (j < seq.length && words[i + j] === seq[j]) j++;
      if (j === seq.length) covered += seq.length;
    }
  return 2 * covered >= words.length;
}

const SOURCE_RANK: Record<Match['source'], number> = { cited: 0, message: 1, code: 2, build: 3 };

/**
 * Keeps the most specific match where matches overlap: cited KB numbers first, then the longest
 * span, then the one with articles, then the heavier. A dropped match lends its NDR class (and
 * kind) to the match that covers it, and the same message found by several patterns pools its articles.
 */
export function resolveOverlaps(candidates: Match[], max: number): Match[] {
  // Most matches overlap nothing: settle each cluster of overlapping candidates on its own, so
  // the cost stays O(n log n) with tens of thousands of matches.
  candidates.sort(byStartThenLonger);
  const out: Match[] = [];
  // Every cluster lives in one array, its size kept apart: a fresh array per cluster was a third
  // of a scan's garbage (and `length = 0` drops the array's storage too).
  const cluster: Match[] = [];
  const kept: Match[] = [];
  let size = 0;
  let clusterEnd = -1;
  for (const m of candidates) {
    if (m.start >= clusterEnd) {
      settle(cluster, size, kept, out);
      size = 0;
      clusterEnd = m.end;
    } else clusterEnd = Math.max(clusterEnd, m.end);
    cluster[size++] = m;
    if (out.length >= max) break;
  }
  settle(cluster, size, kept, out);
  return out.length > max ? out.slice(0, max) : out;
}

function byStartThenLonger(a: Match, b: Match): number {
  return a.start - b.start || b.end - a.end;
}

/** Keeps what cluster[0, size) leaves, using `kept` as scratch. */
function settle(cluster: Match[], size: number, kept: Match[], out: Match[]): void {
  if (size === 1) keepIfInformative(cluster[0]!, out);
  else if (size > 1) {
    const n = settleCluster(cluster, size, kept);
    for (let i = 0; i < n; i++) keepIfInformative(kept[i]!, out);
  }
}

/** A highlight must open a card with something in it: an article, or at least an NDR class. */
function keepIfInformative(m: Match, out: Match[]): void {
  if (m.source !== 'cited' && m.articles.length === 0 && !m.class) return;
  out.push(m);
}

const hasArticles = (m: Match) => (m.articles.length > 0 ? 1 : 0);
const own = (m: Match) => (m.ownValues ? 1 : 0);
// A code regex takes in decoration ("#", " ##") that a message pattern leaves out: a message
// covering nearly the same span is the more specific match.
const span = (m: Match) => m.end - m.start + (m.source === 'message' ? 6 : 0);

function byPriority(a: Match, b: Match): number {
  return SOURCE_RANK[a.source] === 0 || SOURCE_RANK[b.source] === 0
    ? SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || a.start - b.start
    : span(b) - span(a) ||
        hasArticles(b) - hasArticles(a) ||
        b.weight - a.weight ||
        own(b) - own(a) ||
        a.start - b.start;
}

const OWN_VALUES_MAX_CLUSTER = 256;

/** A message that may say the ticket's own value: specific, with articles, and no other value of its own. */
const ownCandidate = (m: Match) =>
  m.source === 'message' && !m.slots && m.articles.length > 0 && m.weight >= SPECIFIC_WEIGHT;

/**
 * A message matched with another value than its articles' (a soft slot) is explained better by a
 * message inside it, or on the same span, that is specific and has the ticket's own value there:
 * "(compiler file 'msc1.cpp', line 1188)" quoted by the articles about line 1188, inside the
 * C1001 dialog that eleven articles quote with line 1056. The enclosing match keeps its span (one
 * highlight for the whole message) and takes those articles instead of its own, best first; the
 * articles matched only on the frame drop out, as they do where the spans are equal. Runs after
 * the priority sort, so the longest such message comes first.
 */
function preferOwnValues(cluster: Match[], size: number): void {
  // Quadratic in the cluster: a ticket's message overlaps a few dozen candidates at most, so a
  // larger cluster is hostile input, settled by span alone.
  if (size > OWN_VALUES_MAX_CLUSTER) return;
  let any = false;
  for (let j = 0; j < size && !any; j++) any = ownCandidate(cluster[j]!);
  if (!any) return;
  const taken: Match[] = [];
  for (let i = 0; i < size; i++) {
    const k = cluster[i]!;
    const other = k.slots;
    if (k.source !== 'message' || !other) continue;
    // One that overlaps a match that took articles already is dropped by the greedy anyway.
    if (taken.some((t) => t.start < k.end && t.end > k.start)) continue;
    let words: string[][] | null = null;
    let found = false;
    for (let j = 0; j < size; j++) {
      const m = cluster[j]!;
      if (m === k || m.start < k.start || m.end > k.end || !ownCandidate(m)) continue;
      words ??= other.map(distinguishingWords);
      let says = false;
      for (let v = 0; v < other.length && !says; v++)
        says = holdsWord(m.text, other[v]!.value) && words[v]!.some((w) => messageWords(m.value).has(w));
      if (!says) continue;
      if (!found) {
        found = true;
        k.articles = [...m.articles];
        k.value = m.value;
        k.weight = m.weight;
      } else {
        for (const q of m.articles) if (!k.articles.includes(q)) k.articles.push(q);
        k.weight = Math.max(k.weight, m.weight);
      }
    }
    if (found) {
      k.slots = undefined;
      k.ownValues = true;
      taken.push(k);
    }
  }
}

/**
 * The words of the ticket's value that the other article's value lacks ("1188" where it has
 * "1056", "EMSMDB32" where it has "ADDRESS"): the message inside must have one of them in its
 * own words, not only take the value with a placeholder ("'<UNC Path>'").
 */
function distinguishingWords(slot: SlotValue): string[] {
  const theirs = new Set(tokenWords(slot.articleValue));
  return tokenWords(slot.value).filter((w) => !theirs.has(w));
}

/** A message's words, kept per message text: the same messages come back window after window. */
const wordsOf = new Map<string, Set<string>>();
function messageWords(message: string): Set<string> {
  let words = wordsOf.get(message);
  if (!words) {
    if (wordsOf.size >= 4096) wordsOf.clear();
    wordsOf.set(message, (words = new Set(tokenWords(message))));
  }
  return words;
}

/** Whether `value` stands in `text` as a whole (not inside a longer word or number). */
function holdsWord(text: string, value: string): boolean {
  const word = /[\p{L}\p{N}_]/u;
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
    if (!word.test(text[at - 1] ?? '') && !word.test(text[at + value.length] ?? '')) return true;
  }
  return false;
}

/** Most of a longer match's span, in characters: the longer one adds a label or a word or two. */
const INNER_SHARE = 0.8;
/** Articles a message inside may name: more say nothing about any of them (shareFactor in rank.ts). */
const INNER_MAX_ARTICLES = 10;

/**
 * A specific message, quoted by a few articles, that makes up most of a longer message match
 * around it and is not the same span: the longer one won the highlight by a few words ("Event
 * 9411", "Details"), which does not make the shorter one's articles a worse explanation.
 */
function nearlyAllOf(m: Match, other: Match): boolean {
  return (
    m.source === 'message' &&
    other.source === 'message' &&
    m.start >= other.start &&
    m.end <= other.end &&
    m.end - m.start < other.end - other.start &&
    m.end - m.start >= INNER_SHARE * (other.end - other.start) &&
    m.weight >= SPECIFIC_WEIGHT &&
    !m.slots &&
    m.articles.length > 0 &&
    m.articles.length <= INNER_MAX_ARTICLES
  );
}

/**
 * A literal message (no placeholder) inside a longer match whose message has one: the ticket
 * filled the frame's placeholder with a value another article prints word for word ('error
 * LNK2001: unresolved external symbol "<function>"' around 'LNK2001: unresolved external symbol
 * "__doserrno"'). However short beside the frame, it is the more specific reading of its span
 * ('value'). A literal that only prints the placeholder's own example value, which a frame may
 * show as one ("cannot find <vids:iv32> decompressor" around "cannot find 'vids:iv32'
 * decompressor"), is a piece of the frame's quote ('part'): its articles still explain the
 * ticket, after the frame's, which quote the rest of the ticket's message besides.
 */
function literalInFrame(m: Match, other: Match): 'value' | 'part' | undefined {
  if (
    m.source !== 'message' ||
    other.source !== 'message' ||
    m.start < other.start ||
    m.end > other.end ||
    m.weight < SPECIFIC_WEIGHT ||
    m.slots ||
    m.articles.length === 0 ||
    m.articles.length > INNER_MAX_ARTICLES
  )
    return undefined;
  return fillsPlaceholder(m.value, other.value);
}

/**
 * The frame has a placeholder (article/placeholders.ts: "<function>", "%1", not a real "<addr>"),
 * the literal none, and the literal has a word the frame lacks outside its placeholders: 'value'
 * when the frame lacks it altogether (the ticket's value in the placeholder), 'part' when it is
 * the placeholder's own text. A literal of the frame's other words only fills nothing.
 */
function fillsPlaceholder(literal: string, frame: string): 'value' | 'part' | undefined {
  const holes = findPlaceholders(frame);
  if (holes.length === 0 || findPlaceholders(literal).length > 0) return undefined;
  const words = (s: string) => s.toLowerCase().match(/[a-z0-9_]{2,}/g) ?? [];
  const rest = new Set(words(holes.reduce((f, h) => f.split(h).join(' '), frame)));
  const extra = words(literal).filter((w) => !rest.has(w));
  if (extra.length === 0) return undefined;
  const all = new Set(words(frame));
  return extra.some((w) => !all.has(w)) ? 'value' : 'part';
}

function byStart(a: Match, b: Match): number {
  return a.start - b.start;
}

/** Greedy by priority inside cluster[0, size): the matches kept, in text order, are kept[0, returned count). */
function settleCluster(cluster: Match[], size: number, kept: Match[]): number {
  sortSmall(cluster, size, byPriority);
  preferOwnValues(cluster, size);
  let n = 0;
  for (let c = 0; c < size; c++) {
    const m = cluster[c]!;
    let other: Match | undefined;
    for (let j = 0; j < n; j++) {
      const k = kept[j]!;
      if (k.start < m.end && k.end > m.start) {
        other = k;
        break;
      }
    }
    if (!other) {
      kept[n++] = m;
      continue;
    }
    if (other.source === 'cited' || m.source === 'cited') continue;
    if (!other.class && m.class) other.class = m.class;
    if (m.kind === 'ndr' && other.kind === 'error') other.kind = 'ndr';
    if (other.source === 'code' && m.source === 'message' && m.start >= other.start && m.end <= other.end) {
      // A code regex that ran a little wider than the message: the message is what it found.
      other.source = 'message';
      other.value = m.value;
      other.weight = Math.max(other.weight, m.weight);
      other.articles = [...new Set([...m.articles, ...other.articles])];
      continue;
    }
    if (m.source === 'message' && other.source === 'message' && onlyBareLabelBefore(other.value, m.value)) {
      // "Error: <a shared message>": the match is the shared message, whose articles include the labelled one's.
      other.value = m.value;
      other.weight = m.weight;
      other.articles = [...new Set([...m.articles, ...other.articles])];
      continue;
    }
    const framed = nearlyAllOf(m, other) ? 'value' : literalInFrame(m, other);
    if (framed) {
      if (m.articles.some((q) => !other.articles.includes(q)))
        (other.inner ??= []).push({
          value: m.value,
          weight: m.weight,
          articles: m.articles,
          ...(framed === 'part' ? { part: true as const } : {}),
        });
      continue;
    }
    if (other.start === m.start && other.end === m.end && m.source === 'message' && other.source === 'message') {
      // The article whose own example value the ticket has is the better explanation: articles
      // matched only on the frame with another value do not join it.
      if (m.slots && other.ownValues) continue;
      for (const q of m.articles) if (!other.articles.includes(q)) other.articles.push(q);
      other.weight = Math.max(other.weight, m.weight);
    }
  }
  sortSmall(kept, n, byStart);
  return n;
}
