/**
 * Quoted messages in a text by token-shingle hashing (perf-anchors §3), in one pass over the
 * characters: each token is hashed (FNV-1a over folded code units) into a ring buffer, so memory
 * stays flat on megabyte inputs; the last 1-3 token hashes are combined and tested against a
 * bitmap per anchor length, a pass is looked up in the anchor table, and a hit waits in a queue
 * until the ring holds LOOKAHEAD tokens past it; then the pattern's other items are compared
 * outwards from the anchor, wildcards included. Hits come out in the order of the token where
 * their anchor ends, then anchor length, then pattern id.
 *
 * The same pass notes where the KB-reference and code regexes can match (regex-cues.ts).
 * The content script sends 32 KB windows, so nothing here is allocated per call: the ring and the
 * queue are module state (scanning is synchronous and never re-entered).
 */
import { guardOffset, guardWidth } from './anchor-guards';
import { BLOCK_AT, BLOCK_HEADER, BLOCK_ID, BLOCK_ITEMS, BLOCK_LEN, type Detector } from './detector';
import {
  CUE_LENGTHS,
  CUE_SECONDS,
  mayEndArticle,
  noteArticleEnd,
  noteColonWord,
  noteMixedToken,
  noteWord,
  type CueLists,
} from './regex-cues';
import { FNV_OFFSET, FNV_PRIME, SALT1, SALT2, SALT3, extend, finish, foldTable, pair } from './tokens';

const CAP = 8192;
const MASK = CAP - 1;
/** Tokens kept ahead of the current one: more than any pattern can span past its anchor (128 items × 12). */
const LOOKAHEAD = 1600;
const FAIL = -0x7fffffff;
/** Verification steps per anchor hit: bounds wildcard backtracking. */
const STEP_BUDGET = 512;
/** Raw pattern hits kept before overlap resolution. */
export const MAX_RAW = 20000;

/** Pattern p matched text[start, end). */
export interface RawHit {
  p: number;
  start: number;
  end: number;
  /** Words the ticket dropped, added or changed against the pattern (tolerant match); 0 when exact. */
  edits: number;
}

// Token i lives in slot i & MASK while i >= produced - CAP.
const ringHash = new Int32Array(CAP);
/** The token's start offset, with the sign bit set when white space (or the start of the text) separates it from the previous token: one store per token instead of two. */
const ringStart = new Int32Array(CAP);
const ringEnd = new Int32Array(CAP);
const START = 0x7fffffff;

/** Tokens written to the ring so far. */
let produced = 0;

// Anchor hits wait here until the ring holds LOOKAHEAD tokens past them, then are verified in order.
const PENDING = 8192;
const pendingToken = new Int32Array(PENDING);
const pendingLen = new Int32Array(PENDING);
const pendingRef = new Int32Array(PENDING);

let budget = 0;
const NO_ITEMS = new Int32Array(0);
/** The detector's blocks (a pattern's header, then hash, wildcard width pairs) for fwd/back; dropped after each call so it can be collected. */
let items: Int32Array = NO_ITEMS;

/** Matches items [idx, n) of the pattern whose item 0 is at `base` in `items` from token `tok` on; the last token matched, or FAIL. */
function fwd(base: number, idx: number, n: number, tok: number): number {
  // Literal runs compare in a loop; only wildcards recurse.
  for (;;) {
    if (--budget < 0) return FAIL;
    if (idx === n) return tok - 1;
    const x = base + (idx << 1);
    if (items[x + 1] !== 0) break;
    if (tok >= produced || ringHash[tok & MASK] !== items[x]) return FAIL;
    idx++;
    tok++;
  }
  const w = items[base + (idx << 1) + 1]!;
  if (tok >= produced) return FAIL;
  if (idx === n - 1) {
    // A trailing placeholder takes one word: the token and those glued to it ("exch01.contoso.com").
    let t = tok;
    for (let c = 1; c < w && t + 1 < produced && ringStart[(t + 1) & MASK]! >= 0; c++) t++;
    return t;
  }
  for (let c = 1; c <= w && tok + c - 1 < produced; c++) {
    const r = fwd(base, idx + 1, n, tok + c);
    if (r !== FAIL) return r;
  }
  return FAIL;
}

