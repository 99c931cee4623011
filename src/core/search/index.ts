/**
 * Search over every article: build the index at index-build time, load it in the popup or the
 * CLI, then search it on every keystroke.
 */
export { buildSearchIndex } from './build-index';
export { loadSearchIndex, openSearchIndex } from './load-index';
export { splitSearchIndex } from './split-index';
export { headImage, openHeadImage } from './head-image';
export { searchReading, readingFor, readEveryPart, readEveryPartGently, isWhole } from './search-parts';
export { search, mergeResults, parseQuery } from './query';
export { tokenizeText, indexTerms } from './tokenize';
export type {
  SearchHeadData,
  SearchIndex,
  SearchIndexData,
  SearchOptions,
  SearchPartReader,
  SearchResult,
  SearchTermsPartData,
} from './types';
