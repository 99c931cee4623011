/**
 * The detector: every quoted message of the index as a token pattern, built once at index-build
 * time, stored as flat JSON arrays, and loaded into typed arrays plus one Map keyed by anchor.
 * Scanning cost depends on the text, not on the number of patterns (perf-anchors §3, method iv).
 */
import type { ArticleRecord, MessageKind } from '../article/types';
import { findCodes } from './ndr-codes';
import { NDR_PHRASES, classifyText, type NdrClass } from './ndr-tables';
import { isFurniture, isProse, backgroundDamping, productNamesOf } from './noise';
import { MAX_ITEMS, SPECIFIC_CHARS, compilePattern, informativeChars, patternWeight, type CompiledPattern } from './pattern';
import { guardAfter, guardBefore, packGuard } from './anchor-guards';
import { SALT1, SALT2, SALT3, extend, finish, pair } from './tokens';

export const DETECTOR_FORMAT = 'kblens-detector';
export const DETECTOR_VERSION = 2;

/**
 * Serialised detector. Pattern p is described by slot p of every per-pattern array; its items and
 * articles are the next itemCount[p] and qCount[p] entries of the flat `items` and `qs` arrays.
 * Tokens are stored once, in `vocab`, so an item is a short index rather than a 10-digit hash
 * (version 2: detect.json 6.8 -> 4.3 MB).
 */
export interface DetectorData {
  format: typeof DETECTOR_FORMAT;
  version: number;
  /** Distinct literal tokens as FNV-1a hashes (uint32), most used first. */
  vocab: number[];
  /** Flat pattern items: a literal token's index in `vocab`, or a wildcard as -(max tokens). */
  items: number[];
  /** Per pattern: how many items it has. */
  itemCount: number[];
  /** Per pattern: the anchor's first item index * 4 + its length in tokens (1..3). */
  anchor: number[];
  /**
   * Per pattern: bit 0 = NDR, bits 1..7 = index into `classes` + 1 (0 = none), bits 8..15 = weight
   * 0..255, bits 16..23 = the weight of its literal frame alone (patterns with soft slots).
   */
  meta: number[];
  /** Per pattern: how many articles quote it; the articles are flat in `qs`, as KB numbers without the "Q". */
  qCount: number[];
  qs: number[];
  /** Per pattern: the message as an article quotes it, for display. */
  text: string[];
  classes: string[];
  /** Codes quoted by the articles ("5.7.1", "000c05a6", "0x8004011d", "x400-reason:1") -> KB numbers. */
  codes: Record<string, number[]>;
  /**
   * Per pattern: 0, or per wildcard the article's own value where it is a soft slot (null for a
   * placeholder). Absent in indexes built before soft slots: every wildcard is a placeholder.
   */
  slots?: ((string | null)[] | 0)[];
}

export interface BuildOptions {
  /** Minimum informative characters (see pattern.ts) for a message to become a pattern. */
  minInformative?: number;
  /** Example values become soft slots (soft-slots.ts); default true. */
  softSlots?: boolean;
  /**
   * Per pattern of the data given, how many articles that do not quote it contain it anyway
   * (background.ts). With it, prose is dropped and the rest damped (noise.ts).
   */
  background?: (data: DetectorData) => { literal: Int32Array; frame: Int32Array };
}

/** What building a detector found, for the index builder's report and the tests. */
export interface BuildStats {
  patterns: number;
  /** Patterns with at least one soft slot. */
  slotted: number;
  /** Slotted patterns whose literal frame equals another pattern's (another article's values, or another message). */
  collisions: number;
  /** Messages that stayed literal: their frame without the values was too thin. */
  thinFrames: number;
  furniture: number;
  prose: number;
  /** Messages whose frame was common in other articles with other values: they stayed literal. */
  commonFrames: number;
}

interface Draft {
  compiled: CompiledPattern;
  /** The message compiled without soft slots, to fall back on when its frame is too common. */
  literal: CompiledPattern;
  /** Weight of the message with its own values, and of its literal frame alone (soft slots). */
  weight: number;
  frameWeight: number;
  text: string;
  ndr: boolean;
  cls: NdrClass | undefined;
  qs: Set<number>;
  /** A status or error code in the message makes it more specific than its words say. */
  codeBonus: number;
}