/** Matches items [0, idx] of the pattern at `base` backwards, ending at token `tok`; the first token matched, or FAIL. */
function back(base: number, idx: number, tok: number): number {
  const low = Math.max(0, produced - CAP);
  for (;;) {
    if (--budget < 0) return FAIL;
    if (idx < 0) return tok + 1;
    if (tok < low) return FAIL;
    const x = base + (idx << 1);
    if (items[x + 1] !== 0) break;
    if (ringHash[tok & MASK] !== items[x]) return FAIL;
    idx--;
    tok--;
  }
  const w = items[base + (idx << 1) + 1]!;
  if (idx === 0) {
    let t = tok;
    for (let c = 1; c < w && t - 1 >= low && ringStart[t & MASK]! >= 0; c++) t--;
    return t;
  }
  for (let c = 1; c <= w && tok - c + 1 >= low; c++) {
    const r = back(base, idx - 1, tok - c);
    if (r !== FAIL) return r;
  }
  return FAIL;
}

const NO_KEY = 0x7fffffff;

/** What the detector's key table holds for anchor key `k` (the first slot of its patterns), or NO_KEY. */
function findKey(table: Int32Array, mask: number, k: number): number {
  for (let slot = k & mask; ; slot = (slot + 1) & mask) {
    const x = table[slot << 1]!;
    if (x === k + 1) return table[(slot << 1) + 1]!;
    if (x === 0) return NO_KEY;
  }
}

/** Verifies the patterns of the anchor key whose first slot is `first`, with an anchor of `len` tokens ending at token i. */
function verify(det: Detector, first: number, len: number, i: number, hits: RawHit[]): void {
  const { guards, slotBlock, slotSecond } = det;
  for (let k = first; ; k++) {
    const after = guards[4 * k + 1]!;
    const second = slotSecond[k]!;
    if (second !== 0) {
      if (
        tolerant !== null &&
        holdsNear(guards[4 * k]!, after, i, len) &&
        holdsNear(guards[4 * k + 2]!, guards[4 * k + 3]!, i, len)
      )
        verifySecond(slotBlock[k]!, second, det.slotKeep, k, len, i, hits);
    } else if (holds(guards[4 * k]!, after, i) && holds(guards[4 * k + 2]!, guards[4 * k + 3]!, i))
      verifyPattern(slotBlock[k]!, len, i, hits);
    else if (
      tolerant !== null &&
      holdsNear(guards[4 * k]!, after, i, len) &&
      holdsNear(guards[4 * k + 2]!, guards[4 * k + 3]!, i, len)
    )
      verifyRetyped(slotBlock[k]!, len, i, hits);
    if ((after & 1) === 0) return;
  }
}

/** holds, with the guard up to TOLERANT_MAX tokens off its place: edits between it and the anchor shift it. */
function holdsNear(hash: number, packed: number, i: number, len: number): boolean {
  const width = guardWidth(packed);
  if (width === 0) return true;
  const offset = guardOffset(packed);
  if (offset > 0) {
    for (
      let t = Math.max(i + 1, i + offset - TOLERANT_MAX), end = i + offset + width + TOLERANT_MAX;
      t < end && t < produced;
      t++
    )
      if (ringHash[t & MASK] === hash) return true;
    return false;
  }
  const low = Math.max(0, produced - CAP);
  for (
    let t = Math.min(i - len, i + offset + TOLERANT_MAX), end = i + offset - width - TOLERANT_MAX;
    t > end && t >= low;
    t--
  )
    if (ringHash[t & MASK] === hash) return true;
  return false;
}

/**
 * Whether a guard (anchor-guards.ts: its literal's hash, then its packed form) holds for the anchor
 * ending at token i: only a necessary condition, tested where fwd and back would fail without it.
 */
