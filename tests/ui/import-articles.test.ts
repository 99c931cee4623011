import { describe, expect, it } from 'vitest';
import {
  decodeText,
  importArticles,
  MAX_ARTICLE_BYTES,
  type ImportSource,
  type ParseArticle,
} from '../../src/ui/import-articles';
import type { ParseResult } from '../../src/core/article/types';
import { record } from './fixtures';
import { makeZip } from '../core/zip/make-zip';

const parse: ParseArticle = (text, file): ParseResult => {
  const q = /^Article: (Q\d+)$/m.exec(text)?.[1];
  if (!q) return { ok: false, error: { file, line: 2, message: 'no Article field' } };
  return {
    ok: true,
    record: record(q, { title: /^Title: (.*)$/m.exec(text)?.[1] ?? '' }),
    warnings: text.includes('odd') ? [{ file, line: 3, message: 'odd line' }] : [],
    topic: new Map(),
    lead: [],
  };
};

const src = (path: string, content: string | Uint8Array): ImportSource => {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { path, size: bytes.length, bytes: async () => bytes };
};

describe('importArticles', () => {
  it('parses article files, skips other files and hidden ones, reports failures by file and line', async () => {
    const report = await importArticles(
      [
        src('kb/a.md', 'Article: Q900001\nTitle: One'),
        src('kb/b.txt', 'nothing here'),
        src('kb/c.markdown', 'Article: Q900002\nTitle: Two\nodd'),
        src('kb/picture.jpg', 'JFIF'),
        src('kb/.DS_Store', 'junk'),
        src('__MACOSX/kb/._a.md', 'junk'),
      ],
      parse,
      { now: 5 },
    );
    expect(report.articles.map((a) => [a.q, a.source, a.importedAt])).toEqual([
      ['Q900001', 'kb/a.md', 5],
      ['Q900002', 'kb/c.markdown', 5],
    ]);
    expect(report.failures).toEqual([{ file: 'kb/b.txt', line: 2, message: 'no Article field' }]);
    expect(report.warnings).toEqual([{ file: 'kb/c.markdown', line: 3, message: 'odd line' }]);
    expect(report.skipped).toEqual(['kb/picture.jpg']);
  });

  it('keeps the later copy of a duplicate Q-number and says so', async () => {
    const report = await importArticles(
      [src('a.md', 'Article: Q900001\nTitle: Old'), src('b.md', 'Article: Q900001\nTitle: New')],
      parse,
    );
    expect(report.articles.map((a) => a.record.title)).toEqual(['New']);
    expect(report.warnings[0]!.message).toMatch(/also in a\.md/);
  });

  it('reads articles inside a zip and reports a zip bomb without importing from it', async () => {
    const zip = makeZip([
      { name: 'x/Q900005.md', data: 'Article: Q900005\nTitle: Zipped' },
      { name: 'x/readme.pdf', data: '%PDF' },
    ]);
    const ok = await importArticles([src('team.zip', zip)], parse);
    expect(ok.articles.map((a) => a.source)).toEqual(['team.zip/x/Q900005.md']);
    expect(ok.skipped).toEqual(['team.zip/x/readme.pdf']);

    const bomb = makeZip([{ name: 'big.md', data: new Uint8Array(4000) }]);
    const bad = await importArticles([src('bomb.zip', bomb), src('fine.md', 'Article: Q900006\nTitle: Fine')], parse, {
      zipLimits: { maxEntries: 10, maxEntryBytes: 1000, maxTotalBytes: 1000 },
    });
    expect(bad.failures.map((f) => f.file)).toEqual(['bomb.zip']);
    expect(bad.articles.map((a) => a.q)).toEqual(['Q900006']);

    const huge: ImportSource = {
      path: 'huge.zip',
      size: 5000,
      bytes: async () => {
        throw new Error('must not be read');
      },
    };
    const tooBig = await importArticles([huge], parse, {
      zipLimits: { maxEntries: 10, maxEntryBytes: 1000, maxTotalBytes: 1000 },
    });
    expect(tooBig.failures.map((f) => f.message)).toEqual(['the archive is larger than 1000 bytes']);

    const notZip = await importArticles([src('fake.zip', 'Article: Q1')], parse);
    expect(notZip.failures).toEqual([{ file: 'fake.zip', line: 0, message: 'is not a zip archive' }]);
  });

  it('refuses a file too large to be an article, and survives a parser that throws', async () => {
    const big: ImportSource = {
      path: 'huge.md',
      size: MAX_ARTICLE_BYTES + 1,
      bytes: async () => {
        throw new Error('must not be read');
      },
    };
    const throwing: ParseArticle = () => {
      throw new Error('parser bug');
    };
    const report = await importArticles([big, src('a.md', 'x')], throwing);
    expect(report.failures.map((f) => [f.file, f.message])).toEqual([
      ['huge.md', `too large for an article (${MAX_ARTICLE_BYTES + 1} bytes)`],
      ['a.md', 'parser bug'],
    ]);
  });
});

describe('decodeText', () => {
  it('strips a BOM, turns CRLF into LF, and reads Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFa\r\nb\rc'))).toBe('a\nb\nc');
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toBe('café');
  });
});
