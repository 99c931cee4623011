import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../src/core/article/types';
import { parseArticle } from '../../../src/core/article/parse-article';
import { readCorpus } from '../../../src/cli/corpus/read-corpus';
import { buildIndexFiles } from '../../../src/core/index/build-index';
import { KbIndex } from '../../../src/core/index/kb-index';
import { RELEASES_FILE } from '../../../src/core/index/layout';
import { findKbRefs } from '../../../src/core/match';
import { findBuildMatches } from '../../../src/core/version/build-matches';
import { releaseEvidenceOf, type ReleaseEvidence } from '../../../src/core/version/release-evidence';
import { buildReleaseTable } from '../../../src/core/version/release-table-build';
import { REAL_CORPUS } from '../../helpers/corpus';

/**
 * The release table as the index builder derives it from the real archive: the same bytes from the
 * same articles in any order, the Exchange ladder the archive's build-number articles state, and
 * builds placed on the lower release, never the next one.
 */
describe.skipIf(!existsSync(REAL_CORPUS))(
  'the release table from the real archive (skipped: no corpus at ../shared/corpus)',
  () => {
    it('is rebuilt deterministically and places builds as the articles state them', async () => {
      const records: ArticleRecord[] = [];
      const evidence: ReleaseEvidence[] = [];
      for await (const file of readCorpus(REAL_CORPUS)) {
        if (file.text === undefined) continue; // over the size cap
        const result = parseArticle(file.text, file.path);
        if (!result.ok) continue;
        records.push(result.record);
        const e = releaseEvidenceOf(file.text, result.record);
        if (e) evidence.push(e);
      }
      const files = buildIndexFiles(records, evidence);
      const text = files.get(RELEASES_FILE)!;
      // Any order of the same articles gives the same bytes.
      expect(JSON.stringify(buildReleaseTable([...evidence].reverse(), [...records].reverse())) + '\n').toBe(text);

      const ix = new KbIndex({ readText: async (p) => files.get(p)! });
      const table = await ix.releases();
      expect(table.ladderOf('Exchange Server 5.5').map((r) => [r.sp, r.build])).toEqual([
        ['', 1960],
        ['1', 2232],
        ['2', 2448],
        ['3', 2650],
        ['4', 2653],
      ]);
      expect(table.ladderOf('Exchange Server 4.0').map((r) => r.build)).toEqual([837, 838, 993, 994, 995, 996]);
      // Stated by Q166349 (and others): the articles that map builds to releases.
      expect(table.resolve({ version: '5.5.2448.0', file: 'Store.exe' })).toMatchObject({
        release: 'Exchange Server 5.5 SP2',
        exact: true,
      });
      expect(table.resolve({ version: '5.5.2448.0', file: 'Store.exe' })!.articles).toContain('Q166349');
      // 5.5.2591 is a fix after SP2 (Q227142's file table), included in SP3: it is SP2, not SP3.
      const hotfix = table.resolve({ version: '5.5.2591.0', file: 'Store.exe' })!;
      expect(hotfix.release).toBe('Exchange Server 5.5 SP2');
      expect(hotfix.articles).toContain('Q227142');
      expect(hotfix.facts.some((f) => /fixed in Exchange Server 5\.5 SP3/.test(f))).toBe(true);
      // An abbreviated version in a file table ("2654.89", Q287056) resolves within its product.
      expect(table.resolve({ version: '2654.89', file: 'Mlmig32.dll' })).toMatchObject({
        build: '5.5.2654.89',
        release: 'Exchange Server 5.5 SP4',
      });
      // Shipped file lists (Q243604): Store.exe of SP1.
      expect(table.resolve({ version: '5.5.2232.11', file: 'store.exe' })!.facts).toContain(
        'ships in Exchange Server 5.5 SP1',
      );
      // Beyond Exchange: a Windows 2000 file known only from fixes is bounded, not guessed.
      const w2k = table.resolve({ version: '5.0.2195.2100', file: 'tcpip.sys' })!;
      expect(w2k.release).toBeNull();
      expect(w2k.newer).toEqual(['SP3']);
      expect(table.resolve({ version: '5.5.9.9', file: 'notafile.dll' })).toBeNull();

      const cov = table.coverage();
      expect(cov.products).toBeGreaterThanOrEqual(6);
      expect(cov.files).toBeGreaterThan(500);
      // Compact: the table is a small part of the index.
      expect(text.length).toBeLessThan(250_000);

      // Every file version the archive's fix tables list, written in a ticket, is never a KB reference...
      const versions = records.flatMap((r) => r.files.filter((f) => f.version).map((f) => `${f.name} ${f.version}`));
      expect(versions.length).toBeGreaterThan(3000);
      expect(findKbRefs(versions.join('\n'), 100_000)).toEqual([]);
      // ...and each version the table lists is placed by the build matcher (the misses: .ini, .srv and other non-binaries).
      const lines = Object.entries(table.data.files).flatMap(([f, es]) => es.map((e) => `${f} ${e[0]}`));
      const placed = lines.filter((l) => findBuildMatches(l, table).length === 1).length;
      expect(placed / lines.length).toBeGreaterThan(0.85);
    }, 300_000);
  },
);