const SENTENCE_SPLIT = /[.!?;:](?=\s)/g;
const FULL_STOP = /[.!?](?=\s)/g;

/**
 * A crash message ends in the memory address it faulted at ("... in MSO97.DLL at 0137:30733613.",
 * "at 0137:address.", "at address."): a value every machine prints differently, and a soft slot
 * cannot end a pattern (it would take the ticket's next word). The message is matched without it.
 */
const TRAILING_ADDRESS = /\s+at\s+(?:[0-9a-f]{4}:)?(?:[0-9a-f]{8}|<?address>?)\s*\.?\s*$/i;

/**
 * The texts a message is matched by: the whole message (without a trailing crash address), and
 * its sentences. A long message may carry example values a ticket replaces, so each sentence
 * stands alone; a short one yields its first sentence too, because tickets cut a message short
 * ("System error 10049 has occurred. The system cannot find") more often than they begin it late.
 * Sentences too thin to say anything are dropped (here, and by the caller's minInformative and noise filter).
 */
export function pieces(message: string): string[] {
  const text = message.replace(TRAILING_ADDRESS, '');
  const long = text.split(/\s+/).length > 24;
  // A short message splits only at full stops: "Field: value" is one line, not two sentences.
  const split = long ? SENTENCE_SPLIT : FULL_STOP;
  const sentences: string[] = [];
  let last = 0;
  split.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = split.exec(text))) {
    sentences.push(text.slice(last, m.index + 1));
    last = m.index + 1;
  }
  sentences.push(text.slice(last));
  const parts = sentences.map((x) => x.trim()).filter((x) => x.length > 0);
  const out = parts.length < 2 ? [text] : long ? [text, ...parts] : saysEnoughAlone(parts[0]!) ? [text, parts[0]!] : [text];
  // A short message's first sentence must say enough alone ("We're sorry!" does not).
  const at = sourceLocation(text);
  if (at && !out.includes(at)) out.push(at);
  return out;
}

/**
 * An assertion dialog's source location ("Debug Assertion Failed! Program: ... File: appui1.cpp
 * Line: 215"): tickets paste the dialog in its on-screen layout, with fields the article left out
 * (Program:, Expression:) between the title and the location, so the location - which names the
 * failing check - is matched alone too. Only where something comes before it.
 */
const SOURCE_LOCATION = /(?<=\S\s{1,4})\bFile:[ \t]{0,2}[^\s,]{1,120}?[.,]?[ \t]{1,4}Line:?[ \t]{0,2}\d{1,6}\b/i;

function sourceLocation(text: string): string | null {
  const m = SOURCE_LOCATION.exec(text);
  return m ? m[0] : null;
}

/**
 * A first sentence stands alone when it is fully specific (patternWeight 1): each extra pattern
 * costs scan time, and a thinner one would rank nothing on its own anyway.
 */
const SENTENCE_MIN_INFORMATIVE = 30;

/** Enough informative characters, or a code or numbered error that identifies the message. */
function saysEnoughAlone(sentence: string): boolean {
  return informativeChars(compilePattern(sentence).words) >= SENTENCE_MIN_INFORMATIVE || identifiedByNumber(sentence);
}

/** A code or a numbered error identifies a message whatever its words. */
function identifiedByNumber(text: string): boolean {
  return ERROR_NUMBER.test(text) || findCodes(text, 1).length > 0;
}

function qNumber(q: string): number {
  return Number(q.replace(/^Q/i, ''));
}

