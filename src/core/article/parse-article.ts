/**
 * One archived KB article (Jekyll front matter, `{% raw %}`, tab-indented body, trailer) in, one
 * facts-only ArticleRecord out. A bad article never throws: it becomes an issue naming its file.
 */
import { articleUrl, parseKbNumber } from '../kb-number';
import { readAppliesTo, readConfirmedVersions, readProseAppliesTo } from './applies-to';
import { bodyLines, fileLines } from './body-lines';
import { isoDate } from './dates';
import { readFileTables } from './file-tables';
import { detectFixes } from './fixes';
import { readAbsences } from './absences';
import { readFrontMatter, stripQPrefix } from './front-matter';
import { readHeader, splitKeywords } from './header';
import { readMessages } from './messages';
import { readRelated } from './related';
import { splitSections } from './sections';
import type { ArticleRecord, ParseIssue, ParseResult } from './types';
import { queryWordsOf, readTrailer } from './trailer';
import { uniqueNoCase } from './text';
import { countTopicWords, frequentWords, leadWords } from './topic-words';
import { versionsFromField } from './version-field';

/** Files above this size are not articles (the largest archived article is 178 kB). */
const MAX_BYTES = 2_000_000;

export function parseArticle(text: string, file: string): ParseResult {
  try {
    return parse(text, file);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { file, line: 0, message: `unexpected error while parsing: ${why}` } };
  }
}

function fail(file: string, line: number, message: string): ParseResult {
  return { ok: false, error: { file, line, message } };
}

function parse(text: string, file: string): ParseResult {
  if (typeof text !== 'string' || text.trim() === '') return fail(file, 0, 'empty file');
  if (text.length > MAX_BYTES) return fail(file, 0, `file too large for an article (${text.length} characters)`);
  if (isBinary(text)) return fail(file, 0, 'binary data, not an article');

  const warnings: ParseIssue[] = [];
  const lines = fileLines(text);
  const front = readFrontMatter(lines);
  const body = bodyLines(lines, front.end);
  const header = readHeader(body);

  const q = parseKbNumber(header.article ?? '') ?? qFrom(front.rawTitle) ?? qFrom(front.permalink) ?? qFrom(file);
  if (!q) {
    const why =
      front.rawTitle === null && header.article === null
        ? 'no front matter title and no "Article:" header: not an article in the archive format'
        : 'no KB number in the title, the "Article:" header, the permalink or the file path';
    return fail(file, front.rawTitle === null ? 1 : 0, why);
  }
  if (front.rawTitle === null) warnings.push({ file, line: 1, message: 'no front matter: title taken from the body' });
  const headingTitle = lines.find((l) => /^##\s+Q\d+\s*:/.test(l))?.replace(/^##\s+/, '') ?? null;
  const title = stripQPrefix(front.rawTitle ?? headingTitle ?? '');

  const trailer = readTrailer(body, header.end);
  const appliesTo = readAppliesTo(body, header.end, trailer.start);
  const textStart = appliesTo.found ? appliesTo.end : header.end;
  const articleLines = body.slice(textStart, trailer.start);
  const sections = splitSections(body, textStart, trailer.start);

  const keywords = trailer.keywords ?? splitKeywords(header.keywords ?? '');
  const versionsRaw = trailer.version ?? header.version ?? '';

  let products = appliesTo.products;
  let versions = appliesTo.versions;
  if (!appliesTo.found) {
    const prose = readProseAppliesTo(body, header.end, trailer.start);
    products = prose.products;
    versions = prose.versions.length ? prose.versions : versionsFromField(versionsRaw, header.product);
    if (versions.length === 0) versions = readConfirmedVersions(body, header.end, trailer.start);
  }

  const os = uniqueNoCase([
    ...(header.os ?? '')
      .split('|')
      .map((s) => s.trim())
      .filter((s) => s && /[A-Za-z]/.test(s)),
    ...appliesTo.os,
  ]);

  const fix = detectFixes({ sections, keywords, versions, title });
  const tables = readFileTables(articleLines);
  for (const w of tables.warnings) warnings.push({ file, ...w });

  const lastModified = isoDate(header.lastModified);
  if (header.lastModified && !lastModified) {
    warnings.push({
      file,
      line: lineOf(body, /^\s*Last Modified\s*:/i),
      message: `unreadable Last Modified date "${header.lastModified}"`,
    });
  }

  const record: ArticleRecord = {
    q,
    title,
    url: articleUrl(q),
    products,
    versions,
    versionsRaw,
    os,
    keywords,
    lastModified,
    fixedIn: fix.fixedIn,
    fix: fix.fix,
    fixes: fix.fixes,
    fixKind: fix.fixKind,
    files: tables.files,
    errors: readMessages(articleLines, title),
    related: readRelated(body.slice(header.end, trailer.start), q),
    terms: [],
  };
  const queryWords = queryWordsOf(trailer.additionalQueryWords);
  if (queryWords.length > 0) record.queryWords = queryWords;
  const unaffected = readAbsences(sections, versions);
  if (unaffected.length > 0) record.unaffected = unaffected;
  const topic = countTopicWords(sections);
  record.terms = frequentWords(topic);
  return { ok: true, record, warnings, topic, lead: leadWords(sections) };
}

function qFrom(value: string | null): string | null {
  if (!value) return null;
  const m = /(?:^|[^\w])Q(\d{4,7})(?![\d])/.exec(value);
  return m ? parseKbNumber('Q' + m[1]!) : null;
}

function lineOf(body: ReturnType<typeof bodyLines>, re: RegExp): number {
  return body.find((l) => re.test(l.text))?.line ?? 0;
}

/** NULs or a high share of control characters: a binary file, not text. */
function isBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return control > sample.length * 0.1;
}
