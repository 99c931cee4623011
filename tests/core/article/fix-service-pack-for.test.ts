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

// Composed article: the level ends a list of two releases of one product line.
const shared = makeArticle('Q399302', 'Print Spooler Stops With Long Share Names', [
  'Article: Q399302',
  'Product(s): Microsoft Windows NT',
  'Version(s): winnt:4.0',
  'Last Modified: 1-AUG-2000',
  '',
  '-------------------------------------------------------------------------------',
  'The information in this article applies to:',
  '',
  '- Microsoft Windows NT Server version 4.0',
  '- Microsoft Windows NT Server version 4.0, Terminal Server Edition',
  '-------------------------------------------------------------------------------',
  '',
  'STATUS',
  '======',
  '',
  'Microsoft has confirmed this to be a problem in Windows NT 4.0 and Windows NT Server 4.0,',
  'Terminal Server Edition. This problem was first corrected in Windows NT 4.0 and Windows NT',
  'Server 4.0, Terminal Server Edition Service Pack 5.',
]);

describe('"corrected in X 4.0 and X Server 4.0, Edition Service Pack N"', () => {
  it("is each release's service pack N, not an upgrade to the first", () => {
    const r = parseArticle(shared, 'kbarchive/kb/399/Q399302/README.md');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.record.fixKind).toBe('service-pack');
    expect(r.record.fix?.servicePack).toBe('5');
    expect(r.record.fixes.every((f) => f.servicePack === '5')).toBe(true);
  });
});
