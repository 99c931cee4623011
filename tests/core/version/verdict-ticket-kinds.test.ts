import { describe, expect, it } from 'vitest';
import { findTicketVersions } from '../../../src/core/version';
import { fix, rec, spFix, v } from './composed';

describe('an article fixed in several versions of one product', () => {
  const twoLines = rec({
    q: 'Q900401',
    versions: ['Proxy Server 1.0', 'Proxy Server 2.0'],
    fix: spFix('Proxy Server', '1.0', '3'),
    fixes: [spFix('Proxy Server', '1.0', '3'), spFix('Proxy Server', '2.0', '1')],
  });
  it("is judged by the fix for the ticket's version, not the first one", () => {
    expect(v(twoLines, 'Proxy Server 2.0 SP1 on the edge box')).toBe('fixed');
    expect(v(twoLines, 'Proxy Server 2.0 without a service pack')).toBe('affected');
    expect(v(twoLines, 'Proxy Server 1.0 SP2')).toBe('affected');
    expect(v(twoLines, 'Proxy Server 1.0 SP3')).toBe('fixed');
  });
  it('a minor version of the same major is judged by that major line', () => {
    const exch = rec({
      q: 'Q900402',
      versions: ['Exchange Server 4.0', 'Exchange Server 5.0'],
      fixes: [spFix('Exchange Server', '4.0', '4'), spFix('Exchange Server', '5.0', '1')],
    });
    expect(v(exch, 'Exchange 5.0 SP1 information store')).toBe('fixed');
    expect(v(exch, 'Exchange 4.0 SP2 information store')).toBe('affected');
    expect(v(exch, 'Exchange Server 5.5 SP2')).toBe('fixed');
  });
});

describe('Version(s) lines that carry a service pack', () => {
  const smsLevels = rec({
    q: 'Q900403',
    versions: ['Systems Management Server 2.0 SP1', 'Systems Management Server 2.0 SP2'],
  });
  it('list those levels: a listed level is affected, another one is not judged', () => {
    expect(v(smsLevels, 'SMS 2.0 SP2 site server')).toBe('affected');
    expect(v(smsLevels, 'Systems Management Server 2.0 SP1')).toBe('affected');
    expect(v(smsLevels, 'SMS 2.0 SP3 site server')).toBe('unknown');
  });
  it('a level listed beside its bare version is affected even against an inferred "latest" fix', () => {
    const inferred = rec({
      q: 'Q900404',
      versions: ['SNA Server 3.0', 'SNA Server 3.0 SP1', 'SNA Server 3.0 SP2'],
      fix: fix({
        text: 'SNA Server 3.0 Service Pack 4 (inferred)',
        product: 'SNA Server',
        version: '3.0',
        servicePack: '4',
        inferred: true,
      }),
    });
    expect(v(inferred, 'SNA Server 3.0 SP2 on the gateway')).toBe('affected');
    // A level the article does not list may already have the unnumbered fix.
    expect(v(inferred, 'SNA Server 3.0 SP3 on the gateway')).toBe('unknown');
  });
});

describe('how tickets write the level', () => {
  const nt = rec({
    q: 'Q900405',
    versions: ['Windows NT Server 4.0'],
    fix: spFix('Windows NT', '4.0', '5'),
  });
  it('a service pack in front of its product in brackets', () => {
    expect(findTicketVersions('the file server got SP4 (NT4) last week').products[0]).toMatchObject({
      family: 'windows',
      sp: '4',
    });
    expect(v(nt, 'Since the file server got SP4 (NT4) our apps hang')).toBe('affected');
    expect(v(nt, 'Since the file server got SP6a (NT 4.0) our apps hang')).toBe('fixed');
  });
  const word = rec({
    q: 'Q900406',
    versions: ['Word 97 for Windows'],
    fix: fix({
      text: 'Word 97 Service Release 1',
      product: 'Word',
      version: '97',
      servicePack: '1',
      servicePackName: 'Service Release',
    }),
  });
  it('"no SR", "original release": the release before any service release', () => {
    expect(v(word, 'Word 97 (no SR) crashes printing')).toBe('affected');
    expect(v(word, 'Word 97 original release, crashes printing')).toBe('affected');
    expect(v(word, 'Word 97 crashes printing')).toBe('unknown');
    expect(findTicketVersions('Outlook 2000 (original release) against the server').products[0]).toMatchObject({
      family: 'outlook',
      sp: '0',
    });
  });
  it('"no service packs" after a product the table does not know', () => {
    expect(findTicketVersions('Orbit Desk 3.2, no service packs yet').products[0]).toMatchObject({ sp: '0' });
  });
});

