import { describe, expect, it } from 'vitest';
import { findTicketVersions } from '../../../src/core/version';
import { LEVEL, normalLevel } from '../../../src/core/version/levels';
import { fix, rec, spFix, v } from './composed';

const read = (text: string) => findTicketVersions(text).products.map((p) => `${p.name}${p.sp ? ` SP${p.sp}` : ''}`);

describe('one way to read a level, wherever it is written', () => {
  const level = new RegExp(`^${LEVEL}$`);
  it('reads the words, the hyphen and the letter; not a longer word or number', () => {
    for (const [text, n] of [
      ['SP4', '4'],
      ['sp 6a', '6a'],
      ['Service Pack 2', '2'],
      ['SP-2', '2'],
      ['SR-1', '1'],
      ['Service Release 2', '2'],
      ['SERVICE PACK 3', '3'],
    ] as const)
      expect(normalLevel(level.exec(text)?.[1] ?? ''), text).toBe(n);
    expect(level.test('SPX4')).toBe(false);
    expect(level.test('SP123')).toBe(false);
  });
  it('after a product, before it, alone, in a dialog: the same forms', () => {
    expect(read('Office XP SP-2 on the desktops')).toEqual(['Office 2002 SP2']);
    expect(read('Outlook 2000 SR-1 clients')).toEqual(['Outlook 2000 SP1']);
    expect(read('SP-3 for Windows 2000 is on the box')).toEqual(['Windows 2000 SP3']);
    expect(read('Windows 2000 SP3, one server still on SP-1')).toEqual(['Windows 2000 SP3', 'Windows 2000 SP1']);
    expect(read('Help, About: Microsoft Exchange Server Version 5.5 (Build 2448.4: Service Pack 2)')).toEqual([
      'Exchange Server 5.5 SP2',
    ]);
  });
});

describe('what is not a release', () => {
  it('a whole number before what it counts is a count', () => {
    expect(read('Win2k SP2 farm, we bought 20 more Terminal Server 4 CALs')).toEqual(['Windows 2000 SP2']);
    expect(read('SQL 7 licenses renewed; the box runs SQL 7 SP2')).toEqual(['SQL Server 7.0 SP2']);
    // The release itself stays one: "Terminal Server 4 farm", "NT 4 users".
    expect(read('Terminal Server 4 farm at SP5')).toEqual(['Windows NT 4.0 SP5']);
    expect(read('NT 4 users cannot log on')).toEqual(['Windows NT 4.0']);
  });
  it('"Version" is the word before a version, not a product name', () => {
    const names = findTicketVersions('Exchange Administrator Version 5.0 (Build 1460.8)').products.map((p) => p.name);
    expect(names).not.toContain('Version 5.0');
    expect(names).toContain('Exchange Administrator 5.0');
    expect(read('IIS Version 4.0 on NT Server Version 4.0 SP5')).toEqual([
      'Internet Information Server 4.0',
      'Windows NT 4.0 SP5',
    ]);
  });
  it('Windows NT 3.1 is NT; Windows 3.1 is the 16-bit product', () => {
    expect(read('NT 3.1 file server and NT Advanced Server 3.1')).toEqual(['Windows NT 3.1', 'Windows NT 3.1']);
    expect(findTicketVersions('Windows 3.1 clients').products.map((p) => p.family)).toEqual(['other:windows']);
  });
});

