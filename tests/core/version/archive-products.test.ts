/**
 * The archive's products as a ticket names them (version/archive-products.ts): a table made from
 * invented product lines, and the names a ticket writes found with it.
 */
import { describe, expect, it } from 'vitest';
import { findArchiveProducts, productNameOf, productTable } from '../../../src/core/version/archive-products';
import { findTicketVersions } from '../../../src/core/version';

const lines = (products: string[], n: number) => Array.from({ length: n }, () => ({ products }));
// Invented product lines, written as the archive's "applies to" lines are.
const TABLE = productTable([
  ...lines(['Microsoft Glider Simulator 2000 Professional Edition'], 3),
  ...lines(['Microsoft Combat Glider Simulator: Europe Series'], 3),
  ...lines(['Microsoft Works for Windows 95', 'Microsoft Works 4.0'], 4),
  ...lines(['Microsoft ZapPro for Windows, 32-bit Edition'], 3),
  ...lines(['The Microsoft Network'], 3),
  ...lines(['Microsoft Rarely Named Kit'], 2),
]);
const names = (text: string) => findArchiveProducts(TABLE, text).map((p) => p.name);

describe("the archive's product names", () => {
  it('reads the name a ticket writes from a product line: no vendor, version, edition, platform or subtitle', () => {
    expect(productNameOf('Microsoft Glider Simulator 2000 Professional Edition')).toBe('Glider Simulator');
    expect(productNameOf('Microsoft Combat Glider Simulator: Europe Series')).toBe('Combat Glider Simulator');
    expect(productNameOf('Microsoft ZapPro for Windows, 32-bit Edition')).toBe('ZapPro');
    expect(productNameOf('Microsoft Encyclopedia 96 for Macintosh')).toBe('Encyclopedia');
  });

  it('counts each name once per article and leaves out names of too few articles', () => {
    expect(TABLE).toContain('Works\t4');
    expect(TABLE).toContain('Glider Simulator\t3');
    expect(TABLE.some((l) => l.startsWith('Rarely Named Kit'))).toBe(false);
    // "The Microsoft Network": "Network" alone is the ordinary word.
    expect(TABLE.some((l) => /^Network\t/.test(l))).toBe(false);
    expect(TABLE).toContain('Microsoft Network\t3');
  });

  it('finds the longest name the ticket writes, with its version', () => {
    expect(names('Since Tuesday Combat Glider Simulator stutters on every landing')).toEqual([
      'Combat Glider Simulator',
    ]);
    expect(names('the installer of Glider Simulator 2000 stops at 40%')).toEqual(['Glider Simulator 2000']);
    expect(findArchiveProducts(TABLE, 'we run zappro on two PCs')[0]?.family).toBe('other:zappro');
  });

  it('takes a name of ordinary words only when written as a name', () => {
    expect(names('The works crew will be on site Monday')).toEqual([]);
    expect(names('Works is slow to open files')).toEqual([]);
    expect(names('our glider simulator project')).toEqual([]);
    // One plain word capitalised mid-sentence is as often a device, a person or an emphasis.
    expect(names('the spreadsheet in Works keeps its old totals')).toEqual([]);
    expect(names('works 4.0 spreadsheet keeps its old totals')).toEqual(['Works 4.0']);
    expect(names('It happens in Microsoft works too')).toEqual(['Works']);
  });

  it('skips a name inside a product the ticket already names', () => {
    const text = 'Works 4.0 on the laptop';
    expect(findArchiveProducts(TABLE, text, findTicketVersions(text).products)).toEqual([]);
  });

  it('finds nothing without a table (an older index)', () => {
    expect(findArchiveProducts([], 'Glider Simulator 2000')).toEqual([]);
  });
});

describe("the family table's products", () => {
  it('are left to the family table, which finds them with their version', () => {
    const table = productTable([
      ...lines(['Microsoft Exchange Server'], 3),
      ...lines(['Microsoft Windows NT Workstation'], 3),
      ...lines(['Microsoft Windows 95'], 3),
      ...lines(['Microsoft Windows CE'], 3),
    ]);
    expect(findArchiveProducts(table, 'the Exchange queue on Windows NT, and on a Windows 95 laptop').length).toBe(0);
    expect(findArchiveProducts(table, 'syncing a Windows CE handheld').map((p) => p.name)).toEqual(['Windows CE']);
  });
});

