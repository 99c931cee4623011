import { describe, expect, it } from 'vitest';
import { findTicketVersions, verdictFor } from '../../../src/core/version';
import { record } from '../match/fixture-records';
import { fix, rec, spFix, v } from './composed';

describe('a version named in passing is no machine of its own', () => {
  // Fixed in 5.5 SP4, and by a hotfix for 5.0.
  const store = rec({
    q: 'Q900951',
    versions: ['Exchange Server 5.0', 'Exchange Server 5.5'],
    fix: spFix('Exchange Server', '5.5', '4'),
    fixes: [
      spFix('Exchange Server', '5.5', '4'),
      fix({
        text: 'Exchange Server 5.0 hotfix',
        product: 'Exchange Server',
        version: '5.0',
        hotfix: true,
        source: 'body',
      }),
    ],
  });
  const lead = 'Exchange 5.5 SP4 on our mail server, the store stops nightly. ';
  it('a version gone, past or elsewhere leaves the installed one judged alone', () => {
    for (const t of [
      'We used to run Exchange 5.0 before.',
      'The other site still has Exchange 5.0 but it is not involved.',
      'Exchange 5.0 was decommissioned in March.',
      "We're not on Exchange 5.0 anymore.",
      'we upgraded from Exchange 5.0 last year.',
      '(migrated off Exchange 5.0 in 1999)',
      'Previously this box ran Exchange 5.0.',
      'The old Exchange 5.0 server was retired.',
    ])
      expect(v(store, lead + t), t).toBe('fixed');
  });
  it('versions each on a machine of their own are still judged apart', () => {
    expect(v(store, 'Two servers run Exchange 5.0, the rest on Exchange 5.5 SP4.')).toBe('affected');
    expect(v(store, 'Box 1 has Exchange 5.5 SP4, box 2 has Exchange 5.0.')).toBe('affected');
  });
  it('a move from a version with nothing moved to drops it when another is named', () => {
    const names = (t: string) => findTicketVersions(t).products.map((p) => p.version);
    expect(names('Exchange 5.5 SP4 here; we upgraded from Exchange 5.0 last year.')).not.toContain('5.0');
    expect(names('Exchange 5.5 SP4 here; we migrated off Exchange 5.0 in 1999.')).not.toContain('5.0');
    // Alone, the version is all the ticket has: kept.
    expect(names('We upgraded from Exchange 5.0 last year.')).toContain('5.0');
  });
});

describe('a hotfix not installed is read only from a clause about this machine', () => {
  const rollup = record({
    q: 'Q900952',
    title: 'Composed article',
    products: ['Microsoft Systems Management Server'],
    versions: ['Systems Management Server 2.0'],
    fixKind: 'hotfix',
    fix: {
      text: 'Systems Management Server 2.0 Service Pack 4 Hotfix Rollup Package',
      product: 'Systems Management Server',
      version: '2.0',
      servicePack: null,
      hotfix: true,
      source: 'body',
      rollupOn: '4',
    },
  });
  const at = (t: string) => verdictFor(rollup, findTicketVersions(t)).verdict;
  it('a need, a log, another product, another box or a rollup put on after all is no statement', () => {
    for (const t of [
      'No hotfixes needed on the clients.',
      'Without the rollup the clients crashed, so we put it on last week.',
      'we see no rollup-related entries in the log.',
      'The HRP is not installed on the test box, only on production.',
      'SQL has no hotfixes.',
      'No hotfixes are required for the agents.',
      'IIS has no hotfixes applied.',
    ])
      expect(at('SMS 2.0 SP4 site server. ' + t), t).toBe('unknown');
  });
  it('a plain statement still is', () => {
    for (const t of ['The HRP is not installed.', 'No hotfixes.', 'Hotfixes have not been applied.'])
      expect(at('SMS 2.0 SP4 site server. ' + t), t).toBe('affected');
  });
});
