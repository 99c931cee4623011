import { describe, expect, it } from 'vitest';
import { findTicketVersions, productFit, verdictFor } from '../../../src/core/version';
import { record } from '../match/fixture-records';
import { statusFix } from '../../fixtures/article-record';

const read = (text: string) =>
  findTicketVersions(text).products.map((p) => `${p.family} ${p.version}${p.sp ? ` SP${p.sp}` : ''}`);

describe('products as agents shorten them', () => {
  it('reads Windows NT however it is written, the edition before or after the version', () => {
    expect(read('Alpha box running NT 4.0 Server SP6a.')).toEqual(['windows 4.0 SP6a']);
    expect(read('NT Server 4.0 SP6 on the PDC')).toEqual(['windows 4.0 SP6']);
    expect(read('nt4 sp5 and WinNT 4 SP3')).toEqual(['windows 4.0 SP5', 'windows 4.0 SP3']);
    expect(read('NT4SP6a')).toEqual(['windows 4.0 SP6a']);
    expect(read('still on NT 3.51 SP5')).toEqual(['windows 3.51 SP5']);
  });

  it('"TSE" without a version is Terminal Server Edition only with its level ("TSE" is also a support engineer)', () => {
    expect(read('TSE with SP6, logons slow')).toEqual(['windows 4.0 SP6']);
    expect(read('TSE SP4 farm')).toEqual(['windows 4.0 SP4']);
    expect(read('Customer on Windows 2000 SP4. Escalated to TSE Mark.')).toEqual(['windows 2000 SP4']);
    expect(read('Assigned TSE: John Smith')).toEqual([]);
    const nt = record({ q: 'Q900415', title: 'Composed article', versions: ['Windows NT Server 4.0'] });
    expect(
      verdictFor(nt, findTicketVersions('Windows 2000 SP4 server. Escalated to TSE, who checked the KB')).verdict,
    ).toBe('unknown');
  });

  it('reads the year releases glued to their shorthand', () => {
    expect(read('W2K SP3 servers, a Win2k3 DC, clients on WinXP and Win98')).toEqual([
      'windows 2000 SP3',
      'windows 2003',
      'windows xp',
      'windows-9x 98',
    ]);
    expect(read('E2K SP3 and Exch 5.5 SP4')).toEqual(['exchange 2000 SP3', 'exchange 5.5 SP4']);
    expect(read('SQL 7 SP2, SQL2K SP3a, IIS5')).toEqual(['sql-server 7.0 SP2', 'sql-server 2000 SP3a', 'iis 5.0']);
  });

  it('names other products as the archive does, whole versions dotted where the archive dots them', () => {
    expect(read('SMS 2.0 SP1 site server')).toEqual(['other:systems management server 2.0 SP1']);
    expect(read('VB6 SP5, VC++ 6 SP3, VFP 6.0 SP3, SNA 4.0 SP2')).toEqual([
      'other:visual basic 6.0 SP5',
      'other:visual c++ 6.0 SP3',
      'other:visual foxpro 6.0 SP3',
      'other:sna server 4.0 SP2',
    ]);
    expect(read('XL97 and O2K')).toEqual(['other:excel 97', 'other:office 2000']);
  });

  it('reads the Office programs glued to their year, as written spaced', () => {
    expect(read('Word97 and Access2000 on the Office97 PCs')).toEqual(
      read('Word 97 and Access 2000 on the Office 97 PCs'),
    );
    expect(read('Word97 and Access2000 on the Office97 PCs')).toEqual([
      'other:word 97',
      'other:access 2000',
      'other:office 97',
    ]);
    expect(read('outlook98 SP1 clients')).toEqual(['outlook 98 SP1']);
    // A longer number or a word: no release.
    expect(read('Word970 and Outlook98x')).toEqual([]);
    // 95 is a year as it is spaced.
    expect(read('PowerPoint95 slides')).toEqual(read('PowerPoint 95 slides'));
  });

  it('a program glued to its year in a format, file, path, host or address is no product in use', () => {
    for (const text of [
      'Word97-2003 document',
      'Excel97-2003 workbook',
      'word97.dot',
      'Word97.exe',
      'C:\\db\\access2000.mdb',
      'access2000@contoso.com',
      'http://office97.contoso.local',
      '\\\\word97\\templates',
    ])
      expect(read(text), text).toEqual([]);
    expect(read('Since we moved to Word 2002 the users save as Word97-2003 documents')).toEqual(['other:word 2002']);
    // A sentence may still end after it, and a comma follow it.
    expect(read('We run Word97. It hangs, as Access2000, on save.')).toEqual(['other:word 97', 'other:access 2000']);
  });

  it('takes a service pack written before its product', () => {
    expect(read('We applied SP4 for NT 4.0 last week')).toEqual(['windows 4.0 SP4']);
    expect(read('Service Pack 6a on Windows NT 4.0')).toEqual(['windows 4.0 SP6a']);
  });

  it('leaves words alone: "vs", "ie", a version after other words', () => {
    expect(read('compare vs 6.0 output, ie 5 rows; content 4.0')).toEqual([]);
    expect(
      read('MSVB6 is not a product; NTFS 5.0 is a file system').filter((p) => !p.startsWith('other:ntfs')),
    ).toEqual([]);
  });
});

