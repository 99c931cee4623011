import { describe, expect, it } from 'vitest';
import { findInstalledFixes } from '../../../src/core/version/installed-fixes';
import { fix, rec, spFix, v } from './composed';

describe('the article’s own hotfix, by its number, said to be installed', () => {
  it('reads the plain first-hand forms, each whole', () => {
    for (const text of [
      'The Q900401 hotfix was applied to this workstation last week.',
      'We installed KB 900401 on this server on Tuesday and rebooted.',
      'RRAS box is NT 4.0 SP5; the hotfix from Q900401 is installed on it.',
      'Build machine is NT 4.0 SP3 and we already applied the Q900401 fix.',
      'We applied the Q900401 IMS hotfix on this server last night.',
      'Exchange 5.0 SP2 IMS server; hotfix per Q900401 applied to this server on 3/2.',
      'SNA Server 4.0 SP3; hotfix Q900401 installed on both SNA servers.',
      'Q900401 installed.',
    ])
      expect(findInstalledFixes(text), text).toEqual(['Q900401']);
  });

  it('reads nothing from a partial, second-hand, planned, asked, limited or undone one', () => {
    for (const text of [
      'The Q900401 hotfix was applied on most of the workstations.',
      'Q900401 hotfix was applied on some workstations.',
      'The Q900401 hotfix was applied to half the servers.',
      'The user thinks the Q900401 hotfix was installed by the previous admin.',
      'I believe the Q900401 hotfix was applied.',
      'The customer says the Q900401 hotfix was applied.',
      'According to the admin, the Q900401 hotfix was applied.',
      'Vendor claims the Q900401 hotfix is installed, but we cannot find it.',
      'The Q900401 hotfix was supposed to be applied during the last maintenance window.',
      'The Q900401 hotfix should be installed.',
      'The Q900401 hotfix has been approved and will be installed on Friday.',
      'We would have installed the Q900401 hotfix if the change board had approved it.',
      'We downloaded the Q900401 fix but have not copied it to the server yet.',
      'We have the Q900401 hotfix and will try installing it tomorrow.',
      'Should we apply the Q900401 hotfix?',
      'Has the Q900401 hotfix been applied? Not sure.',
      'Q900401 hotfix installed?',
      'If the Q900401 hotfix is installed, the error should stop.',
      'Once the Q900401 hotfix is installed we will reboot.',
      'Check whether SP4 is there and the Q900401 hotfix was applied.',
      'The Q900401 hotfix is not installed.',
      'The Q900401 hotfix was never applied.',
      'We are not sure the Q900401 hotfix was applied.',
      'The Q900401 hotfix was applied to the domain controllers, not to FS02.',
      'The Q900401 hotfix was applied to SERVER2.',
      'The Q900401 hotfix was applied to the other server.',
      'We installed the hotfix from Q900401 on the backup box.',
      'The Q900401 hotfix is applied in our lab only.',
      'The Q900401 test hotfix was installed on this server.',
      'The Q900401 hotfix was installed on all servers except DC2.',
      'The Q900401 hotfix was installed on all servers but one.',
      'Q900401 hotfix installed on the bridgehead, but the connector server does not have it.',
      'The Q900401 hotfix is installed on the primary; the backup server is still without it.',
      'The Q900401 fix was installed and then rolled back because the service would not start.',
      'We installed the Q900401 hotfix on this server. SP4 was reapplied afterwards.',
      'Q900401 hotfix was installed in error on the wrong server; this one never got it.',
    ])
      expect(findInstalledFixes(text), text).toEqual([]);
  });
});

describe('the verdict of a ticket that says the article’s hotfix is installed', () => {
  const hotfixed = rec({
    q: 'Q900401',
    versions: ['Windows NT Server 4.0'],
    fix: fix({ text: 'Windows NT 4.0 hotfix', product: 'Windows NT', version: '4.0', hotfix: true }),
  });
  it('is fixed, where the level alone would be affected', () => {
    expect(v(hotfixed, 'Server is NT 4.0 SP5.')).toBe('affected');
    expect(v(hotfixed, 'Server is NT 4.0 SP5. The Q900401 hotfix was applied to this server last week.')).toBe('fixed');
  });
  it('is not fixed by another article’s hotfix, nor where a second level may be another machine', () => {
    expect(v(hotfixed, 'Server is NT 4.0 SP5. The Q900402 hotfix was applied to this server.')).not.toBe('fixed');
    expect(
      v(hotfixed, 'NT 4.0 SP5 on FS1, NT 4.0 SP4 on FS2. The Q900401 hotfix was applied to this server.'),
    ).not.toBe('fixed');
  });
  it('is not fixed for an article whose fix is a service pack', () => {
    const sp = rec({ q: 'Q900403', versions: ['Windows NT Server 4.0'], fix: spFix('Windows NT', '4.0', '6') });
    expect(v(sp, 'Server is NT 4.0 SP5. We installed Q900403 on this server.')).toBe('affected');
  });
});
