/**
 * The parts of a quoted message that stand for a real value: "<server name>", "<ServerName>",
 * "%1", "%s", "[domain_name]", and whole-token runs like "xxxx", "XXXXX", "XX" ("line Number = XX"), "nnn", "###". Not placeholders: the
 * converter's "<B7>" escapes, numbers in brackets ("type <2>", NetBIOS "<20>", "<0xe160052a>"),
 * and real addresses ("<server.domain.com #5.1.1>", "<user@example.com>").
 *
 * Also the tokens the article explains after the message ("where x is the drive where SMS is
 * installed", "where nnnn is the error number"): what it explains stands for a value, whatever its shape.
 */
const ANGLE = /<([^<>\r\n]{1,48})>/g;
/**
 * "[domain_name]", "[dns server]", "[Computer Name]": a bracketed name of a kind of value. Brackets
 * hold literals too (INI sections "[boot]", register operands "[bx]", ODBC's chained
 * "[Microsoft][ODBC SQL Server Driver]"): only a name whose last word is a kind of value counts,
 * in lower case or capitalised words, not glued to another bracket.
 */
const SQUARE = /(?<![\]\w])\[([A-Za-z][A-Za-z]*(?:[ _][A-Za-z]+){0,2})\](?![[\w])/g;
const VALUE_KIND =
  /(?:^|[ _])(?:name|path|drive|file|filename|folder|directory|server|servername|domain|computer|computername|machine|user|username|share|printer|value|number|address|account|mailbox|site)$/i;
/** Lower case, or each word capitalised: not an acronym or product name ("SQL Server", "MCI"). */
const NAME_CASE = /^(?:[a-z]+(?:[ _][a-z]+)*|[A-Z][a-z]+(?:[ _][A-Z][a-z]+)*)$/;
const PERCENT = /%(?:\d{1,2}|[sdxuf])(?![A-Za-z0-9])/g;
const RUN = /(?<![A-Za-z0-9])(?:0x)?(?:x{3,}|X{2,}|n{3,}|N{3,}|#{2,})(?![A-Za-z0-9])/g;
/**
 * A dotted address written as a stand-in ("X.X.X.X", "xxx.xxx.xxx.xxx", "n.n.n.n", "w.x.y.z",
 * "a.b.c.d"): the ticket shows a real IP address there.
 */
const DOTTED = /(?<![\w.])(?:([xXnN#])\1{0,2}(?:\.\1{1,3}){3}|w\.x\.y\.z|a\.b\.c\.d)(?!\w|\.\w)/g;

export function findPlaceholders(text: string, explained: readonly string[] = []): string[] {
  const found: Array<{ at: number; text: string }> = [];
  for (const m of text.matchAll(ANGLE)) {
    const inner = m[1]!;
    if (/^[0-9A-F]{2}$/.test(inner)) continue; // converter escape
    if (/^(?:0x)?[0-9a-f]+$/i.test(inner) && /\d/.test(inner)) continue; // a real number or hex value
    if (/[@#]/.test(inner) || /^[\w-]+(?:\.[\w-]+){2,}$/.test(inner)) continue; // a real address
    if (!/[A-Za-z]/.test(inner)) continue;
    found.push({ at: m.index!, text: m[0] });
  }
  for (const m of text.matchAll(SQUARE)) {
    const inner = m[1]!;
    if (VALUE_KIND.test(inner) && NAME_CASE.test(inner)) found.push({ at: m.index!, text: m[0] });
  }
  for (const re of [DOTTED, PERCENT, RUN]) {
    for (const m of text.matchAll(re)) {
      // Inside an angle placeholder already ("EBU<xxxx>"): the outer one covers it.
      if (found.some((f) => m.index! >= f.at && m.index! < f.at + f.text.length)) continue;
      found.push({ at: m.index!, text: m[0] });
    }
  }
  for (const token of explained) {
    let ats = wordsAt(text, token);
    // An ordinary word the explanation names may be in the message as itself too ("in drive
    // drive:"): where some of its occurrences are marked as a value (a colon or slash after, a
    // quote or bracket around), only those are the placeholder.
    if (COMMON_NAMES.has(token.toLowerCase()) && ats.length > 1) {
      const marked = ats.filter((at) => markedValue(text, at, at + token.length));
      if (marked.length > 0) ats = marked;
    }
    for (const at of ats) {
      if (found.some((f) => at < f.at + f.text.length && at + token.length > f.at)) continue;
      found.push({ at, text: text.slice(at, at + token.length) });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.text);
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/** Where `token` occurs in text as a whole word, case ignored. A letter is a drive letter only before a colon ("x:\CRW"), never the "C" of "C++". */
function wordsAt(text: string, token: string): number[] {
  const out: number[] = [];
  const hay = text.toLowerCase();
  const needle = token.toLowerCase();
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = text[at - 1];
    const after = text[at + token.length];
    if (isWordChar(token[0]) && isWordChar(before)) continue;
    if (isWordChar(token[token.length - 1]) && isWordChar(after)) continue;
    if (/^\p{L}$/u.test(token) && (after === '+' || after === '#')) continue;
    out.push(at);
  }
  return out;
}

/** Words a message also uses as themselves ("Insert the disk in drive drive:"). */
const COMMON_NAMES = new Set(
  'drive disk path file folder directory dir server program application name value date time line number port user group printer computer'.split(
    ' ',
  ),
);

function markedValue(text: string, start: number, end: number): boolean {
  return /^[:\\/'"\]>]/.test(text.slice(end, end + 1)) || /[\\/'"[<]$/.test(text.slice(start - 1, start));
}

/** Words an explanation names but that are not placeholders ("where it is simulated", "where there is more"). */
const NOT_A_TOKEN = new Set(
  'it its this that these those they them there here you your he she we i one both each all either any the a an which what who when possible'.split(
    ' ',
  ),
);
const TOKEN = String.raw`"[^"\s]{1,30}"|'[^'\s]{1,30}'|\u201c[^\u201d\s]{1,30}\u201d|<[^<>]{1,40}>|\[[^\]\s]{1,30}\]|[^\s,;()"']{1,30}`;
const VERB = String.raw`(?:is|are|represents?|equals|stands for|refers to|means|=)`;
/** "where x is", "where x and y are", and after it ", nnnn is", "and <drive> is". */
const FIRST = new RegExp(String.raw`^\(?where\s+(${TOKEN})(?:\s+and\s+(${TOKEN}))?\s+${VERB}\s`, 'i');
const MORE = new RegExp(String.raw`(?:,|\band\b|;)\s*(?:and\s+)?(${TOKEN})\s+${VERB}\s`, 'gi');

/**
 * The tokens an explanation after a message names as stand-ins ("where x is the drive where SMS
 * is installed" -> x; "where "x" is ..." -> x; "where D: is ..." -> D; "where xxx is the ID and
 * n is the number" -> xxx, n). Empty when the text is no such explanation.
 */
export function explainedTokens(explanation: string): string[] {
  const text = explanation.trim();
  const first = FIRST.exec(text);
  if (!first) return [];
  // The explanation's first sentence only: later ones are the article's prose.
  const stop = /[.!?](?=\s|$)/.exec(text.slice(first[0].length));
  const sentence = stop ? text.slice(0, first[0].length + stop.index) : text;
  const raw = [first[1]!, first[2]];
  MORE.lastIndex = first[0].length;
  let m: RegExpExecArray | null;
  while ((m = MORE.exec(sentence))) raw.push(m[1]!);
  const out: string[] = [];
  for (const r of raw) {
    if (!r) continue;
    let t = r.replace(/^["'\u201c](.*)["'\u201d]$/u, '$1');
    // "x:" or "D:" names a drive letter; the colon is the path's.
    if (/^\p{L}{1,12}:$/u.test(t)) t = t.slice(0, -1);
    if (!t || NOT_A_TOKEN.has(t.toLowerCase()) || !/[\p{L}\p{N}#]/u.test(t)) continue;
    if (!out.includes(t)) out.push(t);
  }
  return out;
}
