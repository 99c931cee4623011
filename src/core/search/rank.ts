/**
 * Scoring: how much a matched term is worth, and the per-search accumulator that sums it per
 * article in typed arrays (no object per posting, no Map per search).
 *
 * A term's worth in an article = idf × weight of the best field it is in (plus a little for each
 * other field) × match quality (exact 1, completion or typo less). An article's base score is the
 * sum over query terms, times the share of the query it covers, squared, each term counted by its
 * idf (missing "has" costs little, missing "masm" a lot): a field-weighted score in the spirit of
 * BM25F without term frequencies, which titles, terms and keywords barely have. The tiers in
 * query.ts (Q-number, phrase, error text) and the version factor (versions.ts) sit on top of that.
 */
import { FIELD, type SearchIndex, type TermPostings } from './types';

/**
 * Field weights, in the order the agent's words are evidence: the title, a quoted message, the
 * article's distinctive terms, its keywords, then the rest (file names, products and versions,
 * which already carry a high idf when they are rare). Tuned on the labelled queries
 * (tests/fixtures/search/queries.json, `npm run eval -- --only search`): over title 3-4, errors
 * 2-2.5, terms 1.2-2.4, keywords 0.8-1.2, files 1.1-2, products 0.7-1 the MRR stayed within
 * 0.927-0.929, so the order matters more than the values. Agents' own words (the blind-written
 * development sets, 705 queries) name the title's words more than a quoted message's: over title
 * 2.5-5.5 and errors 1.7-2.5 their pooled MRR peaked at title 4.5, errors 2 (0.877 -> 0.886), the
 * labelled queries' MRR staying at 0.959-0.961.
 */
export const FIELD_WEIGHT = {
  title: 4.5,
  errors: 2,
  terms: 1.8,
  keywords: 1.2,
  files: 1.1,
  products: 1,
  /** the same words as errors, unstemmed: worth what the errors field is */
  errorWord: 2,
  /** the article's search words: worth what keywords are (tuned as for the other fields) */
  words: 1.2,
} as const;

/** Share of a second field's weight that is added when a term is in several fields. */
const EXTRA_FIELD_SHARE = 0.2;

/** Weight of a mask's fields other than the title, best and sum (title depends on the article). */
const MASKS = 1 << Object.keys(FIELD).length;
const REST_MAX = new Float64Array(MASKS);
const REST_SUM = new Float64Array(MASKS);
for (let m = 0; m < MASKS; m++) {
  let max = 0;
  let sum = 0;
  for (const [name, bit] of Object.entries(FIELD)) {
    if (bit === FIELD.title || !(m & bit)) continue;
    const w = FIELD_WEIGHT[name as keyof typeof FIELD_WEIGHT];
    sum += w;
    if (w > max) max = w;
  }
  REST_MAX[m] = max;
  REST_SUM[m] = sum;
}

export function idf(count: number, df: number): number {
  return Math.log(1 + count / Math.max(1, df));
}

/** Per-article flags recorded while scoring, for the `why` text. */
export const USED = { prefix: 1, typo: 2 } as const;

/**
 * Share of a query word's coverage an article gets when it has only another way of saying the word
 * (a synonym, an acronym spelled out, a word of its family, a glued product), not the word itself
 * or its stem. The agent's own word is the better evidence: "show desktop icon missing" is about a
 * title that says "Missing" and "Desktop", more than one that says "Not Display" twice over.
 * Tuned on the blind-written development sets (see README, "How search reads the agent's words").
 */
export const OTHER_WORDING_COVER = 0.8;

/** WordScores flag: only another wording of the word found the article, not the word itself. */
const OTHER_ONLY_FLAG = 0x80;

/**
 * What one query word adds to each article it matches, worked out once from its postings and
 * kept (query.ts): a query is typed a letter at a time, and every keystroke scores again the
 * words before the last. Applying a kept list is one pass over typed arrays; the weights, the
 * best-of-completions choice and the field masks are not worked out again.
 */
