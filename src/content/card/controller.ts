import type { ArticlesAnswer } from '../../messaging/protocol';
import type { MatchEntry } from '../match-store';
import type { Box } from '../geometry';
import { h } from './dom';
import { createCardHost, type CardHost } from './host';
import { placeCard } from './position';
import { renderCard } from './render';
import { themeOf } from './theme';
import type { CardApi, CardDeps, CreateCard } from './types';
import { askedArticles, cardModel, MAX_RELATED } from './view-model';

/**
 * The hover card's behaviour: open, fill in when the articles arrive, place, close on Escape or the
 * close button, and give focus back where it was. Loaded on first use (see types.ts).
 */
interface FocusMemo {
  el: HTMLElement | null;
  ranges: Range[];
  doc: Document;
}

function deepActiveElement(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  for (;;) {
    if (!el) return null;
    const inner: Element | null | undefined =
      el.shadowRoot?.activeElement ??
      (/^i?frame$/.test(el.localName) ? safeFrameActive(el as HTMLIFrameElement) : undefined);
    if (!inner) return el;
    el = inner;
  }
}

function safeFrameActive(frame: HTMLIFrameElement): Element | null {
  try {
    const d = frame.contentDocument;
    return d && d.activeElement !== d.body ? d.activeElement : null;
  } catch {
    return null;
  }
}

function captureFocus(doc: Document): FocusMemo {
  const el = deepActiveElement(doc) as HTMLElement | null;
  const owner = el?.ownerDocument ?? doc;
  const sel = owner.getSelection();
  const ranges: Range[] = [];
  if (sel) for (let i = 0; i < sel.rangeCount; i++) ranges.push(sel.getRangeAt(i).cloneRange());
  return { el, ranges, doc: owner };
}

function sameRanges(sel: Selection, ranges: Range[]): boolean {
  if (sel.rangeCount !== ranges.length) return false;
  for (let i = 0; i < ranges.length; i++) {
    const a = sel.getRangeAt(i);
    const b = ranges[i]!;
    if (
      a.startContainer !== b.startContainer ||
      a.startOffset !== b.startOffset ||
      a.endContainer !== b.endContainer ||
      a.endOffset !== b.endOffset
    )
      return false;
  }
  return true;
}

function restoreFocus(memo: FocusMemo): void {
  if (memo.el && memo.el.isConnected && typeof memo.el.focus === 'function') memo.el.focus({ preventScroll: true });
  // Focusing an editor can move its caret; put the agent's caret and selection back exactly.
  const sel = memo.doc.getSelection();
  if (sel && !sameRanges(sel, memo.ranges) && memo.ranges.every((r) => r.startContainer.isConnected)) {
    sel.removeAllRanges();
    for (const r of memo.ranges) sel.addRange(r);
  }
}

