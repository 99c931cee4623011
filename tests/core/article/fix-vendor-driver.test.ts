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
