/**
 * Articles whose own fix the ticket says, by the article's number, is on the machine in question:
 * "The Q271374 hotfix was applied to this workstation last week.", "We installed KB 266129 on this
 * server on Tuesday and rebooted.", "...; the hotfix from Q241136 is installed on it."
 *
 * The verdict calls such an article fixed (verdict.ts), the worst outcome when wrong, so this reads a
 * whitelist, not a list of bad words: a clause counts only when it is, from its start to its end, one
 * of a few complete first-hand forms ("[we] [already] installed <fix>", "<fix> is/was/has been
 * applied") with nothing after the verb but where (this machine, all of them) and when. Any other
 * word ("on most of the workstations", "was supposed to be", "the user thinks", "in our lab only",
 * "and then rolled back", "by the previous admin") leaves the clause outside the list, and the
 * ordinary verdict stands. A later clause that takes a fix off or says a machine is without it
 * undoes the statement.
 */
import { MACHINE_WORDS } from './machine-cues';

const S = String.raw`[\s\u00a0]{1,3}`;
// The article's number: "Q271374", "KB 266129", "KB266129", "KB-266129".
const NUMBER = String.raw`(?:Q|KB[\s\u00a0-]?)(\d{5,7})(?![\w])`;
const FIX_WORD = String.raw`(?:hot[\s\u00a0-]?fix|fix|patch|update|QFE)`;
// Where: the machine in question, or all of them. A qualified machine ("the backup server", "the
// test box") may be another one: only a plain word before the machine word, and none of these.
const OTHER_WORD = String.raw`(?:other|another|test|testing|lab|backup|spare|staging|dev|pilot|new|old|second|secondary|primary|first|remote|wrong)`;
// The fix named by the number: "the Q271374 hotfix", "the Q285023 IMS hotfix", "hotfix Q249281",
// "the hotfix from Q241136", "the fix per Q184113", "KB 266129" alone.
const FIX_NAMED = [
  String.raw`${NUMBER}(?:${S}(?!${OTHER_WORD}(?![\w])|beta|trial|private|interim|pre)[A-Za-z][\w-]{0,15}(?=${S}${FIX_WORD}))?(?:${S}${FIX_WORD})?`,
  String.raw`${FIX_WORD}${S}${NUMBER}`,
  String.raw`${FIX_WORD}${S}(?:from|in|of|for|per|described${S}in)${S}${NUMBER}`,
].join('|');
const FIX_NP = String.raw`(?:(?:the|this)${S})?(?:${FIX_NAMED})`;
const ON_VERB = String.raw`(?:installed|applied|deployed)`;
const PLACE = [
  String.raw`(?:on|to)${S}it`,
  String.raw`here`,
  String.raw`(?:on|to)${S}(?:this|that|the|our|the${S}affected)${S}(?:(?!${OTHER_WORD}(?![\w]))[A-Za-z][\w-]{0,15}${S})?${MACHINE_WORDS}`,
  String.raw`(?:on|to)${S}(?:all|both|every|each)${S}(?:(?:of${S})?(?:the|our)${S})?(?:[A-Za-z][\w-]{0,15}${S})?${MACHINE_WORDS}`,
].join('|');
const DAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const WHEN = [
  String.raw`yesterday`,
  String.raw`today`,
  String.raw`this${S}(?:morning|afternoon|week)`,
  String.raw`last${S}(?:night|week|weekend|month|${DAY})`,
  String.raw`on${S}(?:${DAY}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2})`,
  String.raw`(?:\d{1,2}|two|three|a${S}few)${S}(?:days|weeks)${S}ago`,
].join('|');
const TAIL = String.raw`(?:${S}(?:${PLACE}|${WHEN}|successfully|already|(?:and|then)${S}(?:we${S})?rebooted(?:${S}(?:it|the${S}server))?))*`;
const ADV = String.raw`(?:(?:already|also|successfully)${S})?`;
// The clause forms, each whole: "[We/I] [have] [already] installed <fix> <tail>" and
// "<fix> [is|was|has been|have been] [already] installed <tail>".
const FORMS = [
  String.raw`(?:(?:we|I)${S}(?:have${S}|had${S})?)?${ADV}${ON_VERB}${S}${FIX_NP}${TAIL}`,
  String.raw`${FIX_NP}${S}(?:(?:is|was|has${S}been|have${S}been)${S})?${ADV}${ON_VERB}${TAIL}`,
];
const CLAUSE_RE = new RegExp(String.raw`^(?:${FORMS.join('|')})$`, 'i');
// A sentence ends at a stop before a space, a semicolon or a newline; not inside "4.0" or "3/2".
const SENTENCE_END_RE = /[.!?](?=[\s\u00a0]|$)|[;\n]/g;
// "and" / "but" join two clauses of one sentence.
const JOIN_RE = /,?[\s\u00a0]+(and|but)(?=[\s\u00a0])/gi;
// Clauses before the statement in its sentence that make it no plain report of this machine: a
// condition, a question, a plan, somebody else's word or a denial ("check whether SP4 is there and
// the Q123 hotfix is applied", "the user thinks the server was rebooted and the hotfix applied").
const HEDGE_RE =
  /(?<![\w])(?:if|whether|once|when|unless|until|after|before|check|verify|confirm|ensure|sure|thinks?|believes?|claims?|says?|said|told|reports?|supposed|should|would|could|might|may|will|need|plans?|wants?|hopes?|expects?|assumes?|probably|maybe|perhaps|not|never|no)(?![\w])|n't(?![\w])/i;
