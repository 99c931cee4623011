/**
 * The highlight styles as CSS text, from the settings: written by the build as the registered
 * stylesheet file, adopted by the lens where that file does not reach or other colours are set.
 */
import { MATCH_KINDS, type MatchKind } from './match/kinds';
import type { Settings } from './settings';

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
  return MATCH_KINDS.map((kind) => {
    const c = settings.kinds[kind].color;
    const color = /^#[0-9a-f]{6}$/i.test(c) ? c : '#fde68a';
    // Dark text on the pastel fill stays readable on dark pages; the dotted underline says "hover me".
    return `::highlight(${highlightName(kind)}){background-color:${color};color:#111827;text-decoration:underline dotted 1px}`;
  }).join('\n');
}
