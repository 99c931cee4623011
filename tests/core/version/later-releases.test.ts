import { describe, expect, it } from 'vitest';
import { findLaterReleases } from '../../../src/core/version/later-releases';

const names = (text: string) => findLaterReleases(text).map((l) => l.name);

describe('releases later than the archive', () => {
  it('finds versioned products and platforms as tickets write them', () => {
    expect(names('Windows 11 Pro 23H2 laptop, file server on Windows Server 2022')).toEqual([
      'Windows 11',
      'Windows Server 2022',
    ]);
    expect(names('Outlook for Microsoft 365 against Exchange Online')).toEqual([
      'Outlook for Microsoft 365',
      'Exchange Online',
    ]);
    expect(names('SQL Server 2019 CU25; Exchange 2016 CU23; .NET 8.0 on Azure; kubectl get pods')).toEqual([
      'SQL Server 2019',
      'Exchange 2016',
      '.NET 8.0',
      'Azure',
      'kubectl',
    ]);
  });

  it('leaves the archive era and the furniture of signatures and invites alone', () => {
    for (const text of [
      'Windows 2000 Server SP4, Windows NT 4.0, Windows 95, Windows 98',
      'Exchange Server 5.5 SP4, Exchange 2003, Outlook 2003, SQL Server 2000, Word 97',
      'Sent from Outlook for iOS',
      'Join Microsoft Teams Meeting',
      'the teams on floor 3; Windows 2016 calendar; .NET Framework 1.1',
    ])
      expect(names(text), text).toEqual([]);
  });
});
