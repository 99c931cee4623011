import { describe, expect, it } from 'vitest';
import { findTicketVersions } from '../../../src/core/version';
import { rec, spFix, v } from './composed';

const exch = rec({ q: 'Q900811', versions: ['Exchange Server 5.5'], fix: spFix('Exchange Server', '5.5', '4') });
const nt = rec({ q: 'Q900812', versions: ['Windows NT 4.0'], fix: spFix('Windows NT', '4.0', '6a') });
const office = rec({ q: 'Q900813', versions: ['Office 97'], fix: spFix('Office', '97', '2') });

describe('a removal is of what the remove verb governs, not of a later clause', () => {
  it('keeps a level installed in a second clause', () => {
    expect(v(exch, 'We rebuilt the box last week after removing Norton and installing SP4 on Exchange 5.5.')).toBe(
      'fixed',
    );
    // The level is not read here at all, but it is not a removed one either.
    const before = 'Windows NT 4.0 server: removed antivirus before installing SP6a, then rebooted.';
    expect(findTicketVersions(before).products[0]!.below).toBeUndefined();
    expect(v(nt, before)).toBe('unknown');
    expect(v(nt, 'Windows NT 4.0 SP6a; we removed the antivirus and applied SP6a')).toBe('fixed');
  });
  it('a removal undone in the same sentence leaves the level installed', () => {
    expect(v(office, 'Office 97 SR-2 was uninstalled by mistake and reinstalled the same day')).toBe('fixed');
    expect(
      findTicketVersions('Proxy Server 2.0 SP2 with the hotfix; the hotfix was removed and re-applied.').patched,
    ).toBe(true);
  });
  it('still a removal where the level is the one removed', () => {
    expect(v(nt, 'We uninstalled Windows NT 4.0 SP6a and reinstalled SP5.')).toBe('affected');
    expect(v(exch, 'Exchange 5.5 SP4 was removed, the server then crashed.')).toBe('affected');
  });
});

describe('a removed hotfix', () => {
  it('clears the hotfix only when every hotfix named was removed', () => {
    expect(findTicketVersions('Exchange 5.5 SP4 + store hotfix. The IMC hotfix was rolled back.').patched).toBe(true);
    expect(
      findTicketVersions('Exchange 5.5 SP4 with the store hotfix. The store hotfix was rolled back.').patched,
    ).toBeUndefined();
  });
});
