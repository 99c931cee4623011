import type { ParseIssue, ParseResult } from '../core/article/types';
import { looksLikeZip, readZip, ZipError, DEFAULT_ZIP_LIMITS, type ZipLimits } from '../core/zip/read-zip';
import type { CustomArticle } from '../storage/custom-articles';

/**
 * Turns what the agent picked (a folder, a .zip, single files) into article records, with the
 * same parser the index builder uses. One bad file never stops the import: it is reported by
 * name and reason, and the others go in.
 */

export type ParseArticle = (text: string, file: string) => ParseResult;

/** A picked file, read lazily: a folder may hold much more than articles. */
export interface ImportSource {
  /** Path as the agent sees it ("team-kb/Q900001/README.md", "articles.zip"). */
  path: string;
  size: number;
  bytes(): Promise<Uint8Array>;
}

export interface ImportReport {
  articles: CustomArticle[];
  /** Files that are articles but could not be read: not imported. */
  failures: ParseIssue[];
  /** Imported, with remarks from the parser or about duplicates. */
  warnings: ParseIssue[];
  /** Files that are not articles (images, notes) and were left alone. */
  skipped: string[];
}

const ARTICLE_EXT = /\.(md|markdown|txt)$/i;
/** The largest archived article is 178 KB; anything much bigger is not an article. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
export const MAX_FILES = 20_000;

export function fromFile(file: File): ImportSource {
  const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
  return {
    path: rel || file.name,
    size: file.size,
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
  };
}

/** Articles are UTF-8; a few old exports are Windows-1252, which never fails to decode. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  // CRLF from Windows editors: the parser counts lines on \n.
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function isHidden(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');
}

export async function importArticles(
  sources: ImportSource[],
  parse: ParseArticle,
  opts: { now?: number; zipLimits?: ZipLimits } = {},
): Promise<ImportReport> {
  const report: ImportReport = { articles: [], failures: [], warnings: [], skipped: [] };
  const byQ = new Map<string, CustomArticle>();
  const now = opts.now ?? Date.now();
  let count = 0;

  const take = (path: string, bytes: Uint8Array) => {
    if (++count > MAX_FILES) {
      if (count === MAX_FILES + 1)
        report.failures.push({
          file: path,
          line: 0,
          message: `more than ${MAX_FILES} files; the rest were not imported`,
        });
      return;
    }
    if (bytes.length > MAX_ARTICLE_BYTES) {
      report.failures.push({ file: path, line: 0, message: `too large for an article (${bytes.length} bytes)` });
      return;
    }
    let result: ParseResult;
    try {
      result = parse(decodeText(bytes), path);
    } catch (e) {
      result = { ok: false, error: { file: path, line: 0, message: (e as Error)?.message ?? String(e) } };
    }
    if (!result.ok) {
      report.failures.push({ ...result.error, file: result.error.file || path });
      return;
    }
    report.warnings.push(...result.warnings);
    const earlier = byQ.get(result.record.q);
    if (earlier) {
      report.warnings.push({
        file: path,
        line: 0,
        message: `${result.record.q} is also in ${earlier.source}; this file's copy was kept`,
      });
    }
    byQ.set(result.record.q, { q: result.record.q, record: result.record, source: path, importedAt: now });
  };

  for (const source of sources) {
    if (isHidden(source.path)) continue;
    const isZipName = /\.zip$/i.test(source.path);
    if (!isZipName && !ARTICLE_EXT.test(source.path)) {
      report.skipped.push(source.path);
      continue;
    }
    const zipCap = (opts.zipLimits ?? DEFAULT_ZIP_LIMITS).maxTotalBytes;
    if (isZipName && source.size > zipCap) {
      // Not even read: the whole file would sit in memory.
      report.failures.push({ file: source.path, line: 0, message: `the archive is larger than ${zipCap} bytes` });
      continue;
    }
    if (!isZipName && source.size > MAX_ARTICLE_BYTES) {
      report.failures.push({ file: source.path, line: 0, message: `too large for an article (${source.size} bytes)` });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await source.bytes();
    } catch (e) {
      report.failures.push({ file: source.path, line: 0, message: `could not be read: ${(e as Error)?.message ?? e}` });
      continue;
    }
    if (!isZipName) {
      take(source.path, bytes);
      continue;
    }
    if (!looksLikeZip(bytes)) {
      report.failures.push({ file: source.path, line: 0, message: 'is not a zip archive' });
      continue;
    }
    try {
      // Only articles are inflated: other files are named as skipped, hidden ones not at all.
      const skipped: string[] = [];
      const wanted = (name: string) => {
        if (isHidden(name)) return false;
        if (ARTICLE_EXT.test(name)) return true;
        skipped.push(`${source.path}/${name}`);
        return false;
      };
      const entries = await readZip(bytes, opts.zipLimits ?? DEFAULT_ZIP_LIMITS, wanted);
      report.skipped.push(...skipped);
      for (const entry of entries) take(`${source.path}/${entry.name}`, entry.data);
    } catch (e) {
      const message = e instanceof ZipError ? e.message : `could not be unpacked: ${(e as Error)?.message ?? e}`;
      report.failures.push({ file: source.path, line: 0, message });
    }
  }
  report.articles = [...byQ.values()];
  return report;
}
