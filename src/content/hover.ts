import type { MatchKind } from '../messaging/protocol';
import type { CardApi } from './card/types';
import { toTopViewport } from './geometry';
import { hitTest, matchAnchor, matchRects, type CaretAt } from './hit-test';
import type { MatchEntry, MatchStore } from './match-store';
import { CARD_HOST_TAG, createSkipCheck } from './skip-rules';

/**
 * When the card opens and closes for the pointer (and for keyboard focus landing on a link that
 * holds a match): open after the agent's hover delay, stay while the pointer travels into the card,
 * close a moment after it leaves both.
 */
export const CLOSE_GRACE_MS = 300;

export interface HoverOptions {
  store: MatchStore;
  enabled(kind: MatchKind): boolean;
  shadowRoots(): readonly ShadowRoot[];
  delayMs(): number;
  /** Loads the card on first use. */
  card(): Promise<CardApi>;
  /** The card if it is loaded already. */
  loadedCard(): CardApi | null;
  /** Timers run in the top window (frames may go away). */
  win: Window;
  caretAt?: CaretAt;
}

export interface Hover {
  /** Listen in this document (the top one, and each same-origin frame). */
  attach(doc: Document): () => void;
  /** The pointer left the card. */
  cardLeft(): void;
  dispose(): void;
}

const FOCUS_OPENERS = /^(a|button|summary)$/;

export function createHover(opts: HoverOptions): Hover {
  const { win } = opts;
  let showTimer = 0;
  let hideTimer = 0;
  let pending: MatchEntry | null = null;
  let pendingBy: 'hover' | 'focus' | null = null;
  const detachers = new Set<() => void>();

  const clearShow = (): void => {
    if (showTimer) win.clearTimeout(showTimer);
    showTimer = 0;
    pending = null;
    pendingBy = null;
  };
  const cancelHide = (): void => {
    if (hideTimer) win.clearTimeout(hideTimer);
    hideTimer = 0;
  };
  const scheduleHide = (by: 'hover' | 'focus'): void => {
    if (hideTimer) return;
    hideTimer = win.setTimeout(() => {
      hideTimer = 0;
      const card = opts.loadedCard();
      if (card && card.openedBy === by && !card.pointerInside) card.hide();
    }, CLOSE_GRACE_MS);
  };
  const scheduleShow = (
    entry: MatchEntry,
    doc: Document,
    anchorRect: DOMRect | null,
    openedBy: 'hover' | 'focus',
  ): void => {
    if (pending === entry) return;
    clearShow();
    pending = entry;
    pendingBy = openedBy;
    showTimer = win.setTimeout(() => {
      showTimer = 0;
      pending = null;
      pendingBy = null;
      if (!entry.startNode.isConnected) return;
      const rect = matchAnchor(matchRects(entry), anchorRect);
      if (!rect) return;
      const anchor = toTopViewport(rect, doc);
      opts.card().then(
        (card) => card.show(entry, anchor, { focus: false, openedBy }),
        () => undefined,
      );
    }, opts.delayMs());
  };

  const attach = (doc: Document): (() => void) => {
    const dwin = doc.defaultView;
    if (!dwin) return () => undefined;
    let raf = 0;
    let last: { x: number; y: number; target: EventTarget | null } | null = null;

    const process = (): void => {
      raf = 0;
      try {
        track();
      } catch {
        // A page that tears down frames mid-move must not see errors from us in its console.
      }
    };
    const track = (): void => {
      if (!last) return;
      const { x, y, target } = last;
      if (target instanceof dwin.Element && target.localName === CARD_HOST_TAG) {
        cancelHide();
        return;
      }
      const hit = hitTest(doc, x, y, opts.store, {
        enabled: opts.enabled,
        shadowRoots: opts.shadowRoots(),
        caretAt: opts.caretAt,
      });
      const card = opts.loadedCard();
      if (hit) {
        if (card?.openEntry === hit.entry) {
          cancelHide();
          clearShow();
          return;
        }
        if (card?.openedBy === 'hover') cancelHide();
        scheduleShow(hit.entry, doc, hit.rect, 'hover');
        return;
      }
      clearShow();
      if (card?.openEntry && card.openedBy === 'hover' && !card.pointerInside) scheduleHide('hover');
    };

    const onMove = (ev: PointerEvent): void => {
      if (ev.pointerType === 'touch') return;
      last = { x: ev.clientX, y: ev.clientY, target: ev.target };
      // One hit test per frame, however fast the pointer moves.
      if (!raf) raf = dwin.requestAnimationFrame(process);
    };
    const onLeave = (): void => {
      clearShow();
      const card = opts.loadedCard();
      if (card?.openedBy === 'hover' && !card.pointerInside) scheduleHide('hover');
    };
    const onFocusIn = (ev: FocusEvent): void => {
      const el = ev.composedPath()[0];
      if (!(el instanceof dwin.Element) || !FOCUS_OPENERS.test(el.localName) || createSkipCheck().element(el)) return;
      const entry = opts.store.ordered().find((e) => opts.enabled(e.match.kind) && el.contains(e.startNode));
      if (entry) {
        cancelHide();
        scheduleShow(entry, doc, null, 'focus');
      }
    };
    const onFocusOut = (): void => {
      if (pendingBy === 'focus') clearShow();
      const card = opts.loadedCard();
      if (card?.openedBy === 'focus') scheduleHide('focus');
    };
    doc.addEventListener('pointermove', onMove, { passive: true, capture: true });
    doc.documentElement.addEventListener('pointerleave', onLeave, { passive: true });
    doc.addEventListener('focusin', onFocusIn, true);
    doc.addEventListener('focusout', onFocusOut, true);
    const detach = (): void => {
      if (raf) dwin.cancelAnimationFrame(raf);
      doc.removeEventListener('pointermove', onMove, { capture: true } as EventListenerOptions);
      doc.documentElement?.removeEventListener('pointerleave', onLeave);
      doc.removeEventListener('focusin', onFocusIn, true);
      doc.removeEventListener('focusout', onFocusOut, true);
      detachers.delete(detach);
    };
    detachers.add(detach);
    return detach;
  };

  return {
    attach,
    cardLeft() {
      const card = opts.loadedCard();
      if (card?.openedBy === 'hover') scheduleHide('hover');
    },
    dispose() {
      clearShow();
      cancelHide();
      for (const d of [...detachers]) d();
    },
  };
}
