/**
 * Search over every article: build the index at index-build time, load it in the popup or the
 * CLI, then search it on every keystroke.
 */
export { buildSearchIndex } from './build-index';
export { loadSearchIndex } from './load-index';
export { search, mergeResults, parseQuery } from './query';
export { tokenizeText, indexTerms } from './tokenize';
export type { SearchIndex, SearchIndexData, SearchOptions, SearchResult } from './types';