describe('product names tickets shorten', () => {
  it('"Terminal Server Edition 4.0 SP4" and "TSE 4.0 SP6" are Windows NT 4.0 at that level', () => {
    for (const text of ['Terminal Server Edition 4.0 SP4 farm', 'TSE 4.0 SP4 farm', 'NT 4.0 TSE SP4 farm']) {
      expect(findTicketVersions(text).products[0], text).toMatchObject({ family: 'windows', version: '4.0', sp: '4' });
    }
    const tse = rec({
      q: 'Q900407',
      versions: ['Windows NT Server 4.0 Terminal Server Edition'],
      fix: spFix('Windows NT', '4.0', '6'),
    });
    expect(v(tse, 'TSE 4.0 SP6 server')).toBe('fixed');
    // The edition was only ever 4.0; "Terminal Server" alone may be Windows 2000's.
    expect(v(tse, 'TSE with SP6, logons slow')).toBe('fixed');
    expect(v(tse, 'Terminal Server Edition at SP5, logons slow')).toBe('affected');
    expect(findTicketVersions('Terminal Server with SP2, logons slow').products).toEqual([]);
    expect(v(tse, 'Terminal Server Edition 4.0 SP5 server')).toBe('affected');
  });
  it('eMbedded Visual Basic is not Visual Basic', () => {
    const evb = rec({
      q: 'Q900408',
      versions: ['eMbedded Visual Basic 3.0'],
      fix: fix({
        text: 'eMbedded Visual Basic 3.0 hotfix',
        product: 'eMbedded Visual Basic',
        version: '3.0',
        hotfix: true,
      }),
    });
    expect(v(evb, 'eMbedded VB 3.0 app on the handhelds')).toBe('affected');
    expect(v(evb, 'eVB 3.0 app on the handhelds')).toBe('affected');
    expect(findTicketVersions('desktop VB 6.0 SP5').products[0]).toMatchObject({ family: 'other:visual basic' });
  });
  it("Outlook 2000's service release is Office 2000's", () => {
    const sr1 = rec({
      q: 'Q900409',
      versions: ['Outlook 2000'],
      fix: fix({
        text: 'Office 2000 Service Release 1',
        product: 'Office',
        version: '2000',
        servicePack: '1',
        servicePackName: 'Service Release',
      }),
    });
    expect(v(sr1, 'Outlook 2000 (original release) clients')).toBe('affected');
    expect(v(sr1, 'Outlook 2000 clients, Office 2000 SR-1a everywhere')).toBe('fixed');
  });
});

describe('"the latest service pack" with no number', () => {
  it('the release with no service pack predates it', () => {
    const latest = rec({
      q: 'Q900410',
      versions: ['Exchange Server 5.0'],
      fix: fix({ text: 'latest Exchange Server 5.0 service pack', product: 'Exchange Server', version: '5.0' }),
    });
    expect(v(latest, 'Exchange 5.0, no service pack, custom recipients')).toBe('affected');
    expect(v(latest, 'Exchange 5.0 custom recipients')).toBe('unknown');
  });
});

