import type { ArticleRecord } from '../article/types';
import { bucketOf, kbDigits } from '../kb-number';
import { buildDetector } from '../match';
import { buildSearchIndex } from '../search';
import { compactRecord } from './compact-record';
import { DETECT_FILE, INDEX_FORMAT, MANIFEST_FILE, MAX_FILE_BYTES, SEARCH_FILE, recordsFile, type IndexManifest } from './layout';

/**
 * Turns parsed records into the files of the bundled index (path -> JSON text).
 *
 * Deterministic: records are sorted by number and JSON is written without timestamps, so the
 * same corpus gives the same bytes and CI can tell when the committed index is stale.
 */
export function buildIndexFiles(input: readonly ArticleRecord[]): Map<string, string> {
  const records = [...input].sort((a, b) => kbDigits(a.q) - kbDigits(b.q));
  const files = new Map<string, string>();

  const buckets = new Map<string, ArticleRecord[]>();
  for (const r of records) {
    const b = bucketOf(r.q);
    let list = buckets.get(b);
    if (!list) buckets.set(b, (list = []));
    list.push(r);
  }
  for (const [bucket, list] of [...buckets].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // One record per line: diffs of the committed index stay readable and small.
    files.set(recordsFile(bucket), '[\n' + list.map((r) => JSON.stringify(compactRecord(r))).join(',\n') + '\n]\n');
  }

  const parts: Record<string, string[]> = {};
  writeInParts(files, parts, DETECT_FILE, buildDetector(records) as unknown as Record<string, unknown>);
  writeInParts(files, parts, SEARCH_FILE, buildSearchIndex(records) as unknown as Record<string, unknown>);

  const manifest: IndexManifest = {
    format: INDEX_FORMAT,
    articles: records.length,
    buckets: [...buckets.keys()].sort(),
    parts,
    coverage: coverageOf(records),
  };
  files.set(MANIFEST_FILE, JSON.stringify(manifest, null, 2) + '\n');
  return files;
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
export function writeInParts(files: Map<string, string>, parts: Record<string, string[]>, name: string, value: Record<string, unknown>): void {
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