/** "System error 10049", "Error 1053:": a numbered error is as specific as a code (never a soft slot either). */
const ERROR_NUMBER = /\berror[ \t]{1,2}(?:code[ \t]{0,2})?[:=#]?[ \t]{0,2}\d{3,6}(?![\w.]|\.\d)/i;

/** A frame needs this many literal tokens and informative characters to be matched without its values. */
const FRAME_MIN_LITERALS = 3;
const FRAME_MIN_INFORMATIVE = SPECIFIC_CHARS;

export function buildDetector(records: readonly ArticleRecord[], opts: BuildOptions = {}): DetectorData {
  return buildDetectorWithStats(records, opts).data;
}

export function buildDetectorWithStats(records: readonly ArticleRecord[], opts: BuildOptions = {}): { data: DetectorData; stats: BuildStats } {
  const minInformative = opts.minInformative ?? 8;
  const soft = opts.softSlots ?? true;
  const drafts = new Map<string, Draft>();
  const codes = new Map<string, Set<number>>();
  const productNames = productNamesOf(records.flatMap((r) => r.products));
  const stats: BuildStats = { patterns: 0, slotted: 0, collisions: 0, thinFrames: 0, furniture: 0, prose: 0, commonFrames: 0 };
  const furniture = new Set<string>();

  const add = (text: string, placeholders: readonly string[], kind: MessageKind | 'builtin', q: number | null, cls?: NdrClass, piece = false) => {
    const literalForm = compilePattern(text, placeholders);
    const literal = literalForm.items.filter((x) => x >= 0).length;
    if (literal < 2 || informativeChars(literalForm.words) < minInformative) return;
    // A sentence cut from a longer message stands alone only when it could name an article alone
    // or carries a code: "Try one or more of the following:" is advice any dialog gives.
    if (piece && informativeChars(literalForm.words) < SPECIFIC_CHARS && !identifiedByNumber(text)) return;
    if (kind !== 'builtin' && isFurniture(text, literalForm.words, productNames)) { furniture.add(text); return; }
    let compiled = literalForm;
    const codeBonus = identifiedByNumber(text) ? 0.3 : 0;
    const weight = Math.min(1, patternWeight(literalForm.words) + codeBonus);
    let frameWeight = weight;
    if (soft && kind !== 'builtin') {
      const slotted = compilePattern(text, placeholders, true);
      if (slotted.slots) {
        const frame = slotted.items.filter((x) => x >= 0).length;
        if (frame >= FRAME_MIN_LITERALS && informativeChars(slotted.words) >= Math.max(minInformative, FRAME_MIN_INFORMATIVE)) {
          compiled = slotted;
          frameWeight = Math.min(weight, patternWeight(slotted.words) + codeBonus);
        } else stats.thinFrames++;
      }
    }
    // Patterns with the same items but other own values stay apart: each knows its articles' values.
    const sig = compiled.items.join(',') + (compiled.slots ? '|' + JSON.stringify(compiled.slots) : '');
    let d = drafts.get(sig);
    const ndr = kind === 'ndr' || kind === 'builtin';
    if (!d) {
      d = { compiled, literal: literalForm, weight, frameWeight, text, ndr, cls: cls ?? (ndr ? classifyText(text) : undefined), qs: new Set(), codeBonus };
      drafts.set(sig, d);
    } else {
      if (ndr && !d.ndr) d.ndr = true;
      if (cls) d.cls = cls;
      else if (!d.cls && ndr) d.cls = classifyText(text);
      // Show the message as an article quotes it rather than the built-in phrase.
      if (kind !== 'builtin' && d.qs.size === 0) d.text = text;
    }
    if (q !== null) d.qs.add(q);
  };

  for (const [text, cls] of NDR_PHRASES) add(text, [], 'builtin', null, cls);
  for (const r of records) {
    const q = qNumber(r.q);
    for (const e of r.errors) {
      pieces(e.text).forEach((piece, i) => add(piece, e.placeholders, e.kind, q, undefined, i > 0));
      for (const hit of findCodes(e.text, 50)) {
        let set = codes.get(hit.key);
        if (!set) codes.set(hit.key, (set = new Set()));
        set.add(q);
      }
    }
  }
  stats.furniture = furniture.size;

  let list = [...drafts.values()];
  let data = assemble(list, records, codes);
  if (opts.background) {
    const { literal: others, frame: frameOthers } = opts.background(data);
    const n = records.length;
    const keep: Draft[] = [];
    list.forEach((d, p) => {
      const own = others[p]!;
      const frame = own + frameOthers[p]!;
      const quoting = d.qs.size;
      // A built-in NDR reason line is what a bounce says, however many articles mention it.
      if (quoting > 0 && isProse(own, quoting, n)) { stats.prose++; return; }
      if (d.compiled.slots && isProse(frame, quoting, n)) {
        // Other values make it prose ("Invalid Page Fault in <module>"): only its own values match.
        d.compiled = d.literal;
        d.frameWeight = d.weight;
        stats.commonFrames++;
      }
      if (quoting > 0) {
        d.weight *= backgroundDamping(own, quoting, n);
        d.frameWeight *= backgroundDamping(frame, quoting, n);
      }
      keep.push(d);
    });
    list = keep;
    data = assemble(list, records, codes);
  }
  const frames = new Map<string, number>();
  for (const d of list) {
    const k = d.compiled.items.join(',');
    frames.set(k, (frames.get(k) ?? 0) + 1);
  }
  for (const d of list) {
    if (!d.compiled.slots) continue;
    stats.slotted++;
    if (frames.get(d.compiled.items.join(','))! > 1) stats.collisions++;
  }
  stats.patterns = list.length;
  return { data, stats };
}

function assemble(list: readonly Draft[], records: readonly ArticleRecord[], codes: ReadonlyMap<string, Set<number>>): DetectorData {
  // Anchor on the rarest run of literal tokens: fewer patterns share a key and fewer text positions hit it.
  const df = new Map<number, number>();
  for (const d of list) for (const h of new Set(d.compiled.items)) if (h >= 0) df.set(h, (df.get(h) ?? 0) + 1);
  // How common a token is in prose, beside the messages: the titles are the index's own prose, and
  // e-mail header words head every message of a ticket thread (though few error messages use them).
  const common = new Map<number, number>();
  for (const r of records) for (const h of new Set(compilePattern(r.title).items)) if (h >= 0) common.set(h, (common.get(h) ?? 0) + 1);
  for (const h of new Set(compilePattern(HEADER_WORDS).items)) if (h >= 0) common.set(h, (common.get(h) ?? 0) + records.length);
  for (const [h, n] of df) common.set(h, (common.get(h) ?? 0) + n);

  const classes: string[] = [];
  // Most used tokens get the smallest (shortest) indices; ties by hash, so builds are reproducible.
  const uses = new Map<number, number>();
  for (const d of list) for (const h of d.compiled.items.slice(0, MAX_ITEMS)) if (h >= 0) uses.set(h, (uses.get(h) ?? 0) + 1);
  const vocab = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || a - b);
  const vocabIndex = new Map(vocab.map((h, i) => [h, i]));
  const data: DetectorData = {
    format: DETECTOR_FORMAT, version: DETECTOR_VERSION,
    vocab, items: [], itemCount: [], anchor: [], meta: [], qCount: [], qs: [], text: [], classes, codes: {}, slots: [],
  };
  const anchors = chooseAnchors(list.map((d) => d.compiled.items.slice(0, MAX_ITEMS)), df, common);
  let p = 0;
  for (const d of list) {
    const items = d.compiled.items.slice(0, MAX_ITEMS);
    for (const h of items) data.items.push(h < 0 ? h : vocabIndex.get(h)!);
    data.itemCount.push(items.length);
    data.anchor.push(anchors[p++]!);
    let ci = 0;
    if (d.cls) {
      ci = classes.indexOf(d.cls) + 1;
      if (ci === 0) { classes.push(d.cls); ci = classes.length; }
    }
    const weight = Math.round(d.weight * 255);
    const frame = d.compiled.slots ? Math.round(d.frameWeight * 255) : 0;
    data.meta.push((d.ndr ? 1 : 0) | (ci << 1) | (weight << 8) | (frame << 16));
    data.qs.push(...[...d.qs].sort((a, b) => a - b));
    data.qCount.push(d.qs.size);
    data.text.push(d.text);
    data.slots!.push(d.compiled.slots ?? 0);
  }
  for (const [k, set] of [...codes].sort(([a], [b]) => (a < b ? -1 : 1))) data.codes[k] = [...set].sort((a, b) => a - b);
  return data;
}

