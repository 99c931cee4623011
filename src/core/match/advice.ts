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
  'check',
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
  'use',
];
const capitalised = (v: string) => v[0]!.toUpperCase() + v.slice(1);
const spaced = (v: string) => v.replace(/ /g, '[ \\t]{1,3}');
/**
 * What opens the verb's object ("Check the ...", "Contact your ...", "Try again", "Restart Windows"):
 * the verb is then an instruction, while "Run time parameter ...", "Install completed ..." or "Use of
 * ..." merely start with the same word. A particle may come between ("Turn off the ...").
 */
const OBJECT =
  '[ \\t]{1,3}(?:(?:off|on|up|down|out|in)[ \\t]{1,3})?' +
  '(?:(?:the|your|you|a|an|all|any|some|that|this|these|it|again|to|another|no)\\b|[A-Z])';
/** "Do not" and "Don't" are followed by the instruction's own verb ("Do not remove the disk"). */
const NEGATED = `(?:[Dd]o[ \\t]{1,3}not|[Dd]on't)[ \\t]{1,3}[a-z]`;
const ADVICE = new RegExp(
  `^(?:[*\\u2022-][ \\t]{0,3})?(?:(?:Please|Then|Or|Also),?[ \\t]{1,3})?(?:${NEGATED}|` +
    `(?:(?:${ADVICE_VERBS.map((v) => spaced(capitalised(v))).join('|')})|` +
    `(?<=(?:Please|Then|Or|Also),?[ \\t]{1,3})(?:${ADVICE_VERBS.map(spaced).join('|')}))${OBJECT})`,
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
/** A colon, a dash or an opening quote right before it: "the dialog says: ...", "Popup \u2013 Check ...". */
const AFTER_LABEL = /(?:[:"'\u201c\u2018(]|[ \t][-\u2013\u2014])[ \t]{0,3}$/;
/** A word, not a sentence's end, right before its capital: the product's text inside the agent's sentence. */
const MID_SENTENCE = /[A-Za-z0-9,][ \t]{1,3}$/;
/**
 * Words that take a verb after them ("told her to Reinstall ...", "I'll Restart ...", "we should
 * Check ...", "so Reinstall ... and see"): a capital there is the agent's stray one, the verb theirs.
 */
const TAKES_VERB =
  /(?:\b(?:to|I|we|you|they|he|she|will|would|should|could|can|must|may|might|shall|did|do|please|and|or|but|so|then|just|also|first|now)|'ll|'d|\u2019ll|\u2019d)[ \t]{1,3}$/i;
/**
 * It ends its sentence or its line, quoted or not: no more of the agent's words follow. A capital
 * only starts the next sentence after a full stop; "... and then restart WINS and ..." goes on.
 */
const ENDS_THERE =
  /^(?:[.!?]?["'\u201d\u2019)]?[ \t]*(?:\r?\n|$)|(?:[.!?]["'\u201d\u2019)]?|["'\u201d\u2019)][.!?])[ \t]{1,3}(?=[A-Z(]))/;
/** The closing mark of each opening quote. */
const CLOSES: Record<string, string> = { '"': '"', "'": "'", '\u201c': '\u201d', '\u2018': '\u2019' };

/** Quoted whole: its own closing quote right after it ends the message, whatever the agent adds. */
function quotedWhole(before: string, after: string): boolean {
  const open = /(["'\u201c\u2018])[ \t]{0,3}$/.exec(before)?.[1];
  if (!open) return false;
  const close = CLOSES[open]!;
  const at = /^[.!?]?/.exec(after)![0].length;
  return after[at] === close && !/[A-Za-z0-9]/.test(after[at + 1] ?? '');
}

/** Whether the ticket shows the advice at [start, end) as a product printed it. */
export function printedApart(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 12);
  if (quotedWhole(before, after)) return true;
  // A capital right after a lowercase word of the agent's sentence is the printed text's own sign:
  // "Excel shows Make sure the document has ... and the user gave up" needs no sentence end.
  const capital = /[A-Z]/.test(text[start] ?? '');
  if (capital && MID_SENTENCE.test(before) && !/[.!?][ \t]{1,3}$/.test(before) && !TAKES_VERB.test(before)) return true;
  const apart = LINE_START.test(start <= 40 ? '\n' + before : before) || AFTER_LABEL.test(before);
  return apart && ENDS_THERE.test(after);
}
