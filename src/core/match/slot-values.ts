/**
 * What a pattern's soft slots took in a hit: the pattern is aligned again on the hit's tokens, and
 * each soft slot's tokens are compared with the article's own value. A slot at either end of a
 * pattern takes a quoted value to its closing quote ("Cannot find file 'A:\SETUP 1.CAB'"), within
 * a bound.
 *
 * One hit in six of a ticket has soft slots, so this runs often enough that it allocates nothing
 * per hit beyond its result: tokens go to reused typed arrays (the same tokens and hashes as
 * tokens.ts `tokenize`), and the own values' token hashes are computed once per pattern.
 */
import { BLOCK_HEADER, BLOCK_ITEMS, type Detector } from './detector';
import { fitsShape } from './slot-shape';
import { FNV_OFFSET, FNV_PRIME, foldTable, tokenize } from './tokens';

export interface SlotValue {
  /** The ticket's value. */
  value: string;
  /** The value the article's message has there. */
  articleValue: string;
}

export interface SlotResult {
  /** Every soft slot holds the article's own value. */
  own: boolean;
  /** The slots that took another value, in order. */
  other: SlotValue[];
  /** The hit's span, widened to a closing (or opening) quote at an end slot. */
  start: number;
  end: number;
  /**
   * An unquoted end slot took a word of another shape than the article's value (a word where
   * the article has a path or a number): the hit is the frame running on into prose, not the message.
   */
  misfit?: true;
}

/** How far past the matched tokens a quoted end slot may run to its quote. */
const QUOTE_REACH = 80;
const STEP_BUDGET = 4096;
const CLOSE: Record<string, string> = { "'": "'", '"': '"', '\u2018': '\u2019', '\u201c': '\u201d' };
const OPEN: Record<string, string> = { "'": "'", '"': '"', '\u2019': '\u2018', '\u201d': '\u201c' };

// The hit's tokens, then (from `hitTokens` on) a slot value's: reused from call to call.
let tokHash = new Int32Array(256);
let tokStart = new Int32Array(256);
let tokEnd = new Int32Array(256);
let hitTokens = 0;
/** Per item of the pattern being aligned, the first token it took and one past its last. */
let from = new Int32Array(128);
let to = new Int32Array(128);
let blocks: Int32Array = new Int32Array(0);
let base = 0;
let itemCount = 0;
let budget = 0;

/** Per detector, per pattern: the token hashes of each soft slot's own value (null for a placeholder). */
const ownHashes = new WeakMap<Detector, ((Int32Array | null)[] | undefined)[]>();

/** Pattern p's soft slots in its hit text[start, end); null when p has none or the hit does not align. */
export function slotValues(text: string, start: number, end: number, det: Detector, p: number): SlotResult | null {
  const own = det.slotsOf(p);
  if (!own) return null;
  hitTokens = tokensOf(text, start, end, 0);
  const b = det.blockOf[p]!;
  blocks = det.blocks;
  itemCount = blocks[b + BLOCK_ITEMS]!;
  base = b + BLOCK_HEADER;
  if (from.length < itemCount) {
    from = new Int32Array(itemCount);
    to = new Int32Array(itemCount);
  }
  budget = STEP_BUDGET;
  if (!align(0, 0)) return null;

  const mine = ownValueHashes(det, p, own);
  let other: SlotValue[] | null = null;
  let s = start;
  let e = end;
  let k = -1;
  let misfit = false;
  for (let i = 0; i < itemCount; i++) {
    if (blocks[base + 2 * i + 1] === 0) continue;
    const ownValue = own[++k];
    if (ownValue === null || ownValue === undefined) continue;
    let vs = tokStart[from[i]!]!;
    let ve = tokEnd[to[i]! - 1]!;
    let bounded = i !== itemCount - 1 && i !== 0;
    if (i === itemCount - 1) {
      const close = closingQuote(text, vs, ve);
      if (close > 0) {
        ve = e = close;
        bounded = true;
      }
    }
    if (i === 0) {
      const open = openingQuote(text, vs, ve);
      if (open >= 0) {
        vs = s = open;
        bounded = true;
      }
    }
    const n = tokensOf(text, vs, ve, hitTokens) - hitTokens;
    if (sameHashes(hitTokens, n, mine[k]!)) continue;
    const value = text.slice(vs, ve);
    if (!bounded && !fitsShape(ownValue, value)) misfit = true;
    (other ??= []).push({ value: oneLine(value), articleValue: ownValue });
  }
  const result: SlotResult = { own: other === null, other: other ?? [], start: s, end: e };
  if (misfit) result.misfit = true;
  return result;
}