/** A run estimated this common (see rarerRun) is worth trading for a rarer one. */
const COMMON_RUN = 50;

/** Words that head the messages of a ticket's e-mail thread. */
const HEADER_WORDS = 'From Sent To Cc Subject Date Re Fw';

/**
 * Per pattern, its anchor (first item * 4 + length): the usual run (chooseAnchor), or a far rarer
 * one (rarerRun) where the usual run is common in prose. Each anchor hit costs a verification,
 * and most fail: "Subject '<subject>', Account '<sender>', server '<server name>', Protocol:" on
 * "Subject" was verified at every e-mail header of a ticket thread (1.5k times per MB of the
 * bench ticket), on "Protocol" it is not. Only a pattern that no other can match on the same span
 * changes: such hits come out in the order of their anchors (pattern-hits.ts), and that order
 * decides which one's text and articles the scan shows.
 */
function chooseAnchors(all: readonly (readonly number[])[], df: ReadonlyMap<number, number>, common: ReadonlyMap<number, number>): number[] {
  const usual = all.map((items) => chooseAnchor(items, df));
  // A pattern's match starts and ends on its first and last items' tokens where they are literal,
  // so another pattern can match the same span only with the same ends, or with a wildcard end
  // and its literals among the tokens of the span (taken here as the pattern's own literals).
  const sameEnds = new Map<string, number>();
  /** Patterns with a wildcard end, by their least used literal. */
  const openByToken = new Map<number, number[]>();
  all.forEach((items, q) => {
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (first >= 0 && last >= 0) {
      const k = `${first} ${last}`;
      sameEnds.set(k, (sameEnds.get(k) ?? 0) + 1);
      return;
    }
    let key = 0;
    let least = Infinity;
    for (const h of items) if (h >= 0 && (df.get(h) ?? 0) < least) { least = df.get(h) ?? 0; key = h; }
    const list = openByToken.get(key);
    if (list) list.push(q);
    else openByToken.set(key, [q]);
  });
  const twinless = (p: number): boolean => {
    const items = all[p]!;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (first < 0 || last < 0 || items.length >= MAX_ITEMS) return false;
    if (sameEnds.get(`${first} ${last}`)! > 1) return false;
    const own = new Set(items);
    for (const t of own) {
      for (const q of openByToken.get(t) ?? []) {
        const other = all[q]!;
        const qFirst = other[0]!;
        const qLast = other[other.length - 1]!;
        if ((qFirst < 0 || qFirst === first) && (qLast < 0 || qLast === last) && other.every((h) => h < 0 || own.has(h))) return false;
      }
    }
    return true;
  };
  return usual.map((a, p) => {
    const r = rarerRun(all[p]!, a, common);
    return r >= 0 && twinless(p) ? r : a;
  });
}

