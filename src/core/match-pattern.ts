/**
 * WebExtension match patterns ("https://*.zendesk.com/*"): does a URL fall under one, and which
 * pattern turns KB Lens on for a page's site. Pure, so the popup, the background and tests agree.
 */

/** The pattern that covers a page's whole site, or null for pages an extension cannot run on. */
export function sitePatternFor(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  // Chrome ignores ports in match patterns: http://127.0.0.1/* covers every port.
  return `${u.protocol}//${u.hostname}/*`;
}

/** Patterns longer than this are not site patterns anyone means; they are refused, not matched. */
const MAX_PATTERN_LENGTH = 2048;
const SITE_PATTERN = /^(\*|https?):\/\/(\*|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])(:\d{1,5})?\/[^\s]*$/i;

/**
 * A match pattern KB Lens can be turned on for: http, https or * scheme, a host (optionally
 * "*." before it, or "*" alone) and a path. Patterns from policy, storage or an import are
 * checked with this before they reach the browser, which rejects a whole registration for one
 * bad pattern.
 */
export function isSitePattern(pattern: unknown): pattern is string {
  return typeof pattern === 'string' && pattern.length <= MAX_PATTERN_LENGTH && SITE_PATTERN.test(pattern);
}

export function matchesPattern(url: string, pattern: string): boolean {
  if (pattern === '<all_urls>') return /^(https?|file|ftp):/.test(url);
  const m = /^(\*|https?|file|ftp):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const protocol = u.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (u.hostname !== base && !u.hostname.endsWith('.' + base)) return false;
    } else if (u.hostname !== host.replace(/:\d+$/, '')) {
      return false;
    }
  }
  return globMatches(path, u.pathname + u.search);
}

/**
 * "*" matches any run of characters. The pieces between stars are found left to right, each
 * at its first place after the one before: that first place never loses a match, so there is
 * no backtracking (a RegExp of ".*" pieces backtracks exponentially in the number of stars).
 */
export function globMatches(glob: string, text: string): boolean {
  const pieces = glob.split('*');
  if (pieces.length === 1) return glob === text;
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (first.length + last.length > text.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const stop = text.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    if (piece === '') continue;
    const found = text.indexOf(piece, at);
    if (found === -1 || found + piece.length > stop) return false;
    at = found + piece.length;
  }
  return true;
}

/** The same page: equal addresses apart from the fragment (in-page links do not navigate). */
export function sameDocument(a: string, b: string): boolean {
  const cut = (u: string) => (u.includes('#') ? u.slice(0, u.indexOf('#')) : u);
  return cut(a) === cut(b);
}
