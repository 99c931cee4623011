import type { MatchKind } from '../messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';

export const KINDS: readonly MatchKind[] = ['q', 'ndr', 'error', 'build'];

/**
 * The default rules as a file in the package (written by the build, build-config/content-assets.ts),
 * registered as the content script's stylesheet on the sites that are on (background/sites.ts):
 * the browser applies it before the page renders, with no script. Adopting a sheet into a big
 * page after it rendered restyles all of it (1.1 s in one frame on a 16 MB ticket).
 */
export const HIGHLIGHT_CSS_FILE = 'assets/kblens-highlights.css';

export function highlightName(kind: MatchKind): string {
  return `kblens-${kind}`;
}

/** The ::highlight rules for the current settings. Colours are validated again: they end up in CSS. */
export function highlightCss(settings: Pick<Settings, 'kinds'>): string {
  return KINDS.map((kind) => {
    const c = settings.kinds[kind].color;
    const color = /^#[0-9a-f]{6}$/i.test(c) ? c : '#fde68a';
    // Dark text on the pastel fill stays readable on dark pages; the dotted underline says "hover me".
    return `::highlight(${highlightName(kind)}){background-color:${color};color:#111827;text-decoration:underline dotted 1px}`;
  }).join('\n');
}

/** "#fde68a" as getComputedStyle spells it: "rgb(253, 230, 138)". */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/**
 * Whether the registered stylesheet already styles this document's highlights. Frames the
 * registration does not reach (about:blank, srcdoc) and shadow roots do not have it, and Firefox
 * may not compute ::highlight styles: all of those get an adopted sheet instead.
 */
export function hasRegisteredRules(doc: Document): boolean {
  try {
    const view = doc.defaultView;
    if (!view || !doc.documentElement) return false;
    return KINDS.every(
      (kind) => view.getComputedStyle(doc.documentElement, `::highlight(${highlightName(kind)})`).backgroundColor === rgb(DEFAULT_SETTINGS.kinds[kind].color),
    );
  } catch {
    return false;
  }
}
