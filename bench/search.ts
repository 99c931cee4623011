/**
 * Part 3, popup search: per-keystroke latency of src/core/search over every article, against
 * MiniSearch indexing the same records in the same run, plus load time and top-3 agreement.
 */
import MiniSearch, { type Options, type SearchOptions as MiniOptions } from 'minisearch';
import type { ArticleRecord } from '../src/core/article/types';
import { SEARCH_FILE, searchPartFile, titlesFile } from '../src/core/index/layout';
import {
  buildSearchIndex,
  openSearchIndex,
  search,
  type SearchHeadData,
  type SearchIndex,
  type SearchTermsPartData,
} from '../src/core/search';
import type { BenchContext } from './context';
import { readManifest, readText } from './index-data';
import { QUERIES } from './queries';
import { goalAtMost, type PartResult, type Row } from './report';
import { median, medianMs, quantile, round, timeMs } from './stats';

interface MiniDoc {
  id: number;
  q: string;
  title: string;
  errors: string;
  files: string;
  products: string;
  keywords: string;
}

/** The same facts our index covers, as MiniSearch fields. */
function miniDoc(r: ArticleRecord, id: number): MiniDoc {
  return {
    id,
    q: `${r.q} ${r.q.slice(1)}`,
    title: r.title,
    errors: r.errors.map((e) => e.text).join(' \n '),
    files: r.files.map((f) => `${f.name} ${f.version ?? ''}`).join(' '),
    products: [...r.products, ...r.versions, ...r.os, r.fixedIn ?? ''].join(' '),
    keywords: r.keywords.join(' '),
  };
}

/** MiniSearch's own search-as-you-type setup (prefix, fuzzy 0.2), with the field weights of perf-anchors §2. */
export const MINI_SEARCH: MiniOptions = {
  prefix: true,
  fuzzy: 0.2,
  boost: { q: 5, title: 3, errors: 2 },
  combineWith: 'OR',
};
export const MINI_OPTIONS: Options<MiniDoc> = {
  fields: ['q', 'title', 'errors', 'files', 'products', 'keywords'],
  searchOptions: MINI_SEARCH,
};

function top3Ours(ix: SearchIndex, query: string): string[] {
  return search(ix, query, { limit: 3 }).map((r) => r.q);
}

