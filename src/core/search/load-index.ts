import { decodeRiceGaps, riceParameter, VarintReader } from './codec';
import { splitSearchIndex } from './split-index';
import { buildThesaurus } from './thesaurus';
import { variantMap } from './variants';
import { Vocabulary } from './vocabulary';
import {
  SEARCH_FORMAT,
  type SearchHeadData,
  type SearchIndex,
  type SearchIndexData,
  type SearchPartReader,
  type SearchParts,
  type SearchTermsPartData,
  type TermPostings,
} from './types';

/**
 * Turns a whole serialised index (every posting and title in memory: a team's own articles, the
 * tests) into its searchable form.
 */
export function loadSearchIndex(data: SearchIndexData): SearchIndex {
  const count = data.count;
  const { head, parts } = splitSearchIndex(data, { partChars: Infinity, titlesPerPart: Math.max(1, count) });
  return openSearchIndex(head, null, { terms: parts, titles: count > 0 ? [data.titles] : [] });
}

/**
 * Opens a stored index from its head. Postings stay in their strings and are decoded per term on
 * first use (termPostings); the parts holding them, and the titles, are read through `reader`
 * when a search first asks for them (search-parts.ts), unless given in `loaded`.
 */
export function openSearchIndex(
  head: SearchHeadData,
  reader: SearchPartReader | null,
  loaded: { terms?: readonly SearchTermsPartData[]; titles?: readonly (readonly string[])[] } = {},
): SearchIndex {
  if (head.format !== SEARCH_FORMAT)
    throw new Error(
      `search index: format ${String(head.format)}, this reader needs ${SEARCH_FORMAT}: rebuild the index`,
    );
  const count = head.count;
  if (head.qs.length !== count || head.titleLengths.length !== count || !(head.titleLengthMax >= 0))
    throw new Error('search index: Q-numbers or title lengths do not match count');

  // Typed arrays straight from the parsed lists; only the running sums are a loop.
  const qnums = Uint32Array.from(head.qs);
  for (let i = 1; i < count; i++) qnums[i] = qnums[i]! + qnums[i - 1]!;

  const df = Uint32Array.from(head.df);
  const n = df.length;
  const terms = new Vocabulary(head.terms, n);

  // Why a norm: among articles matching the same words in the title, the shorter title is more
  // likely to be about exactly that (BM25's length normalisation, reduced to titles). It depends
  // on the length alone: a table by length, not a pass over every article while the popup waits.
  const titleLength = new Uint32Array(head.titleLengths);
  const normByLength = titleNorms(count, head.titleLengthSum, head.titleLengthMax);

  const bounds = head.termParts;
  if (bounds[0] !== 0 || bounds.some((b, i) => i > 0 && !(b > bounds[i - 1]! && b < n)))
    throw new Error('search index: terms parts do not match the vocabulary');
  const index = assembleIndex(
    {
      count,
      qnums,
      terms,
      df,
      titleLength,
      normByLength,
      wordyTitles: Array.isArray(head.wordyTitles) ? new Set(head.wordyTitles) : null,
      thesaurus: buildThesaurus(head.aliases),
      variants: variantMap(Array.isArray(head.variants) ? head.variants : []),
      products: Array.isArray(head.products) ? head.products : [],
    },
    Uint32Array.from([...bounds, n]),
    head.titlesPerPart,
    reader,
  );
  loaded.terms?.forEach((p, i) => addTermsPart(index, i, p));
  loaded.titles?.forEach((t, i) => addTitlesPart(index, i, t));
  return index;
}

/** The title norm by title length, for `count` titles of these summed and largest lengths. */
export function titleNorms(count: number, lengthSum: number, lengthMax: number): Float32Array {
  const avg = count > 0 ? lengthSum / count || 1 : 1;
  const normByLength = new Float32Array(lengthMax + 1);
  for (let len = 0; len < normByLength.length; len++) normByLength[len] = 1 / (0.7 + 0.3 * (len / avg));
  return normByLength;
}

/** What opening a head computes from it: the part of a SearchIndex that head-image.ts keeps. */
export type OpenedHead = Pick<
  SearchIndex,
  | 'count'
  | 'qnums'
  | 'terms'
  | 'df'
  | 'titleLength'
  | 'normByLength'
  | 'wordyTitles'
  | 'thesaurus'
  | 'variants'
  | 'products'
>;

/**
 * An index with no part read yet, around an opened head. `termBounds`: the first term id of each
 * terms part, then the vocabulary's size.
 */
