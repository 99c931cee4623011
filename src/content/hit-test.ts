import type { MatchKind } from '../messaging/protocol';
import type { MatchEntry, MatchStore } from './match-store';

/**
 * Highlights receive no events, so hovering is hit-tested: the caret position under the pointer
 * names a text node and offset, the store lists the matches on that node, and the match's line
 * boxes confirm the pointer is really over it (the caret APIs also answer for points past the end
 * of a line).
 */
export interface CaretPoint {
  node: Node;
  offset: number;
}

export type CaretAt = (doc: Document, x: number, y: number, shadowRoots: readonly ShadowRoot[]) => CaretPoint | null;

type CaretDocument = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export const caretAtPoint: CaretAt = (doc, x, y, shadowRoots) => {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    // Chrome 128+ and Firefox take open shadow roots to look into; older ones ignore the argument.
    const p = d.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] });
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
};

/** The match's boxes on screen (in its own document's viewport). */
export function matchRects(entry: MatchEntry): DOMRect[] {
  const r = entry.startNode.ownerDocument.createRange();
  try {
    r.setStart(entry.startNode, Math.min(entry.startOffset, entry.startNode.data.length));
    r.setEnd(entry.endNode, Math.min(entry.endOffset, entry.endNode.data.length));
    return Array.from(r.getClientRects());
  } catch {
    return [];
  } finally {
    r.detach();
  }
}

/**
 * What the card is placed against: the line box the agent is looking at (hovered, or the first one)
 * for left and width, stretched over all the match's lines, so a card below or above never covers
 * the rest of a match that wraps.
 */
export function matchAnchor(
  rects: readonly DOMRect[],
  line: DOMRect | null = null,
): { left: number; top: number; width: number; height: number } | null {
  const first = line ?? rects[0];
  if (!first) return null;
  let top = first.top;
  let bottom = first.bottom;
  for (const r of rects) {
    top = Math.min(top, r.top);
    bottom = Math.max(bottom, r.bottom);
  }
  return { left: first.left, top, width: first.width, height: bottom - top };
}

const SLOP = 1;

export function rectContains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left - SLOP && x <= rect.right + SLOP && y >= rect.top - SLOP && y <= rect.bottom + SLOP;
}

export interface Hit {
  entry: MatchEntry;
  /** The line box under the pointer: the card is placed against it. */
  rect: DOMRect;
}

export function hitTest(
  doc: Document,
  x: number,
  y: number,
  store: MatchStore,
  opts: { enabled(kind: MatchKind): boolean; shadowRoots: readonly ShadowRoot[]; caretAt?: CaretAt },
): Hit | null {
  const caret = (opts.caretAt ?? caretAtPoint)(doc, x, y, opts.shadowRoots);
  if (!caret || caret.node.nodeType !== 3) return null;
  for (const entry of store.at(caret.node as Text, caret.offset)) {
    if (!opts.enabled(entry.match.kind)) continue;
    for (const rect of matchRects(entry)) if (rectContains(rect, x, y)) return { entry, rect };
  }
  return null;
}
