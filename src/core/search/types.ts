/**
 * Shapes of the search index: the JSON the builder writes (SearchIndexData), the loaded form the
 * query code reads (SearchIndex) and what a search returns (SearchResult).
 */

/** Which record fields a term was found in, one bit each, so a posting stores one small mask. */
export const FIELD = {
  title: 1,
  errors: 2,
  files: 4,
  /** products, versions, operating systems and fixing releases */
  products: 8,
  keywords: 16,
  /** the article's distinctive terms (ArticleRecord.terms): what its problem sections are about */
  terms: 32,
  /**
   * The word as the error text writes it, where its stem differs ("communications"): lets a query
   * tell the article quoting the message from one with only the stems in it.
   */
  errorWord: 64,
  /**
   * More of the article's words, for search only (index/topic-terms.ts searchWords): what its
   * problem sections say often, beyond its distinctive terms.
   */
  words: 128,
} as const;

import type { AliasTerms, Thesaurus } from './thesaurus';
import type { Vocabulary } from './vocabulary';

export type FieldName = keyof typeof FIELD;

export const SEARCH_FORMAT = 'kblens-search/3';

/**
 * The serialised index. Articles are numbered 0..count-1 in ascending Q-number order; that
 * number ("doc") is what postings refer to. Every string below uses the varint alphabet of
 * codec.ts, so the whole thing is a handful of long JSON strings plus the titles.
 */
export interface SearchIndexData {
  format: typeof SEARCH_FORMAT;
  count: number;
  /** Q-numbers (digits only) as ascending gaps: 10022, 3, 1, ... */
  qs: string;
  /** Display titles, by doc. */
  titles: string[];
  /**
   * Sorted vocabulary, front-coded: per term, a varint of how many leading characters it shares
   * with the previous term, then the rest of the term, then "\n".
   */
  terms: string;
  /** Per term, in vocabulary order: how many articles contain it. */
  df: string;
  /**
   * Per term, the field masks of its postings as varints: the mask when every posting has the
   * same one, else 0 and then one mask per posting.
   */
  masks: string;
  /** Per term: how many characters its masks take in `masks` (so loading need not read them). */
  maskSpans: string;
  /**
   * "short\tlong form" lines mined from the archive at build time (aliases.ts): acronyms it
   * spells out and what its title tags stand for.
   */
  aliases: string[];
  /**
   * "word\tvariant variant" lines mined from the archive at build time (variants.ts): words of one
   * family the articles use together ("admin" and "administr"). Absent in an older index.
   */
  variants?: string[];
  /**
   * "Name\tcount" lines: the products the articles are about, as a ticket names them, with how many
   * articles each (version/archive-products.ts). Absent in an older index.
   */
  products?: string[];
  /** Per term: how many characters its doc gaps take in `postings`. */
  spans: string;
  /** Per term, doc gaps (doc - previous doc - 1) Rice-coded in a bit string, padded to a character. */
  postings: string;
}

/**
 * The index as it is stored: a head with everything a query needs before it knows which terms it
 * touches (vocabulary, counts, Q-numbers, title lengths), and parts read when a query first
 * touches them: the postings and masks of a range of terms, and the titles of a range of docs. A
 * popup's first search then waits for the head and a few parts, not for every byte.
 *
 * The head is decoded by the worker as it starts, while the popup waits: its lists are JSON arrays
 * and its vocabulary one string, which JSON.parse and split turn into values natively; varints
 * decoded a number at a time by not-yet-compiled code cost several times as much.
 */
export interface SearchHeadData {
  format: typeof SEARCH_FORMAT;
  count: number;
  /** Q-numbers (digits only) as ascending gaps, by doc. */
  qs: number[];
  /** Sorted vocabulary, the terms separated by one space (no term has one). */
  terms: string;
  /** Per term: how many articles contain it. */
  df: number[];
  /** The alias lines (SearchIndexData.aliases), stemmed as the thesaurus uses them. */
  aliases: AliasTerms;
  /** SearchIndexData.variants; absent in an older head. */
  variants?: string[];
  /** SearchIndexData.products; absent in an older head. */
  products?: string[];
  /** Per doc, its title's length (UTF-16 units): the title norm without the titles. */
  titleLengths: number[];
  /** Sum and largest of titleLengths (the norm's average and table size, without a pass over them). */
  titleLengthSum: number;
  titleLengthMax: number;
  /**
   * Docs whose title is longer than its phrase form by more than PHRASE_SLACK (tokenize.ts
   * isWordyTitle), ascending. Absent in an older head: any title may then read as any phrase.
   */
  wordyTitles?: number[];
  /** First term id of each terms part, ascending, from 0: part n holds terms [termParts[n], termParts[n+1]). */
  termParts: number[];
  /** Titles per titles part: part n holds the titles of docs [n * titlesPerPart, (n + 1) * titlesPerPart). */
  titlesPerPart: number;
}

