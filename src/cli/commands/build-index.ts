import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArticle } from '../../core/article/parse-article';
import type { ArticleRecord, ParseIssue } from '../../core/article/types';
import { buildIndexFiles, coverageOf } from '../../core/index/build-index';
import { releaseEvidenceOf, type ReleaseEvidence } from '../../core/version/release-evidence';
import { MANIFEST_FILE, RELEASES_FILE, type IndexManifest } from '../../core/index/layout';
import { TopicTermStats } from '../../core/index/topic-terms';
import { AliasMiner } from '../../core/search/aliases';
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
}

/** Parses every article of a corpus and writes the index; one bad article is reported, never fatal. */
export async function buildIndex(corpus: string, outDir: string): Promise<BuildSummary> {
  const started = performance.now();
  const records: ArticleRecord[] = [];
  const evidence: ReleaseEvidence[] = [];
  const skipped: ParseIssue[] = [];
  let warnings = 0;
  const topics = new TopicTermStats();
  // The archive's spelled-out acronyms, for search (needs the text, which records do not keep).
  const aliases = new AliasMiner();
  for await (const file of readCorpus(corpus)) {
    const result = parseArticle(file.text, file.path);
    if (result.ok) {
      records.push(result.record);
      topics.add(result.topic);
      aliases.add(file.text);
      const e = releaseEvidenceOf(file.text, result.record);
      if (e) evidence.push(e);
      warnings += result.warnings.length;
    } else {
      skipped.push(result.error);
    }
  }
  // Rarity needs the whole archive: each article's terms are chosen again once all are counted.
  records.forEach((r, doc) => { r.terms = topics.terms(doc); });
  // Corpus-wide: "the latest service pack" gets the number current when each article was modified.
  resolveLatestServicePacks(records);
  const files = buildIndexFiles(records, evidence, { aliases: aliases.table() });

  // Replace the whole index: a records or titles file the new build does not write must not linger.
  for (const dir of ['records', 'titles']) await rm(join(outDir, dir), { recursive: true, force: true });
  let bytes = 0;
  for (const [path, text] of files) {
    const target = join(outDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    bytes += Buffer.byteLength(text);
  }
  await removeStrays(outDir, files);
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
  };
}

async function removeStrays(outDir: string, files: Map<string, string>): Promise<void> {
  for (const name of await readdir(outDir)) {
    if (name.endsWith('.json') && !files.has(name)) await rm(join(outDir, name));
  }
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
    out(`  with versions ${c.versions}, a fix ${c.fixedIn}, file versions ${c.files}, error strings ${c.errors} (${c.errorStrings} strings), related ${c.related}`);
    const r = summary.releases;
    if (r) out(`  release table: ${r.products} products, ${r.releases} releases, ${r.files} files (${r.fileVersions} versions), ${(summary.releaseBytes / 1e3).toFixed(1)} kB`);
    out(`  parser warnings: ${summary.warnings}`);
    out(`  skipped: ${summary.skipped.length}`);
    for (const s of summary.skipped.slice(0, 50)) err(`  ${s.file}:${s.line}: ${s.message}`);
    if (summary.skipped.length > 50) err(`  ... and ${summary.skipped.length - 50} more`);
  }
  return 0;
};