function holds(hash: number, packed: number, i: number): boolean {
  const width = guardWidth(packed);
  if (width === 0) return true;
  const offset = guardOffset(packed);
  if (offset > 0) {
    for (let t = i + offset, end = t + width; t < end && t < produced; t++)
      if (ringHash[t & MASK] === hash) return true;
    return false;
  }
  const low = Math.max(0, produced - CAP);
  for (let t = i + offset, end = t - width; t > end && t >= low; t--) if (ringHash[t & MASK] === hash) return true;
  return false;
}

function verifyPattern(b: number, len: number, i: number, hits: RawHit[]): void {
  if (items[b + BLOCK_LEN] !== len) return;
  const base = b + BLOCK_HEADER;
  const at = items[b + BLOCK_AT]!;
  const s = i - len + 1;
  for (let t = 0; t < len; t++) if (ringHash[(s + t) & MASK] !== items[base + ((at + t) << 1)]) return;
  budget = STEP_BUDGET;
  const last = fwd(base, at + len, items[b + BLOCK_ITEMS]!, i + 1);
  const first = last === FAIL ? FAIL : back(base, at - 1, s - 1);
  if (first !== FAIL) {
    hits.push({
      p: items[b + BLOCK_ID]!,
      start: ringStart[first & MASK]! & START,
      end: ringEnd[last & MASK]!,
      edits: 0,
    });
    return;
  }
  if (tolerant !== null) verifyTolerant(b, base, at, len, i, s, hits);
}

/** A pattern whose guards are off their places: its anchor, then only the tolerant comparison. */
function verifyRetyped(b: number, len: number, i: number, hits: RawHit[]): void {
  if (items[b + BLOCK_LEN] !== len) return;
  const base = b + BLOCK_HEADER;
  const at = items[b + BLOCK_AT]!;
  const s = i - len + 1;
  for (let t = 0; t < len; t++) if (ringHash[(s + t) & MASK] !== items[base + ((at + t) << 1)]) return;
  verifyTolerant(b, base, at, len, i, s, hits);
}

/**
 * A pattern's second anchor (detector.ts retypeAnchor) at token i: only the tolerant comparison,
 * and only where the first anchor is not near its place (its own slot compared the span) while the
 * first anchor's rarest word is: a ticket that retyped "has caused" still has "WINHELP", while one
 * with "paged pool" for "nonpaged pool" quotes another message, not this one retyped.
 */
function verifySecond(
  b: number,
  second: number,
  keep: Int32Array,
  k: number,
  len: number,
  i: number,
  hits: RawHit[],
): void {
  if ((second & 3) !== len) return;
  const base = b + BLOCK_HEADER;
  const at = second >> 2;
  const s = i - len + 1;
  for (let t = 0; t < len; t++) if (ringHash[(s + t) & MASK] !== items[base + ((at + t) << 1)]) return;
  const firstAt = items[b + BLOCK_AT]!;
  const firstLen = items[b + BLOCK_LEN]!;
  const low = Math.max(0, produced - CAP);
  const expected = s + firstAt - at;
  for (let u = expected - TOLERANT_MAX; u <= expected + TOLERANT_MAX; u++) {
    if (u < low || u + firstLen > produced) continue;
    let t = 0;
    while (t < firstLen && ringHash[(u + t) & MASK] === items[base + ((firstAt + t) << 1)]) t++;
    if (t === firstLen) return;
  }
  const rare = s + keep[2 * k]! - at;
  let kept = false;
  for (let u = Math.max(low, rare - TOLERANT_MAX); u <= rare + TOLERANT_MAX && u < produced; u++)
    if (ringHash[u & MASK] === keep[2 * k + 1]) {
      kept = true;
      break;
    }
  if (kept) verifyTolerant(b, base, at, len, i, s, hits);
}

/*
 * Tolerant verification. Tickets retype a message: a word dropped ("An unknown error occurred"),
 * added ("Cannot run a second instance"), changed ("could not" for "cannot"), or the end left off.
 * Where the anchor matched and the exact comparison failed, a fully specific message with enough
 * words is compared again allowing a few such edits, one per TOLERANT_WORDS literal words, at
 * most TOLERANT_MAX: what is left still pins the message down (five words in six, in order,
 * around its rare anchor), while a short or common message ("Access is denied.", a damped one)
 * never matches approximately. Runs only after an exact failure, so exact scans cost nothing more.
 */
