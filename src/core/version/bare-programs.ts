/**
 * The era's programs a ticket names by their name alone ("Outlook keeps asking for the password",
 * "the Access report prints blank", "Exchange client: ..."): no version, so neither the family
 * table (products.ts) nor the archive's table of one-word names (archive-products.ts, which asks a
 * plain word for its version) reads them. Read only to scope a described ticket's search
 * (match/described.ts), and only when the ticket names no product otherwise: the program's articles
 * are many, but fewer than none.
 */
import { OFFICE_PROGRAMS, type ProductMention } from './products';

/**
 * The programs, each with the family and name a described scope reads ("Exchange Server":
 * exchange), and whether its name is also an everyday word ("word", "access", "exchange"): such a
 * name counts only written with its capital; "outlook", "excel" and the coined names in any case, as
 * a subject line writes them. Not Office (the suite's articles are every program's), Project or
 * Publisher (a ticket's own projects and publishers are written so too).
 */
const NOT_ALONE: ReadonlySet<string> = new Set(['Office', 'Project', 'Publisher']);
const EVERYDAY: ReadonlySet<string> = new Set(['Word', 'Access', 'Exchange']);
const PROGRAMS: readonly { written: string; family: string; name: string; word: boolean }[] = [
  { written: 'Exchange', family: 'exchange', name: 'Exchange Server', word: true },
  { written: 'Outlook', family: 'outlook', name: 'Outlook', word: false },
  ...OFFICE_PROGRAMS.filter((p) => !NOT_ALONE.has(p.name)).map((p) => ({
    written: p.name,
    family: `other:${p.name.toLowerCase()}`,
    name: p.name,
    word: EVERYDAY.has(p.name),
  })),
];

const BY_NAME = new Map(PROGRAMS.map((p) => [p.written.toLowerCase(), p]));

/** A program's name, a whole word, in any case (`namedSo` then asks the everyday words for their capital). */
const NAME_RE = new RegExp(String.raw`(?<![\w+#/.-])(${PROGRAMS.map((p) => p.written).join('|')})(?![\w+#/-])`, 'gi');

/** Whether `written` names the program: any case, but an everyday word only with its capital or all capitals. */
const namedSo = (p: (typeof PROGRAMS)[number], written: string) =>
  !p.word || written === p.written || written === p.written.toUpperCase();

/**
 * A capitalised word before the name makes it part of a longer one ("Remote Access", "Outlook Web
 * Access", "Dynamic Data Exchange"), another product's or a feature's; the vendor does not, nor a
 * word that opens a sentence only to point at the program ("The Access report", "Our Outlook").
 */
const WORD_BEFORE = /([A-Z][\w+-]*)[ \u00a0]+$/;
const NOT_OF_NAME: ReadonlySet<string> = new Set(
  (
    'microsoft ms the a an our my your his her their its this that these those in on with from for to at by of ' +
    'when whenever if and but or since after before while so then also using every each all some any new old'
  ).split(' '),
);
const partOfLongerName = (before: string) => {
  const w = WORD_BEFORE.exec(before)?.[1];
  return w !== undefined && !NOT_OF_NAME.has(w.toLowerCase());
};
/**
 * What follows the name that makes it a word or another name: a message ("Access is denied",
 * "Access violation"), a longer name ("Outlook Express", "Outlook Web Access", "Word Pad") or a
 * label ("Exchange: 5.5" is the family table's, "Access:" a field).
 */
const NOT_AFTER =
  /^(?:[ \u00a0]+(?:is[ \u00a0]+denied|denied|violations?|rights?|levels?|control|token|mask|Express|Web|Pad|Art)\b|[ \u00a0]*:)/i;
/**
 * A version or an edition the product tables do not know ("Outlook 2016", "Outlook 365", "Outlook
 * for Mac", "Outlook on the web", "Outlook Online", "Outlook.com", "an Outlook add-in from ..."): a
 * later program or another one, whose case the era's articles do not tell.
 */
const UNKNOWN_EDITION =
  /^(?:[ \u00a0]+(?:\d|(?:for|on)[ \u00a0]+(?:the[ \u00a0]+)?(?:mac|macintosh|ios|android|iphone|ipad|web|mobile)\b|online\b|mobile\b|add-?ins?\b|plug-?ins?\b)|\.com\b|-add-?ins?\b)/i;
/**
 * After an everyday name, the words that make it the word: "Word is that ...", "Access to the share",
 * "Exchange of the files", "access the share"; but "to" and "the" not after a preposition that
 * places the case in the program ("In Access the dialog box stays open").
 */
const WORD_AFTER = /^[ \u00a0]+(?:is|of)\b/i;
const VERB_AFTER = /^[ \u00a0]+(?:to|the)\b/i;
const IN_PROGRAM = /\b(?:in|from|with|under|within|inside|using|via)[ \u00a0]+$/i;
/** Before or after a lower-case "outlook", the words that make it the word: "the outlook is bad", "an outlook for the year". */
const OUTLOOK_WORD_BEFORE = /\b(?:the|an|a)[ \u00a0]+$/i;
const OUTLOOK_WORD_AFTER = /^[ \u00a0]+(?:for|is)\b/i;
/**
 * A name the ticket tells is not what fails: "not an Outlook issue", "we moved off Outlook", "sent
 * from Outlook", "Eudora instead of Outlook", "slower than Excel".
 */
const NOT_THE_ONE = /\b(?:not(?:[ \u00a0]+an?)?|off|from|instead[ \u00a0]+of|than)[ \u00a0]+$/i;

/** Whether a mention is one findBarePrograms made: a program named alone, no version. */
export function isBareProgram(p: ProductMention): boolean {
  return p.version === '' && PROGRAMS.some((q) => q.family === p.family && q.name === p.name);
}

/** The programs `text` names by name alone, each once, its first mention. */
export function findBarePrograms(text: string): ProductMention[] {
  const out: ProductMention[] = [];
  NAME_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAME_RE.exec(text))) {
    const p = BY_NAME.get(m[1]!.toLowerCase())!;
    if (!namedSo(p, m[1]!)) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (out.some((o) => o.family === p.family)) continue;
    if (partOfLongerName(text.slice(Math.max(0, start - 30), start))) continue;
    const before = text.slice(Math.max(0, start - 30), start);
    const after = text.slice(end, end + 30);
    if (NOT_AFTER.test(after) || UNKNOWN_EDITION.test(after) || NOT_THE_ONE.test(before)) continue;
    if (p.word && (WORD_AFTER.test(after) || (VERB_AFTER.test(after) && !IN_PROGRAM.test(before)))) continue;
    if (m[1] === 'outlook' && (OUTLOOK_WORD_BEFORE.test(before) || OUTLOOK_WORD_AFTER.test(after))) continue;
    out.push({ family: p.family, name: p.name, version: '', rank: '', sp: null, build: null, start, end });
  }
  return out;
}
