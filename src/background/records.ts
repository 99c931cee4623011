import type { ArticleRecord } from '../core/article/types';
import { bundledIndex } from './bundled-index';
import { customArticles } from './custom-index';

/** Records by Q-number from the team's articles first, then the bundled index. */
export async function recordsFor(qs: Iterable<string>): Promise<Map<string, ArticleRecord>> {
  const wanted = [...new Set(qs)];
  const custom = await customArticles();
  const out = new Map<string, ArticleRecord>();
  const rest: string[] = [];
  for (const q of wanted) {
    const r = custom?.records.get(q);
    if (r) out.set(q, r);
    else rest.push(q);
  }
  for (const [q, r] of await bundledIndex.lookupMany(rest)) out.set(q, r);
  return out;
}
