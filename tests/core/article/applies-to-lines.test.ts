import { describe, expect, it } from 'vitest';
import { parseProduct } from '../../../src/core/article/applies-to';
import { parseArticle } from '../../../src/core/article/parse-article';
import { makeArticle } from './fixture';

// Composed articles: the applies-to lines are written the ways the archive writes them; the
// Gizmo products are invented.
const RULE = '-------------------------------------------------------------------------------';
function recordOf(q: string, applies: string[], body: string[] = ['SYMPTOMS', '========', 'The Gizmo tool stops.']) {
  const text = makeArticle(q, 'Composed Article', [
    `Article: ${q}`,
    'Product(s): Microsoft Gizmo',
    'Version(s): ',
    'Last Modified: 14-MAR-2002',
    ...(applies.length
      ? [RULE, 'The information in this article applies to:', ...applies.map((a) => `- ${a}`), RULE]
      : []),
    '',
    ...body,
  ]);
  const r = parseArticle(text, `kbarchive/kb/399/${q}/README.md`);
  if (!r.ok) throw new Error(r.error.message);
  return r.record;
}

describe('applies-to lines: every line names its releases', () => {
  it('an editor note inside a line is not part of the product', () => {
    const r = recordOf('Q399501', [
      '*EDITOR Please do not choose this product*Microsoft Gizmo C++ 32-bit Edition* use 241, 265, 225, versions 1.0, 2.0',
      '*EDITOR Please do not choose this product*Microsoft Gizmo C++ for Windows* use 1699 1.5',
    ]);
    expect(r.products).toEqual(['Microsoft Gizmo C++ 32-bit Edition', 'Microsoft Gizmo C++ for Windows']);
    expect(r.versions).toEqual([
      'Gizmo C++ 32-bit Edition 1.0',
      'Gizmo C++ 32-bit Edition 2.0',
      'Gizmo C++ for Windows 1.5',
    ]);
  });

  it("the edition after a list of one model's releases belongs to each of them", () => {
    const r = recordOf('Q399502', [
      'Microsoft Windows versions 2000, 2000 SP1, 2000 SP2 Advanced Server',
      'Microsoft Windows versions 2000, 2000 SP2 Datacenter Server',
    ]);
    expect(r.versions).toEqual([
      'Windows 2000 Advanced Server',
      'Windows 2000 Advanced Server SP1',
      'Windows 2000 Advanced Server SP2',
      'Windows 2000 Datacenter Server',
      'Windows 2000 Datacenter Server SP2',
    ]);
  });

  it('a model number or year inside the name makes the whole line a release', () => {
    const r = recordOf('Q399503', [
      'Microsoft Windows 98 Second Edition',
      'Microsoft Windows Millennium Edition',
      'Microsoft Office 97 Developer Edition',
      'Microsoft Visual C++.NET (2002)',
      'Microsoft Gizmo Atlas 2001',
      'Microsoft Gizmo Encyclopedia 96 for Windows',
      'Microsoft Gizmo Shelf 1996-97 for Windows',
      'Microsoft SQL Server 2000 (all editions)',
    ]);
    expect(r.versions).toEqual([
      'Windows 98 Second Edition',
      'Windows Millennium Edition',
      'Office 97 Developer Edition',
      'Visual C++.NET (2002)',
      'Gizmo Atlas 2001',
      'Gizmo Encyclopedia 96 for Windows',
      'Gizmo Shelf 1996-97 for Windows',
      'SQL Server 2000 (all editions)',
    ]);
  });

  it('names without a model number, and books, name no release', () => {
    expect(parseProduct('Microsoft Windows NT Advanced Server').versions).toEqual([]);
    expect(parseProduct('Microsoft Gizmo Add-On Pack').versions).toEqual([]);
    expect(parseProduct('MSPRESS Microsoft Windows 2000 Server Resource Kit ISBN 1-23456-789-0').versions).toEqual([]);
  });

  it('a list of yearly editions is one release per year', () => {
    const r = recordOf('Q399504', [
      'Microsoft Gizmo Movies for Windows, 1994, 1995, 1996 editions',
      'Microsoft Gizmo Baseball for Windows, 1995 edition',
    ]);
    expect(r.versions).toEqual([
      'Gizmo Movies for Windows 1994',
      'Gizmo Movies for Windows 1995',
      'Gizmo Movies for Windows 1996',
      'Gizmo Baseball for Windows 1995',
    ]);
  });
});

describe('versions from the "confirmed" sentence of an article without an applies-to block', () => {
  it('a version that ends the sentence is read', () => {
    const r = recordOf(
      'Q399505',
      [],
      [
        'The Gizmo Simulator draws a building twice.',
        '',
        'Microsoft has confirmed this to be a problem in Microsoft Gizmo Simulator version 4.0.',
        'We are researching this problem.',
      ],
    );
    expect(r.versions).toEqual(['Gizmo Simulator 4.0']);
  });
  it('"This problem occurs in ..." names the affected versions too, not what it says is free of it', () => {
    const r = recordOf(
      'Q399506',
      [],
      [
        'A long integer passed to a Gizmo BASIC subprogram keeps its old value.',
        '',
        'This problem occurs only in Gizmo BASIC Versions 2.00 and 2.00b; it does not occur in',
        'Gizmo BASIC PDS Version 7.00.',
      ],
    );
    expect(r.versions).toEqual(['Gizmo BASIC 2.00', 'Gizmo BASIC 2.00b']);
  });
  it('"occurs in" reads the versions it names, not those a later clause brings in', () => {
    const read = (sentence: string) =>
      recordOf('Q399507', [], ['Gizmo Draw shows a blank page.', '', sentence]).versions;
    expect(read('This problem occurs in Gizmo Draw version 5.0 and was corrected in Gizmo Draw version 7.0.')).toEqual([
      'Gizmo Draw 5.0',
    ]);
    expect(read('This problem occurs in versions of Gizmo Draw earlier than Gizmo Draw 9.0.')).toEqual([]);
    expect(read('The error occurs in Gizmo Draw 4.0 files that were converted from Gizmo Draw 3.0.')).toEqual([
      'Gizmo Draw 4.0',
    ]);
    expect(read('This behavior occurs in Gizmo Draw 4.5 because the engine in Gizmo Paint 7.1 changed it.')).toEqual([
      'Gizmo Draw 4.5',
    ]);
  });
});
