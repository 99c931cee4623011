/**
 * The words a ticket reports a problem in. A help-desk text names a product's words for other
 * reasons too: it asks for something ("please write a how-to on the outbound queue for the new
 * hire"), closes a case ("queue is empty, works fine, closing ticket") or rules a symptom out ("no
 * messages stuck"). Those words describe a topic, not a fault, and an article about the fault they
 * name is no answer. described.ts trusts its smaller lead only on words this keeps.
 */
import { wordsOf } from './context';

/** A request or a note with nothing wrong: the whole ticket reports no problem. */
const ASKS =
  /\bplease\s+(?:write|document|explain|describe|set\s*up|create|prepare|provide|send\s+(?:me\s+|us\s+)?(?:a|an|the|some)\s)|\b(?:can|could|would)\s+(?:you|someone|somebody|anyone)\s+(?:please\s+)?(?:write|document|explain|describe|set\s*up|prepare|show\s+(?:me|us)\s+how)\b|\bhow-to\b|\bwrite[- ]?up\b|\btraining\b|\bnew\s+(?:hire|starter|joiner)s?\b|(?:^|\n)\s*request\s*:|\bfor\s+(?:reference|documentation)\b|\bjust\s+(?:curious|asking|wondering)\b|\bno\s+(?:problem|issue|fault)s?\s+(?:at\s+the\s+moment|right\s+now|currently|at\s+present)\b/i;
const CLOSES =
  /(?:^|[.!]\s+|\n)\s*(?:resolved|solved|fixed)\s*[.!]*\s*(?:\n|$)|\b(?:issue|problem|fault|error)\s+(?:is\s+|was\s+|now\s+|has\s+been\s+)+(?:resolved|solved|fixed)\b|\bclos(?:ing|e)\s+(?:the\s+|this\s+)?(?:ticket|case|call|incident)\b|\b(?:ticket|case|call|incident)\s+(?:can\s+be\s+|may\s+be\s+|is\s+|now\s+)?closed\b|\bno\s+(?:further\s+)?action\s+(?:needed|required)\b/i;

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
  /\b[a-z]+(?:s|ed)\s+(?:fine|ok|okay|normally|correctly|properly|successfully|as\s+expected)\b|\b(?:fine|ok|okay|normally|correctly|properly)\s+(?:now|again)\b|\bwithout\s+(?:any\s+)?(?:errors?|problems?|issues?)\b|\bsuccessfully\b/i;
const NEGATED = /\b(?:not|never|cannot|no\s+longer|fails?|failed|failing)\b|n't\b/i;
const saysFine = (clause: string) => ALL_CLEAR.test(clause) || (FINE.test(clause) && !NEGATED.test(clause));

/** Clauses: sentences, and their parts between commas, semicolons and dashes. */
const CLAUSE_BREAK = /[.;:!?]+(?=\s|$)|\n+|,\s+|\s[-\u2013\u2014]\s|\s+but\s+/i;

/**
 * The ticket's context words (context.ts wordsOf, as ticketWords writes them) that stand in a clause
 * reporting something wrong: none when the ticket asks for something or closes its case, and none
 * of a clause that says all is well there.
 */
export function reportedWords(text: string): Set<string> {
  const out = new Set<string>();
  if (ASKS.test(text) || CLOSES.test(text)) return out;
  for (const clause of text.split(CLAUSE_BREAK)) if (!saysFine(clause)) wordsOf(clause, out, Infinity);
  return out;
}
