/**
 * A query typed before the worker has answered, searched in the view itself. Chrome stops an
 * idle worker; a popup opened from the toolbar starts it with its first message, and a started
 * worker answers ~70 ms after that before its search has even begun. The view reads the same
 * index files (read-only: the worker owns the mirror) with the same core, so the answer is the
 * one the worker would give. The worker answers every query once it is up (hooks.ts, useSearch).
 */
import { IndexReader } from '../core/index/index-reader';
import { openSearchHead } from '../core/index/search-head';
import { searchReading, type SearchIndex } from '../core/search';
import { searchHit, type SearchHit } from '../messaging/protocol';
import { indexedDbStore } from '../storage/custom-articles';
import { packagedIndexFiles } from '../storage/packaged-index';

let head: Promise<SearchIndex> | undefined;

/**
 * The results, or null where only the worker can answer: a team with articles of its own (the
 * worker holds their index; building it here would cost more than waiting for the worker).
 */
export async function searchHere(query: string, limit: number): Promise<SearchHit[] | null> {
  const opening = (head ??= openSearchHead(new IndexReader(packagedIndexFiles('read-only'))));
  opening.catch(() => (head = undefined));
  const [own, index] = await Promise.all([indexedDbStore().count(), opening]);
  if (own > 0) return null;
  return (await searchReading(index, query, { limit })).map(searchHit);
}
