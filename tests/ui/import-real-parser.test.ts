import { describe, expect, it } from 'vitest';
import { importArticles, type ImportSource } from '../../src/ui/import-articles';
import { parseArticle } from '../../src/core/article/parse-article';
import { makeZip } from '../core/zip/make-zip';

// Invented articles a team might write for its own ticket tool, in the archive's format and as
// plain Markdown with the same header fields.
const ARCHIVE_FORMAT = [
  '---',
  'layout: page',
  'title: "Q900101: TKT: Agent Console Shows Error 0x80040115 After Update"',
  'permalink: /kb/900/Q900101/',
  '---',
  '',
  '## Q900101: TKT: Agent Console Shows Error 0x80040115 After Update',
  '',
  '{% raw %}',
  '',
  '\tArticle: Q900101',
  '\tProduct(s): Team Ticket Tool',
  '\tVersion(s): 2.1',
  '\tOperating System(s): ',
  '\tKeyword(s): tkt21',
  '\tLast Modified: 02-MAR-2024',
  '\t',
  '\tSYMPTOMS',
  '\t========',
  '\t',
  '\tThe agent console stops loading tickets.',
  '\t',
  '{% endraw %}',
  '',
].join('\n');

const PLAIN_MARKDOWN = [
  '## Q900102: TKT: Attachments Over 10 MB Are Dropped',
  '',
  'Article: Q900102',
  'Product(s): Team Ticket Tool',
  'Version(s): 2.0',
  'Last Modified: 15-JAN-2024',
  '',
  'Attachments larger than 10 MB are silently dropped.',
  '',
].join('\n');

const src = (path: string, content: string | Uint8Array): ImportSource => {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { path, size: bytes.length, bytes: async () => bytes };
};

describe("importing with the index builder's parser", () => {
  it('imports archive-format articles from a zip and a folder, and reports the file that is not one', async () => {
    const zip = makeZip([{ name: 'kb/900/Q900101/README.md', data: ARCHIVE_FORMAT }]);
    const report = await importArticles(
      [src('team.zip', zip), src('notes/Q900102.md', PLAIN_MARKDOWN), src('notes/todo.md', 'buy milk\n')],
      parseArticle,
    );
    const one = report.articles.find((a) => a.q === 'Q900101');
    expect(one?.record.title).toBe('TKT: Agent Console Shows Error 0x80040115 After Update');
    expect(one?.source).toBe('team.zip/kb/900/Q900101/README.md');
    expect(report.failures.map((f) => f.file)).toContain('notes/todo.md');
    expect(report.failures.find((f) => f.file === 'notes/todo.md')!.message).not.toBe('');
    // Plain Markdown with the same header fields goes in as well.
    expect(report.articles.map((a) => a.q).sort()).toEqual(['Q900101', 'Q900102']);
    expect(report.failures).toHaveLength(1);
  });
});