describe('Windows given by its build alone', () => {
  const nt = rec({
    q: 'Q900411',
    versions: ['Windows NT Server 4.0 SP4'],
    fix: spFix('Windows NT', '4.0', '5'),
  });
  it("winver's dialog without its product line names Windows NT 4.0 at the stated service pack", () => {
    expect(v(nt, 'About box: Version 4.0 (Build 1381: Service Pack 4). Clients hang.')).toBe('affected');
    expect(v(nt, 'About box: Version 4.0 (Build 1381: Service Pack 6)')).toBe('fixed');
    // A version that disagrees with the build is not Windows (Exchange 4.0 builds are 837-996).
    const windows = (text: string) => findTicketVersions(text).products.filter((p) => p.family === 'windows');
    expect(windows('Version 5.5 (Build 1381: Service Pack 2)')).toEqual([]);
  });
  it("a dialog apart from the product's own mention is another machine: the lowest level decides", () => {
    const w2k = rec({
      q: 'Q900419',
      versions: ['Windows 2000 Server'],
      fix: spFix('Windows', '2000', '3'),
    });
    expect(v(w2k, 'Server A: Windows 2000 SP4. Server B winver: Version 5.0 (Build 2195: Service Pack 2)')).toBe(
      'affected',
    );
    expect(v(w2k, 'Windows 2000 Server at SP2. Other node winver: Version 5.0 (Build 2195: Service Pack 4)')).toBe(
      'affected',
    );
    // Its own dialog under the product's name states that machine's level.
    expect(v(w2k, 'Microsoft Windows 2000 Server\nVersion 5.0 (Build 2195: Service Pack 4)')).toBe('fixed');
    expect(v(w2k, 'Microsoft Windows 2000 Server\nVersion 5.0 (Build 2195: Service Pack 2)')).toBe('affected');
  });
  it('the command prompt banner and a bare build name the version, never the level', () => {
    const w2k = rec({
      q: 'Q900412',
      versions: ['Windows 2000 Server', 'Windows 2000 Advanced Server'],
      fix: spFix('Windows', '2000', '1'),
    });
    expect(findTicketVersions('C:\\> ver: [Version 5.00.2195]').products.filter((p) => p.family === 'windows')).toEqual(
      [expect.objectContaining({ family: 'windows', version: '2000', sp: null })],
    );
    expect(v(w2k, 'C:\\> ver\nMicrosoft Windows 2000 [Version 5.00.2195]')).toBe('unknown');
    expect(v(w2k, 'cluster node is build 2195 with SP2')).toBe('fixed');
    expect(findTicketVersions('ticket build 1234 of our app').products.filter((p) => p.family === 'windows')).toEqual(
      [],
    );
  });
});

describe('a level written alone after a product', () => {
  const w2k = rec({
    q: 'Q900413',
    versions: ['Windows 2000 Server'],
    fix: spFix('Windows', '2000', '3'),
  });
  it('is another machine of that product: the lowest level decides', () => {
    expect(v(w2k, 'servers are Win2000 SP3 and one still on SP1')).toBe('affected');
    expect(v(w2k, 'Windows 2000 Server SP3 on node A, SP2 on node B')).toBe('affected');
    expect(v(w2k, 'servers are Win2000 SP3 and one on SP4')).toBe('fixed');
  });
  it('not where it is a fix, a target or the level upgraded from', () => {
    expect(v(w2k, 'Windows 2000 Server; the article says it is fixed in SP3')).toBe('unknown');
    expect(v(w2k, 'Windows 2000 Server went from SP2 to SP3 last night')).toBe('fixed');
    expect(v(w2k, 'Windows 2000 Server, we plan to upgrade to SP3')).toBe('unknown');
  });
  it('not where the product has no level of its own: that is its level to come or a fix', () => {
    expect(v(w2k, 'Windows 2000 Server, we plan to be on SP3 by Friday')).toBe('unknown');
    expect(v(w2k, 'Windows 2000 Server, we will be at SP3 next week')).toBe('unknown');
    expect(v(w2k, 'Windows 2000 Server; MS says it is fixed with SP3')).toBe('unknown');
  });
  it('not where the clause says before the product that its level is to come', () => {
    expect(v(w2k, 'we plan to upgrade Windows 2000 Server to SP3 next week, currently SP2')).toBe('unknown');
    expect(v(w2k, 'Next weekend we will move the Win2000 boxes to SP3.')).toBe('unknown');
    expect(v(w2k, 'Need to bring Windows 2000 Server to SP3 before the audit')).toBe('unknown');
    // Done, not to come: the level is the product's.
    expect(v(w2k, 'We upgraded Windows 2000 Server to SP3 last week')).toBe('fixed');
    expect(v(w2k, 'Users cannot log on; Windows 2000 Server was brought to SP3 on Friday')).toBe('fixed');
  });
  it('not where something else is named before it, or it is a past level', () => {
    expect(v(w2k, 'Windows 2000 SP4, Exchange at SP2')).toBe('fixed');
    expect(v(w2k, 'Windows 2000 SP4 and SQL on SP2')).toBe('fixed');
    expect(v(w2k, 'Windows 2000 SP4 box; it was on SP2 until last month')).toBe('fixed');
    expect(v(w2k, 'Windows 2000 SP4 now, it is fixed with SP2 per the vendor')).toBe('fixed');
    // Machines named by host or letter are machines of the product.
    expect(v(w2k, 'Windows 2000 SP4 on DC1, DC2 is SP2')).toBe('affected');
  });
  it('"W2K AS SP2": the edition between the version and its level', () => {
    expect(findTicketVersions('W2K AS SP2 cluster').products[0]).toMatchObject({ family: 'windows', sp: '2' });
  });
});

