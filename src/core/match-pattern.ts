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
  return globToRegExp(path).test(u.pathname + u.search);
}

function globToRegExp(glob: string): RegExp {
  return new RegExp('^' + glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
}
