/**
 * How a long text is cut into the windows the matcher scans: each window owns its first part (a
 * match starting there is the window's) and carries an overlap after it, so a match cut by a
 * window's edge is found whole in the window before and never twice. One rule, used by the lens
 * (content/scanner.ts), the probe (content/probe.ts) and the bench.
 */

/** Owned characters per window: one message from the page to the background. */
export const WINDOW_CHARS = 32_768;
/** Characters after the owned part: the longest match that is always found whole. */
export const WINDOW_OVERLAP = 2_048;
/** How far back from the nominal edge a cut looks for whitespace. */
const CUT_SEARCH = 256;

export interface TextWindow {
  text: string;
  /** Offset of text[0] in the whole text. */
  from: number;
  /** Matches starting before this offset (in the whole text) belong to this window. */
  ownTo: number;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
}

/**
 * Cuts text that arrives piece by piece. `take(false)` gives a window only once a whole window
 * and its overlap have arrived; `take(true)` also gives the rest.
 */
export class WindowCutter {
  private text = '';
  /** Offset of this.text[0] in the whole text. */
  private base = 0;
  /** Characters appended so far. */
  length = 0;
  /** Start of the part no window owns yet. */
  private own = 0;

  constructor(
    private readonly chars = WINDOW_CHARS,
    private readonly overlap = WINDOW_OVERLAP,
  ) {}

  append(piece: string): void {
    this.text += piece;
    this.length += piece.length;
  }

  /** Nothing left that no window owns. */
  get empty(): boolean {
    return this.length <= this.own;
  }

  take(final: boolean): TextWindow | null {
    const pending = this.length - this.own;
    if (pending <= 0 || (!final && pending < this.chars + this.overlap)) return null;
    const last = final && pending <= this.chars + this.overlap;
    const ownTo = last ? this.length : this.cutAfterSpace(this.own + this.chars, this.own + 1);
    const end = last ? this.length : Math.min(this.length, ownTo + this.overlap);
    const window: TextWindow = { text: this.text.slice(this.own - this.base, end - this.base), from: this.own, ownTo };
    this.own = ownTo;
    this.text = this.text.slice(ownTo - this.base);
    this.base = ownTo;
    return window;
  }

  /** Just after the last whitespace before `at`, so the next window starts on a word. */
  private cutAfterSpace(at: number, minAt: number): number {
    const lo = Math.max(minAt, at - CUT_SEARCH);
    for (let g = at; g > lo; g--) if (isSpace(this.text.charCodeAt(g - 1 - this.base))) return g;
    return at;
  }
}

/** A whole text's windows. */
export function windowsOf(text: string, chars = WINDOW_CHARS, overlap = WINDOW_OVERLAP): TextWindow[] {
  const cutter = new WindowCutter(chars, overlap);
  cutter.append(text);
  const out: TextWindow[] = [];
  for (let w = cutter.take(true); w; w = cutter.take(true)) out.push(w);
  return out;
}