/** Matches items [i, itemCount) from token t on, to the hit's last token; fills from/to. */
function align(i: number, t: number): boolean {
  if (--budget < 0) return false;
  if (i === itemCount) return t === hitTokens;
  const wild = blocks[base + 2 * i + 1]!;
  from[i] = t;
  if (wild === 0) {
    if (t >= hitTokens || tokHash[t] !== blocks[base + 2 * i]) return false;
    to[i] = t + 1;
    return align(i + 1, t + 1);
  }
  for (let c = 1; c <= wild && t + c <= hitTokens; c++) {
    to[i] = t + c;
    if (align(i + 1, t + c)) return true;
  }
  return false;
}

/** Writes the tokens of text[start, end) from index `at` of the token arrays; the index after the last. */
function tokensOf(text: string, start: number, end: number, at: number): number {
  const fold = foldTable();
  let n = at;
  let i = start;
  while (i < end) {
    let f = fold[text.charCodeAt(i)]!;
    if (f <= 1) {
      i++;
      continue;
    }
    const s = i;
    let h = FNV_OFFSET;
    do {
      h = Math.imul(h ^ f, FNV_PRIME);
      if (++i >= end) break;
      f = fold[text.charCodeAt(i)]!;
    } while (f > 1);
    if (n === tokHash.length) grow();
    tokHash[n] = h;
    tokStart[n] = s;
    tokEnd[n] = i;
    n++;
  }
  return n;
}

function grow(): void {
  const more = (a: Int32Array) => {
    const x = new Int32Array(a.length * 2);
    x.set(a);
    return x;
  };
  tokHash = more(tokHash);
  tokStart = more(tokStart);
  tokEnd = more(tokEnd);
}

function ownValueHashes(det: Detector, p: number, own: readonly (string | null)[]): (Int32Array | null)[] {
  let perPattern = ownHashes.get(det);
  if (!perPattern) ownHashes.set(det, (perPattern = []));
  let list = perPattern[p];
  if (!list) perPattern[p] = list = own.map((v) => (v === null ? null : Int32Array.from(tokenize(v), (t) => t.hash)));
  return list;
}

/** Whether the n tokens from index `at` have the hashes `want`. */
function sameHashes(at: number, n: number, want: Int32Array): boolean {
  if (n !== want.length) return false;
  for (let i = 0; i < n; i++) if (tokHash[at + i] !== want[i]) return false;
  return true;
}

/** Where the quote closing the value that opens at `vs` is, when a quote opens it; else -1. */
function closingQuote(text: string, vs: number, ve: number): number {
  const q = CLOSE[text[vs - 1] ?? ''];
  if (!q) return -1;
  for (let i = ve, lim = Math.min(text.length, vs + QUOTE_REACH); i < lim; i++) {
    const c = text[i]!;
    if (c === q) return i;
    if (c === '\n' || c === '\r') return -1;
  }
  return -1;
}

/** Where the value that a quote closes at `ve` opens, when a quote closes it; else -1. */
function openingQuote(text: string, vs: number, ve: number): number {
  const q = OPEN[text[ve] ?? ''];
  if (!q) return -1;
  for (let i = vs - 1, lim = Math.max(0, ve - QUOTE_REACH); i >= lim; i--) {
    const c = text[i]!;
    if (c === q) return i + 1;
    if (c === '\n' || c === '\r') return -1;
  }
  return -1;
}

/** A value wrapped over lines, reply-quoted or indented, as one line: "Patel,\r\n> Raj" -> "Patel, Raj". */
function oneLine(value: string): string {
  return value.replace(/[ \t]*(?:\r\n?|\n)[ \t>]*/g, ' ').replace(/[ \t]+/g, ' ');
}