describe('levels the Version(s) lines list', () => {
  const releaseAndSp1 = rec({
    q: 'Q900601',
    versions: ['Orbit Server 5.5', 'Orbit Server 5.5 SP1'],
  });
  it('a bare line beside the same words at a level is the release itself', () => {
    expect(v(releaseAndSp1, 'Orbit Server 5.5 without a service pack')).toBe('affected');
    expect(v(releaseAndSp1, 'Orbit Server 5.5 SP1')).toBe('affected');
    expect(v(releaseAndSp1, 'Orbit Server 5.5 SP3')).toBe('unknown');
  });
  it('another edition listed whole is not the release', () => {
    const tse = rec({
      q: 'Q900602',
      versions: ['Windows NT Server 4.0 Terminal Server Edition', 'Windows NT Server 4.0 SP4'],
    });
    expect(v(tse, 'NT 4.0 SP5 server')).toBe('affected');
  });
  it('a level below every listed one is unknown: the problem may have come with the later level', () => {
    const cameWithSp4 = rec({
      q: 'Q900603',
      versions: ['Windows NT Workstation 4.0 SP4', 'Windows NT Workstation 4.0 SP5'],
      fix: spFix('Windows NT', '4.0', '6'),
    });
    expect(v(cameWithSp4, 'NT4 SP5 workstation')).toBe('affected');
    expect(v(cameWithSp4, 'NT4 SP6a workstation')).toBe('fixed');
    expect(v(cameWithSp4, 'NT4 SP3 workstation')).toBe('unknown');
    expect(v(cameWithSp4, 'NT 4.0 without a service pack')).toBe('unknown');
  });
});

describe('several machines', () => {
  it('a bare version and level after the product is another machine of it', () => {
    const sp2 = rec({
      q: 'Q900604',
      versions: ['Exchange Server 5.5'],
      fix: spFix('Exchange Server', '5.5', '2'),
    });
    expect(v(sp2, 'Head office runs Exchange 5.5 SP3; the branch server is still at 5.5 SP1.')).toBe('affected');
    expect(v(sp2, 'Head office runs Exchange 5.5 SP3; the branch server is at 5.5 SP2.')).toBe('fixed');
  });
  it('a bare version and level that is not said of a machine of the product is not another machine', () => {
    const sp4 = rec({
      q: 'Q900606',
      versions: ['Exchange Server 5.5'],
      fix: spFix('Exchange Server', '5.5', '4'),
    });
    // A signature, another program's version, a browser upgraded to its own 5.5 SP2.
    expect(v(sp4, 'Exchange 5.5 SP4 server.\n\nThanks,\nJohn\nHelpdesk tool 5.5 SP1')).toBe('fixed');
    expect(v(sp4, 'Exchange 5.5 SP4 is installed. Also updated the client browsers to 5.5 SP2 last week')).toBe(
      'fixed',
    );
    expect(v(sp4, 'Exchange 5.5 SP4 on the server; our app version 5.5 SP1 is installed')).toBe('fixed');
    // Still a machine: said with a level cue in the same clause, a domain controller named in it.
    expect(v(sp4, 'PDC is Exchange 5.5 SP4, the BDC in the branch still 5.5 SP3.')).toBe('affected');
    expect(v(sp4, 'Exchange 5.5 SP4 at head office, the branch server is at 5.5 SP3')).toBe('affected');
  });
});

describe("another product's level", () => {
  it('a level said of another product after it ("SP2 of the Option Pack") is not the product\'s', () => {
    expect(read('Exchange 5.5 SP4 on NT 4.0, with SP2 of the Option Pack')).toEqual([
      'Exchange Server 5.5 SP4',
      'Windows NT 4.0',
    ]);
    expect(read('NT 4.0 running SP3 for the Proxy Server')).toEqual(['Windows NT 4.0']);
    // Its own level, said after it, still is.
    expect(read('NT 4.0 running SP3 on all servers')).toEqual(['Windows NT 4.0 SP3']);
  });
});

describe('several machines, over time', () => {
  it('a level the product was at, or is to go to, is no other machine', () => {
    expect(read('Exchange 5.5 SP4 everywhere; we upgraded from 5.5 SP1 last month.')).toEqual([
      'Exchange Server 5.5 SP4',
    ]);
    expect(read('Exchange 5.5 SP4 on all servers, previously 5.5 SP1.')).toEqual(['Exchange Server 5.5 SP4']);
    expect(read('Exchange 5.5 SP4 now. We were on 5.5 SP1 before.')).toEqual(['Exchange Server 5.5 SP4']);
    expect(read('Exchange 5.5 SP1 today, we plan to move to 5.5 SP4.')).toEqual(['Exchange Server 5.5 SP1']);
  });
});

