import { isWhole, readEveryPartGently, searchReading, type SearchIndex } from '../core/search';
import type { SearchHit } from '../messaging/protocol';
import { bundledIndex } from './bundled-index';
import { customArticles } from './custom-index';

/**
 * Search over the bundled archive and the team's own articles; the team's win on equal numbers.
 * The archive's search index is opened from its head, and a search reads the parts it touches
 * (searchReading): the first answer after the worker starts waits for a few files, not all.
 */
export async function searchAll(query: string, limit = 20): Promise<SearchHit[]> {
  searching++;
  try {
    const [archive, custom] = await Promise.all([bundledIndex.searchHead(), customArticles()]);
    const indexes = custom ? [custom.search, archive] : [archive];
    const results = await searchReading(indexes, query, { limit });
    readTheRest(archive);
    return results.map(({ q, title, score, why }) => ({
      q,
      title,
      score,
      ...(why ? { why } : {}),
    }));
  } finally {
    if (--searching === 0) for (const go of waiting.splice(0)) go();
  }
}

/** Searches being answered, and background reads waiting for them to end. */
let searching = 0;
const waiting: (() => void)[] = [];
const searchesDone = (): Promise<void> =>
  searching === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));

/**
 * A moment after an answer, the rest of the index is read in the background, a couple of files
 * at a time and none while a search is being answered: the next keystrokes then find their parts
 * in memory, and a search waits behind no more than two files. Not sooner: the popup is still
 * painting the answer, and a worker reading megabytes as it starts slows the popup's own start.
 * Once per index (a failed read is tried again after the next answer).
 */
const REST_AFTER_MS = 300;
const REST_AT_ONCE = 2;
let restTimer: ReturnType<typeof setTimeout> | undefined;
const readingRest = new WeakSet<SearchIndex>();
function readTheRest(index: SearchIndex): void {
  if (readingRest.has(index) || isWhole(index)) return;
  clearTimeout(restTimer);
  restTimer = setTimeout(() => {
    if (readingRest.has(index)) return;
    readingRest.add(index);
    readEveryPartGently(index, REST_AT_ONCE, searchesDone).catch(() => readingRest.delete(index));
  }, REST_AFTER_MS);
}

/**
 * Starts reading and decoding the search index's head without waiting for it: a popup or side
 * panel is open, and the agent's first query should not pay for it on top of the worker's start.
 * Reading it once per worker life is what the first search would do anyway.
 */
export function prepareSearch(): void {
  bundledIndex.searchHead().catch(() => undefined);
}
