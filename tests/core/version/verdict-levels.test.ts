import { describe, expect, it } from 'vitest';
import { findTicketVersions, verdictFor, withBuildReleases } from '../../../src/core/version';
import { compareServicePacks, compareVersions } from '../../../src/core/version/compare';
import { findShorthandProducts } from '../../../src/core/version/shorthand';
import { fix, rec, spFix, v } from './composed';

describe('levels the article lists', () => {
  const atSp3 = rec({
    q: 'Q900301',
    versions: ['Exchange Server 5.5 SP3'],
    products: ['Microsoft Exchange Server'],
  });
  const ntHotfix = rec({
    q: 'Q900302',
    versions: ['Windows NT Server 4.0 SP6a', 'Windows NT Workstation 4.0 SP6a'],
    fix: fix({ text: 'Windows NT 4.0 hotfix', product: 'Windows NT', version: '4.0', hotfix: true }),
  });
  it('a version listed only at one service pack is not affected at another, nor when the level is unsaid', () => {
    expect(v(atSp3, 'Exchange 5.5 SP3 server')).toBe('affected');
    expect(verdictFor(atSp3, findTicketVersions('Exchange 5.5 SP4 server')).reason).toMatch(
      /lists Exchange Server 5\.5 only at SP3/,
    );
    expect(v(atSp3, 'Exchange 5.5 SP4 server')).toBe('unknown');
    expect(v(atSp3, 'Exchange Server 5.5')).toBe('unknown');
  });
  it('a hotfix for a listed level: that level is affected, another one unknown', () => {
    expect(v(ntHotfix, 'NT4 SP6a domain controller')).toBe('affected');
    // Denied where it is named: "No hotfixes installed." holds the words "hotfixes installed".
    expect(v(ntHotfix, 'NT4 SP6a domain controller. No hotfixes installed.')).toBe('affected');
    expect(v(ntHotfix, 'NT4 SP6a domain controller, without any hotfixes applied.')).toBe('affected');
    expect(v(ntHotfix, 'NT4 SP6a domain controller with the hotfix applied.')).not.toBe('affected');
    expect(v(ntHotfix, 'NT 4.0 SP5 member server')).toBe('unknown');
  });
  it('an inferred "latest service pack": a listed level and the release itself are affected', () => {
    const inferred = rec({
      q: 'Q900303',
      versions: ['Windows NT Server 4.0 SP4'],
      fix: fix({
        text: 'Windows NT 4.0 Service Pack 6a (inferred)',
        product: 'Windows NT',
        version: '4.0',
        servicePack: '6a',
        source: 'resolution',
        inferred: true,
      }),
    });
    expect(v(inferred, 'NT 4.0 Terminal Server Edition SP4 box')).toBe('affected');
    expect(v(inferred, 'NT 4.0 SP5')).toBe('unknown');
    const plain = rec({
      q: 'Q900304',
      versions: ['Windows NT Server 3.5'],
      fix: { ...inferred.fix!, text: 'Windows NT 3.5 Service Pack 3 (inferred)', version: '3.5', servicePack: '3' },
    });
    expect(v(plain, 'NT 3.5 workstation without a service pack')).toBe('affected');
  });
});

