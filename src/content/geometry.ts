/**
 * Coordinates between frames: the card lives in the top document, matches may sit in same-origin
 * frames, so their boxes are moved into the top viewport by each frame's content-box offset.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function toTopViewport(rect: Box, doc: Document): Box {
  let left = rect.left;
  let top = rect.top;
  let win: Window | null = doc.defaultView;
  while (win) {
    let frame: Element | null;
    try {
      frame = win.frameElement;
    } catch {
      frame = null;
    }
    if (!frame) break;
    const fr = frame.getBoundingClientRect();
    const style = frame.ownerDocument.defaultView?.getComputedStyle(frame);
    left += fr.left + frame.clientLeft + (parseFloat(style?.paddingLeft ?? '') || 0);
    top += fr.top + frame.clientTop + (parseFloat(style?.paddingTop ?? '') || 0);
    win = frame.ownerDocument.defaultView;
  }
  return { left, top, width: rect.width, height: rect.height };
}

/** The top document a (possibly framed) document belongs to, as far as same-origin access allows. */
export function topDocumentOf(doc: Document): Document {
  let d = doc;
  for (;;) {
    let frame: Element | null;
    try {
      frame = d.defaultView?.frameElement ?? null;
    } catch {
      frame = null;
    }
    if (!frame) return d;
    d = frame.ownerDocument;
  }
}