export const createCard: CreateCard = (deps: CardDeps): CardApi => {
  const { doc } = deps;
  let host: CardHost | null = null;
  let container: HTMLElement | null = null;
  let entry: MatchEntry | null = null;
  let openedBy: CardApi['openedBy'] = null;
  let pointerInside = false;
  let memo: FocusMemo | null = null;
  let anchor: Box | null = null;
  let token = 0;
  let keyDocs: Document[] = [];
  const cache = new Map<string, Promise<ArticlesAnswer>>();

  // One request per card: its articles with the best one's related articles (their titles).
  const fetchArticles = (qs: string[]): Promise<ArticlesAnswer> => {
    if (!qs.length) return Promise.resolve({ articles: [] });
    const key = qs.join(',');
    let p = cache.get(key);
    if (!p) {
      p = deps.fetchArticles(qs, MAX_RELATED + 2).catch(() => ({ articles: [] }));
      cache.set(key, p);
    }
    return p;
  };

  const onKeyDown = (ev: KeyboardEvent): void => {
    if (ev.key !== 'Escape' || !entry || !host) return;
    // Only swallow the key when it was meant for the card; the help desk keeps its own Escape.
    const fromCard = ev.composedPath().includes(host.host);
    hide({ restoreFocus: true });
    if (fromCard) {
      ev.preventDefault();
      ev.stopPropagation();
    }
  };

  const ensure = (): HTMLElement => {
    if (container && host) return container;
    host = createCardHost(doc, deps.shadowMode);
    container = h(doc, 'div', { class: 'card', attrs: { role: 'dialog', 'aria-modal': 'false', tabindex: '-1' } });
    container.hidden = true;
    container.addEventListener('pointerenter', () => {
      pointerInside = true;
    });
    container.addEventListener('pointerleave', () => {
      pointerInside = false;
      deps.onPointerLeave();
    });
    container.addEventListener('focusout', (ev) => {
      const next = ev.relatedTarget as Node | null;
      if (openedBy !== 'hover' && next && !container!.contains(next)) hide({ restoreFocus: false });
    });
    host.root.append(container);
    return container;
  };

  const place = (): void => {
    if (!container || !anchor) return;
    const win = doc.defaultView!;
    // Measure the card's natural height: the cap from the previous placement (made while it said
    // "Looking up…") would make it look short enough to stay on a side it no longer fits.
    container.style.removeProperty('max-height');
    const r = container.getBoundingClientRect();
    const vp = { width: doc.documentElement.clientWidth || win.innerWidth, height: win.innerHeight };
    const p = placeCard(anchor, { width: r.width || 400, height: r.height || 240 }, vp);
    container.style.left = `${p.left}px`;
    container.style.top = `${p.top}px`;
    container.style.maxHeight = `${p.maxHeight}px`;
    container.dataset.side = p.side;
  };

  const copy = (summary: string, statusEl?: Element): void => {
    // The status beside the button that was pressed (a bounce and its article each have one).
    const status = statusEl ?? container?.querySelector('.status');
    const say = (text: string): void => {
      if (status) status.textContent = text;
    };
    const clip = doc.defaultView?.navigator.clipboard;
    if (!clip) return say('Copy is not available on this page');
    clip.writeText(summary).then(
      () => say('Copied'),
      () => say('Copy blocked by this page'),
    );
  };

  // The page's other builds, for "Versions in this ticket" (the hovered one is listed first).
  const builds = (e: MatchEntry) => (deps.ticketBuilds?.() ?? []).filter((m) => m !== e.match && m.kind === 'build');

  const draw = (model: ReturnType<typeof cardModel>): void => {
    if (!container) return;
    renderCard(doc, container, model, { onClose: () => hide({ restoreFocus: true }), onCopy: copy });
    place();
  };

  function listenKeys(docs: Document[]): void {
    for (const d of keyDocs) d.removeEventListener('keydown', onKeyDown, true);
    keyDocs = [...new Set(docs)];
    for (const d of keyDocs) d.addEventListener('keydown', onKeyDown, true);
  }

  function show(e: MatchEntry, at: Box, opts: { focus: boolean; openedBy: 'hover' | 'keyboard' | 'focus' }): void {
    const el = ensure();
    const my = ++token;
    if (opts.focus && !(entry && memo)) memo = captureFocus(doc);
    entry = e;
    openedBy = opts.openedBy;
    anchor = at;
    const matchDoc = e.startNode.ownerDocument;
    el.dataset.theme = themeOf(matchDoc);
    draw(cardModel(e.match, null, [], builds(e)));
    el.hidden = false;
    host!.show();
    place();
    listenKeys([doc, matchDoc]);
    if (opts.focus) el.focus({ preventScroll: true });
    void fetchArticles(askedArticles(e.match)).then(({ articles: views, related = [] }) => {
      if (my !== token) return;
      const hadFocus = host!.root.activeElement !== null;
      draw(cardModel(e.match, views, related, builds(e)));
      if (hadFocus) el.focus({ preventScroll: true });
    });
  }

  function hide(opts: { restoreFocus?: boolean } = {}): void {
    if (!entry) return;
    token++;
    entry = null;
    openedBy = null;
    pointerInside = false;
    anchor = null;
    listenKeys([]);
    if (container) {
      container.hidden = true;
      container.replaceChildren();
    }
    host?.hide();
    const m = memo;
    memo = null;
    if (opts.restoreFocus && m) restoreFocus(m);
    deps.onClosed?.();
  }

  return {
    show,
    hide,
    get openEntry() {
      return entry;
    },
    get openedBy() {
      return openedBy;
    },
    get pointerInside() {
      return pointerInside;
    },
    forget() {
      cache.clear();
    },
    dispose() {
      hide();
      host?.remove();
      host = null;
      container = null;
    },
  };
};
