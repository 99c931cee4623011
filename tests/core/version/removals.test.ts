import { describe, expect, it } from 'vitest';
import { findTicketVersions } from '../../../src/core/version';
import { rec, spFix, v } from './composed';

const proxy = rec({ q: 'Q900801', versions: ['Proxy Server 2.0'], fix: spFix('Proxy Server', '2.0', '3') });
const nt = rec({ q: 'Q900802', versions: ['Windows NT 4.0'], fix: spFix('Windows NT', '4.0', '5') });

describe('a level the ticket says was removed', () => {
  it('is not the installed one: the level gone back to is', () => {
    expect(v(proxy, 'We put SP3 on Proxy Server 2.0 on Monday but had to roll it back to SP2.')).toBe('affected');
    expect(v(proxy, 'Proxy Server 2.0 SP3 was rolled back, the box is SP1 now.')).toBe('affected');
    expect(v(nt, 'Applied NT 4.0 SP5 but uninstalled it again, so we are back on SP4.')).toBe('affected');
    expect(v(nt, 'NT 4.0 SP6a on the member servers; one DC was reverted to SP3.')).toBe('affected');
  });
  it('without the level gone back to, leaves one below it', () => {
    // Below the fix's own level: the fix is not there.
    expect(v(nt, 'We uninstalled SP5 from the NT 4.0 file server.')).toBe('affected');
    expect(v(nt, 'Windows NT 4.0 with SP5 removed.')).toBe('affected');
    // Below a later level: it may or may not be at the fix.
    expect(v(nt, 'Windows NT 4.0 SP6 was uninstalled last night.')).toBe('unknown');
  });
  it('is a removal only when done, and only of the level itself', () => {
    expect(v(nt, 'NT 4.0 SP5 here. We may have to roll back to SP3 if the driver fails.')).toBe('fixed');
    expect(v(nt, 'NT 4.0 SP5, should we uninstall it?')).toBe('fixed');
    expect(v(nt, 'NT 4.0 SP5; I removed the SP5 uninstall folder to save space.')).toBe('fixed');
    expect(v(nt, 'NT 4.0 SP5 installed, I backed it up first.')).toBe('fixed');
    expect(v(nt, 'NT 4.0 SP5 removed the error for the other site.')).toBe('fixed');
  });
  it('a removed hotfix is not installed', () => {
    expect(findTicketVersions('Proxy Server 2.0 SP2 with the hotfix applied.').patched).toBe(true);
    expect(
      findTicketVersions('Proxy Server 2.0 SP2. We applied the hotfix but removed it again.').patched,
    ).toBeUndefined();
    expect(findTicketVersions('Proxy Server 2.0 SP2; the hotfix was uninstalled.').patched).toBeUndefined();
  });
});
