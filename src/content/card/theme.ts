/**
 * Light or dark card. The page's own background decides when it has one (a dark help desk on a
 * light OS still wants a dark card); otherwise the OS preference does.
 */
export type Theme = 'light' | 'dark';

/** "rgb(12, 34, 56)", "rgba(0,0,0,0.5)", "#1e293b", "#fff" -> [r, g, b, alpha]; null if unreadable. */
export function parseColor(css: string): [number, number, number, number] | null {
  const s = css.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(s);
  if (hex) {
    const v = hex[1]!;
    const full = v.length === 3 ? [...v].map((c) => c + c).join('') : v;
    return [parseInt(full.slice(0, 2), 16), parseInt(full.slice(2, 4), 16), parseInt(full.slice(4, 6), 16), 1];
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(s);
  if (fn) {
    const a = fn[4] === undefined ? 1 : fn[4].endsWith('%') ? parseFloat(fn[4]) / 100 : parseFloat(fn[4]);
    return [Number(fn[1]), Number(fn[2]), Number(fn[3]), a];
  }
  if (s === 'transparent') return [0, 0, 0, 0];
  return null;
}

/** WCAG relative luminance, 0 (black) .. 1 (white). */
export function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number): number => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

/** Whether the page paints a dark background; null when it paints none (transparent body and root). */
export function pageIsDark(backgrounds: readonly string[]): boolean | null {
  for (const bg of backgrounds) {
    const c = parseColor(bg);
    if (c && c[3] >= 0.5) return luminance(c) < 0.4;
  }
  return null;
}

export function chooseTheme(pageDark: boolean | null, prefersDark: boolean): Theme {
  if (pageDark !== null) return pageDark ? 'dark' : 'light';
  return prefersDark ? 'dark' : 'light';
}

/** Reads the page: body first (most apps paint there), then the root element. */
export function themeOf(doc: Document): Theme {
  const win = doc.defaultView;
  if (!win) return 'light';
  const bgs: string[] = [];
  for (const el of [doc.body, doc.documentElement]) {
    if (el) bgs.push(win.getComputedStyle(el).backgroundColor);
  }
  const prefersDark = typeof win.matchMedia === 'function' && win.matchMedia('(prefers-color-scheme: dark)').matches;
  return chooseTheme(pageIsDark(bgs), prefersDark);
}
