/**
 * The six header fields the converter wrote at the top of every body (Article, Product(s),
 * Version(s), Operating System(s), Keyword(s), Last Modified). They come from one line of the
 * original header, so they can be truncated or glued: the trailer copies win where both exist.
 */
import type { BodyLine } from './body-lines';

export interface Header {
  article: string | null;
  /** The category display name ("Microsoft Exchange"), not the product. */
  product: string | null;
  version: string | null;
  os: string | null;
  keywords: string | null;
  lastModified: string | null;
  /** Index into the body lines of the first line after the header. */
  end: number;
}

const FIELDS: ReadonlyArray<[RegExp, keyof Omit<Header, 'end'>]> = [
  [/^\s*Article\s*:\s?(.*)$/i, 'article'],
  [/^\s*Product\(s\)\s*:\s?(.*)$/i, 'product'],
  [/^\s*Version\(s\)\s*:\s?(.*)$/i, 'version'],
  [/^\s*Operating System\(s\)\s*:\s?(.*)$/i, 'os'],
  [/^\s*Keyword\(s\)\s*:\s?(.*)$/i, 'keywords'],
  [/^\s*Last Modified\s*:\s?(.*)$/i, 'lastModified'],
];

export function readHeader(lines: readonly BodyLine[]): Header {
  const h: Header = {
    article: null,
    product: null,
    version: null,
    os: null,
    keywords: null,
    lastModified: null,
    end: 0,
  };
  let seen = 0;
  // The header is the first block; a hand-made article may put blank lines before it.
  for (let i = 0; i < Math.min(lines.length, 20); i++) {
    const text = lines[i]!.text;
    const field = FIELDS.find(([re]) => re.test(text));
    if (field) {
      const value = field[0].exec(text)![1]!.trim();
      if (h[field[1]] === null) h[field[1]] = value;
      seen++;
      h.end = i + 1;
      continue;
    }
    if (seen > 0 && text.trim() !== '') break;
  }
  return h;
}

/** Header keywords: MSPL articles separate them with "|", the rest with spaces. */
export function splitKeywords(value: string): string[] {
  return value
    .split(/[\s|]+/)
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
}
