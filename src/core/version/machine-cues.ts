/**
 * Whether a version the ticket names is said of a machine of its own ("box 1 has 5.0", "two
 * servers run 5.0", "the rest on 5.5") or of one gone, elsewhere or past ("we used to run 5.0",
 * "the other site still has 5.0", "5.0 was decommissioned"). Only versions each on a machine of
 * their own are judged apart (verdict.ts); a version named in passing is no machine, and one
 * judgement of the highest installed version stays.
 */
import type { ProductMention } from './products';

// "we plan to upgrade to SP3", "should go to SP4": a level to come, not the installed one (and a
// hotfix to come is not on: cited-hotfixes.ts).
export const NOT_YET_RE =
  /\b(?:plan(?:s|ned|ning)?|will|need(?:s|ed)?|should|going|want(?:s|ed)?|would|must|could|can(?:not|'t)?|until|before)\b/i;

/** Words for one machine or a group of them ("box", "servers", "node"); the source, without flags, for other patterns to reuse. */
export const MACHINE_WORDS = String.raw`(?:box(?:es)?|servers?|machines?|workstations?|PCs?|computers?|hosts?|nodes?|DCs?|bridgeheads?|front[\s\u00a0-]?ends?|back[\s\u00a0-]?ends?)`;
const MACHINE_RE = new RegExp(
  String.raw`(?<![\w])(?:${MACHINE_WORDS}|the[\s\u00a0]{1,3}rest|the[\s\u00a0]{1,3}others?)(?![\w])`,
  'i',
);
/**
 * A machine kept out of service ("the lab box", "a test server", "not in production"): its level does
 * not decide for the ticket's machines.
 */
export const OUT_OF_SERVICE_RE = new RegExp(
  String.raw`(?<![\w])(?:(?:lab|test|testing|staging|spare)(?:[\s\u00a0]{1,3}[\w-]+)?[\s\u00a0]{1,3}${MACHINE_WORDS}|not[\s\u00a0]{1,3}(?:yet[\s\u00a0]{1,3})?in[\s\u00a0]{1,3}production|out[\s\u00a0]{1,3}of[\s\u00a0]{1,3}(?:service|production))(?![\w])`,
  'i',
);
// Said anywhere in the sentence, a version there may be gone: the judgement stays single.
const FORMER_RE =
  /(?<![\w])(?:used[\s\u00a0]{1,3}to|previously|formerly|before|earlier|once|no[\s\u00a0]{1,3}longer|any[\s\u00a0]?more|decommission(?:ed|ing)?|retired|replaced|gone|old|former|other[\s\u00a0]{1,3}(?:site|office|branch|domain|org(?:anization)?|company|network)|elsewhere|not[\s\u00a0]{1,3}(?:involved|affected|relevant|in[\s\u00a0]{1,3}scope)|upgraded|migrated|moved|switched|went|converted|off|until|had)(?![\w])/i;

const SENTENCE_END_RE = /[.!?](?=[\s\u00a0]|$)|[;\n]/g;
const CLAUSE_END_RE = /[.!?](?=[\s\u00a0]|$)|[;,\n]|(?<![\w])but(?![\w])/g;

function around(text: string, start: number, end: number, re: RegExp): string {
  let from = 0;
  re.lastIndex = 0;
  for (const m of text.slice(0, start).matchAll(re)) from = m.index + m[0].length;
  const tail = text.slice(end);
  re.lastIndex = 0;
  const next = tail.search(re);
  return text.slice(from, next < 0 ? text.length : end + next);
}

/** Marks each mention said of a machine of its own (`machine`) and each in a sentence of a gone or elsewhere one (`former`). */
export function markMachines(text: string, products: ProductMention[]): ProductMention[] {
  return products.map((p) => {
    const clause = around(text, p.start, p.end, CLAUSE_END_RE);
    const sentence = around(text, p.start, p.end, SENTENCE_END_RE);
    const machine = MACHINE_RE.test(clause);
    const former = FORMER_RE.test(sentence);
    return machine || former
      ? { ...p, ...(machine ? { machine: true as const } : {}), ...(former ? { former: true as const } : {}) }
      : p;
  });
}
