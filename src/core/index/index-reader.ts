import { INDEX_FORMAT, MANIFEST_FILE, titlesFile, type IndexManifest } from './layout';

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
 * An index's files read as JSON: its manifest (checked once), files written in parts merged back, title
 * files read once each. Apart from KbIndex so that a reader of the search alone (search-head.ts)
 * does not carry the records' and the matcher's readers.
 */
export class IndexReader {
  private manifestP?: Promise<IndexManifest>;
  private readonly titleFiles = new Map<number, Promise<string[]>>();

  constructor(readonly source: IndexSource) {}

  manifest(): Promise<IndexManifest> {
    return (this.manifestP ??= this.json<IndexManifest>(MANIFEST_FILE).then((m) => {
      if (m.format !== INDEX_FORMAT)
        throw new Error(`index format ${String(m.format)}, this reader needs ${INDEX_FORMAT}: rebuild the index`);
      return m;
    }));
  }

  titles(n: number): Promise<string[]> {
    return cached(this.titleFiles, n, () => this.json<string[]>(titlesFile(n)));
  }

  /** A file the builder may have written in parts (see MAX_FILE_BYTES): the parts merged back. */
  async logical<T>(name: string): Promise<T> {
    const parts = (await this.manifest()).parts?.[name];
    if (!parts) return this.json<T>(name);
    const objects = await Promise.all(parts.map((p) => this.json<Record<string, unknown>>(p)));
    return Object.assign({}, ...objects) as T;
  }

  async json<T>(path: string): Promise<T> {
    const text = await this.source.readText(path);
    try {
      return JSON.parse(text) as T;
    } catch (e) {
      throw new Error(`index file ${path} is not valid JSON: ${(e as Error).message}`, { cause: e });
    }
  }
}

/** The promise for `key`, made once; a failed read is dropped so that the next call tries again. */
export function cached<K, V>(map: Map<K, Promise<V>>, key: K, make: () => Promise<V>): Promise<V> {
  let p = map.get(key);
  if (!p) {
    p = make();
    p.catch(() => map.delete(key));
    map.set(key, p);
  }
  return p;
}