const TOLERANT_WORDS = 6;
const TOLERANT_MAX = 3;
/** A shorter message less one word is a phrase of prose ("the application has stopped responding"). */
export const TOLERANT_MIN_WORDS = 8;
const TOLERANT_BUDGET = 4096;
/** Nearly fully specific: a message other articles use as prose in passing is damped below it. */
export const TOLERANT_WEIGHT = 0.8;
/** Uncommon words (Detector.uncommonWords) a message needs to be matched approximately. */
export const TOLERANT_UNCOMMON = 2;
/** Per pattern id, whether it may match approximately (the detector's weight 1): set per scan. */
let tolerant: Detector | null = null;
/** Edits left when the last successful fwdT / backT reached the pattern's end. */
let leftAtEnd = 0;

function allowedEdits(b: number): number {
  const id = items[b + BLOCK_ID]!;
  // A bounce is pasted, not retyped, and its boilerplate one word away is another article's variant.
  if (tolerant!.weightOf(id) < TOLERANT_WEIGHT || tolerant!.isNdr(id)) return 0;
  const n = items[b + BLOCK_ITEMS]!;
  let literals = 0;
  // A message with a placeholder or example value matches another value already: its literal frame
  // one word away is often a generic one ("The <name> service failed to start ...").
  for (let x = b + BLOCK_HEADER, end = x + 2 * n; x < end; x += 2) {
    if (items[x + 1] !== 0) return 0;
    literals++;
  }
  if (literals < TOLERANT_MIN_WORDS) return 0;
  // A message of everyday words ("There is not enough memory available to ...") one word away is
  // a sentence anyone writes: only one with uncommon words of its own is recognisable retyped.
  if (tolerant!.uncommonWords(id) < TOLERANT_UNCOMMON) return 0;
  return Math.min(TOLERANT_MAX, Math.floor(literals / TOLERANT_WORDS));
}

function verifyTolerant(b: number, base: number, at: number, len: number, i: number, s: number, hits: RawHit[]): void {
  const allowed = allowedEdits(b);
  if (allowed === 0) return;
  const n = items[b + BLOCK_ITEMS]!;
  budget = TOLERANT_BUDGET;
  // Fewest edits first, split every way between the two sides of the anchor.
  for (let e = 1; e <= allowed; e++) {
    for (let ef = 0; ef <= e; ef++) {
      const last = fwdT(base, at + len, n, i + 1, ef);
      if (last === FAIL) continue;
      const usedF = ef - leftAtEnd;
      const first = backT(base, at - 1, s - 1, e - usedF);
      if (first === FAIL) continue;
      const edits = usedF + (e - usedF - leftAtEnd);
      hits.push({
        p: items[b + BLOCK_ID]!,
        start: ringStart[first & MASK]! & START,
        end: ringEnd[last & MASK]!,
        edits,
      });
      return;
    }
    if (budget < 0) return;
  }
}

/** fwd with up to `e` edits; the last token matched, or FAIL. A match never ends on an edit. */
function fwdT(base: number, idx: number, n: number, tok: number, e: number): number {
  if (--budget < 0) return FAIL;
  if (idx === n) {
    leftAtEnd = e;
    return tok - 1;
  }
  const x = base + (idx << 1);
  const w = items[x + 1]!;
  if (w === 0) {
    if (tok < produced && ringHash[tok & MASK] === items[x]) {
      const r = fwdT(base, idx + 1, n, tok + 1, e);
      if (r !== FAIL) return r;
    }
    if (e === 0) return FAIL;
    // The ticket left the word (or the rest of the message) out.
    const r = fwdT(base, idx + 1, n, tok, e - 1);
    if (r !== FAIL || tok >= produced) return r;
    // It added a word, or changed this one: only between words the message has on both sides.
    if (idx === n - 1) return FAIL;
    const added = fwdT(base, idx, n, tok + 1, e - 1);
    return added !== FAIL ? added : fwdT(base, idx + 1, n, tok + 1, e - 1);
  }
  if (tok >= produced) return FAIL;
  if (idx === n - 1) {
    let t = tok;
    for (let c = 1; c < w && t + 1 < produced && ringStart[(t + 1) & MASK]! >= 0; c++) t++;
    leftAtEnd = e;
    return t;
  }
  for (let c = 1; c <= w && tok + c - 1 < produced; c++) {
    const r = fwdT(base, idx + 1, n, tok + c, e);
    if (r !== FAIL) return r;
  }
  return FAIL;
}

