import type { ArticleRecord } from '../article/types';
import { kbDigits, parseKbNumber } from '../kb-number';
import type { Detector, DetectorData } from '../match';
import {
  headImage,
  openHeadImage,
  openSearchIndex,
  readEveryPart,
  type SearchHeadData,
  type SearchIndex,
  type SearchPartReader,
  type SearchTermsPartData,
} from '../search';
import { useReleaseTable } from '../version/exchange-builds';
import { RELEASES_FORMAT, ReleaseTable, type ReleaseTableData } from '../version/release-table';
import { RecordFile, type RecordColumns, type RecordDictionary } from './record-columns';
import {
  DETECT_FILE,
  DICTIONARY_FILE,
  INDEX_FORMAT,
  MANIFEST_FILE,
  RECORDS_PER_FILE,
  RELEASES_FILE,
  SEARCH_FILE,
  TITLES_PER_FILE,
  recordsFile,
  searchPartFile,
  titlesFile,
  type IndexManifest,
} from './layout';

/** Where the index files come from: the package via fetch in the extension, the disk in the CLI. */
export interface IndexSource {
  readText(path: string): Promise<string>;
  /**
   * Where a source can keep an opened form of a file (the extension's IndexedDB copy): the image
   * kept for `path` from this same index, or undefined. Sources without a store leave both out.
   */
  readImage?(path: string): Promise<unknown>;
  /** Keeps an opened form of `path`'s file for a later reader of the same index, when it can. */
  keepImage?(path: string, image: () => unknown): void;
}

/**
 * The bundled index, read lazily: each part is fetched and decoded the first time it is needed
 * and kept, so a lookup costs one records file (with the dictionary and its titles) and the
 * matcher never pulls in article records.
 */
export class KbIndex {
  private manifestP?: Promise<IndexManifest>;
  private detectorP?: Promise<Detector>;
  private searchP?: Promise<SearchIndex>;
  private dictionaryP?: Promise<RecordDictionary>;
  private releasesP?: Promise<ReleaseTable>;
  private readonly recordFiles = new Map<number, Promise<RecordFile>>();
  private readonly titleFiles = new Map<number, Promise<string[]>>();

  constructor(private readonly source: IndexSource) {}

  manifest(): Promise<IndexManifest> {
    return (this.manifestP ??= this.readJson<IndexManifest>(MANIFEST_FILE).then((m) => {
      if (m.format !== INDEX_FORMAT)
        throw new Error(`index format ${String(m.format)}, this reader needs ${INDEX_FORMAT}: rebuild the index`);
      return m;
    }));
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
    const p = (this.detectorP ??= Promise.all([this.readLogical<DetectorData>(DETECT_FILE), import('../match')]).then(
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
          ? await this.readJson<ReleaseTableData>(RELEASES_FILE)
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
    const p = (this.searchP ??= (async () => {
      const reader: SearchPartReader = {
        terms: (n) => this.readJson<SearchTermsPartData>(searchPartFile(n)),
        titles: (n) => this.titles(n),
        fileOf: (kind, n) => (kind === 'terms' ? searchPartFile(n) : titlesFile(n)),
      };
      // The head as an earlier reader opened it, where the source keeps one: asked for with the manifest.
      const image = this.source.readImage?.(SEARCH_FILE).catch(() => undefined);
      const m = await this.manifest();
      let ix = openHeadImage(await image, reader);
      if (!ix) {
        // An index written before the head existed has the search index in parts: read, it names its format.
        const head = m.parts?.[SEARCH_FILE]
          ? await this.readLogical<SearchHeadData>(SEARCH_FILE)
          : await this.readJson<SearchHeadData>(SEARCH_FILE);
        const opened = (ix = openSearchIndex(head, reader));
        this.source.keepImage?.(SEARCH_FILE, () => headImage(opened));
      }
      if (ix.parts.postings.length !== (m.searchParts ?? 0) || ix.parts.titles.length !== m.titleFiles)
        throw new Error(`index: ${SEARCH_FILE} does not match ${MANIFEST_FILE}'s part counts: rebuild the index`);
      if (ix.parts.titlesPerPart !== TITLES_PER_FILE)
        throw new Error(
          `index: ${SEARCH_FILE} has ${ix.parts.titlesPerPart} titles per file, this reader ${TITLES_PER_FILE}`,
        );
      return ix;
    })());
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
        this.readJson<RecordColumns>(recordsFile(n)),
        this.dictionary(),
        this.titles(Math.floor(first / TITLES_PER_FILE)),
      ]);
      const at = first % TITLES_PER_FILE;
      return new RecordFile(columns, dictionary, titles.slice(at, at + RECORDS_PER_FILE));
    });
  }

  private dictionary(): Promise<RecordDictionary> {
    const p = (this.dictionaryP ??= this.readJson<RecordDictionary>(DICTIONARY_FILE));
    p.catch(() => {
      if (this.dictionaryP === p) this.dictionaryP = undefined;
    });
    return p;
  }

  private titles(n: number): Promise<string[]> {
    return cached(this.titleFiles, n, () => this.readJson<string[]>(titlesFile(n)));
  }

  /** A file the builder may have written in parts (see MAX_FILE_BYTES): the parts merged back. */
  private async readLogical<T>(name: string): Promise<T> {
    const parts = (await this.manifest()).parts?.[name];
    if (!parts) return this.readJson<T>(name);
    const objects = await Promise.all(parts.map((p) => this.readJson<Record<string, unknown>>(p)));
    return Object.assign({}, ...objects) as T;
  }

  private async readJson<T>(path: string): Promise<T> {
    const text = await this.source.readText(path);
    try {
      return JSON.parse(text) as T;
    } catch (e) {
      throw new Error(`index file ${path} is not valid JSON: ${(e as Error).message}`, { cause: e });
    }
  }
}

/** The promise for `key`, made once; a failed read is dropped so that the next call tries again. */
function cached<K, V>(map: Map<K, Promise<V>>, key: K, make: () => Promise<V>): Promise<V> {
  let p = map.get(key);
  if (!p) {
    p = make();
    p.catch(() => map.delete(key));
    map.set(key, p);
  }
  return p;
}
