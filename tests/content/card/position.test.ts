import { describe, it, expect } from 'vitest';
import { placeCard, MARGIN, GAP } from '../../../src/content/card/position';

const vp = { width: 1000, height: 800 };
const card = { width: 400, height: 300 };

describe('placeCard', () => {
  it('goes below the match when it fits', () => {
    expect(placeCard({ left: 100, top: 100, width: 60, height: 16 }, card, vp)).toMatchObject({
      side: 'below',
      left: 100,
      top: 100 + 16 + GAP,
    });
  });

  it('flips above when there is no room below', () => {
    const p = placeCard({ left: 100, top: 700, width: 60, height: 16 }, card, vp);
    expect(p.side).toBe('above');
    expect(p.top).toBe(700 - GAP - 300);
  });

  it('stays inside the viewport horizontally', () => {
    expect(placeCard({ left: 900, top: 100, width: 60, height: 16 }, card, vp).left).toBe(1000 - MARGIN - 400);
    expect(placeCard({ left: -50, top: 100, width: 60, height: 16 }, card, vp).left).toBe(MARGIN);
  });

  it('limits the height to the room on the chosen side when the card is taller', () => {
    const p = placeCard({ left: 0, top: 380, width: 60, height: 16 }, { width: 400, height: 2000 }, vp);
    expect(p.top).toBeGreaterThanOrEqual(MARGIN);
    expect(p.top + Math.min(2000, p.maxHeight)).toBeLessThanOrEqual(vp.height - MARGIN);
  });
});