describe('a level that belongs to the product before it', () => {
  const w2k = rec({
    q: 'Q900414',
    versions: ['Windows 2000 Server'],
    fix: spFix('Windows', '2000', '3'),
  });
  const windows = (text: string) => findTicketVersions(text).products.filter((p) => p.family === 'windows');
  it('is not read as the level of the Windows it runs on ("Exchange 2000 SP3 on Windows 2000 Server")', () => {
    expect(windows('Exchange 2000 SP3 on Windows 2000 Server, store crashes')).toEqual([
      expect.objectContaining({ version: '2000', sp: null }),
    ]);
    expect(windows('Exchange 5.5 SP4 (NT 4.0) store crashes')).toEqual([
      expect.objectContaining({ version: '4.0', sp: null }),
    ]);
    expect(windows('Exch 5.5 SP4 (NT4) store crashes')).toEqual([
      expect.objectContaining({ version: '4.0', sp: null }),
    ]);
    expect(v(w2k, 'Exchange 2000 SP3 (Windows 2000 Server) store crashes')).toBe('unknown');
    // A service pack no product claims is still the one after it.
    expect(windows('the file server got SP4 (NT4) last week')).toEqual([expect.objectContaining({ sp: '4' })]);
    expect(windows('SP3 for Windows 2000 Server went on last night')).toEqual([expect.objectContaining({ sp: '3' })]);
  });
});

describe('programs of one suite', () => {
  const outlook = rec({ q: 'Q900416', versions: ['Outlook 2000'] });
  const word = rec({ q: 'Q900417', versions: ['Word 97 for Windows'] });
  it("are not each other's listed versions: a Word ticket does not have an Outlook article's problem", () => {
    expect(v(outlook, 'Word 2000 crashes when saving')).toBe('unknown');
    expect(v(outlook, 'Excel 2000 SR-1 crashes when saving')).toBe('unknown');
    expect(v(word, 'Excel 97 crashes when saving')).toBe('unknown');
  });
  it('the program itself, and the suite named whole, are', () => {
    expect(v(outlook, 'Outlook 2000 SR-1 clients hang')).toBe('affected');
    expect(v(word, 'Word 97 SR-1 crashes when saving')).toBe('affected');
    expect(v(word, 'Office 97 SR-1 on every desk')).toBe('affected');
    expect(v(rec({ q: 'Q900418', versions: ['Office 2000'] }), 'Word 2000 crashes when saving')).toBe('affected');
  });
});

const ntToCome = rec({ q: 'Q900806', versions: ['Windows NT 4.0'], fix: spFix('Windows NT', '4.0', '5') });

describe('a level to come', () => {
  it('is not installed, written with its product or before it', () => {
    expect(v(ntToCome, 'We plan to install NT 4.0 SP5 on the file servers.')).toBe('unknown');
    expect(v(ntToCome, 'Should we apply Windows NT 4.0 SP6a?')).toBe('unknown');
    expect(v(ntToCome, 'We will install SP5 on NT 4.0 next weekend.')).toBe('unknown');
    expect(v(ntToCome, 'Should we apply Windows NT 4.0 SP6a? Today they run Windows NT 4.0 SP3.')).toBe('affected');
  });
  it('is not read into a level that is installed', () => {
    expect(v(ntToCome, 'If we install SP6a on the NT 4.0 SP3 box, will it go away?')).toBe('affected');
    expect(v(ntToCome, 'We installed NT 4.0 SP5 last week.')).toBe('fixed');
  });
});

