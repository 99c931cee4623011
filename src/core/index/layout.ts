/**
 * The bundled index: which files it has and what each holds. The extension fetches these files
 * from its own package and the CLI reads them from disk, so paths are relative to the index root.
 *
 *   manifest.json      counts, the record buckets and the format version
 *   records/NNN.json   the records of every article in one archive bucket (Q227142 -> 227.json),
 *                      so a lookup reads ~200 records, not 60,000
 *   detect.json        what the matcher needs to find error and NDR strings: no article records
 *   search.json        the search index: vocabulary, postings, and q + title per article
 */
export const INDEX_FORMAT = 1;

export const MANIFEST_FILE = 'manifest.json';
export const DETECT_FILE = 'detect.json';
export const SEARCH_FILE = 'search.json';

export function recordsFile(bucket: string): string {
  return `records/${bucket}.json`;
}

/**
 * addons.mozilla.org rejects a package with any file over 5 MiB (FILE_TOO_LARGE), so a large
 * JSON object is written as several part files, each holding some of its top-level keys.
 */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface IndexManifest {
  format: typeof INDEX_FORMAT;
  /** Articles in the index. */
  articles: number;
  /** Buckets that have a records file, sorted. */
  buckets: string[];
  /** Files written in parts: logical name -> part files, to be merged key by key on read. */
  parts: Record<string, string[]>;
  /** Coverage figures, for the summary and the popup's "about". */
  coverage: {
    versions: number;
    fixedIn: number;
    files: number;
    errors: number;
    errorStrings: number;
    related: number;
  };
}
