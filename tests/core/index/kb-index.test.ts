import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../src/core/article/types';
import { buildIndexFiles } from '../../../src/core/index/build-index';
import { articleRecord } from '../../fixtures/article-record';
import { KbIndex } from '../../../src/core/index/kb-index';
import {
  MAX_FILE_BYTES,
  RECORDS_PER_FILE,
  TITLES_PER_FILE,
  titlesFile,
  type IndexManifest,
} from '../../../src/core/index/layout';
import { buildSearchIndex, loadSearchIndex, search } from '../../../src/core/search';

/** Invented records: enough of them to fill several records and title files. */
function makeRecords(n: number): ArticleRecord[] {
  const out: ArticleRecord[] = [];
  for (let i = 0; i < n; i++) {
    const num = 10000 + i * 7;
    const q = 'Q' + num;
    const sp = String((i % 6) + 1);
    const fix = {
      text: `Exchange Server 5.5 Service Pack ${sp}`,
      product: 'Exchange Server',
      version: '5.5',
      servicePack: sp,
      hotfix: false,
      source: 'status' as const,
    };
    out.push(
      articleRecord({
        q,
        title: `XADM: Widget ${i} fails to frob the store ${i % 13}`,
        products: i % 3 ? ['Microsoft Exchange Server'] : ['Microsoft Exchange Server', `Rare Product ${i}`],
        versions: i % 4 ? ['Exchange Server 5.5'] : [],
        versionsRaw: i % 4 ? 'winnt:5.5' : `winnt:odd ${i}`,
        os: i % 5 ? [] : ['Windows NT'],
        keywords: ['kbbug', `kbexch${i % 50}`],
        lastModified: i % 9 ? `1999-0${(i % 9) + 1}-1${i % 10}` : null,
        fixes: i % 2 ? [fix] : [],
        fixedIn: i % 2 ? fix.text : null,
        fixKind: i % 2 ? 'service-pack' : i % 4 ? 'none' : 'workaround-only',
        files:
          i % 11
            ? []
            : [
                { name: 'store.exe', version: `5.5.${i}.0` },
                { name: 'dsamain.exe', version: null },
              ],
        errors:
          i % 7
            ? []
            : [
                {
                  text: `The widget <server name> could not frob (${i})`,
                  kind: i % 2 ? 'error' : 'ndr',
                  placeholders: ['<server name>'],
                },
              ],
        related: i % 8 ? [] : ['Q' + (num - 1), 'Q' + (num + 123456), 'Q000123'],
      }),
    );
  }
  // Articles that break the rules the format derives fields by.
  out[3] = { ...out[3]!, fixedIn: 'latest service pack' };
  out[5] = { ...out[5]!, fix: { ...out[5]!.fixes[0]!, source: 'body' } };
  out[7] = { ...out[7]!, fix: null };
  out[10] = { ...out[10]!, lastModified: '' as unknown as null };
  // Issue 15: another vendor's update, and a service pack inferred from "the latest service pack".
  out[12] = { ...out[12]!, fixKind: 'other', fixes: [], fix: null, fixedIn: null };
  const inferred = {
    text: 'Exchange Server 5.5 Service Pack 3 (inferred)',
    product: 'Exchange Server',
    version: '5.5',
    servicePack: '3',
    hotfix: false,
    source: 'status' as const,
    inferred: true,
  };
  out[13] = { ...out[13]!, fixes: [inferred], fix: inferred, fixedIn: inferred.text, fixKind: 'service-pack' };
  return out;
}

function memoryIndex(files: Map<string, string>): KbIndex {
  return new KbIndex({
    async readText(path) {
      const text = files.get(path);
      if (text === undefined) throw new Error(`no file ${path}`);
      return text;
    },
  });
}

const RECORDS = makeRecords(2 * TITLES_PER_FILE + 3 * RECORDS_PER_FILE + 17);
const FILES = buildIndexFiles([...RECORDS].reverse());

describe('bundled index format', () => {
  it('reads back every record exactly as it was built', async () => {
    const ix = memoryIndex(FILES);
    for (const r of RECORDS) expect(await ix.lookup(r.q)).toEqual(r);
    expect(JSON.stringify(await ix.allRecords())).toBe(JSON.stringify(RECORDS));
  });

  it('finds nothing for numbers before, between and after the records', async () => {
    const ix = memoryIndex(FILES);
    for (const q of ['Q1', 'Q10001', 'Q9999999']) expect(await ix.lookup(q)).toBeUndefined();
  });

  it('searches exactly as an index built straight from the records', async () => {
    const direct = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(RECORDS))));
    const viaFiles = await memoryIndex(FILES).searchIndex();
    for (const query of ['widget frob', 'Q10070', 'exchange 5.5 store.exe', 'could not frob', 'xadm widget 17']) {
      expect(search(viaFiles, query)).toEqual(search(direct, query));
    }
  });

  it('writes the same bytes for the same records, in any order', () => {
    expect(buildIndexFiles(RECORDS)).toEqual(FILES);
  });

  it('keeps every file under the size limit and stores titles once', () => {
    for (const [path, text] of FILES) expect(text.length, path).toBeLessThanOrEqual(MAX_FILE_BYTES);
    const manifest = JSON.parse(FILES.get('manifest.json')!) as IndexManifest;
    expect(manifest.recordFiles).toHaveLength(Math.ceil(RECORDS.length / RECORDS_PER_FILE));
    expect(manifest.titleFiles).toBe(Math.ceil(RECORDS.length / TITLES_PER_FILE));
    const title = RECORDS[1234]!.title;
    const holding = [...FILES].filter(([, text]) => text.includes(JSON.stringify(title)));
    expect(holding.map(([path]) => path)).toEqual([titlesFile(Math.floor(1234 / TITLES_PER_FILE))]);
  });

  it('refuses an index of another format', async () => {
    const files = new Map(FILES);
    files.set('manifest.json', JSON.stringify({ ...(JSON.parse(FILES.get('manifest.json')!) as object), format: 1 }));
    await expect(memoryIndex(files).lookup('Q10000')).rejects.toThrow(/format 1/);
  });

  it('tries a records file again after a failed read', async () => {
    let fail = true;
    const ix = new KbIndex({
      async readText(path) {
        if (path.startsWith('records/') && fail) throw new Error('flaky');
        return FILES.get(path)!;
      },
    });
    await expect(ix.lookup('Q10000')).rejects.toThrow('flaky');
    fail = false;
    expect(await ix.lookup('Q10000')).toEqual(RECORDS[0]);
  });
});