/** back with up to `e` edits; the first token matched, or FAIL. A match never starts on an edit. */
function backT(base: number, idx: number, tok: number, e: number): number {
  if (--budget < 0) return FAIL;
  if (idx < 0) {
    leftAtEnd = e;
    return tok + 1;
  }
  const low = Math.max(0, produced - CAP);
  const x = base + (idx << 1);
  const w = items[x + 1]!;
  if (w === 0) {
    if (tok >= low && ringHash[tok & MASK] === items[x]) {
      const r = backT(base, idx - 1, tok - 1, e);
      if (r !== FAIL) return r;
    }
    if (e === 0) return FAIL;
    const r = backT(base, idx - 1, tok, e - 1);
    if (r !== FAIL || tok < low) return r;
    if (idx === 0) return FAIL;
    const added = backT(base, idx, tok - 1, e - 1);
    return added !== FAIL ? added : backT(base, idx - 1, tok - 1, e - 1);
  }
  if (tok < low) return FAIL;
  if (idx === 0) {
    let t = tok;
    for (let c = 1; c < w && t - 1 >= low && ringStart[t & MASK]! >= 0; c++) t--;
    leftAtEnd = e;
    return t;
  }
  for (let c = 1; c <= w && tok - c + 1 >= low; c++) {
    const r = backT(base, idx - 1, tok - c, e);
    if (r !== FAIL) return r;
  }
  return FAIL;
}

function enqueue(tail: number, token: number, len: number, ref: number): number {
  pendingToken[tail] = token;
  pendingLen[tail] = len;
  pendingRef[tail] = ref;
  return (tail + 1) & (PENDING - 1);
}

/** Token of the last anchor hit verified, to stop between tokens (not inside one) at MAX_RAW. */
let lastVerified = -1;

/** Verifies queued hits on tokens before `upTo`, in the order they were found; the new head, or -1 at MAX_RAW. */
function drain(det: Detector, head: number, tail: number, upTo: number, hits: RawHit[]): number {
  while (head !== tail && pendingToken[head]! < upTo) {
    const token = pendingToken[head]!;
    if (token !== lastVerified && hits.length >= MAX_RAW) return -1;
    lastVerified = token;
    verify(det, pendingRef[head]!, pendingLen[head]!, token, hits);
    head = (head + 1) & (PENDING - 1);
  }
  return head;
}

/**
 * Every pattern occurrence in `input`, in order of the token where its anchor ends. With `cueLists`,
 * also notes where the KB-reference and code regexes may match, over the whole text.
 */
