import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../../../src/core/article/parse-article';
import type { ArticleRecord, ParseResult } from '../../../src/core/article/types';

const DIR = fileURLToPath(new URL('../../fixtures/articles/', import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(DIR + name, 'utf8');
}

/** Parses a fixture article and fails loudly when it does not parse. */
export function parseFixture(name: string): { record: ArticleRecord; result: ParseResult & { ok: true } } {
  const result = parseArticle(fixtureText(name), `kbarchive/kb/000/${name}`);
  if (!result.ok) throw new Error(`fixture ${name} did not parse: ${result.error.message}`);
  return { record: result.record, result };
}

/** Builds an article in the archive's format from untabbed body lines (for small inline cases). */
export function makeArticle(q: string, title: string, headerAndBody: string[]): string {
  const n = q.slice(1).padStart(6, '0').slice(0, 3);
  return [
    '---',
    'layout: page',
    `title: "${q}: ${title}"`,
    `permalink: /kb/${n}/${q}/`,
    '---',
    '',
    `## ${q}: ${title}`,
    '',
    '{% raw %}',
    '',
    ...headerAndBody.map((l) => '\t' + l),
    '',
    '{% endraw %}',
    '',
  ].join('\n');
}

/**
 * The archive's header block for inline cases, with one applies-to line when `applies` is given
 * (`modified`: its Last Modified date).
 */
export function articleHeader(
  q: string,
  product: string,
  versions: string,
  applies: string | null,
  modified = '14-MAR-2002',
): string[] {
  const rule = '-------------------------------------------------------------------------------';
  return [
    `Article: ${q}`,
    `Product(s): ${product}`,
    `Version(s): ${versions}`,
    'Operating System(s): ',
    'Keyword(s): ',
    `Last Modified: ${modified}`,
    ...(applies === null ? [] : [rule, 'The information in this article applies to:', `- ${applies}`, rule]),
    '',
  ];
}

/** An inline article (makeArticle) parsed, failing loudly when it does not parse. */
export function parseInline(q: string, lines: string[]): ArticleRecord {
  const r = parseArticle(makeArticle(q, 'Test Article', lines), `kbarchive/kb/399/${q}/README.md`);
  if (!r.ok) throw new Error(r.error.message);
  return r.record;
}
