import { describe, expect, it } from 'vitest';
import { findTicketVersions } from '../../../src/core/version';
import { fix, rec, spFix, v } from './composed';

const lines = (text: string) =>
  findTicketVersions(text)
    .products.filter((p) => p.family === 'windows')
    .map((p) => `${p.line ?? 'nt'} SP${p.sp}`);

describe('the Terminal Server Edition is its own service-pack line', () => {
  it('marks NT 4.0 written as the edition, or with it right before or after', () => {
    expect(lines('TSE box (NT 4.0 SP4)')).toEqual(['tse SP4']);
    expect(lines('NT 4.0 Terminal Server SP6 farm')).toEqual(['tse SP6']);
    expect(lines('Terminal Server Edition SP4 and NT 4.0 SP6a')).toEqual(['tse SP4', 'nt SP6a']);
    // Another machine named between: the NT 4.0 is not the edition.
    expect(lines('Our TSE server plus the rest of the servers on NT 4.0 SP6a')).toEqual(['nt SP6a']);
  });
  // Composed like the archive's NT 4.0 articles that fix NT in a service pack and the edition apart.
  const ntInSp5 = rec({
    q: 'Q900621',
    versions: ['Windows NT Server 4.0', 'Windows NT Server 4.0 SP4', 'Windows NT Server 4.0 Terminal Server Edition'],
    fix: spFix('Windows NT', '4.0', '5'),
  });
  const both = rec({
    q: 'Q900622',
    versions: ['Windows NT Server 4.0', 'Windows NT Server 4.0 Terminal Server Edition'],
    fix: spFix('Windows NT', '4.0', '6'),
    fixes: [
      spFix('Windows NT', '4.0', '6'),
      fix({
        text: 'Windows NT Server 4.0, Terminal Server Edition Service Pack 6',
        product: 'Windows NT Server',
        version: '4.0',
        servicePack: '6',
      }),
    ],
  });
  const tseOnly = rec({
    q: 'Q900623',
    versions: ['Windows NT Server 4.0 Terminal Server Edition'],
    fix: fix({
      text: 'Windows NT Server 4.0, Terminal Server Edition Service Pack 6',
      product: 'Windows NT Server',
      version: '4.0',
      servicePack: '6',
    }),
    fixes: [
      fix({
        text: 'Windows NT Server 4.0, Terminal Server Edition Service Pack 6',
        product: 'Windows NT Server',
        version: '4.0',
        servicePack: '6',
      }),
      spFix('Windows NT', '4.0', '6'),
    ],
  });
  it("NT 4.0's service pack is not the edition's fix", () => {
    expect(v(ntInSp5, 'NT 4.0 SP5 file server')).toBe('fixed');
    expect(v(ntInSp5, 'Citrix on TSE, SP5 installed')).not.toBe('fixed');
    expect(v(tseOnly, 'Our TSE server plus the rest of the servers on NT 4.0 SP6a')).toBe('unknown');
  });
  it('each line by its own fix; machines on both lines: the worse decides', () => {
    expect(v(both, 'TSE SP6 farm')).toBe('fixed');
    expect(v(both, 'TSE SP5 farm')).toBe('affected');
    expect(v(both, 'Terminal Server Edition at SP5, and the file server is NT4 SP6a')).toBe('affected');
    expect(v(both, 'Terminal Server Edition at SP6, and the file server is NT4 SP6a')).toBe('fixed');
  });
  it('an article that never names the edition keeps judging it as NT 4.0', () => {
    const plain = rec({ q: 'Q900624', versions: ['Windows NT Server 4.0'], fix: spFix('Windows NT', '4.0', '5') });
    expect(v(plain, 'TSE SP5 farm')).toBe('fixed');
  });
});
