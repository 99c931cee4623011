/**
 * Where the KB-reference and code regexes can match, noted by the tokeniser as it passes.
 *
 * Each regex pass over a text costs a fifth of tokenising it, and there are eleven of them.
 * Every match of most of them contains an ASCII word (a maximal run of ASCII letters and digits)
 * of a known shape at a known distance from the match start: "microsoft" in a support URL, a
 * word starting "q" + digit, "kb"/"mskb", "status", a lone "5" before a dot... The tokeniser sees
 * every word anyway, so it notes those; the regexes then run sticky at the noted positions only
 * (`RegexCursor`), which finds exactly the matches a global scan finds: a global scan tries every
 * position after the previous match, and positions with no cue cannot start a match.
 * The rules below only have to be necessary conditions: a cue too many costs one sticky attempt.
 * Two rules look at a word's end instead of its first character: "MSEXCH:" may end any word
 * ("xMSEXCH:IMS"), and "article 227142" may follow a digit inside one ("Q1234article 227142").
 */

import { isHardSpace } from './hard-spaces';

/** The regexes that run at cues; each list holds match-start candidates in text order. */
export const Cue = {
  Url: 0,
  Kb: 1,
  Q: 2,
  Enhanced: 3,
  Status: 4,
  Component: 5,
  X400: 6,
  Hex: 7,
  Mapi: 8,
  Msexch: 9,
  Article: 10,
  Negative: 11,
  Jet: 12,
} as const;
export type Cue = (typeof Cue)[keyof typeof Cue];
const CUE_KINDS = 13;

/** Noted candidates of one text. `end` = how far the text was seen; positions past it were not looked at. */
export interface CueLists {
  starts: number[][];
  /**
   * Cues that may still be noted. Text thick with cues ("cat. cat. cat.") is scanned faster by
   * the plain global regexes: past this budget `full` is set and the cues must not be used.
   */
  room: number;
  full: boolean;
  /** Candidate window per kind: a match may start at [cue + lo, cue + hi]. */
  lo: Int8Array;
  hi: Int8Array;
}

