/**
 * scanText: KB references, NDR codes and quoted messages in one ticket text, in text order.
 *
 * Messages are found by token-shingle hashing (perf-anchors §3): the text is tokenised once, in a
 * ring buffer so memory stays flat on megabyte inputs; at every token the keys of the last 1-3
 * tokens are tested against a bitmap, then the anchor Map, then the candidate pattern's other
 * items are compared outwards from the anchor, wildcards included.
 */
import { findCodes } from './ndr-codes';
import type { Detector } from './detector';
import { findKbRefs } from './kb-refs';
import { ASCII_FOLD, FNV_OFFSET, FNV_PRIME, SPACE, foldChar, key1, key2, key3 } from './tokens';

export type MatchKind = 'q' | 'ndr' | 'error';

export interface Match {
  kind: MatchKind;
  /** The exact span of the ticket text. */
  text: string;
  start: number;
  end: number;
  /** Normalised: "Q227142", a status code ("5.1.1"), or the message as the article quotes it. */
  value: string;
  /** NDR class ("unknown-recipient"...), where known. */
  class?: string;
  /** Candidate articles, best first once ranked (see rank.ts). */
  articles: string[];
  why?: string;
  /** What the match found: a cited KB number, a quoted message, or a code. */
  source: 'cited' | 'message' | 'code';
  /** How much the match says on its own, 0..1 (a cited number is 1). */
  weight: number;
}

export interface ScanOptions {
  /** At most this many matches are returned (hostile input); default 1000. */
  maxMatches?: number;
}

const CAP = 8192;
const MASK = CAP - 1;
/** Tokens kept ahead of the current one: more than any pattern can span past its anchor (128 items × 12). */
const LOOKAHEAD = 1600;
const FAIL = -0x7fffffff;
/** Verification steps per anchor hit: bounds wildcard backtracking. */
const STEP_BUDGET = 512;
/** Raw pattern hits kept before overlap resolution. */
const MAX_RAW = 20000;

interface RawHit { p: number; start: number; end: number }

/** Ring-buffered tokens of one text; token i lives in slot i & MASK while i >= produced - CAP. */
class TokenRing {
  readonly hash = new Int32Array(CAP);
  readonly start = new Int32Array(CAP);
  readonly end = new Int32Array(CAP);
  /** 1 when white space separates the token from the previous one. */
  readonly spaced = new Uint8Array(CAP);
  produced = 0;
  private pos = 0;
  constructor(private readonly text: string) {}

  /** Tokenises until `target` tokens exist or the text ends. Case folding happens per character here. */
  fill(target: number): void {
    const text = this.text;
    const n = text.length;
    let pos = this.pos;
    let produced = this.produced;
    let spaced = 0;
    while (produced < target && pos < n) {
      let c = text.charCodeAt(pos);
      let f = c < 128 ? ASCII_FOLD[c]! : foldChar(c);
      if (f < 0) {
        if (f === SPACE) spaced = 1;
        pos++;
        continue;
      }
      const s = pos;
      let h = FNV_OFFSET;
      do {
        h = Math.imul(h ^ f, FNV_PRIME);
        if (++pos >= n) break;
        c = text.charCodeAt(pos);
        f = c < 128 ? ASCII_FOLD[c]! : foldChar(c);
      } while (f >= 0);
      const slot = produced & MASK;
      this.hash[slot] = h | 0;
      this.start[slot] = s;
      this.end[slot] = pos;
      this.spaced[slot] = produced === 0 ? 1 : spaced;
      produced++;
      spaced = 0;
    }
    this.pos = pos;
    this.produced = produced;
  }
}

