/**
 * A view of ticket text in which quoting, re-wrapping and folding no longer matter: quote markers
 * at line starts ("> ", "> > ", "| ") are dropped, a blank line becomes one "\n" (a paragraph
 * break) and every other run of white space one " ". `origin[i]` is the offset in the original
 * text of the flat text's character i, so anything found in the flat text maps back.
 * A report copied out of a page's HTML source keeps its markup's escapes ("&lt;addr&gt;:", "&#39;"),
 * and one copied from a word processor its typographic quotes ("returned ‘550 ...’"): both are read
 * as the characters they stand for, each mapped to where its escape starts.
 */
export interface FlatText {
  text: string;
  origin: Int32Array;
}

const QUOTE_PREFIX = /^[ \t]*(?:[>|][ \t]?)+/;

/** HTML escapes a pasted report may keep, longest first where one is the start of another ("&amp;lt;" is read twice). */
const ENTITIES: ReadonlyArray<readonly [string, string]> = [
  ['&lt;', '<'],
  ['&gt;', '>'],
  ['&quot;', '"'],
  ['&#39;', "'"],
  ['&#039;', "'"],
  ['&apos;', "'"],
  ['&#34;', '"'],
  ['&nbsp;', ' '],
  ['&#160;', ' '],
  ['&amp;lt;', '<'],
  ['&amp;gt;', '>'],
  ['&amp;', '&'],
];

/** Typographic quotes as the ASCII ones the report's layouts are read with. */
function plainQuote(c: number): string | undefined {
  if (c === 0x2018 || c === 0x2019 || c === 0x201a || c === 0x2032) return "'";
  if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x2033) return '"';
  return undefined;
}

/** The escape at `i` (src[i] is "&") and what it stands for, if it is one of ENTITIES. */
function entityAt(src: string, i: number, end: number): readonly [string, string] | undefined {
  for (const e of ENTITIES) if (i + e[0].length <= end && src.startsWith(e[0], i)) return e;
  return undefined;
}

/**
 * Text read from a web page where each line ended in <br> and a source line break has a blank
 * line after every line: there, one blank line is a line break and only more make a paragraph.
 */
function blankAfterEveryLine(src: string, from: number, to: number): boolean {
  const lines = src
    .slice(from, to)
    .split('\n')
    .map((l) => l.replace(QUOTE_PREFIX, '').trim() === '');
  let text = 0;
  let joined = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]) continue;
    text++;
    if (lines[i + 1] === false) joined++;
  }
  return text >= 6 && joined <= 0.1 * text;
}

/** Folding widths looked for: mail clients and ticket tools cut at 72-80 columns, some at up to 120. */
const FOLD_MIN = 60;
const FOLD_MAX = 120;
/** A table's row (columns padded with spaces) is no folded line, however many rows share its width. */
const PADDED = /\S {3,}\S/;
/**
 * A line of base64 (an attachment or a MIME part pasted whole): encoders cut it at 76 columns, so a
 * block of it would make every text holding one look folded and be read twice (findBounces).
 */
const BASE64_LINE = /^[A-Za-z0-9+/=]+$/;

/** Whether the line src[start, start + len) counts towards a folding width (and may be joined at it). */
export function foldable(src: string, start: number, len: number): boolean {
  const line = src.slice(start, start + len);
  return !PADDED.test(line.trimStart()) && !BASE64_LINE.test(line);
}

/**
 * The width at which the text was cut into lines regardless of words ("...mx.example[192.0.2.1] s" /
 * "aid: 552 5.2." / "2 <addr>"), or 0: at least two lines of exactly that width, none longer, few
 * just short of it, and (for fewer than four) a sign the text was not wrapped at word ends.
 * Such a cut drops nothing, so a line of that width is joined to the next without a space.
 */
export function foldWidth(src: string, from = 0, to = src.length): number {
  const count = new Uint32Array(FOLD_MAX + 1);
  let longest = 0;
  for (let start = from; start < to;) {
    let end = src.indexOf('\n', start);
    if (end < 0 || end > to) end = to;
    const len = end - start - (src.charCodeAt(end - 1) === 13 ? 1 : 0);
    if (len >= FOLD_MIN - 3 && len <= FOLD_MAX + 1 && !foldable(src, start, len)) {
      start = end + 1;
      continue;
    }
    if (len > longest) longest = len;
    if (longest > FOLD_MAX) return 0;
    if (len >= FOLD_MIN - 3) count[len]!++;
    start = end + 1;
  }
  // Wrapped at word ends, lines end anywhere in the last word's length below the width: about as
  // many just short of it as at it. Cut at a fixed width, the lines at it stand out (two of them
  // only with none just short).
  const near = count[longest - 1]! + count[longest - 2]! + count[longest - 3]!;
  if (longest < FOLD_MIN || count[longest]! < 2 || count[longest]! < 3 * near) return 0;
  if (count[longest]! >= 4) return longest;
  // Few lines at the width: a text wrapped at word ends may have them by chance. It was not wrapped
  // at that width if a shorter line is followed by one whose first word would have fitted on it.
  let prev = 0;
  for (let start = from; start < to;) {
    let end = src.indexOf('\n', start);
    if (end < 0 || end > to) end = to;
    const len = end - start - (src.charCodeAt(end - 1) === 13 ? 1 : 0);
    const word = /^[ \t>|]*(\S*)/.exec(src.slice(start, Math.min(end, start + FOLD_MAX)))![1]!;
    if (prev && word && prev < longest && prev + 1 + word.length <= longest) return longest;
    prev = word && (len < FOLD_MIN - 3 || len > FOLD_MAX || foldable(src, start, len)) ? len : 0;
    start = end + 1;
  }
  return 0;
}

