import { beforeAll, describe, expect, it } from 'vitest';
import type { Fix } from '../../../src/core/article/types';
import { useReleaseTable } from '../../../src/core/version';
import { exchangeReleaseTable } from '../../fixtures/releases';
import { findTicketVersions, productFit, verdictFor } from '../../../src/core/version';
import { FIXTURE_RECORDS, record } from '../match/fixture-records';

// Build numbers are placed by the release table the index loaded; here one built from a composed article.
beforeAll(() => useReleaseTable(exchangeReleaseTable()));

const rec = (q: string) => FIXTURE_RECORDS.find((r) => r.q === q)!;

describe('findTicketVersions', () => {
  it('reads products, service packs, builds and file versions', () => {
    const t = findTicketVersions(
      'Server runs Exchange Server 5.5 with Service Pack 4 on Windows NT Server 4.0 SP6a; Store.exe version 5.5.2653.0',
    );
    expect(t.products.map((p) => [p.family, p.version, p.sp])).toEqual([
      ['exchange', '5.5', '4'],
      ['windows', '4.0', '6a'],
    ]);
    expect(t.files).toEqual([expect.objectContaining({ name: 'store.exe', version: '5.5.2653.0' })]);
  });
  it('turns an Exchange build into its service pack', () => {
    const t = findTicketVersions('Our Exchange Server version 5.5 (Build 2448.4) box');
    expect(t.products).toEqual([expect.objectContaining({ family: 'exchange', version: '5.5', sp: '2' })]);
  });
  it('ignores build-like numbers when the ticket is not about Exchange', () => {
    expect(findTicketVersions('Printer firmware 5.5.2448.0 crashed').products).toEqual([]);
  });
  it('reads year-named versions', () => {
    const t = findTicketVersions('Exchange 2003 SP2 and Outlook 2003; earlier Exchange 2000 Server');
    expect(t.products.map((p) => `${p.family} ${p.version} ${p.rank} ${p.sp}`)).toEqual([
      'exchange 2003 6.5 2',
      'outlook 2003 11.0 null',
      'exchange 2000 6.0 null',
    ]);
  });
});

describe('verdictFor', () => {
  const q227142 = rec('Q227142'); // fixed in Exchange 5.5 SP3, Store.exe 5.5.2591.0

  it('fixed: the ticket is on a later service pack', () => {
    const v = verdictFor(q227142, findTicketVersions('Exchange 5.5 SP4 server'));
    expect(v.verdict).toBe('fixed');
    expect(v.reason).toMatch(/Exchange Server 5\.5 SP4/);
  });
  it('affected: the ticket is on an earlier service pack', () => {
    const v = verdictFor(q227142, findTicketVersions('Exchange Server 5.5 SP2'));
    expect(v.verdict).toBe('affected');
    expect(v.reason).toMatch(/older than the fixed Store\.exe 5\.5\.2591\.0/);
  });
  it('fixed: the ticket quotes a Store.exe at or above the fixed file version', () => {
    const v = verdictFor(q227142, findTicketVersions('Exchange 5.5, Store.exe 5.5.2600.0 installed'));
    expect(v).toEqual({
      verdict: 'fixed',
      reason: "the ticket's Store.exe 5.5.2600.0 is at or above the fixed 5.5.2591.0",
    });
  });
  it('affected: an older Store.exe', () => {
    expect(verdictFor(q227142, findTicketVersions('store.exe 5.5.2448.0')).verdict).toBe('affected');
  });
  it('unknown: the ticket names the product but no service pack', () => {
    const v = verdictFor(q227142, findTicketVersions('We run Exchange Server 5.5.'));
    expect(v.verdict).toBe('unknown');
    expect(v.reason).toMatch(/not its service pack/);
  });
  it('unknown: no version at all', () => {
    expect(verdictFor(q227142, findTicketVersions('mail bounces')).verdict).toBe('unknown');
  });
  it('unknown: another version of the product than the article covers', () => {
    const v = verdictFor(q227142, findTicketVersions('Exchange 2003 SP1'));
    expect(v.verdict).toBe('unknown');
    expect(v.reason).toMatch(/covers Exchange Server 5\.5; the ticket names Exchange Server 2003/);
  });
  it('affected: no fix named and the ticket version is listed', () => {
    const v = verdictFor(rec('Q183588'), findTicketVersions('Exchange 5.5 SP3'));
    expect(v.verdict).toBe('affected');
    expect(v.reason).toMatch(/no fix is named/);
  });
  it('a build number alone decides via the build table', () => {
    expect(verdictFor(q227142, findTicketVersions('Exchange build 5.5.2650.0')).verdict).toBe('fixed');
    expect(verdictFor(q227142, findTicketVersions('Exchange build 5.5.2232.0')).verdict).toBe('affected');
  });
});