/** The rarest run of literal tokens by document frequency, as long as the longest run allows (up to 3). */
function chooseAnchor(items: readonly number[], df: ReadonlyMap<number, number>): number {
  let maxRun = 0;
  let run = 0;
  for (const x of items) { run = x >= 0 ? run + 1 : 0; if (run > maxRun) maxRun = run; }
  const len = Math.min(3, maxRun);
  let best = 0;
  let bestCost = Infinity;
  for (let i = 0; i + len <= items.length; i++) {
    let cost = 0;
    let ok = true;
    for (let j = 0; j < len; j++) {
      const h = items[i + j]!;
      if (h < 0) { ok = false; break; }
      cost += df.get(h) ?? 0;
    }
    if (ok && cost < bestCost) { bestCost = cost; best = i; }
  }
  return best * 4 + len;
}

/**
 * A run far rarer in prose than the usual anchor `usual`, or -1. A run is at most as frequent as
 * its rarest token, and each further token divides the estimate by 4.
 */
function rarerRun(items: readonly number[], usual: number, common: ReadonlyMap<number, number>): number {
  const len = usual & 3;
  if (len === 0) return -1;
  const estimate = (at: number, l: number) => {
    let min = Infinity;
    for (let j = 0; j < l; j++) min = Math.min(min, common.get(items[at + j]!) ?? 0);
    return min / 4 ** (l - 1);
  };
  const before = estimate(usual >> 2, len);
  if (before < COMMON_RUN) return -1;
  let alt = -1;
  let altEstimate = Infinity;
  for (let l = 1; l <= len; l++) {
    for (let i = 0; i + l <= items.length; i++) {
      let ok = true;
      for (let j = 0; j < l; j++) if (items[i + j]! < 0) { ok = false; break; }
      if (!ok) continue;
      const e = estimate(i, l);
      if (e < altEstimate) { altEstimate = e; alt = i * 4 + l; }
    }
  }
  return altEstimate * 4 < before ? alt : -1;
}

