/**
 * The built extension the page and size parts measure: dist/ (or KBLENS_DIST, the same variable
 * the e2e harness reads, so parallel work can measure its own build), built for http://127.0.0.1/*
 * (the bench's page server) with the bundled index. Rebuilt when missing, not a test build, or
 * older than any of its inputs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { newestMtime } from './index-data';

/** Where the measured Chrome build lives. */
export function distDir(root: string): string {
  return process.env.KBLENS_DIST ? resolve(process.env.KBLENS_DIST) : join(root, 'dist');
}

export const BENCH_SITES = 'http://127.0.0.1/*';

export const INPUTS = [
  'src',
  'public',
  'build-config',
  'manifest.json',
  'vite.config.ts',
  'package.json',
  'popup.html',
  'options.html',
  'sidepanel.html',
];

/** Why dist/ must be rebuilt, or null when it is current. */
export function staleBecause(root: string): string | null {
  const dist = distDir(root);
  const manifestPath = join(dist, 'manifest.json');
  if (!existsSync(manifestPath)) return `${dist} has no build`;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  if (!(manifest.host_permissions ?? []).some((p) => p.startsWith('http://127.0.0.1/')))
    return `${dist} is not built for ${BENCH_SITES}`;
  const built = statSync(manifestPath).mtimeMs;
  const newest = Math.max(...INPUTS.map((p) => newestMtime(join(root, p))));
  if (newest > built) return `sources changed since ${dist} was built`;
  if (existsSync(join(root, 'public', 'index', 'manifest.json')) && !existsSync(join(dist, 'index', 'manifest.json')))
    return `${dist} lacks the index`;
  return null;
}

/**
 * Builds the extension for the bench: `npm run build:e2e` when the project has it, else a Chrome
 * build with KBLENS_SITES; with KBLENS_DIST, a Chrome build into that directory only.
 */
export function ensureExtension(root: string, log: (m: string) => void): { built: boolean; reason: string | null } {
  const reason = staleBecause(root);
  if (!reason) return { built: false, reason: null };
  const scripts =
    (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ??
    {};
  const own = Boolean(process.env.KBLENS_DIST);
  const [cmd, args] = scripts['build:e2e'] && !own ? ['npm', ['run', 'build:e2e']] : ['npx', ['vite', 'build']];
  log(`building the extension (${reason}): ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    cwd: root,
    env: {
      ...process.env,
      KBLENS_SITES: BENCH_SITES,
      ...(own ? { KBLENS_OUT_DIR: distDir(root), TARGET: 'chrome' } : {}),
    },
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (r.status !== 0) throw new Error(`extension build failed (${cmd} ${args.join(' ')}: exit ${r.status})`);
  return { built: true, reason };
}

/**
 * While public/index is not built yet, the bench can still measure the extension with another
 * index (--index DIR): it is copied into dist/index, which a later build replaces.
 */
export function provideIndex(root: string, indexDir: string): string | null {
  const dist = distDir(root);
  const target = join(dist, 'index');
  if (existsSync(join(target, 'manifest.json')) || !existsSync(join(indexDir, 'manifest.json'))) return null;
  if (!existsSync(join(dist, 'manifest.json'))) return null;
  cpSync(indexDir, target, { recursive: true });
  return `${dist} had no index: copied ${indexDir} into ${target} for this run`;
}
