import type { ArticleRecord } from '../article/types';
import { kbDigits } from '../kb-number';
import { buildDetectorWithStats, countBackground, type BuildStats } from '../match';
import { buildSearchIndex, splitSearchIndex } from '../search';
import { mineAliases } from '../search/aliases';
import type { ReleaseEvidence } from '../version/release-evidence';
import { ReleaseTable } from '../version/release-table';
import { buildReleaseTable } from '../version/release-table-build';
import { contentId } from './content-id';
import { encodeRecords } from './record-columns';
import {
  DETECT_FILE,
  DICTIONARY_FILE,
  INDEX_FORMAT,
  MANIFEST_FILE,
  MAX_FILE_BYTES,
  RECORDS_PER_FILE,
  RELEASES_FILE,
  SEARCH_FILE,
  SEARCH_PART_CHARS,
  TITLES_PER_FILE,
  recordsFile,
  searchPartFile,
  titlesFile,
  type IndexManifest,
} from './layout';

export interface BuildIndexOptions {
  /**
   * Each article's whole text by number ("Q227142"): the detector measures on it how common each
   * pattern is in articles that do not quote it, and leaves out ordinary prose (match/noise.ts).
   */
  texts?: ReadonlyMap<string, string>;
  /**
   * More words per article for search only, by number (TopicTermStats.searchWords): indexed in a
   * field of their own, not stored in its record.
   */
  searchWords?: ReadonlyMap<string, readonly string[]>;
  /** Receives what the detector build found (patterns, soft slots, collisions, noise left out). */
  onDetectorStats?: (stats: BuildStats) => void;
}

/**
 * Turns parsed records into the files of the bundled index (path -> JSON text), laid out as
 * layout.ts describes.
 *
 * Deterministic: records are sorted by number, dictionaries by frequency then value, and JSON is
 * written without timestamps, so the same corpus gives the same bytes and CI can tell when the
 * committed index is stale.
 */
export function buildIndexFiles(
  input: readonly ArticleRecord[],
  releaseEvidence: readonly ReleaseEvidence[] = [],
  opts: BuildIndexOptions = {},
): Map<string, string> {
  const records = [...input].sort((a, b) => kbDigits(a.q) - kbDigits(b.q));
  const files = new Map<string, string>();

  const { dictionary, files: columns } = encodeRecords(records, RECORDS_PER_FILE);
  files.set(DICTIONARY_FILE, JSON.stringify(dictionary) + '\n');
  columns.forEach((c, n) => files.set(recordsFile(n), JSON.stringify(c) + '\n'));
  const recordFiles = columns.map((c) => c.q[0]!);

  let titleFiles = 0;
  for (let start = 0; start < records.length; start += TITLES_PER_FILE) {
    files.set(
      titlesFile(titleFiles++),
      JSON.stringify(records.slice(start, start + TITLES_PER_FILE).map((r) => r.title)) + '\n',
    );
  }

  const parts: Record<string, string[]> = {};
  const texts = opts.texts;
  const background = texts ? countBackground(articleTexts(records, texts)) : undefined;
  const detector = buildDetectorWithStats(records, { background });
  opts.onDetectorStats?.(detector.stats);
  writeInParts(files, parts, DETECT_FILE, detector.data as unknown as Record<string, unknown>);
  // The texts also give search the acronyms the archive spells out ("Outlook Web Access (OWA)").
  // Titles are stored once, in titles/: they are the search index's titles parts.
  const search = splitSearchIndex(
    buildSearchIndex(records, {
      aliases: texts ? mineAliases(texts.values()) : undefined,
      searchWords: opts.searchWords,
      texts: texts?.values(),
    }),
    { partChars: SEARCH_PART_CHARS, titlesPerPart: TITLES_PER_FILE },
  );
  writeInParts(files, parts, SEARCH_FILE, search.head as unknown as Record<string, unknown>);
  search.parts.forEach((p, n) => files.set(searchPartFile(n), JSON.stringify(p) + '\n'));
  const releases = buildReleaseTable(releaseEvidence, records);
  files.set(RELEASES_FILE, JSON.stringify(releases) + '\n');

  const manifest: IndexManifest = {
    format: INDEX_FORMAT,
    articles: records.length,
    recordFiles,
    titleFiles,
    searchParts: search.parts.length,
    parts,
    coverage: coverageOf(records),
    releases: new ReleaseTable(releases).coverage(),
    content: contentId(files),
  };
  files.set(MANIFEST_FILE, JSON.stringify(manifest, null, 2) + '\n');
  return files;
}

function* articleTexts(
  records: readonly ArticleRecord[],
  texts: ReadonlyMap<string, string>,
): Generator<{ q: number; text: string }> {
  for (const r of records) {
    const text = texts.get(r.q);
    if (text !== undefined) yield { q: kbDigits(r.q), text };
  }
}

export function coverageOf(records: readonly ArticleRecord[]): IndexManifest['coverage'] {
  const count = (pred: (r: ArticleRecord) => boolean) => records.reduce((n, r) => n + (pred(r) ? 1 : 0), 0);
  return {
    versions: count((r) => r.versions.length > 0),
    fixedIn: count((r) => r.fixedIn !== null),
    files: count((r) => r.files.length > 0),
    errors: count((r) => r.errors.length > 0),
    errorStrings: records.reduce((n, r) => n + r.errors.length, 0),
    related: count((r) => r.related.length > 0),
  };
}

/** One file when it fits under MAX_FILE_BYTES, else name.1.json, name.2.json ... split by top-level key. */
export function writeInParts(
  files: Map<string, string>,
  parts: Record<string, string[]>,
  name: string,
  value: Record<string, unknown>,
): void {
  const whole = JSON.stringify(value) + '\n';
  if (whole.length <= MAX_FILE_BYTES) {
    files.set(name, whole);
    return;
  }
  const groups: Record<string, unknown>[] = [];
  let current: Record<string, unknown> = {};
  let size = 0;
  for (const [key, v] of Object.entries(value)) {
    const bytes = JSON.stringify(v).length + key.length + 4;
    if (size > 0 && size + bytes > MAX_FILE_BYTES) {
      groups.push(current);
      current = {};
      size = 0;
    }
    current[key] = v;
    size += bytes;
  }
  groups.push(current);
  const base = name.replace(/\.json$/, '');
  parts[name] = groups.map((g, i) => {
    const part = `${base}.${i + 1}.json`;
    files.set(part, JSON.stringify(g) + '\n');
    return part;
  });
}
