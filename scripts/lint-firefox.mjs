#!/usr/bin/env node
// npm run lint:firefox: web-ext lint (Mozilla's addons-linter, with the AMO checks, not
// --self-hosted) on the Firefox build in dist-firefox/. Fails on any error and on any warning that
// is not explained below, so a new warning cannot slip into a release unnoticed.
// Usage: node scripts/lint-firefox.mjs [dir]      (default dist-firefox, build it first)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Warnings we ship with, each with the reason. A warning is excused only when `applies` finds the
 * known cause at the reported place, not merely by its code.
 */
const EXPLAINED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why:
      "Preact's DOM renderer assigns innerHTML only for dangerouslySetInnerHTML, which KB Lens never " +
      'uses (tests/build-config/lint-exceptions.test.ts checks src/; the content script has no Preact at all).',
    applies: (w, source) => {
      const line = source.split('\n')[(w.line ?? 1) - 1] ?? '';
      const at = line.slice(Math.max(0, (w.column ?? 0) - 200), (w.column ?? 0) + 200);
      return /innerHTML/.test(at) && /__html/.test(at) && line.includes('dangerouslySetInnerHTML');
    },
  },
];

const dir = process.argv[2] ?? 'dist-firefox';
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error(`lint:firefox: ${dir}/ has no manifest.json; build it first (npm run build:firefox)`);
  process.exit(1);
}

const bin = join('node_modules', '.bin', 'web-ext');
const run = spawnSync(bin, ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
});
let report;
try {
  report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
} catch {
  console.error(`lint:firefox: web-ext lint gave no report (exit ${run.status})\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}

const { errors, warnings, notices } = report;
console.log(`web-ext lint ${dir}: ${errors.length} errors, ${warnings.length} warnings, ${notices.length} notices`);
const where = (m) => (m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''}${m.column ? `:${m.column}` : ''})` : '');
for (const e of errors) console.log(`  error   ${e.code}: ${e.message}${where(e)}`);
for (const n of notices) console.log(`  notice  ${n.code}: ${n.message}${where(n)}`);

let unexplained = 0;
for (const w of warnings) {
  const source = w.file && existsSync(join(dir, w.file)) ? readFileSync(join(dir, w.file), 'utf8') : '';
  const known = EXPLAINED.find((k) => k.code === w.code && k.applies(w, source));
  if (known) console.log(`  warning ${w.code}${where(w)}: expected. ${known.why}`);
  else {
    unexplained++;
    console.log(`  warning ${w.code}: ${w.message}${where(w)}\n          ${w.description ?? ''}`);
  }
}

const unknownMinified = report.metadata?.unknownMinifiedFiles?.length ?? 0;
if (unknownMinified) {
  // Not a lint failure: AMO asks for the source of any bundled or minified file (README, "Store packages").
  console.log(`  info    ${unknownMinified} bundled/minified files: AMO review needs the source package`);
}

if (errors.length || unexplained) {
  console.error(`lint:firefox: ${errors.length} errors, ${unexplained} unexplained warnings`);
  process.exit(1);
}