describe('productFit', () => {
  it('tells the same version from another version of the product', () => {
    expect(productFit(rec('Q227142'), findTicketVersions('Exchange 5.5 SP2'))).toBe('same-version');
    expect(productFit(rec('Q170010'), findTicketVersions('Exchange 5.5 SP2'))).toBe('same-family');
    expect(productFit(rec('Q227142'), findTicketVersions('Outlook 98'))).toBe('none');
    expect(productFit(rec('Q227142'), findTicketVersions('no versions'))).toBe('none');
  });

  // Two articles on one client message, one per client release, both with the shared server.
  const perRelease = (q: string, client: string) =>
    record({
      q,
      title: 'Client Error When You Open a Shared Calendar Entry',
      products: ['Microsoft Outlook', 'Microsoft Exchange Server'],
      versions: [client, 'Exchange Server 5.5'],
    });
  const older = perRelease('Q900301', 'Outlook 98');
  const newer = perRelease('Q900302', 'Outlook 2000');

  it('does not call a fit the same version when the ticket runs another release of a product the article lists', () => {
    const t = findTicketVersions('Users on Outlook 2000 against Exchange 5.5 SP3 get the error.');
    expect(productFit(newer, t)).toBe('same-version');
    expect(productFit(older, t)).toBe('same-family');
  });

  it('weighs an article on another release with the shared server no higher than one on that release alone', () => {
    const t = findTicketVersions('Users on Outlook 2000 against Exchange 5.5 SP3 get the error.');
    const alone = record({
      q: 'Q900304',
      title: 'Client Error When You Open a Shared Calendar Entry',
      products: ['Microsoft Outlook'],
      versions: ['Outlook 98'],
    });
    expect(productFit(alone, t)).toBe('same-family');
    expect(productFit(older, t)).toBe(productFit(alone, t));
  });

  it('keeps the same version where the ticket also runs the release the article lists', () => {
    expect(
      productFit(older, findTicketVersions('Half the floor has Outlook 98, half Outlook 2000; Exchange 5.5.')),
    ).toBe('same-version');
    // The system a ticket names is often the server's, not the client's the article is about.
    const onClient = record({
      q: 'Q900303',
      title: 'Client Error on Windows 95',
      products: ['Microsoft Exchange Server'],
      versions: ['Exchange Server 5.5', 'Windows 95'],
    });
    expect(productFit(onClient, findTicketVersions('Exchange 5.5 on Windows NT 4.0, clients report it.'))).toBe(
      'same-version',
    );
  });
});

