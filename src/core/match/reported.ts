/**
 * The words a ticket reports a problem in. A help-desk text names a product's words for other
 * reasons too: it asks for something ("please write a how-to on the outbound queue for the new
 * hire"), closes a case ("queue is empty, works fine, closing ticket") or rules a symptom out ("no
 * messages stuck"). Those words describe a topic, not a fault, and an article about the fault they
 * name is no answer. described.ts suggests an article only on words this keeps.
 */
import { numbersOf, standaloneNumbers, wordsOf } from './context';

/**
 * A sentence that asks for something (a how-to, a write-up, a set-up, a "Request:" line, a
 * question asked out of curiosity): its words name a topic, not a fault. The sentence only, never
 * the whole ticket: a fault told beside it is still a fault. Each whitespace run is bounded by
 * words or anchored at the sentence's start, so a long run costs linear time.
 */
const ASKS =
  /\bplease\s+(?:write|document|explain|describe|set\s*up|create|prepare|provide|send\s+(?:me\s+|us\s+)?(?:a|an|the|some)\s)|\b(?:can|could|would)\s+(?:you|someone|somebody|anyone)\s+(?:please\s+)?(?:write|document|explain|describe|set\s*up|prepare|show\s+(?:me|us)\s+how|tell\s+(?:me|us)\s+how)\b|\bhow-to\b|\bwrite[- ]?up\b|^[^\S\n]*request[^\S\n]*:|\bjust\s+(?:curious|asking|wondering|training)\b|\bis\s+(?:that|this|it|there)\s+something\s+(?:we|you|i)\s+(?:can|could)\b/i;

/**
 * A clause that asks for a piece of work ("please install ProShare on the two PCs", "could you
 * order a keyboard", "pls reset my password"): its words name what is to be worked on, not a fault.
 * Only a clause that opens with the ask: the fault told before it in the same sentence ("Outlook
 * hangs at startup, please reinstall it") stays a report.
 */
const ASKS_WORK =
  /^[^\S\n]*(?:(?:please|pls|kindly|(?:can|could|would)[^\S\n]+(?:you|someone|somebody|anyone)(?:[^\S\n]+please)?)[^\S\n]+(?:(?:re|un)?install|add|order|enable|disable|configure|set|move|reset|remove|rename|book|schedule|grant|increase|upgrade|create|check|verify|confirm|test|make\s+sure|ensure|turn\s+on|get)\b|(?:(?:we|i)[^\S\n]+)?(?:need|want|would\s+like)[^\S\n]+(?!to\b)(?:\S+[^\S\n]+){1,12}?to[^\S\n]+\w)/i;
/**
 * A clause that closes the case ("Resolved.", "issue is now fixed", "closing ticket", "no further
 * action needed"), unless it says otherwise too: "do not close the ticket", "if the issue is
 * resolved", "was fixed last month and is back" (NEGATED, CONDITIONAL, RECURS).
 */
const CLOSES =
  /^[^\S\n]*(?:resolved|solved|fixed|closing|closed)[^\S\n]*$|\b(?:issue|problem|fault|error)\s+(?:is\s+|was\s+|now\s+|has\s+been\s+)+(?:resolved|solved|fixed)\b|\bclos(?:ing|e)\s+(?:the\s+|this\s+)?(?:ticket|case|call|incident)\b|\b(?:ticket|case|call|incident)\s+(?:can\s+be\s+|may\s+be\s+|is\s+|now\s+)?closed\b|\bno\s+(?:further\s+)?action\s+(?:needed|required)\b/i;
const CONDITIONAL = /\b(?:if|unless|once|when|until)\b/i;
const RECURS = /\b(?:again|back|still|keeps?|recurs?|recurring|returned|reappears?)\b/i;

/**
 * A clause that says all is well: "works fine", "queue is empty", "no messages stuck", "no errors".
 * A bare "not" is no such word: "mail is not delivered" is the symptom itself.
 */
const ALL_CLEAR =
  /\b(?:works?|working|worked|runs?|running|ran)\s+(?:fine|ok|okay|normally|correctly|as\s+expected)\b|\b(?:is|are|was|were)\s+(?:now\s+)?(?:empty|clear|fine|ok|okay|normal)\b|\ball\s+(?:good|fine|clear)\b|\b(?:no|nothing|none)\b(?:\s+\S+){0,6}?\s*\b(?:stuck|queued|hung|hangs?|errors?|problems?|issues?|failures?|backlog|backed\s+up|pending|delayed|dropped|lost|blocked|rejected)\b/i;

/**
 * A clause that says any of its doings is well again ("the workbook refreshes fine now", "the job
 * completed without errors", "ran successfully"), unless it says the opposite too ("is not
 * displayed correctly", "fails to print properly").
 */
