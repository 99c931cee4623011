import type { ArticleRecord } from '../article/types';
import { kbDigits, parseKbNumber } from '../kb-number';
import type { Detector, DetectorData } from '../match';
import { readEveryPart, type SearchIndex } from '../search';
import { useReleaseTable } from '../version/exchange-builds';
import { RELEASES_FORMAT, ReleaseTable, type ReleaseTableData } from '../version/release-table';
import { RecordFile, type RecordColumns, type RecordDictionary } from './record-columns';
import { cached, IndexReader, type IndexSource } from './index-reader';
import {
  DETECT_FILE,
  DICTIONARY_FILE,
  RECORDS_PER_FILE,
  RELEASES_FILE,
  TITLES_PER_FILE,
  recordsFile,
  type IndexManifest,
} from './layout';
import { openSearchHead } from './search-head';

export type { IndexSource } from './index-reader';

/**
 * The bundled index, read lazily: each part is fetched and decoded the first time it is needed
 * and kept, so a lookup costs one records file (with the dictionary and its titles) and the
 * matcher never pulls in article records.
 */
export class KbIndex {
  private readonly files: IndexReader;
  private detectorP?: Promise<Detector>;
  private searchP?: Promise<SearchIndex>;
  private dictionaryP?: Promise<RecordDictionary>;
  private releasesP?: Promise<ReleaseTable>;
  private readonly recordFiles = new Map<number, Promise<RecordFile>>();

  constructor(source: IndexSource) {
    this.files = new IndexReader(source);
  }

  manifest(): Promise<IndexManifest> {
    return this.files.manifest();
  }

  /** The record of one article, or undefined when the index does not have it. Accepts any KB form. */
  async lookup(kb: string): Promise<ArticleRecord | undefined> {
    const q = parseKbNumber(kb);
    if (!q) return undefined;
    const m = await this.manifest();
    // The last file whose first number is not above q's.
    const num = kbDigits(q);
    let lo = 0;
    let hi = m.recordFiles.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (m.recordFiles[mid]! <= num) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return undefined;
    return (await this.recordFile(lo - 1)).get(num);
  }

  async lookupMany(qs: Iterable<string>): Promise<Map<string, ArticleRecord>> {
    const out = new Map<string, ArticleRecord>();
    await Promise.all(
      [...new Set(qs)].map(async (q) => {
        const r = await this.lookup(q);
        if (r) out.set(r.q, r);
      }),
    );
    return out;
  }

  detector(): Promise<Detector> {
    // The matcher's modules are evaluated by the first reader of the detector, not by every reader
    // of the index: a worker started for a search never evaluates them (~6 ms of its start).
    const p = (this.detectorP ??= Promise.all([this.files.logical<DetectorData>(DETECT_FILE), import('../match')]).then(
      ([data, { loadDetector }]) => loadDetector(data),
    ));
    // A failed read is tried again by the next reader, as the search head's is.
    p.catch(() => {
      if (this.detectorP === p) this.detectorP = undefined;
    });
    return p;
  }

  /**
   * The release table (build and file version -> release). An index built before the table
   * existed has none: the table is then empty and every build is "not in the release table".
   * Loading it also makes its Exchange ladders the ones the verdicts use (useReleaseTable).
   */
  releases(): Promise<ReleaseTable> {
    return (this.releasesP ??= this.manifest().then(async (m) => {
      const table = new ReleaseTable(
        m.releases
          ? await this.files.json<ReleaseTableData>(RELEASES_FILE)
          : { format: RELEASES_FORMAT, products: [], ladders: [], files: {} },
      );
      useReleaseTable(table);
      return table;
    }));
  }

  /** The search index with every part read (the CLI, the eval, the bench). */
  searchIndex(): Promise<SearchIndex> {
    return this.searchHead().then(async (ix) => {
      await readEveryPart(ix);
      return ix;
    });
  }

  /**
   * The search index with its head only: postings and titles are read as searches touch them
   * (searchReading). The same index as searchIndex(), which reads the rest into it.
   */
  searchHead(): Promise<SearchIndex> {
    const p = (this.searchP ??= openSearchHead(this.files));
    p.catch(() => {
      if (this.searchP === p) this.searchP = undefined;
    });
    return p;
  }

  /** Every record, in Q-number order (reads every records file). */
  async allRecords(): Promise<ArticleRecord[]> {
    const m = await this.manifest();
    const files = await Promise.all(m.recordFiles.map((_, n) => this.recordFile(n)));
    return files.flatMap((f) => Array.from({ length: f.size }, (_, i) => f.at(i)));
  }

  private recordFile(n: number): Promise<RecordFile> {
    return cached(this.recordFiles, n, async () => {
      const first = n * RECORDS_PER_FILE;
      const [columns, dictionary, titles] = await Promise.all([
        this.files.json<RecordColumns>(recordsFile(n)),
        this.dictionary(),
        this.files.titles(Math.floor(first / TITLES_PER_FILE)),
      ]);
      const at = first % TITLES_PER_FILE;
      return new RecordFile(columns, dictionary, titles.slice(at, at + RECORDS_PER_FILE));
    });
  }

  private dictionary(): Promise<RecordDictionary> {
    const p = (this.dictionaryP ??= this.files.json<RecordDictionary>(DICTIONARY_FILE));
    p.catch(() => {
      if (this.dictionaryP === p) this.dictionaryP = undefined;
    });
    return p;
  }
}
