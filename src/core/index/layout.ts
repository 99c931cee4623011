/**
 * The bundled index: which files it has and what each holds. The extension fetches these files
 * from its own package and the CLI reads them from disk, so paths are relative to the index root.
 *
 *   manifest.json      counts, where each records file starts, the format version, the content's identity
 *   dict.json          strings the records share (products, versions, keywords, fix lists)
 *   records/NNN.json   RECORDS_PER_FILE records by column (record-columns.ts), in Q-number order,
 *                      so a lookup reads ~800 records, not 60,000
 *   titles/NNN.json    TITLES_PER_FILE titles, in Q-number order: read by lookups and search alike
 *   detect.json        what the matcher needs to find error and NDR strings: no article records
 *   search.json        the search index's head: vocabulary, counts, offsets, Q-numbers, title lengths
 *   search/NNN.json    the postings and field masks of a range of terms, read when a search touches
 *                      them (titles come from titles/, also per file), so a popup's first search
 *                      waits for the head and a few files, not for 8 MB
 *   releases.json      the release table: build ladders per product, file versions and what ships them
 *                      (version/release-table.ts); absent from an index built before it existed
 */
export const INDEX_FORMAT = 3;

export const MANIFEST_FILE = 'manifest.json';
export const DICTIONARY_FILE = 'dict.json';
export const DETECT_FILE = 'detect.json';
export const SEARCH_FILE = 'search.json';
export const RELEASES_FILE = 'releases.json';

/**
 * Records per records file. About 800 records (~90 KB of JSON, as one archive folder used to be)
 * keeps a cold lookup cheap while giving deflate enough of each column to find its repeats.
 */
export const RECORDS_PER_FILE = 800;
/**
 * Titles per title file; a multiple of RECORDS_PER_FILE, so a records file's titles sit in one
 * file. One title file per records file: a search reads the titles of its top articles, spread
 * over the archive, and 25 of them cost ~20 files of 45 KB instead of ~12 of 220 KB (the popup's
 * first search after a cold start). That costs ~100 KB of the package (titles compress 8% worse
 * in 800s than in 4000s).
 */
export const TITLES_PER_FILE = RECORDS_PER_FILE;

/**
 * About how many characters of postings and masks one search/NNN.json holds. A query touches a
 * few terms spread over the vocabulary (its words, their completions, typos, synonyms), each in
 * one file: smaller files mean fewer bytes read before the first answer, more files in the package.
 */
export const SEARCH_PART_CHARS = 64 * 1024;

export function searchPartFile(n: number): string {
  return `search/${String(n).padStart(3, '0')}.json`;
}

export function recordsFile(n: number): string {
  return `records/${String(n).padStart(3, '0')}.json`;
}

export function titlesFile(n: number): string {
  return `titles/${String(n).padStart(3, '0')}.json`;
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
  /** Q-number digits of the first record of each records file, ascending (file n holds articles n*RECORDS_PER_FILE...). */
  recordFiles: number[];
  /** How many title files there are. */
  titleFiles: number;
  /** How many search/NNN.json files there are (absent before the search index had parts). */
  searchParts?: number;
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
  /** The release table's size: products with a build ladder, their releases, files with versions. */
  releases?: { products: number; releases: number; files: number; fileVersions: number };
  /**
   * The identity of every other file's content (content-id.ts): what a copy of the files must
   * carry to be read instead of them. Absent from an index built before it existed.
   */
  content?: string;
}
