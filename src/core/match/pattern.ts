/**
 * One quoted message as a token pattern: literal token hashes with wildcards where the article put
 * a placeholder ("<server name>", "%1", "xxxx", the org/site/server parts of an MSEXCH line).
 */
import { NDR_BOILERPLATE } from './ndr-tables';
import { findSoftSlots, widenPlaceholders } from './soft-slots';
import { FULL_CHARS, SPECIFIC_CHARS, SPECIFIC_WEIGHT } from './specificity';
import { hashSpan, tokenize, tokenWords } from './tokens';
import { mailAddressRe } from '../article/mail-addresses';

/** A wildcard matches 1..WILD_MAX tokens; merged neighbouring placeholders up to WILD_MERGED_MAX. */
export const WILD_MAX = 8;
export const WILD_MERGED_MAX = 12;
/** Longer messages are cut: 128 items already pin a message down, and it bounds the scan's window. */
export const MAX_ITEMS = 128;

export interface CompiledPattern {
  /** Literal token hash as uint32 (>= 0), or a wildcard as -(max tokens). */
  items: number[];
  /** Lower-case text of each literal item, null for wildcards (build-time only). */
  words: (string | null)[];
  /**
   * Per wildcard, in order: the article's own value where it is a soft slot (soft-slots.ts), null
   * for a placeholder. Absent when the pattern has no soft slot.
   */
  slots?: (string | null)[];
}

interface Span {
  start: number;
  end: number;
  /** Tokens the wildcard may take; WILD_MAX when absent. */
  max?: number;
  /** A soft slot (the article's example value), not a placeholder. */
  soft?: boolean;
  quoted?: boolean;
}

const ANGLE_RE = /<([^<>\r\n]{1,40})>/g;
/** printf's %1, %s, %d, %u; not an environment variable ("%username%", "%systemroot%"), which is a value the ticket has too. */
const PERCENT_RE = /%(?:\d|[sdu](?![a-z]))/gi;
const FILLER_RE = /(?<![a-z0-9])(?:x{3,}|n{3,})(?![a-z0-9])|#{3,}/gi;
/** Two capital X's stand for a value too ("line Number = XX", "XX.CAB"); "xx" in lower case may be a word. */
const FILLER_XX_RE = /(?<![A-Za-z0-9])XX(?![A-Za-z0-9])/g;
const MSEXCH_PARTS_RE = /MSEXCH:[A-Za-z]{1,24}((?::[^\s:]{1,64}){1,4})/g;
/**
 * The X.400, X.500 and MS Mail addresses an event or NDR prints (article/mail-addresses.ts). The
 * article's are examples: each is a placeholder, so the articles quoting the same event with other
 * examples share one pattern. Not the MTS-ID line every bounce prints ("The MTS-ID of the original
 * message is: ..."): pooled with it, a bounce's generic reason would name a few articles as if
 * specifically.
 */
const MAIL_ADDRESS_RE = mailAddressRe();
const BOUNCE_MTS_ID = /MTS-ID\b[^\n]{0,40}?:?[ \t]*$/i;
/** Tokens an address may take in a ticket: its parts and their values. */
const MAIL_ADDRESS_TOKENS = 16;

/**
 * Placeholder spans: the record's own list, plus the forms corpus-notes §11.3 lists, each widened
 * to the path or address it is part of (soft-slots.ts widenPlaceholders).
 */
