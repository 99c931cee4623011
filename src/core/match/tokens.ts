/**
 * The token model shared by the detector builder and the scanner: a token is a run of letters and
 * digits, case-folded, hashed with 32-bit FNV-1a. Everything else (punctuation, quotes, wrap
 * points, markup) only separates tokens, so a message matches however it was wrapped or quoted.
 * Case folding happens per character here: the text is never lower-cased or collapsed as a whole.
 */
import { isHardSpace } from './hard-spaces';

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** Separator codes returned by `foldChar`. */
export const SEP = -1;
/** A separator that is white space (or a control character): it ends a "word" for placeholder matching. */
export const SPACE = -2;

/** foldChar for ASCII, as a table the scan loop reads directly. */
export const ASCII_FOLD = new Int32Array(128).fill(SEP);
const ASCII = ASCII_FOLD;
for (let c = 0; c < 128; c++) {
  if (c <= 0x20 || c === 0x7f) ASCII[c] = SPACE;
  else if (c >= 0x30 && c <= 0x39) ASCII[c] = c;
  else if (c >= 0x61 && c <= 0x7a) ASCII[c] = c;
  else if (c >= 0x41 && c <= 0x5a) ASCII[c] = c + 32;
}

/**
 * A character's folded code when it belongs to a token, else SEP or SPACE. Letters outside ASCII
 * stay token characters (so "Zustellfehler" or "müller" is one token, never a stray "ller"),
 * with Latin-1 capitals folded.
 */
export function foldChar(c: number): number {
  if (c < 128) return ASCII[c]!;
  if (isHardSpace(c) || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0xfeff) return SPACE;
  if (c < 0xc0 || c === 0xd7 || c === 0xf7) return SEP; // Latin-1 punctuation and symbols
  if (c <= 0xde) return c + 32;
  if (
    (c >= 0x2010 && c <= 0x2bff) ||
    (c >= 0x3001 && c <= 0x303f) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff0f) ||
    (c >= 0xd800 && c <= 0xdfff)
  )
    return SEP;
  return c;
}

let foldTableBuilt: Uint16Array | undefined;

/**
 * foldChar for every UTF-16 code unit, as the scan loop reads it: 0 = separator, 1 = white space,
 * else the folded code (token characters are all >= 0x30, so the two never collide). One load per
 * character instead of a branch on ASCII. Built on the first scan, not when the module loads: a
 * service worker woken for a search scans nothing, and the build was 5-12 ms of its cold start.
 */
export function foldTable(): Uint16Array {
  if (foldTableBuilt) return foldTableBuilt;
  const table = new Uint16Array(65536);
  // Identity first, then foldChar only where it can differ (ASCII, Latin-1, the space and
  // punctuation blocks up to U+303F, surrogates, U+FE30 on) - a fifth of the calls, which matters
  // while V8 still interprets this loop.
  for (let c = 0; c < 65536; c++) table[c] = c;
  for (const [from, to] of [
    [0, 0x3040],
    [0xd800, 0xe000],
    [0xfe30, 0x10000],
  ] as const) {
    for (let c = from; c < to; c++) {
      const f = foldChar(c);
      table[c] = f === SEP ? 0 : f === SPACE ? 1 : f;
    }
  }
  return (foldTableBuilt = table);
}

/** One token of a pattern or a text, by offsets. */
export interface Token {
  hash: number;
  start: number;
  end: number;
  /** White space (or the start of the text) comes right before this token. */
  spaced: boolean;
}

/** FNV-1a of the folded characters of text[start, end). */
export function hashSpan(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    const f = foldChar(text.charCodeAt(i));
    if (f >= 0) h = Math.imul(h ^ f, FNV_PRIME);
  }
  return h | 0;
}

/** All tokens of a (short) string; for build time and tests, not the hot scan loop. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let spaced = true;
  let i = from;
  while (i < to) {
    const f = foldChar(text.charCodeAt(i));
    if (f < 0) {
      if (f === SPACE) spaced = true;
      i++;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    while (i < to) {
      const g = foldChar(text.charCodeAt(i));
      if (g < 0) break;
      h = Math.imul(h ^ g, FNV_PRIME);
      i++;
    }
    out.push({ hash: h | 0, start, end: i, spaced });
    spaced = false;
  }
  return out;
}

/** The lower-case token text, for keyword tests at build time. */
export function tokenWords(text: string): string[] {
  return tokenize(text).map((t) => foldedText(text, t.start, t.end));
}

function foldedText(text: string, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(foldChar(text.charCodeAt(i)));
  return s;
}

/*
 * Anchor keys. At every token the scanner combines the last 1-3 token hashes with one multiply
 * each (`pair`, whose result the next token `extend`s) and tests the combined hash's top bits in a
 * bitmap; only on a pass does it `finish` the combination into a 30-bit key (a small integer for
 * V8) for the anchor table. Salts keep the three lengths' keys apart.
 */
const PAIR_MUL = 0x9e3779b1;
const TRIPLE_MUL = 0x85ebca6b;

/** The 30 high bits of a multiplicative hash: the best-mixed ones. */
export function finish(x: number, salt: number): number {
  return Math.imul(x ^ (x >>> 15) ^ salt, 0x2c1b3c6d) >>> 2;
}
export function pair(a: number, b: number): number {
  return Math.imul(a, PAIR_MUL) ^ b;
}
export function extend(pairAB: number, c: number): number {
  return Math.imul(pairAB, TRIPLE_MUL) ^ c;
}
export const SALT1 = 0x51ed27;
export const SALT2 = 0x2c1b3c6d;
export const SALT3 = 0x297a2d39;
