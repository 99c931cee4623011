import { describe, expect, it } from 'vitest';
import { findTicketVersions } from '../../../src/core/version';
import { fix, rec, spFix, v } from './composed';

describe('a hotfix the ticket denies', () => {
  it('is not read as installed, whatever verb follows it', () => {
    for (const text of [
      'Proxy Server 2.0 SP1. No hotfixes installed.',
      'Proxy Server 2.0 SP1, none of the updates applied.',
      'Proxy Server 2.0 SP1 without any hotfix installed.',
      "Proxy Server 2.0 SP1, we haven't got the hotfix applied.",
    ]) {
      const t = findTicketVersions(text);
      expect(t.patched, text).toBeUndefined();
    }
    expect(findTicketVersions('Proxy Server 2.0 SP1. No hotfixes installed.').unpatched).toBe(true);
    expect(findTicketVersions('Proxy Server 2.0 SP1, none of the updates applied.').unpatched).toBe(true);
    expect(findTicketVersions('Proxy Server 2.0 SP1 with the gateway hotfix installed.').patched).toBe(true);
  });
  const hotfixOnly = rec({
    q: 'Q900951',
    versions: ['Proxy Server 2.0 SP1'],
    fix: fix({
      text: 'Proxy Server 2.0 hotfix',
      product: 'Proxy Server',
      version: '2.0',
      hotfix: true,
      source: 'body',
    }),
  });
  it('leaves a level the fix is not in affected', () => {
    expect(v(hotfixOnly, 'Edge box on Proxy Server 2.0 SP1. No hotfixes installed.')).toBe('affected');
    expect(v(hotfixOnly, 'Edge box on Proxy Server 2.0 SP1, none of the updates are on it.')).toBe('affected');
  });
});

describe('no service pack, said away from the product', () => {
  const sp = (text: string) => [...new Set(findTicketVersions(text).products.map((p) => p.sp))];
  it('is the release itself', () => {
    expect(sp('Proxy Server 2.0 gateway, no service packs applied yet.')).toEqual(['0']);
    expect(sp('No SPs on that Proxy Server 2.0 box.')).toEqual(['0']);
    expect(sp('Proxy Server 2.0, none of the service packs installed.')).toEqual(['0']);
  });
  it('not where the words are about a fix or a plan', () => {
    expect(sp('Proxy Server 2.0; no service pack fixes this yet.')).toEqual([null]);
    expect(sp('Proxy Server 2.0 gateway; no SP is available for it.')).toEqual([null]);
    expect(sp('Proxy Server 2.0 SP1, no service packs on the other product.')).toEqual(['1']);
  });
  const fixed = rec({ q: 'Q900952', versions: ['Proxy Server 2.0'], fix: spFix('Proxy Server', '2.0', '2') });
  it('predates the fixing service pack', () => {
    expect(v(fixed, 'Proxy Server 2.0 gateway, no service packs applied yet.')).toBe('affected');
    expect(v(fixed, 'Proxy Server 2.0 gateway; no SP fixes this yet.')).toBe('unknown');
  });
});

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
});

describe('a bare version after the product named without a level', () => {
  const sp = (text: string) => [...new Set(findTicketVersions(text).products.map((p) => p.sp))];
  it('gives that product its level', () => {
    expect(sp('Proxy Server 2.0 gateways; the gateways and the clients all got 2.0 SP3.')).toEqual(['3']);
    expect(sp('Proxy Server 2.0 gateways, which are on 2.0 SP2 now.')).toEqual(['2']);
  });
  it('not a level moved from or to come', () => {
    expect(sp('Proxy Server 2.0 gateways; we plan to go to 2.0 SP3.')).toEqual([null]);
    expect(sp('Proxy Server 2.0 gateways; they were upgraded from 2.0 SP1.')).toEqual([null]);
  });
});
