/**
 * The detector at run time: DetectorData (detector-data.ts, written at index-build time by
 * build-detector.ts) loaded into typed arrays laid out for the scan (pattern-hits.ts). Scanning
 * cost depends on the text, not on the number of patterns. The scan needs only this module, none
 * of the compiler (the service worker compiles the team's own articles, and nothing else).
 */
import { guardAfter, guardBefore, packGuard } from './anchor-guards';
import { DETECTOR_FORMAT, DETECTOR_VERSION, type DetectorData } from './detector-data';
import { SALT1, SALT2, SALT3, extend, finish, pair } from './tokens';
import { TOPIC_STOPWORDS } from '../article/topic-words';
// Only messages tolerant matching compares approximately get a second anchor.
import { TOLERANT_MIN_WORDS, TOLERANT_WEIGHT } from './pattern-hits';

export { DETECTOR_FORMAT, DETECTOR_VERSION, type DetectorData };

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
  /**
   * Per slot: 0, or a second anchor of the slot's pattern (first item * 4 + length) that the scan
   * compares approximately only (secondAnchor): the slot shares the pattern's block.
   */
  readonly slotSecond: Int32Array;
  /**
   * Per slot with a second anchor: the item index, then the hash, of the rarest word of the
   * pattern's first anchor, which a retyped match must still have (pattern-hits.ts verifySecond).
   */
  readonly slotKeep: Int32Array;
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
  /** Per message, how many of its words are uncommon (uncommonWords); built on first use. */
  private uncommonCache: Int8Array | null = null;
  private wordDf: Map<string, number> | null = null;

  constructor(data: DetectorData) {
    if (data.format !== DETECTOR_FORMAT || data.version !== DETECTOR_VERSION) {
      throw new Error(`unsupported detector data (${String(data.format)} v${String(data.version)})`);
    }
    const n = data.anchor.length;
    this.patternCount = n;
    const vocab = Int32Array.from(data.vocab);
    /** Item i's hash (0 for a wildcard). */
    const hashOf = (i: number) => {
      const x = data.items[i]!;
      return x < 0 ? 0 : vocab[x]!;
    };
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
    const perLength = [0, 0, 0];
    let lengths = 0;
    for (let p = 0; p < n; p++) {
      const a = data.anchor[p]!;
      anchorAt[p] = a >> 2;
      anchorLen[p] = a & 3;
    }
    // Entries: each pattern's anchor (entry p), then the second anchors (entry n + j, of pattern secondOf[j]).
    const secondOf: number[] = [];
    const secondAnchor: number[] = [];
    for (let p = 0; p < n; p++) {
      const a = retypeAnchor(data, p, itemStart[p]!, itemStart[p + 1]! - itemStart[p]!, anchorAt[p]!, anchorLen[p]!);
      if (a === 0) continue;
      secondOf.push(p);
      secondAnchor.push(a);
    }
    const entries = n + secondOf.length;
    const entryPattern = (e: number) => (e < n ? e : secondOf[e - n]!);
    const entryAt = (e: number) => (e < n ? anchorAt[e]! : secondAnchor[e - n]! >> 2);
    const entryLen = (e: number) => (e < n ? anchorLen[e]! : secondAnchor[e - n]! & 3);
    const shingle = new Int32Array(entries);
    for (let e = 0; e < entries; e++) {
      const len = entryLen(e);
      if (len === 0) continue;
      lengths |= 1 << len;
      perLength[len - 1]!++;
      const b = itemStart[entryPattern(e)]! + entryAt(e);
      const x =
        len === 1
          ? hashOf(b)
          : len === 2
            ? pair(hashOf(b), hashOf(b + 1))
            : extend(pair(hashOf(b), hashOf(b + 1)), hashOf(b + 2));
      shingle[e] = x;
      const k = finish(x, len === 1 ? SALT1 : len === 2 ? SALT2 : SALT3);
      const list = byKey.get(k);
      if (list) list.push(e);
      else byKey.set(k, [e]);
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
    for (let e = 0; e < entries; e++) {
      const l = entryLen(e) - 1;
      if (l < 0) continue;
      const bit = shingle[e]! >>> this.bitmapShift[l]!;
      this.bitmaps[l]![bit >>> 5]! |= 1 << (bit & 31);
      if (l === 0) continue;
      const b = itemStart[entryPattern(e)]! + entryAt(e);
      const last2 = l === 1 ? shingle[e]! : pair(hashOf(b + 1), hashOf(b + 2));
      const pairBit = last2 >>> this.suffixShift;
      this.suffixPairs[pairBit >>> 5]! |= 1 << (pairBit & 31);
    }
    // Blocks: each key's patterns together, in key order; patterns without an anchor last. A
    // slot is an entry of a key (its rank in key order): a pattern's anchor, whose block is placed
    // with its key's, or a second anchor, which shares the block placed for the pattern's anchor.
    this.blocks = new Int32Array(n * BLOCK_HEADER + 2 * data.items.length);
    this.blockOf = new Int32Array(n);
    this.slotBlock = new Int32Array(entries);
    this.slotSecond = new Int32Array(entries);
    this.slotKeep = new Int32Array(2 * entries);
    this.guards = new Int32Array(4 * entries);
    let off = 0;
    const place = (p: number) => {
      this.blockOf[p] = off;
      const first = itemStart[p]!;
      const count = itemStart[p + 1]! - first;
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
    for (const list of byKey.values()) for (const e of list) if (e < n) place(e);
    for (let p = 0; p < n; p++) if (anchorLen[p] === 0) place(p);
    let slots = 0;
    const assign = (e: number) => {
      const p = entryPattern(e);
      this.slotBlock[slots] = this.blockOf[p]!;
      const first = itemStart[p]!;
      if (e >= n) {
        this.slotSecond[slots] = secondAnchor[e - n]!;
        // The rarest word has the highest vocabulary index (most used first).
        let keep = anchorAt[p]!;
        for (let i = keep + 1; i < anchorAt[p]! + anchorLen[p]!; i++)
          if (data.items[first + i]! > data.items[first + keep]!) keep = i;
        this.slotKeep[2 * slots] = keep;
        this.slotKeep[2 * slots + 1] = vocab[data.items[first + keep]!]!;
      }
      const count = itemStart[p + 1]! - first;
      const after = guardAfter(data.items, first, count, entryAt(e), entryLen(e));
      const before = guardBefore(data.items, first, entryAt(e), entryLen(e));
      if (after) this.guards[4 * slots] = vocab[data.items[first + after.item]!]!;
      this.guards[4 * slots + 1] = packGuard(after);
      if (before) this.guards[4 * slots + 2] = vocab[data.items[first + before.item]!]!;
      this.guards[4 * slots + 3] = packGuard(before);
      slots++;
    };
    let size = 16;
    while (size < byKey.size * 2) size *= 2;
    this.keyTable = new Int32Array(size * 2);
    for (const [k, list] of byKey) {
      let slot = k & (size - 1);
      while (this.keyTable[2 * slot] !== 0) slot = (slot + 1) & (size - 1);
      this.keyTable[2 * slot] = k + 1;
      this.keyTable[2 * slot + 1] = slots;
      for (const e of list) assign(e);
      for (let s = slots - list.length; s < slots - 1; s++) this.guards[4 * s + 1]! |= 1;
    }
    for (let p = 0; p < n; p++) if (anchorLen[p] === 0) assign(p);
    this.lengths = lengths;
  }

  isNdr(p: number): boolean {
    return (this.meta[p]! & 1) === 1;
  }
  classOf(p: number): string | undefined {
    const c = (this.meta[p]! >> 1) & 0x7f;
    return c ? this.classes[c - 1] : undefined;
  }
  weightOf(p: number): number {
    return ((this.meta[p]! >> 8) & 0xff) / 255;
  }
  /** The weight of pattern p's literal frame alone, for a hit whose soft slots took other values. */
  frameWeightOf(p: number): number {
    return ((this.meta[p]! >> 16) & 0xff) / 255;
  }
  /** Per wildcard of pattern p, the article's own value where it is a soft slot; null when p has none. */
  slotsOf(p: number): readonly (string | null)[] | null {
    return this.slots[p] || null;
  }
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
  /**
   * How many distinct words of message `p` are uncommon: not a topic stopword, and in fewer than
   * one message in COMMON_SHARE of all the messages (at least COMMON_FLOOR). "memory", "operation",
   * "server", "request" are in hundreds of messages; a message made of such words is a sentence any
   * ticket may write, while "spooler" or "registering" pins one down. Capped at 127.
   */
  uncommonWords(p: number): number {
    const df = this.messageWordDf();
    const cached = this.uncommonCache![p]!;
    if (cached >= 0) return cached;
    let n = 0;
    for (const w of new Set(this.text[p]!.toLowerCase().match(MESSAGE_WORD) ?? [])) if (this.uncommon(w, df)) n++;
    return (this.uncommonCache![p] = Math.min(n, 127));
  }
  /** Whether a word (lower case, letters and digits) is uncommon in the messages, as uncommonWords counts it. */
  uncommonWord(w: string): boolean {
    return this.uncommon(w, this.messageWordDf());
  }
  private uncommon(w: string, df: ReadonlyMap<string, number>): boolean {
    const common = Math.max(COMMON_FLOOR, this.text.length / COMMON_SHARE);
    return !TOPIC_STOPWORDS.has(w) && (w.length > 2 || /\d/.test(w)) && (df.get(w) ?? 0) < common;
  }
  private messageWordDf(): ReadonlyMap<string, number> {
    if (!this.wordDf) {
      // Built once, on the first approximate comparison: one pass, each word counted once per message.
      const df = new Map<string, number>();
      const last = new Map<string, number>();
      this.text.forEach((t, i) => {
        for (const w of t.toLowerCase().match(MESSAGE_WORD) ?? []) {
          if (last.get(w) === i) continue;
          last.set(w, i);
          df.set(w, (df.get(w) ?? 0) + 1);
        }
      });
      this.wordDf = df;
      this.uncommonCache = new Int8Array(this.text.length).fill(-1);
    }
    return this.wordDf;
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

const MESSAGE_WORD = /[a-z0-9]+/g;
/** A word in one message in this many (about a hundred of the archive's) is an everyday word of messages. */
const COMMON_SHARE = 300;
/** So that a handful of messages (a test's) does not make every word common. */
const COMMON_FLOOR = 3;

/**
 * Tolerant matching (pattern-hits.ts) starts where a pattern's anchor matched: a ticket that
 * retyped a word of the anchor itself ("WINHELP caused a ..." for "WINHELP has caused a ...") was
 * never compared. A message that may match approximately (no wildcard, enough words, nearly fully
 * specific, no bounce) gets a second anchor, the rarest run of its words outside the first, looked
 * up like any anchor and compared approximately only. Rarity from the vocabulary's order (most used
 * token first): a token's use count falls roughly as 1 / its rank. 0 when there is none.
 */
function retypeAnchor(data: DetectorData, p: number, first: number, count: number, at: number, len: number): number {
  if (len === 0 || count < TOLERANT_MIN_WORDS) return 0;
  const meta = data.meta[p]!;
  if ((meta & 1) === 1 || ((meta >> 8) & 0xff) / 255 < TOLERANT_WEIGHT) return 0;
  for (let i = first; i < first + count; i++) if (data.items[i]! < 0) return 0;
  // Runs of up to 3 items outside the first anchor: the longest such runs first, then the rarest.
  const free = (i: number) => i < at || i >= at + len;
  let best = 0;
  let bestLen = 0;
  let bestCost = Infinity;
  for (let i = 0; i < count; i++) {
    for (let l = 1; l <= 3 && i + l <= count; l++) {
      if (!free(i + l - 1)) break;
      if (!free(i)) break;
      if (l < bestLen) continue;
      let cost = 0;
      for (let j = 0; j < l; j++) cost += 1 / (data.items[first + i + j]! + 1);
      if (l > bestLen || cost < bestCost) {
        best = i;
        bestLen = l;
        bestCost = cost;
      }
    }
  }
  return bestLen >= 2 ? best * 4 + bestLen : 0;
}