describe('products the family table does not know', () => {
  // A team's own system, written the way its own articles and tickets write it.
  const orbit = record({
    q: 'Q900201',
    title: 'ORB: Skylark sync stops after upgrade',
    products: ['Orbit Desk'],
    versions: ['Orbit Desk 3.1', 'Orbit Desk 3.2'],
    versionsRaw: '3.1,3.2',
    fix: {
      text: 'Orbit Desk 3.2 Service Pack 1',
      product: 'Orbit Desk',
      version: '3.2',
      servicePack: '1',
      hotfix: false,
      source: 'status',
    },
  });

  it('reads them from the ticket, with a service pack, whatever word the sentence puts in front', () => {
    const t = findTicketVersions('Since Orbit Desk 3.2 SP1 the queue is fine; Exchange Server 5.5 SP3 unchanged.');
    expect(t.products.filter((p) => p.family === 'other:orbit desk').map((p) => [p.name, p.sp])).toEqual([
      ['Orbit Desk 3.2', '1'],
    ]);
    // A known product is read once, as itself.
    expect(t.products.filter((p) => p.family.includes('exchange')).map((p) => p.family)).toEqual(['exchange']);
  });

  it('judge the fix against the version the ticket names', () => {
    expect(verdictFor(orbit, findTicketVersions('We upgraded to Orbit Desk 3.2 last night.'))).toEqual({
      verdict: 'unknown',
      reason: 'the ticket names Orbit Desk 3.2 but not its service pack; fixed in Orbit Desk 3.2 Service Pack 1',
    });
    expect(verdictFor(orbit, findTicketVersions('Orbit Desk 3.2 Service Pack 1 is installed')).verdict).toBe('fixed');
    expect(verdictFor(orbit, findTicketVersions('Orbit Desk 3.1 here')).verdict).toBe('affected');
    expect(verdictFor(orbit, findTicketVersions('Exchange 5.5 SP2 only')).reason).toBe(
      'the ticket names no version of the product',
    );
  });

  it('fit the ranking like known products do', () => {
    expect(productFit(orbit, findTicketVersions('Running Orbit Desk 3.2 on ORB-APP1'))).toBe('same-version');
    expect(productFit(orbit, findTicketVersions('Orbit Desk 2.9'))).toBe('same-family');
    expect(productFit(orbit, findTicketVersions('Release 3.2 of Skylark'))).toBe('none');
  });
});

describe("the era's year versions of products the table does not know", () => {
  const studio = record({
    q: 'Q900202',
    title: 'FIX: Zorb Grid Loses Its Rows',
    products: ['Microsoft Visual Basic'],
    versions: ['Visual Basic 5.0'],
    fix: {
      text: 'Visual Studio 97 Service Pack 3',
      product: 'Visual Studio',
      version: '97',
      servicePack: '3',
      hotfix: false,
      source: 'status',
    },
  });
  const office = record({
    q: 'Q900203',
    title: 'FIX: Zorb Macro Stops',
    products: ['Microsoft Office'],
    versions: ['Office 97'],
    fix: {
      text: 'Office 97 Service Release 2',
      product: 'Office',
      version: '97',
      servicePack: '2',
      hotfix: false,
      source: 'status',
    },
  });

  it('are read with a service pack or service release, and judged like dotted ones', () => {
    expect(
      verdictFor(studio, findTicketVersions('Dev box has Visual Studio 97 Service Pack 3 installed.')).verdict,
    ).toBe('fixed');
    expect(verdictFor(studio, findTicketVersions('VB5 with Visual Studio 97 SP2.')).verdict).toBe('affected');
    expect(verdictFor(office, findTicketVersions('All desktops run Office 97 SR-1.')).verdict).toBe('affected');
    expect(verdictFor(office, findTicketVersions('Office 97 SR-2 is on every machine')).verdict).toBe('fixed');
  });

  it('are not read without one: a year after a capitalised word is rarely a product', () => {
    expect(findTicketVersions('Conference Room 2000 and Building 98 are closed').products).toEqual([]);
  });
});

