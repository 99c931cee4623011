import { describe, expect, it } from 'vitest';
import { laterThanArchive } from '../../../src/core/match/ticket-era';
import { findTicketVersions } from '../../../src/core/version';

const later = (text: string) => laterThanArchive(findTicketVersions(text));

describe('a ticket about systems later than the archive', () => {
  it('names a later release and none of the archive era', () => {
    expect(later('Copying from a Windows 11 laptop to the NAS fails.')).toBe(true);
    expect(later('SQL Server 2019 CU25 on Windows Server 2022')).toBe(true);
    expect(later('Exchange 2019 CU14 transport queue is growing')).toBe(true);
    // A dotted version of a product the table does not know says nothing about its year.
    expect(later('Python 3.11.8 job on Azure; DSM 7.2.1 on the NAS')).toBe(true);
  });

  it('is not when an archive-era release is named too, or no release at all', () => {
    expect(later('Windows 10 clients still connect to the Exchange 5.5 server')).toBe(false);
    expect(later('We are moving from Exchange 2003 to Exchange 2016 next quarter')).toBe(false);
    expect(later('Visio 2000 SR-1 on a Windows 10 PC')).toBe(false);
    expect(later('NT4 SP6a member server, Windows 11 admin workstation')).toBe(false);
    expect(later('Users cannot copy to the share since Monday.')).toBe(false);
  });
});
