/**
 * Versions a ticket names as the ones to reach, not the ones it runs: "Store.exe should be version
 * 5.5.2651.89", "the fixed build should be 5.5.2650.21", "it should be on NT 4.0 SP4", "the target
 * level is SP6", "Mouclass.sys 4.0.1381.7086 per the KB". Read as installed, an expected version made
 * the ticket look fixed. The expecting words must govern the version itself: only linking words
 * ("be on", "at least", "version") may stand between them, so "supposed to get the upgrade" or "the
 * box that should be patched runs NT 4.0 SP3" leave the installed level said there.
 */

import { LEVEL, normalLevel } from './levels';

const S = '[\\s\\u00a0]{1,3}';
// "should be", "must now have", "ought to be", "expected", "supposed to be", "needs to be", "requires",
// "the target (Store.exe) build", "the fix(ed) version", "minimum", "per the KB".
const EXPECTING = [
  `(?:should|must|shall|ought${S}to)(?:${S}(?:now|also|really|all|both|still))?${S}(?:be|have|show|read|report|reach|get|match|run)`,
  `expect(?:s|ed|ing)?`,
  `supposed${S}to${S}(?:be|have|show|read|run|reach)`,
  `need(?:s|ed)?${S}to${S}(?:be|have|reach|show|read)`,
  `requires?|required`,
  `target(?:ed)?(?:${S}[\\w.-]{1,40})?${S}(?:version|build|level|release)s?`,
  `fix(?:ed)?${S}(?:version|build|level)`,
  `minimum`,
  `per${S}the${S}(?:KB|article)`,
].join('|');
// Between the expecting words and the version: linking words only.
const LINK = `(?:be|is|are|at|on|to|in|of|least|the|a|version|build|level|release|now|was|:|=|\\()`;
const EXPECTED_BEFORE_RE = new RegExp(
  `(?<![\\w])(?:${EXPECTING})(?![\\w])(?:[\\s\\u00a0]{0,3}${LINK}(?![\\w])){0,4}[\\s\\u00a0:=(]*$`,
  'i',
);
// A level that is not on the machine (yet), said right after it: "SP3 is scheduled for next month", "SP2 install
// failed", "SP3 setup on the connector server failed halfway", "SP4 failed to install", "SP4 is not installed yet".
// Only words that say it is not there: "pending a reboot", "approved", "due for replacement" are said of a level
// that runs. A failed install must be the level's own, with no comma or parenthesis between: "SP6a, update Office
// failed" and "SP6a (update KB299999 failed)" are another thing's failure. A level to come said before it
// ("we plan to install SP4") is ticket-versions.ts's toBeInstalled.
const NOT_ON_RE = new RegExp(
  `^[\\s\\u00a0]{0,3}(?:${[
    `(?:is|was)${S}(?:(?:still|only|now)${S})?(?:scheduled|planned|queued|on${S}order)(?![\\w])`,
    `(?:(?:is|was|has|have)${S}(?:been${S})?)?(?:not|never)${S}(?:(?:been|yet)${S})?(?:installed|applied|deployed)(?![\\w])`,
    `(?:install(?:ation|er)?|setup)(?:${S}(?:on|to)${S}(?:(?:the|this|that|our|one|each|all|both)${S})?[\\w-]{1,20}(?:${S}(?:box(?:es)?|servers?|machines?|PCs?|clients?|nodes?|hosts?|DCs?))?)?${S}(?:failed|fails|aborted|crashed|hung|errored${S}out|was${S}cancelled|did${S}not${S}(?:finish|complete))(?![\\w])`,
    `(?:failed|fails)${S}to${S}(?:install|apply)(?![\\w])`,
    `(?:will|would)${S}be${S}(?:installed|applied|deployed)(?![\\w])`,
  ].join('|')})`,
  'i',
);
// Right after the version: "per the KB", "according to Q123456", "is expected", "is needed". Not "as
// expected" (it confirms what is there), "as required by our vendor" or "is required by" (why it runs),
// nor "is expected to be replaced" (what becomes of the installed one).
const EXPECTED_AFTER_RE = new RegExp(
  `^[\\s\\u00a0,(]{0,3}(?:(?:is${S})?(?:per|according${S}to)${S}(?:the${S})?(?:KB|article|fix|hotfix|Q\\d{5,7}|KB[\\s\\u00a0]?\\d{5,7})|(?:is${S})?(?:expected|required|needed)(?![\\w])(?!${S}by(?![\\w]))(?!${S}to${S}(?:be${S})?[a-z]+(?:ed|en)(?![\\w])))`,
  'i',
);
// "requires NT 4.0 SP3, so that is what the server runs": the sentence says the machine runs it.
const RUNS_IT_RE =
  /(?<![\w])(?:runs?|running|ran|installed|we(?:'ve|[\s\u00a0]{1,3}have)|is[\s\u00a0]{1,3}on)(?![\w])/i;
const SENTENCE_END_RE = /[.!?](?=[\s\u00a0]|$)|\n/;

/** The clause that ends at `at`: back to the last stop, comma, semicolon or line break, at most 80 characters. */
function clauseBefore(text: string, at: number): string {
  const lead = text.slice(Math.max(0, at - 80), at);
  // A stop before a space ends a sentence; one inside "5.5.2448.0" or "Store.exe" does not.
  return lead.slice(lead.search(/(?:[^.,;!?\n]|[.!?](?![\s\u00a0]))*$/));
}

/**
 * The version written at [start, end) is one the ticket expects or needs, not one it has. `start` is
 * where the version (or the product written with it) begins: a file name before it is the caller's to skip.
 */
export function expectedVersion(text: string, start: number, end: number): boolean {
  const before = clauseBefore(text, start);
  if (EXPECTED_BEFORE_RE.test(before)) {
    if (!/(?<![\w])requires?(?![\w])/i.test(before) || !RUNS_IT_RE.test(sentenceAfter(text, end))) return true;
  }
  const after = text.slice(end, end + 40);
  return EXPECTED_AFTER_RE.test(after) || NOT_ON_RE.test(after);
}

// "Vendor doc says Gapi32.dll is still 5.5.2448.0 in SP2": a version quoted from a document or said of another
// level, not read off the machine.
const QUOTING_RE = /(?<![\w])(?:says?|said|readme|docs?|documentation|article)(?![\w])/i;
const OF_LEVEL_AFTER_RE = /^[\s\u00a0]{1,3}in[\s\u00a0]{1,3}(?:SP|service[\s\u00a0]{1,3}pack)[\s\u00a0]?\d/i;

/** The file version at [start, end), said to be "still" that, is quoted, not the machine's: see QUOTING_RE. */
export function quotedStillVersion(text: string, start: number, end: number): boolean {
  return QUOTING_RE.test(clauseBefore(text, start)) || OF_LEVEL_AFTER_RE.test(text.slice(end, end + 20));
}

// "The hotfix files (Emsmta.exe 5.5.2654.22) are copied to C:\temp", "the KB says Store.exe is 5.5.2650.21": the
// fix's file or a document's, written right before the file name, not the machine's. Not "after the hotfix,
// Store.exe is ..." (a comma ends the clause), nor "the patched / fixed / corrected Store.exe": the machine's
// own file once the fix is on.
const FIX_FILE_BEFORE_RE =
  /(?<![\w])(?:hot[\s\u00a0-]?fix|fix|QFE|patch|package)(?:'s)?[\s\u00a0]{1,3}(?:files?|binar(?:y|ies))[\s\u00a0]{0,3}[(:]?[\s\u00a0]{0,3}$/i;
const DOC_SAYS_RE =
  /(?<![\w])(?:KB|article|readme|doc(?:s|ument|umentation)?|bulletin|Q\d{5,6})(?:[\s\u00a0]{1,3}(?:also|only|still|now))?[\s\u00a0]{1,3}(?:says?|said|lists?|listed|states?|gives?)(?![\w])/i;

/** The file named at `start` is the fix's or a document's, by the words right before it: see FIX_FILE_BEFORE_RE. */
export function fixOwnFile(text: string, start: number): boolean {
  const before = clauseBefore(text, start);
  return FIX_FILE_BEFORE_RE.test(before) || DOC_SAYS_RE.test(before);
}

function sentenceAfter(text: string, end: number): string {
  const rest = text.slice(end, end + 120);
  const stop = rest.search(SENTENCE_END_RE);
  return stop < 0 ? rest : rest.slice(0, stop);
}

// "should have Exchange 5.5 SP4 but only has SP3", "should be at 5.5 SP4; currently at SP3": a level
// written alone after the expected one, with words that set it against it, is the installed one.
const INSTEAD_LEVEL_RE = new RegExp(
  `^[^.!?\\n]{0,40}?(?<![\\w])(?:but|only|currently|actually|really|instead|in${S}fact|now|still)(?![\\w])[^.!?\\n\\d]{0,25}?(?<![\\w])${LEVEL}`,
  'i',
);

/** The installed level the ticket writes alone after the expected version that ends at `end`, if any. */
export function levelAfterExpected(text: string, end: number): string | null {
  const m = INSTEAD_LEVEL_RE.exec(sentenceAfter(text, end));
  return m ? normalLevel(m[1]!) : null;
}
