import { describe, expect, it } from 'vitest';
import { findTicketVersions } from '../../../src/core/version';
import { findInstalledFixes } from '../../../src/core/version/installed-fixes';
import { fix, rec, v } from './composed';

describe('fixes the ticket says are installed, by article or file', () => {
  it('reads the number and the file said as on', () => {
    expect(findInstalledFixes('Gateway 2.0 SP3 + the hotfix (Gwnls.dll from Q900961) on the server.')).toEqual([
      'q900961',
      'gwnls.dll',
    ]);
    expect(findInstalledFixes('Both ends on 2.0 and the Gwrad.dll hotfix is applied to the server.')).toEqual([
      'gwrad.dll',
    ]);
    expect(findInstalledFixes('Q900961 seen. Gateway 2.0, the hotfix from that article is on both boxes.')).toEqual([
      'q900961',
    ]);
  });
  it('not where it is denied, to come, asked or taken off', () => {
    for (const text of [
      'Gateway 2.0, the Q900961 hotfix is not applied.',
      'Should we apply the Q900961 hotfix?',
      'Is the Q900961 hotfix installed?',
      'We will put the Q900961 fix on next week.',
      'The Q900961 hotfix was applied and then removed.',
      'Q900961 and Q900962 both apply; the hotfix from that article is on.',
    ])
      expect(findInstalledFixes(text), text).toEqual([]);
  });
  const hotfixOnly = rec({
    q: 'Q900961',
    versions: ['Gateway Server 2.0'],
    fix: fix({
      text: 'Gateway Server 2.0 hotfix',
      product: 'Gateway Server',
      version: '2.0',
      hotfix: true,
      source: 'body',
    }),
    files: [{ name: 'Gwrad.dll', version: '2.0.0.311' }],
  });
  it("the article's own fix installed is fixed; another article's hotfix says nothing of it", () => {
    expect(v(hotfixOnly, 'Gateway Server 2.0 box, the Q900961 fix has been applied.')).toBe('fixed');
    expect(v(hotfixOnly, 'Gateway Server 2.0 box; the Gwrad.dll hotfix is applied.')).toBe('fixed');
    expect(v(hotfixOnly, 'Gateway Server 2.0 box. We put on the Q900555 fix last week.')).not.toBe('fixed');
    expect(v(hotfixOnly, 'Gateway Server 2.0 box. Is the Q900961 hotfix installed?')).toBe('affected');
    expect(findTicketVersions('Gateway Server 2.0 box. Is the Q900961 hotfix installed?').patched).toBeUndefined();
  });
});

describe('a question about the problem', () => {
  it('still says the hotfix is on; only a question about the hotfix does not', () => {
    const t = 'Gateway Server 2.0 SP1 node with the Q900961 hotfix installed leaks pool reading the disk?';
    expect(findTicketVersions(t).patched).toBe(true);
    expect(findInstalledFixes(t)).toEqual(['q900961']);
    expect(findTicketVersions('Gateway Server 2.0 SP1. Is the security rollup installed?').patched).toBeUndefined();
  });
});
