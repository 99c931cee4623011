/**
 * A bounce written by Exchange 2007 or later (Exchange Online among them) words its reasons anew:
 * an archive article about Exchange 4.0-2003 that quotes the same short phrase ("Recipient not
 * found") describes another program's message, and the bounce's reason already explains it. NDR
 * matches inside such a bounce keep only articles about Exchange 2007 or later, or articles that
 * name no Exchange version. Other mail systems' bounces keep theirs: an article about the old
 * Internet Mail Service may well explain a Unix host's reply.
 */
import type { ArticleRecord } from '../article/types';
import type { Match } from '../match/scan';
import { compareVersions } from '../version/compare';
import { articleProducts } from '../version/verdict';
import type { Bounce, Generation } from './types';

const NEW_EXCHANGE: ReadonlySet<Generation> = new Set(['exchange-2007+', 'exchange-online']);
/** Exchange 2007's rank (products.ts). */
const EXCHANGE_2007 = '8.0';

function aboutOldExchangeOnly(record: ArticleRecord): boolean {
  const exchange = articleProducts(record).filter((p) => p.family === 'exchange');
  return exchange.length > 0 && exchange.every((p) => compareVersions(p.rank, EXCHANGE_2007) < 0);
}

export function withoutOtherEraArticles(
  matches: readonly Match[],
  bounces: readonly Bounce[],
  records: ReadonlyMap<string, ArticleRecord>,
): Match[] {
  const newer = bounces.filter((b) => NEW_EXCHANGE.has(b.generation));
  if (newer.length === 0) return [...matches];
  return matches.map((m) => {
    if (m.kind !== 'ndr' || m.source === 'cited' || !newer.some((b) => m.start >= b.start && m.end <= b.end)) return m;
    const articles = m.articles.filter((q) => {
      const r = records.get(q);
      return !r || !aboutOldExchangeOnly(r);
    });
    return articles.length === m.articles.length ? m : { ...m, articles };
  });
}
