import { topModal } from '../modal';
import { CARD_HOST_TAG } from '../skip-rules';
import { CARD_CSS } from './styles';

/**
 * The single element KB Lens adds to a page, created on the first card. A custom element name no
 * page styles, `all: initial` against inherited and universal rules, a closed shadow root so page
 * scripts cannot reach in, and the top layer (popover) so it shows above the help desk's modals.
 */
export interface CardHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  show(): void;
  hide(): void;
  remove(): void;
}

/**
 * Where the host must sit to be usable: inside the topmost modal dialog or fullscreen element while
 * one is up (outside it, a popover on <html> still paints on top but takes no pointer or focus, so
 * its links are dead and Escape reaches the page), else on <html>. Decided at every show.
 */
export function hostParent(doc: Document): Element {
  return topModal(doc) ?? doc.documentElement;
}

export function createCardHost(doc: Document, mode: ShadowRootMode = 'closed'): CardHost {
  const win = doc.defaultView!;
  const host = doc.createElement(CARD_HOST_TAG);
  const s = host.style;
  // CSSOM, not a style attribute: a strict style-src CSP blocks the attribute, not this.
  s.setProperty('all', 'initial', 'important');
  s.setProperty('position', 'fixed', 'important');
  s.setProperty('top', '0', 'important');
  s.setProperty('left', '0', 'important');
  s.setProperty('width', '0', 'important');
  s.setProperty('height', '0', 'important');
  s.setProperty('margin', '0', 'important');
  s.setProperty('padding', '0', 'important');
  s.setProperty('border', '0', 'important');
  s.setProperty('overflow', 'visible', 'important');
  s.setProperty('background', 'transparent', 'important');
  s.setProperty('pointer-events', 'none', 'important');
  s.setProperty('z-index', '2147483647', 'important');
  s.setProperty('display', 'block', 'important');
  const canPopover = typeof (host as Partial<HTMLElement>).showPopover === 'function';
  if (canPopover) host.setAttribute('popover', 'manual');
  const root = host.attachShadow({ mode });
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(CARD_CSS);
  root.adoptedStyleSheets = [sheet];

  const attach = (): void => {
    const parent = hostParent(doc);
    if (host.parentNode !== parent) parent.appendChild(host);
  };
  return {
    host,
    root,
    show() {
      attach();
      if (canPopover) {
        try {
          // Re-show to move to the top of the top layer if a page modal opened since.
          if (host.matches(':popover-open')) host.hidePopover();
          host.showPopover();
        } catch {
          /* not connected or already shown by another path: the z-index still applies */
        }
      }
    },
    hide() {
      if (canPopover && host.isConnected) {
        try {
          if (host.matches(':popover-open')) host.hidePopover();
        } catch {
          /* ignore */
        }
      }
    },
    remove() {
      host.remove();
    },
  };
}