export function assembleIndex(
  head: OpenedHead,
  termBounds: Uint32Array,
  titlesPerPart: number,
  reader: SearchPartReader | null,
): SearchIndex {
  if (!(titlesPerPart >= 1)) throw new Error('search index: no titles per part');
  const partCount = termBounds.length - 1;
  const parts: SearchParts = {
    termBounds,
    postings: new Array<string | undefined>(partCount),
    masks: new Array<string | undefined>(partCount),
    postingStarts: new Array<Uint32Array | undefined>(partCount),
    maskStarts: new Array<Uint32Array | undefined>(partCount),
    titlesPerPart,
    titles: new Array<readonly string[] | undefined>(Math.ceil(head.count / titlesPerPart)),
    reader,
    wantedTerms: new Set(),
    wantedTitles: new Set(),
    misses: 0,
    reading: new Map(),
  };
  return { ...head, parts, decoded: new Array<TermPostings | undefined>(head.terms.length), phrases: new Map() };
}

/** Start offsets from per-term spans, with the end as an extra entry; null when they do not add up to `total`. */
function offsets(spans: unknown, terms: number, total: number): Uint32Array | null {
  if (!Array.isArray(spans) || spans.length !== terms) return null;
  const out = new Uint32Array(terms + 1);
  let at = 0;
  for (let i = 0; i < terms; i++) {
    out[i] = at;
    at += spans[i] as number;
  }
  out[terms] = at;
  return at === total ? out : null;
}

/** Keeps a terms part that was read, after checking it is the one the head describes. */
export function addTermsPart(index: SearchIndex, part: number, data: SearchTermsPartData, file = `part ${part}`): void {
  const { parts } = index;
  if (part < 0 || part >= parts.postings.length) throw new Error(`search index: no terms part ${part}`);
  const terms = parts.termBounds[part + 1]! - parts.termBounds[part]!;
  const ok = typeof data?.postings === 'string' && typeof data.masks === 'string';
  const postingStarts = ok ? offsets(data.spans, terms, data.postings.length) : null;
  const maskStarts = ok ? offsets(data.maskSpans, terms, data.masks.length) : null;
  if (!postingStarts || !maskStarts)
    throw new Error(`search index: ${file} does not hold the terms the head says (index files from different builds?)`);
  parts.postingStarts[part] = postingStarts;
  parts.maskStarts[part] = maskStarts;
  parts.postings[part] = data.postings;
  parts.masks[part] = data.masks;
}

/** Keeps a titles part that was read, after checking its length. */
export function addTitlesPart(
  index: SearchIndex,
  part: number,
  titles: readonly string[],
  file = `part ${part}`,
): void {
  const { parts, count } = index;
  if (part < 0 || part >= parts.titles.length) throw new Error(`search index: no titles part ${part}`);
  const first = part * parts.titlesPerPart;
  if (!Array.isArray(titles) || titles.length !== Math.min(parts.titlesPerPart, count - first))
    throw new Error(`search index: ${file} does not have the titles the head counts`);
  parts.titles[part] = titles;
}

