/**
 * Spaces other than ASCII's that separate words within a line: the no-break space a page's
 * "&nbsp;" becomes, the figure, thin, narrow no-break and ideographic spaces a word processor or a
 * locale puts between a label and its number ("KB\u202f227142"). Each is one UTF-16 unit, like " ",
 * so a copy of a text with them made spaces keeps every offset. The tokeniser, the cue noting and
 * the KB-reference finders all read them through this one class, so a cued scan and a full scan
 * agree on them.
 */
// The code points as inclusive ranges: the regex class and isHardSpace are both read from this one list.
const RANGES: readonly (readonly [number, number])[] = [
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200b],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
];
const hex = (c: number) => '\\u' + c.toString(16).padStart(4, '0');
const CLASS = RANGES.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join('');

export const HARD_SPACE = new RegExp(`[${CLASS}]`);
const HARD_SPACES = new RegExp(`[${CLASS}]`, 'g');

export function isHardSpace(c: number): boolean {
  // Most characters a tokeniser reads are below the first range.
  if (c < 0xa0) return false;
  for (const [lo, hi] of RANGES) if (c >= lo && c <= hi) return true;
  return false;
}

/** `text` with each of those spaces made " " (same length, same offsets). */
export function withPlainSpaces(text: string): string {
  return HARD_SPACE.test(text) ? text.replace(HARD_SPACES, ' ') : text;
}
