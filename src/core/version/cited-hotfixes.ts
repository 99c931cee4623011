/**
 * What a ticket says of the fix of an article it cites by number: "I installed the hotfix from
 * Q314696 on the server", "Hotfix Q317653 has been applied" (installed); "Q314696 not yet applied",
 * "is scheduled to be applied", "applied, but it was removed again" (absent); "the user says the
 * Q314696 hotfix is installed", "applied on my test box", "has the Q317653 hotfix been applied?"
 * (doubted: a claim or another machine, from which no verdict follows). A hotfix said to be on
 * without its number is ticket-versions.ts's `patched`: it may be any hotfix.
 *
 * Only bounded windows around each cited number are read: linear in the ticket's length.
 */
import { findKbRefs } from '../match/kb-refs';

export type CitedHotfixState = 'installed' | 'absent' | 'doubted';

export interface CitedHotfix {
  /** "Q314696" */
  q: string;
  state: CitedHotfixState;
}

const W = '[\\s\\u00a0]';
// The words that say a fix is on the machine. Not "got" (obtained from PSS), "copied" or "downloaded".
const INSTALLED_RE = new RegExp(
  `(?<![\\w])(?:installed|applied|deployed|put${W}{1,3}on|in${W}{1,3}place|(?:is|are)${W}{1,3}listed)(?![\\w])`,
  'gi',
);
// A fix the number is said of: "the hotfix from Q314696", "the MS00-070 patch (Q266433)", "QFE Q166750".
const FIX_WORD_RE = /(?<![\w])(?:hot[\s\u00a0-]?fix(?:es)?|fix(?:es)?|QFEs?|patch(?:es)?|update|rollup)(?![\w])/i;
// Where a statement ends: a sentence's stop, a line break, a semicolon, or a turn ("but", "while").
const CLAUSE_END_RE = /[.!?](?=[\s\u00a0]|$)|[;\n]|(?<![\w])(?:but|while|whereas|however|though)(?![\w])/gi;
// Before the verb, in its clause: the fix is not on, or is only to come.
const NOT_ON_RE =
  /(?<![\w])(?:not|never|no|n't|yet[\s\u00a0]{1,3}to|fail(?:s|ed)?|without|pending|scheduled|planned|plan(?:s|ning)?|will|going[\s\u00a0]{1,3}to|to[\s\u00a0]{1,3}be|should|must|need(?:s|ed)?[\s\u00a0]{1,3}to|unable|cannot|can't)(?![\w])/i;
// In the sentence: someone's word, not a check; a question; another machine or only some.
const DOUBT_RE =
  /(?<![\w])(?:\d{1,4}[\s\u00a0]{1,3}(?:of|out[\s\u00a0]{1,3}of)[\s\u00a0]{1,3}\d{1,4}|half|most|several|few|before|says?|said|claims?|claimed|reportedly|supposedly|apparently|according[\s\u00a0]{1,3}to|told|thinks?|believes?|assumes?|may|might|probably|maybe|perhaps|if|whether|test|lab|staging|own|only|other|another|some|except|doc(?:s|ument(?:ation)?)?|readme|vendor)(?![\w])|\?/i;
// After the statement, in its sentence or the next one: it went off again.
const REMOVED_RE =
  /(?<![\w])(?:uninstall(?:ed)?|removed|rolled[\s\u00a0]{1,3}(?:it[\s\u00a0]{1,3})?back|backed[\s\u00a0]{1,3}(?:it[\s\u00a0]{1,3})?out|pulled|reverted|failed|could[\s\u00a0]{1,3}not[\s\u00a0]{1,3}find)(?![\w])/i;