describe('"the latest service pack" (issue 15)', () => {
  // An article that only said "corrected in the latest Exchange Server 5.5 service pack".
  const latest = record({
    q: 'Q900301',
    title: 'XFOR: Test Article: Connector Stops',
    products: ['Microsoft Exchange Server'],
    versions: ['Exchange Server 5.5'],
    fix: {
      text: 'latest Exchange Server 5.5 service pack',
      product: 'Exchange Server',
      version: '5.5',
      servicePack: null,
      hotfix: false,
      source: 'status',
    },
  });
  // The same, resolved at index build to the service pack current when it was last modified.
  const inferred = record({
    q: 'Q900302',
    title: 'XFOR: Test Article: Connector Stops Again',
    products: ['Microsoft Exchange Server'],
    versions: ['Exchange Server 5.5'],
    fix: {
      text: 'Exchange Server 5.5 Service Pack 3 (inferred)',
      product: 'Exchange Server',
      version: '5.5',
      servicePack: '3',
      hotfix: false,
      source: 'status',
      inferred: true,
    },
  });

  it('is not an upgrade the ticket already has', () => {
    for (const ticket of ['Exchange Server 5.5', 'Exchange 5.5 SP1', 'Exchange 5.5 SP4']) {
      const v = verdictFor(latest, findTicketVersions(ticket));
      expect(v.verdict, ticket).toBe('unknown');
      expect(v.reason).toMatch(/latest Exchange Server 5\.5 service pack/);
    }
  });
  it('is in every later version', () => {
    expect(verdictFor(latest, findTicketVersions('Exchange 2000 Server SP1')).verdict).toBe('fixed');
  });
  it('an inferred number: at or above it has the fix, below it may not', () => {
    expect(verdictFor(inferred, findTicketVersions('Exchange 5.5 SP3')).verdict).toBe('fixed');
    expect(verdictFor(inferred, findTicketVersions('Exchange 5.5 SP4')).verdict).toBe('fixed');
    const below = verdictFor(inferred, findTicketVersions('Exchange 5.5 SP2'));
    expect(below.verdict).toBe('unknown');
    expect(below.reason).toMatch(/may predate the fix/);
  });
  it('a stated number below the ticket is still affected', () => {
    const stated = record({
      ...inferred,
      q: 'Q900303',
      fix: { ...inferred.fix!, inferred: undefined, text: 'Exchange Server 5.5 Service Pack 3' },
    });
    expect(verdictFor(stated, findTicketVersions('Exchange 5.5 SP2')).verdict).toBe('affected');
  });
});

