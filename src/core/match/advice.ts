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

/**
 * A lead-in that names what the product printed, ending its line: "The error says:", "Word shows
 * this:", "I get a box that says", "Error:", "When I tried to open it, I got:": a verb of showing or
 * a name of printed text is its last word or two.
 */
const SHOWN_LEAD_IN =
  /\b(?:says?|said|saying|reads?|reading|shows?|showed|showing|displays?|displayed|pops?(?:[ \t]up)?|popped(?:[ \t]up)?|prompts?(?:[ \t]with)?|throws?|threw|gets?|got|getting|returns?|returned|receives?|received|logs?|logged|errors?|messages?|msg|dialog(?:ue)?|box|popup|pop-up|warning|alert|text|output|with)(?:[ \t]{1,3}(?:this|these|the[ \t]following|following|below|again|now|up))?(?:[ \t]{1,3}\([^()\n]{0,40}\))?[ \t]*[:\u2026-]?[ \t]*$/i;
/**
 * A label of the agent's own remedy starting its line ("Steps to fix the error:", "Resolution:",
 * "Fix -", a bare "To do"): read before any name of printed text later in it, while no sentence
 * ends inside it ("Fix attempt 1 failed. New error:" names the error).
 */
const REMEDY_LABEL =
  /^[ \t>*\u2022-]*(?:steps?|checklist|instructions?|procedure|runbook|resolution|fix|workaround|solution)\b[^:.!?\n]{0,60}[:)\u2013-]?[ \t]*$|^[ \t>*\u2022-]*to[ -]?do(?:[ \t]{1,3}list)?[ \t]*[:\u2013-]?[ \t]*$/i;
/**
 * A lead-in that names the agent's own remedy among its first words ("Steps I gave the user:",
 * "Next action:", "These are the remediation steps:", "Tried:"). Not a bare "Action:" nor "Recommended
 * action": event logs print those fields before their advice.
 */
const REMEDY_LEAD_IN =
  /(?:^|[.!?][ \t]{1,3})[ \t>*\u2022-]*(?:\S+[ \t]{1,2}){0,3}?(?:next[ \t]{1,2})?(?:steps?|checklist|instructions?|procedure|runbook|next[ \t]{1,2}actions?|action[ \t]{1,2}(?:taken|plan)|resolution|fix|workaround|solution|remedy|things[ \t]{1,2}to|recommendations?|suggestions?|tips?|plan|tried(?=[ \t]{0,3}(?:so[ \t]far)?[ \t]{0,3}[:.)\u2013-]))\b[^:\n]{0,60}[:.)\u2013-]?[ \t]*$/i;
/**
 * The agent telling someone what to do ("I asked him to:", "What I told her:"): a person is the
 * subject, where "Windows told me:" or "Setup asked me to:" is the product speaking.
 */
const TOLD_BY_AGENT =
  /\b(?:I|[Ww]e)(?:[ \t]{1,3}[A-Za-z']+){0,2}?[ \t]{1,3}(?:told|asked|advised|suggested|recommended|instructed)\b[^:.!?\n]{0,40}:?[ \t]*$/;

/** Whether a lead-in or label names the agent's remedy rather than text the product printed. */
function namesRemedy(lead: string): boolean {
  if (REMEDY_LABEL.test(lead)) return true;
  if (SHOWN_LEAD_IN.test(lead)) return false;
  return REMEDY_LEAD_IN.test(lead) || TOLD_BY_AGENT.test(lead);
}
/** A list item's marker: "- ", "* ", "\u2022 ", "1. ", "2) ", "b) ", "[x] ". */
const LIST_MARKER = /^(?:[-*\u2022\u2013]|\d{1,2}[.)]|[a-z][.)]|\[[ xX]?\])(?:[ \t]|$)/;
/**
 * A numbered or checkbox item ("1. ", "b) ", "[ ] "): a list someone wrote. A dialog pasted as
 * "- Make sure ..." or "* Close ..." is bulleted as often as a step, so a bullet says nothing.
 */
const NUMBERED = /^(?:\d{1,2}[.)]|[a-z][.)]|\[[ xX]?\])(?:[ \t]|$)/;
/** Quote marks and indentation before a line's own text. */
const QUOTING = /^[ \t>]*/;

/** A line's own text: no quote marks or indentation. */
const own = (line: string) => line.replace(QUOTING, '');
/** A line that is a step of the agent's list: marked as an item, or an instruction itself. */
const isStep = (line: string) => LIST_MARKER.test(own(line)) || ADVICE.test(own(line));

/**
 * The advice at [start, end), its line's start, stands among the agent's steps: only on a positive
 * sign of the agent's list, a lead-in of its block naming the agent's remedy ("Steps to fix it:",
 * "I asked him to:") or a numbered or checkbox item. A dialog pasted alone, stacked with its other
 * lines, bulleted, or after a lead-in naming printed text or none we know stays the product's.
 */
function amongSteps(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  // Up the block past the other steps, to its lead-in (a blank line or two may come between).
  let lead = '';
  let at = lineStart - 1;
  for (let blank = 0, seen = 0; at > 0 && seen < 12; seen++) {
    const from = text.lastIndexOf('\n', at - 1) + 1;
    const line = text.slice(from, at);
    at = from - 1;
    if (own(line).trim() === '') {
      if (++blank > 2) break;
      continue;
    }
    if (blank === 0 && isStep(line)) continue;
    // A lead-in is a short line; a long one is prose, read by its end only (the regexes stay cheap).
    lead = line.slice(-200);
    break;
  }
  if (lead && SHOWN_LEAD_IN.test(lead) && !REMEDY_LABEL.test(lead)) return false;
  if (lead && namesRemedy(lead)) return true;
  return NUMBERED.test(own(text.slice(lineStart, start)));
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
  if (!ENDS_THERE.test(after)) return false;
  if (LINE_START.test(start <= 40 ? '\n' + before : before)) return !amongSteps(text, start);
  // A label of the agent's remedy is no label of printed text: "Resolution: Reinstall the driver."
  return AFTER_LABEL.test(before) && !labelsRemedy(text, start);
}

/** The label before the advice on its line ("Step 3:", "Next action:", "Fix -") names the agent's remedy. */
function labelsRemedy(text: string, start: number): boolean {
  return namesRemedy(text.slice(text.lastIndexOf('\n', start - 1) + 1, start));
}