// After the statement: a machine left out or only some ("on EXCH01, EXCH02 is still plain SP4", "on 3 of 5
// servers", "the rebuilt server has SP6a only"), or anything denied. Not proof it is off: doubt.
const PARTLY_RE =
  /(?<![\w])(?:not|n't|no|without|except|still|only|plain|rest|remaining|some|half|most|several|few|old|rebuilt|reinstalled|re-?imaged|other|another|\d{1,4}[\s\u00a0]{1,3}(?:of|out[\s\u00a0]{1,3}of)[\s\u00a0]{1,3}\d{1,4})(?![\w])/i;
const SENTENCE_END_RE = /[.!?](?=[\s\u00a0]|$)|\n/g;
const REACH = 160;

/** Where the clause around `at` starts and ends, within REACH characters either side. */
function clauseAround(text: string, at: number): [number, number] {
  const from = Math.max(0, at - REACH);
  let start = from;
  CLAUSE_END_RE.lastIndex = 0;
  for (const m of text.slice(from, at).matchAll(CLAUSE_END_RE)) start = from + m.index + m[0].length;
  const tail = text.slice(at, at + REACH);
  CLAUSE_END_RE.lastIndex = 0;
  const next = tail.search(CLAUSE_END_RE);
  return [start, next < 0 ? at + tail.length : at + next];
}

/** The rest of the sentence after `at` and the sentence after it, at most 2 × REACH characters. */
function followingText(text: string, at: number): string {
  const rest = text.slice(at, at + 2 * REACH);
  let stops = 0;
  SENTENCE_END_RE.lastIndex = 0;
  for (const m of rest.matchAll(SENTENCE_END_RE)) {
    if (++stops === 2) return rest.slice(0, m.index);
  }
  return rest;
}

/** What the clause that names `ref` says of its fix, if it says it is on at all. */
function stateAt(text: string, refStart: number, refEnd: number): CitedHotfixState | null {
  const [start, end] = clauseAround(text, refStart);
  const clause = text.slice(start, end);
  INSTALLED_RE.lastIndex = 0;
  const verb = INSTALLED_RE.exec(clause);
  if (!verb) return null;
  const verbAt = start + verb.index;
  const verbEnd = verbAt + verb[0].length;
  // The number must name the fix put on: a fix word in the clause, or the number right by the verb
  // ("applied Q314696", "Q314696 is installed").
  const between = verbAt > refEnd ? text.slice(refEnd, verbAt) : text.slice(verbEnd, refStart);
  if (
    !FIX_WORD_RE.test(clause) &&
    !/^[\s\u00a0]{0,3}(?:(?:is|was|has[\s\u00a0]{1,3}been)[\s\u00a0]{1,3})?$/i.test(between)
  )
    return null;
  if (NOT_ON_RE.test(text.slice(start, verbAt))) return 'absent';
  const following = followingText(text, verbEnd);
  if (REMOVED_RE.test(following)) return 'absent';
  // The whole sentence: a claim or a place said on either side of the verb.
  const [sStart, sEnd] = sentenceAround(text, refStart);
  if (DOUBT_RE.test(text.slice(sStart, sEnd)) || PARTLY_RE.test(following)) return 'doubted';
  return 'installed';
}

function sentenceAround(text: string, at: number): [number, number] {
  const from = Math.max(0, at - REACH);
  let start = from;
  SENTENCE_END_RE.lastIndex = 0;
  for (const m of text.slice(from, at).matchAll(SENTENCE_END_RE)) start = from + m.index + m[0].length;
  const tail = text.slice(at, at + REACH);
  SENTENCE_END_RE.lastIndex = 0;
  const stop = tail.search(SENTENCE_END_RE);
  return [start, stop < 0 ? at + tail.length : at + stop + 1];
}

const RANK: readonly CitedHotfixState[] = ['absent', 'doubted', 'installed'];

/**
 * The fixes of cited articles the ticket says something of. Where it says several things of one, the
 * least favourable stands: a fix said on and then off again is off.
 */
export function findCitedHotfixes(text: string): CitedHotfix[] {
  const out = new Map<string, CitedHotfixState>();
  for (const ref of findKbRefs(text)) {
    const state = stateAt(text, ref.start, ref.end);
    if (!state) continue;
    const had = out.get(ref.value);
    if (!had || RANK.indexOf(state) < RANK.indexOf(had)) out.set(ref.value, state);
  }
  return [...out].map(([q, state]) => ({ q, state }));
}
