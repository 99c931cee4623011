import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArticle } from '../../core/article/parse-article';
import type { ArticleRecord, ParseIssue } from '../../core/article/types';
import { buildIndexFiles, coverageOf } from '../../core/index/build-index';
import { releaseEvidenceOf, type ReleaseEvidence } from '../../core/version/release-evidence';
import {
  DICTIONARY_FILE,
  MANIFEST_FILE,
  RELEASES_FILE,
  recordsFile,
  searchPartFile,
  titlesFile,
  type IndexManifest,
} from '../../core/index/layout';
import { TopicTermStats } from '../../core/index/topic-terms';
import type { BuildStats } from '../../core/match';
import { resolveLatestServicePacks } from '../../core/version/service-pack-dates';
import { readCorpus } from '../corpus/read-corpus';
import { UsageError, err, out, parseCommandArgs, type Command } from '../command';

export interface BuildSummary {
  articles: number;
  skipped: ParseIssue[];
  warnings: number;
  coverage: ReturnType<typeof coverageOf>;
  /** The release table's coverage (products with a ladder, releases, files). */
  releases: IndexManifest['releases'];
  releaseBytes: number;
  seconds: number;
  bytes: number;
  files: number;
  detector?: BuildStats;
}

/** Parses every article of a corpus and writes the index; one bad article is reported, never fatal. */
export async function buildIndex(corpus: string, outDir: string): Promise<BuildSummary> {
  const started = performance.now();
  const records: ArticleRecord[] = [];
  const evidence: ReleaseEvidence[] = [];
  const skipped: ParseIssue[] = [];
  const texts = new Map<string, string>();
  let warnings = 0;
  const topics = new TopicTermStats();
  for await (const file of readCorpus(corpus)) {
    if (file.error !== undefined) {
      skipped.push({ file: file.path, line: 0, message: file.error });
      continue;
    }
    const result = parseArticle(file.text, file.path);
    if (result.ok) {
      records.push(result.record);
      texts.set(result.record.q, file.text);
      topics.add(result.topic, result.lead);
      const e = releaseEvidenceOf(file.text, result.record);
      if (e) evidence.push(e);
      warnings += result.warnings.length;
    } else {
      skipped.push(result.error);
    }
  }
  // Nothing is written for an empty build: an empty index would replace a good one.
  if (records.length === 0) {
    throw new Error(`no articles found in ${corpus} (${skipped.length} skipped); ${outDir} left as it was`);
  }
  const previous = await previousIndexFiles(outDir);
  // Rarity needs the whole archive: each article's terms are chosen again once all are counted.
  const searchWords = new Map<string, string[]>();
  records.forEach((r, doc) => {
    r.terms = topics.terms(doc);
    searchWords.set(r.q, topics.searchWords(doc, r.terms));
  });
  // Corpus-wide: "the latest service pack" gets the number current when each article was modified.
  resolveLatestServicePacks(records);
  let detector: BuildStats | undefined;
  const files = buildIndexFiles(records, evidence, {
    texts,
    searchWords,
    onDetectorStats: (s) => {
      detector = s;
    },
  });

  let bytes = 0;
  for (const [path, text] of files) {
    const target = join(outDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    bytes += Buffer.byteLength(text);
  }
  // A file the previous index had and this one does not must not linger; nothing else is touched.
  for (const path of previous) if (!files.has(path)) await rm(join(outDir, path), { force: true });
  return {
    articles: records.length,
    skipped,
    warnings,
    coverage: coverageOf(records),
    releases: (JSON.parse(files.get(MANIFEST_FILE)!) as IndexManifest).releases,
    releaseBytes: Buffer.byteLength(files.get(RELEASES_FILE) ?? ''),
    seconds: (performance.now() - started) / 1000,
    bytes,
    files: files.size,
    ...(detector ? { detector } : {}),
  };
}

/**
 * The files of the index already in `outDir`, as its manifest names them: none for a missing
 * or empty folder. A folder with anything in it and no readable index manifest is refused, so
 * `--out` pointed at the wrong folder never overwrites or deletes someone's files.
 */
export async function previousIndexFiles(outDir: string): Promise<string[]> {
  let names: string[];
  try {
    if (!(await stat(outDir)).isDirectory()) throw new Error(`--out ${outDir} is not a folder`);
    names = await readdir(outDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  if (names.length === 0) return [];
  const refuse = (why: string) =>
    new Error(
      `refusing to write into ${outDir}: it is not empty and ${why}; give an empty or new folder, or a previous index`,
    );
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(join(outDir, MANIFEST_FILE), 'utf8'));
  } catch {
    throw refuse(`has no readable ${MANIFEST_FILE}`);
  }
  const files = filesNamedBy(manifest);
  if (!files) throw refuse(`its ${MANIFEST_FILE} is not a KB Lens index manifest`);
  return files;
}

/** Every file an index manifest implies, or null when the value is not such a manifest. */
export function filesNamedBy(manifest: unknown): string[] | null {
  if (typeof manifest !== 'object' || manifest === null) return null;
  const m = manifest as Record<string, unknown>;
  const count = (v: unknown): number | null =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) < 100_000 ? (v as number) : null;
  const recordCount = Array.isArray(m.recordFiles) ? count(m.recordFiles.length) : null;
  const titleCount = count(m.titleFiles);
  if (typeof m.format !== 'number' || recordCount === null || titleCount === null) return null;
  const files = [MANIFEST_FILE, DICTIONARY_FILE, RELEASES_FILE, 'detect.json', 'search.json'];
  for (let n = 0; n < recordCount; n++) files.push(recordsFile(n));
  for (let n = 0; n < titleCount; n++) files.push(titlesFile(n));
  const searchCount = m.searchParts === undefined ? 0 : count(m.searchParts);
  if (searchCount === null) return null;
  for (let n = 0; n < searchCount; n++) files.push(searchPartFile(n));
  if (typeof m.parts === 'object' && m.parts !== null) {
    for (const list of Object.values(m.parts)) {
      if (!Array.isArray(list)) continue;
      // Only plain names inside the index: a manifest must not name a path that leaves it.
      for (const part of list) if (typeof part === 'string' && /^[\w.-]+\.json$/.test(part)) files.push(part);
    }
  }
  return files;
}

