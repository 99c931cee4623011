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

  it('finds the shorthand agents write for later Windows and Microsoft 365', () => {
    expect(names('Win11 laptop; two Win 10 kiosks; W10 VDI; Windows10 image; Win7 box')).toEqual([
      'Win11',
      'Win 10',
      'W10',
      'Windows10',
      'Win7',
    ]);
    expect(names('RDS farm on W2019, DCs W2K16 and W2012R2, file server Win2k8 R2, Server 2012 R2')).toEqual([
      'W2019',
      'W2K16',
      'W2012R2',
      'Win2k8 R2',
      'Server 2012',
    ]);
    expect(names('O365 works, M365 E3 licence, Office365 portal, Outlook 365 on Win 11.')).toEqual([
      'O365',
      'M365',
      'Office365',
      'Outlook 365',
      'Win 11',
    ]);
  });

  it('reads the capital shorthand in capitals only, and not the archive era in it', () => {
    for (const text of [
      'cell w10 of the sheet; o365 in lower case',
      'W2K SP4 and W2K3 servers, Win2k, Win98, WinXP',
      'room W101, part W2019-A, Windows 10.0.19045 build string',
    ])
      expect(names(text), text).toEqual([]);
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