function findPatternHits(text: string, det: Detector): RawHit[] {
  const hits: RawHit[] = [];
  if (det.patternCount === 0) return hits;
  const ring = new TokenRing(text);
  const rh = ring.hash;
  const bitmap = det.bitmap;
  const use1 = (det.lengths & 2) !== 0;
  const use2 = (det.lengths & 4) !== 0;
  const use3 = (det.lengths & 8) !== 0;
  const ph = det.hash;
  const wild = det.wild;
  let budget = 0;

  const fwd = (base: number, idx: number, n: number, tok: number): number => {
    if (--budget < 0) return FAIL;
    if (idx === n) return tok - 1;
    const w = wild[base + idx]!;
    const produced = ring.produced;
    if (w === 0) {
      if (tok >= produced || rh[tok & MASK] !== ph[base + idx]) return FAIL;
      return fwd(base, idx + 1, n, tok + 1);
    }
    if (tok >= produced) return FAIL;
    if (idx === n - 1) {
      // A trailing placeholder takes one word: the token and those glued to it ("exch01.contoso.com").
      let t = tok;
      for (let c = 1; c < w && t + 1 < produced && ring.spaced[(t + 1) & MASK] === 0; c++) t++;
      return t;
    }
    for (let c = 1; c <= w && tok + c - 1 < produced; c++) {
      const r = fwd(base, idx + 1, n, tok + c);
      if (r !== FAIL) return r;
    }
    return FAIL;
  };
  const back = (base: number, idx: number, tok: number): number => {
    if (--budget < 0) return FAIL;
    if (idx < 0) return tok + 1;
    const low = Math.max(0, ring.produced - CAP);
    if (tok < low) return FAIL;
    const w = wild[base + idx]!;
    if (w === 0) {
      if (rh[tok & MASK] !== ph[base + idx]) return FAIL;
      return back(base, idx - 1, tok - 1);
    }
    if (idx === 0) {
      let t = tok;
      for (let c = 1; c < w && t - 1 >= low && ring.spaced[t & MASK] === 0; c++) t--;
      return t;
    }
    for (let c = 1; c <= w && tok - c + 1 >= low; c++) {
      const r = back(base, idx - 1, tok - c);
      if (r !== FAIL) return r;
    }
    return FAIL;
  };
  const verify = (ids: number[], len: number, i: number) => {
    for (const p of ids) {
      if (det.anchorLen[p] !== len) continue;
      const base = det.itemStart[p]!;
      const n = det.itemStart[p + 1]! - base;
      const at = det.anchorAt[p]!;
      const s = i - len + 1;
      let ok = true;
      for (let j = 0; j < len && ok; j++) ok = rh[(s + j) & MASK] === ph[base + at + j];
      if (!ok) continue;
      budget = STEP_BUDGET;
      const last = fwd(base, at + len, n, i + 1);
      if (last === FAIL) continue;
      const first = back(base, at - 1, s - 1);
      if (first === FAIL) continue;
      hits.push({ p, start: ring.start[first & MASK]!, end: ring.end[last & MASK]! });
    }
  };

  let h1 = 0;
  let h2 = 0;
  for (let i = 0; hits.length < MAX_RAW; i++) {
    if (i + LOOKAHEAD >= ring.produced) ring.fill(i + LOOKAHEAD + 1024);
    if (i >= ring.produced) break;
    const h = rh[i & MASK]!;
    let k: number;
    if (use1) {
      k = key1(h);
      if (bitmap[(k >>> 5) & 0x1ffff]! & (1 << (k & 31))) { const ids = det.byKey.get(k); if (ids) verify(ids, 1, i); }
    }
    if (use2 && i >= 1) {
      k = key2(h1, h);
      if (bitmap[(k >>> 5) & 0x1ffff]! & (1 << (k & 31))) { const ids = det.byKey.get(k); if (ids) verify(ids, 2, i); }
    }
    if (use3 && i >= 2) {
      k = key3(h2, h1, h);
      if (bitmap[(k >>> 5) & 0x1ffff]! & (1 << (k & 31))) { const ids = det.byKey.get(k); if (ids) verify(ids, 3, i); }
    }
    h2 = h1;
    h1 = h;
  }
  return hits;
}

function codeArticles(det: Detector, key: string): string[] {
  const qs = Object.prototype.hasOwnProperty.call(det.codes, key) ? det.codes[key] : undefined;
  return qs ? qs.map((n) => 'Q' + n) : [];
}

/** Codes say more when fewer articles share them; a class alone (no article) still informs the agent. */
function codeWeight(articleCount: number): number {
  if (articleCount === 0) return 0;
  return articleCount <= 2 ? 0.45 : articleCount <= 10 ? 0.3 : 0.15;
}

