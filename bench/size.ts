/**
 * Part 5, what users download: dist/ and the Chrome store package. The package is
 * artifacts/kblens-chrome-*.zip when `npm run package` made it from the current sources, else an
 * estimate: dist/ zipped in memory by the project's own deterministic zip writer.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchContext } from './context';
import { INPUTS } from './extension';
import { listFiles, newestMtime } from './index-data';
import { goalAtMost, type PartResult, type Row } from './report';

export async function benchSize(ctx: BenchContext): Promise<PartResult> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const dist = join(ctx.root, 'dist');
  if (!existsSync(join(dist, 'manifest.json'))) {
    return { part: 'size', title: 'Size (what users download)', rows, notes: ['skipped: no build in dist/'] };
  }
  let distBytes = 0;
  let indexBytes = 0;
  for (const f of listFiles(dist)) {
    const n = statSync(join(dist, f)).size;
    distBytes += n;
    if (f.startsWith('index/')) indexBytes += n;
  }
  // The writer `npm run package` uses, so the estimate is the bytes it would write. Loaded at run
  // time, not bundled: bundled, its "run as a script" check would fire inside the bench.
  const { collectFiles, zip } = (await import(
    /* @vite-ignore */ pathToFileURL(join(ctx.root, 'scripts/package.mjs')).href
  )) as typeof import('../scripts/package.mjs');
  const { files } = collectFiles(dist);
  const estimate = zip(files).length;

  const artifacts = join(ctx.root, 'artifacts');
  const zips = existsSync(artifacts) ? readdirSync(artifacts).filter((f) => /^kblens-chrome-.*\.zip$/.test(f)) : [];
  const newestInput = Math.max(...INPUTS.map((p) => newestMtime(join(ctx.root, p))));
  const current = zips.map((f) => join(artifacts, f)).filter((p) => statSync(p).mtimeMs >= newestInput);
  let packageBytes = estimate;
  let what = 'Chrome package, estimated: dist/ zipped in memory';
  if (current.length) {
    const p = current.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
    packageBytes = statSync(p).size;
    what = `Chrome package, ${p.slice(ctx.root.length)}`;
    notes.push(
      `package_bytes is the store zip from npm run package; the in-memory estimate from dist/ is ${estimate.toLocaleString('en-US')} bytes`,
    );
  } else {
    notes.push(
      `package_bytes is an estimate: dist/ (the bench's e2e build) zipped with scripts/package.mjs's writer (deflate level 9, maps and tests left out)${zips.length ? `; ${zips.join(', ')} is older than the sources, so not used` : '; no artifacts/kblens-chrome-*.zip (npm run package)'}`,
    );
  }
  if (indexBytes === 0) notes.push('dist/ has no index/: the figures leave out the bundled index');
  rows.push(
    {
      key: 'dist_bytes',
      what: 'dist/, every file',
      value: distBytes,
      unit: 'bytes',
      baseline: `of which index/: ${(indexBytes / 1e6).toFixed(2)} MB`,
    },
    {
      key: 'package_bytes',
      what,
      value: packageBytes,
      unit: 'bytes',
      goal: goalAtMost(packageBytes / 2 ** 20, 10, 'MiB'),
    },
  );
  return {
    part: 'size',
    title: 'Size (what users download)',
    rows,
    notes,
    details: { distIndexBytes: indexBytes, estimateBytes: estimate, artifacts: zips },
  };
}
