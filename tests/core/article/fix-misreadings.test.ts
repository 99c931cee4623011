/**
 * Kinds of fix-reading error found on articles drawn at random and read by hand (other vendors'
 * fixes, dates and update bundles taken for releases, prose file versions, notes of a compilation),
 * each on an article written for the test.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/article/parse-article';
import { parseRelease } from '../../../src/core/article/release';
import { fixStatements } from '../../../src/core/article/fixes';
import { articleHeader, makeArticle, parseInline } from './fixture';

const header = (q: string, product: string, versions: string, applies: string) =>
  articleHeader(q, product, versions, applies, '09-NOV-1999');
const parse = parseInline;

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

describe('a download named by its date', () => {
  const record = parse('Q399805', [
    ...header('Q399805', 'Microsoft Visual FoxPro', ':6.0', 'Microsoft Visual FoxPro for Windows, version 6.0'),
    'RESOLUTION',
    '==========',
    '',
    'The March 1999 Visual FoxPro 6.0 Wizard update addresses this problem.',
    '',
    'STATUS',
    '======',
    '',
    'Microsoft has confirmed this to be a bug in the Microsoft products listed at the',
    'beginning of this article. This bug was corrected in the March 1999 Visual FoxPro',
    '6.0 Wizard and Builder updates. This bug was corrected in Visual Studio 6.0',
    'Service Pack 3.',
  ]);
  it('is neither a release called "March 1999" nor the affected version', () => {
    expect(parseRelease('the March 1999 Visual FoxPro 6.0 Wizard and Builder updates.')).toBeNull();
    expect(parseRelease('March 1999.')).toBeNull();
    expect(record.fixedIn).toBe('Visual Studio 6.0 Service Pack 3');
    expect(record.fixKind).toBe('service-pack');
  });
});

describe("a release that the other vendor's sentence names", () => {
  it("is that vendor's upgrade, not a Microsoft one", () => {
    const record = parse('Q399806', [
      ...header('Q399806', 'Microsoft Windows', 'WINDOWS:3.1', 'Microsoft Windows version 3.1'),
      'SUMMARY',
      '=======',
      '',
      'Printing to a file fails with the DeskPilot utility version 4.1 installed. This',
      'problem has been corrected in DeskPilot version 4.2.',
      '',
      'MORE INFORMATION',
      '================',
      '',
      'If you see this problem, call your respective manufacturer for an upgrade to',
      'version 4.2.',
    ]);
    expect(record.fixedIn).toBeNull();
    expect(record.fixKind).toBe('other');
  });
  it('stays a Microsoft upgrade when the vendor sentence names another version', () => {
    const record = parse('Q399807', [
      ...header('Q399807', 'Microsoft Windows', 'WINDOWS:3.1', 'Microsoft Windows version 3.1'),
      'STATUS',
      '======',
      '',
      'This problem has been corrected in Windows for Workgroups version 3.11. If your',
      'network card driver is older than version 2.0, contact your hardware vendor for',
      'an updated driver.',
    ]);
    expect(record.fixedIn).toBe('Windows for Workgroups 3.11');
    expect(record.fixKind).toBe('upgrade');
  });
  it('is told by "an update is available from" the vendor', () => {
    const record = parse('Q399808', [
      ...header('Q399808', 'Microsoft Windows Sound System', ':1.0', 'Microsoft Windows Sound System, version 1.0'),
      'SYMPTOMS',
      '========',
      '',
      'The dictation tool does not start with the Acme spreadsheet version 2.0.',
      '',
      'RESOLUTION',
      '==========',
      '',
      'An update is available from your software vendor.',
    ]);
    expect(record.fixedIn).toBeNull();
    expect(record.fixKind).toBe('other');
  });
});

describe('a release named as a patch', () => {
  it('is still a release, unlike a set of updates', () => {
    expect(parseRelease('the Visual C++ 4.1b patch.')).toMatchObject({ product: 'Visual C++', version: '4.1b' });
    expect(parseRelease('the Visual FoxPro 6.0 Wizard and Builder updates.')).toBeNull();
  });
});

describe('rows under a lead-in that says they fix the problem', () => {
  it('are fixed files even without a fix word on the row', () => {
    const record = parse('Q399809', [
      ...header('Q399809', 'Microsoft Windows 95', 'WINDOWS:95', 'Microsoft Windows 95'),
      'RESOLUTION',
      '==========',
      '',
      'This issue is resolved by the following updated file for Windows 95:',
      '',
      '  Vserver.vxd  version 4.00.1112 or later  11/02/96 10:09am  58,752 bytes',
    ]);
    expect(record.files).toEqual([{ name: 'Vserver.vxd', version: '4.00.1112' }]);
  });
});

describe('a read-me of many notes', () => {
  const notes = [
    'Notes on programs from other vendors follow.',
    '',
    'Acme Report Writer',
    '------------------',
    '',
    'Report templates cannot be saved from the report window. This problem is',
    'fixed in Acme Report Writer 6.0.',
  ];
  it('names no fix from one of its notes', () => {
    const r = parseArticle(
      makeArticle('Q399810', 'Windows NT 4.0 Readme.wri File (Part 6 of 6)', [
        ...header('Q399810', 'Microsoft Windows NT', 'winnt:4.0', 'Microsoft Windows NT Server version 4.0'),
        ...notes,
      ]),
      'kbarchive/kb/399/Q399810/README.md',
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.record.fixedIn).toBeNull();
    expect(r.record.fixKind).toBe('none');
  });
  it('is told by its title: another article with the same note names the release', () => {
    const record = parse('Q399811', [
      ...header('Q399811', 'Microsoft Windows NT', 'winnt:4.0', 'Microsoft Windows NT Server version 4.0'),
      ...notes,
    ]);
    expect(record.fixedIn).toBe('Acme Report Writer 6.0');
  });
});

describe('a release written version first', () => {
  const record = parse('Q399802', [
    ...header('Q399802', 'Microsoft Mail', 'WINDOWS:3.0b', 'Microsoft Orbit Mail for Windows, version 3.0b'),
    'SYMPTOMS',
    '========',
    '',
    'Imported folders lose their accented letters.',
    '',
    'STATUS',
    '======',
    '',
    'Microsoft has confirmed this to be a problem in version 3.0b of Orbit Mail for',
    'Windows. This problem was corrected in version 3.2 of Microsoft Orbit Mail for Windows.',
  ]);
  it('is the release: "version 3.2 of Microsoft Orbit Mail for Windows" is Orbit Mail 3.2', () => {
    expect(record.fix?.product).toMatch(/^Orbit Mail\b/);
    expect(record.fix?.version).toBe('3.2');
    expect(record.fixKind).toBe('upgrade');
  });
  it('not a file, nor a part named with a common noun', () => {
    const own = ['Orbit Mail for Windows 3.0b', 'Orbit Client 5.0'];
    const statements = (s: string) => fixStatements(s, false, own).map((x) => x.release.product);
    expect(statements('This problem was corrected in version 5.1 of the linker.')).toEqual([]);
    expect(statements('This problem was fixed in version 5.0 of the Client.')).toEqual([]);
    // Another vendor's product, which the article does not list.
    expect(statements('It has been reported that this is fixed in version 3.0h of the WISE Setup Toolkit.')).toEqual(
      [],
    );
  });
});

describe("a named company's support desk for its own update", () => {
  it("is another vendor's update, not a Microsoft release", () => {
    const record = parse('Q399811', [
      ...header('Q399811', 'Internet Information Server', ':4.0', 'Microsoft Internet Information Server version 4.0'),
      'SYMPTOMS',
      '========',
      '',
      'Downloads of large files stop halfway when the Acme Shield filter is installed.',
      '',
      'RESOLUTION',
      '==========',
      '',
      'Acme reports this behavior as resolved in Acme Shield 5.0. Contact Acme Technical',
      'Support for information about obtaining Acme Shield 5.0.',
    ]);
    expect(record.fixedIn).toBeNull();
    expect(record.fixKind).toBe('other');
  });
  // The company itself as the remedy, with no update named.
  it.each([
    ['To resolve this problem, please contact Acme Storage.'],
    ['To correct this problem, contact Orbitek for version 7.40 of the ORB.SYS driver.'],
    ['Contact Orbitek to inquire about a possible resolution to this problem.'],
    ['To work around this issue, contact Acme Storage about how to configure the drive.'],
  ])("is another vendor's remedy: %s", (remedy) => {
    const record = parse('Q399816', [
      ...header('Q399816', 'Internet Information Server', ':4.0', 'Microsoft Internet Information Server version 4.0'),
      'RESOLUTION',
      '==========',
      '',
      remedy,
    ]);
    expect(record.fixedIn).toBeNull();
    expect(record.fixKind).toBe('other');
  });
  it.each([
    ['To resolve this problem, contact your network administrator.'],
    ['To resolve this problem, contact Microsoft Product Support Services.'],
    ['To resolve this problem, contact Windows NT Technical Support.'],
    ['To resolve this problem, contact Billing Support.'],
  ])('is not a company named as the remedy: %s', (remedy) => {
    const record = parse('Q399817', [
      ...header('Q399817', 'Internet Information Server', ':4.0', 'Microsoft Internet Information Server version 4.0'),
      'RESOLUTION',
      '==========',
      '',
      remedy,
    ]);
    expect(record.fixKind).toBe('workaround-only');
  });
  it('is not "contact your support provider" nor Microsoft Product Support Services', () => {
    const record = parse('Q399812', [
      ...header('Q399812', 'Internet Information Server', ':4.0', 'Microsoft Internet Information Server version 4.0'),
      'RESOLUTION',
      '==========',
      '',
      'To work around this problem, restart the service. Contact Microsoft Product',
      'Support Services for information about obtaining further help.',
    ]);
    expect(record.fixKind).toBe('workaround-only');
  });
  // Microsoft's own desks and its products' desks: the name before "Support" is not a company's.
  it.each([
    ['Contact Product Support Services to obtain the hotfix.'],
    ['Contact Premier Support to obtain this hotfix.'],
    ['Contact Windows NT Technical Support for information about obtaining the hotfix.'],
    ['Contact SourceSafe Technical Support for information about obtaining the hotfix.'],
    // Products the version tables know by their full names only.
    ['Contact Systems Management Server Technical Support for information about obtaining the hotfix.'],
    ['Contact Host Integration Server Support to obtain the hotfix.'],
  ])("is not Microsoft's own desk: %s", (desk) => {
    const record = parse('Q399815', [
      ...header('Q399815', 'Internet Information Server', ':4.0', 'Microsoft Internet Information Server version 4.0'),
      'RESOLUTION',
      '==========',
      '',
      desk,
    ]);
    expect(record.fixKind).toBe('hotfix');
  });
  // Capitalised roles, Microsoft's own offices and programs, and bare acronyms are not a company.
  it.each([
    ['To resolve this problem, contact Your Local Microsoft Subsidiary to obtain the hotfix.'],
    ['To resolve this problem, contact The Microsoft Network Member Support to obtain the hotfix.'],
    ['Contact Your Microsoft Account Representative to inquire about obtaining the hotfix.'],
    ['To resolve this problem, contact System Administrator to obtain the hotfix.'],
    ['To resolve this problem, contact Your Network Administrator to obtain the hotfix.'],
    ['To resolve this problem, contact Network Administrator to obtain the hotfix.'],
    ['To resolve this problem, contact Help Desk to obtain the hotfix.'],
    ['To resolve this problem, contact Support Services to obtain the hotfix.'],
    ['To resolve this problem, contact Internet Service Provider to obtain the hotfix.'],
    ['To resolve this problem, contact Licensing to obtain the hotfix.'],
    ['To resolve this problem, contact WHQL to obtain the hotfix.'],
    ['To resolve this problem, contact MCS to obtain the hotfix.'],
    ['To resolve this problem, contact FastTips to obtain the hotfix.'],
    ['To resolve this problem, contact Macintosh Product Support to obtain the hotfix.'],
    ['To resolve this problem, contact Hardware Support to obtain the hotfix.'],
    ['To resolve this problem, contact IntelliMouse Support to obtain the hotfix.'],
    ['To resolve this problem, contact Natural Keyboard Support to obtain the hotfix.'],
  ])('is not a company, so the hotfix stands: %s', (remedy) => {
    const record = parse('Q399818', [
      ...header('Q399818', 'Internet Information Server', ':4.0', 'Microsoft Internet Information Server version 4.0'),
      'RESOLUTION',
      '==========',
      '',
      remedy,
    ]);
    expect(record.fixKind).toBe('hotfix');
  });
  // Companies whose names hold a role word, an acronym, or another's product: still companies.
  it.each([
    ['To resolve this problem, contact Attachmate Technical Support.'],
    ['To resolve this problem, contact Starlight Network Technical Support.'],
    ['To resolve this problem, contact Network Associates.'],
    ['To resolve this problem, contact IBM.'],
    ['Contact NEC to inquire about an updated driver.'],
    ['To resolve this problem, contact DPT.'],
    ['Contact DEC technical support to obtain an updated driver.'],
    ['To resolve this problem, contact The Santa Cruz Operation.'],
    ['To resolve this problem, contact IBM PC DOS Technical Support.'],
    ['To resolve this problem, contact Novell DOS Support.'],
    ['To resolve this problem, contact Dell Windows NT Support.'],
    ['To resolve this problem, contact Office Depot.'],
    ['To resolve this problem, contact Word Perfect.'],
  ])('is still a company: %s', (remedy) => {
    const record = parse('Q399819', [
      ...header('Q399819', 'Internet Information Server', ':4.0', 'Microsoft Internet Information Server version 4.0'),
      'RESOLUTION',
      '==========',
      '',
      remedy,
    ]);
    expect(record.fixKind).toBe('other');
  });
  // A side case ("If ... contact Compaq") is not the article's remedy.
  it.each([
    ['If you are having problems with a Compaq modem, contact Compaq to inquire about obtaining a file.'],
    ['If you use an Orbitek drive, to resolve this problem, contact Orbitek.'],
  ])('is not the remedy when the sentence is a condition: %s', (side) => {
    const record = parse('Q399820', [
      ...header('Q399820', 'Internet Information Server', ':4.0', 'Microsoft Internet Information Server version 4.0'),
      'RESOLUTION',
      '==========',
      '',
      'To work around this problem, restart the service.',
      '',
      side,
    ]);
    expect(record.fixKind).toBe('workaround-only');
  });
});