/** Slots of a pattern's block header in `Detector.blocks`; its items follow. */
export const BLOCK_ID = 0;
export const BLOCK_ITEMS = 1;
export const BLOCK_AT = 2;
export const BLOCK_LEN = 3;
export const BLOCK_HEADER = 4;

/**
 * A loaded detector: typed arrays laid out for the scan's memory accesses. An anchor hit costs a
 * few cache misses (the key's slot, then the pattern), so what one step reads sits together:
 * key + pattern in `keyTable`, and a pattern's header and items in one block, the blocks of
 * patterns sharing an anchor key side by side. Treat as opaque outside src/core/match.
 */
export class Detector {
  readonly patternCount: number;
  /**
   * Per pattern, one block: BLOCK_HEADER slots (pattern id, item count, anchor's first item, anchor
   * length (0 = none)), then two slots per item: the literal's hash (int32, 0 for a wildcard), and
   * 0 or the wildcard's maximum token count. Blocks are in anchor-key order, not pattern order
   * (a key's patterns are verified one after the other, so they share cache lines).
   */
  readonly blocks: Int32Array;
  /** Per pattern id, the offset of its block. */
  readonly blockOf: Int32Array;
  /** Per slot (a block's rank in `blocks`), the offset of its block. */
  readonly slotBlock: Int32Array;
  /**
   * Per slot, four entries: the hash and packed form (anchor-guards.ts) of the guard after the
   * anchor, then of the guard before it. Bit 0 of the first packed entry is set when the next slot
   * has the same anchor key. A verification tests the guards first: most anchor hits fail on them,
   * from this one array, before the pattern's block is read.
   */
  readonly guards: Int32Array;
  readonly meta: Int32Array;
  readonly qStart: Int32Array;
  readonly qs: Int32Array;
  readonly text: readonly string[];
  readonly classes: readonly string[];
  readonly codes: Readonly<Record<string, number[]>>;
  readonly slots: readonly ((string | null)[] | 0)[];
  /**
   * Prefilters over the anchors of each length (slot L - 1), indexed by the top bits of the
   * combined token hashes (tokens.ts `pair`/`extend`), so the scan only `finish`es a key on a pass:
   * about 32 bits per key, so the filter for the common length stays in the CPU's L2 cache and
   * the rare lengths' in L1 (the scan tests every length at every token). At least 2^18 bits
   * (32 KB) each: a few hundred anchors in a small bitmap let frequent token pairs of the text
   * through (12k false passes per MB of ticket for length 2 with all patterns, 2k at 2^18), each
   * costing a probe of the key table; only the bitmap's touched lines are ever loaded.
   */
  readonly bitmaps: Uint32Array[];
  /** Right shift (>>>) from a combined hash to its bit in bitmaps[L - 1]. */
  readonly bitmapShift: Int32Array;
  /** Prefilter over the last two tokens (`pair`) of the anchors of 2 and 3 tokens, before their own bitmaps. */
  readonly suffixPairs: Uint32Array;
  readonly suffixShift: number;
  /**
   * Open addressing over anchor keys (linear probing from key & mask), two slots each: key + 1
   * (0 = empty), then the first slot of the key's patterns (see `guards` for the rest).
   */
  readonly keyTable: Int32Array;
  /** Which anchor lengths occur (bit L set for length L). */
  readonly lengths: number;
  /** "Q" strings built once per pattern and code: a 5.1.1 in every bounce would otherwise build hundreds each time. */
  private readonly articleCache: (string[] | undefined)[] = [];
  private readonly codeCache = new Map<string, string[]>();