describe('a hotfix (fix audit)', () => {
  const hotfix = (q: string, text: string, product: string, version: string, facts: Partial<Fix> = {}) =>
    record({
      q,
      title: 'XADM: Test Article: Store Stops',
      products: [`Microsoft ${product}`],
      versions: [`${product} ${version}`],
      fixKind: 'hotfix',
      fix: { text, product, version, servicePack: null, hotfix: true, source: 'body', ...facts },
    });
  const plain = hotfix('Q900401', 'Exchange Server 5.5 hotfix', 'Exchange Server', '5.5');

  it('is not in the version it was made for: that version is affected until it is installed', () => {
    for (const ticket of ['Exchange Server 5.5', 'Exchange 5.5 SP2', 'Exchange 5.5 SP4']) {
      const v = verdictFor(plain, findTicketVersions(ticket));
      expect(v.verdict, ticket).toBe('affected');
      expect(v.reason).toMatch(/fixed only with the Exchange Server 5\.5 hotfix installed/);
    }
  });
  it('is in a later version of the same line; a later major version is not judged', () => {
    const older = hotfix('Q900404', 'Exchange Server 5.0 hotfix', 'Exchange Server', '5.0');
    expect(verdictFor(older, findTicketVersions('Exchange Server 5.5 SP1')).verdict).toBe('fixed');
    expect(verdictFor(plain, findTicketVersions('Exchange 2000 Server')).verdict).toBe('unknown');
  });
  it('made before a service pack: that service pack and later ones have it', () => {
    const pre = hotfix('Q900402', 'Exchange Server 5.5 hotfix (before Service Pack 4)', 'Exchange Server', '5.5', {
      takenIn: '4',
    });
    expect(verdictFor(pre, findTicketVersions('Exchange 5.5 SP4')).verdict).toBe('fixed');
    expect(verdictFor(pre, findTicketVersions('Exchange 5.5 SP3')).verdict).toBe('affected');
  });
  it('a ticket naming the version without its level may run a service pack that has the fix: not judged', () => {
    const pre = hotfix('Q900405', 'Windows XP hotfix (before Service Pack 1)', 'Windows', 'XP', { takenIn: '1' });
    for (const ticket of ['IIS 5.1 on Windows XP.', 'Windows XP Professional box', 'a Windows XP laptop']) {
      const v = verdictFor(pre, findTicketVersions(ticket));
      expect(v.verdict, ticket).toBe('unknown');
      expect(v.reason).toMatch(/not its service pack/);
    }
    expect(verdictFor(pre, findTicketVersions('Windows XP without a service pack')).verdict).toBe('affected');
    const rollup = hotfix(
      'Q900406',
      'SMS 2.0 Service Pack 4 Hotfix Rollup Package',
      'Systems Management Server',
      '2.0',
      {
        rollupOn: '4',
      },
    );
    expect(verdictFor(rollup, findTicketVersions('SMS 2.0 site server')).verdict).toBe('unknown');
  });
  it('a rollup on a service pack: not in that service pack alone, in later ones', () => {
    const rollup = hotfix(
      'Q900403',
      'Systems Management Server 2.0 Service Pack 4 Hotfix Rollup Package',
      'Systems Management Server',
      '2.0',
      { rollupOn: '4' },
    );
    const at = verdictFor(rollup, findTicketVersions('SMS 2.0 SP4 site'));
    expect(at.verdict).toBe('unknown');
    expect(at.reason).toMatch(
      /only with Systems Management Server 2\.0 Service Pack 4 Hotfix Rollup Package installed/,
    );
    expect(verdictFor(rollup, findTicketVersions('SMS 2.0 SP3 site')).verdict).toBe('affected');
    expect(verdictFor(rollup, findTicketVersions('SMS 2.0 SP5 site')).verdict).toBe('fixed');
    // At the rollup's level, a ticket that says nothing is on top of it does not have it.
    for (const t of ['SMS 2.0 SP4 site, the HRP is not installed.', 'SMS 2.0 SP4 site, no hotfixes.'])
      expect(verdictFor(rollup, findTicketVersions(t)).verdict, t).toBe('affected');
    // One hotfix on and another not: the rollup may be the one on.
    expect(
      verdictFor(
        rollup,
        findTicketVersions('SMS 2.0 SP4 site with the remote control hotfix applied, no other hotfixes.'),
      ).verdict,
    ).toBe('unknown');
  });
});

describe('a service pack fix and the versions after it (fix audit)', () => {
  const sp = (q: string, product: string, version: string, servicePack: string, versions: string[]) =>
    record({
      q,
      title: 'Test Article: Oracle Columns Come Back Blank',
      products: [`Microsoft ${product}`],
      versions,
      fix: {
        text: `${product} ${version} Service Pack ${servicePack}`,
        product,
        version,
        servicePack,
        hotfix: false,
        source: 'status',
      },
    });
  const mdac = sp('Q900501', 'Data Access Components', '2.1', '2', ['Data Access Components 2.1']);

  it('a later version of the same line has it', () => {
    const v = verdictFor(mdac, findTicketVersions('Client has MDAC 2.5 installed'));
    expect(v.verdict).toBe('fixed');
    expect(v.reason).toMatch(/later than Data Access Components 2\.1 Service Pack 2/);
  });
  it('unless the article lists that version as affected too', () => {
    const both = sp('Q900502', 'Data Access Components', '2.1', '2', [
      'Data Access Components 2.1',
      'Data Access Components 2.5',
    ]);
    expect(verdictFor(both, findTicketVersions('Client has MDAC 2.5 installed')).verdict).toBe('affected');
  });
});