function wildcardSpans(text: string, placeholders: readonly string[]): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const p of placeholders) {
    if (!p) continue;
    let at = placeholderAt(text, p, from);
    if (at < 0) at = placeholderAt(text, p, 0);
    if (at < 0) continue;
    spans.push({ start: at, end: at + p.length });
    from = at + p.length;
  }
  let m: RegExpExecArray | null;
  ANGLE_RE.lastIndex = 0;
  while ((m = ANGLE_RE.exec(text))) {
    const inner = m[1]!;
    // "<2>", "<0xe160052a>" are real values; "<A0>" is a converter escape (corpus-notes §11.3).
    if (!/[a-z]/i.test(inner) || /^0x[0-9a-f]+$/i.test(inner) || /^[0-9A-F]{2}$/.test(inner)) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const re of [PERCENT_RE, FILLER_RE, FILLER_XX_RE]) {
    re.lastIndex = 0;
    while ((m = re.exec(text))) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  MSEXCH_PARTS_RE.lastIndex = 0;
  while ((m = MSEXCH_PARTS_RE.exec(text))) {
    let at = m.index + m[0].length - m[1]!.length;
    for (const part of m[1]!.split(':').slice(1)) {
      at += 1;
      spans.push({ start: at, end: at + part.length });
      at += part.length;
    }
  }
  MAIL_ADDRESS_RE.lastIndex = 0;
  while ((m = MAIL_ADDRESS_RE.exec(text))) {
    if (BOUNCE_MTS_ID.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    spans.push({ start: m.index, end: m.index + m[0].length, max: MAIL_ADDRESS_TOKENS });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      if (s.max !== undefined) last.max = Math.max(last.max ?? 0, s.max);
    } else merged.push({ ...s });
  }
  return widenPlaceholders(text, merged).map((w) => ({
    start: w.start,
    end: w.end,
    max: Math.max(
      WILD_MAX,
      w.maxTokens ?? 0,
      ...merged.filter((s) => s.max !== undefined && s.start >= w.start && s.end <= w.end).map((s) => s.max!),
    ),
  }));
}

/**
 * Where placeholder p occurs in text from `from` on. One that starts or ends with a letter or digit
 * (an explained "x", "nnnn", "servername") counts only as a whole word: "x" is no placeholder inside "Exchange".
 */
function placeholderAt(text: string, p: string, from: number): number {
  const wordStart = isTokenChar(p, 0);
  const wordEnd = isTokenChar(p, p.length - 1);
  for (let at = text.indexOf(p, from); at >= 0; at = text.indexOf(p, at + 1)) {
    if ((!wordStart || !isTokenChar(text, at - 1)) && (!wordEnd || !isTokenChar(text, at + p.length))) return at;
  }
  return -1;
}

const isTokenChar = (text: string, i: number) => i >= 0 && i < text.length && tokenize(text, i, i + 1).length === 1;

/**
 * Compiles a message into items; the caller decides whether enough is left to match on. With
 * `soft`, the message's example values (soft-slots.ts) become wildcards too, each remembering the
 * article's value; one that would merge with a placeholder or a glued literal stays literal.
 */
export function compilePattern(text: string, placeholders: readonly string[] = [], soft = false): CompiledPattern {
  const fixed = wildcardSpans(text, placeholders);
  let softSpans: Span[] = soft
    ? findSoftSlots(text, fixed).map((x) => ({
        start: x.start,
        end: x.end,
        max: x.maxTokens,
        soft: true,
        quoted: x.quoted,
      }))
    : [];
  for (let round = 0; ; round++) {
    const spans = [...fixed, ...softSpans].sort((a, b) => a.start - b.start);
    const { compiled, impure } = compileSpans(text, spans);
    if (softSpans.length === 0) return { items: compiled.items, words: compiled.words };
    const kept = softSpans.filter((x) => !impure.has(x));
    if (kept.length === softSpans.length || round > 0) {
      if (impure.size > 0) return compilePattern(text, placeholders, false);
      return compiled;
    }
    softSpans = kept;
  }
}

