import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/article/parse-article';
import { makeArticle } from './fixture';

// Composed article: the wording is the archive's kind, the product and text are not a real article's.
const article = makeArticle('Q399301', 'Logon Fails With Accented User Names', [
  'Article: Q399301',
  'Product(s): Microsoft Gizmo Server',
  'Version(s): 3.1',
  'Last Modified: 1-AUG-1999',
  '',
  '-------------------------------------------------------------------------------',
  'The information in this article applies to:',
  '',
  '- Microsoft Gizmo Server Advanced, version 3.1 ',
  '-------------------------------------------------------------------------------',
  '',
  'STATUS',
  '======',
  '',
  'Microsoft has confirmed this to be a problem in Gizmo Server Advanced version 3.1.',
  'This problem was corrected in the latest U.S. Service Pack for Gizmo Server and Gizmo',
  'Server Advanced version 3.1.',
]);

describe('"the latest Service Pack for X and Y version N"', () => {
  it('is a service pack of each product, not an upgrade to the second', () => {
    const r = parseArticle(article, 'kbarchive/kb/399/Q399301/README.md');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.record.fixKind).toBe('service-pack');
    expect(r.record.fixes.some((f) => f.servicePack === null && !/latest/i.test(f.text))).toBe(false);
  });
});
