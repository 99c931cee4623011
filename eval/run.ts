/**
 * npm run eval [-- --only tickets,search,fixes,bounces] [--index DIR] [--out FILE]
 *
 * Answer quality as numbers: each part scores KB Lens on a labelled set of the project's own
 * (tests/fixtures/) and prints it next to a baseline measured in the same run. It reports; it
 * never fails on a missed goal (the floors that catch regressions live in npm test).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderTable, type PartResult } from '../bench/report';
import { makeEvalContext, type EvalContext } from './context';
import { evalTickets } from './tickets';
import { evalSearch } from './search';
import { evalFixes } from './fixes';
import { evalBounces } from './bounces';

const PARTS: Record<string, (ctx: EvalContext) => Promise<PartResult>> = {
  tickets: evalTickets,
  search: evalSearch,
  fixes: evalFixes,
  bounces: evalBounces,
};

async function main(): Promise<void> {
  // build/eval/run.mjs -> the repository root.
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      index: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(`npm run eval [-- --only ${Object.keys(PARTS).join(',')}] [--index DIR] [--out FILE]`);
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
  const indexDir = resolve(values.index ?? join(root, 'public/index'));
  const corpusPath = join(root, '../shared/corpus/kbarchive.tar.gz');
  const ctx = makeEvalContext(root, indexDir, existsSync(corpusPath) ? corpusPath : null);
  console.log(`index: ${indexDir}${ctx.hasIndex() ? '' : ' (missing)'}`);

  const parts: PartResult[] = [];
  for (const name of selected) {
    const t = performance.now();
    process.stderr.write(`[${name}]\n`);
    try {
      const result = await PARTS[name]!(ctx);
      result.notes.push(`part took ${((performance.now() - t) / 1000).toFixed(1)} s`);
      parts.push(result);
    } catch (e) {
      parts.push({ part: name, title: name, rows: [], notes: [`failed: ${(e as Error).stack ?? String(e)}`] });
    }
  }
  console.log(renderTable(parts));
  const figures: Record<string, number | null> = {};
  for (const p of parts) for (const r of p.rows) figures[r.key] = r.value;
  const out = resolve(values.out ?? join(root, 'eval/results.json'));
  await writeFile(
    out,
    JSON.stringify({ format: 'kblens-eval/1', date: new Date().toISOString(), figures, parts }, null, 2) + '\n',
  );
  console.log(`wrote ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
