import { search } from '../core/search';
import type { SearchHit } from '../messaging/protocol';
import { bundledIndex } from './bundled-index';
import { customArticles } from './custom-index';

/** Search over the bundled archive and the team's own articles; the team's win on equal numbers. */
export async function searchAll(query: string, limit = 20): Promise<SearchHit[]> {
  const [archive, custom] = await Promise.all([bundledIndex.searchIndex(), customArticles()]);
  const indexes = custom ? [custom.search, archive] : [archive];
  return search(indexes, query, { limit }).map(({ q, title, score, why }) => ({ q, title, score, ...(why ? { why } : {}) }));
}
