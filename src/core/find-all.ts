/**
 * Everything KB Lens finds in one ticket text, in the order every caller needs it: the
 * matcher's KB references, codes and messages (the team's articles merged in), builds, and each
 * bounce read as a whole. One sequence for the CLI, the service worker and the eval, so what is
 * measured is what ships.
 *
 *   let found = findAll(text, { detector, releases });
 *   if (needsSearchIndex(found)) found = withSituationOf(found, text, await searchIndex());
 *   const records = await lookup(candidateArticles(found.matches));
 *   const matches = matchesFor(found, records);  // then explain() or rankArticles()
 *   // nothing ranked: the article the ticket's words describe, if one is clear (match/described.ts)
 *   const described = describesProduct(ticket) ? findDescribed(await searchIndex(), words, ticket.products) : null;
 */
import type { ArticleRecord } from './article/types';
import type { KbIndex } from './index/kb-index';
import { candidateArticles, explain, type ExplainResult, type RankOptions } from './match';
import { ticketNumbers, ticketWords } from './match/context';
import { findDescribed } from './match/described';
import { findTicketVersions, withBuildReleases } from './version';
import { addBounceMatches, findBounces, withoutOtherEraArticles, type Bounce } from './bounce';
import { scanText, type Detector, type Match } from './match';
import { findSituation, hasArchiveBounce, withSituation } from './bounce/situation';
import { describedProducts, describedReported, productWords } from './match/described';
import type { TicketVersions } from './version/ticket-versions';
import type { SearchIndex } from './search/types';
import { withBuildMatches } from './version/build-matches';
import type { ReleaseTable } from './version/release-table';

export interface Sources {
  detector: Detector;
  releases: ReleaseTable;
  /** The team's own articles, matched first: on an equal span their articles come first. */
  custom?: Detector;
}

export interface Found {
  matches: Match[];
  bounces: Bounce[];
}

export function findAll(text: string, sources: Sources): Found {
  let matches = scanText(text, sources.detector);
  if (sources.custom) matches = mergeMatches(scanText(text, sources.custom), matches);
  matches = withBuildMatches(text, matches, sources.releases);
  // Every failed recipient of a bounce gets a match the matcher did not already give it, so each is highlighted with its own reason.
  const bounces = findBounces(text);
  return { matches: addBounceMatches(text, matches, bounces), bounces };
}

/**
 * Whether the ticket needs the search index: an Exchange 4.0-2003 bounce, whose situation the
 * ticket's description may name (bounce/situation.ts). Most tickets have none and pay nothing.
 */
export function needsSearchIndex(found: Found): boolean {
  return hasArchiveBounce(found.bounces);
}

/**
 * Whether a ticket nothing ranks an article for may have one its words describe: it names a
 * product (match/described.ts reads only that product's articles). Others never load the search index for it.
 */
export function describesProduct(ticket: TicketVersions): boolean {
  return productWords(ticket.products).size > 0;
}

/** The found matches with the situation of an archive-era bounce on its first match, when one is clear. */
export function withSituationOf(found: Found, text: string, search: SearchIndex): Found {
  const situation = findSituation(search, text, found.matches, found.bounces);
  return situation ? { ...found, matches: withSituation(found.matches, found.bounces, situation) } : found;
}

/** The matches to rank, once the candidate articles' records are known. */
export function matchesFor(found: Found, records: ReadonlyMap<string, ArticleRecord>): Match[] {
  return withoutOtherEraArticles(found.matches, found.bounces, records);
}

/** The same span found in both indexes is one match naming both articles, the first index's first. */
function mergeMatches(first: Match[], second: Match[]): Match[] {
  const byspan = new Map<string, Match>();
  for (const m of [...first, ...second]) {
    const key = `${m.start}:${m.end}:${m.kind}`;
    const seen = byspan.get(key);
    if (seen) seen.articles = [...new Set([...seen.articles, ...m.articles])];
    else byspan.set(key, { ...m, articles: [...m.articles] });
  }
  return [...byspan.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * One ticket text explained with the bundled index, the whole sequence above: what the CLI
 * prints and the eval scores. When nothing it quotes ranks an article, the article its words
 * describe is suggested (match/described.ts), if one is clear.
 */
export async function explainTicket(
  index: Pick<KbIndex, 'detector' | 'releases' | 'searchIndex' | 'lookupMany'>,
  text: string,
  opts: RankOptions = {},
): Promise<{ found: Found; result: ExplainResult; records: Map<string, ArticleRecord> }> {
  let found = findAll(text, { detector: await index.detector(), releases: await index.releases() });
  if (needsSearchIndex(found)) found = withSituationOf(found, text, await index.searchIndex());
  const records = await index.lookupMany(candidateArticles(found.matches));
  const matches = matchesFor(found, records);
  const ticket = withBuildReleases(findTicketVersions(text), matches, text);
  const result = explain(text, matches, records, { ...opts, ticket });
  if (result.articles.length > 0) return { found, result, records };
  // The archive's products the family table does not know are read from the search index's table.
  const search = await index.searchIndex();
  const products = describedProducts(search, text, ticket.products);
  if (productWords(products).size === 0) return { found, result, records };
  const words = [...ticketWords(text, matches), ...ticketNumbers(text, matches)];
  const described = findDescribed(search, words, products, ...describedReported(text, products));
  if (!described) return { found, result, records };
  for (const [q, r] of await index.lookupMany([described.q])) records.set(q, r);
  return { found, result: explain(text, matches, records, { ...opts, ticket, described }), records };
}