const LO = Int8Array.from([0, 0, 0, -8, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
const HI = Int8Array.from([0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

/**
 * The word lengths any rule can accept, by first character (lower-cased ASCII): bit L set for
 * length L, bit 31 for 31 and longer. The tokeniser tests this before calling `noteWord`, which
 * would otherwise see a third of all words.
 */
export const CUE_LENGTHS = new Int32Array(128);
const lengths = (lo: number, hi = 31) => {
  let m = 0;
  for (let l = lo; l <= hi; l++) m |= 1 << l;
  return m;
};
const accept = (first: string, mask: number) => {
  CUE_LENGTHS[first.charCodeAt(0)]! |= mask;
};
accept('q', lengths(1, 1) | lengths(5, 8)); // "Q" before a spaced number; q + 4..7 digits; "queue"
accept('k', lengths(2)); // "kb..."
accept('m', lengths(4)); // "mskb...", "microsoft", "MAPI_"
accept('a', lengths(5, 5)); // "agent"
accept('s', lengths(6, 8) | lengths(10, 10)); // "status", "status5", "smtpsend", "storedrv", "smtpsubmit"
accept('r', lengths(6)); // "reason...", "routing", "resolver"
accept('d', lengths(10)); // "diagnostic..."
accept('c', lengths(3, 3)); // "cat"
accept('0', lengths(10, 10)); // "0x" + 8 hex digits
for (const d of '245') accept(d, lengths(1, 1)); // "5" of "5.1.1"
for (const d of '123456789') accept(d, lengths(3, 4)); // "1022" of "error -1022"
accept('j', lengths(3, 3)); // "JET" of "JET_errDiskIO"

/**
 * The second characters any rule can accept after a first (both lower-cased ASCII), at
 * CUE_SECONDS[first * 128 + second]. Most words CUE_LENGTHS lets through are prose ("com",
 * "server", "message": one in eight words of a ticket), and their second character settles them
 * without a call to `noteWord`. A word of one character has none and always goes on.
 */
export const CUE_SECONDS = new Uint8Array(128 * 128);
const follow = (first: string, seconds: string) => {
  for (const c of seconds) CUE_SECONDS[first.charCodeAt(0) * 128 + c.charCodeAt(0)] = 1;
};
follow('q', '0123456789u'); // q + digits; "queue"
follow('k', 'b'); // "kb..."
follow('m', 'ias'); // "microsoft", "MAPI_", "mskb..."
follow('a', 'g'); // "agent"
follow('s', 'tm'); // "status", "storedrv"; "smtpsend", "smtpsubmit"
follow('r', 'eo'); // "reason...", "resolver"; "routing"
follow('d', 'i'); // "diagnostic..."
follow('c', 'a'); // "cat"
follow('0', 'x'); // "0x" + 8 hex digits
for (const d of '123456789') follow(d, '0123456789'); // "-1022"
follow('j', 'e'); // "JET_err..."

/** Whether the second character (lower-cased ASCII) of a word of 2+ characters can leave it a cue (see CUE_SECONDS). */
export function mayCueAfter(first: number, second: number): boolean {
  return CUE_SECONDS[first * 128 + second] === 1;
}

/** Whether the tokeniser should show an ASCII word to `noteWord`. */
export function mayCue(first: number, length: number): boolean {
  return ((CUE_LENGTHS[first]! >>> Math.min(length, 31)) & 1) !== 0;
}

/** Cue lists for a text of `length` characters: at most one cue per MAX_CUE_DENSITY characters is kept. */
export function newCueLists(length: number): CueLists {
  return {
    starts: Array.from({ length: CUE_KINDS }, () => []),
    room: 16 + Math.floor(length / MAX_CUE_DENSITY),
    full: false,
    lo: LO,
    hi: HI,
  };
}

const MAX_CUE_DENSITY = 64;

function add(cues: CueLists, kind: Cue, at: number): void {
  if (--cues.room < 0) cues.full = true;
  else cues.starts[kind]!.push(at);
}

/** "-", the minus sign, the en dash a word processor makes of "-". */
const isMinus = (c: number) => c === 0x2d || c === 0x2212 || c === 0x2013;
const lower = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 32 : c);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Whether text[at, at + word.length) is `word` (lower-case ASCII) in any case. */
function startsWithFolded(text: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (lower(text.charCodeAt(at + i)) !== word.charCodeAt(i)) return false;
  return true;
}

const COMPONENTS = ['resolver', 'queue', 'smtpsend', 'smtpsubmit', 'routing', 'storedrv', 'cat', 'agent'];

function component(text: string, a: number, len: number): boolean {
  for (const w of COMPONENTS) if (w.length === len && startsWithFolded(text, a, w)) return true;
  return false;
}

/** Notes the cues of the ASCII word text[a, b) (one `mayCue` accepts). */
export function noteWord(cues: CueLists, text: string, a: number, b: number): void {
  const len = b - a;
  const c0 = lower(text.charCodeAt(a));
  const next = b < text.length ? text.charCodeAt(b) : 0;
  if (next === 0x2e && component(text, a, len)) add(cues, Cue.Component, a);
  switch (c0) {
    case 0x71: // q
      if (len >= 5 && len <= 8 && isDigit(text.charCodeAt(a + 1))) add(cues, Cue.Q, a);
      // "Q 227142"
      else if (len === 1 && (next === 0x20 || next === 0x09 || isHardSpace(next)) && isDigit(text.charCodeAt(b + 1)))
        add(cues, Cue.Q, a);
      return;
    case 0x6b: // k
      if (len >= 2 && lower(text.charCodeAt(a + 1)) === 0x62) add(cues, Cue.Kb, a);
      return;
    case 0x6d: // m
      if (len === 9 && startsWithFolded(text, a, 'microsoft') && a >= 8) add(cues, Cue.Url, a - 8);
      else if (len === 4 && next === 0x5f && startsWithFolded(text, a, 'mapi')) add(cues, Cue.Mapi, a);
      else if (len >= 4 && startsWithFolded(text, a, 'mskb')) add(cues, Cue.Kb, a);
      return;
    case 0x73: // s
      if ((len === 6 || len === 7) && startsWithFolded(text, a, 'status')) add(cues, Cue.Status, a);
      return;
    case 0x72: // r
      if (len >= 6 && startsWithFolded(text, a, 'reason')) add(cues, Cue.X400, a);
      return;
    case 0x64: // d
      if (len >= 10 && startsWithFolded(text, a, 'diagnostic')) add(cues, Cue.X400, a);
      return;
    case 0x6a: // j
      if (len === 3 && next === 0x5f && startsWithFolded(text, a, 'jet')) add(cues, Cue.Jet, a);
      return;
    default:
      if (!isDigit(c0)) return;
      if (len === 1) {
        if ((c0 === 0x32 || c0 === 0x34 || c0 === 0x35) && next === 0x2e) add(cues, Cue.Enhanced, a);
        return;
      }
      if (len === 10 && c0 === 0x30 && lower(text.charCodeAt(a + 1)) === 0x78) add(cues, Cue.Hex, a);
      else if ((len === 3 || len === 4) && a > 0 && isMinus(text.charCodeAt(a - 1))) add(cues, Cue.Negative, a - 1);
  }
}

/**
 * A token followed by ":": "MSEXCH:" may end any word ("xMSEXCH:IMS" matches too), so it is
 * looked for at the end of every such token rather than by first character.
 */
export function noteColonWord(cues: CueLists, text: string, start: number, end: number): void {
  if (end - start >= 6 && text.startsWith('MSEXCH', end - 6)) add(cues, Cue.Msexch, end - 6);
}

/**
 * A word of 7+ characters ending in "e" or a digit: "article" at its end, or before "227142" /
 * "Q227142" at its end, with no ASCII letter right before it ("5article", "Q1234article").
 */
export function noteArticleEnd(cues: CueLists, text: string, start: number, end: number): void {
  let e = end;
  while (e > start && isDigit(text.charCodeAt(e - 1))) e--;
  if (e < end && e > start && lower(text.charCodeAt(e - 1)) === 0x71) e--;
  const x = e - 7;
  if (x < start || !startsWithFolded(text, x, 'article')) return;
  const before = lower(text.charCodeAt(x - 1));
  if (x > start && before >= 0x61 && before <= 0x7a) return;
  add(cues, Cue.Article, x);
}

/** Whether `noteArticleEnd` should see the word text[start, end). */
export function mayEndArticle(text: string, start: number, end: number): boolean {
  if (end - start < 7) return false;
  const last = text.charCodeAt(end - 1) | 0x20;
  return last === 0x65 || (last >= 0x30 && last <= 0x39);
}

const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** A token with letters outside ASCII: the regexes see its ASCII runs as separate words. */
export function noteMixedToken(cues: CueLists, text: string, start: number, end: number): void {
  let i = start;
  while (i < end) {
    if (!isAsciiAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const a = i;
    while (i < end && isAsciiAlnum(text.charCodeAt(i))) i++;
    if (mayCue(lower(text.charCodeAt(a)), i - a)) noteWord(cues, text, a, i);
    if (mayEndArticle(text, a, i)) noteArticleEnd(cues, text, a, i);
  }
}

/** Sticky attempts run only while there is at most one per this many characters of text. */
const MAX_ATTEMPT_DENSITY = MAX_CUE_DENSITY;

/**
 * The matches of a global regex, in the order `re.exec` loops find them: everywhere, or (with
 * cues) by sticky attempts at the candidate starts only.
 */
export class RegexCursor {
  private at = 0;
  private cue = 0;
  private tried = -1;
  private readonly sticky: RegExp | null;

  constructor(
    private readonly re: RegExp,
    private readonly text: string,
    private readonly starts?: readonly number[],
    private readonly lo = 0,
    private readonly hi = 0,
  ) {
    re.lastIndex = 0;
    // A sticky attempt costs a call from JS, some hundred times a character of a native global
    // scan: on text thick with cues ("5.5.5.5...", "status status..."), the global scan is faster.
    const attempts = starts ? starts.length * (hi - lo + 1) : 0;
    this.sticky = starts && attempts * MAX_ATTEMPT_DENSITY <= text.length ? stickyTwin(re) : null;
  }

  next(): RegExpExecArray | null {
    if (!this.sticky) return this.re.exec(this.text);
    const starts = this.starts!;
    const re = this.sticky;
    for (; this.cue < starts.length; this.cue++) {
      const c = starts[this.cue]!;
      for (let p = Math.max(c + this.lo, this.tried + 1, this.at, 0); p <= c + this.hi; p++) {
        this.tried = p;
        re.lastIndex = p;
        const m = re.exec(this.text);
        if (m) {
          this.at = p + m[0].length;
          return m;
        }
      }
    }
    return null;
  }
}

const twins = new Map<RegExp, RegExp>();
function stickyTwin(re: RegExp): RegExp {
  let t = twins.get(re);
  if (!t) twins.set(re, (t = new RegExp(re.source, re.flags.replace('g', '') + 'y')));
  return t;
}
