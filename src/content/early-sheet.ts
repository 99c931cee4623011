import { DEFAULT_SETTINGS } from '../core/settings';
import { highlightCss } from './highlight-css';

/**
 * The highlight stylesheet, adopted at document_start while the page is still empty. Adopting a
 * sheet later, into a rendered page, restyles every element of it: 1.1 s in one frame on a 16 MB
 * ticket (the ::highlight rules match any element). The lens, injected much later, picks this
 * sheet up instead of adopting its own (highlighter.ts). The content scripts of one frame share
 * their isolated world, so a global is how they hand the sheet over; the page never sees it.
 */
export interface EarlySheet {
  sheet: CSSStyleSheet;
  /** The rules it holds: the lens rewrites them only when the agent's colours differ. */
  css: string;
}

const KEY = '__kblensEarlySheet';
type Holder = { [KEY]?: EarlySheet };

export function adoptEarlySheet(doc: Document, holder: object = globalThis): EarlySheet | null {
  const h = holder as Holder;
  if (h[KEY]) return h[KEY];
  try {
    const css = highlightCss(DEFAULT_SETTINGS);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return (h[KEY] = { sheet, css });
  } catch {
    // No constructable sheets (or a frozen array): the lens adopts its own later, as before.
    return null;
  }
}

/** The early sheet of this frame's own document, once; other documents (frames, tests) get none. */
export function takeEarlySheet(doc: Document, holder: object = globalThis): EarlySheet | null {
  const h = holder as Holder & { document?: Document };
  const early = h[KEY];
  if (!early || h.document !== doc) return null;
  delete h[KEY];
  return early;
}
