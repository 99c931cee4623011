import type { MatchKind } from '../messaging/protocol';
import type { Settings } from '../core/settings';

export const KINDS: readonly MatchKind[] = ['q', 'ndr', 'error'];

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
