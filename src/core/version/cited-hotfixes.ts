/**
 * What a ticket says of the fix of an article it cites by number: "Hotfix Q317653 has been applied",
 * "applied the hotfix from Q314696" (installed); "Q314696 not yet applied", "Q314696 (no)", "Q314696
 * is still missing", "applied, then rolled back" (absent); "the user says the Q314696 hotfix is
 * installed" (doubted: a claim). Where the number is cited for another reason, in an instruction or
 * condition, a question, a quote, another language or of another machine, nothing is read.
 *
 * What is read only makes a verdict less sure (verdict.ts): a ticket's word is no file read off the
 * machine. Only windows around the install verbs are read: nothing when the ticket has none.
 */
import { findKbRefs } from '../match/kb-refs';
import { hotfixUndone } from './removals';
import { NOT_YET_RE } from './machine-cues';

export type CitedHotfixState = 'installed' | 'absent' | 'doubted';

export interface CitedHotfix {
  /** "Q314696" */
  q: string;
  state: CitedHotfixState;
}

const S = '[\\s\\u00a0]';
const VERB = '(?:installed|applied|deployed)';
const VERB_RE = new RegExp(`(?<![\\w])${VERB}(?![\\w])`, 'gi');
const FIX = `(?:hot${S}?-?fix(?:es)?|fix(?:es)?|QFEs?|patch(?:es)?|update)`;
// The number right before the verb: "Hotfix Q166175 installed", "the Q174746 fix has been deployed",
// "Q166175 is not installed" (group 1: denied).
const LINK_AFTER_RE = new RegExp(
  `^${S}{0,3}(?:${FIX}${S}{0,3})?:?${S}{0,3}(?:(?:is|are|was|were|has|have)(?:n't)?${S}{1,3})?(?:(not|never|n't)${S}{1,3})?(?:(?:yet|been|now|already|successfully|also)${S}{1,3}){0,2}${VERB}(?![\\w])`,
  'i',
);
// The number right after the verb: "applied the Q174746 hotfix", "installed the hotfix from Q314696".
const LINK_BEFORE_RE = new RegExp(
  `(?<![\\w])${VERB}${S}{1,3}(?:the${S}{1,3})?(?:${FIX}(?:${S}{1,3}(?:from|in|of))?${S}{0,3}:?${S}{0,3})?$`,
  'i',
);
// The number with a status after it: "Q166175 pending", "Q166175 (no)", "Q166175 is still missing".
const STATUS_ABSENT_RE = new RegExp(
  `^${S}{0,3}(?:${FIX}${S}{0,3})?[:(|]?${S}{0,3}(?:(?:is|are)${S}{1,3})?(?:still${S}{1,3})?(?:missing|pending|no|not${S}{1,3}(?:yet${S}{1,3})?(?:installed|applied))(?![\\w])`,
  'i',
);
const FIX_AFTER_RE = new RegExp(`^${S}{1,3}(${FIX})(?![\\w])`, 'i');
// Before the verb, in its clause: not said of this machine now (an instruction, a condition).
const NOT_SAID_RE =
  /(?<![\w])(?:please|confirm|verify|check|ensure|make[\s\u00a0]{1,3}sure|once|unless|if|whether|when|after|next)(?![\w])/i;