describe('a file the article fixes for several releases', () => {
  const twoReleases = rec({
    q: 'Q900803',
    versions: ['Internet Information Server 4.0', 'Internet Information Services 5.0'],
    fix: spFix('Windows', '2000', '3'),
    files: [
      { name: 'Web.dll', version: '4.2.745.1' },
      { name: 'Web.dll', version: '5.0.2195.3649' },
    ],
  });
  it("judges the ticket's file by its own release's row", () => {
    expect(v(twoReleases, 'web.dll 5.0.2195.2966 on the Win2k server')).toBe('affected');
    expect(v(twoReleases, 'web.dll 5.0.2195.4000 on the Win2k server')).toBe('fixed');
    expect(v(twoReleases, 'web.dll 4.2.739.1 on the NT box')).toBe('affected');
  });
});

describe('a level the article lists, against a fix it does not number', () => {
  it('is affected', () => {
    const latest = rec({
      q: 'Q900804',
      versions: ['SNA Server 4.0', 'SNA Server 4.0 SP1'],
      fix: fix({ text: 'latest SNA Server 4.0 service pack', product: 'SNA Server', version: '4.0' }),
    });
    expect(v(latest, 'SNA Server 4.0 SP1 on the host gateway')).toBe('affected');
    expect(v(latest, 'SNA Server 4.0 SP2 on the host gateway')).toBe('unknown');
  });
});

describe('a version dialog without a product name', () => {
  it("is the article's product at the dialog's level", () => {
    const exch = rec({ q: 'Q900805', versions: ['Exchange Server 5.5'], fix: spFix('Exchange Server', '5.5', '3') });
    expect(v(exch, 'Server info: Version 5.5 (Build 2448.4: Service Pack 2).')).toBe('affected');
    expect(v(exch, 'About box: Version 5.5 (Build 2650.24: Service Pack 3).')).toBe('fixed');
  });
});

describe("a suite's level written with its unversioned name", () => {
  const vs = rec({ q: 'Q900807', versions: ['Visual Basic 6.0'], fix: spFix('Visual Studio', '6.0', '3') });
  it("is its program's level in the same sentence", () => {
    expect(v(vs, 'VB 6.0 with Visual Studio SP2 on the build box.')).toBe('affected');
    expect(v(vs, 'Visual Basic 6.0 on NT 4.0 SP6a, no Visual Studio service pack applied.')).toBe('affected');
    expect(v(vs, 'Visual Basic 6.0 with Visual Studio SP4.')).toBe('fixed');
  });
  it('not one to come, nor one in another sentence', () => {
    expect(v(vs, 'VB 6.0 here. We will install Visual Studio SP3 on the VB 6.0 boxes.')).toBe('unknown');
    expect(v(vs, 'Visual Basic 6.0 on the client. The server has Visual Studio SP4 for other tools.')).toBe('unknown');
  });
});

describe('a level a planned move starts from', () => {
  it('is the installed one', () => {
    expect(v(ntToCome, 'Should we update Windows NT 4.0 SP3 to SP6a?')).toBe('affected');
    expect(v(ntToCome, 'We plan to upgrade NT 4.0 SP5 to Service Pack 6a next month.')).toBe('fixed');
  });
});

describe('a planned update of machines already at a level', () => {
  const exch = rec({ q: 'Q900814', versions: ['Exchange Server 5.5'], fix: spFix('Exchange Server', '5.5', '4') });
  const nt6a = rec({ q: 'Q900815', versions: ['Windows NT 4.0'], fix: spFix('Windows NT', '4.0', '6a') });
  it("keeps the machines' level as installed", () => {
    expect(v(exch, 'We need to update our Exchange 5.5 SP4 servers with the language pack next month.')).toBe('fixed');
    expect(v(nt6a, 'cannot update Windows NT 4.0 SP6a machines')).toBe('fixed');
    expect(v(nt6a, 'We will upgrade all the Windows NT 4.0 SP6a boxes with the new driver.')).toBe('fixed');
  });
  it('the level after to/with is still the one to come', () => {
    expect(v(nt6a, 'We need to update our Windows NT 4.0 servers to SP6a next month.')).toBe('unknown');
    expect(v(nt6a, 'We will install Windows NT 4.0 SP6a on them next week.')).toBe('unknown');
    expect(v(nt6a, 'We will install Windows NT 4.0 SP6a on servers next week.')).toBe('unknown');
  });
});
