/**
 * npm run bench [-- --only scan,index,search,page,size,popup] [--index DIR] [--corpus FILE] [--out FILE]
 *
 * Measures each figure next to a baseline in the same run on the same data, prints a table and
 * writes the figures to bench/results.json. It reports; it never fails on a missed goal.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeContext, type BenchContext } from './context';
import { ensureExtension, provideIndex } from './extension';
import { hasIndex } from './index-data';
import { describeMachine, machineLine } from './machine';
import { renderMarkdown, renderTable, writeResults, type PartResult } from './report';
import { hasGc } from './stats';
import { benchScan } from './scan';
import { benchIndex } from './index-size';
import { benchSearch } from './search';
import { benchPage } from './page';
import { benchSize } from './size';
import { benchPopup } from './popup';

const PARTS: Record<
  string,
  { title: string; run: (ctx: BenchContext) => Promise<PartResult>; needsIndex: boolean; needsExtension: boolean }
> = {
  scan: { title: 'Scanning', run: benchScan, needsIndex: true, needsExtension: false },
  index: { title: 'Index', run: benchIndex, needsIndex: true, needsExtension: false },
  search: { title: 'Search', run: benchSearch, needsIndex: true, needsExtension: false },
  page: { title: 'In the page', run: benchPage, needsIndex: false, needsExtension: true },
  size: { title: 'Size', run: benchSize, needsIndex: false, needsExtension: true },
  popup: { title: 'Popup', run: benchPopup, needsIndex: false, needsExtension: true },
};

async function main(): Promise<void> {
  // build/bench/run.mjs -> the repository root.
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      index: { type: 'string' },
      corpus: { type: 'string' },
      out: { type: 'string' },
      markdown: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'npm run bench [-- --only scan,index,search,page,size,popup] [--index DIR] [--corpus FILE] [--out FILE] [--markdown]',
    );
    return;
  }
  const selected = values.only
    ? values.only
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : Object.keys(PARTS);
  for (const s of selected)
    if (!PARTS[s]) throw new Error(`unknown part "${s}" (parts: ${Object.keys(PARTS).join(', ')})`);

  const indexDir = resolve(values.index ?? process.env.KBLENS_BENCH_INDEX ?? join(root, 'public/index'));
  const corpusPath = resolve(values.corpus ?? join(root, '../shared/corpus/kbarchive.tar.gz'));
  const ctx = makeContext(root, indexDir, existsSync(corpusPath) ? corpusPath : null);
  const machine = describeMachine(hasGc());
  const started = performance.now();
  console.log(machineLine(machine));
  console.log(`index: ${indexDir}${hasIndex(indexDir) ? '' : ' (missing)'}`);

  const parts: PartResult[] = [];
  const runNotes: string[] = [];
  if (selected.some((s) => PARTS[s]!.needsExtension)) {
    try {
      const r = ensureExtension(root, ctx.log);
      if (r.built) ctx.log(`extension built (${r.reason})`);
      const copied = provideIndex(root, indexDir);
      if (copied) {
        ctx.log(copied);
        runNotes.push(copied);
      }
    } catch (e) {
      ctx.log(String((e as Error).message));
    }
  }
  for (const name of selected) {
    const part = PARTS[name]!;
    if (part.needsIndex && !hasIndex(indexDir)) {
      parts.push({
        part: name,
        title: part.title,
        rows: [],
        notes: [`skipped: no index at ${indexDir} (npm run build:index, or --index DIR)`],
      });
      continue;
    }
    const t = performance.now();
    process.stderr.write(`[${name}]\n`);
    try {
      const result = await part.run(ctx);
      result.notes.push(`part took ${((performance.now() - t) / 1000).toFixed(1)} s`);
      parts.push(result);
    } catch (e) {
      parts.push({ part: name, title: part.title, rows: [], notes: [`failed: ${(e as Error).stack ?? String(e)}`] });
    }
  }

  machine.loadEnd = (await import('node:os')).loadavg();
  const seconds = (performance.now() - started) / 1000;
  console.log(renderTable(parts));
  console.log('');
  console.log(machineLine(machine));
  console.log(`total ${seconds.toFixed(1)} s`);
  if (values.markdown) console.log('\n' + renderMarkdown(parts, machine));

  const figures: Record<string, number | null> = {};
  for (const p of parts) for (const r of p.rows) figures[r.key] = r.value;
  for (const n of runNotes) console.log(`note: ${n}`);
  const out = resolve(values.out ?? join(root, 'bench/results.json'));
  await writeResults(out, {
    format: 'kblens-bench/1',
    date: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`,
    machine,
    seconds: Math.round(seconds * 10) / 10,
    figures,
    parts,
    notes: runNotes,
  });
  console.log(`wrote ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
