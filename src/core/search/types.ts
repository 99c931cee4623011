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

import type { Thesaurus } from './thesaurus';

export type FieldName = keyof typeof FIELD;

export const SEARCH_FORMAT = 'kblens-search/2';

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
  /** Per term: how many characters its doc gaps take in `postings`. */
  spans: string;
  /** Per term, doc gaps (doc - previous doc - 1) Rice-coded in a bit string, padded to a character. */
  postings: string;
}

/** One term's postings, decoded on first use. */
export interface TermPostings {
  docs: Uint32Array;
  masks: Uint8Array;
}

/** A loaded index. Treat as opaque outside src/core/search. */
export interface SearchIndex {
  readonly count: number;
  /** Q-number digits by doc, ascending. */
  readonly qnums: Uint32Array;
  readonly titles: readonly string[];
  /** Sorted vocabulary. */
  readonly terms: readonly string[];
  /** Articles per term. */
  readonly df: Uint32Array;
  /** Offset of each term's masks in `masksText`. */
  readonly maskStarts: Uint32Array;
  readonly masksText: string;
  /** Offset of each term's gaps in `postingsText`; one extra entry marks the end. */
  readonly starts: Uint32Array;
  readonly postingsText: string;
  /** Decoded postings, filled lazily. */
  readonly decoded: (TermPostings | undefined)[];
  /** Title length factor: short titles that match count a little more. */
  readonly titleNorm: Float32Array;
  /** Acronyms, title tags, synonyms and shorthand (thesaurus.ts). */
  readonly thesaurus: Thesaurus;
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