describe('a name in capitals', () => {
  it('is the product only as written in capitals', () => {
    const table = productTable(lines(['Microsoft LINK for MS-DOS'], 3));
    expect(findArchiveProducts(table, 'click the link in the mail').length).toBe(0);
    expect(findArchiveProducts(table, 'then LINK stops with an error').length).toBe(0);
    expect(findArchiveProducts(table, 'then MS LINK stops with an error').map((p) => p.name)).toEqual(['LINK']);
    expect(findArchiveProducts(table, 'then LINK 5.60 stops with an error').map((p) => p.name)).toEqual(['LINK 5.60']);
  });
});

describe('a one-word name of plain letters', () => {
  // Invented product lines named with ordinary words, as some of the archive's are.
  const table = productTable([
    ...lines(['Microsoft Phone 1.0'], 3),
    ...lines(['Microsoft Video for Windows 1.1'], 3),
    ...lines(['Microsoft Bob for Windows'], 3),
    ...lines(['Microsoft XML Parser 3.0'], 3),
    ...lines(['Microsoft QuickPlay 2.0'], 3),
    ...lines(['Microsoft Glider Simulator 98'], 3),
  ]);
  const found = (text: string) => findArchiveProducts(table, text).map((p) => p.name);

  it('is not the product when capitalised mid-sentence', () => {
    expect(
      found('The speaker stays on though the handset is on the hook.\nThanks, Dana\nMobile Phone: +1 555 0100'),
    ).toEqual([]);
    expect(found('since the update our Video screen capture displays the wrong mouse pointer')).toEqual([]);
    expect(found('I asked Bob to reinstall the printer driver')).toEqual([]);
    expect(found('the import rejects the XML file')).toEqual([]);
  });

  it('is the product with its version or the vendor before it', () => {
    expect(found('MS Phone keeps the speaker on')).toEqual(['Phone']);
    expect(found('Microsoft Bob will not start')).toEqual(['Bob']);
    expect(found('after installing Video 1.1 the capture is black')).toEqual(['Video 1.1']);
  });

  it('keeps the version that ends a sentence, but not one a dot runs on from', () => {
    expect(found('the capture is black after installing Video 1.1. It worked before')).toEqual(['Video 1.1']);
    expect(found('The tower never answers in Glider Simulator 98.')).toEqual(['Glider Simulator 98']);
    expect(found('The handset hums with Phone 2.')).toEqual(['Phone 2']);
    // A longer number or a file name: no version of the product ("Video 1.1.4.2", "Phone 2.exe").
    expect(found('the capture is black with Video 1.1.4.2 here')).toEqual([]);
    expect(found('the handset hums after Phone 2.exe ran')).toEqual([]);
  });

  it('takes a wildcard minor version as written ("3.x")', () => {
    expect(found('the tower never answers in Glider Simulator 9.x')).toEqual(['Glider Simulator 9.x']);
    expect(found('since Video 1.x the capture is black')).toEqual(['Video 1.x']);
    expect(found('since Video 1.xyz the capture is black')).toEqual([]);
  });

  it('with a capital inside, and a longer name, count as written', () => {
    expect(found('since Friday QuickPlay skips every track')).toEqual(['QuickPlay']);
    expect(found('since Friday Glider Simulator stutters')).toEqual(['Glider Simulator']);
  });

  it("never counts in a signature's or header's label", () => {
    expect(found('Regards\nMS Phone: +1 555 0100')).toEqual([]);
    expect(found('Ticket from Kim\nGlider Simulator: seat 4, desk 12\nthe headset is silent')).toEqual([]);
    expect(found('the headset is silent in Glider Simulator: it worked yesterday')).toEqual(['Glider Simulator']);
    // A subject line: the product, its version, then the case in a sentence.
    expect(found('Glider Simulator 98: my user cannot ask the tower for clearance any more')).toEqual([
      'Glider Simulator 98',
    ]);
    expect(found('Glider Simulator: my user cannot ask the tower for clearance any more')).toEqual([
      'Glider Simulator',
    ]);
  });
});
