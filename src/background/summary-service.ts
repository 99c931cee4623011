import { candidateArticles, rankArticles, type Match, type RankedArticle } from '../core/match';
import { describesProduct } from '../core/find-all';
import { describedProducts, findDescribed } from '../core/match/described';
import { readingFor } from '../core/search';
import type { Situation } from '../core/match/scan';
import type { TaggedMatch } from '../core/bounce';
import { verdictFor } from '../core/version';
import type { ArticleRecord } from '../core/article/types';
import type { ArticleView, MatchBrief, Response, TabSummary } from '../messaging/protocol';
import { MAX_ARTICLES_ASKED } from '../messaging/limits';
import { bundledIndex } from './bundled-index';
import { recordsFor } from './records';
import { customArticles } from './custom-index';
import { readTab, type TabMatches } from './tab-state';

/**
 * The last summary of a few tabs, with the state it was made from: the popup asks again on every
 * refresh (opening, switching tabs in the side panel), and a tab whose matches, words and the
 * team's articles have not changed since gets the same answer without fetching and ranking again.
 */
const MEMO_TABS = 8;
const memo = new Map<number, { state: string; custom: unknown; summary: Promise<TabSummary> }>();

/**
 * Everything matched on a tab, grouped by article, best first: the popup's page summary. A summary
 * still being made is shared too: the popup's first script asks for it as the page starts
 * (public/wake.js), and the page's own request joins that one. `stored` is the tab's state when the
 * caller has read it already.
 */
export async function tabSummary(tabId: number, stored?: TabMatches | null): Promise<TabSummary | null> {
  const [tab, custom] = await Promise.all([stored !== undefined ? stored : readTab(tabId), customArticles()]);
  if (!tab) {
    memo.delete(tabId);
    return null;
  }
  const state = JSON.stringify(tab);
  const kept = memo.get(tabId);
  if (kept && kept.state === state && kept.custom === custom) return kept.summary;
  const summary = summarize(tab);
  memo.delete(tabId);
  memo.set(tabId, { state, custom, summary });
  if (memo.size > MEMO_TABS) memo.delete(memo.keys().next().value!);
  // A failed summary is not kept: the next request tries again.
  summary.catch(() => memo.get(tabId)?.summary === summary && memo.delete(tabId));
  return summary;
}

async function summarize(tab: TabMatches): Promise<TabSummary> {
  // Verdicts place builds with the release table: load it (once) before judging. Read beside the
  // records, not before them: a worker started for this summary spends ~25 ms building the table,
  // while the records' files are still being read.
  let [records] = await Promise.all([recordsFor(candidateArticles(tab.matches)), bundledIndex.releases()]);
  let { ranked } = rankTab(tab, records);
  // Nothing the page quotes ranks an article: the one the ticket's words describe, if one is clear.
  // Read here, when the popup asks, never by the content script, and only for a page naming a
  // product; from the search parts its words touch, not the whole index.
  const words = tab.words ?? [];
  if (ranked.length === 0 && words.length && describesProduct(tab.ticket)) {
    const head = await bundledIndex.searchHead();
    // The page's text is not kept here: its own products, less the non-names a capitalised run offers.
    const products = describedProducts(head, '', tab.ticket.products);
    // The words a block reported a problem in: all but the tab's quiet ones (reported.ts).
    const quiet = new Set(tab.quiet ?? []);
    const reported = new Set(words.filter((w) => !quiet.has(w)));
    const described = await readingFor(head, () => findDescribed(head, words, products, reported));
    if (described) {
      records = new Map([...records, ...(await recordsFor([described.q]))]);
      ({ ranked } = rankTab(tab, records, described));
    }
  }
  const brief = (m: TaggedMatch): MatchBrief => ({
    kind: m.kind,
    text: m.text,
    value: m.value,
    ...(m.class ? { class: m.class } : {}),
    ...(m.reason ? { reason: m.reason } : {}),
    ...(m.recipient ? { recipient: m.recipient } : {}),
    ...(m.delayed ? { delayed: m.delayed } : {}),
  });
  const explained = new Set<TaggedMatch>();
  const articles: TabSummary['articles'] = [];
  for (const a of ranked) {
    const record = records.get(a.q);
    if (!record) continue;
    // A match is the article's evidence through its own articles, the situation it points to, or
    // a shorter message it took in (Match.inner), as the ranking counts it.
    const own = tab.matches.filter(
      (m) =>
        m.kind !== 'build' &&
        (m.source === 'cited'
          ? m.value === a.q
          : m.articles.includes(a.q) || m.about?.q === a.q || !!m.inner?.some((i) => i.articles.includes(a.q))),
    );
    own.forEach((m) => explained.add(m));
    articles.push({
      record,
      score: a.score,
      why: a.why,
      confidence: a.confidence,
      ...(a.source ? { source: a.source } : {}),
      ...(a.verdict ? { verdict: a.verdict, verdictReason: a.verdictReason } : {}),
      matches: dedupe(own.map(brief)),
    });
  }
  return {
    url: tab.url,
    articles,
    unexplained: dedupe(tab.matches.filter((m) => m.kind !== 'build' && !explained.has(m)).map(brief)),
    matchCount: tab.matches.length,
    versions: ticketVersionRows(tab.matches),
  };
}

