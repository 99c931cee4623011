import type { ArticleRecord } from '../core/article/types';
import type { Detector } from '../core/match';
import { buildSearchIndex, loadSearchIndex, type SearchIndex } from '../core/search';
import { indexedDbStore } from '../storage/custom-articles';

/** The team's own articles, indexed in memory the same way as the bundled ones. */
export interface CustomIndex {
  records: Map<string, ArticleRecord>;
  detector: Detector;
  search: SearchIndex;
}

let cached: Promise<CustomIndex | null> | null = null;

/** Null when the team imported none. Built at most once per worker life and per import. */
export function customArticles(): Promise<CustomIndex | null> {
  return (cached ??= load().catch(() => null));
}

async function load(): Promise<CustomIndex | null> {
  const list = await indexedDbStore().list();
  if (list.length === 0) return null;
  const records = list.map((a) => a.record);
  // The matcher's tables are built as its modules are evaluated: only for a team that has articles.
  const { buildDetector, loadDetector } = await import('../core/match');
  return {
    records: new Map(records.map((r) => [r.q, r])),
    detector: loadDetector(buildDetector(records)),
    search: loadSearchIndex(buildSearchIndex(records)),
  };
}

/** The options page bumps a revision in storage.local after every import or removal: build again. */
export function forgetCustomArticles(): void {
  cached = null;
}
