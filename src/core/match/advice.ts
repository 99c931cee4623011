/**
 * A dialog's advice to the user, and whether a ticket shows it as printed text. What a dialog
 * tells the user to do after what went wrong ("Make sure the address is correct, and try again.",
 * "Run the Windows Setup program again to correct this problem.", "Reinstall the printer driver.",
 * "Please contact your system administrator.") is also what an agent writes in a note or a reply of
 * their own. Matched inside its message it is that message; matched alone it is the product's only
 * where the ticket sets it apart as printed text (its own line, after a colon or a quote, or with
 * its capital in the middle of the agent's sentence: "the MTA logs Check the routing table ...")
 * and it ends there; in running prose it is the agent's words.
 */
import { identifiedByNumber } from './error-number';

const ADVICE_VERBS = [
  'make sure',
  'be sure',
  'ensure',
  'verify',
  'check(?!\\s{1,3}(?:[Dd]isk|[Nn]ames)\\b)',
  'confirm',
  'try',
  'retry',
  'reinstall',
  're-install',
  'install',
  'uninstall',
  'restart',
  're-start',
  'reboot',
  'rerun',
  're-run',
  'run',
  'contact',
  'call',
  'consult',
  'see',
  'refer to',
  'ask',
  'quit',
  'close',
  'exit',
  'delete',
  'remove',
  'insert',
  'press',
  'click',
  'choose',
  'select',
  'retype',
  're-enter',
  'correct',
  'specify',
  'reduce',
  'increase',
  'rename',
  'wait',
  'log on',
  'log off',
  'sign in',
  'do not',
  "don't",
  'reconnect',
  'disconnect',
  'reset',
  'notify',
  'shut down',
  'turn',
  'switch',
  'replace',
  'repair',
  'restore',
  'back up',
  'use(?!\\s{1,3}of\\b)',
];
const capitalised = (v: string) => v[0]!.toUpperCase() + v.slice(1);
const spaced = (v: string) => v.replace(/ /g, '[ \\t]{1,3}');
const ADVICE = new RegExp(
  `^(?:[*\\u2022-][ \\t]{0,3})?(?:(?:Please|Then|Or|Also),?[ \\t]{1,3}(?:${ADVICE_VERBS.map(spaced).join('|')})|` +
    `(?:${ADVICE_VERBS.map((v) => spaced(capitalised(v))).join('|')}))\\b(?![-'])`,
);

/**
 * Advice read as the sentence starts (a capitalised verb, or one after "Please"), so "Type
 * mismatch", "Run-time error" and SQL's "SELECT permission denied" are not; a code or numbered
 * error still names a message.
 */
export function isAdvice(sentence: string): boolean {
  return ADVICE.test(sentence.trim()) && !identifiedByNumber(sentence);
}

/** Only quote marks, bullets and indentation before it on its line. */
const LINE_START = /(?:^|\n)[ \t>*\u2022"'\u201c\u2018-]{0,12}$/;
/** A colon or an opening quote right before it: "the dialog says: ...", "it says 'Check ...'". */
const AFTER_LABEL = /[:"'\u201c\u2018(][ \t]{0,3}$/;
/** A word, not a sentence's end, right before its capital: the product's text inside the agent's sentence. */
const MID_SENTENCE = /[A-Za-z0-9,][ \t]{1,3}$/;
/** It ends its sentence or its line, quoted or not: no more of the agent's words follow. */
const ENDS_THERE = /^[.!?]?["'\u201d\u2019)]?(?:[ \t]*(?:\r?\n|$)|[.!?]?[ \t]{1,3}(?=[A-Z(]))/;

/** Whether the ticket shows the advice at [start, end) as a product printed it. */
export function printedApart(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const capital = /[A-Z]/.test(text[start] ?? '');
  const apart =
    LINE_START.test(start <= 40 ? '\n' + before : before) ||
    AFTER_LABEL.test(before) ||
    (capital && MID_SENTENCE.test(before) && !/[.!?][ \t]{1,3}$/.test(before));
  return apart && ENDS_THERE.test(text.slice(end, end + 12));
}