export interface WordScores {
  /** Articles, in the order they were first offered. */
  readonly docs: Uint32Array;
  /** The word's best worth × field weight in each. */
  readonly scores: Float64Array;
  /** Fields the word's postings found in each. */
  readonly fields: Uint8Array;
  /**
   * Bit 0: found as the literal word in the errors field; bit 7 (OTHER_ONLY_FLAG): found only by
   * another wording of the word; the rest: USED flags, shifted by one.
   */
  readonly flags: Uint8Array;
  /** Highest of `scores`: the most the word can add to one article (a bound for pruning). */
  readonly max: number;
}

/** One postings list of a word, with what a posting in it is worth. */
export interface PricedList {
  p: TermPostings;
  worth: number;
  used: number;
  /** Its postings in the errors field say the article quotes the word as typed. */
  literal: boolean;
  /**
   * The word's own postings (itself, its stem, completions, corrections), not another wording of
   * it (thesaurus, variants, split or joined words): an article only another wording finds covers
   * the word at OTHER_WORDING_COVER.
   */
  own: boolean;
}

/** The weight of a posting with field mask `m` in article `d`: its best field, a little of the others. */
function fieldWeight(m: number, titleNorm: number): number {
  if (m & FIELD.title) {
    const t = FIELD_WEIGHT.title * titleNorm;
    const r = REST_MAX[m]!;
    return t >= r ? t + EXTRA_FIELD_SHARE * REST_SUM[m]! : r + EXTRA_FIELD_SHARE * (REST_SUM[m]! - r + t);
  }
  const r = REST_MAX[m]!;
  return r + EXTRA_FIELD_SHARE * (REST_SUM[m]! - r);
}

/** Per-search scratch space, allocated once per index and reset after each search. */
export class Scorer {
  /** Base score so far. */
  readonly total: Float64Array;
  /** Bit i set: query term i matched. */
  readonly matched: Uint16Array;
  /**
   * Bit i set: query term i matched only through another wording of it (PricedList.own false):
   * set for few articles, so the hot loops rarely write it.
   */
  readonly otherOnly: Uint16Array;
  /** Bit i set: query term i matched (not as a typo) in the errors field. */
  readonly inErrors: Uint16Array;
  /** Fields any term matched in. */
  readonly fields: Uint8Array;
  /** USED flags of the matches that counted. */
  readonly used: Uint8Array;
  /** Articles with any score, in first-touched order. */
  readonly touched: Uint32Array;
  touchedCount = 0;

  // The current term: best contribution per article (a term's completions do not add up).
  private readonly best: Float64Array;
  private readonly bestUsed: Uint8Array;
  private readonly termDocs: Uint32Array;
  private termCount = 0;
  private readonly seen: Uint8Array;
  // scoreLists: fields and errors flag per article while a word's lists are merged.
  private readonly fieldsAcc: Uint8Array;
  private readonly errorsAcc: Uint8Array;
  // The current term (offer, scoreLists): only another wording found the article so far.
  private readonly otherAcc: Uint8Array;

  /**
   * Set once the articles scored so far are sure to fill the top list (see `kthPartial`): from then
   * on only those articles are scored, so a very common word costs a look-up per posting and no
   * accumulator writes, and `top` ranks a few hundred articles instead of 60,000.
   */
  restrict = false;

  /** Some article has a term only another wording of it matched (otherOnly not all zero). */
  private anyOther = false;

  constructor(private readonly index: SearchIndex) {
    const n = index.count;
    this.total = new Float64Array(n);
    this.matched = new Uint16Array(n);
    this.otherOnly = new Uint16Array(n);
    this.inErrors = new Uint16Array(n);
    this.fields = new Uint8Array(n);
    this.used = new Uint8Array(n);
    this.touched = new Uint32Array(n);
    this.best = new Float64Array(n);
    this.bestUsed = new Uint8Array(n);
    this.termDocs = new Uint32Array(n);
    this.seen = new Uint8Array(n);
    this.fieldsAcc = new Uint8Array(n);
    this.errorsAcc = new Uint8Array(n);
    this.otherAcc = new Uint8Array(n);
  }