// Taken off again, or a machine said to be without it, anywhere after the statement.
const UNDONE_RE = new RegExp(
  String.raw`(?<![\w])(?:uninstall(?:ed|ing)?|remov(?:ed|ing)|back(?:ed|ing)?${S}out|roll(?:ed|ing)?${S}(?:it${S})?back|pulled|revert(?:ed|ing)?|re-?(?:applied|installed)|in${S}error|by${S}mistake|accidentally|without${S}(?:it|the${S}(?:hot)?fix)|(?:does${S}not|doesn't|did${S}not|didn't|never)${S}(?:have|get|got)${S}it|still${S}(?:missing|lacks?))(?![\w])`,
  'i',
);

/** Upper-case article numbers ("Q271374") whose own fix the ticket plainly says is installed. */
export function findInstalledFixes(text: string): string[] {
  const out = new Set<string>();
  let from = 0;
  SENTENCE_END_RE.lastIndex = 0;
  const ends = [...text.matchAll(SENTENCE_END_RE)].map((m) => ({ at: m.index, mark: m[0] }));
  ends.push({ at: text.length, mark: '' });
  for (const { at, mark } of ends) {
    const sentence = text.slice(from, at);
    const start = from;
    from = at + mark.length;
    // A question states nothing: "Is the Q123 hotfix installed?"
    if (mark === '?' || sentence.length > 400) continue;
    const parts: { text: string; end: number; joinAfter: string }[] = [];
    let p = 0;
    JOIN_RE.lastIndex = 0;
    for (const j of sentence.matchAll(JOIN_RE)) {
      parts.push({ text: sentence.slice(p, j.index), end: start + j.index, joinAfter: j[1]!.toLowerCase() });
      p = j.index + j[0].length;
    }
    parts.push({ text: sentence.slice(p), end: at, joinAfter: '' });
    for (const [k, part] of parts.entries()) {
      const m = CLAUSE_RE.exec(part.text.replace(/[\s\u00a0]+/g, ' ').trim());
      if (!m) continue;
      // "installed on all servers, but ...": the contrast limits it.
      if (part.joinAfter === 'but') continue;
      if (parts.slice(0, k).some((q) => HEDGE_RE.test(q.text))) continue;
      if (UNDONE_RE.test(text.slice(part.end))) continue;
      const n = m.slice(1).find(Boolean);
      if (n) out.add(`Q${n}`);
    }
  }
  return [...out];
}