describe('how tickets write their level', () => {
  const sp4 = rec({
    q: 'Q900305',
    versions: ['Windows 2000 Server', 'Windows 2000 Professional'],
    fix: spFix('Windows', '2000', '1'),
  });
  it('RTM is the release itself; "the latest service pack" is at or above any numbered one', () => {
    expect(findTicketVersions('Windows 2000 Server RTM').products[0]!.sp).toBe('0');
    expect(v(sp4, 'Windows 2000 Server RTM terminal server')).toBe('affected');
    expect(v(sp4, 'W2K Advanced Server with the latest service pack')).toBe('fixed');
    expect(compareServicePacks('latest', '6a')).toBe(1);
    const unnumbered = rec({
      q: 'Q900316',
      versions: ['Windows NT Server 4.0'],
      fix: fix({
        text: 'latest Windows NT 4.0 service pack',
        product: 'Windows NT',
        version: '4.0',
        source: 'resolution',
      }),
    });
    expect(v(unnumbered, 'NT4 with the latest service pack')).toBe('fixed');
    expect(v(unnumbered, 'NT4 SP3')).toBe('unknown');
  });
  it("a version with a service pack and no product name is the article product's", () => {
    const ex = rec({
      q: 'Q900306',
      versions: ['Exchange Server 5.5'],
      fix: spFix('Exchange Server', '5.5', '4'),
    });
    expect(findTicketVersions('IMS on 5.5 sp4 again').bare).toEqual([
      expect.objectContaining({ version: '5.5', sp: '4' }),
    ]);
    expect(v(ex, 'IMS on 5.5 sp4 again')).toBe('fixed');
    expect(v(ex, 'IMS on 5.5 sp3 again')).toBe('affected');
    expect(v(ex, 'EX 5.5 sp3 tracking logs')).toBe('affected');
  });
  it('a service pack a few words after its product, in the same clause', () => {
    expect(findTicketVersions('After upgrading our NT 3.51 boxes to Service Pack 4, users').products[0]!.sp).toBe('4');
    expect(findTicketVersions('NT 3.51 boxes. We plan to go to SP5').products[0]!.sp).toBeNull();
    expect(findTicketVersions('Exchange 5.5 on NT 4.0 with SP6a').products.map((p) => p.sp)).toEqual([null, '6a']);
  });
  it('file versions said in a sentence, ending one', () => {
    const t = findTicketVersions('Dns.exe is version 4.0.1381.7102. Mbclean.exe now shows version 5.5.2654.55.');
    expect(t.files.map((f) => [f.name, f.version])).toEqual([
      ['dns.exe', '4.0.1381.7102'],
      ['mbclean.exe', '5.5.2654.55'],
    ]);
  });
  it('maintenance letters rank between releases', () => {
    const [vfp] = findShorthandProducts('VFP 3.0b app', []);
    expect([vfp!.name, vfp!.version]).toEqual(['Visual FoxPro 3.0b', '3.0b']);
    expect(compareVersions(vfp!.rank, '3.0')).toBe(1);
    expect(compareVersions(vfp!.rank, '5.0')).toBe(-1);
    const r = rec({
      q: 'Q900307',
      versions: ['Visual FoxPro for Windows 3.0', 'Visual FoxPro for Windows 3.0b'],
      fix: fix({ text: 'Visual FoxPro 5.0', product: 'Visual FoxPro', version: '5.0' }),
    });
    expect(v(r, 'VFP 3.0b form')).toBe('affected');
    expect(v(r, 'Visual FoxPro 5.0a here')).toBe('fixed');
  });
  it('a name with its platform inside: "MS Mail for Windows 3.2", "TCP/IP-32 3.11b"', () => {
    const mail = rec({ q: 'Q900308', versions: ['Mail for Windows 3.2'] });
    expect(v(mail, 'MS Mail for Windows 3.2 clients')).toBe('affected');
    const tcp = rec({ q: 'Q900309', versions: ['TCP/IP-32 for Windows for Workgroups 3.11b'] });
    expect(v(tcp, 'WFW box with TCP/IP-32 3.11b')).toBe('affected');
  });
  it("a winver dialog the scan placed is the ticket's level", () => {
    const nt = rec({
      q: 'Q900310',
      versions: ['Windows NT Server 4.0'],
      fix: spFix('Windows NT', '4.0', '4'),
    });
    const text = 'About box: Version 4.0 (Build 1381: Service Pack 3).';
    const at = text.indexOf('Version');
    const placed = [{ kind: 'build', start: at, end: text.length - 1, build: { release: 'Windows NT 4.0 SP3' } }];
    // The dialog alone names Windows NT 4.0 by its build (windows-builds.ts); the scan's placement agrees.
    expect(verdictFor(nt, findTicketVersions(text)).verdict).toBe('affected');
    expect(verdictFor(nt, withBuildReleases(findTicketVersions(text), placed, text)).verdict).toBe('affected');
    const noSp = 'About box: Version 4.0 (Build 1381).';
    const placedNoSp = [{ kind: 'build', start: 11, end: noSp.length - 1, build: { release: 'Windows NT 4.0 SP3' } }];
    expect(verdictFor(nt, findTicketVersions(noSp)).verdict).toBe('unknown');
    expect(verdictFor(nt, withBuildReleases(findTicketVersions(noSp), placedNoSp, noSp)).verdict).toBe('affected');
  });
});

