/**
 * The real router and services with only the index invented: the bundled index, the team's
 * articles and the records lookup stand in for `records`, and every ranking (core's rankArticles)
 * is counted, its behaviour kept. vi.doMock applies to the modules imported after it, so a test
 * calls this first, then imports the router (and what it renders) dynamically.
 */
import { vi } from 'vitest';
import type { ArticleRecord } from '../../src/core/article/types';
import { fakeBundledIndex, fakeRecordsFor } from './fake-index';

export function mockIndexBehindRealRouter(records: readonly ArticleRecord[]): { calls: number } {
  const ranked = { calls: 0 };
  // This file's own imports loaded core (rank among it) already: start the router's graph afresh.
  vi.resetModules();
  vi.doMock('../../src/background/bundled-index', () => ({ bundledIndex: fakeBundledIndex(records) }));
  vi.doMock('../../src/background/custom-index', () => ({ customArticles: async () => null }));
  vi.doMock('../../src/background/records', () => ({ recordsFor: fakeRecordsFor(records) }));
  vi.doMock('../../src/background/content-script-file', () => ({
    CONTENT_SCRIPT_FILE: 'c.js',
    HIGHLIGHT_CSS_FILE: 'h.css',
    LENS_SCRIPT_FILE: 'l.js',
  }));
  vi.doMock('../../src/core/match/rank', async (original) => {
    const real = await original<typeof import('../../src/core/match/rank')>();
    return {
      ...real,
      rankArticles: (...args: Parameters<typeof real.rankArticles>) => (ranked.calls++, real.rankArticles(...args)),
    };
  });
  return ranked;
}
