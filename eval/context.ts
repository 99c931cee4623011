/** What every eval part may need, loaded once: the bundled index and the corpus, where present. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openIndex } from '../src/cli/node-index';
import type { KbIndex } from '../src/core/index/kb-index';
import { MANIFEST_FILE } from '../src/core/index/layout';

export interface EvalContext {
  root: string;
  /** The index the figures are about (public/index unless --index). */
  indexDir: string;
  /** The archive (../shared/corpus/kbarchive.tar.gz), or null when absent. */
  corpus: string | null;
  index(): KbIndex;
  hasIndex(): boolean;
  log(message: string): void;
}

export function makeEvalContext(root: string, indexDir: string, corpus: string | null): EvalContext {
  let index: KbIndex | undefined;
  return {
    root,
    indexDir,
    corpus,
    index: () => (index ??= openIndex(indexDir)),
    hasIndex: () => existsSync(join(indexDir, MANIFEST_FILE)),
    log: (m) => process.stderr.write(`  · ${m}\n`),
  };
}
