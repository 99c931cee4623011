/** What every part may need, loaded once and shared: the index directory and its parsed pieces. */
import type { ArticleRecord } from '../src/core/article/types';
import { readAllRecords } from './index-data';

export interface BenchContext {
  root: string;
  /** The bundled index the figures are about (public/index unless --index). */
  indexDir: string;
  /** The corpus for the full build, or null when absent. */
  corpus: string | null;
  records(): ArticleRecord[];
  log(message: string): void;
}

export function makeContext(root: string, indexDir: string, corpus: string | null): BenchContext {
  let records: ArticleRecord[] | undefined;
  return {
    root,
    indexDir,
    corpus,
    records: () => (records ??= readAllRecords(indexDir)),
    log: (m) => process.stderr.write(`  · ${m}\n`),
  };
}
