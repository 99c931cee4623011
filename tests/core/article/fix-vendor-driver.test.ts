/**
 * A hardware maker's driver as the remedy is another vendor's update (fixKind `other`), not steps
 * alone; Microsoft's own updated drivers are not. Articles written for the test.
 */
import { describe, expect, it } from 'vitest';
import { articleHeader, parseInline } from './fixture';

const game = (q: string, resolution: string[]) =>
  parseInline(q, [
    ...articleHeader(q, 'Microsoft Home Games', 'WINDOWS:1.0', 'Microsoft Gizmo Racer, version 1.0', '12-JUN-2001'),
    'SYMPTOMS',
    '========',
    '',
    'Lines flicker across the track while you race.',
    '',
    'RESOLUTION',
    '==========',
    '',
    ...resolution,
  ]);

describe('a hardware driver as the remedy', () => {
  it('"install the latest video driver for your video adapter" is another vendor\'s update', () => {
    const r = game('Q399901', [
      'To resolve this issue, download and install the latest video driver for the',
      "Gizmo 3D display adapter. To do this, visit the manufacturer's Web site.",
    ]);
    expect(r.fixKind).toBe('other');
    expect(r.fixedIn).toBeNull();
  });
  it('"an updated driver for your sound card" in the workaround too', () => {
    const r = game('Q399902', [
      'To resolve this issue, obtain an updated driver for your sound card, and then restart.',
    ]);
    expect(r.fixKind).toBe('other');
  });
  it('steps that only change a driver setting stay a workaround', () => {
    const r = game('Q399903', [
      'To work around this issue, lower the hardware acceleration of the video driver:',
      '1. Click Start, point to Settings, and then click Control Panel.',
      '2. Double-click Display, and move the slider to None.',
    ]);
    expect(r.fixKind).toBe('workaround-only');
  });
  it("Microsoft's own updated drivers are not another vendor's", () => {
    const r = game('Q399904', [
      'To work around this issue, install the updated printer drivers from the following Microsoft Web site, and then',
      'print again.',
    ]);
    expect(r.fixKind).toBe('workaround-only');
  });
});

describe("another vendor's hotfix", () => {
  it('"contact Citrix to obtain the ... hotfix" is their update, not a Microsoft hotfix', () => {
    const r = game('Q399911', [
      'To resolve this issue, contact Citrix to obtain the Gz1234.exe hotfix for the ICA client.',
    ]);
    expect(r.fixKind).toBe('other');
    expect(r.fix).toBeNull();
  });
  it('a Microsoft hotfix from Product Support stays a hotfix', () => {
    const r = game('Q399912', [
      'To resolve this problem, contact Microsoft Product Support Services to obtain the hotfix.',
    ]);
    expect(r.fixKind).toBe('hotfix');
  });
});

describe('the machine between "upgrade" and "to"', () => {
  it('"upgrade your computer to the latest service pack" is the service-pack fix', () => {
    const r = parseInline('Q399913', [
      ...articleHeader(
        'Q399913',
        'Microsoft Windows NT',
        'winnt:4.0 SP3',
        'Microsoft Windows NT Server version 4.0 SP3',
        '04-JUL-1999',
      ),
      'SYMPTOMS',
      '========',
      '',
      'The spooler stops when a job is cancelled.',
      '',
      'RESOLUTION',
      '==========',
      '',
      'To resolve this problem, upgrade your computer to the latest Windows NT 4.0 service pack.',
    ]);
    expect(r.fixKind).toBe('service-pack');
    expect(r.fix).toMatchObject({ product: 'Windows NT', version: '4.0' });
  });
});
