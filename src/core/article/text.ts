/**
 * Small text helpers shared by the article parser's modules.
 */

/** Collapses every run of whitespace (including no-break spaces) to one space and trims. */
export function collapse(text: string): string {
  // JavaScript's \s already covers the no-break space.
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Mends the hyphens the original 80-column wrapping left behind: "non- delivery" -> "non-delivery".
 * Only a lower-case letter on both sides counts, so "Windows NT - Server" and "- or -" survive.
 */
export function mendWrapHyphens(text: string): string {
  return text.replace(/([a-z])- (?=[a-z])/g, '$1-');
}

/**
 * Splits prose into sentences. "U.S." and "e.g."/"i.e." would end a sentence early, and "4.0" or
 * "5.5.2591.0" must never be cut, so a sentence only ends at [.!?] followed by a space and a
 * capital letter, a digit-free opener, or the end of the text.
 */
export function sentences(text: string): string[] {
  const protectedText = text
    .replace(/\bU\.S\./g, 'US')
    .replace(/\b(e\.g|i\.e|etc|approx|Inc|Corp|Ltd|vs|Mr|Dr|No)\./g, '$1\u0001');
  const out: string[] = [];
  let last = 0;
  const re = /[.!?](?=\s+["'(]?[A-Z])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(protectedText))) {
    out.push(protectedText.slice(last, m.index + 1));
    last = m.index + 1;
  }
  out.push(protectedText.slice(last));
  return out.map((s) => s.replace(/\u0001/g, '.').trim()).filter((s) => s.length > 0);
}

/** Removes a leading "Microsoft " (and "The Microsoft "), which the normalised names leave out. */
export function withoutMicrosoft(name: string): string {
  return name.replace(/^(?:the\s+)?microsoft(?:'s)?\s+/i, '').trim();
}

/** Unique values in first-seen order. */
export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** Unique strings, compared case-insensitively, first spelling kept. */
export function uniqueNoCase(items: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of items) {
    const k = s.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}