describe("Visual Studio's tools share its service packs (fix audit)", () => {
  const vs = record({
    q: 'Q900601',
    title: 'FIX: Test Article: Grid Leaks Resources',
    products: ['Microsoft Visual Basic for Windows'],
    versions: ['Visual Basic 6.0'],
    fix: {
      text: 'Visual Studio 6.0 Service Pack 4',
      product: 'Visual Studio',
      version: '6.0',
      servicePack: '4',
      hotfix: false,
      source: 'status',
    },
  });
  it('a tool at a service pack is the suite at that service pack', () => {
    expect(verdictFor(vs, findTicketVersions('Developer has Visual Basic 6.0 SP3')).verdict).toBe('affected');
    expect(verdictFor(vs, findTicketVersions('Developer has Visual Basic 6.0 SP5')).verdict).toBe('fixed');
    expect(verdictFor(vs, findTicketVersions('Visual Studio 6.0 SP4 is installed')).verdict).toBe('fixed');
  });
  it('Visual Studio 97 is the 5.0 tools', () => {
    const vs97 = record({
      ...vs,
      q: 'Q900602',
      versions: ['Visual C++ 5.0'],
      fix: { ...vs.fix!, text: 'Visual Studio 97 Service Pack 3', version: '97', servicePack: '3' },
    });
    expect(verdictFor(vs97, findTicketVersions('VC++ build box: Visual C++ 5.0 SP2')).verdict).toBe('affected');
    expect(verdictFor(vs97, findTicketVersions('Visual C++ 5.0 with Visual Studio 97 SP3')).verdict).toBe('fixed');
  });
});

describe('products a ticket names (fix audit)', () => {
  it("the era's Office programs by year, without a service release", () => {
    const t = findTicketVersions('User moved from Word 97 to Microsoft Excel 2000; Office 2000 SR-1 installed.');
    expect(t.products.map((p) => `${p.name}|${p.sp}`)).toEqual(['Word 97|null', 'Excel 2000|null', 'Office 2000|1']);
    expect(findTicketVersions('the word 2000 appears twice').products).toEqual([]);
  });
  it('names with an apostrophe', () => {
    expect(findTicketVersions("Access Developer's Toolkit 2.0 setup wizard").products.map((p) => p.name)).toContain(
      "Access Developer's Toolkit 2.0",
    );
  });
  it('an upgrade fix judged against a year-named version the article lists with its platform', () => {
    const word = record({
      q: 'Q900701',
      title: 'WD97: Test Article: Nested Tables Do Not Open',
      products: ['Word 97 for Windows'],
      versions: ['Word 97 for Windows'],
      fix: { text: 'Word 2000', product: 'Word', version: '2000', servicePack: null, hotfix: false, source: 'status' },
    });
    expect(verdictFor(word, findTicketVersions('User on Word 97')).verdict).toBe('affected');
    expect(verdictFor(word, findTicketVersions('User on Word 2000')).verdict).toBe('fixed');
  });
});

describe("Office's service releases are its programs' (fix audit)", () => {
  it('Word 97 SR-1 is Office 97 SR-1', () => {
    const office = record({
      q: 'Q900801',
      title: 'WD97: Test Article: Footnotes Renumber',
      products: ['Word 97 for Windows'],
      versions: ['Word 97 for Windows'],
      fix: {
        text: 'Office 97 Service Release 2',
        product: 'Office',
        version: '97',
        servicePack: '2',
        hotfix: false,
        source: 'status',
      },
    });
    expect(verdictFor(office, findTicketVersions('Word 97 SR-1 on the desk')).verdict).toBe('affected');
    expect(verdictFor(office, findTicketVersions('Word 97 SR-2 on the desk')).verdict).toBe('fixed');
    expect(verdictFor(office, findTicketVersions('Office 97 SR-2 installed')).verdict).toBe('fixed');
  });
});
