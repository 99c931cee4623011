import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/article/parse-article';
import { resolveLatestServicePacks, INFERRED_NOTE } from '../../../src/core/version/service-pack-dates';
import type { ArticleRecord } from '../../../src/core/article/types';
import { makeArticle } from './fixture';

// Composed articles: the wording is the archive's kind; products and text are not a real article's.
function gizmo(q: string, lastModified: string, applies: string[], body: string[]): ArticleRecord {
  const text = makeArticle(q, 'Gizmo Service Forgets Its Settings', [
    `Article: ${q}`,
    'Product(s): Microsoft Gizmo Server',
    'Version(s): 4.0',
    `Last Modified: ${lastModified}`,
    '',
    '-------------------------------------------------------------------------------',
    'The information in this article applies to:',
    '',
    ...applies,
    '-------------------------------------------------------------------------------',
    '',
    ...body,
  ]);
  const r = parseArticle(text, `kbarchive/kb/${q.slice(1, 4)}/${q}/README.md`);
  if (!r.ok) throw new Error(r.error.message);
  return r.record;
}

const LATEST_STATUS = [
  'STATUS',
  '======',
  '',
  'Microsoft has confirmed this to be a problem in Gizmo Server version 4.0. This',
  'problem was corrected in the latest Gizmo Server 4.0 U.S. Service Pack.',
];
const SERVER = ['- Microsoft Gizmo Server version 4.0 '];

describe('"the latest service pack" takes a number the article states elsewhere', () => {
  it('from a fix sentence that names only the number', () => {
    const r = gizmo('Q399501', '1-AUG-2001', SERVER, [
      'RESOLUTION',
      '==========',
      '',
      'This problem has been resolved in Service Pack 3 and later.',
      '',
      ...LATEST_STATUS,
    ]);
    expect(r.fixedIn).toBe('Gizmo Server 4.0 Service Pack 3');
    expect(r.fix!.inferred).toBeUndefined();
  });
  it('from "a fix is available in Service Pack N for X"', () => {
    const r = gizmo('Q399502', '1-AUG-2001', SERVER, [
      'CAUSE',
      '=====',
      '',
      'The service clears its settings. A fix for this problem is available in Service',
      'Pack 2 for Gizmo Server 4.0.',
      '',
      ...LATEST_STATUS,
    ]);
    expect(r.fixedIn).toBe('Gizmo Server 4.0 Service Pack 2');
  });
  it('not from a bare number when the article lists another product line', () => {
    const r = gizmo(
      'Q399503',
      '1-AUG-2001',
      [...SERVER, '- Microsoft Widget Client version 2.0 '],
      ['RESOLUTION', '==========', '', 'This problem has been resolved in Service Pack 3.', '', ...LATEST_STATUS],
    );
    expect(r.fixedIn).toBe('latest Gizmo Server 4.0 service pack');
  });
  it('not from a bare number when another line only shares the start of the name', () => {
    // "Gizmo" and "Gizmo NT" are two lines: a bare Service Pack 1 may be the other's.
    const r = gizmo(
      'Q399506',
      '1-AUG-2001',
      ['- Microsoft Gizmo 95 ', '- Microsoft Gizmo NT version 4.0 '],
      [
        'RESOLUTION',
        '==========',
        '',
        'This problem has been resolved in Service Pack 1.',
        '',
        'STATUS',
        '======',
        '',
        'Microsoft has confirmed this to be a problem in Gizmo NT version 4.0. This',
        'problem was corrected in the latest Gizmo NT 4.0 U.S. Service Pack.',
      ],
    );
    expect(r.versions).toEqual(['Gizmo 95', 'Gizmo NT 4.0']);
    expect(r.fixedIn).toBe('latest Gizmo NT 4.0 service pack');
  });
  it('not from two different bare numbers', () => {
    const r = gizmo('Q399504', '1-AUG-2001', SERVER, [
      'RESOLUTION',
      '==========',
      '',
      'The first part was resolved in Service Pack 2. The rest was resolved in Service Pack 3.',
      '',
      ...LATEST_STATUS,
    ]);
    expect(r.fixedIn).toBe('latest Gizmo Server 4.0 service pack');
  });
  it('not from a number the fix will be in', () => {
    const r = gizmo('Q399505', '1-AUG-2001', SERVER, [
      'RESOLUTION',
      '==========',
      '',
      'A fix for this problem will be available in Service Pack 5 for Gizmo Server 4.0.',
      '',
      ...LATEST_STATUS,
    ]);
    expect(r.fixedIn).toBe('latest Gizmo Server 4.0 service pack');
  });
});

describe('the number inferred from the date', () => {
  const numbered = (q: string, sp: string, date: string) =>
    gizmo(q, date, SERVER, [
      'STATUS',
      '======',
      '',
      `This problem was first corrected in Gizmo Server 4.0 Service Pack ${sp}.`,
    ]);
  it("marks a number taken from the article's date as inferred (an upper bound)", () => {
    const rs = [numbered('Q399510', '2', '1-MAR-1998'), numbered('Q399511', '4', '1-MAR-2000')];
    rs.push(gizmo('Q399512', '1-AUG-2001', SERVER, LATEST_STATUS));
    resolveLatestServicePacks(rs);
    expect(rs[2]!.fixedIn).toBe(`Gizmo Server 4.0 Service Pack 4 ${INFERRED_NOTE}`);
    expect(rs[2]!.fix).toMatchObject({ servicePack: '4', inferred: true });
  });
  it('is not given where the article lists that level as affected', () => {
    const rs = [numbered('Q399513', '2', '1-MAR-1998'), numbered('Q399514', '4', '1-MAR-2000')];
    rs.push(
      gizmo(
        'Q399515',
        '1-AUG-2001',
        ['- Microsoft Gizmo Server versions 4.0 SP3, 4.0 SP4 '],
        [
          'STATUS',
          '======',
          '',
          'Microsoft has confirmed this to be a problem in Gizmo Server 4.0 Service Pack 4. This',
          'problem was corrected in the latest Gizmo Server 4.0 U.S. Service Pack.',
        ],
      ),
    );
    resolveLatestServicePacks(rs);
    expect(rs[2]!.fix!.inferred).toBeUndefined();
    expect(rs[2]!.fixedIn).toBe('latest Gizmo Server 4.0 service pack');
  });
});
