import { describe, expect, it } from 'vitest';
import { findWindowsBuilds } from '../../../src/core/version/windows-builds';

describe('findWindowsBuilds', () => {
  it('reads a dialog, a banner and a bare build', () => {
    expect(findWindowsBuilds('Version 4.0 (Build 1381: Service Pack 4)')).toEqual([
      expect.objectContaining({ family: 'windows', version: '4.0', sp: '4', build: '1381' }),
    ]);
    expect(findWindowsBuilds('Microsoft Windows 2000 [Version 5.00.2195]')[0]).toMatchObject({
      version: '2000',
      sp: null,
    });
    expect(findWindowsBuilds('node is build 2600')[0]).toMatchObject({ version: 'xp', sp: null });
  });
  it("reads XP's winver, whose build carries its branch, and a build ending a sentence", () => {
    expect(
      findWindowsBuilds('winver: Version 5.1 (Build 2600.xpsp_sp2_gdr.050301-1519 : Service Pack 2)')[0],
    ).toMatchObject({ version: 'xp', sp: '2', build: '2600' });
    expect(findWindowsBuilds('Winver says Build 2600.xpsp_sp3_qfe')[0]).toMatchObject({ version: 'xp', sp: null });
    expect(findWindowsBuilds('the new image is build 2195.')[0]).toMatchObject({ version: '2000' });
    // A further number is a file's version (Tcpip.sys 5.1.2600.1106), not the system's build.
    expect(findWindowsBuilds('Tcpip.sys is build 2600.1106')).toEqual([]);
  });
  it("reads a bounded number of other products' dialogs: each one spent is checked against every later match", () => {
    // Megabytes of "5.5 (Build 2448)" made the spent list grow without bound (quadratic time); the
    // scan stops after a few hundred matches per form, as the other whole-ticket passes do.
    expect(findWindowsBuilds('Exchange 5.5 (Build 2448) '.repeat(1000) + 'Version 3.51 (Build 1057)')).toEqual([]);
    expect(findWindowsBuilds('IE Version 6.0.2600 '.repeat(1000) + '[Version 5.00.2195]')).toEqual([]);
    // A few of them do not hide the Windows dialog after them.
    expect(findWindowsBuilds('Exchange 5.5 (Build 2448), ' + 'Version 4.0 (Build 1381: Service Pack 4)')).toHaveLength(
      1,
    );
  });
});