describe('the verdict with a shorthand version', () => {
  const sms = record({
    q: 'Q900301',
    title: 'SMS: Collection wizard refuses a direct rule',
    products: ['Microsoft Systems Management Server'],
    versions: ['Systems Management Server 2.0', 'Systems Management Server 2.0 SP1'],
    versionsRaw: 'winnt:2.0,2.0 SP1',
    fix: statusFix('Systems Management Server 2.0 Service Pack 2', 'Systems Management Server', '2.0', '2'),
  });
  const nt = record({
    q: 'Q900302',
    title: 'Print spooler error on RISC computers',
    products: ['Microsoft Windows NT Server'],
    versions: ['Windows NT Server 4.0', 'Windows NT Workstation 4.0'],
    versionsRaw: 'winnt:4.0',
    fix: statusFix('Windows NT 4.0 Service Pack 5', 'Windows NT', '4.0', '5'),
  });

  it('judges the fix against the shorthand', () => {
    expect(verdictFor(sms, findTicketVersions('SMS 2.0 SP1. Admins cannot finish the wizard.')).verdict).toBe(
      'affected',
    );
    expect(verdictFor(sms, findTicketVersions('SMS 2.0 SP3 here')).verdict).toBe('fixed');
    expect(verdictFor(nt, findTicketVersions('Alpha running NT 4.0 Server SP6a')).verdict).toBe('fixed');
    expect(verdictFor(nt, findTicketVersions('NT4 SP3 print server')).verdict).toBe('affected');
  });

  it('judges by the fix for the product the ticket names when the article has several', () => {
    const two = record({
      q: 'Q900303',
      title: 'ListView search fails on an empty list',
      products: ['Microsoft Visual Basic for Windows'],
      versions: ['Visual Basic Professional Edition for Windows 5.0', 'Visual Studio 97'],
      versionsRaw: '5.0',
      fix: statusFix('COMCTL32.OCX 5.00.3828', 'COMCTL32.OCX', '5.00.3828', null),
      fixes: [
        statusFix('COMCTL32.OCX 5.00.3828', 'COMCTL32.OCX', '5.00.3828', null),
        statusFix('Visual Studio 97 Service Pack 1', 'Visual Studio', '97', '1'),
      ],
    });
    expect(verdictFor(two, findTicketVersions('Dev box has Visual Studio 97 Service Pack 3.')).verdict).toBe('fixed');
  });
});

describe("an article's Version(s) line names one product, from its start", () => {
  const vb = record({
    q: 'Q900304',
    title: 'RDO: second query fails while the first is open',
    products: ['Microsoft Visual Basic for Windows'],
    versions: ['Visual Basic Enterprise Edition for Windows 4.0', 'Visual Basic Professional Edition for Windows 6.0'],
    versionsRaw: '4.0,6.0',
  });
  const ntEe = record({
    q: 'Q900305',
    title: 'Cluster node loses its share',
    products: ['Microsoft Windows NT Server, Enterprise Edition'],
    versions: ['Windows NT Server, Enterprise Edition 4.0'],
    versionsRaw: 'winnt:4.0',
  });

  it('"... for Windows 4.0" is the product named first, not Windows', () => {
    expect(productFit(vb, findTicketVersions('Our VB4 order form'))).toBe('same-version');
    expect(productFit(vb, findTicketVersions('Clients on Windows NT 4.0 SP6a'))).toBe('none');
  });

  it('an edition named before the version leaves the product it belongs to', () => {
    expect(productFit(ntEe, findTicketVersions('NT 4.0 Server SP6a cluster'))).toBe('same-version');
  });
});

describe('more shorthand agents write', () => {
  it('Exchange 5.5 glued to its name ("E55", "ex5.5"), only with a level after it', () => {
    expect(read('E55 SP4 on both servers')).toEqual(['exchange 5.5 SP4']);
    expect(read('ex5.5 sp2 running on NT4 SP6a')).toEqual(['exchange 5.5 SP2', 'windows 4.0 SP6a']);
    expect(read('E5.5 sp3 installed')).toEqual(['exchange 5.5 SP3']);
    expect(read('see cell E55 in the sheet')).toEqual([]);
  });
  it('"XP" with its level is Windows XP; "Pro" is an edition between the name and the level', () => {
    expect(read('XP SP1 clients')).toEqual(['windows xp SP1']);
    expect(read('W2K Pro SP1 laptops')).toEqual(['windows 2000 SP1']);
    expect(read('XP Pro SP2 laptop')).toEqual(['windows xp SP2']);
    expect(read('Office XP SP2 on XP SP1')).toEqual(['other:office 2002 SP2', 'windows xp SP1']);
    expect(read('the XP look and feel')).toEqual([]);
    expect(read('FrontPage XP SP1 on the web server')).toEqual([]);
  });
});