const FINE =
  /\b[a-z]+(?:s|ed)\s+(?:fine|ok|okay|normally|correctly|properly|successfully|as\s+expected|great|perfectly)\b|\b(?:fine|ok|okay|normally|correctly|properly)\s+(?:now|again)\b|\bwithout\s+(?:any\s+|a\s+)?(?:errors?|problems?|issues?|hangs?|crash(?:es)?|freezes?)\b|\bsuccessfully\b|\bas\s+(?:designed|intended)\b|\bby\s+design\b/i;
const NEGATED = /\b(?:not|never|cannot|no\s+longer|fails?|failed|failing)\b|n't\b/i;
const ALL_CLEAR_ALL = new RegExp(ALL_CLEAR.source, 'gi');
/**
 * A condition that ends just before an all-clear: "shows 3 faxes waiting when the queue is empty",
 * "fails even if no errors are logged". The all-clear is then when the fault shows, not that all is well.
 */
const CONDITION_BEFORE = /\b(?:when|whenever|if|while|even\s+though|although|though)\s+(?:\S+\s+){0,4}$/i;
/** Whether a clause says all is well somewhere outside a condition of its fault (CONDITION_BEFORE). */
const allClear = (clause: string) =>
  [...clause.matchAll(ALL_CLEAR_ALL)].some(
    (m) => !CONDITION_BEFORE.test(clause.slice(Math.max(0, m.index - 80), m.index)),
  );
const saysFine = (clause: string) => allClear(clause) || (FINE.test(clause) && !NEGATED.test(clause));
const closes = (clause: string) =>
  CLOSES.test(clause) && !NEGATED.test(clause) && !CONDITIONAL.test(clause) && !RECURS.test(clause);

/** Sentences: the unit a request is read in; each line ends one, so blocks read apart or joined read alike. */
const SENTENCE_BREAK = /[.!?]+(?=\s|$)|\n/;

/**
 * Clauses: a sentence's parts between colons, semicolons, commas, dashes and "but", and a
 * parenthesis, an aside of its own ("shows the wrong count (the queue is empty)").
 */
const CLAUSE_BREAK = /[;:]+(?=\s|$)|,\s|\s[-\u2013\u2014]\s|\sbut\s|\s\(|\)(?=[\s.,;:!?]|$)/i;

/**
 * The ticket's context words (context.ts wordsOf, as ticketWords writes them) that stand in a clause
 * reporting something wrong: none of a sentence that asks for something, of a clause that closes
 * the case or of one that says all is well there. Read sentence by sentence and clause by clause,
 * never over the whole text: a text's words are the union of its lines' (the popup reads a page
 * block by block, the CLI the whole text, and both must judge alike).
 */
export function reportedWords(text: string, near?: readonly number[]): Set<string> {
  const out = new Set<string>();
  for (const [sentence, from] of parts(text, SENTENCE_BREAK_ALL)) {
    if (near && !near.some((i) => i >= from && i < from + sentence.length)) continue;
    if (!sentence.trim() || ASKS.test(sentence)) continue;
    // A number's context may lie in the clause before ("error 371, 404"): read in the whole sentence.
    const named = numbersOf(sentence, new Set(), Infinity);
    for (const clause of sentence.split(CLAUSE_BREAK)) {
      if (!reports(clause)) continue;
      wordsOf(clause, out, Infinity);
      for (const n of standaloneNumbers(clause)) if (named.has(n)) out.add(n);
    }
  }
  return out;
}

const reports = (clause: string) => !saysFine(clause) && !closes(clause) && !ASKS_WORK.test(clause);
const SENTENCE_BREAK_ALL = new RegExp(SENTENCE_BREAK.source, 'g');
const CLAUSE_BREAK_ALL = new RegExp(CLAUSE_BREAK.source, 'gi');

/** `text`'s parts between the matches of `breaks` (a global regexp), each with its offset. */
function parts(text: string, breaks: RegExp): [string, number][] {
  const out: [string, number][] = [];
  let from = 0;
  for (const m of text.matchAll(breaks)) {
    out.push([text.slice(from, m.index), from]);
    from = m.index + m[0].length;
  }
  out.push([text.slice(from), from]);
  return out;
}

/**
 * Whether the text at `offset` stands in a clause that reports a fault (as reportedWords reads it):
 * "Outlook on the same PC is fine", "could you check that Outlook reminders work" name a program
 * that is not what fails.
 */
export function reportsAt(text: string, offset: number): boolean {
  const within = ([part, from]: [string, number]) => offset >= from && offset < from + part.length;
  const sentence = parts(text, SENTENCE_BREAK_ALL).find(within);
  if (!sentence || ASKS.test(sentence[0])) return false;
  const clause = parts(sentence[0], CLAUSE_BREAK_ALL).find(([c, f]) => within([c, f + sentence[1]]));
  return clause !== undefined && reports(clause[0]);
}
