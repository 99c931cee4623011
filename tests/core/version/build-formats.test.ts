/**
 * The ways agents paste versions: filever rows and lists (the file name after the version, or
 * several names before one), product dialogs that state the build and the service pack, a bare
 * dotted version in a ticket that names the product elsewhere; and the dotted numbers that are
 * not versions at all. Every ticket here is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { scanText } from '../../../src/core/match';
import { findBuildMatches, withBuildMatches } from '../../../src/core/version/build-matches';
import { exchangeReleaseTable } from '../../fixtures/releases';
import { fixtureDetector } from '../match/helpers';

const table = exchangeReleaseTable();
const builds = (text: string) => findBuildMatches(text, table).map((m) => [m.text, m.value]);
const withFiles = (text: string) => findBuildMatches(text, table).map((m) => [m.text, m.value, m.build?.file]);

describe('a version on the line of a file the release table knows', () => {
  it('reads filever rows, where the file name comes after the version', () => {
    const text = [
      'Night shift pasted this from the mail host:',
      '--a-- W32i   APP ENU      3.0.455.11 shp  2,635,536 10-22-1999 orbstore.exe',
      '--a-- W32i   DLL ENU      3.0.410.5  shp    508,176 10-21-1999 orbdir.dll',
    ].join('\n');
    expect(withFiles(text)).toEqual([
      ['3.0.455.11 shp  2,635,536 10-22-1999 orbstore.exe', 'Orbit Mail Server 3.0 SP1', 'orbstore.exe'],
      ['3.0.410.5  shp    508,176 10-21-1999 orbdir.dll', 'Orbit Mail Server 3.0 RTM', 'orbdir.dll'],
    ]);
  });

  it('gives one version to every name listed before it', () => {
    expect(withFiles('After the update Orbstore.exe, Orbdir.dll and Orbmta.exe all report 3.0.512.4 here.')).toEqual([
      ['Orbstore.exe', 'Orbit Mail Server 3.0 SP2', 'orbstore.exe'],
      ['Orbdir.dll', 'Orbit Mail Server 3.0 SP2', 'orbdir.dll'],
      ['Orbmta.exe all report 3.0.512.4', 'Orbit Mail Server 3.0 SP2', 'orbmta.exe'],
    ]);
    // A list never runs on into the row above it.
    expect(withFiles('3.0.410.5 shp 10-21-1999 orbdir.dll\nOrbstore.exe and Orbmta.exe both show 3.0.512.4')).toEqual([
      ['3.0.410.5 shp 10-21-1999 orbdir.dll', 'Orbit Mail Server 3.0 RTM', 'orbdir.dll'],
      ['Orbstore.exe', 'Orbit Mail Server 3.0 SP2', 'orbstore.exe'],
      ['Orbmta.exe both show 3.0.512.4', 'Orbit Mail Server 3.0 SP2', 'orbmta.exe'],
    ]);
    // A sentence between two names is not a list: only the nearer file takes the version.
    expect(withFiles('Orbstore.exe crashed twice overnight; orbmta.exe shows 3.0.512.4')).toEqual([
      ['orbmta.exe shows 3.0.512.4', 'Orbit Mail Server 3.0 SP2', 'orbmta.exe'],
    ]);
  });

  it('pairs within a bounded distance on one line, with no other version between', () => {
    const far = `orbstore.exe ${'was copied from the old server by the night team last week '.repeat(2)}3.0.512.4`;
    expect(builds(far)).toEqual([]);
    expect(builds('3.0.512.4 shp 10-22-1999\norbstore.exe crashed')).toEqual([]);
    // The nearer version is the file's; the other one has no file and no product named.
    expect(withFiles('3.0.455.11 was before; orbstore.exe now 3.0.512.4')).toEqual([
      ['orbstore.exe now 3.0.512.4', 'Orbit Mail Server 3.0 SP2', 'orbstore.exe'],
    ]);
    // A file the table does not know places nothing by itself.
    expect(builds('--a-- W32i APP ENU 3.0.512.4 shp 10-22-1999 unknown.exe')).toEqual([]);
  });
});

describe('product dialogs', () => {
  it('names the release the dialog states, product from the dialog header', () => {
    expect(
      builds('Help > About shows:\nMicrosoft Exchange Administrator\nVersion 5.5 (Build 2650.24: Service Pack 3)'),
    ).toEqual([['Version 5.5 (Build 2650.24: Service Pack 3)', 'Exchange Server 5.5 SP3']]);
    // No ladder for Windows NT in this table: the dialog's own statement names the release.
    expect(
      builds('winver on the PDC:\nMicrosoft (R) Windows NT (TM)\nVersion 4.0 (Build 1381: Service Pack 6a)'),
    ).toEqual([['Version 4.0 (Build 1381: Service Pack 6a)', 'Windows NT 4.0 SP6a']]);
    expect(builds('The old site runs Microsoft Exchange Server 4.0 (Build 994.64) still.')).toEqual([
      ['4.0 (Build 994.64)', 'Exchange Server 4.0 SP2'],
    ]);
    expect(builds('Exchange 5.0 servers:\n\n  Version 5.0 (Build 1460.8)\n')).toEqual([
      ['Version 5.0 (Build 1460.8)', 'Exchange Server 5.0 SP1'],
    ]);
  });

  it('knows every product the table has a ladder for, by its name without a version', () => {
    expect(builds('Orbit Mail Server Administrator, About:\nVersion 3.0 (Build 512.7: Service Pack 2)')).toEqual([
      ['Version 3.0 (Build 512.7: Service Pack 2)', 'Orbit Mail Server 3.0 SP2'],
    ]);
    expect(builds('Orbit Mail Server queues are stuck, the console says 3.0.530.2')).toEqual([
      ['3.0.530.2', 'Orbit Mail Server 3.0 SP2'],
    ]);
  });

  it('places a dialog without a service pack on the ladder, never rounding up', () => {
    const [m] = findBuildMatches('Exchange Administrator\nVersion 5.5 (Build 2649.1)', table);
    expect(m!.value).toBe('Exchange Server 5.5 SP2');
    expect(m!.build!.newer[0]).toBe('SP3 (build 2650)');
  });

  it('says nothing when the dialog and the ladder disagree or the product is unknown', () => {
    // SP4 is build 2653: a 2448 build cannot be it.
    expect(builds('Exchange Administrator\nVersion 5.5 (Build 2448.4: Service Pack 4)')).toEqual([]);
    // A winver with no product near it, in a ticket about Exchange: not an Exchange 4.0 build.
    expect(builds('Our Exchange 5.5 server is slow.\n\n\n\n\nVersion 4.0 (Build 1381: Service Pack 6a)')).toEqual([]);
    // Windows 7's winver in a ticket about Exchange: its build is not an Exchange build.
    expect(builds('Exchange 5.5 users on Windows 7.\nVersion 6.1 (Build 7601: Service Pack 1)')).toEqual([]);
  });
});

describe('a bare dotted version', () => {
  it('is placed where the ticket names the product anywhere, even without a version', () => {
    expect(
      builds('The Exchange server stopped again. Admin says the version is 5.5.2448.8 and nothing changed.'),
    ).toEqual([['5.5.2448.8', 'Exchange Server 5.5 SP2']]);
    expect(builds('Exchange store will not mount.\n...\nbuild info: 5.0.1460.8')).toEqual([
      ['5.0.1460.8', 'Exchange Server 5.0 SP1'],
    ]);
  });

  it('only within the product ladder it names', () => {
    // 4.0.1381 is far above Exchange 4.0's last release: not one of its builds.
    expect(builds('Exchange 5.5 server, and the OS reports 4.0.1381.4')).toEqual([]);
    expect(builds('Exchange 5.5 server, build 1381')).toEqual([]);
    // Below the first release: nothing.
    expect(builds('Exchange server, 5.5.1200.1')).toEqual([]);
    // The common word is not the product's name.
    expect(builds('We will exchange the switch; its firmware reads 5.5.2448.8')).toEqual([]);
    // A product with no ladder for that major.minor.
    expect(builds('Outlook keeps asking for a password; 5.5.2448.8')).toEqual([]);
  });
});

describe('numbers that are not versions', () => {
  const ticket = [
    'Exchange 5.5 server EXCH01 (see CHG-2653, INC2448).',
    'Backed up on 5.5.2001 and again on 22.10.1999; restored 2001.05.05.',
    'Gateway 192.168.200.21, relay 10.5.5.2448, DNS 10.1.2.200.',
    'Call 425-555-2653 or +1.425.555.0100. Order 2653-1960-22, PO 55-2448-8.',
    'Checklist step 7.3.1 and 7.3.12 done.',
    'Agent laptop: Version 22H2 (OS Build 19045.3693); the kiosk says OS Build 7601, Windows 7 build 7601.',
    'Microsoft Windows [Version 10.0.22631.2861]',
  ].join('\n');

  it('finds no build in dates, addresses, phone and order numbers, checklists, OS builds or ticket ids', () => {
    expect(builds(ticket)).toEqual([]);
  });

  it('never makes a KB reference out of a version', () => {
    const text =
      'Exchange server.\n--a-- W32i APP ENU 5.5.2448.8 shp 2,657,552 10-22-1999 orbstore.exe\nIt runs 5.5.2650.24.';
    const matches = withBuildMatches(text, scanText(text, fixtureDetector()), table);
    const found = matches.filter((m) => m.kind === 'build');
    expect(found.map((m) => m.text)).toEqual(['5.5.2448.8', '5.5.2650.24']);
    for (const b of found)
      expect(matches.some((m) => m.kind === 'q' && m.start < b.end && b.start < m.end)).toBe(false);
  });
});