  /**
   * Offers every article of `p` for the current term, at `worth` × field weight; `own`: the word's
   * own postings (PricedList.own). A word's own lists are offered before its other wordings.
   */
  addPostings(p: TermPostings, worth: number, used: number, errorsBit: number, own = true): void {
    const { docs, masks } = p;
    const { titleLength, normByLength } = this.index;
    const restrict = this.restrict;
    const seen = this.seen;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      if (restrict && !seen[d]) continue;
      const m = masks[i]!;
      const w = fieldWeight(m, normByLength[titleLength[d]!]!);
      this.fields[d]! |= m;
      if (m & (FIELD.errors | FIELD.errorWord)) this.inErrors[d]! |= errorsBit;
      this.offer(d, worth * w, used, own);
    }
  }

  /**
   * The most one posting of `p` is worth per unit of worth: a tight bound for pruning, computed
   * once per postings list (lists are decoded once and kept, so this is paid once per term).
   */
  maxWeight(p: TermPostings): number {
    const known = maxWeights.get(p);
    if (known !== undefined) return known;
    const { docs, masks } = p;
    const { titleLength, normByLength } = this.index;
    let max = 0;
    for (let i = 0; i < docs.length; i++) {
      const w = fieldWeight(masks[i]!, normByLength[titleLength[docs[i]!]!]!);
      if (w > max) max = w;
    }
    maxWeights.set(p, max);
    return max;
  }

  /**
   * A word's contribution per article from its priced lists: per article the best list's worth ×
   * field weight (a word's completions do not add up), the fields of all of them, and whether a
   * literal list found it in the errors field. Uses the per-term scratch, so not mid-term.
   */
  scoreLists(lists: readonly PricedList[]): WordScores {
    const { titleLength, normByLength } = this.index;
    const { best, bestUsed, termDocs, fieldsAcc, errorsAcc, otherAcc } = this;
    let n = 0;
    for (const { p, worth, used, literal, own } of lists) {
      const { docs, masks } = p;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        const m = masks[i]!;
        // A posting is in some field; a zero mask would add nothing (and must mark nothing).
        if (m === 0) continue;
        const c = worth * fieldWeight(m, normByLength[titleLength[d]!]!);
        fieldsAcc[d]! |= m;
        if (literal && m & (FIELD.errors | FIELD.errorWord)) errorsAcc[d] = 1;
        if (c > best[d]!) {
          if (best[d] === 0) {
            termDocs[n++] = d;
            // The word's own lists come first: an article new to a later list is one only it finds.
            if (!own) otherAcc[d] = 1;
          }
          best[d] = c;
          bestUsed[d] = used;
        }
      }
    }
    const docs = termDocs.slice(0, n);
    const scores = new Float64Array(n);
    const fields = new Uint8Array(n);
    const flags = new Uint8Array(n);
    let max = 0;
    for (let i = 0; i < n; i++) {
      const d = docs[i]!;
      scores[i] = best[d]!;
      if (best[d]! > max) max = best[d]!;
      fields[i] = fieldsAcc[d]!;
      flags[i] = errorsAcc[d]! | (bestUsed[d]! << 1) | (otherAcc[d] ? OTHER_ONLY_FLAG : 0);
      best[d] = 0;
      bestUsed[d] = 0;
      fieldsAcc[d] = 0;
      errorsAcc[d] = 0;
      otherAcc[d] = 0;
    }
    return { docs, scores, fields, flags, max };
  }

  /**
   * Adds a word's kept contributions as one term (`bit` its query-term bit, 0 for a bonus term):
   * the same sums, fields and flags as offering its postings and closing the term.
   */
  addScores(w: WordScores, bit: number): void {
    const { docs, scores, fields: f, flags } = w;
    const { seen, total, matched, otherOnly, fields, inErrors, used, touched } = this;
    const restrict = this.restrict;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      if (!seen[d]) {
        if (restrict) continue;
        seen[d] = 1;
        touched[this.touchedCount++] = d;
      }
      total[d]! += scores[i]!;
      matched[d]! |= bit;
      fields[d]! |= f[i]!;
      const fl = flags[i]!;
      if (fl & 1) inErrors[d]! |= bit;
      if (fl & OTHER_ONLY_FLAG) {
        otherOnly[d]! |= bit;
        this.anyOther = true;
      }
      used[d]! |= (fl & ~OTHER_ONLY_FLAG) >> 1;
    }
  }

  /**
   * Offers one article for the current term (a Q-number hit, say). `own` false: another wording of
   * the word; offered after its own lists, so an article none of those found is one only it finds
   * (marked without a write per posting of the word's own, often long, lists).
   */
  offer(d: number, c: number, used: number, own = true): void {
    if (c <= this.best[d]!) return;
    if (this.restrict && !this.seen[d]) return;
    if (this.best[d] === 0) {
      this.termDocs[this.termCount++] = d;
      if (!own) this.otherAcc[d] = 1;
    }
    this.best[d] = c;
    this.bestUsed[d] = used;
  }

  /** Closes the current term: adds each article's best offer; `bit` 0 for bonus terms. */
  endTerm(bit: number): void {
    for (let i = 0; i < this.termCount; i++) {
      const d = this.termDocs[i]!;
      if (!this.seen[d]) {
        this.seen[d] = 1;
        this.touched[this.touchedCount++] = d;
      }
      this.total[d]! += this.best[d]!;
      this.matched[d]! |= bit;
      if (this.otherAcc[d]) {
        this.otherOnly[d]! |= bit;
        this.anyOther = true;
        this.otherAcc[d] = 0;
      }
      this.used[d]! |= this.bestUsed[d]!;
      this.best[d] = 0;
      this.bestUsed[d] = 0;
    }
    this.termCount = 0;
  }

  /**
   * How much each query term counts towards coverage (bit i: term i), by its idf: an article
   * that misses "has" and "no" but has "masm" and "align" covers most of what was asked.
   * Unset (empty), every term counts the same.
   */
  private weights: number[] = [];
  private weightSum = 0;

  set coverWeights(w: number[]) {
    this.weights = w;
    this.weightSum = w.reduce((a, b) => a + b, 0);
    this.coverTerms = -1;
  }

  /** Coverage of each matched-bits value, for `coverTerms` terms: one look-up per article in `top`. */
  private coverTable = new Float64Array(0);
  private coverTerms = -1;

  /**
   * Base score of an article: the sum, scaled by the share of query terms it matched; a term only
   * another wording of it matched counts OTHER_WORDING_COVER of its share.
   */
  baseScore(d: number, termCount: number): number {
    if (termCount === 0) return this.total[d]!;
    if (termCount !== this.coverTerms) this.fillCoverTable(termCount);
    let cover = this.coverTable[this.matched[d]!]!;
    if (this.anyOther) {
      // Coverage is a sum over the terms: the other-only terms give back the rest of their share.
      const other = this.otherOnly[d]!;
      if (other !== 0) cover -= (1 - OTHER_WORDING_COVER) * this.coverTable[other]!;
    }
    return this.total[d]! * cover * cover;
  }

  private fillCoverTable(termCount: number): void {
    // Every value `matched` can hold (its bits are term numbers below termCount, at most 16).
    const size = 1 << Math.min(termCount, 16);
    if (this.coverTable.length < size) this.coverTable = new Float64Array(size);
    for (let m = 0; m < size; m++) this.coverTable[m] = this.cover(m, termCount);
    this.coverTerms = termCount;
  }

  private cover(m: number, termCount: number): number {
    if (this.weights.length === termCount && this.weightSum > 0) {
      let got = 0;
      for (let v = m; v; v &= v - 1) got += this.weights[31 - Math.clz32(v & -v)]!;
      return got / this.weightSum;
    }
    return popcount(m) / termCount;
  }

  /**
   * The k-th best base score among the articles scored so far (0 when fewer than k have a score),
   * with the coverage weights of the whole query. Scores only grow as terms are added (a sum of
   * non-negative worths, a coverage that only gains bits), so this is a lower bound of the k-th
   * best final score: an article not yet scored whose best possible score is below it can never
   * enter the top k.
   */
  kthPartial(k: number, termCount: number): number {
    if (this.touchedCount < k) return 0;
    // Min-heap of the k best scores.
    const heap = this.heapScratch(k).scores;
    let size = 0;
    for (let t = 0; t < this.touchedCount; t++) {
      const s = this.baseScore(this.touched[t]!, termCount);
      if (size < k) {
        let i = size++;
        heap[i] = s;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (heap[parent]! <= heap[i]!) break;
          const x = heap[parent]!;
          heap[parent] = heap[i]!;
          heap[i] = x;
          i = parent;
        }
      } else if (s > heap[0]!) {
        heap[0] = s;
        for (let i = 0; ;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < k && heap[l]! < heap[m]!) m = l;
          if (r < k && heap[r]! < heap[m]!) m = r;
          if (m === i) break;
          const x = heap[m]!;
          heap[m] = heap[i]!;
          heap[i] = x;
          i = m;
        }
      }
    }
    return heap[0]!;
  }

  /**
   * The `k` best touched articles by base score, best first (ties: lower Q-number first), as doc
   * numbers, using a bounded heap so a 60k-article match costs no full sort.
   */
  top(k: number, termCount: number): { docs: number[]; scores: number[] } {
    const { docs: heapDocs, scores: heapScores } = this.heapScratch(k);
    let size = 0;
    // Min-heap on (score, -doc): the root is the weakest kept article.
    const weaker = (i: number, j: number) =>
      heapScores[i]! < heapScores[j]! || (heapScores[i] === heapScores[j] && heapDocs[i]! > heapDocs[j]!);
    const swap = (i: number, j: number) => {
      const d = heapDocs[i]!;
      heapDocs[i] = heapDocs[j]!;
      heapDocs[j] = d;
      const s = heapScores[i]!;
      heapScores[i] = heapScores[j]!;
      heapScores[j] = s;
    };
    for (let t = 0; t < this.touchedCount; t++) {
      const d = this.touched[t]!;
      const s = this.baseScore(d, termCount);
      if (s <= 0) continue;
      if (size < k) {
        heapDocs[size] = d;
        heapScores[size] = s;
        for (let i = size++; i > 0;) {
          const parent = (i - 1) >> 1;
          if (!weaker(i, parent)) break;
          swap(i, parent);
          i = parent;
        }
      } else if (s > heapScores[0]! || (s === heapScores[0] && d < heapDocs[0]!)) {
        heapDocs[0] = d;
        heapScores[0] = s;
        for (let i = 0; ;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < size && weaker(l, m)) m = l;
          if (r < size && weaker(r, m)) m = r;
          if (m === i) break;
          swap(i, m);
          i = m;
        }
      }
    }
    const order = Array.from({ length: size }, (_, i) => i).sort(
      (a, b) => heapScores[b]! - heapScores[a]! || heapDocs[a]! - heapDocs[b]!,
    );
    return { docs: order.map((i) => heapDocs[i]!), scores: order.map((i) => heapScores[i]!) };
  }

  // The top-k heaps of kthPartial and top, kept between searches: a search box asks for the same
  // k on every keystroke, and a fresh pair of typed arrays each time only feeds the collector.
  private heapDocs = new Uint32Array(0);
  private heapScores = new Float64Array(0);

  private heapScratch(k: number): { docs: Uint32Array; scores: Float64Array } {
    if (this.heapDocs.length < k) {
      this.heapDocs = new Uint32Array(k);
      this.heapScores = new Float64Array(k);
    }
    return { docs: this.heapDocs, scores: this.heapScores };
  }

  /** Clears what this search wrote, touching only the articles it scored. */
  reset(): void {
    for (let t = 0; t < this.touchedCount; t++) {
      const d = this.touched[t]!;
      this.total[d] = 0;
      this.matched[d] = 0;
      this.otherOnly[d] = 0;
      this.inErrors[d] = 0;
      this.fields[d] = 0;
      this.used[d] = 0;
      this.seen[d] = 0;
    }
    this.touchedCount = 0;
    this.coverWeights = [];
    this.restrict = false;
    this.anyOther = false;
  }
}

const scorers = new WeakMap<SearchIndex, Scorer>();
const maxWeights = new WeakMap<TermPostings, number>();

export function scorerFor(index: SearchIndex): Scorer {
  let s = scorers.get(index);
  if (!s) scorers.set(index, (s = new Scorer(index)));
  return s;
}

export function popcount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
}
