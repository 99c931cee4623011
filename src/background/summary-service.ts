import { rankArticles } from '../core/match';
import type { TaggedMatch } from '../core/bounce';
import { verdictFor } from '../core/version';
import type { ArticleView, TabSummary } from '../messaging/protocol';
import { recordsFor } from './records';
import { readTab } from './tab-state';

/** Everything matched on a tab, grouped by article, best first: the popup's page summary. */
export async function tabSummary(tabId: number): Promise<TabSummary | null> {
  const tab = await readTab(tabId);
  if (!tab) return null;
  const records = await recordsFor(tab.matches.flatMap((m) => m.articles));
  const { ranked } = rankArticles(tab.matches, records, tab.ticket, { limit: 50 });
  const brief = (m: TaggedMatch) => ({
    kind: m.kind, text: m.text, value: m.value, ...(m.class ? { class: m.class } : {}),
    ...(m.reason ? { reason: m.reason } : {}), ...(m.recipient ? { recipient: m.recipient } : {}),
  });
  const explained = new Set<TaggedMatch>();
  const articles: TabSummary['articles'] = [];
  for (const a of ranked) {
    const record = records.get(a.q);
    if (!record) continue;
    const own = tab.matches.filter((m) => (m.source === 'cited' ? m.value === a.q : m.articles.includes(a.q)));
    own.forEach((m) => explained.add(m));
    articles.push({
      record,
      score: a.score,
      why: a.why,
      ...(a.verdict ? { verdict: a.verdict, verdictReason: a.verdictReason } : {}),
      matches: dedupe(own.map(brief)),
    });
  }
  return {
    url: tab.url,
    articles,
    unexplained: dedupe(tab.matches.filter((m) => !explained.has(m)).map(brief)),
    matchCount: tab.matches.length,
  };
}

/** Records and verdicts for articles, judged against what the tab's page says about versions. */
export async function articleViews(qs: string[], tabId: number | undefined): Promise<ArticleView[]> {
  const records = await recordsFor(qs.slice(0, 50));
  const tab = tabId === undefined ? null : await readTab(tabId);
  return qs.flatMap((q) => {
    const record = records.get(q);
    if (!record) return [];
    if (!tab) return [{ record }];
    const v = verdictFor(record, tab.ticket);
    return [{ record, verdict: v.verdict, verdictReason: v.reason }];
  });
}

function dedupe<T extends { kind: string; value: string; text: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.kind}|${i.value}|${i.text}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