describe('later releases', () => {
  const w2kSp3 = rec({
    q: 'Q900605',
    versions: ['Internet Information Services 5.0'],
    fix: spFix('Windows', '2000', '3'),
  });
  it('a release named by year is its own product, not later in the line of a fix for another', () => {
    expect(v(w2kSp3, 'Windows 2000 SP2 web server')).toBe('affected');
    expect(v(w2kSp3, 'Windows 2000 SP4 web server')).toBe('fixed');
    expect(v(w2kSp3, 'W2K3 R2 web server')).toBe('unknown');
    expect(v(w2kSp3, 'Windows XP SP1 workstation')).toBe('unknown');
  });
});

describe('lettered levels', () => {
  it("a re-issued service pack (SP6a) is in the listed SP6's line", () => {
    const toSp6 = rec({
      q: 'Q900606',
      versions: ['Windows NT Server 4.0', 'Windows NT Server 4.0 SP5', 'Windows NT Server 4.0 SP6'],
    });
    expect(v(toSp6, 'NT 4.0 SP6a file server')).toBe('affected');
    expect(v(toSp6, 'NT 4.0 SP4 file server')).toBe('unknown');
  });
});

describe('a lettered level listed alone', () => {
  it('a problem listed at SP6 alone may be what SP6a was re-issued for: unknown', () => {
    const sp6Only = rec({
      q: 'Q900607',
      versions: ['Windows NT Server 4.0 SP6', 'Windows NT Workstation 4.0 SP6'],
      fix: fix({ text: 'Windows NT 4.0 hotfix', product: 'Windows NT', version: '4.0', hotfix: true }),
    });
    expect(v(sp6Only, 'NT 4.0 SP6 file server')).toBe('affected');
    expect(v(sp6Only, 'NT 4.0 SP6a file server')).toBe('unknown');
  });
});

describe('"SR" is a level of Office programs only', () => {
  it('after another product, or none, "SR" is a support request, not a service pack', () => {
    expect(read('Orbit mail server: Exchange 5.5 SR4 per the case notes')).toEqual(['Exchange Server 5.5']);
    expect(read('SQL Server 2000 SR3 logged with PSS yesterday')).toEqual(['SQL Server 2000']);
    expect(read('Opened SR 2 with PSS about our NT 4.0 box')).toEqual(['Windows NT 4.0']);
    expect(read('VB6 SP4 (SR 3 with PSS)')).toEqual(['Visual Basic 6.0 SP4']);
    // The service pack written beside it still counts.
    expect(read('Exchange 5.5 SP2, SR 1234567')).toEqual(['Exchange Server 5.5 SP2']);
  });
  it('after an Office program, Outlook or the suite it is their level', () => {
    expect(read('Office 2000 SR-1a on NT4 SP6a')).toEqual(['Office 2000 SP1a', 'Windows NT 4.0 SP6a']);
    expect(read('Word 97 SR-2 on the desk')).toEqual(['Word 97 SP2']);
    expect(read('Outlook 98 Service Release 1 clients')).toEqual(['Outlook 98 SP1']);
  });
  it('a support request beside the installed level does not decide the verdict', () => {
    const fixedInSp4 = rec({
      q: 'Q900611',
      versions: ['Exchange Server 5.5'],
      fix: spFix('Exchange Server', '5.5', '4'),
    });
    expect(v(fixedInSp4, 'Exchange 5.5 SR4 opened, the store keeps stopping')).toBe('unknown');
    expect(v(fixedInSp4, 'Exchange 5.5 SP2 box, SR 4 opened with PSS')).toBe('affected');
  });
});
