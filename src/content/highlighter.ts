import type { MatchKind } from '../messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { createNearTracker, intersectionWatch, type NearWatchFactory } from './near-viewport';
import { hasRegisteredRules, highlightCss, highlightName, KINDS } from './highlight-css';

export { highlightCss, highlightName, KINDS };

/**
 * Paints matches with the CSS Custom Highlight API: one named highlight per kind, styled by a
 * constructable stylesheet. No node of the page changes (no <mark> wrapping: that forces layout,
 * ~125 ms per 1,000 matches, and breaks framework-owned DOM), and a
 * constructable sheet is not subject to the page's style-src CSP.
 */

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;
interface HighlightWindow {
  Highlight?: HighlightCtor;
  CSS?: { highlights?: HighlightRegistry };
  CSSStyleSheet: typeof CSSStyleSheet;
}

export interface Highlighter {
  add(kind: MatchKind, range: AbstractRange): void;
  delete(kind: MatchKind, range: AbstractRange): void;
  /** Apply queued additions and removals now. */
  flush(): void;
  apply(settings: Settings): void;
  /** Make the highlight styles reach into an open shadow root (a document sheet does not). */
  adoptInto(root: ShadowRoot): void;
  /** Pages that reassign adoptedStyleSheets drop ours; put it back. */
  ensureAdopted(): void;
  readonly supported: boolean;
  /** Ranges the page should show (painted or waiting to come near the viewport), after the last flush. */
  readonly size: number;
  dispose(): void;
}

export interface HighlighterOptions {
  /**
   * Past this many ranges only those near the viewport are painted (the rest are kept and painted
   * as they come near); back to painting everything below half of it.
   */
  nearLimit?: number;
  nearWatch?: NearWatchFactory;
  /** Runs work before the next frame (requestAnimationFrame); tests run it at once. */
  nextFrame?: (work: () => void) => void;
  /** Whether the document already has the default rules from the registered stylesheet. */
  preStyled?: (doc: Document) => boolean;
}

/** Chromium repaints every range of the registry on any change, ~35 us each: 1,000 keep a change under ~40 ms. */
export const NEAR_LIMIT = 1000;

