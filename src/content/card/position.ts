/**
 * Where the card goes: below the match if it fits, else above if there is more room there, always
 * inside the viewport. Pure, so the flipping rules are tested without layout.
 */
export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
  /** The card scrolls inside this height when it is taller than the room it has. */
  maxHeight: number;
}

export const MARGIN = 8;
export const GAP = 6;

export function placeCard(
  anchor: { left: number; top: number; width: number; height: number },
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const below = viewport.height - (anchor.top + anchor.height) - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  const side: Placement['side'] = card.height <= below || below >= above ? 'below' : 'above';
  const room = Math.max(side === 'below' ? below : above, 80);
  const height = Math.min(card.height, room);
  const top =
    side === 'below'
      ? Math.min(anchor.top + anchor.height + GAP, viewport.height - MARGIN - height)
      : Math.max(MARGIN, anchor.top - GAP - height);
  const maxLeft = viewport.width - MARGIN - card.width;
  const left = Math.max(MARGIN, Math.min(anchor.left, maxLeft));
  return { left: Math.round(left), top: Math.round(Math.max(MARGIN, top)), side, maxHeight: Math.floor(room) };
}
