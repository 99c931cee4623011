import { describe, expect, it } from 'vitest';
import { findInstalledFixes } from '../../../src/core/version/installed-fixes';
import { fix, rec, spFix, v } from './composed';

describe('fixes the ticket says, by their article number, are installed', () => {
  it('reads a plain statement that the numbered fix is on', () => {
    expect(findInstalledFixes('Gateway 2.0 SP3, the Q900961 hotfix has been applied on the server.')).toEqual([
      'Q900961',
    ]);
    expect(findInstalledFixes('Gateway 2.0 SP4; the KB900962 hotfix is installed on both relay servers.')).toEqual([
      'Q900962',
    ]);
    expect(findInstalledFixes('Gateway 2.0 SP2 + the fix from Q900963 applied last month.')).toEqual(['Q900963']);
  });
  it('not a fix denied, asked, planned, conditioned, limited or taken off again', () => {
    for (const text of [
      'Gateway 2.0, the Q900961 hotfix is not applied.',
      'Is the Q900961 hotfix installed?',
      'We will put the Q900961 fix on next week once it is installed in the lab.',
      'Make sure the Q900961 hotfix is applied.',
      // A condition, not a statement: "with the hotfix", "even with", "if".
      'Gwstore.exe crashes even with the Q900961 hotfix installed.',
      'Gwstore.exe crashes with the Q900961 hotfix.',
      'If the Q900961 hotfix were applied the crash would stop.',
      // Limited to some machines: only, one, a host name, a named machine, "but not".
      'The Q900961 hotfix was applied to the test server only.',
      'The Q900961 hotfix is installed on EXCH01.',
      'The Q900961 hotfix is installed on the Tokyo server.',
      'The Q900961 hotfix is applied to all servers but not the branch ones.',
      'The Q900961 hotfix is applied everywhere except the bridgehead.',
      // Taken off again, in its sentence or later.
      'The Q900961 hotfix was applied and then removed.',
      'The Q900961 hotfix was installed. We pulled it after the store crashed.',
      'We installed the Q900961 hotfix, then reapplied SP3 for another issue.',
      'The Q900961 hotfix was applied in error to the gateway.',
      'The Q900961 hotfix was installed. It was rolled back on Monday.',
    ])
      expect(findInstalledFixes(text), text).toEqual([]);
  });
  const gw = rec({
    q: 'Q900961',
    versions: ['Gateway Server 2.0'],
    fix: spFix('Gateway Server', '2.0', '4'),
  });
  it("the article's own fix installed is fixed, unless another machine's lower level is named", () => {
    expect(v(gw, 'Gateway Server 2.0 SP3 box; the Q900961 hotfix has been applied.')).toBe('fixed');
    expect(v(gw, 'Gateway Server 2.0 SP3 box. We installed the Q900555 fix last week.')).toBe('affected');
    // Two levels: the machine at the lower one may not have it.
    expect(v(gw, 'The Q900961 hotfix has been applied. Gateway Server 2.0 SP3 on the hub, SP1 on the spoke.')).toBe(
      'affected',
    );
    expect(v(gw, 'The Q900961 hotfix is installed on EXCH01; EXCH02 is Gateway Server 2.0 SP1.')).toBe('affected');
    const hotfixOnly = rec({
      q: 'Q900962',
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
    // A file version the ticket quotes still decides.
    expect(v(hotfixOnly, 'Gateway Server 2.0, the Q900962 fix is applied; Gwrad.dll is 2.0.0.200.')).toBe('affected');
  });
});