const NEGATED_RE = /(?<![\w])(?:not|never|n't|yet[\s\u00a0]{1,3}to|to[\s\u00a0]{1,3}be)(?![\w])/i;
// In the sentence: another machine or place, a quote, a question, a word of another language.
const ELSEWHERE_RE =
  /\?|["“”>]|(?<![\w])(?:other|another|test|lab|staging|workstations?|clients?|only|except|nicht|nur|solo|sólo|pas|nee|niet|nog|noch|wrote|forum|thread|image|old|previous|migrated|BDC|PDC)(?![\w])/i;
// After the verb, in the sentence: "on SERVER2", "on Monday": a place or time the verdict cannot weigh.
const ON_NAMED_RE = /(?<![\w])on[\s\u00a0]{1,3}(?!(?:the|this|that|our|its|it|all|every|each|both|my)(?![\w]))[A-Z]/;
// In the sentence: someone's word about this machine.
const CLAIM_RE =
  /(?<![\w])(?:says?|said|claims?|claimed|reportedly|supposedly|apparently|according[\s\u00a0]{1,3}to|told|think|thinks|believes?|assumes?|may|might|probably|maybe|perhaps|notes?)(?![\w])/i;
const CLAUSE_END_RE =
  /[.!?;\n](?=[\s\u00a0]|$)|[;\n]|(?<![\w])(?:but|while|whereas|however|though|although|and)(?![\w])/gi;
const SENTENCE_END_RE = /[.!?](?=[\s\u00a0]|$)|\n/g;
const REACH = 80;
const MAX_VERBS = 200;

/** Where the span `re` bounds around `at` starts and ends, within REACH characters either side. */
function around(text: string, at: number, re: RegExp): [number, number] {
  const from = Math.max(0, at - REACH);
  let start = from;
  for (const m of text.slice(from, at).matchAll(re)) start = from + m.index + m[0].length;
  const tail = text.slice(at, at + REACH);
  re.lastIndex = 0;
  const next = tail.search(re);
  return [start, next < 0 ? at + tail.length : at + next];
}

/** What the ticket says of the fix the number at [start, end) names, if anything. */
function stateAt(text: string, start: number, end: number): CitedHotfixState | null {
  if (STATUS_ABSENT_RE.test(text.slice(end, end + 40))) return 'absent';
  const after = LINK_AFTER_RE.exec(text.slice(end, end + 60));
  const before = after ? null : LINK_BEFORE_RE.exec(text.slice(Math.max(0, start - 40), start));
  if (!after && !before) return null;
  if (after?.[1]) return 'absent';
  const verbAt = after ? end + after[0].length : start - before![0].length;
  const [clauseStart] = around(text, Math.min(start, verbAt), CLAUSE_END_RE);
  const lead = text.slice(clauseStart, Math.min(start, verbAt));
  if (NOT_SAID_RE.test(lead)) return null;
  if (NEGATED_RE.test(lead) || NOT_YET_RE.test(lead)) return 'absent';
  // "Q166175 hotfix installed ..., the hotfix was rolled back": removals.ts knows the hotfix by the
  // word before its fix word.
  const fixWord = FIX_AFTER_RE.exec(text.slice(end, end + 12));
  if (hotfixUndone(text, fixWord ? end + fixWord[0].length - fixWord[1]!.length : start)) return 'absent';
  const [sStart, sEnd] = around(text, start, SENTENCE_END_RE);
  const sentence = text.slice(sStart, Math.min(text.length, sEnd + 1));
  const lineStart = text.lastIndexOf('\n', start) + 1;
  if (ELSEWHERE_RE.test(sentence) || text[lineStart] === '>') return null;
  if (ON_NAMED_RE.test(text.slice(Math.max(start, verbAt), sEnd))) return null;
  return CLAIM_RE.test(sentence) ? 'doubted' : 'installed';
}

const RANK: readonly CitedHotfixState[] = ['absent', 'doubted', 'installed'];

/**
 * The fixes of cited articles the ticket says something of, read near its install verbs. Where it
 * says several things of one, the least favourable stands: a fix said on and then off again is off.
 */
export function findCitedHotfixes(text: string): CitedHotfix[] {
  const out = new Map<string, CitedHotfixState>();
  VERB_RE.lastIndex = 0;
  let seen = 0;
  let reached = 0;
  for (const v of text.matchAll(VERB_RE)) {
    if (++seen > MAX_VERBS) break;
    // Each stretch of text once: windows of neighbouring verbs overlap.
    const from = Math.max(reached, v.index - REACH);
    const to = v.index + v[0].length + REACH;
    if (to <= reached) continue;
    reached = to;
    for (const ref of findKbRefs(text.slice(from, to))) {
      // Nothing is less favourable than absent: no need to read the number again.
      if (out.get(ref.value) === 'absent') continue;
      const state = stateAt(text, from + ref.start, from + ref.end);
      if (!state) continue;
      const had = out.get(ref.value);
      if (!had || RANK.indexOf(state) < RANK.indexOf(had)) out.set(ref.value, state);
    }
  }
  return [...out].map(([q, state]) => ({ q, state }));
}
