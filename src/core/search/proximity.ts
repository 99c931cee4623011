/**
 * Word order in the title: an article whose title has two of the query's words side by side, in
 * the query's order ("hardware list", "connect to a web or ftp site"), is about what the agent
 * described more likely than one that has the same words scattered. Stopwords are skipped on both
 * sides, and both are compared as index terms (stemmed), so "connecting to web sites" still pairs
 * with "connect web site". The whole-query phrase (query.ts TIER.titlePhrase) is the strong form
 * of this; pairs are the partial one, for queries that say more than the title.
 */
import { STOPWORDS } from './tokenize';

/** Base score factor per adjacent pair found, and the most pairs that count. */
export const PAIR_BONUS = 0.05;
export const MAX_PAIRS = 3;

/**
 * "doesn" "t", "can" "t": the tokeniser cuts a contraction at its apostrophe; the first half tells
 * it is a negation.
 */
export const CUT_NEGATION = /^(?:does|do|did|is|was|are|were|has|have|had|ca|wo|could|would|should)n$/;

/**
 * Words that say something does not happen. The query drops them as filler, yet a title says them
 * ("No GPS Device Found", "DO FORM Does Not Display a Form", "Cannot Start"): for pairs they are
 * one term, NOT, however either side spells the negation.
 */
export const NEGATIONS: ReadonlySet<string> = new Set(
  'not no cannot never doesnt dont didnt cant wont isnt wasnt arent werent hasnt havent hadnt couldnt wouldnt shouldnt'.split(
    ' ',
  ),
);
export const NOT = 'not';

/**
 * A negation typed without its apostrophe: an auxiliary and "nt" ("neednt", "mustnt", "doesnt"),
 * beyond the common ones NEGATIONS lists. One word, never that word and "NT".
 */
export const JOINED_NEGATION =
  /^(?:does|do|did|is|was|are|were|has|have|had|could|would|should|need|must|might|ought|dare|ca|wo|ai)nt$/;

/**
 * A phrase-form text (tokenize.ts phraseForm) as index terms in order: stopwords dropped, and the
 * words in `skip` (the query's filler), so "Hangs After Installing" pairs with "hangs installing"
 * as the query keeps it; a negation, however spelt, is NOT.
 */
export function orderedTerms(phrase: string, stem: (word: string) => string, skip?: ReadonlySet<string>): string[] {
  const words = phrase.split(' ').filter((w) => w !== '');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (words[i + 1] === 't' && CUT_NEGATION.test(w)) {
      out.push(NOT);
      i++;
    } else if (NEGATIONS.has(w)) out.push(NOT);
    else if (!STOPWORDS.has(w) && !skip?.has(w)) out.push(stem(w));
  }
  return out;
}

/**
 * How many adjacent pairs of `query` (index terms, in order) stand side by side in `title`.
 * With `lastIsPrefix`, the query's last term is unfinished and pairs with any title term it begins.
 */
export function adjacentPairs(query: readonly string[], title: readonly string[], lastIsPrefix: boolean): number {
  let pairs = 0;
  for (let i = 0; i + 1 < query.length; i++) {
    const a = query[i]!;
    const b = query[i + 1]!;
    if (a === b) continue;
    const open = lastIsPrefix && i + 2 === query.length;
    for (let j = 0; j + 1 < title.length; j++) {
      const t = title[j + 1]!;
      if (title[j] === a && (t === b || (open && t.startsWith(b)))) {
        pairs++;
        break;
      }
    }
  }
  return pairs;
}

/** The base score factor for `pairs` adjacent pairs. */
export function pairFactor(pairs: number): number {
  return 1 + PAIR_BONUS * Math.min(pairs, MAX_PAIRS);
}