export const buildIndexCommand: Command = async (argv) => {
  const { values } = parseCommandArgs(argv, {
    corpus: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!values.corpus || !values.out) throw new UsageError('needs --corpus <folder|.tar.gz> and --out <dir>');
  const summary = await buildIndex(resolve(values.corpus), resolve(values.out));
  if (values.json) {
    out(JSON.stringify(summary, null, 2));
  } else {
    const c = summary.coverage;
    out(`Indexed ${summary.articles} articles in ${summary.seconds.toFixed(1)} s -> ${values.out}`);
    out(`  ${summary.files} files, ${(summary.bytes / 1e6).toFixed(2)} MB`);
    out(
      `  with versions ${c.versions}, a fix ${c.fixedIn}, file versions ${c.files}, error strings ${c.errors} (${c.errorStrings} strings), related ${c.related}`,
    );
    const d = summary.detector;
    if (d)
      out(
        `  patterns ${d.patterns}: ${d.slotted} with soft slots (${d.collisions} sharing their frame), ${d.thinFrames + d.commonFrames} kept literal (thin or common frame), left out ${d.furniture} furniture and ${d.prose} prose`,
      );
    const r = summary.releases;
    if (r)
      out(
        `  release table: ${r.products} products, ${r.releases} releases, ${r.files} files (${r.fileVersions} versions), ${(summary.releaseBytes / 1e3).toFixed(1)} kB`,
      );
    out(`  parser warnings: ${summary.warnings}`);
    out(`  skipped: ${summary.skipped.length}`);
    for (const s of summary.skipped.slice(0, 50)) err(`  ${s.file}:${s.line}: ${s.message}`);
    if (summary.skipped.length > 50) err(`  ... and ${summary.skipped.length - 50} more`);
  }
  return 0;
};
