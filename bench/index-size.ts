/**
 * Part 2, the bundled index: full build from the corpus, a cold and warm Q-number lookup through
 * KbIndex (as the CLI reads it from disk), and the bytes it adds to the package.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildIndex } from '../src/cli/commands/build-index';
import { KbIndex } from '../src/core/index/kb-index';
import { bucketOf, parseKbNumber } from '../src/core/kb-number';
import type { BenchContext } from './context';
import { listFiles, readAllRecords, readManifest } from './index-data';
import { type PartResult, type Row } from './report';
import { median, round, timeMs, timeMsAsync } from './stats';

const LOOKUP = 'Q227142';

/** One row per family: a folder (records/, titles/) or a file with its parts (detect.1.json, detect.2.json). */
function kindOf(path: string): string {
  return path.split('/')[0]!.replace(/(\.\d+)?\.json$/, '');
}

export async function benchIndex(ctx: BenchContext): Promise<PartResult> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const details: Record<string, unknown> = {};
  const dir = ctx.indexDir;
  const open = () => new KbIndex({ readText: (p) => readFile(join(dir, p), 'utf8') });

  // Lookups. The OS file cache is warm after the first read: "cold" is a fresh KbIndex, as in a
  // fresh CLI process or a restarted service worker, not a cold disk.
  const manifest = readManifest(dir);
  const q = parseKbNumber(LOOKUP)!;
  const records = ctx.records();
  const sameBucket = records.find((r) => bucketOf(r.q) === bucketOf(q) && r.q !== q)?.q ?? null;
  const otherBucket = records.find((r) => bucketOf(r.q) !== bucketOf(q))?.q ?? null;
  const otherBucketMate = otherBucket
    ? (records.find((r) => bucketOf(r.q) === bucketOf(otherBucket) && r.q !== otherBucket)?.q ?? null)
    : null;
  const found = (await open().lookup(LOOKUP)) !== undefined;
  if (!found) notes.push(`${LOOKUP} is not in this index: the cold lookup measured a miss in its bucket`);
  const cold: number[] = [];
  for (let i = 0; i < 7; i++) {
    const ix = open();
    cold.push(await timeMsAsync(() => ix.lookup(LOOKUP)));
  }
  const ix = open();
  await ix.lookup(LOOKUP);
  if (otherBucket) await ix.lookup(otherBucket);
  const warm: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < 200; i++) {
    if (sameBucket) warm.push(await timeMsAsync(() => ix.lookup(sameBucket)));
    if (otherBucketMate) cached.push(await timeMsAsync(() => ix.lookup(otherBucketMate)));
  }
  const allRecordsMs = median([0, 1, 2].map(() => timeMs(() => readAllRecords(dir))));
  const coldMs = median(cold);
  rows.push(
    {
      key: 'lookup_cold_ms',
      what: `fresh KbIndex from disk + lookup('${LOOKUP}')`,
      value: round(coldMs),
      unit: 'ms',
      baseline: `read + parse every bucket: ${round(allRecordsMs, 0)} ms`,
    },
    {
      key: 'lookup_warm_ms',
      what: `then another article of the same bucket (${sameBucket ?? 'none'})`,
      value: sameBucket ? round(median(warm), 4) : null,
      unit: 'ms',
    },
    {
      key: 'lookup_cached_ms',
      what: `an article of another, already loaded bucket (${otherBucketMate ?? 'none'})`,
      value: otherBucketMate ? round(median(cached), 4) : null,
      unit: 'ms',
    },
  );
  details.lookupColdRunsMs = cold.map((x) => round(x, 2));

  // Bytes, per file kind, raw and gzip -9 per file (as a server or store would compress them).
  const kinds: Record<string, { files: number; bytes: number; gzip: number }> = {};
  let bytes = 0;
  let gzip = 0;
  for (const path of listFiles(dir)) {
    const data = readFileSync(join(dir, path));
    const z = gzipSync(data, { level: 9 }).length;
    const k = (kinds[kindOf(path)] ??= { files: 0, bytes: 0, gzip: 0 });
    k.files++;
    k.bytes += data.length;
    k.gzip += z;
    bytes += data.length;
    gzip += z;
  }
  // Baseline: every full record in one plain JSON array, the simplest thing one could ship.
  const plain = Buffer.from(JSON.stringify(records));
  const plainGzip = gzipSync(plain, { level: 9 }).length;
  rows.push(
    {
      key: 'index_bytes',
      what: `public/index, ${manifest.articles.toLocaleString('en-US')} articles, raw`,
      value: bytes,
      unit: 'bytes',
      baseline: `all records as one JSON array: ${(plain.length / 1e6).toFixed(2)} MB`,
    },
    {
      key: 'index_gzip_bytes',
      what: 'public/index, gzip -9 per file',
      value: gzip,
      unit: 'bytes',
      baseline: `one JSON array: ${(plainGzip / 1e6).toFixed(2)} MB`,
    },
  );
  for (const [kind, k] of Object.entries(kinds).sort()) {
    rows.push({
      key: `index_${kind.replace(/\W/g, '_')}_bytes`,
      what: `  ${kind}${k.files > 1 ? ` (${k.files} files)` : ''}, raw`,
      value: k.bytes,
      unit: 'bytes',
    });
    rows.push({
      key: `index_${kind.replace(/\W/g, '_')}_gzip_bytes`,
      what: `  ${kind}, gzip -9`,
      value: k.gzip,
      unit: 'bytes',
    });
  }
  details.kinds = kinds;

  // Full build from the corpus, into a temporary directory.
  if (ctx.corpus) {
    const out = await mkdtemp(join(tmpdir(), 'kblens-bench-index-'));
    try {
      ctx.log(`buildIndex(${ctx.corpus}) -> ${out}`);
      let articles = 0;
      const ms = await timeMsAsync(async () => {
        articles = (await buildIndex(ctx.corpus!, out)).articles;
      });
      const s = ms / 1000;
      rows.unshift({
        key: 'index_build_s',
        what: `buildIndex from the corpus (${articles.toLocaleString('en-US')} articles)`,
        value: round(s, 1),
        unit: 's',
      });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  } else {
    rows.unshift({ key: 'index_build_s', what: 'buildIndex from the corpus', value: null, unit: 's' });
    notes.push('index_build_s skipped: no corpus at ../shared/corpus/kbarchive.tar.gz (or --corpus FILE)');
  }
  notes.push(
    `"cold" = a new KbIndex reading manifest.json, dict.json, its records file and its titles file from disk (OS cache warm), median of 7; warm and cached lookups are medians of 200.`,
    'Sizes are summed over the files of the index directory; gzip is node:zlib level 9, file by file.',
  );
  return { part: 'index', title: 'Index (public/index)', rows, notes, details };
}
