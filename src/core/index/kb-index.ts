import type { ArticleRecord } from '../article/types';
import { bucketOf, parseKbNumber } from '../kb-number';
import { loadDetector, type Detector, type DetectorData } from '../match';
import { loadSearchIndex, type SearchIndex, type SearchIndexData } from '../search';
import { expandRecord, type CompactRecord } from './compact-record';
import { DETECT_FILE, MANIFEST_FILE, SEARCH_FILE, recordsFile, type IndexManifest } from './layout';

/** Where the index files come from: the package via fetch in the extension, the disk in the CLI. */
export interface IndexSource {
  readText(path: string): Promise<string>;
}

/**
 * The bundled index, read lazily: each part is fetched and decoded the first time it is needed
 * and kept, so a lookup costs one bucket file and the matcher never pulls in article records.
 */
export class KbIndex {
  private manifestP?: Promise<IndexManifest>;
  private detectorP?: Promise<Detector>;
  private searchP?: Promise<SearchIndex>;
  private readonly buckets = new Map<string, Promise<Map<string, ArticleRecord>>>();

  constructor(private readonly source: IndexSource) {}

  manifest(): Promise<IndexManifest> {
    return (this.manifestP ??= this.readJson<IndexManifest>(MANIFEST_FILE));
  }

  /** The record of one article, or undefined when the index does not have it. Accepts any KB form. */
  async lookup(kb: string): Promise<ArticleRecord | undefined> {
    const q = parseKbNumber(kb);
    if (!q) return undefined;
    const bucket = await this.bucket(bucketOf(q));
    return bucket.get(q);
  }

  async lookupMany(qs: Iterable<string>): Promise<Map<string, ArticleRecord>> {
    const out = new Map<string, ArticleRecord>();
    await Promise.all([...new Set(qs)].map(async (q) => {
      const r = await this.lookup(q);
      if (r) out.set(r.q, r);
    }));
    return out;
  }

  detector(): Promise<Detector> {
    return (this.detectorP ??= this.readLogical<DetectorData>(DETECT_FILE).then(loadDetector));
  }

  searchIndex(): Promise<SearchIndex> {
    return (this.searchP ??= this.readLogical<SearchIndexData>(SEARCH_FILE).then(loadSearchIndex));
  }

  private bucket(name: string): Promise<Map<string, ArticleRecord>> {
    let p = this.buckets.get(name);
    if (!p) {
      p = this.manifest().then(async (m) => {
        const map = new Map<string, ArticleRecord>();
        if (!m.buckets.includes(name)) return map;
        for (const c of await this.readJson<CompactRecord[]>(recordsFile(name))) map.set(c.q, expandRecord(c));
        return map;
      });
      // A failed read must not poison the cache: the next lookup tries again.
      p.catch(() => this.buckets.delete(name));
      this.buckets.set(name, p);
    }
    return p;
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
      throw new Error(`index file ${path} is not valid JSON: ${(e as Error).message}`);
    }
  }
}
