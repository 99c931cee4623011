import { explain, scanText, type Match } from '../core/match';
import { addBounceMatches, findBounces, tagBounceMatches, type TaggedMatch } from '../core/bounce';
import { findTicketVersions } from '../core/version';
import type { FoundMatch } from '../messaging/protocol';
import { bundledIndex } from './bundled-index';
import { customArticles } from './custom-index';
import { recordsFor } from './records';
import { addToTab } from './tab-state';

/** Hard cap on one message's text: the content script sends pages in blocks far below it. */
const MAX_BLOCK = 2_000_000;

/**
 * Scans one block of a page: matches against the bundled and the team's articles, each match's
 * articles ordered by how well they explain this block, and the tab's summary updated.
 */
export async function scanBlock(text: string, tab: { id: number; url: string } | null, reset: boolean): Promise<FoundMatch[]> {
  const block = text.length > MAX_BLOCK ? text.slice(0, MAX_BLOCK) : text;
  const [detector, custom] = await Promise.all([bundledIndex.detector(), customArticles()]);
  let matches = scanText(block, detector);
  if (custom) matches = mergeMatches(scanText(block, custom.detector), matches);
  // Each bounce read as a whole: its NDR matches learn their reason and recipient, and a bounce
  // the matcher found nothing in still gets one match, so it is highlighted and opens a card.
  const bounces = findBounces(block);
  matches = addBounceMatches(block, matches, bounces);
  const ticket = findTicketVersions(block);
  const records = await recordsFor(matches.flatMap((m) => m.articles));
  const explained = explain(block, matches, records, { ticket });
  // explain() keeps the matches' order; carry its per-match article order back onto them.
  const ordered: TaggedMatch[] = tagBounceMatches(block, matches.map((m, i) => ({ ...m, articles: explained.matches[i]!.articles })), bounces);
  if (tab) await addToTab(tab.id, tab.url, ordered, ticket, reset);
  return ordered.map(toFound);
}

function toFound(m: TaggedMatch): FoundMatch {
  return {
    kind: m.kind, start: m.start, end: m.end, text: m.text, value: m.value, ...(m.class ? { class: m.class } : {}), articles: m.articles,
    ...(m.reason ? { reason: m.reason } : {}), ...(m.recipient ? { recipient: m.recipient } : {}),
  };
}

/** The same span found in both indexes is one match naming both articles, the team's first. */
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