  constructor(data: DetectorData) {
    if (data.format !== DETECTOR_FORMAT || data.version !== DETECTOR_VERSION) {
      throw new Error(`unsupported detector data (${String(data.format)} v${String(data.version)})`);
    }
    const n = data.anchor.length;
    this.patternCount = n;
    const vocab = Int32Array.from(data.vocab);
    /** Item i's hash (0 for a wildcard). */
    const hashOf = (i: number) => { const x = data.items[i]!; return x < 0 ? 0 : vocab[x]!; };
    const itemStart = offsets(data.itemCount);
    /** Per pattern: anchor's first item (relative), anchor length. */
    const anchorAt = new Int32Array(n);
    const anchorLen = new Int32Array(n);
    this.meta = Int32Array.from(data.meta);
    this.qStart = offsets(data.qCount);
    this.qs = Int32Array.from(data.qs);
    this.text = data.text;
    this.classes = data.classes;
    this.codes = data.codes;
    this.slots = data.slots && data.slots.length === n ? data.slots : [];
    const byKey = new Map<number, number[]>();
    /** Per pattern: its anchor's tokens combined (pair/extend), before `finish` makes the key. */
    const shingle = new Int32Array(n);
    const perLength = [0, 0, 0];
    let lengths = 0;
    for (let p = 0; p < n; p++) {
      const a = data.anchor[p]!;
      const at = a >> 2;
      const len = a & 3;
      anchorAt[p] = at;
      anchorLen[p] = len;
      if (len === 0) continue;
      lengths |= 1 << len;
      perLength[len - 1]!++;
      const b = itemStart[p]! + at;
      const x = len === 1 ? hashOf(b) : len === 2 ? pair(hashOf(b), hashOf(b + 1)) : extend(pair(hashOf(b), hashOf(b + 1)), hashOf(b + 2));
      shingle[p] = x;
      const k = finish(x, len === 1 ? SALT1 : len === 2 ? SALT2 : SALT3);
      const list = byKey.get(k);
      if (list) list.push(p);
      else byKey.set(k, [p]);
    }
    this.bitmapShift = new Int32Array(3);
    this.bitmaps = perLength.map((count, l) => {
      let bits = 18;
      while (bits < 22 && 1 << bits < count * 32) bits++;
      this.bitmapShift[l] = 32 - bits;
      return new Uint32Array(1 << (bits - 5));
    });
    // The last two tokens of every anchor of 2 or 3: only a token that ends such a pair is tested
    // further (a tenth of a ticket's tokens), so most tokens skip the longer anchors' tests.
    let pairBits = 18;
    while (pairBits < 22 && 1 << pairBits < (perLength[1]! + perLength[2]!) * 32) pairBits++;
    this.suffixShift = 32 - pairBits;
    this.suffixPairs = new Uint32Array(1 << (pairBits - 5));
    for (let p = 0; p < n; p++) {
      const l = anchorLen[p]! - 1;
      if (l < 0) continue;
      const bit = shingle[p]! >>> this.bitmapShift[l]!;
      this.bitmaps[l]![bit >>> 5]! |= 1 << (bit & 31);
      if (l === 0) continue;
      const b = itemStart[p]! + anchorAt[p]!;
      const last2 = l === 1 ? shingle[p]! : pair(hashOf(b + 1), hashOf(b + 2));
      const pairBit = last2 >>> this.suffixShift;
      this.suffixPairs[pairBit >>> 5]! |= 1 << (pairBit & 31);
    }
    // Blocks: each key's patterns together, in key order; patterns without an anchor last. A
    // pattern's slot is its block's rank in that order.
    this.blocks = new Int32Array(n * BLOCK_HEADER + 2 * data.items.length);
    this.blockOf = new Int32Array(n);
    this.slotBlock = new Int32Array(n);
    this.guards = new Int32Array(4 * n);
    let off = 0;
    let slots = 0;
    const place = (p: number) => {
      this.blockOf[p] = off;
      this.slotBlock[slots] = off;
      const first = itemStart[p]!;
      const count = itemStart[p + 1]! - first;
      const after = guardAfter(data.items, first, count, anchorAt[p]!, anchorLen[p]!);
      const before = guardBefore(data.items, first, anchorAt[p]!, anchorLen[p]!);
      if (after) this.guards[4 * slots] = vocab[data.items[first + after.item]!]!;
      this.guards[4 * slots + 1] = packGuard(after);
      if (before) this.guards[4 * slots + 2] = vocab[data.items[first + before.item]!]!;
      this.guards[4 * slots + 3] = packGuard(before);
      slots++;
      const b = this.blocks;
      b[off + BLOCK_ID] = p;
      b[off + BLOCK_ITEMS] = count;
      b[off + BLOCK_AT] = anchorAt[p]!;
      b[off + BLOCK_LEN] = anchorLen[p]!;
      off += BLOCK_HEADER;
      for (let i = first, end = first + count; i < end; i++, off += 2) {
        const x = data.items[i]!;
        if (x < 0) b[off + 1] = -x;
        else b[off] = vocab[x]!;
      }
    };
    let size = 16;
    while (size < byKey.size * 2) size *= 2;
    this.keyTable = new Int32Array(size * 2);
    for (const [k, list] of byKey) {
      let slot = k & (size - 1);
      while (this.keyTable[2 * slot] !== 0) slot = (slot + 1) & (size - 1);
      this.keyTable[2 * slot] = k + 1;
      this.keyTable[2 * slot + 1] = slots;
      for (const p of list) place(p);
      for (let s = slots - list.length; s < slots - 1; s++) this.guards[4 * s + 1]! |= 1;
    }
    for (let p = 0; p < n; p++) if (anchorLen[p] === 0) place(p);
    this.lengths = lengths;
  }

