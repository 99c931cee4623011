import { describe, expect, it } from 'vitest';
import { findTicketVersions } from '../../../src/core/version';
import { rec, spFix, v } from './composed';

describe('one machine excepted from the level of the rest', () => {
  const fixed = rec({ q: 'Q900953', versions: ['Proxy Server 2.0'], fix: spFix('Proxy Server', '2.0', '3') });
  it('after a named product, even with the machine named by letters', () => {
    expect(v(fixed, 'Proxy Server 2.0 SP3 on all gateways except the DMZ box, which is still on SP1.')).toBe(
      'affected',
    );
    expect(v(fixed, 'Proxy Server 2.0 SP3 on all gateways including the DMZ box.')).toBe('fixed');
  });
  it('after a version written with no product name', () => {
    const bare = findTicketVersions('All servers on 2.0 SP3 except the bridgehead, which is still on SP1.').bare;
    expect(bare?.map((b) => [b.version, b.sp])).toEqual([
      ['2.0', '3'],
      ['2.0', '1'],
    ]);
    expect(v(fixed, 'Proxy Server issue. All servers on 2.0 SP3 except the bridgehead, which is still on SP1.')).toBe(
      'affected',
    );
    expect(v(fixed, 'Proxy Server issue. All servers on 2.0 SP3, fixed in SP1 we were told.')).not.toBe('affected');
  });
  it('the excepted machine named by a word that names no product', () => {
    const sms = rec({
      q: 'Q900954',
      versions: ['Systems Management Server 2.0'],
      fix: spFix('Systems Management Server', '2.0', '2'),
    });
    expect(v(sms, 'All site servers on SMS 2.0 SP2 except the Denver secondary, which is still on SP1.')).toBe(
      'affected',
    );
    expect(v(sms, 'All site servers on SMS 2.0 SP2 except the Denver secondary.')).toBe('fixed');
    const ex = rec({ q: 'Q900955', versions: ['Exchange Server 5.5'], fix: spFix('Exchange Server', '5.5', '3') });
    expect(v(ex, 'Exchange 5.5 SP3 everywhere except the Tokyo server, still on SP2.')).toBe('affected');
  });
  it('a product name is not taken for the excepted machine', () => {
    // "SP3" here is the Exchange server's: not a second level of NT 4.0.
    const t = findTicketVersions('All servers run NT 4.0 SP6a except the Exchange server, which is on SP3.');
    expect(t.products.filter((p) => p.family === 'windows').map((p) => p.sp)).toEqual(['6a']);
    const t2 = findTicketVersions('All boxes on NT 4.0 SP6a except the SQL box, which is at SP2.');
    expect(t2.products.filter((p) => p.family === 'windows').map((p) => p.sp)).toEqual(['6a']);
  });
  it('a lab or test machine, or one not in production, does not decide', () => {
    const ex = rec({ q: 'Q900956', versions: ['Exchange Server 5.5'], fix: spFix('Exchange Server', '5.5', '4') });
    expect(v(ex, 'All servers run Exchange 5.5 SP4 except the lab box, still SP1 and not in production.')).not.toBe(
      'affected',
    );
    expect(v(ex, 'Exchange 5.5 SP4 on every server except one test server, which is still on SP1.')).not.toBe(
      'affected',
    );
    // A production machine excepted still decides.
    expect(v(ex, 'All servers run Exchange 5.5 SP4 except the bridgehead, still SP1.')).toBe('affected');
  });
});
