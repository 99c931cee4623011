import { decodeRiceGaps, riceParameter, VarintReader } from './codec';
import { buildThesaurus } from './thesaurus';
import { SEARCH_FORMAT, type SearchIndex, type SearchIndexData, type TermPostings } from './types';

/**
 * Turns the serialised index into its searchable form. Postings stay in their string and are
 * decoded per term on first use (termPostings), so opening the popup costs only the vocabulary,
 * the Q-numbers, the counts and the offsets.
 */
export function loadSearchIndex(data: SearchIndexData): SearchIndex {
  if (data.format !== SEARCH_FORMAT) throw new Error(`search index: unknown format ${String(data.format)}`);
  const count = data.count;
  if (data.titles.length !== count) throw new Error('search index: titles do not match count');

  const qnums = new Uint32Array(count);
  const qr = new VarintReader(data.qs);
  let q = 0;
  for (let i = 0; i < count; i++) qnums[i] = q += qr.next();

  const terms = readVocabulary(data.terms);
  const n = terms.length;
  const df = new Uint32Array(n);
  const dr = new VarintReader(data.df);
  for (let i = 0; i < n; i++) df[i] = dr.next();

  const maskStarts = new Uint32Array(n);
  const mr = new VarintReader(data.maskSpans);
  let mAt = 0;
  for (let i = 0; i < n; i++) {
    maskStarts[i] = mAt;
    mAt += mr.next();
  }
  if (mAt !== data.masks.length) throw new Error('search index: masks do not match counts');

  const starts = new Uint32Array(n + 1);
  const sr = new VarintReader(data.spans);
  let at = 0;
  for (let i = 0; i < n; i++) {
    starts[i] = at;
    at += sr.next();
  }
  starts[n] = at;
  if (at !== data.postings.length) throw new Error('search index: postings do not match spans');

  // Why a norm: among articles matching the same words in the title, the shorter title is more
  // likely to be about exactly that (BM25's length normalisation, reduced to titles).
  let total = 0;
  for (const t of data.titles) total += t.length;
  const avg = count > 0 ? total / count || 1 : 1;
  const titleNorm = new Float32Array(count);
  for (let i = 0; i < count; i++) titleNorm[i] = 1 / (0.7 + 0.3 * (data.titles[i]!.length / avg));

  return {
    count,
    qnums,
    titles: data.titles,
    terms,
    df,
    maskStarts,
    masksText: data.masks,
    starts,
    postingsText: data.postings,
    decoded: new Array<TermPostings | undefined>(terms.length),
    titleNorm,
    thesaurus: buildThesaurus(data.aliases ?? []),
    phrases: new Map(),
  };
}

function readVocabulary(text: string): string[] {
  const terms: string[] = [];
  const r = new VarintReader(text);
  let prev = '';
  while (!r.done) {
    const shared = r.next();
    const end = text.indexOf('\n', r.pos);
    if (end < 0) throw new Error('search index: vocabulary is cut short');
    prev = prev.slice(0, shared) + text.slice(r.pos, end);
    terms.push(prev);
    r.pos = end + 1;
  }
  return terms;
}

/** The postings of vocabulary term `id`, decoding them the first time. */
export function termPostings(index: SearchIndex, id: number): TermPostings {
  const cached = index.decoded[id];
  if (cached) return cached;
  const n = index.df[id]!;
  const docs = new Uint32Array(n);
  const masks = new Uint8Array(n);
  decodeRiceGaps(index.postingsText, index.starts[id]!, n, riceParameter(index.count, n), docs);
  if (n > 0 && docs[n - 1]! >= index.count) throw new Error('search index: posting past the last article');

  const mr = new VarintReader(index.masksText, index.maskStarts[id]!);
  const uniform = mr.next();
  if (uniform > 0) masks.fill(uniform);
  else for (let i = 0; i < n; i++) masks[i] = mr.next();
  const out = { docs, masks };
  index.decoded[id] = out;
  return out;
}

/** Doc number of Q-number digits `num`, or -1. */
export function docOfNumber(index: SearchIndex, num: number): number {
  const doc = firstDocAtLeast(index, num);
  return index.qnums[doc] === num ? doc : -1;
}

/** First i in [0, n) where `below(i)` is false, for a `below` that is true then false (binary search). */
function firstNotBelow(n: number, below: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First doc whose Q-number digits are >= num (qnums ascend). */
export function firstDocAtLeast(index: SearchIndex, num: number): number {
  return firstNotBelow(index.qnums.length, (i) => index.qnums[i]! < num);
}

/** First vocabulary index whose term is >= s. */
export function lowerBound(terms: readonly string[], s: string): number {
  return firstNotBelow(terms.length, (i) => terms[i]! < s);
}

/** Vocabulary index of exactly `s`, or -1. */
export function termId(index: SearchIndex, s: string): number {
  const i = lowerBound(index.terms, s);
  return index.terms[i] === s ? i : -1;
}

/** Phrase postings kept per index: a search box asks for the same few phrases keystroke after keystroke. */
const PHRASE_CACHE = 256;

/**
 * The articles that have every term of `terms` (in any of their fields), each with the fields
 * all of them share (or the first term's, when they share none); null when a term is unknown.
 */
export function phrasePostings(index: SearchIndex, terms: readonly string[]): TermPostings | null {
  const key = terms.join(' ');
  if (index.phrases.has(key)) return index.phrases.get(key)!;
  let acc: TermPostings | null = null;
  for (const t of terms) {
    const id = termId(index, t);
    if (id < 0) {
      acc = null;
      break;
    }
    const p = termPostings(index, id);
    acc = acc === null ? p : intersect(acc, p);
    if (acc.docs.length === 0) break;
  }
  if (index.phrases.size >= PHRASE_CACHE) index.phrases.clear();
  index.phrases.set(key, acc);
  return acc;
}

function intersect(a: TermPostings, b: TermPostings): TermPostings {
  const docs: number[] = [];
  const masks: number[] = [];
  for (let i = 0, j = 0; i < a.docs.length && j < b.docs.length;) {
    const x = a.docs[i]!;
    const y = b.docs[j]!;
    if (x < y) i++;
    else if (y < x) j++;
    else {
      docs.push(x);
      masks.push(a.masks[i]! & b.masks[j]! || a.masks[i]!);
      i++;
      j++;
    }
  }
  return { docs: Uint32Array.from(docs), masks: Uint8Array.from(masks) };
}
