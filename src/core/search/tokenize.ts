/**
 * The one tokeniser for both sides of search: the index builder and the query parser must cut text
 * the same way, or a term indexed one way is looked up another.
 *
 * Words are runs of letters and digits, lowercased, accents dropped. A run joined by dots or
 * underscores ("store.exe", "5.5.2591.0", "mapi_e_not_found") is kept whole as a *compound* as well
 * as split into its parts, so a file name or a build number can be matched exactly.
 *
 * A number glued to its unit ("64MB", "16bit", "100MHz", "640K", "1.44MB") is cut into the number
 * and the unit, the way the articles mostly write it ("64 MB", "16-bit"): "himem 64mb" and
 * "HIMEM.SYS ... 64 MB" then share their words.
 *
 * Hex codes are written one way: "0x0000001E", "0x1E" and, after "stop" or "bugcheck", a bare "1E"
 * are all "0x1e" (see codeForm), so a stop code typed short finds the article that prints it long.
 */

/** Too common to tell articles apart; dropping them keeps postings small. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

/** Longer runs are hex dumps and base64, not something anyone types. */
export const MAX_TOKEN_LENGTH = 40;

const RUN = /[\p{L}\p{N}]+(?:[._/][\p{L}\p{N}]+)*/gu;
const JOINER = /[._]/;
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;

export function normalizeText(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(MARKS, '') : lower;
}

export interface TextTokens {
  /** Single words, in order, repeats kept; stopwords included (callers decide). */
  parts: string[];
  /** Dotted/underscored runs kept whole ("store.exe"), in order. */
  compounds: string[];
  /**
   * Slash names ("os/2", "tcp/ip", "i/o") and command-line switches ("/a", "/q", "/o2") kept
   * whole, in order; their parts are in `parts` too.
   */
  names: SlashName[];
}

export interface SlashName {
  text: string;
  /** Where its parts are in `parts`. */
  at: number;
  count: number;
}

/**
 * "os/2", "tcp/ip", "i/o", "ipx/spx": two short pieces, the first starting with a letter, no dots.
 * Not a date ("12/31/99"), a fraction, a path ("winnt/system32/drivers") or an address's tail.
 */
const SLASH_NAME = /^\p{L}[\p{L}\p{N}]{0,7}\/[\p{L}\p{N}]{1,8}$/u;

export function tokenizeText(text: string): TextTokens {
  const parts: string[] = [];
  const compounds: string[] = [];
  const names: SlashName[] = [];
  const norm = normalizeText(text);
  for (const m of norm.matchAll(RUN)) {
    const whole = m[0];
    const at = parts.length;
    if (!whole.includes('/')) {
      addRun(whole, parts, compounds);
      if (isSwitch(norm, m.index!, whole)) names.push({ text: '/' + whole, at, count: parts.length - at });
      continue;
    }
    for (const piece of whole.split('/')) addRun(piece, parts, compounds);
    if (SLASH_NAME.test(whole)) names.push({ text: whole, at, count: parts.length - at });
  }
  return { parts, compounds, names };
}

/** A switch's letters: "a", "q", "o2", "3gb", "machine"; not a number ("/2") nor a file name. */
const SWITCH = /^(?=[a-z0-9]*[a-z])[a-z0-9]{1,10}$/;
/** What a switch follows: a space, the start, or an opening quote or bracket. */
const BEFORE_SWITCH = /[\s("'[]/;

/** "/a" in "BACKUP /A": a slash right before the run, with a space or nothing before the slash. */
function isSwitch(text: string, at: number, run: string): boolean {
  return at > 0 && text[at - 1] === '/' && (at === 1 || BEFORE_SWITCH.test(text[at - 2]!)) && SWITCH.test(run);
}

/** One run of letters and digits, maybe dotted: its parts, and itself as a compound when dotted. */
function addRun(whole: string, parts: string[], compounds: string[]): void {
  let run = whole;
  // "64mb" -> "64" "mb"; "1.44mb" -> "1.44" (compound) and "1" "44" "mb".
  const unit = GLUED_UNIT.exec(run);
  if (unit) run = run.slice(0, unit.index);
  if (JOINER.test(run)) {
    if (run.length <= MAX_TOKEN_LENGTH) compounds.push(run);
    for (const p of run.split(JOINER)) if (p.length <= MAX_TOKEN_LENGTH) parts.push(p);
  } else if (run.length <= MAX_TOKEN_LENGTH) {
    parts.push(codeForm(run, parts[parts.length - 1]));
  }
  if (unit) parts.push(unit[1]!);
}

/**
 * Units a number is glued to in tickets and titles: sizes, bit widths, clock rates, speeds, times.
 * Not "m" nor "x" (model names: "p5m", "8x"), nor "b" (builds and stepping: "4.00.950b").
 */
export const UNITS: ReadonlySet<string> = new Set(
  'k kb mb gb tb meg megs bit bits hz khz mhz ghz bps kbps mbps ms ns dpi'.split(' '),
);
/** A unit at the end of a number (the number's last dotted part is digits only). */
const GLUED_UNIT = new RegExp(`(?<=(?:^|[._])\\d+)(${[...UNITS].join('|')})$`);

/** "0x0000001e" -> "0x1e": the zeros a crash screen pads a code with. */
const PADDED_HEX = /^0x0+(?=[0-9a-f])/;
const HEX = /^0x[0-9a-f]+$/;
/** What a stop code is written after: "STOP 1E", "Stop: c000021a", "bugcheck 0A". */
const STOP_WORDS = new Set(['stop', 'bugcheck']);
/**
 * A bare code after those words: hex with a letter and a digit ("1e", "c000021a"), or one, two or
 * eight decimal digits ("50"); not "a" (an article) nor "2000" (a year).
 */
const BARE_CODE = /^(?:(?=[0-9]*[a-f])(?=[a-f]*\d)[0-9a-f]{2,8}|\d{1,2}|\d{8})$/;

/**
 * The one spelling of a hex code: lowercase, "0x", no leading zeros. A bare code counts as one only
 * after "stop" or "bugcheck", where it can be nothing else.
 */
export function codeForm(word: string, previous: string | undefined): string {
  if (HEX.test(word)) return word.replace(PADDED_HEX, '0x');
  if (previous !== undefined && STOP_WORDS.has(previous) && BARE_CODE.test(word))
    return '0x' + word.replace(/^0+(?=.)/, '');
  return word;
}

/** The terms an index stores for a piece of text: words except stopwords, plus compounds and slash names. */
export function indexTerms(text: string): string[] {
  const { parts, compounds, names } = tokenizeText(text);
  const out = parts.filter((p) => !STOPWORDS.has(p));
  for (const c of compounds) out.push(c);
  for (const n of names) out.push(n.text);
  return out;
}

/**
 * Words only, space-joined: the form phrase checks compare ("Err Msg: The RPC server..." ->
 * "err msg the rpc server ..."). Padded with spaces so a search for " rpc server" cannot match
 * inside a longer word.
 */
export function phraseForm(text: string): string {
  return ' ' + tokenizeText(text).parts.join(' ') + ' ';
}

/**
 * How much longer a title usually is than its words alone (phraseForm, unpadded): a few marks of
 * punctuation or quotes. A title with more (padded stop codes, runs of marks) is listed apart in
 * the index head (SearchHeadData.wordyTitles), so a bound on a title's phrase form from its length
 * holds for every title.
 */
export const PHRASE_SLACK = 10;

/** Whether `title` is longer than its phrase form by more than PHRASE_SLACK. */
export function isWordyTitle(title: string): boolean {
  return title.length > phraseForm(title).length - 2 + PHRASE_SLACK;
}
