/**
 * Articles whose fix the ticket says, by their number, is on its machine: "the Q174504 hotfix has
 * been applied", "SP2 + the Q216532 hotfix applied last month", "the fix from Q315494 is installed".
 * The verdict calls such an article fixed (verdict.ts), so only a plain, unlimited statement counts:
 * a sentence that asks, denies, plans or conditions ("even with the Q123 hotfix", "if we apply"),
 * limits it to some machines ("on EXCH01 only", "all servers but not the Tokyo one") or takes it off
 * again later in the ticket ("pulled", "rolled back", "reapplied SP3", "applied in error") states nothing.
 * One pass over the sentences and one over the undoing words: a long ticket costs no rescans.
 */
import { NOT_YET_RE, REMOVE_VERB } from './removals';
import { MACHINE_WORDS } from './machine-cues';

// A sentence ends at a stop before a space, not inside "4.0" or "Snanls.dll"; its stop is kept.
const SENTENCE_RE = /(?:[^.!?\n]|[.!?](?![\s\u00a0]|$))+(?:[.!?]+|\n|$)/g;
const S = '[\\s\\u00a0]{1,3}';
const Q = (name: string) => String.raw`(?:Q|KB[\s\u00a0]?)(?<${name}>\d{5,7})(?![\w])`;
const FIX = String.raw`(?:(?:hot)?fix(?:es)?|QFEs?|patch(?:es)?)(?![\w])`;
// The number written as the fix's own: "the Q174504 hotfix", "the fix from Q315494", "Q174504 is installed".
const OWN_NUMBER_RE = new RegExp(
  [
    String.raw`(?<![\w])${Q('a')}${S}${FIX}`,
    String.raw`(?<![\w])${FIX}${S}(?:from|in|of|for|per)${S}${Q('b')}`,
    String.raw`(?<![\w])${Q('c')}${S}(?:(?:is|was|has${S}been|have${S}been|got)${S})?(?:installed|applied|deployed)(?![\w])`,
  ].join('|'),
  'gi',
);
// Said as on the machine. Not "with the Q123 hotfix": a condition as often as a statement.
const ON_RE = /(?<![\w])(?:applied|installed|deployed|loaded|in[\s\u00a0]{1,3}place)(?![\w])/i;
// Asked, denied, conditioned, limited to some machines or not helping: the sentence states nothing.
const NOT_STATED_RE = new RegExp(
  String.raw`(?<![\w])(?:no|not|never|without|none|yet|pending|even|still|unless|once|please|sure|ensure|verify|check|confirm|hope|wish|only|test(?:ing)?|lab|pilot|staging|one|some|few|half|other|another|except|besides|apart|but)(?![\w])|n't(?![\w])`,
  'i',
);
// A named machine limits it: a host with digits ("EXCH01", "srv-2") or a name before a machine word ("the Tokyo server").
const HOST_RE = new RegExp(
  String.raw`(?<![\w])(?!(?:Q|KB|SP|SR)[\s\u00a0-]?\d)[A-Za-z][A-Za-z-]*\d+[\w-]*|(?<![\w])(?!(?:SP|SR)-?\d)[A-Z][\w-]*${S}${MACHINE_WORDS}(?![\w])`,
);
// Taken off again, anywhere after: "pulled", "rolled back", "reapplied SP3" (a service pack written over it), "applied in error".
const UNDONE_RE = new RegExp(
  String.raw`(?<![\w])(?:${REMOVE_VERB}|revert(?:ed|ing)?|re-?(?:applied|installed)|in${S}error|by${S}mistake|accidentally)(?![\w])`,
  'gi',
);

/** Upper-case article numbers ("Q174504") whose fix the ticket says is installed. */
export function findInstalledFixes(text: string): string[] {
  let undoneAt = -1;
  UNDONE_RE.lastIndex = 0;
  for (const m of text.matchAll(UNDONE_RE)) undoneAt = m.index;
  const out = new Set<string>();
  SENTENCE_RE.lastIndex = 0;
  for (const sm of text.matchAll(SENTENCE_RE)) {
    const sentence = sm[0];
    if (sentence.length > 400 || sentence.includes('?') || !ON_RE.test(sentence)) continue;
    OWN_NUMBER_RE.lastIndex = 0;
    const own = [...sentence.matchAll(OWN_NUMBER_RE)];
    if (own.length === 0) continue;
    // Anything undoing it from this sentence on.
    if (undoneAt >= sm.index) continue;
    if (NOT_STATED_RE.test(sentence) || NOT_YET_RE.test(sentence) || HOST_RE.test(sentence)) continue;
    for (const m of own) {
      const n = Object.values(m.groups ?? {}).find(Boolean);
      if (n) out.add(`Q${n}`);
    }
  }
  return [...out];
}