export async function benchSearch(ctx: BenchContext): Promise<PartResult> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const records = ctx.records();
  const json = readText(ctx.indexDir, SEARCH_FILE);
  const manifest = readManifest(ctx.indexDir);
  // The head, its terms parts (search/NNN.json) and the titles (titles/, shared with lookups).
  const partTexts = Array.from({ length: manifest.searchParts ?? 0 }, (_, n) =>
    readText(ctx.indexDir, searchPartFile(n)),
  );
  const titleTexts = Array.from({ length: manifest.titleFiles }, (_, n) => readText(ctx.indexDir, titlesFile(n)));
  const loadHead = () => openSearchIndex(JSON.parse(json) as SearchHeadData, null);
  const load = () =>
    openSearchIndex(JSON.parse(json) as SearchHeadData, null, {
      terms: partTexts.map((t) => JSON.parse(t) as SearchTermsPartData),
      titles: titleTexts.map((t) => JSON.parse(t) as string[]),
    });

  ctx.log('search: load ours (median of 5)');
  const loadMs = medianMs(5, load);
  const headLoadMs = medianMs(5, loadHead);
  const ours = load();
  const ourBuildMs = timeMs(() => buildSearchIndex(records));

  ctx.log(`MiniSearch: build over ${records.length} records`);
  const docs = records.map(miniDoc);
  let mini = new MiniSearch<MiniDoc>(MINI_OPTIONS);
  const miniBuildMs = timeMs(() => mini.addAll(docs));
  const miniJson = JSON.stringify(mini);
  ctx.log('MiniSearch: loadJSON (median of 3)');
  const miniLoadMs = medianMs(3, () => MiniSearch.loadJSON<MiniDoc>(miniJson, MINI_OPTIONS), 0);
  mini = MiniSearch.loadJSON<MiniDoc>(miniJson, MINI_OPTIONS);
  const qOf = (id: unknown) => records[id as number]!.q;

  // Warm both engines on every full query, then time every keystroke, alternating engines.
  for (const query of QUERIES) {
    search(ours, query);
    mini.search(query);
  }
  ctx.log(`typing ${QUERIES.length} queries, one character at a time`);
  const ourTimes: number[] = [];
  const miniTimes: number[] = [];
  const slowest: { query: string; ours: number; mini: number }[] = [];
  for (const query of QUERIES) {
    let oMax = 0;
    let mMax = 0;
    for (let i = 1; i <= query.length; i++) {
      const typed = query.slice(0, i);
      const o = timeMs(() => search(ours, typed));
      const m = timeMs(() => mini.search(typed).slice(0, 20));
      ourTimes.push(o);
      miniTimes.push(m);
      oMax = Math.max(oMax, o);
      mMax = Math.max(mMax, m);
    }
    slowest.push({ query, ours: round(oMax, 2), mini: round(mMax, 1) });
  }

  // Agreement on the finished queries: |top3 ∩ top3| / 3, averaged over queries where either found something.
  let overlapSum = 0;
  let overlapN = 0;
  const top3: { query: string; ours: string[]; minisearch: string[] }[] = [];
  for (const query of QUERIES) {
    const a = top3Ours(ours, query);
    const b = mini
      .search(query)
      .slice(0, 3)
      .map((r) => qOf(r.id));
    top3.push({ query, ours: a, minisearch: b });
    if (a.length === 0 && b.length === 0) continue;
    overlapSum += a.filter((x) => b.includes(x)).length / Math.max(Math.min(3, Math.max(a.length, b.length)), 1);
    overlapN++;
  }

  const p50 = median(ourTimes);
  const p95 = quantile(ourTimes, 0.95);
  const mp50 = median(miniTimes);
  const mp95 = quantile(miniTimes, 0.95);
  rows.push(
    {
      key: 'search_p50_ms',
      what: `per keystroke, median (${ourTimes.length} keystrokes, ${records.length.toLocaleString('en-US')} articles)`,
      value: round(p50, 3),
      unit: 'ms',
      baseline: `MiniSearch: ${round(mp50, 2)} ms`,
      goal: { text: 'ahead of MiniSearch', met: p50 < mp50 },
    },
    {
      key: 'search_p95_ms',
      what: 'per keystroke, p95',
      value: round(p95, 3),
      unit: 'ms',
      baseline: `MiniSearch: ${round(mp95, 2)} ms`,
      goal: { text: `${goalAtMost(p95, 5, 'ms').text} and ahead of MiniSearch`, met: p95 <= 5 && p95 < mp95 },
    },
    {
      key: 'search_max_ms',
      what: 'per keystroke, slowest',
      value: round(Math.max(...ourTimes), 2),
      unit: 'ms',
      baseline: `MiniSearch: ${round(Math.max(...miniTimes), 1)} ms`,
    },
    { key: 'minisearch_p50_ms', what: 'MiniSearch 7.2, per keystroke, median', value: round(mp50, 3), unit: 'ms' },
    { key: 'minisearch_p95_ms', what: 'MiniSearch 7.2, per keystroke, p95', value: round(mp95, 3), unit: 'ms' },
    {
      key: 'search_load_ms',
      what: 'search.json + search/ + titles/: JSON.parse + openSearchIndex with every part',
      value: round(loadMs, 1),
      unit: 'ms',
      baseline: `MiniSearch.loadJSON: ${round(miniLoadMs, 0)} ms`,
    },
    {
      key: 'search_head_load_ms',
      what: 'search.json alone (what a first search waits for before its parts): JSON.parse + openSearchIndex',
      value: round(headLoadMs, 1),
      unit: 'ms',
      baseline: `${(Buffer.byteLength(json) / 1e6).toFixed(2)} MB of ${((Buffer.byteLength(json) + partTexts.reduce((n, t) => n + Buffer.byteLength(t), 0)) / 1e6).toFixed(2)} MB without titles`,
    },
    { key: 'minisearch_load_ms', what: 'MiniSearch.loadJSON (same records)', value: round(miniLoadMs, 1), unit: 'ms' },
    {
      key: 'search_build_ms',
      what: 'buildSearchIndex (index-build time)',
      value: round(ourBuildMs, 0),
      unit: 'ms',
      baseline: `MiniSearch addAll: ${round(miniBuildMs, 0)} ms`,
    },
    {
      key: 'search_json_bytes',
      what: 'serialised index',
      value: [json, ...partTexts, ...titleTexts].reduce((n, t) => n + Buffer.byteLength(t), 0),
      unit: 'bytes',
      baseline: `MiniSearch JSON: ${(Buffer.byteLength(miniJson) / 1e6).toFixed(2)} MB`,
    },
    {
      key: 'top3_overlap',
      what: `top-3 agreement with MiniSearch (${overlapN} queries)`,
      value: round(overlapN ? overlapSum / overlapN : 0, 3),
      unit: '',
    },
  );
  notes.push(
    `Each of the ${QUERIES.length} queries in bench/queries.ts is typed one character at a time and every prefix is searched once (after one warm-up pass of the full queries); p50/p95 are over all keystrokes.`,
    'Ours: search(index, typed) with its default limit of 20. MiniSearch 7.2: fields q ("Q227142 227142"), title, errors joined, files (name + version), products (products, versions, OS, fixing release), keywords; search options { prefix: true, fuzzy: 0.2, boost { q: 5, title: 3, errors: 2 }, combineWith: OR } (its documented search-as-you-type setup); its results are sliced to 20.',
    'Load times include JSON.parse of the serialised index; medians of 5 (ours) and 3 (MiniSearch).',
    'top3_overlap: per query |top3(ours) ∩ top3(MiniSearch)| / min(3, the longer list), averaged over queries where either engine found something.',
  );
  slowest.sort((a, b) => b.ours - a.ours);
  return {
    part: 'search',
    title: 'Search (popup, src/core/search)',
    rows,
    notes,
    details: { slowestQueries: slowest.slice(0, 10), top3 },
  };
}