/**
 * Records and verdicts for articles, judged against what the tab's page says about versions, and
 * each article's `rank` for the page as a whole (its matches and context words; the summary's
 * order), so the card orders a match's articles by the whole ticket rather than by the block it
 * was found in. An article the summary lists also has its `why` and `confidence` from there.
 */
export async function articleViews(qs: string[], tabId: number | undefined): Promise<ArticleView[]> {
  return (await articlesAnswer(qs, tabId)).articles;
}

/**
 * The answer to an `articles` request: articleViews, and with `related` also the first found
 * article's related articles (records and verdicts, at most that many, not ranked), so a card's
 * titles come with its articles in one answer and one ranking.
 */
export async function articlesAnswer(
  qs: string[],
  tabId: number | undefined,
  related?: number,
): Promise<Response<{ type: 'articles'; qs: string[] }>> {
  const asked = qs.slice(0, MAX_ARTICLES_ASKED);
  const tabRead = tabId === undefined ? Promise.resolve(null) : readTab(tabId);
  // With a tab, the records of all its candidates: the ranking is then the page summary's, and an
  // article listed there (a bounce's situation, which no match quotes) is listed here the same way.
  // The release table (for the verdicts) is built while they are read, as in summarize.
  const [tab, records] = await Promise.all([
    tabRead,
    tabRead.then((t) => recordsFor(t ? [...asked, ...candidateArticles(t.matches)] : asked)),
    bundledIndex.releases(),
  ]);
  const rank = new Map<string, number>();
  const listed = new Map<string, RankedArticle>();
  if (tab) {
    // The summary's order: the articles it lists, then every other candidate by its evidence.
    const { ranked, evidence } = rankTab(tab, records);
    for (const a of ranked) {
      rank.set(a.q, rank.size);
      listed.set(a.q, a);
    }
    for (const e of evidence) if (!rank.has(e.q)) rank.set(e.q, rank.size);
  }
  const view = (record: ArticleRecord, r?: number): ArticleView => {
    if (!tab) return { record };
    const v = verdictFor(record, tab.ticket);
    const l = listed.get(record.q);
    return {
      record,
      verdict: v.verdict,
      verdictReason: v.reason,
      ...(r !== undefined ? { rank: r } : {}),
      ...(l ? { why: l.why, confidence: l.confidence } : {}),
    };
  };
  const articles = qs.flatMap((q) => {
    const record = records.get(q);
    return record ? [view(record, rank.get(q))] : [];
  });
  if (related === undefined) return { articles };
  // The card's best: the asked article the index has that ranks first (the first asked without a
  // tab), whose related list the card shows.
  const byRank = asked.filter((q) => records.has(q));
  byRank.sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
  const best = byRank.length ? records.get(byRank[0]!) : undefined;
  const relatedQs = best ? best.related.slice(0, Math.max(0, Math.min(related, MAX_ARTICLES_ASKED))) : [];
  const relatedRecords = await recordsFor(relatedQs);
  return {
    articles,
    related: relatedQs.flatMap((q) => {
      const r = relatedRecords.get(q);
      return r ? [view(r)] : [];
    }),
  };
}

/** Articles the page summary lists at most. */
const SUMMARY_LIMIT = 50;

/**
 * The one ranking of a tab's articles, by the whole page (its matches from every block and the
 * context words kept for it): the popup's summary and the card's order and marks both come from it.
 */
function rankTab(tab: TabMatches, records: ReadonlyMap<string, ArticleRecord>, described?: Situation) {
  return rankArticles(tab.matches, records, tab.ticket, {
    limit: SUMMARY_LIMIT,
    contextWords: tab.words ?? [],
    ...(described ? { described } : {}),
  });
}

/** "Versions in this ticket": each build the page quotes (same text once), its release, what is newer. */
function ticketVersionRows(matches: readonly Match[]): NonNullable<TabSummary['versions']> {
  const seen = new Set<string>();
  const rows: NonNullable<TabSummary['versions']> = [];
  for (const m of matches) {
    if (m.kind !== 'build' || !m.build) continue;
    const key = m.text.replace(/\s+/g, ' ').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      text: m.text,
      release: m.value,
      product: m.build.product,
      build: m.build.build,
      newer: m.build.newer,
      articles: m.articles.slice(0, 10),
    });
  }
  return rows;
}

function dedupe<T extends { kind: string; value: string; text: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.kind}|${i.value}|${i.text}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
