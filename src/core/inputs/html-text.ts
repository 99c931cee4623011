/**
 * The text of an HTML document, as a reader sees it: tags dropped, entities decoded, block
 * elements and <br> turned into line breaks, script/style/head content skipped. A linear scan
 * rather than regexes over the whole document, so unbalanced or hostile markup costs the same
 * as any other.
 */
const SKIP = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'svg']);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  copy: '©',
  reg: '®',
  trade: '™',
  bull: '•',
  middot: '·',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '\ufffd';
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

export function htmlToText(html: string): string {
  const out: string[] = [];
  let i = 0;
  let skipping: string | null = null;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (!skipping && textEnd > i) out.push(decodeEntities(html.slice(i, textEnd)));
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt === -1) {
      // An unclosed "<" is text, as a browser would show it.
      if (!skipping) out.push(html.slice(lt));
      break;
    }
    const m = /^<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, Math.min(gt + 1, lt + 64)));
    if (!m) {
      if (!skipping) out.push(html.slice(lt, gt + 1));
      i = gt + 1;
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (skipping) {
      if (closing && tag === skipping) skipping = null;
    } else if (!closing && SKIP.has(tag) && html[gt - 1] !== '/') {
      skipping = tag;
    } else if (BLOCK.has(tag)) {
      out.push('\n');
    } else if (tag === 'td' || tag === 'th') {
      out.push('\t');
    }
    i = gt + 1;
  }
  return collapseBlankLines(out.join('')).trim();
}

/**
 * Runs of blank lines become one blank line, and a line followed by one loses its trailing
 * blanks. One pass over the lines: the regex this replaces retried its `[ \t]*` at every space
 * of a long run and took seconds on 100 KB of whitespace.
 */
export function collapseBlankLines(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let blank = false; // a blank line is pending since the last kept line
  for (const line of lines) {
    if (isBlank(line)) {
      if (out.length) blank = true;
      continue;
    }
    if (blank) {
      out[out.length - 1] = trimEndBlanks(out[out.length - 1]!) + '\n';
      blank = false;
    }
    out.push(line);
  }
  // Trailing blank lines were dropped; the caller trims the ends anyway.
  return out.join('\n');
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function trimEndBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return line.slice(0, end);
}

/** A cheap guess whether a text is HTML rather than plain text that mentions a tag. */
export function looksLikeHtml(text: string): boolean {
  return (
    /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text) ||
    /<(div|p|br|table|span)[\s>/]/i.test(text.slice(0, 4096))
  );
}
