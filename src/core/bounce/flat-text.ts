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

/** Code units turned into a string per call: String.fromCharCode takes them as arguments. */
const CHUNK = 8192;

function decode(units: Uint16Array, n: number): string {
  let s = '';
  for (let i = 0; i < n; i += CHUNK) s += String.fromCharCode(...units.subarray(i, Math.min(n, i + CHUNK)));
  return s;
}

export function flatten(src: string, from = 0, to = src.length): FlatText {
  const spacedOut = blankAfterEveryLine(src, from, to);
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
        else if (n) put(32, pendingSpace >= 0 ? pendingSpace : lineStart);
        pendingBreak = -1;
      } else if (pendingSpace >= 0) put(32, pendingSpace);
      pendingSpace = -1;
      // Typographic quotes sit at U+2018 and above: other characters take no call.
      put(entity ? entity[1].charCodeAt(0) : c < 0x2018 ? c : (plainQuote(c)?.charCodeAt(0) ?? c), i);
      if (entity) i += entity[0].length - 1;
    }
    if (blank) blankRun++;
    else blankRun = 0;
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