export function findPatternHits(
  text: string,
  det: Detector,
  cues: CueLists | null = null,
  opts: { tolerant?: boolean } = {},
): RawHit[] {
  const hits: RawHit[] = [];
  produced = 0;
  tolerant = opts.tolerant ? det : null;
  items = det.blocks;
  const [bitmap1, bitmap2, bitmap3] = det.bitmaps as [Uint32Array, Uint32Array, Uint32Array];
  const shift1 = det.bitmapShift[0]!;
  const shift2 = det.bitmapShift[1]!;
  const shift3 = det.bitmapShift[2]!;
  const suffixPairs = det.suffixPairs;
  const shiftPair = det.suffixShift;
  const keyTable = det.keyTable;
  const keyMask = (keyTable.length >> 1) - 1;
  const use1 = (det.lengths & 2) !== 0;
  const use2 = (det.lengths & 4) !== 0;
  const use3 = (det.lengths & 8) !== 0;
  const hashes = ringHash;
  const starts = ringStart;
  const ends = ringEnd;
  const fold = foldTable();

  // Queue state lives in locals (not closures) so the per-token loop keeps it in registers.
  let head = 0;
  let tail = 0;
  /** MAX_RAW reached: the rest of the text is only tokenised for the cues. */
  let stopped = det.patternCount === 0;
  lastVerified = -1;

  const n = text.length;
  let pos = 0;
  let count = 0;
  let spaced = 1;
  let h1 = 0;
  let pair1 = 0;
  while (pos < n) {
    let c = text.charCodeAt(pos);
    let f = fold[c]!;
    if (f <= 1) {
      spaced |= f;
      pos++;
      continue;
    }
    const s = pos;
    const f0 = f;
    // Any code unit >= 128 in the token: the regexes' ASCII words inside it are found apart.
    let mixed = 0;
    let h = FNV_OFFSET;
    for (;;) {
      h = Math.imul(h ^ f, FNV_PRIME);
      mixed |= c;
      if (++pos >= n) break;
      c = text.charCodeAt(pos);
      f = fold[c]!;
      if (f <= 1) break;
    }
    if (cues !== null) {
      if (mixed >= 128) noteMixedToken(cues, text, s, pos);
      else {
        if (
          ((CUE_LENGTHS[f0]! >>> Math.min(pos - s, 31)) & 1) !== 0 &&
          (pos - s === 1 || CUE_SECONDS[(f0 << 7) | fold[text.charCodeAt(s + 1)]!] === 1)
        ) {
          noteWord(cues, text, s, pos);
        }
        if (mayEndArticle(text, s, pos)) noteArticleEnd(cues, text, s, pos);
      }
      if (c === 0x3a && pos < n) noteColonWord(cues, text, s, pos);
      if (cues.full) cues = null;
    }
    const i = count;
    const slot = i & MASK;
    hashes[slot] = h;
    starts[slot] = s | (spaced << 31);
    ends[slot] = pos;
    spaced = 0;
    produced = ++count;
    if (stopped) continue;

    // Bitmaps first, on the combined hashes' top bits; a key is finished only on a pass.
    let bit: number;
    if (use1) {
      bit = h >>> shift1;
      if ((bitmap1[bit >>> 5]! & (1 << (bit & 31))) !== 0) {
        const ref = findKey(keyTable, keyMask, finish(h, SALT1));
        if (ref !== NO_KEY) tail = enqueue(tail, i, 1, ref);
      }
    }
    const pair0 = pair(h1, h);
    bit = pair0 >>> shiftPair;
    if (i >= 1 && (suffixPairs[bit >>> 5]! & (1 << (bit & 31))) !== 0) {
      if (use2) {
        bit = pair0 >>> shift2;
        if ((bitmap2[bit >>> 5]! & (1 << (bit & 31))) !== 0) {
          const ref = findKey(keyTable, keyMask, finish(pair0, SALT2));
          if (ref !== NO_KEY) tail = enqueue(tail, i, 2, ref);
        }
      }
      if (use3 && i >= 2) {
        const x = extend(pair1, h);
        bit = x >>> shift3;
        if ((bitmap3[bit >>> 5]! & (1 << (bit & 31))) !== 0) {
          const ref = findKey(keyTable, keyMask, finish(x, SALT3));
          if (ref !== NO_KEY) tail = enqueue(tail, i, 3, ref);
        }
      }
    }
    pair1 = pair0;
    h1 = h;
    if (head !== tail && pendingToken[head]! + LOOKAHEAD < count) {
      head = drain(det, head, tail, count - LOOKAHEAD, hits);
      if (head < 0) stopped = true;
    }
  }
  if (!stopped) drain(det, head, tail, count, hits);
  items = NO_ITEMS;
  tolerant = null;
  return hits;
}
