import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/article/parse-article';
import { makeArticle } from './fixture';

// Composed MSPL-style articles (no applies-to block or sentence); the products are invented.
const mspl = (q: string, body: string[]) =>
  makeArticle(q, 'Composed Old Article', [
    `Article: ${q}`,
    'Product(s): See article',
    'Version(s): 2.00 2.00b',
    'Last Modified: 1-AUG-1990',
    '',
    ...body,
  ]);
const versionsOf = (text: string, q: string) => {
  const r = parseArticle(text, `kbarchive/kb/399/${q}/README.md`);
  if (!r.ok) throw new Error(r.error.message);
  return r.record.versions;
};

describe('versions from the "confirmed this to be a problem in" sentence', () => {
  it('an article with no applies-to: every product and version the sentence lists', () => {
    const text = mspl('Q399401', [
      'A SELECT statement inside a loop makes the Gizmo compiler stop with an error.',
      '',
      'Microsoft has confirmed this to be a problem in Gizmo BASIC Versions 2.00 and',
      '2.00b, and in the Microsoft Gizmo Compiler Version 5.00 for MS-DOS. This problem',
      'was corrected in Gizmo BASIC Version 2.50.',
    ]);
    expect(versionsOf(text, 'Q399401')).toEqual(['Gizmo BASIC 2.00', 'Gizmo BASIC 2.00b', 'Gizmo Compiler 5.00']);
  });
  it('"the products listed at the beginning" names none', () => {
    const text = mspl('Q399402', [
      'The Gizmo editor hangs.',
      '',
      'Microsoft has confirmed this to be a problem in the Microsoft products listed at the beginning of this article.',
    ]);
    expect(versionsOf(text, 'Q399402')).toEqual([]);
  });
});
