import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUERIES } from '../../../bench/queries';
import type { ArticleRecord } from '../../../src/core/article/types';
import { parseArticle } from '../../../src/core/article/parse-article';
import { readCorpus } from '../../../src/cli/corpus/read-corpus';
import { buildIndexFiles } from '../../../src/core/index/build-index';
import { KbIndex } from '../../../src/core/index/kb-index';
import { buildSearchIndex, loadSearchIndex, search } from '../../../src/core/search';
import { REAL_CORPUS } from '../../helpers/corpus';

/**
 * The columnar index must give readers exactly what the parser made: every record as `kblens
 * lookup --json` prints it (what the format derives or stores by reference comes back the same),
 * and the same search results as an index built straight from the records with titles inline.
 */
describe.skipIf(!existsSync(REAL_CORPUS))(
  'the bundled index on the real archive (skipped: no corpus at ../shared/corpus)',
  () => {
    it('reads back every article as parsed and searches as the records do', async () => {
      const records: ArticleRecord[] = [];
      for await (const file of readCorpus(REAL_CORPUS)) {
        const result = parseArticle(file.text ?? '', file.path);
        if (result.ok) records.push(result.record);
      }
      expect(records.length).toBeGreaterThan(60000);
      const files = buildIndexFiles(records);
      const ix = new KbIndex({ readText: async (path) => files.get(path)! });

      const mismatched: string[] = [];
      for (const r of records) {
        if (JSON.stringify(await ix.lookup(r.q)) !== JSON.stringify(r)) mismatched.push(r.q);
      }
      expect(mismatched).toEqual([]);

      const direct = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(records))));
      const bundled = await ix.searchIndex();
      for (const query of QUERIES) {
        for (let n = 1; n <= query.length; n++) {
          const typed = query.slice(0, n);
          expect(search(bundled, typed), typed).toEqual(search(direct, typed));
        }
      }
    }, 300_000);
  },
);