/** Code units turned into a string per call: String.fromCharCode takes them as arguments. */
const CHUNK = 8192;

function decode(units: Uint16Array, n: number): string {
  let s = '';
  for (let i = 0; i < n; i += CHUNK) s += String.fromCharCode(...units.subarray(i, Math.min(n, i + CHUNK)));
  return s;
}

/** `fold`: the text's folding width (foldWidth), when the caller measured it over more than this stretch. */
export function flatten(src: string, from = 0, to = src.length, fold = foldWidth(src, from, to)): FlatText {
  const spacedOut = blankAfterEveryLine(src, from, to);
  let glue = false; // the line before was cut at the fold width inside a word: no space at the join
  let blankRun = 0;
  // The flat text is never longer than its source (every step keeps, drops or shortens): code units
  // and offsets are written into arrays sized once, not pushed a character at a time (a megabyte
  // export made this the bounce reader's largest cost).
  const units = new Uint16Array(Math.max(0, to - from) + 1);
  const origin = new Int32Array(units.length);
  let n = 0;
  const put = (unit: number, at: number) => {
    units[n] = unit;
    origin[n++] = at;
  };
  let pendingSpace = -1; // offset of a pending single space, -1 when none
  let pendingBreak = -1; // offset of a pending paragraph break
  let lineStart = from;
  while (lineStart <= to) {
    let lineEnd = src.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    let i = lineStart;
    const q = QUOTE_PREFIX.exec(src.slice(lineStart, Math.min(lineEnd, lineStart + 40)));
    if (q) i += q[0].length;
    let blank = true;
    for (; i < lineEnd; i++) {
      const c = src.charCodeAt(i);
      const entity = c === 38 ? entityAt(src, i, lineEnd) : undefined;
      // space, tab, CR, NBSP, form feed, an escaped space
      if (c === 32 || c === 9 || c === 13 || c === 160 || c === 12 || (entity && entity[1] === ' ')) {
        if (pendingSpace < 0) pendingSpace = i;
        if (entity) i += entity[0].length - 1;
        continue;
      }
      if (blank) {
        blank = false;
        if (pendingBreak >= 0 && n) put(10, pendingBreak);
        else if (n && !(glue && pendingSpace < 0)) put(32, pendingSpace >= 0 ? pendingSpace : lineStart);
        pendingBreak = -1;
      } else if (pendingSpace >= 0) put(32, pendingSpace);
      pendingSpace = -1;
      // Typographic quotes sit at U+2018 and above: other characters take no call.
      put(entity ? entity[1].charCodeAt(0) : c < 0x2018 ? c : (plainQuote(c)?.charCodeAt(0) ?? c), i);
      if (entity) i += entity[0].length - 1;
    }
    if (blank) blankRun++;
    else blankRun = 0;
    const width = lineEnd - lineStart - (src.charCodeAt(lineEnd - 1) === 13 ? 1 : 0);
    const last = src.charCodeAt(lineStart + width - 1);
    glue = fold > 0 && !blank && width === fold && last !== 32 && last !== 9 && foldable(src, lineStart, width);
    if (blank && pendingBreak < 0 && (!spacedOut || blankRun >= 2)) pendingBreak = lineStart;
    pendingSpace = -1;
    lineStart = lineEnd + 1;
  }
  return { text: decode(units, n), origin: origin.slice(0, n) };
}

/** Original offset of flat offset `i` (an end offset maps to one past the last character). */
export function toOriginal(flat: FlatText, i: number, isEnd = false): number {
  if (flat.origin.length === 0) return 0;
  if (isEnd) return i <= 0 ? flat.origin[0]! : flat.origin[Math.min(i, flat.origin.length) - 1]! + 1;
  return flat.origin[Math.min(i, flat.origin.length - 1)]!;
}
