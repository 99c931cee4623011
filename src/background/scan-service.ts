import { articleOrder, candidateArticles, orderedArticles, rankArticles, worthShowing } from '../core/match';
import { findAll, matchesFor, needsSearchIndex, withSituationOf, type Found } from '../core/find-all';
import { tagBounceMatches, type TaggedMatch } from '../core/bounce';
import { reportedWords } from '../core/match/reported';
import {
  articleVocabulary,
  MAX_CONTEXT_WORDS,
  mergeContextWords,
  stem,
  ticketNumbers,
  ticketWords,
} from '../core/match/context';
import { findTicketVersions, withBuildReleases } from '../core/version';
import { laterThanArchive } from '../core/match/ticket-era';
import { readingFor } from '../core/search';
import type { ArticleRecord } from '../core/article/types';
import type { FoundMatch } from '../messaging/protocol';
import { bundledIndex } from './bundled-index';
import { customArticles } from './custom-index';
import { recordsFor } from './records';
import { addToTab, tabContext } from './tab-state';

/** Hard cap on one message's text: the content script sends pages in blocks far below it. */
const MAX_BLOCK = 2_000_000;
/** Articles whose words a tab keeps first: the page's candidates, as many as the summary lists. */
const MAX_CANDIDATES = 50;

/**
 * Scans one block of a page: matches against the bundled and the team's articles, each match's
 * articles ordered by how well they explain the page so far (this block's matches, the context
 * words of every block scanned), and the tab's summary updated.
 */
export async function scanBlock(
  text: string,
  tab: { id: number; url: string } | null,
  reset: boolean,
): Promise<FoundMatch[]> {
  const block = text.length > MAX_BLOCK ? text.slice(0, MAX_BLOCK) : text;
  let found = await findMatches(block);
  // Only a block with an archive-era Exchange bounce reads the search index (bounce/situation.ts),
  // and of it the parts its words touch.
  if (needsSearchIndex(found)) {
    const head = await bundledIndex.searchHead();
    const before = found;
    found = await readingFor(head, () => withSituationOf(before, block, head));
  }
  const { bounces } = found;
  const records = await recordsFor(candidateArticles(found.matches));
  const matches = matchesFor(found, records);
  const ticket = withBuildReleases(findTicketVersions(block), matches, block);
  const words = ticketWords(block, matches);
  const earlier = tab && !reset ? await tabContext(tab.id, tab.url) : { words: [], articles: [] };
  const contextWords = earlier.words.length ? mergeContextWords(earlier.words, words, new Set(), Infinity) : words;
  // One ranking, kept only for its order: each match's articles best first (explain()'s order,
  // without the per-match explanations the page never shows).
  const { ranked, evidence } = rankArticles(matches, records, ticket, { contextWords });
  const pos = articleOrder(ranked, evidence);
  const listed = new Set(ranked.map((a) => a.q));
  const later = laterThanArchive(ticket);
  const shown = matches.filter((m) => worthShowing(m, listed, later));
  const ordered: TaggedMatch[] = tagBounceMatches(
    block,
    shown.map((m) => ({ ...m, articles: orderedArticles(m, pos) })),
    bounces,
  );
  if (tab) {
    // The words the page's candidate articles have are the ones kept first once the bound is
    // reached; below it every word is kept and there is nothing to choose.
    let relevant = new Set<string>();
    if (earlier.words.length + words.size > MAX_CONTEXT_WORDS) {
      const candidates = await recordsFor([...records.keys(), ...earlier.articles].slice(0, MAX_CANDIDATES));
      relevant = relevantWords(candidates.values(), contextWords);
    }
    // The tab keeps the block's case numbers beside its words, for the described search (the ranking reads no number).
    const kept = new Set([...words, ...ticketNumbers(block, matches)]);
    await addToTab(tab.id, tab.url, ordered, ticket, reset, kept, relevant, reportedWords(block));
  }
  return ordered.map(toFound);
}

/**
 * The probe's question: does this block hold anything the lens would highlight? The same matching
 * as scanBlock, no ranking and nothing stored (the lens scans the page again from the start once
 * it is loaded); a new page still forgets the tab's earlier matches, as a scan with `reset` does.
 */
export async function probeBlock(
  text: string,
  tab: { id: number; url: string } | null,
  reset: boolean,
): Promise<boolean> {
  const block = text.length > MAX_BLOCK ? text.slice(0, MAX_BLOCK) : text;
  const { matches } = await findMatches(block);
  if (tab && reset) await addToTab(tab.id, tab.url, [], { products: [], files: [] }, true);
  return matches.length > 0;
}

/** Everything the matchers find in a block: the bundled and the team's articles, builds, bounces. */
async function findMatches(block: string): Promise<Found> {
  const [detector, custom, releases] = await Promise.all([
    bundledIndex.detector(),
    customArticles(),
    bundledIndex.releases(),
  ]);
  return findAll(block, { detector, releases, ...(custom ? { custom: custom.detector } : {}) });
}

/** Of `words`, those some candidate article has: the ones worth keeping when a tab's words reach their bound. */
function relevantWords(records: Iterable<ArticleRecord>, words: Iterable<string>): Set<string> {
  const vocab = new Set<string>();
  for (const r of records) for (const w of articleVocabulary(r).keys()) vocab.add(w);
  return new Set([...words].filter((w) => vocab.has(stem(w))));
}

function toFound(m: TaggedMatch): FoundMatch {
  return {
    kind: m.kind,
    start: m.start,
    end: m.end,
    text: m.text,
    value: m.value,
    ...(m.class ? { class: m.class } : {}),
    articles: m.articles,
    ...(m.build ? { build: m.build } : {}),
    ...(m.reason ? { reason: m.reason } : {}),
    ...(m.recipient ? { recipient: m.recipient } : {}),
    ...(m.delayed ? { delayed: m.delayed } : {}),
    ...(m.situation ? { situation: m.situation } : {}),
  };
}
