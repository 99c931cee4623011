import { MATCH_KINDS } from '../core/match/kinds';
import { highlightName } from '../core/highlight-style';
import { DEFAULT_SETTINGS } from '../core/settings';

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
    return MATCH_KINDS.every(
      (kind) =>
        view.getComputedStyle(doc.documentElement, `::highlight(${highlightName(kind)})`).backgroundColor ===
        rgb(DEFAULT_SETTINGS.kinds[kind].color),
    );
  } catch {
    return false;
  }
}
