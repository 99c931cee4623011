/**
 * Kinds of fix-reading error found on a blind fix-facts sample (seed 9494), each on an article
 * written for the test.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/article/parse-article';
import { parseRelease } from '../../../src/core/article/release';
import { makeArticle } from './fixture';

const header = (q: string, product: string, versions: string, applies: string) => [
  `Article: ${q}`,
  `Product(s): ${product}`,
  `Version(s): ${versions}`,
  'Operating System(s): ',
  'Keyword(s): ',
  'Last Modified: 09-NOV-1999',
  '-------------------------------------------------------------------------------',
  'The information in this article applies to:',
  `- ${applies}`,
  '-------------------------------------------------------------------------------',
  '',
];

function parse(q: string, lines: string[]) {
  const r = parseArticle(makeArticle(q, 'Test Article', lines), `kbarchive/kb/399/${q}/README.md`);
  if (!r.ok) throw new Error(r.error.message);
  return r.record;
}

describe("a fix in Apple's system software", () => {
  const record = parse('Q399801', [
    ...header('Q399801', 'Microsoft Mail', ':3.1d', 'Microsoft Mail for AppleTalk Networks, version 3.1d'),
    'SYMPTOMS',
    '========',
    '',
    'A PowerBook stops responding while the Mail client downloads its folders when',
    'the screen dims.',
    '',
    'WORKAROUND',
    '==========',
    '',
    'This issue has been resolved in Macintosh System version 7.6. Please contact',
    'Apple for the upgrade. Until then, set Screen Dims to Never in the PowerBook',
    'control panel.',
  ]);
  it("is another vendor's update, not a Microsoft release", () => {
    expect(record.fixedIn).toBeNull();
    expect(record.fixKind).toBe('other');
  });
  it('is not read as a release', () => {
    expect(parseRelease('Macintosh System version 7.6.')).toBeNull();
    expect(parseRelease('Mac OS 8.1.')).toBeNull();
  });
});

describe('a file version "or later" in prose', () => {
  it('is a fixed file when the sentence is about correcting the problem', () => {
    const record = parse('Q399802', [
      ...header('Q399802', 'Microsoft Mail for PC Networks', ':3.2', 'Microsoft Mail for PC Networks, version 3.2'),
      'SYMPTOMS',
      '========',
      '',
      'The gateway loses its queue after midnight.',
      '',
      'MORE INFORMATION',
      '================',
      '',
      'Gateway.exe version 3.2.27 or later is required to correct this problem.',
    ]);
    expect(record.files).toEqual([{ name: 'Gateway.exe', version: '3.2.27' }]);
  });
  it('is not one when the sentence only says what to run with, or lists dependencies', () => {
    const record = parse('Q399803', [
      ...header('Q399803', 'Microsoft MS-DOS', ':5.0a', 'Microsoft MS-DOS operating system version 5.0a'),
      'SUMMARY',
      '=======',
      '',
      'Notes on running other programs with this version of MS-DOS.',
      '',
      'MORE INFORMATION',
      '================',
      '',
      'Use SMARTDRV.EXE version 4.1 or later with this version.',
      '',
      'A program built with the development tools needs these files:',
      '',
      'Runtime.dll    2.10.300',
      'Helper.dll     3.0.12 or later',
    ]);
    expect(record.files).toEqual([]);
  });
  it('is still a prerequisite when a setup requires it', () => {
    const record = parse('Q399804', [
      ...header('Q399804', 'Microsoft Exchange', ':5.5', 'Microsoft Exchange Server, version 5.5'),
      'RESOLUTION',
      '==========',
      '',
      'Setup requires Oleaut32.dll 2.20.4054 or later to fix the Administrator program.',
    ]);
    expect(record.files).toEqual([]);
  });
});
