import type { MatchKind } from '../messaging/protocol';
import type { Settings } from '../core/settings';

/**
 * Paints matches with the CSS Custom Highlight API: one named highlight per kind, styled by a
 * constructable stylesheet. No node of the page changes (no <mark> wrapping: that forces layout,
 * ~125 ms per 1,000 matches, and breaks framework-owned DOM; perf-anchors §4, anchors §3.3), and a
 * constructable sheet is not subject to the page's style-src CSP.
 */
export const KINDS: readonly MatchKind[] = ['q', 'ndr', 'error'];

export function highlightName(kind: MatchKind): string {
  return `kblens-${kind}`;
}

/** The ::highlight rules for the current settings. Colours are validated again: they end up in CSS. */
export function highlightCss(settings: Settings): string {
  return KINDS.map((kind) => {
    const c = settings.kinds[kind].color;
    const color = /^#[0-9a-f]{6}$/i.test(c) ? c : '#fde68a';
    // Dark text on the pastel fill stays readable on dark pages; the dotted underline says "hover me".
    return `::highlight(${highlightName(kind)}){background-color:${color};color:#111827;text-decoration:underline dotted 1px}`;
  }).join('\n');
}

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
  dispose(): void;
}

/** One per document: highlight registries and adopted sheets belong to a document. */
export function createHighlighter(doc: Document, settings: Settings): Highlighter {
  const win = doc.defaultView as unknown as HighlightWindow | null;
  const registry = win?.CSS?.highlights;
  const Ctor = win?.Highlight;
  const supported = Boolean(registry && Ctor);
  let current = settings;
  const highlights = new Map<MatchKind, Highlight>();
  // The sheet must come from the document's own realm to be adoptable there.
  const sheet = new (win?.CSSStyleSheet ?? CSSStyleSheet)();
  sheet.replaceSync(highlightCss(settings));
  const roots = new Set<Document | ShadowRoot>([doc]);

  const adopt = (root: Document | ShadowRoot): void => {
    try {
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      // A frozen or foreign array: the highlights still exist, only unstyled in that root.
    }
  };
  adopt(doc);

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
  function flush(): void {
    if (timer && win) (win as unknown as Window).clearTimeout(timer);
    timer = 0;
    for (const [kind, set] of pendingDelete) {
      const h = highlights.get(kind);
      if (h) for (const r of set) if (h.delete(r)) total--;
    }
    pendingDelete.clear();
    for (const [kind, set] of pendingAdd) {
      const h = highlightFor(kind);
      if (h) for (const r of set) {
        h.add(r);
        total++;
      }
    }
    pendingAdd.clear();
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
      sheet.replaceSync(highlightCss(settings));
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
      roots.add(root);
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
