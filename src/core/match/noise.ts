/**
 * What an article may quote but a ticket shows for other reasons: a product name ("Microsoft
 * Exchange"), a mail header line ("Content-Type: text/html; charset=..."), an event record's header
 * ("Event Type: Error Event Source: ESE97"), a reply separator ("-----Original Message-----"), and phrases common in ordinary prose. Such patterns are not
 * built (never highlighted nor listed); the rest are damped by how often articles that do not
 * quote them contain them anyway (their background frequency, counted at index-build time).
 */
import { informativeChars } from './pattern';
import { tokenWords } from './tokens';

const SEPARATOR_RE =
  /^[\s\-_=*~>.<|]*(?:original message(?: follows| body follows| text follows| headers?)?|forwarded message|begin forwarded message|forwarded by\b.{0,60}|message text follows|reply separator|end of (?:forwarded |original )?message)[\s\-_=*~.:<>|]*$/i;

/**
 * A mail header line starts with its field name (after a MIME boundary or a network trace's
 * "SMTP: Data =", where pasted), then ":" or "=".
 */
const HEADER_FIELD_RE =
  /^[\s\-=_"]*(?:NextPart\S*\s+|SMTP:\s*Data\s*=\s*|Data\s*=\s*)?(?:content-[a-z-]{2,30}|mime-version|message-id|x-[a-z0-9-]{1,40}|return-path|received|reply-to|in-reply-to|references|thread-(?:topic|index)|importance|priority|from|to|cc|bcc|subject|date(?: sent)?|sent|resent-[a-z-]{1,20}|return-receipt-to|disposition-notification-to|delivered-to|charset|boundary|encoding|(?:file[ ]?)?name)[ \t]{0,2}[:=]/i;

/** Words that mail header lines are made of, beside their values' numbers and hex runs. */
const HEADER_VOCAB = new Set(
  (
    'content type transfer encoding disposition description language length class id mime version message x ms ' +
    'return path received reply to in references thread topic index importance priority from cc bcc subject date sent ' +
    'resent receipt notification delivered charset boundary name filename text plain html rich enriched multipart mixed ' +
    'alternative related report delivery status rfc822 application octet stream tnef binhex40 mac base64 7bit 8bit quoted printable ' +
    'binary us ascii iso 8859 utf windows 1252 1250 smtp data attachment inline nextpart part normal high low ' +
    'mon tue wed thu fri sat sun jan feb mar apr may jun jul aug sep oct nov dec gmt ut pst est cst mst pdt edt cdt mdt'
  ).split(' '),
);

/** Words before or after a product name that leave it a product name. */
const LEADING = new Set(['microsoft', 'ms']);
// A version part or a year ("5", "0", "98", "2000"); a longer number is a code ("ASP 0115").
const TRAILING = /^(?:(?:\d{1,2}|19\d\d|20\d\d)[a-z]?|sp\d*|service|pack|version|edition|x64|x86|r2|bit)$/;

/**
 * Whether a short pattern is a product's name, or the start of one, with a version or edition
 * after it at most: "Microsoft Exchange", "Exchange Server", "Internet Explorer 5". `products`
 * holds the name starts productNamesOf made.
 */
export function isProductName(words: readonly (string | null)[], products: ReadonlySet<string>): boolean {
  if (words.length === 0 || words.length > 8 || words.some((w) => w === null)) return false;
  let a = 0;
  let b = words.length;
  while (a < b && LEADING.has(words[a]!)) a++;
  while (b > a && TRAILING.test(words[b - 1]!)) b--;
  return b > a && products.has(words.slice(a, b).join(' '));
}

/** Every start of every product name ("exchange", "exchange server"), without a leading "Microsoft". */
export function productNamesOf(products: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const p of products) {
    const w = tokenWords(p);
    let a = 0;
    while (a < w.length && LEADING.has(w[a]!)) a++;
    for (let b = a + 1; b <= w.length; b++) out.add(w.slice(a, b).join(' '));
  }
  return out;
}

/** The marks and words of a product's version banner ("Microsoft (R) Windows NT (TM) Version 4.0 (Build 1381)"). */
const BANNER_WORDS = new Set([
  'r',
  'tm',
  'c',
  'copyright',
  'corp',
  'corporation',
  'version',
  'build',
  'service',
  'pack',
  'sp',
  'all',
  'rights',
  'reserved',
]);

