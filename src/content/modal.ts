/**
 * The page's modal layer. While a modal dialog (or a fullscreen element) is up, everything outside
 * it is inert and, for a dialog, hidden behind its backdrop: the card has to live inside it to be
 * usable, and the keyboard has nothing to step to outside it.
 */
export function topModal(doc: Document): Element | null {
  try {
    // `:modal` matches modal dialogs and fullscreen elements; with several, the last in document
    // order (nested ones come later) is taken as the one on top.
    const all = doc.querySelectorAll(':modal');
    return all[all.length - 1] ?? null;
  } catch {
    return doc.fullscreenElement ?? null; // no :modal support
  }
}

/** Whether `node` (in the top document, a same-origin frame or a shadow root) is inside `modal`. */
export function insideModal(node: Node, modal: Element): boolean {
  let n: Node | null = node;
  while (n) {
    if (modal.contains(n)) return true;
    const root = n.getRootNode();
    if ((root as Partial<ShadowRoot>).host) n = (root as ShadowRoot).host;
    else {
      let frame: Element | null;
      try {
        frame = (root as Document).defaultView?.frameElement ?? null;
      } catch {
        frame = null;
      }
      n = frame;
    }
  }
  return false;
}
