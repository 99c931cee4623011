/**
 * Spaces other than ASCII's that separate words within a line: the no-break space a page's
 * "&nbsp;" becomes, the figure, thin, narrow no-break and ideographic spaces a word processor or a
 * locale puts between a label and its number ("KB\u202f227142"). Each is one UTF-16 unit, like " ",
 * so a copy of a text with them made spaces keeps every offset. The tokeniser, the cue noting and
 * the KB-reference finders all read them through this one class, so a cued scan and a full scan
 * agree on them.
 */
const CLASS = '\\u00a0\\u1680\\u2000-\\u200b\\u202f\\u205f\\u3000';

export const HARD_SPACE = new RegExp(`[${CLASS}]`);
const HARD_SPACES = new RegExp(`[${CLASS}]`, 'g');

export function isHardSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** `text` with each of those spaces made " " (same length, same offsets). */
export function withPlainSpaces(text: string): string {
  return HARD_SPACE.test(text) ? text.replace(HARD_SPACES, ' ') : text;
}
