/**
 * Search from the agent's words (issue 14): the labelled queries of
 * tests/fixtures/search/queries.json through KB Lens's search over the bundled index, and through
 * MiniSearch over the same articles with their text (title, quoted errors, keywords, products and
 * the body sections read from the corpus), in the same run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import type { PartResult, Row } from '../bench/report';
import { readCorpus } from '../src/cli/corpus/read-corpus';
import { search } from '../src/core/search';
import type { EvalContext } from './context';

export interface LabelledQuery {
  query: string;
  /** The article the query must find: "Q227142". */
  q: string;
  /** symptom, error, abbrev, version, typo, alias, synonym, url */
  kind: string;
}

export function readLabelledQueries(root: string): LabelledQuery[] {
  const file = join(root, 'tests/fixtures/search/queries.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: LabelledQuery[] }).queries;
}

export interface RankFigures {
  n: number;
  at1: number;
  at3: number;
  at10: number;
  mrr: number;
}

/** Recall at 1, 3, 10 and mean reciprocal rank (0 beyond 10) from 1-based ranks (0: not found). */
export function rankFigures(ranks: readonly number[]): RankFigures {
  const n = ranks.length || 1;
  const share = (k: number) => ranks.filter((r) => r > 0 && r <= k).length / n;
  const mrr = ranks.reduce((s, r) => s + (r > 0 && r <= 10 ? 1 / r : 0), 0) / n;
  return { n: ranks.length, at1: share(1), at3: share(3), at10: share(10), mrr };
}

/** 1-based position of `q` in `list`, 0 when absent. */
export function rankOf(list: readonly string[], q: string): number {
  return list.indexOf(q) + 1;
}

/** The body sections that say what the article is about, as MiniSearch's `body` field. */
const SECTION =
  /^\t(SUMMARY|SYMPTOMS|CAUSE|RESOLUTION|WORKAROUND|MORE INFORMATION|STATUS)\n\t=+\n([\s\S]*?)(?=^\t[A-Z][A-Z ]{3,}\n\t=+\n|^\tAdditional query words:|^\t={20,}|\{% endraw %\})/gm;

function bodyText(article: string): string {
  const out: string[] = [];
  for (const m of article.matchAll(SECTION)) out.push(m[2]!);
  return out.join('\n');
}

interface MiniDoc {
  id: string;
  q: string;
  title: string;
  errors: string;
  keywords: string;
  products: string;
  body: string;
}

const pct = (x: number) => Math.round(x * 1000) / 10;

export async function evalSearch(ctx: EvalContext): Promise<PartResult> {
  const title = "Search from the agent's words (issue 14)";
  const notes: string[] = [];
  if (!ctx.hasIndex()) return { part: 'search', title, rows: [], notes: ['skipped: no index'] };
  const queries = readLabelledQueries(ctx.root);
  const kbIndex = ctx.index();
  const ix = await kbIndex.searchIndex();

  const oursRanks: number[] = [];
  const oursTop: string[][] = [];
  for (const lq of queries) {
    const top = search(ix, lq.query, { limit: 10 }).map((r) => r.q);
    oursTop.push(top);
    oursRanks.push(rankOf(top, lq.q));
  }
  const ours = rankFigures(oursRanks);

  let mini: RankFigures | null = null;
  const miniRanks: number[] = [];
  const miniTop: string[][] = [];
  // KBLENS_EVAL_QUICK=1 leaves the 8-minute baseline out while tuning.
  if (ctx.corpus && !process.env.KBLENS_EVAL_QUICK) {
    ctx.log('MiniSearch: reading the corpus for article bodies');
    const records = new Map((await kbIndex.allRecords()).map((r) => [r.q, r]));
    const docs: MiniDoc[] = [];
    for await (const f of readCorpus(ctx.corpus)) {
      const q = /\/(Q\d+)\/README\.md$/.exec(f.path)?.[1];
      const r = q ? records.get(q) : undefined;
      if (!r || f.text === undefined) continue;
      docs.push({
        id: r.q,
        q: `${r.q} ${r.q.slice(1)}`,
        title: r.title,
        errors: r.errors.map((e) => e.text).join('\n'),
        keywords: r.keywords.join(' '),
        products: [...r.products, ...r.versions, ...r.os].join(' '),
        body: bodyText(f.text),
      });
    }
    ctx.log(`MiniSearch: indexing ${docs.length} articles`);
    // Its documented setup for a search box: prefix and fuzzy matching, OR of the terms, and
    // field boosts for the fields that name the article.
    const ms = new MiniSearch<MiniDoc>({
      fields: ['q', 'title', 'errors', 'keywords', 'products', 'body'],
      searchOptions: {
        prefix: true,
        fuzzy: 0.2,
        combineWith: 'OR',
        boost: { q: 5, title: 3, errors: 2, keywords: 1.5 },
      },
    });
    ms.addAll(docs);
    docs.length = 0;
    for (const lq of queries) {
      const top = ms
        .search(lq.query)
        .slice(0, 10)
        .map((r) => String(r.id));
      miniTop.push(top);
      miniRanks.push(rankOf(top, lq.q));
    }
    mini = rankFigures(miniRanks);
  } else {
    notes.push(
      ctx.corpus
        ? 'MiniSearch baseline skipped (KBLENS_EVAL_QUICK)'
        : 'MiniSearch baseline skipped: no corpus at ../shared/corpus (it needs the article bodies)',
    );
  }

  const base = (v: number | undefined, f: (x: number) => string) =>
    mini && v !== undefined ? `MiniSearch: ${f(v)}` : undefined;
  const rows: Row[] = [
    {
      key: 'search_recall_at_1',
      what: `recall@1 (${ours.n} labelled queries)`,
      value: pct(ours.at1),
      unit: '%',
      baseline: base(mini?.at1, (v) => `${pct(v)} %`),
    },
    {
      key: 'search_recall_at_3',
      what: 'recall@3',
      value: pct(ours.at3),
      unit: '%',
      baseline: base(mini?.at3, (v) => `${pct(v)} %`),
      goal: { text: '≥ 90 % and ahead of MiniSearch', met: ours.at3 >= 0.9 && (mini === null || ours.at3 > mini.at3) },
    },
    {
      key: 'search_recall_at_10',
      what: 'recall@10',
      value: pct(ours.at10),
      unit: '%',
      baseline: base(mini?.at10, (v) => `${pct(v)} %`),
    },
    {
      key: 'search_mrr',
      what: 'MRR (0 beyond 10)',
      value: Math.round(ours.mrr * 1000) / 1000,
      unit: '',
      baseline: base(mini?.mrr, (v) => v.toFixed(3)),
    },
  ];
  if (mini) {
    rows.push(
      { key: 'minisearch_recall_at_1', what: 'MiniSearch recall@1', value: pct(mini.at1), unit: '%' },
      { key: 'minisearch_recall_at_3', what: 'MiniSearch recall@3', value: pct(mini.at3), unit: '%' },
      { key: 'minisearch_recall_at_10', what: 'MiniSearch recall@10', value: pct(mini.at10), unit: '%' },
      { key: 'minisearch_mrr', what: 'MiniSearch MRR', value: Math.round(mini.mrr * 1000) / 1000, unit: '' },
    );
  }

  const kinds = [...new Set(queries.map((q) => q.kind))];
  notes.push(
    'Ours: search(index, query, { limit: 10 }) over the bundled index. MiniSearch 7: fields q, title, errors, keywords, products (products, versions, OS) and body ' +
      '(SUMMARY, SYMPTOMS, CAUSE, RESOLUTION, WORKAROUND, STATUS, MORE INFORMATION read from the corpus); ' +
      'search options { prefix: true, fuzzy: 0.2, combineWith: OR, boost { q: 5, title: 3, errors: 2, keywords: 1.5 } }.',
    'recall@3 by kind (ours / MiniSearch): ' +
      kinds
        .map((k) => {
          const idx = queries.map((q, i) => (q.kind === k ? i : -1)).filter((i) => i >= 0);
          const o = rankFigures(idx.map((i) => oursRanks[i]!));
          const m = mini ? rankFigures(idx.map((i) => miniRanks[i]!)) : null;
          return `${k} ${Math.round(o.at3 * idx.length)}/${idx.length}${m ? ` / ${Math.round(m.at3 * idx.length)}` : ''}`;
        })
        .join(', '),
  );
  const misses = queries.flatMap((lq, i) =>
    oursRanks[i]! === 0 || oursRanks[i]! > 3
      ? [`"${lq.query}" -> ${lq.q} at ${oursRanks[i] || '>10'}; top: ${oursTop[i]!.slice(0, 3).join(' ')}`]
      : [],
  );
  if (misses.length) notes.push(`not in our top 3 (${misses.length}):\n    ${misses.join('\n    ')}`);
  return {
    part: 'search',
    title,
    rows,
    notes,
    details: {
      queries: queries.map((lq, i) => ({
        ...lq,
        ours: oursRanks[i],
        minisearch: miniRanks[i] ?? null,
        oursTop: oursTop[i],
        minisearchTop: miniTop[i] ?? null,
      })),
    },
  };
}