  isNdr(p: number): boolean { return (this.meta[p]! & 1) === 1; }
  classOf(p: number): string | undefined { const c = (this.meta[p]! >> 1) & 0x7f; return c ? this.classes[c - 1] : undefined; }
  weightOf(p: number): number { return ((this.meta[p]! >> 8) & 0xff) / 255; }
  /** The weight of pattern p's literal frame alone, for a hit whose soft slots took other values. */
  frameWeightOf(p: number): number { return ((this.meta[p]! >> 16) & 0xff) / 255; }
  /** Per wildcard of pattern p, the article's own value where it is a soft slot; null when p has none. */
  slotsOf(p: number): readonly (string | null)[] | null { return this.slots[p] || null; }
  /** Pattern p's articles ("Q227142"), a fresh array the caller may change. */
  articlesOf(p: number): string[] {
    let list = this.articleCache[p];
    if (!list) {
      list = [];
      for (let i = this.qStart[p]!; i < this.qStart[p + 1]!; i++) list.push('Q' + this.qs[i]!);
      this.articleCache[p] = list;
    }
    return list.slice();
  }
  /** The articles quoting a code (lower-case key), a fresh array the caller may change. */
  codeArticles(key: string): string[] {
    let list = this.codeCache.get(key);
    if (!list) {
      const qs = Object.prototype.hasOwnProperty.call(this.codes, key) ? this.codes[key] : undefined;
      list = qs ? qs.map((n) => 'Q' + n) : [];
      this.codeCache.set(key, list);
    }
    return list.slice();
  }
  literalCount(p: number): number {
    let n = 0;
    const b = this.blockOf[p]!;
    const end = b + BLOCK_HEADER + 2 * this.blocks[b + BLOCK_ITEMS]!;
    for (let x = b + BLOCK_HEADER; x < end; x += 2) if (this.blocks[x + 1] === 0) n++;
    return n;
  }
}

/** Running totals: counts [2, 3] -> starts [0, 2, 5]. */
function offsets(counts: readonly number[]): Int32Array {
  const out = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) out[i + 1] = out[i]! + counts[i]!;
  return out;
}

export function loadDetector(data: DetectorData): Detector {
  return new Detector(data);
}
