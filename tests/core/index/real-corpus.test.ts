import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUERIES } from '../../../bench/queries';
import type { ArticleRecord } from '../../../src/core/article/types';
import { parseArticle } from '../../../src/core/article/parse-article';
import { readCorpus } from '../../../src/cli/corpus/read-corpus';
import { buildIndexFiles } from '../../../src/core/index/build-index';
import { compactRecord, expandRecord } from '../../../src/core/index/compact-record';
import { KbIndex } from '../../../src/core/index/kb-index';
import { buildSearchIndex, loadSearchIndex, search } from '../../../src/core/search';
import { REAL_CORPUS } from '../../helpers/corpus';

/**
 * The columnar index (format 2) must give readers exactly what format 1 gave them: every record
 * as `kblens lookup --json` prints it, and the same search results. Format 1 stored each record as
 * compactRecord(r) and read it back with expandRecord, so that round trip is the reference.
 */
describe.skipIf(!existsSync(REAL_CORPUS))('index format 2 on the real archive (skipped: no corpus at ../shared/corpus)', () => {
  it('reads back every article and searches exactly as format 1 did', async () => {
    const records: ArticleRecord[] = [];
    for await (const file of readCorpus(REAL_CORPUS)) {
      const result = parseArticle(file.text, file.path);
      if (result.ok) records.push(result.record);
    }
    expect(records.length).toBeGreaterThan(60000);
    const files = buildIndexFiles(records);
    const ix = new KbIndex({ readText: async (path) => files.get(path)! });

    const mismatched: string[] = [];
    for (const r of records) {
      const before = JSON.stringify(expandRecord(JSON.parse(JSON.stringify(compactRecord(r)))));
      if (JSON.stringify(await ix.lookup(r.q)) !== before) mismatched.push(r.q);
    }
    expect(mismatched).toEqual([]);

    const format1 = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(records))));
    const format2 = await ix.searchIndex();
    for (const query of QUERIES) {
      for (let n = 1; n <= query.length; n++) {
        const typed = query.slice(0, n);
        expect(search(format2, typed), typed).toEqual(search(format1, typed));
      }
    }
  }, 300_000);
});