/** Terms part holding term `id` (binary search over the parts' first ids). */
function termsPartOf(parts: SearchParts, id: number): number {
  const b = parts.termBounds;
  let lo = 0;
  let hi = b.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (b[mid]! <= id) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The postings of vocabulary term `id`, decoding them the first time. When its part is not read
 * yet: no postings, and the part is noted as wanted (the pass's answer is then thrown away).
 */
export function termPostings(index: SearchIndex, id: number): TermPostings {
  const cached = index.decoded[id];
  if (cached) return cached;
  const parts = index.parts;
  const part = termsPartOf(parts, id);
  const postings = parts.postings[part];
  const masksText = parts.masks[part];
  if (postings === undefined || masksText === undefined) {
    parts.wantedTerms.add(part);
    parts.misses++;
    return { docs: new Uint32Array(0), masks: new Uint8Array(0) };
  }
  const local = id - parts.termBounds[part]!;
  const n = index.df[id]!;
  const docs = new Uint32Array(n);
  const masks = new Uint8Array(n);
  decodeRiceGaps(postings, parts.postingStarts[part]![local]!, n, riceParameter(index.count, n), docs);
  if (n > 0 && docs[n - 1]! >= index.count) throw new Error('search index: posting past the last article');

  const mr = new VarintReader(masksText, parts.maskStarts[part]![local]!);
  const uniform = mr.next();
  if (uniform > 0) masks.fill(uniform);
  else for (let i = 0; i < n; i++) masks[i] = mr.next();
  const out = { docs, masks };
  index.decoded[id] = out;
  return out;
}

/** Whether `doc`'s title is in memory (titleOf would not have to ask for its part). */
export function hasTitle(index: SearchIndex, doc: number): boolean {
  const parts = index.parts;
  return parts.titles[Math.floor(doc / parts.titlesPerPart)] !== undefined;
}

/** The display title of `doc` if it is in memory, without asking for its part. */
export function peekTitle(index: SearchIndex, doc: number): string | undefined {
  const parts = index.parts;
  const part = Math.floor(doc / parts.titlesPerPart);
  return parts.titles[part]?.[doc - part * parts.titlesPerPart];
}

/**
 * The display title of `doc`, or undefined when its titles part is not read yet (it is then noted
 * as wanted, as termPostings does).
 */
export function titleOf(index: SearchIndex, doc: number): string | undefined {
  const parts = index.parts;
  const part = Math.floor(doc / parts.titlesPerPart);
  const titles = parts.titles[part];
  if (titles === undefined) {
    parts.wantedTitles.add(part);
    parts.misses++;
    return undefined;
  }
  return titles[doc - part * parts.titlesPerPart];
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

/** The fields (FIELD bits) `doc` has the term in, from the term's postings; 0 when it has not. */
export function fieldsOf(p: TermPostings, doc: number): number {
  const i = firstNotBelow(p.docs.length, (k) => p.docs[k]! < doc);
  return p.docs[i] === doc ? p.masks[i]! : 0;
}

/** First doc whose Q-number digits are >= num (qnums ascend). */
export function firstDocAtLeast(index: SearchIndex, num: number): number {
  return firstNotBelow(index.qnums.length, (i) => index.qnums[i]! < num);
}

/** First vocabulary index whose term is >= s. */
export function lowerBound(terms: Vocabulary, s: string): number {
  return firstNotBelow(terms.length, (i) => terms.at(i) < s);
}

/**
 * The terms part where `s` is or would be in the vocabulary: the part a search reads for it, so a
 * term of that part costs the search no other read.
 */
export function termsPartAt(index: SearchIndex, s: string): number {
  return termsPartOf(index.parts, Math.min(lowerBound(index.terms, s), Math.max(0, index.terms.length - 1)));
}

/** Vocabulary index of exactly `s`, or -1. */
export function termId(index: SearchIndex, s: string): number {
  const i = lowerBound(index.terms, s);
  return i < index.terms.length && index.terms.at(i) === s ? i : -1;
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
  const misses = index.parts.misses;
  let acc: TermPostings | null = null;
  for (const t of terms) {
    const id = termId(index, t);
    if (id < 0) {
      acc = null;
      break;
    }
    const p = termPostings(index, id);
    acc = acc === null ? p : intersect(acc, p);
    // With a part missing, the other terms are still asked for: one read brings them all.
    if (acc.docs.length === 0 && index.parts.misses === misses) break;
  }
  // An intersection with a part missing is not the phrase's: kept only when nothing was.
  if (index.parts.misses !== misses) return acc;
  if (index.phrases.size >= PHRASE_CACHE) index.phrases.clear();
  index.phrases.set(key, acc);
  return acc;
}

/** The articles both have, each with the fields of its mask in each: both, else the first's. */
function intersect(a: TermPostings, b: TermPostings): TermPostings {
  return intersectPostings(a, b, (ma, mb) => ma & mb || ma);
}

/**
 * The articles in both postings lists, each with the mask `combine` makes of its two masks; an
 * article for which it makes null is left out.
 */
export function intersectPostings(
  a: TermPostings,
  b: TermPostings,
  combine: (maskA: number, maskB: number) => number | null,
): TermPostings {
  const docs: number[] = [];
  const masks: number[] = [];
  for (let i = 0, j = 0; i < a.docs.length && j < b.docs.length;) {
    const x = a.docs[i]!;
    const y = b.docs[j]!;
    if (x < y) i++;
    else if (y < x) j++;
    else {
      const m = combine(a.masks[i]!, b.masks[j]!);
      if (m !== null) {
        docs.push(x);
        masks.push(m);
      }
      i++;
      j++;
    }
  }
  return { docs: Uint32Array.from(docs), masks: Uint8Array.from(masks) };
}
