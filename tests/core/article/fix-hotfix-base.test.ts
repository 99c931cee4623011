/**
 * Hotfix facts the verdict needs, each on an article written for the test: the version a hotfix
 * is for when the confirming sentence names two, and the service pack a hotfix was built on.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/article/parse-article';
import { makeArticle } from './fixture';

const article = (q: string, applies: string[], body: string[]) => {
  const r = parseArticle(
    makeArticle(q, 'Test Article', [
      `Article: ${q}`,
      'Product(s): Microsoft Windows NT',
      'Version(s): winnt:4.0',
      'Operating System(s): ',
      'Keyword(s): kbbug',
      'Last Modified: 14-MAR-2001',
      '-------------------------------------------------------------------------------',
      'The information in this article applies to:',
      '',
      ...applies.map((a) => `- ${a}`),
      '-------------------------------------------------------------------------------',
      '',
      ...body,
    ]),
    `kbarchive/kb/399/${q}/README.md`,
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.record;
};

const hotfixStatus = [
  'RESOLUTION',
  '==========',
  '',
  'Microsoft has updated the driver. The fix is in the following folder:',
  '',
  '  ftp://ftp.example.invalid/fixes/usa/nt40/hotfixes-postSP2/spool-fix/',
  '',
  'STATUS',
  '======',
  '',
  'Microsoft has confirmed this to be a problem in Windows NT version 3.51 and 4.0.',
  'A supported fix is now available, but is not fully regression-tested and should',
  'be applied only to systems experiencing this specific problem. Microsoft',
  'recommends that you wait for the next Service Pack that contains this fix.',
];

describe('a hotfix for the version the article lists', () => {
  it('takes the listed one of the versions the confirming sentence names', () => {
    const r = article(
      'Q399501',
      ['Microsoft Windows NT Server version 4.0', 'Microsoft Windows NT Workstation version 4.0'],
      hotfixStatus,
    );
    expect(r.fix).toMatchObject({ product: 'Windows NT', version: '4.0', hotfix: true });
  });
  it('keeps the first when the article lists it', () => {
    const r = article('Q399502', ['Microsoft Windows NT Server versions 3.51, 4.0'], hotfixStatus);
    expect(r.fix).toMatchObject({ version: '3.51', hotfix: true });
  });
});

describe('the service pack a hotfix was built on', () => {
  it('is read from a post-SP folder or wording', () => {
    const r = article('Q399503', ['Microsoft Windows NT Server version 4.0'], hotfixStatus);
    expect(r.fix!.builtOn).toBe('2');
  });
  it('is left out when the article names several', () => {
    const r = article(
      'Q399504',
      ['Microsoft Windows NT Server version 4.0'],
      [
        ...hotfixStatus,
        '',
        'MORE INFORMATION',
        '================',
        '',
        'A post-SP3 hotfix replaced the earlier post-SP2 one.',
      ],
    );
    expect(r.fix!.builtOn).toBeUndefined();
  });
});
