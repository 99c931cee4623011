/**
 * A view of ticket text in which quoting, re-wrapping and folding no longer matter: quote markers
 * at line starts ("> ", "> > ", "| ") are dropped, a blank line becomes one "\n" (a paragraph
 * break) and every other run of white space one " ". `origin[i]` is the offset in the original
 * text of the flat text's character i, so anything found in the flat text maps back.
 */
export interface FlatText {
  text: string;
  origin: Int32Array;
}

const QUOTE_PREFIX = /^[ \t]*(?:[>|][ \t]?)+/;

/**
 * Text read from a web page where each line ended in <br> and a source line break has a blank
 * line after every line: there, one blank line is a line break and only more make a paragraph.
 */
function blankAfterEveryLine(src: string, from: number, to: number): boolean {
  const lines = src
    .slice(from, to)
    .split('\n')
    .map((l) => l.replace(QUOTE_PREFIX, '').trim() === '');
  let text = 0;
  let joined = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]) continue;
    text++;
    if (lines[i + 1] === false) joined++;
  }
  return text >= 6 && joined <= 0.1 * text;
}

export function flatten(src: string, from = 0, to = src.length): FlatText {
  const spacedOut = blankAfterEveryLine(src, from, to);
  let blankRun = 0;
  const out: string[] = [];
  const origin: number[] = [];
  let pendingSpace = -1; // offset of a pending single space, -1 when none
  let pendingBreak = -1; // offset of a pending paragraph break
  let lineStart = from;
  while (lineStart <= to) {
    let lineEnd = src.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    let i = lineStart;
    const q = QUOTE_PREFIX.exec(src.slice(lineStart, Math.min(lineEnd, lineStart + 40)));
    if (q) i += q[0].length;
    let blank = true;
    for (; i < lineEnd; i++) {
      const c = src.charCodeAt(i);
      // space, tab, CR, NBSP, form feed
      if (c === 32 || c === 9 || c === 13 || c === 160 || c === 12) {
        if (pendingSpace < 0) pendingSpace = i;
        continue;
      }
      if (blank) {
        blank = false;
        if (pendingBreak >= 0 && out.length) {
          out.push('\n');
          origin.push(pendingBreak);
        } else if (out.length) {
          out.push(' ');
          origin.push(pendingSpace >= 0 ? pendingSpace : lineStart);
        }
        pendingBreak = -1;
      } else if (pendingSpace >= 0) {
        out.push(' ');
        origin.push(pendingSpace);
      }
      pendingSpace = -1;
      out.push(src[i]!);
      origin.push(i);
    }
    if (blank) blankRun++;
    else blankRun = 0;
    if (blank && pendingBreak < 0 && (!spacedOut || blankRun >= 2)) pendingBreak = lineStart;
    pendingSpace = -1;
    lineStart = lineEnd + 1;
  }
  return { text: out.join(''), origin: Int32Array.from(origin) };
}

/** Original offset of flat offset `i` (an end offset maps to one past the last character). */
export function toOriginal(flat: FlatText, i: number, isEnd = false): number {
  if (flat.origin.length === 0) return 0;
  if (isEnd) return i <= 0 ? flat.origin[0]! : flat.origin[Math.min(i, flat.origin.length) - 1]! + 1;
  return flat.origin[Math.min(i, flat.origin.length - 1)]!;
}
