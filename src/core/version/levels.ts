/**
 * The one owner of how a service-pack level is written: "SP4", "SP 6a", "Service Pack 2", "SP-2",
 * and the service releases of the era's suites ("SR-1", "Service Release 2", one numbering line
 * with their service packs: Office 2000 SR-1 is followed by SP2). Every pattern that reads a level
 * (after a product, before it, alone, in a Version(s) line, in a version dialog) is built from
 * these sources, so a new way of writing one is learnt once. The sources work with and without
 * the `i` flag (the words carry their own case classes).
 */

const WS = '[\\s\\u00a0]';

/** The word of a level, any case: "SP", "sp", "SR", "Service Pack", "service release". */
export const LEVEL_WORD = `(?:[Ss][PpRr]|[Ss][Ee][Rr][Vv][Ii][Cc][Ee]${WS}{1,3}(?:[Pp][Aa][Cc][Kk]|[Rr][Ee][Ll][Ee][Aa][Ss][Ee]))`;

/** Between the word and its number: "SP4", "SP 4", "SP-2", "SR - 1". */
const LEVEL_GAP = `(?:${WS}{0,2}-${WS}{0,2}|${WS}{0,3})`;

/** A level with its number in one capture group ("4", "6a"), not glued to a longer word or number. */
export const LEVEL = `${LEVEL_WORD}${LEVEL_GAP}(\\d{1,2}[a-zA-Z]?)(?![\\w])`;

/**
 * The release itself or the newest level, in words: "RTM", "gold", "SP0", "no SP", "without a
 * service pack", "Word 97 (no SR)", "the original release", "with the latest service pack".
 */
export const RELEASE_WORDS =
  `(?:rtm|gold|sp${WS}{0,3}0|(?:with${WS}{1,3})?no${WS}{1,3}(?:sp|sr|service${WS}{1,3}(?:packs?|releases?))` +
  `|without${WS}{1,3}(?:a${WS}{1,3}|any${WS}{1,3})?(?:sp|sr|service${WS}{1,3}(?:packs?|releases?))` +
  `|(?:the${WS}{1,3})?(?:original|initial)${WS}{1,3}release|(?:with${WS}{1,3})?(?:the${WS}{1,3})?latest${WS}{1,3}(?:sp|service${WS}{1,3}pack))(?![a-z0-9])`;

const SERVICE_RELEASE_RE = new RegExp(
  `(?<![\\w])(?:[Ss][Rr]|[Ss][Ee][Rr][Vv][Ii][Cc][Ee]${WS}{1,3}[Rr][Ee][Ll][Ee][Aa][Ss][Ee])(?=${LEVEL_GAP}\\d{1,2}[a-zA-Z]?(?![\\w]))`,
  'g',
);

/** Where a level is written as a service release ("SR-1", "SR 2", "Service Release 1a"): the word's span. */
export function serviceReleaseWords(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  SERVICE_RELEASE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SERVICE_RELEASE_RE.exec(text)) && out.length < 100)
    out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The level as records and mentions keep it: lower case ("6A" -> "6a"). */
export function normalLevel(number: string): string {
  return number.toLowerCase();
}

/** The service pack release words name: "rtm" -> "0", "with the latest service pack" -> "latest". */
export function releaseLevel(words: string | undefined): string | null {
  if (!words) return null;
  return /latest/i.test(words) ? 'latest' : '0';
}

/**
 * A level said of the product named right after it: "with SP2 of the Option Pack", "SP3 for the
 * Proxy Server". Not the level of the product before it. Not "SR-2 for Windows" (a platform).
 * Case-sensitive: the name starts with a capital.
 */
const LEVEL_OF_NAMED =
  /^[\s\u00a0]{1,3}(?:of|for[\s\u00a0]{1,3}the)[\s\u00a0]{1,3}(?:the[\s\u00a0]{1,3})?(?:Microsoft[\s\u00a0]{1,3})?[A-Z]/;

/** Whether the level ending at `at` in `text` belongs to a product named after it (LEVEL_OF_NAMED). */
export function levelOfProductAfter(text: string, at: number): boolean {
  return LEVEL_OF_NAMED.test(text.slice(at, at + 60));
}