/** Every KB reference, NDR and quoted message in `text`, most specific where they overlap, in text order. */
export function scanText(text: string, detector: Detector, opts: ScanOptions = {}): Match[] {
  const max = opts.maxMatches ?? 1000;
  const candidates: Match[] = [];
  for (const k of findKbRefs(text, max)) {
    candidates.push({ kind: 'q', text: text.slice(k.start, k.end), start: k.start, end: k.end, value: k.value, articles: [k.value], source: 'cited', weight: 1 });
  }
  for (const c of findCodes(text, 4 * max)) {
    const articles = codeArticles(detector, c.key);
    // An error code nobody in the index quotes is just a number.
    if (c.kind === 'error' && articles.length === 0) continue;
    candidates.push({
      kind: c.kind, text: text.slice(c.start, c.end), start: c.start, end: c.end, value: c.value,
      ...(c.class ? { class: c.class } : {}), articles, source: 'code', weight: codeWeight(articles.length),
    });
  }
  for (const h of findPatternHits(text, detector)) {
    const cls = detector.classOf(h.p);
    candidates.push({
      kind: detector.isNdr(h.p) ? 'ndr' : 'error', text: text.slice(h.start, h.end), start: h.start, end: h.end,
      value: detector.text[h.p]!, ...(cls ? { class: cls } : {}), articles: detector.articlesOf(h.p),
      source: 'message', weight: detector.weightOf(h.p),
    });
  }
  return resolveOverlaps(candidates, max);
}

const SOURCE_RANK: Record<Match['source'], number> = { cited: 0, message: 1, code: 2 };

/**
 * Keeps the most specific match where matches overlap: cited KB numbers first, then the longest
 * span, then the one with articles, then the heavier. A dropped match lends its NDR class (and
 * kind) to the match that covers it, and the same message found by several patterns pools its articles.
 */
export function resolveOverlaps(candidates: Match[], max: number): Match[] {
  // Most matches overlap nothing: settle each cluster of overlapping candidates on its own, so
  // the cost stays O(n log n) with tens of thousands of matches.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Match[] = [];
  let cluster: Match[] = [];
  let clusterEnd = -1;
  const flush = () => {
    if (cluster.length === 1) keepIfInformative(cluster[0]!, out);
    else if (cluster.length > 1) for (const m of settleCluster(cluster)) keepIfInformative(m, out);
    cluster = [];
  };
  for (const m of candidates) {
    if (m.start >= clusterEnd) { flush(); clusterEnd = m.end; }
    else clusterEnd = Math.max(clusterEnd, m.end);
    cluster.push(m);
    if (out.length >= max) break;
  }
  flush();
  return out.slice(0, max);
}

function keepIfInformative(m: Match, out: Match[]): void {
  if (m.source !== 'cited' && m.weight === 0 && m.articles.length === 0 && !m.class) return;
  out.push(m);
}

/** Greedy by priority inside one cluster of overlapping candidates; returns them in text order. */
function settleCluster(cluster: Match[]): Match[] {
  const hasArticles = (m: Match) => (m.articles.length > 0 ? 1 : 0);
  // A code regex takes in decoration ("#", " ##") that a message pattern leaves out: a message
  // covering nearly the same span is the more specific match.
  const span = (m: Match) => m.end - m.start + (m.source === 'message' ? 6 : 0);
  cluster.sort((a, b) =>
    SOURCE_RANK[a.source] === 0 || SOURCE_RANK[b.source] === 0
      ? SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || a.start - b.start
      : span(b) - span(a) || hasArticles(b) - hasArticles(a) || b.weight - a.weight || a.start - b.start,
  );
  const kept: Match[] = [];
  for (const m of cluster) {
    const other = kept.find((k) => k.start < m.end && k.end > m.start);
    if (!other) { kept.push(m); continue; }
    if (other.source === 'cited' || m.source === 'cited') continue;
    if (!other.class && m.class) other.class = m.class;
    if (m.kind === 'ndr' && other.kind === 'error') other.kind = 'ndr';
    if (other.source === 'code' && m.source === 'message' && m.start >= other.start && m.end <= other.end) {
      // A code regex that ran a little wider than the message: the message is what it found.
      other.source = 'message';
      other.value = m.value;
      other.weight = Math.max(other.weight, m.weight);
      other.articles = [...new Set([...m.articles, ...other.articles])];
      continue;
    }
    if (other.start === m.start && other.end === m.end && m.source === 'message' && other.source === 'message') {
      for (const q of m.articles) if (!other.articles.includes(q)) other.articles.push(q);
      other.weight = Math.max(other.weight, m.weight);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