function compileSpans(text: string, spans: readonly Span[]): { compiled: CompiledPattern; impure: Set<Span> } {
  const items: number[] = [];
  const words: (string | null)[] = [];
  const slots: (string | null)[] = [];
  /** The soft span behind each wildcard, while it is still the wildcard's only part. */
  const softOf: (Span | null)[] = [];
  /** Per wildcard, whether a placeholder is part of it. */
  const holdsPlaceholder: boolean[] = [];
  const impure = new Set<Span>();
  /** `from`: the soft span, or null for a placeholder; `glued`: a literal glued to a wildcard. */
  const addWild = (max: number, from: Span | null, glued = false) => {
    const last = items.length - 1;
    if (last >= 0 && items[last]! < 0) {
      const prev = -items[last]!;
      items[last] = -Math.max(Math.min(WILD_MERGED_MAX, prev + max), prev, max);
      const w = softOf.length - 1;
      // A value next to a placeholder ("the <object> 'Monthly Totals'", "%1 C:\\APP\\X.DLL") is
      // part of what the placeholder stands for: the two are one placeholder. Two values side by
      // side, or a literal glued to one, keep the value literal.
      const placeholderWith = !glued && (from ? holdsPlaceholder[w]! && !softOf[w] : softOf[w] !== null);
      if (!placeholderWith) {
        if (softOf[w]) impure.add(softOf[w]!);
        if (from) impure.add(from);
      }
      holdsPlaceholder[w] = holdsPlaceholder[w]! || (from === null && !glued) || placeholderWith;
      softOf[w] = null;
      slots[w] = null;
    } else {
      items.push(-max);
      words.push(null);
      softOf.push(from);
      holdsPlaceholder.push(from === null && !glued);
      slots.push(from ? text.slice(from.start, from.end) : null);
    }
  };
  let pos = 0;
  for (let s = 0; s <= spans.length; s++) {
    const span = spans[s];
    const segEnd = span ? span.start : text.length;
    const toks = tokenize(text, pos, segEnd);
    for (let t = 0; t < toks.length; t++) {
      const tok = toks[t]!;
      // A literal glued to a placeholder ("EBU<xxxx>") is part of the real value: fold it into the wildcard.
      const gluedBefore = t === 0 && s > 0 && tok.start === pos && isTokenChar(text, pos - 1);
      const gluedAfter = t === toks.length - 1 && span !== undefined && tok.end === segEnd && isTokenChar(text, segEnd);
      if (gluedBefore || gluedAfter) {
        addWild(1, null, true);
        continue;
      }
      items.push(hashSpan(text, tok.start, tok.end) >>> 0);
      words.push(tokenWords(text.slice(tok.start, tok.end))[0] ?? '');
    }
    if (span) {
      addWild(span.max ?? WILD_MAX, span.soft ? span : null);
      pos = span.end;
    }
  }
  if (items.length > MAX_ITEMS) {
    items.length = MAX_ITEMS;
    words.length = MAX_ITEMS;
    slots.length = items.filter((x) => x < 0).length;
  }
  // A wildcard at an end takes one word: the token there and those glued to it. A quoted value
  // may end a pattern (the ticket's value runs to its closing quote), and an unquoted one (a path,
  // a file, an address, a number: one word by its shape) may start or end one, because the
  // matcher checks that the ticket's word has the same shape (slot-shape.ts). A quoted value never
  // starts one: its first word alone would be taken.
  if (softOf[0] && items[0]! < 0 && softOf[0].quoted) impure.add(softOf[0]);
  const compiled: CompiledPattern = { items, words };
  if (slots.some((v) => v !== null)) compiled.slots = slots;
  return { compiled, impure };
}

const STOPWORDS = new Set(
  (
    'a an the of to in on at for is are was were be been being it its this that these those and or not no with by from as ' +
    'your you has have had will can could would may might please following s t error message occurred there has'
  ).split(' '),
);

const BOILERPLATE_SEQS: string[][] = NDR_BOILERPLATE.map((p) => tokenWords(p));

/**
 * How much a pattern says beyond envelope text and filler words, in characters: code-like tokens
 * ("0x8004011d", "c1030745") count double, short numbers not at all.
 */
export function informativeChars(words: readonly (string | null)[]): number {
  const covered = new Uint8Array(words.length);
  for (const seq of BOILERPLATE_SEQS) {
    if (seq.length === 0) continue;
    for (let i = 0; i + seq.length <= words.length; i++) {
      let ok = true;
      for (let j = 0; j < seq.length && ok; j++) ok = words[i + j] === seq[j];
      if (ok) covered.fill(1, i, i + seq.length);
    }
  }
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === null || w === undefined || covered[i] || STOPWORDS.has(w)) continue;
    if (/^\d+$/.test(w)) {
      if (w.length >= 4) n += w.length;
      continue;
    }
    n += /\d/.test(w) && /[a-z]/.test(w) && w.length >= 5 ? 2 * w.length : w.length;
  }
  return n;
}

export { SPECIFIC_CHARS, SPECIFIC_WEIGHT };

/** Specificity in 0..1. */
export function patternWeight(words: readonly (string | null)[]): number {
  return Math.min(1, informativeChars(words) / FULL_CHARS);
}
