import { htmlToText } from './html-text';

/**
 * The readable text of an e-mail message (.eml): headers unfolded, multipart walked, bodies
 * decoded from quoted-printable or base64 in their charset, HTML parts turned into text, and the
 * attached original of a bounce (message/rfc822, message/delivery-status) included, because
 * that is where the NDR's diagnostic lines are.
 */
export interface MailText {
  subject: string;
  text: string;
  /** Problems met while decoding (a part with an unknown encoding, a depth limit): named, not fatal. */
  problems: string[];
}

const MAX_DEPTH = 8;
const MAX_PARTS = 200;

interface Part {
  headers: Map<string, string>;
  body: string;
}

export function readMail(raw: string): MailText {
  const problems: string[] = [];
  const texts: string[] = [];
  const root = splitPart(raw.replace(/\r\n?/g, '\n'));
  let parts = 0;

  const walk = (part: Part, depth: number, path: string) => {
    if (++parts > MAX_PARTS) {
      if (parts === MAX_PARTS + 1) problems.push(`more than ${MAX_PARTS} MIME parts: the rest were not read`);
      return;
    }
    if (depth > MAX_DEPTH) {
      problems.push(`part ${path}: nested deeper than ${MAX_DEPTH} levels, not read`);
      return;
    }
    const { type, params } = contentType(part.headers.get('content-type'));
    if (type.startsWith('multipart/')) {
      const boundary = params.get('boundary');
      if (!boundary) {
        problems.push(`part ${path}: ${type} without a boundary, read as text`);
        texts.push(part.body);
        return;
      }
      splitMultipart(part.body, boundary).forEach((p, i) => walk(splitPart(p), depth + 1, `${path}.${i + 1}`));
      return;
    }
    if (type === 'message/rfc822' || type === 'message/global') {
      const inner = splitPart(decodeBody(part, problems, path));
      const subject = inner.headers.get('subject');
      if (subject) texts.push(`Subject: ${decodeWords(subject)}`);
      walk(inner, depth + 1, `${path}.1`);
      return;
    }
    if (type === 'message/rfc822-headers' || type === 'text/rfc822-headers') {
      texts.push(decodeBody(part, problems, path));
      return;
    }
    if (!type.startsWith('text/') && !type.startsWith('message/')) return; // attachments: images, zips
    const body = decodeBody(part, problems, path);
    texts.push(type === 'text/html' ? htmlToText(body) : body);
  };

  walk(root, 0, '1');
  return { subject: decodeWords(root.headers.get('subject') ?? ''), text: texts.join('\n\n').trim(), problems };
}

function splitPart(raw: string): Part {
  const blank = raw.search(/\n\n/);
  const head = blank === -1 ? raw : raw.slice(0, blank);
  const body = blank === -1 ? '' : raw.slice(blank + 2);
  const headers = new Map<string, string>();
  // A part that starts straight with a body (no headers) has a first line with no colon-name.
  if (!/^[!-9;-~]+:/.test(head)) return { headers, body: raw };
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
    }
  }
  return { headers, body };
}

function contentType(value: string | undefined): { type: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  if (!value) return { type: 'text/plain', params };
  const [type = 'text/plain', ...rest] = value.split(';');
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq > 0)
      params.set(
        p.slice(0, eq).trim().toLowerCase(),
        p
          .slice(eq + 1)
          .trim()
          .replace(/^"(.*)"$/, '$1'),
      );
  }
  return { type: type.trim().toLowerCase(), params };
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const out: string[] = [];
  const lines = body.split('\n');
  let current: string[] | null = null;
  for (const line of lines) {
    if (line.startsWith(delimiter)) {
      if (current) out.push(current.join('\n'));
      current = line.startsWith(`${delimiter}--`) ? null : [];
      if (!current && line.startsWith(`${delimiter}--`)) break;
      continue;
    }
    current?.push(line);
  }
  if (current) out.push(current.join('\n'));
  return out;
}

function decodeBody(part: Part, problems: string[], path: string): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase().trim();
  const charset = contentType(part.headers.get('content-type')).params.get('charset') ?? 'utf-8';
  let bytes: Uint8Array;
  if (encoding === 'base64') bytes = base64Bytes(part.body);
  else if (encoding === 'quoted-printable') bytes = quotedPrintableBytes(part.body);
  else {
    if (!['7bit', '8bit', 'binary'].includes(encoding))
      problems.push(`part ${path}: unknown transfer encoding "${encoding}", read as is`);
    return part.body;
  }
  return decodeCharset(bytes, charset, problems, path);
}

function decodeCharset(bytes: Uint8Array, charset: string, problems: string[], path: string): string {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    problems.push(`part ${path}: unknown charset "${charset}", read as UTF-8`);
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function base64Bytes(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let bits = 0,
    value = 0,
    o = 0;
  for (const ch of clean) {
    value = (value << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

/**
 * Quoted-printable to bytes. Characters outside ASCII (a QP body should have none, but pasted
 * mail does) are encoded as UTF-8 by code point: a character beyond U+FFFF is two UTF-16 units,
 * and encoding each half alone gave two U+FFFD. One linear pass.
 */
export function quotedPrintableBytes(s: string): Uint8Array {
  const text = s.replace(/=\r?\n/g, ''); // soft line breaks
  // At most 3 bytes per UTF-16 unit (4 per surrogate pair): one buffer, no array of numbers.
  const out = new Uint8Array(text.length * 3);
  const utf8 = new TextEncoder();
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 61 /* = */ && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
      out[o++] = parseInt(text.slice(i + 1, i + 3), 16);
      i += 2;
    } else if (c < 128) {
      out[o++] = c;
    } else {
      const cp = text.codePointAt(i)!;
      o += utf8.encodeInto(String.fromCodePoint(cp), out.subarray(o)).written;
      if (cp > 0xffff) i++;
    }
  }
  return out.subarray(0, o);
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** RFC 2047 encoded words in headers: =?utf-8?Q?Undeliverable=3A_Test?= */
export function decodeWords(value: string): string {
  return value.replace(
    /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=\s*(?==\?)|=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g,
    (_m, c1, e1, t1, c2, e2, t2) => {
      const charset = (c1 ?? c2) as string;
      const enc = ((e1 ?? e2) as string).toUpperCase();
      const text = (t1 ?? t2) as string;
      const bytes = enc === 'B' ? base64Bytes(text) : quotedPrintableBytes(text.replace(/_/g, ' '));
      return decodeCharset(bytes, charset, [], 'header');
    },
  );
}
