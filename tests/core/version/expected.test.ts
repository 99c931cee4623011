import { describe, expect, it } from 'vitest';
import { findTicketVersions, verdictFor, withBuildReleases } from '../../../src/core/version';
import { rec, spFix, v } from './composed';

describe('a version the ticket expects is not the one it has', () => {
  const store = rec({
    q: 'Q900311',
    versions: ['Exchange Server 5.5'],
    fix: spFix('Exchange Server', '5.5', '3'),
    files: [{ name: 'Store.exe', version: '5.5.2601.0' }],
  });
  it('an expected file version is no installed file or build', () => {
    for (const text of [
      'Store.exe should be version 5.5.2651.89.',
      'Exchange 5.5 box; Store.exe is supposed to be 5.5.2651.89.',
      'The target Store.exe version is 5.5.2651.89 on the mailbox server.',
      'Store.exe 5.5.2651.89 per the KB, not checked yet.',
    ]) {
      const t = findTicketVersions(text);
      expect(t.files, text).toEqual([]);
      expect(t.products.map((p) => p.build).filter(Boolean), text).toEqual([]);
    }
    expect(v(store, 'IS crashes on the Exchange 5.5 server; Store.exe should be version 5.5.2651.89.')).toBe('unknown');
    expect(v(store, 'Exchange 5.5 SP2 box. Store.exe should be version 5.5.2651.89 after the fix.')).toBe('affected');
  });
  it('the installed one beside it still counts', () => {
    const text = 'Exchange 5.5 box: Store.exe is 5.5.2448.0, should be 5.5.2651.89.';
    expect(findTicketVersions(text).files.map((f) => f.version)).toEqual(['5.5.2448.0']);
    expect(v(store, text)).toBe('affected');
    expect(v(store, 'Exchange 5.5 box, Store.exe reads 5.5.2651.89 and should include the fix.')).toBe('fixed');
    // The machine named before the version: "on the mailbox server is", "on the OWA box is".
    expect(v(store, 'Exchange 5.5 SP2. Store.exe on the mailbox server is 5.5.2601.0 now.')).toBe('fixed');
    expect(v(store, 'Exchange 5.5 SP2. Store.exe on the OWA box is 5.5.2500.0 now.')).toBe('affected');
  });
  it('a level the servers should be at is no level they are at', () => {
    const sp = (text: string) => findTicketVersions(text).products.map((p) => p.sp);
    expect(sp('Per the vendor the servers should be at Exchange 5.5 SP3.')).toEqual([null]);
    expect(sp('The mailbox servers run Exchange 5.5 SP3.')).toEqual(['3']);
    // The target of a remote tool is a machine, not a version to reach.
    expect(sp('Monitoring fails. Target is Exchange 5.5 SP3.')).toEqual(['3']);
  });
  it('a level scheduled, planned or whose install failed is no level the machine is at', () => {
    const nt = rec({ q: 'Q900313', versions: ['Windows NT Server 4.0'], fix: spFix('Windows NT', '4.0', '4') });
    for (const text of [
      'Print server on NT 4.0. NT 4.0 SP4 is scheduled for next month.',
      'NT 4.0 SP4 install failed and was rolled back.',
      'NT 4.0 SP4 setup on the print server failed halfway.',
      'NT 4.0 SP4 failed to install on the print server.',
      'We are planning to install NT 4.0 SP4 next week.',
      'NT 4.0 SP4 has not been installed yet.',
    ])
      expect(v(nt, text), text).not.toBe('fixed');
    // The level said of the machine beside it still counts.
    expect(v(nt, 'NT 4.0 SP4 is scheduled for next month; currently at SP3.')).toBe('affected');
    expect(v(nt, 'The print server runs NT 4.0 SP4 and the install went fine.')).toBe('fixed');
    expect(v(nt, 'NT 4.0 SP4 was installed last week; the scanner upgrade failed.')).toBe('fixed');
    expect(v(nt, 'Print server on NT 4.0 SP4, update of the virus definitions failed.')).toBe('fixed');
  });
  it('a level pending a reboot, approved or due for replacement is still the one that runs', () => {
    const nt = rec({ q: 'Q900316', versions: ['Windows NT Server 4.0'], fix: spFix('Windows NT', '4.0', '4') });
    for (const text of [
      'Windows NT 4.0 SP6a is pending a reboot after the Office install.',
      'Windows NT 4.0 SP4 is approved and installed on all servers.',
      'Windows NT 4.0 SP6a is due for replacement by Windows 2000 next year.',
    ])
      expect(v(nt, text), text).toBe('fixed');
  });
  it("another thing's failed install after a comma or parenthesis leaves the level", () => {
    const nt = rec({ q: 'Q900317', versions: ['Windows NT Server 4.0'], fix: spFix('Windows NT', '4.0', '4') });
    for (const text of [
      'Windows NT 4.0 SP6a, update Office failed.',
      'Windows NT 4.0 SP6a, update Q299999 install failed yesterday.',
      'Windows NT 4.0 SP6a (update KB299999 failed).',
      'Windows NT 4.0 SP6a, upgrade Office 2000 SR1 failed.',
    ])
      expect(v(nt, text), text).toBe('fixed');
    // The level's own install failing, or the level not there yet, still drops it.
    for (const text of [
      'Windows NT 4.0 SP4 install failed and was rolled back',
      'Print server on NT 4.0. SP4 failed to install',
      'Print server on NT 4.0. SP4 is not installed yet',
      'Print server on NT 4.0. SP4 setup on the file server failed halfway',
      'Print server on NT 4.0. SP4 is scheduled for next month',
    ])
      expect(v(nt, text), text).not.toBe('fixed');
  });
  it('a file version read off a properties dialog or said to be still the old one', () => {
    const t = (text: string) => findTicketVersions(text).files.map((f) => `${f.name} ${f.version}`);
    expect(t('Store.exe properties show version 5.5.2448.0.')).toEqual(['store.exe 5.5.2448.0']);
    expect(t('After the update store.exe is still 5.5.2448.0.')).toEqual(['store.exe 5.5.2448.0']);
    expect(v(store, 'Exchange 5.5 SP3 setup failed halfway; store.exe is still 5.5.2448.0.')).toBe('affected');
    // Quoted from a document, or said of another level: not read off this machine.
    const gapi = rec({
      q: 'Q900318',
      versions: ['Exchange Server 5.5'],
      fix: spFix('Exchange Server', '5.5', '3'),
      files: [{ name: 'Gapi32.dll', version: '5.5.2600.0' }],
    });
    const quoted = 'Exchange 5.5 SP3 server. Vendor doc says Gapi32.dll is still 5.5.2448.0 in SP2.';
    expect(t(quoted)).toEqual([]);
    expect(v(gapi, quoted)).toBe('fixed');
    expect(t('The readme says gapi32.dll is still 5.5.2448.0.')).toEqual([]);
    expect(t('Gapi32.dll is still 5.5.2448.0 in SP2.')).toEqual([]);
    expect(t('Exchange 5.5 SP3 server; gapi32.dll is still 5.5.2448.0 after the reboot.')).toEqual([
      'gapi32.dll 5.5.2448.0',
    ]);
  });
  it('expecting words elsewhere in the clause leave the installed level', () => {
    const nt = rec({ q: 'Q900312', versions: ['Windows NT Server 4.0'], fix: spFix('Windows NT', '4.0', '4') });
    expect(v(nt, 'Not sure of the print server; it should be on NT 4.0 SP4.')).toBe('unknown');
    expect(v(nt, 'Not sure of the print server; NT 4.0 SP4 is expected.')).toBe('unknown');
    // The expecting words govern something else: the level said is the installed one.
    expect(v(nt, 'The box that is supposed to get the upgrade runs NT 4.0 SP3.')).toBe('affected');
    expect(v(nt, 'NT 4.0 SP3 is installed; the box is supposed to get the SP4 upgrade next week.')).toBe('affected');
    expect(v(nt, 'The servers that should be patched first run NT 4.0 SP6a.')).toBe('fixed');
    expect(v(nt, 'We expected trouble, but NT 4.0 SP6a fixed it.')).not.toBe('unknown');
  });
  it('a placed build the ticket expects gives no level', () => {
    const text = 'IS crashes on the Exchange 5.5 server; Store.exe should be version 5.5.2651.89.';
    const at = text.indexOf('5.5.2651');
    const placed = [{ kind: 'build', start: at, end: at + 10, build: { release: 'Exchange Server 5.5 SP3' } }];
    expect(verdictFor(store, withBuildReleases(findTicketVersions(text), placed, text)).verdict).toBe('unknown');
    const have = 'IS crashes on the Exchange 5.5 server; Store.exe is version 5.5.2651.89.';
    const placedHave = [
      {
        kind: 'build',
        start: have.indexOf('5.5.2651'),
        end: have.indexOf('5.5.2651') + 10,
        build: { release: 'Exchange Server 5.5 SP3' },
      },
    ];
    expect(verdictFor(store, withBuildReleases(findTicketVersions(have), placedHave, have)).verdict).toBe('fixed');
  });
  it('words that give the reason a level runs, or confirm it, do not expect it', () => {
    const nt = rec({ q: 'Q900313', versions: ['Windows NT Server 4.0'], fix: spFix('Windows NT', '4.0', '4') });
    expect(v(nt, 'We run NT 4.0 SP3, as required by our billing vendor.')).toBe('affected');
    expect(v(nt, 'Our vendor requires NT 4.0 SP3, so that is what the server runs.')).toBe('affected');
    expect(v(nt, 'Winver shows NT 4.0 SP3 as expected, we never patched it.')).toBe('affected');
    expect(v(nt, 'Standard build is NT 4.0 SP3; the vendor requires SP3, so we run NT 4.0 SP3.')).toBe('affected');
    // Still expected: the sentence says nothing runs it.
    expect(v(nt, 'Not sure of the print server; the vendor requires NT 4.0 SP6a.')).toBe('unknown');
    expect(v(nt, 'Not sure of the print server; NT 4.0 SP6a is required.')).toBe('unknown');
    const ex = rec({ q: 'Q900314', versions: ['Exchange Server 5.5'], fix: spFix('Exchange Server', '5.5', '4') });
    expect(v(ex, 'Exchange 5.5 SP3 is expected to be replaced next quarter.')).toBe('affected');
  });
  it('a level set against the expected one is the installed one', () => {
    const ex = rec({ q: 'Q900315', versions: ['Exchange Server 5.5'], fix: spFix('Exchange Server', '5.5', '4') });
    expect(v(ex, 'The server should have Exchange 5.5 SP4 but only has SP3.')).toBe('affected');
    expect(v(ex, 'Exchange should be at 5.5 SP4; currently at SP3.')).toBe('affected');
    expect(v(ex, 'The server should be on Exchange 5.5 SP4 but is SP3.')).toBe('affected');
    // No level set against it: nothing is known.
    expect(v(ex, 'The server should have Exchange 5.5 SP4 by now.')).toBe('unknown');
  });
});