/**
 * A product's version banner, as winver or a Help > About box prints it: the product's name with
 * trademark marks, a version, a build, a service pack, a copyright line. A ticket shows it to say
 * which build it runs (a `build` match), not as an error.
 */
export function isVersionBanner(words: readonly (string | null)[], products: ReadonlySet<string>): boolean {
  if (words.length === 0 || words.length > 24 || words.some((w) => w === null)) return false;
  if (!words.some((w) => w === 'version' || w === 'build')) return false;
  const rest = words.filter((w) => !BANNER_WORDS.has(w!) && !/^\d+[a-z]?$/.test(w!));
  return isProductName(rest, products);
}

/** A mail header line or a run of them, with nothing beside header words and values. */
export function isHeaderLine(text: string, words: readonly (string | null)[]): boolean {
  if (!HEADER_FIELD_RE.test(text)) return false;
  const rest = words.map((w) =>
    w === null || HEADER_VOCAB.has(w) || /^[0-9a-f]*\d[0-9a-f]*$/.test(w) || w.length === 1 ? null : w,
  );
  return informativeChars(rest) < 8;
}

/**
 * A field of an event record's header, as Event Viewer prints or exports it ("Event Type:",
 * "Event Source:", "Category:", "Computer:"...). Not "Event ID" (a code that names the event) nor
 * "Description" (the message itself).
 */
const EVENT_FIELD_RE =
  /(?<![^\s"'([-])(?:event[ \t]?(?:type|source|category)|source|category|type|user|computer|date|time|task[ \t]category|level|keywords|log[ \t]name)[ \t]*:/gi;
/** Words a header field's value may have: a source or category name ("MSExchangeIS Private", "Logging/Recovery"). */
const EVENT_VALUE_WORDS = 5;

/**
 * An event record's header fields and nothing else: "Event Type: Error Event Source: ESE97 Event
 * Category: General", "Event Source: SNA Server". Every pasted event log has such lines, whatever
 * its event; the event ID and the description say which event it is, and are matched on their own.
 */
export function isEventHeader(text: string): boolean {
  const t = text.replace(/^[\s"'*>\u2022-]+/, '').replace(/[\s"'.]+$/, '');
  const fields = [...t.matchAll(EVENT_FIELD_RE)];
  if (fields.length === 0 || fields[0]!.index !== 0) return false;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const value = t.slice(f.index + f[0].length, i + 1 < fields.length ? fields[i + 1]!.index : t.length);
    // Another field (an "Event ID: 125", a "Description: ...") or a sentence: more than a header.
    if (value.includes(':') || tokenWords(value).length > EVENT_VALUE_WORDS) return false;
  }
  return true;
}

export function isSeparator(text: string): boolean {
  return SEPARATOR_RE.test(text.trim());
}

/** Page or mail furniture rather than a message: never worth a highlight. */
export function isFurniture(
  text: string,
  words: readonly (string | null)[],
  productWords: ReadonlySet<string>,
): boolean {
  return (
    isSeparator(text) ||
    isHeaderLine(text, words) ||
    isEventHeader(text) ||
    isProductName(words, productWords) ||
    isVersionBanner(words, productWords)
  );
}

/**
 * Background: how many articles that do not quote a pattern contain it anyway, out of `articles`.
 * A pattern found in this share of other articles, and in more of them than quote it, is ordinary
 * prose: not built.
 */
export const PROSE_SHARE = 0.001;
/** At least this many other articles before a pattern counts as prose, whatever the corpus size. */
export const PROSE_MIN = 12;

/** Whether a pattern found in `others` articles that do not quote it (`quoting` do; `articles` in all) is ordinary prose. */
export function isProse(others: number, quoting: number, articles: number): boolean {
  return others >= Math.max(PROSE_MIN, PROSE_SHARE * articles) && others >= 2 * quoting;
}

/**
 * A pattern's weight factor from its background: 1 while no more than about twice as many other
 * articles contain it as quote it (a specific message other articles mention too: the parser takes
 * its quotes from a few of the articles that discuss it), down to 1/2 at the prose limit.
 */
export function backgroundDamping(others: number, quoting: number, articles: number): number {
  const excess = others - 2 * quoting - 2;
  if (excess <= 0) return 1;
  const limit = Math.max(PROSE_MIN, PROSE_SHARE * articles);
  return 1 - 0.5 * Math.min(1, Math.log1p(excess) / Math.log1p(limit));
}
