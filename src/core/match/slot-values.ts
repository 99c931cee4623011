/**
 * What a pattern's soft slots took in a hit: the pattern is aligned again on the hit's tokens (a
 * hit is rare, so this runs off the scan's hot loop), and each soft slot's tokens are compared
 * with the article's own value. A slot at either end of a pattern takes a quoted value to its
 * closing quote ("Cannot find file 'A:\SETUP 1.CAB'"), within a bound.
 */
import { BLOCK_HEADER, BLOCK_ITEMS, type Detector } from './detector';
import { fitsShape } from './soft-slots';
import { tokenize, type Token } from './tokens';

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

/** Pattern p's soft slots in its hit text[start, end); null when p has none or the hit does not align. */
export function slotValues(text: string, start: number, end: number, det: Detector, p: number): SlotResult | null {
  const own = det.slotsOf(p);
  if (!own) return null;
  const toks = tokenize(text, start, end);
  const b = det.blockOf[p]!;
  const n = det.blocks[b + BLOCK_ITEMS]!;
  const base = b + BLOCK_HEADER;
  const blocks = det.blocks;
  /** Per item, the first token it took and one past its last. */
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  let budget = STEP_BUDGET;
  const align = (i: number, t: number): boolean => {
    if (--budget < 0) return false;
    if (i === n) return t === toks.length;
    const wild = blocks[base + 2 * i + 1]!;
    from[i] = t;
    if (wild === 0) {
      if (t >= toks.length || toks[t]!.hash !== blocks[base + 2 * i]) return false;
      to[i] = t + 1;
      return align(i + 1, t + 1);
    }
    for (let c = 1; c <= wild && t + c <= toks.length; c++) {
      to[i] = t + c;
      if (align(i + 1, t + c)) return true;
    }
    return false;
  };
  if (!align(0, 0)) return null;

  const other: SlotValue[] = [];
  let s = start;
  let e = end;
  let k = -1;
  let misfit = false;
  for (let i = 0; i < n; i++) {
    if (blocks[base + 2 * i + 1] === 0) continue;
    const mine = own[++k];
    if (mine === null || mine === undefined) continue;
    let vs = toks[from[i]!]!.start;
    let ve = toks[to[i]! - 1]!.end;
    let bounded = i !== n - 1 && i !== 0;
    if (i === n - 1) {
      const close = closingQuote(text, vs, ve);
      if (close > 0) { ve = e = close; bounded = true; }
    }
    if (i === 0) {
      const open = openingQuote(text, vs, ve);
      if (open >= 0) { vs = s = open; bounded = true; }
    }
    const value = text.slice(vs, ve);
    if (sameTokens(tokenize(value), tokenize(mine))) continue;
    if (!bounded && !fitsShape(mine, value)) misfit = true;
    other.push({ value: oneLine(value), articleValue: mine });
  }
  const result: SlotResult = { own: other.length === 0, other, start: s, end: e };
  if (misfit) result.misfit = true;
  return result;
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

function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.hash !== b[i]!.hash) return false;
  return true;
}
