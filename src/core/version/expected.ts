/**
 * Versions a ticket names as the ones to reach, not the ones it runs: "Store.exe should be version
 * 5.5.2651.89", "the fixed build should be 5.5.2650.21", "it should be on NT 4.0 SP4", "the target
 * level is SP6", "Mouclass.sys 4.0.1381.7086 per the KB". Read as installed, an expected version made
 * the ticket look fixed. The expecting words must govern the version itself: only linking words
 * ("be on", "at least", "version") may stand between them, so "supposed to get the upgrade" or "the
 * box that should be patched runs NT 4.0 SP3" leave the installed level said there.
 */

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
// Right after the version: "per the KB", "according to Q123456", "is expected", "as required".
const EXPECTED_AFTER_RE = new RegExp(
  `^[\\s\\u00a0,(]{0,3}(?:(?:is${S})?(?:per|according${S}to)${S}(?:the${S})?(?:KB|article|fix|hotfix|Q\\d{5,7}|KB[\\s\\u00a0]?\\d{5,7})|(?:is${S})?(?:expected|required|needed)(?![\\w])|as${S}(?:required|expected))`,
  'i',
);

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
  return EXPECTED_BEFORE_RE.test(clauseBefore(text, start)) || EXPECTED_AFTER_RE.test(text.slice(end, end + 40));
}
