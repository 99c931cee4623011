/**
 * The era's programs a ticket names by their name alone ("Outlook keeps asking for the password",
 * "the Access report prints blank", "Exchange client: ..."): no version, so neither the family
 * table (products.ts) nor the archive's table of one-word names (archive-products.ts, which asks a
 * plain word for its version) reads them. Read only to scope a described ticket's search
 * (match/described.ts), and only when the ticket names no product otherwise: the program's articles
 * are many, but fewer than none.
 */
import type { ProductMention } from './products';

/**
 * The programs, each with the family and name a described scope reads ("Exchange Server":
 * exchange), and whether its name is also an everyday word ("word", "access", "exchange"): such a
 * name counts only written with its capital; "outlook", "excel" and the coined names in any case, as
 * a subject line writes them. Not Office (the suite's articles are every program's), Project or
 * Publisher (a ticket's own projects and publishers are written so too).
 */
const PROGRAMS: readonly { written: string; family: string; name: string; word: boolean }[] = [
  { written: 'Exchange', family: 'exchange', name: 'Exchange Server', word: true },
  { written: 'Outlook', family: 'outlook', name: 'Outlook', word: false },
  ...[
    ['Word', true],
    ['Excel', false],
    ['PowerPoint', false],
    ['Access', true],
    ['FrontPage', false],
    ['Visio', false],
  ].map(([w, word]) => ({
    written: w as string,
    family: `other:${(w as string).toLowerCase()}`,
    name: w as string,
    word: word as boolean,
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
    if (NOT_AFTER.test(text.slice(end, end + 20))) continue;
    out.push({ family: p.family, name: p.name, version: '', rank: '', sp: null, build: null, start, end });
  }
  return out;
}