describe('several machines', () => {
  it('the lowest level decides, whatever order the ticket names them in', () => {
    const r = rec({
      q: 'Q900315',
      versions: ['Exchange Server 5.5'],
      fix: spFix('Exchange Server', '5.5', '4'),
    });
    expect(v(r, 'MAIL2 (Exchange 5.5 SP4) and MAIL1 (Exchange 5.5 SP3) both do it')).toBe('affected');
    expect(v(r, 'MAIL1 (Exchange 5.5 SP4) and MAIL2 (Exchange 5.5 SP4)')).toBe('fixed');
  });
});

describe('hotfixes', () => {
  const preSp7 = rec({
    q: 'Q900311',
    versions: ['Windows NT Server 4.0'],
    fix: fix({
      text: 'Windows NT 4.0 hotfix (before Service Pack 7)',
      product: 'Windows NT',
      version: '4.0',
      hotfix: true,
      source: 'keyword',
      takenIn: '7',
    }),
  });
  it('a ticket that says a rollup or hotfix is installed may have it', () => {
    expect(v(preSp7, 'NT4 SP6a DCs')).toBe('affected');
    expect(v(preSp7, 'NT 4.0 SP6a plus the Security Rollup Package')).toBe('unknown');
    expect(v(preSp7, 'NT 4.0 SP6a, hotfix applied last week')).toBe('unknown');
    expect(v(preSp7, 'NT 4 with the latest service pack')).toBe('unknown');
  });
  it('a hotfix made after a service pack: that level is affected, a later one unknown', () => {
    const post = rec({
      q: 'Q900312',
      versions: ['Windows NT Server 4.0'],
      fix: fix({
        text: 'Windows NT 4.0 hotfix',
        product: 'Windows NT',
        version: '4.0',
        hotfix: true,
        source: 'body',
        builtOn: '2',
      }),
    });
    expect(v(post, 'NT 4.0 SP2 web server')).toBe('affected');
    expect(v(post, 'NT4 SP6a web server')).toBe('unknown');
  });
});

describe('fixes in another product or version', () => {
  it('an upgrade to another product: the listed product the ticket names is affected', () => {
    const r = rec({
      q: 'Q900313',
      versions: ['Internet Information Server 4.0', 'Internet Explorer 5.01'],
      fix: fix({ text: 'Windows 2000', product: 'Windows', version: '2000' }),
    });
    expect(v(r, 'IIS 4.0 on NT4 SP6a')).toBe('affected');
    expect(v(r, 'Windows 2000 Server SP1')).toBe('fixed');
  });
  it("a suite program's other version than the suite service pack's is affected", () => {
    const r = rec({
      q: 'Q900314',
      versions: ['Visual FoxPro for Windows 5.0a', 'Visual FoxPro for Windows 6.0'],
      fix: spFix('Visual Studio', '6.0', '3'),
    });
    expect(v(r, 'VFP 5.0a on NT4')).toBe('affected');
    expect(v(r, 'VFP 6 with Visual Studio 6.0 SP4')).toBe('fixed');
  });
});

describe('a file version said of a named machine', () => {
  const store = rec({
    q: 'Q900311',
    versions: ['Exchange Server 5.5'],
    fix: spFix('Exchange Server', '5.5', '3'),
    files: [{ name: 'Store.exe', version: '5.5.2601.0' }],
  });
  it('is the ticket\'s file version: "Store.exe on the mailbox server is", "on the OWA box is"', () => {
    expect(
      findTicketVersions('Store.exe on the mailbox server is 5.5.2601.0 now.').files.map((f) => f.version),
    ).toEqual(['5.5.2601.0']);
    expect(v(store, 'Exchange 5.5 SP2. Store.exe on the mailbox server is 5.5.2601.0 now.')).toBe('fixed');
    expect(v(store, 'Exchange 5.5 SP2. Store.exe on the OWA box is 5.5.2500.0 now.')).toBe('affected');
  });
});