/** The postings and masks of one terms part: the slices of SearchIndexData's strings for its terms. */
export interface SearchTermsPartData {
  /** Per term of the part: how many characters its doc gaps take in `postings`. */
  spans: number[];
  /** Per term of the part: how many characters its masks take in `masks`. */
  maskSpans: number[];
  postings: string;
  masks: string;
}

/** Where the parts of a stored index come from (the index files, in the extension and the CLI). */
export interface SearchPartReader {
  terms(part: number): Promise<SearchTermsPartData>;
  titles(part: number): Promise<readonly string[]>;
  /** The file a part is read from, for error messages. */
  fileOf(kind: 'terms' | 'titles', part: number): string;
}

/** One term's postings, decoded on first use. */
export interface TermPostings {
  docs: Uint32Array;
  masks: Uint8Array;
}

/**
 * Which parts of an index are in memory, and which ones the current search pass asked for and
 * did not have (search-parts.ts fetches those and searches again).
 */
export interface SearchParts {
  /** First term id of each terms part, and the vocabulary size at the end. */
  readonly termBounds: Uint32Array;
  /** Per terms part: its postings and masks, once read. */
  readonly postings: (string | undefined)[];
  readonly masks: (string | undefined)[];
  /** Per terms part, once read: where each of its terms' gaps and masks start; one extra entry marks the end. */
  readonly postingStarts: (Uint32Array | undefined)[];
  readonly maskStarts: (Uint32Array | undefined)[];
  readonly titlesPerPart: number;
  /** Per titles part: its titles, once read. */
  readonly titles: (readonly string[] | undefined)[];
  /** Reads the parts not yet in memory; null when every part came with the index. */
  readonly reader: SearchPartReader | null;
  /** Parts asked for and missing since the last `startPass` (search-parts.ts). */
  readonly wantedTerms: Set<number>;
  readonly wantedTitles: Set<number>;
  /**
   * How many times a missing part was asked for, ever: a cache compares it before and after
   * computing a value and keeps the value only when it did not move (nothing was missing).
   */
  misses: number;
  /** Reads in flight, by part ("t3", "n12"), shared by concurrent searches. */
  readonly reading: Map<string, Promise<void>>;
}

/** A loaded index. Treat as opaque outside src/core/search. */
export interface SearchIndex {
  readonly count: number;
  /** Q-number digits by doc, ascending. */
  readonly qnums: Uint32Array;
  /** Sorted vocabulary. */
  readonly terms: Vocabulary;
  /** Articles per term. */
  readonly df: Uint32Array;
  /** Postings, masks and titles, in parts that may be read on demand (titleOf, termPostings). */
  readonly parts: SearchParts;
  /** Decoded postings, filled lazily. */
  readonly decoded: (TermPostings | undefined)[];
  /** Title length by doc, and the title length factor by length: short titles that match count a little more. */
  readonly titleLength: Uint32Array;
  readonly normByLength: Float32Array;
  /** SearchHeadData.wordyTitles; null when the head does not say (every title may be one). */
  readonly wordyTitles: ReadonlySet<number> | null;
  /** Acronyms, title tags, synonyms and shorthand (thesaurus.ts). */
  readonly thesaurus: Thesaurus;
  /** Word variants (variants.ts): index term -> the terms of its family the archive uses with it. */
  readonly variants: ReadonlyMap<string, readonly string[]>;
  /** The archive's product names and article counts (SearchIndexData.products); empty for an older index. */
  readonly products: readonly string[];
  /** Postings of several-word phrases (articles with all of their terms), computed on first use. */
  readonly phrases: Map<string, TermPostings | null>;
}

export interface SearchOptions {
  /** Most results to return (default 20). */
  limit?: number;
}

export interface SearchResult {
  q: string;
  title: string;
  /** Higher is better; only comparable within one search. */
  score: number;
  /** Short reason for the popup: "Q-number", "title phrase", "error text", "title, file (typo)". */
  why?: string;
  /** Position of the index it came from, when several were searched together. */
  source?: number;
}