/** One per document: highlight registries and adopted sheets belong to a document. */
export function createHighlighter(doc: Document, settings: Settings, options: HighlighterOptions = {}): Highlighter {
  const win = doc.defaultView as unknown as HighlightWindow | null;
  const registry = win?.CSS?.highlights;
  const Ctor = win?.Highlight;
  const supported = Boolean(registry && Ctor);
  const nearLimit = options.nearLimit ?? NEAR_LIMIT;
  const makeWatch = options.nearWatch ?? intersectionWatch(win as unknown as Window | null);
  const nextFrame =
    options.nextFrame ??
    ((work: () => void): void => {
      const w = win as unknown as Window | null;
      if (typeof w?.requestAnimationFrame === 'function') w.requestAnimationFrame(work);
      else w?.setTimeout(work, 16);
    });
  let current = settings;
  const highlights = new Map<MatchKind, Highlight>();
  // Adopting a sheet into a big, already rendered page restyles all of it (measured: 1.1 s on a
  // 16 MB ticket), so a document the registered stylesheet already styles (highlight-css.ts) gets
  // no sheet of ours unless the agent's colours differ from the defaults.
  const css = highlightCss(settings);
  // The sheet must come from the document's own realm to be adoptable there.
  const sheet = new (win?.CSSStyleSheet ?? CSSStyleSheet)();
  sheet.replaceSync(css);
  const roots = new Set<Document | ShadowRoot>();

  const adopt = (root: Document | ShadowRoot): void => {
    roots.add(root);
    try {
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      // A frozen or foreign array: the highlights still exist, only unstyled in that root.
    }
  };
  if (css !== highlightCss(DEFAULT_SETTINGS) || !(options.preStyled ?? hasRegisteredRules)(doc)) adopt(doc);

  // Chromium revalidates every range of a changed highlight at the next rendering step, so adding
  // ranges answer by answer costs O(ranges) per answer: measured 4.7 s vs 1.9 s wall for a 5 MB
  // ticket. Changes are queued and applied together, less often as the set grows.
  const pendingAdd = new Map<MatchKind, Set<AbstractRange>>();
  const pendingDelete = new Map<MatchKind, Set<AbstractRange>>();
  let total = 0;
  let timer = 0;
  const queue = (map: Map<MatchKind, Set<AbstractRange>>, kind: MatchKind, range: AbstractRange): void => {
    let set = map.get(kind);
    if (!set) map.set(kind, (set = new Set()));
    set.add(range);
    if (!timer && win) timer = (win as unknown as Window).setTimeout(flush, Math.min(1000, 50 + total / 20));
  };

  // Every range the page should show, painted or not. Past nearLimit only the ranges near the
  // viewport are painted (near-viewport.ts).
  const wanted = new Map<AbstractRange, MatchKind>();
  const paint = (kind: MatchKind, r: AbstractRange): void => {
    const h = highlightFor(kind);
    if (h && !h.has(r)) {
      h.add(r);
      total++;
    }
  };
  const unpaint = (kind: MatchKind, r: AbstractRange): void => {
    if (highlights.get(kind)?.delete(r)) total--;
  };
  const nearby = createNearTracker(makeWatch, nextFrame, (r, isNear) => {
    const kind = wanted.get(r);
    if (kind === undefined) return;
    if (isNear) paint(kind, r);
    else unpaint(kind, r);
  });
  const leaveNearMode = (): void => {
    nearby.stop();
    for (const [r, kind] of wanted) paint(kind, r);
  };

  function flush(): void {
    if (timer && win) (win as unknown as Window).clearTimeout(timer);
    timer = 0;
    for (const [kind, set] of pendingDelete) {
      for (const r of set) {
        if (wanted.get(r) !== kind) continue;
        wanted.delete(r);
        unpaint(kind, r);
        if (nearby.active) nearby.untrack(r);
      }
    }
    pendingDelete.clear();
    for (const [kind, set] of pendingAdd) {
      for (const r of set) {
        if (wanted.has(r)) continue;
        wanted.set(r, kind);
        if (nearby.active) {
          if (nearby.track(r)) paint(kind, r);
        } else if (supported) {
          paint(kind, r);
        }
      }
    }
    pendingAdd.clear();
    if (!nearby.active && supported && wanted.size > nearLimit) nearby.start(wanted.keys());
    else if (nearby.active && wanted.size < nearLimit / 2) leaveNearMode();
  }

  const highlightFor = (kind: MatchKind): Highlight | null => {
    if (!supported) return null;
    let h = highlights.get(kind);
    if (!h) {
      h = new Ctor!();
      highlights.set(kind, h);
      if (current.kinds[kind].enabled) registry!.set(highlightName(kind), h);
    }
    return h;
  };

  return {
    supported,
    get size() {
      return wanted.size;
    },
    add(kind, range) {
      if (!supported) return;
      if (pendingDelete.get(kind)?.delete(range)) return;
      queue(pendingAdd, kind, range);
    },
    delete(kind, range) {
      if (!supported) return;
      if (pendingAdd.get(kind)?.delete(range)) return;
      queue(pendingDelete, kind, range);
    },
    flush,
    apply(settings) {
      current = settings;
      const next = highlightCss(settings);
      sheet.replaceSync(next);
      // Other colours now: the document needs our sheet even where the registered one styled it.
      if (next !== highlightCss(DEFAULT_SETTINGS)) adopt(doc);
      for (const root of roots) adopt(root);
      if (!registry) return;
      for (const kind of KINDS) {
        const h = highlights.get(kind);
        if (!h) continue;
        if (settings.kinds[kind].enabled) registry.set(highlightName(kind), h);
        else registry.delete(highlightName(kind));
      }
    },
    adoptInto(root) {
      adopt(root);
    },
    ensureAdopted() {
      for (const root of roots) if (root.nodeType === 9 || (root as ShadowRoot).host.isConnected) adopt(root);
    },
    dispose() {
      if (timer && win) (win as unknown as Window).clearTimeout(timer);
      timer = 0;
      pendingAdd.clear();
      pendingDelete.clear();
      nearby.stop();
      wanted.clear();
      for (const kind of KINDS) {
        const h = highlights.get(kind);
        if (h && registry?.get(highlightName(kind)) === h) registry.delete(highlightName(kind));
      }
      highlights.clear();
      for (const root of roots) {
        try {
          root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
        } catch {
          /* see adopt() */
        }
      }
      roots.clear();
    },
  };
}
