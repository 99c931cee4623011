/**
 * What a ticket says about a KB number it cites. Most citations point at the article the ticket
 * is about ("see Q227142", "this is KB 183588"). Two kinds do not, and real tickets are full of
 * them: a number the writer sets aside ("KB 169283, which we already looked at", "it's Q169125
 * but that doesn't match", "That one's about something else") and an update the system already
 * runs ("after we installed Q299444", "Q310625 is applied"). Both describe the ticket, not its
 * explanation: where a quoted message names another article, that one leads (rank.ts).
 *
 * Only the cited number's own clause is read (a bounded window around it), and only when the
 * ticket cites something: nothing here runs for the bulk of a page's text.
 */
export type CitationAside = 'ruled-out' | 'installed';

/** How far around a citation its clause is read. */
const BEFORE = 60;
const AFTER = 120;

// "already looked at KB 1", "we tried Q1", "ruled out Q1", "not Q1", "rather than Q1".
const RULED_OUT_BEFORE =
  /(?:\b(?:already|previously)\s+(?:looked\s+at|tried|checked|read|followed|went\s+through|gone\s+through|ruled\s+out)|(?<!\byou\s)\b(?:tried|ruled\s+out)|\brather\s+than|\b(?:it'?s|is|was)\s+not|\bnot)\s*:?\s+(?:the\s+)?(?:(?:ms\s*)?kb\s+)?(?:article\s+)?$/i;
// "Q1, which we already looked at", "Q1 (already tried)"
const RULED_OUT_WHICH =
  /^[\s,;:)\]-]{0,4}(?:\(\s*)?(?:(?:which|that)\s+(?:we|i|they|you|he|she|the\s+customer|the\s+user)\s+(?:have\s+|had\s+|'ve\s+)?)?(?:already|previously)\s+(?:looked\s+at|tried|checked|read|followed|went\s+through|gone\s+through|applied|ruled\s+out)\b/i;
// "tried Q1 and it fixed the issue", "Q1, which solved it": what the ticket tried worked, so the
// number is its explanation, not one set aside.
const WORKED_AFTER =
  /^[^.!?\n]{0,60}?\b(?:and|which|that|it)\b[^.!?\n]{0,20}?(?<!\bnot\s|n't\s|\bnever\s)\b(?:worked|fixed|solved|resolved|helped|did\s+the\s+trick)\b/i;
// Words that deny a citation: "doesn't match", "did not help", "no luck", "about something else".
const DENIAL =
  /(?:(?:does|did|do|is|was|were)\s*n[o']t|won'?t|can'?t|cannot|could\s*n[o']t)\s+(?:really\s+|seem\s+to\s+|quite\s+)?(?:match|apply|help|fit|work|cover|fix|solve|resolve|relate|describe|the\s+same)|unrelated|irrelevant|no\s+luck|no\s+help|not\s+(?:relevant|applicable|it\b|the\s+(?:right|same)\s+(?:one|article|issue|problem))|about\s+(?:something\s+else|a\s+different|other|another)|for\s+something\s+else/i;
// The denial right after the number, with at most a pronoun for subject: "Q1 but that doesn't
// match", "KB 1 did not help", "Q1 (unrelated)"; not "KB 1 says the server doesn't work".
const DENIED_AFTER = new RegExp(
  String.raw`^[\s,;:)\]-]{0,4}(?:\(\s*)?(?:(?:but|and)\s+)?(?:(?:that|this|it|which|those|these|they|both)(?:\s+ones?)?\s*)?(?:'s\s+|'re\s+|is\s+|are\s+|was\s+|were\s+|seems?\s+|looks?\s+)?(?:also\s+|already[\s,]+)?(?:` +
    DENIAL.source +
    ')',
  'i',
);
// A next sentence that points back at the number and denies it: "That one's about something else".
const NEXT_DENIES = new RegExp(
  String.raw`^\s*(?:that|this|it|those|these|they|both)(?:\s+(?:one|ones|articles?|kbs?))?\b[^.!?\n]{0,40}?(?:` +
    DENIAL.source +
    ')',
  'i',
);

// A later part of the number's own clause that points back at it and denies it: "Q1 but there is no
// Dr. Watson here, so that one doesn't apply". Only a demonstrative for the number ("that one",
// "this article"), not "it", which as often names the system ("Q1, but it doesn't work after SP4").
const LATER_DENIES = new RegExp(
  String.raw`[,(\-\u2013]\s*(?:(?:so|but|and|yet|thus|hence)\s+)?(?:that|this)(?:\s+(?:one|article|kb))?(?:'s|\s+(?:is|was|seems?|looks?|also)\b)*\s*(?:` +
    DENIAL.source +
    ')',
  'i',
);
// What trying the number came to, anywhere in its own clause and whoever the subject: "Q1 might be
// related but it didn't change anything", "Q1 made no difference", "Q1 and Q2, neither helped". These
// words say how an attempt went and never describe a problem, unlike "it does not work", which as
// often describes the system ("Q1 matches, but it does not work after SP4").
const OUTCOME_DENIED =
  /\b(?:(?:did|does|do)\s*n[o']t|never)\s+(?:really\s+)?(?:change|do|fix|solve)\s+(?:anything|a\s+thing|much)\b|\b(?:made|makes|make)\s+no\s+(?:real\s+)?difference\b|\b(?:did|does)\s*n[o']t\s+make\s+(?:a|any|much\s+of\s+a)\s+difference\b|\bto\s+no\s+avail\b|\b(?:neither|none\s+of\s+(?:them|those|these))\s+(?:one\s+)?(?:helped|worked|applie[sd]|fit|matche[sd]|fixed\s+it)\b|\b(?:no|not\s+a)\s+(?:good|joy|dice|help|change|difference)(?=\s*(?:[,;:()\]\-\u2013.!?]|$|\s+(?:either|there|here|for\s+us)\b))|\bsame\s+(?:result|error|problem|thing|behaviou?r)\s+(?:after|afterwards)\b/i;
// "same error as before", "still the same": an outcome only where the span speaks of the attempt
// ("tried Q1, still the same"); otherwise they describe something else ("same behaviour as before
// on the other servers without it").
const SAME_AS_BEFORE = /\bsame\s+(?:result|error|problem|thing|behaviou?r)\s+as\s+before\b|\bstill\s+the\s+same\b/i;
const ATTEMPT =
  /\b(?:tr(?:ied|ying)|appl(?:ied|ying)|install(?:ed|ing)|deploy(?:ed|ing)|follow(?:ed|ing)|after(?:wards)?)\b/i;
// What the attempt came to when it worked: nearer the number than a denial, it is the verdict.
const SUCCESS = /(?<!\bnot\s|n't\s|\bnever\s|\bno\s)\b(?:fixed|solved|resolved|works|worked)\b/i;
// The next number the clause cites: what follows is said of that one.
const NEXT_NUMBER = /\b(?:(?:ms\s*)?kb\s*(?:article\s*)?|article\s+)?#?\s*q?\d{5,7}\b/i;
// A denial with no subject of its own after a break in the clause: "Q1 was suggested - no good,
// doesn't apply", "Q1, didn't help". With a subject it may be the system's ("but it doesn't work").
const BARE_DENIAL_LATER = new RegExp(
  String.raw`[,;:(\-\u2013]\s*(?:(?:but|and|so|yet)\s+)?(?:` + DENIAL.source + ')',
  'i',
);
// The number's verdict first, in an agent's shorthand: "Q1 (wrong, that's FoxPro)", "Q1 - wrong".
const WRONG_FIRST = /^\s*(?:(?:first|too|also)\s*)?(?:\(\s*|[,:\-\u2013]\s*)wrong\b(?=\s*(?:[,;:()\]\-\u2013.!?]|$))/i;

// A verdict on the number anywhere in its own clause, in the shorthand of an agent's note:
// "Q1 came up in search, unrelated", "(rdr.sys, not ours)", "- different printer, ignore",
// "that's CausesValidation - doubtful", "(wrong KB)". Only words that cannot describe the
// ticket's own problem: "unrelated" must end its phrase ("unrelated services" is a description).
const DISMISSED_IN_CLAUSE =
  /\b(?:unrelated|irrelevant|not\s+relevant)(?=\s*(?:[,;:()\]\-\u2013.!?]|$|here\b|to\s+(?:us|this|ours)\b|for\s+(?:us|this)\b))|\bnot\s+(?:ours|this(?:\s+one)?|our\s+(?:issue|problem|case|error))(?=\s*(?:[,;:()\]\-\u2013.!?]|$))|\bwrong\s+(?:kb|article|one)\b|\b(?:a\s+)?different\s+(?:issue|problem|scenario|product|printer|error|case)(?=\s*(?:[,;:()\]\-\u2013.!?]|$))|\bdoubtful\b|(?:^|[,;:(\-\u2013]\s*)ignore(?:\s+(?:that|this|it)(?:\s+(?:one|here))?)?\s*(?:[,;:)\]\-.!?]|$)/i;
// A number from the customer's history, not this problem: "previous case was Q1", "on another
// call", "had a similar thing last month, see Q1". Not this ticket's own "last call" or "last
// ticket update": only another call is another case.
const HISTORY_BEFORE =
  /\b(?:(?:(?:previous|earlier|prior|last|other|another)\s+(?:case|ticket|incident)s?|(?:other|another)\s+calls?)\b(?!\s+(?:update|note|comment|entry|entries|reply|response)s?\b)[^.!?\n()]{0,40}|\bsimilar\b[^.!?\n()]{0,50}\b(?:last|previous)\s+(?:week|month|year|time)\b[^.!?\n()]{0,20}|\bnot\s+the\s+same\s+as\b[^.!?\n()]{0,40})$/i;
const HISTORY_AFTER =
  /^[^.!?\n]{0,50}?\b(?:on|in|for)\s+(?:(?:an?other|a\s+different|the\s+other)\s+(?:case|ticket|call|incident)|the\s+(?:previous|earlier)\s+(?:case|ticket|incident))\b/i;
// More numbers in the same list ("Q1 and Q2", "Q1 (rdr.sys), Q2"): what is said after the list,
// or before it, is said of each of them.
const LIST_NEXT =
  /^\s*(?:\([^()\n]{0,90}\)\s*)?(?:,|\band\b|\bor\b|&|\/)\s*(?:(?:ms\s*)?kb\s*(?:article\s*)?|article\s+)?#?\s*q?\d{5,7}\b/i;
const LIST_PREV =
  /\b(?:(?:ms\s*)?kb\s*(?:article\s*)?|article\s+)?#?\s*q?\d{5,7}\b\s*(?:\([^()\n]{0,90}\)\s*)?(?:,|\band\b|\bor\b|&|\/)\s*(?:(?:ms\s*)?kb\s*(?:article\s*)?|article\s+)?#?\s*$/i;
// The parenthesis right after a number: a note on that number alone.
const OWN_PAREN = /^\s*\(([^()\n]{0,90})\)/;

// "installed Q1", "after applying KB 1", "deployed the hotfix from Q1", "installed Q1 (the SRP) and the Q2 patch".
const INSTALLED_BEFORE =
  /\b(?:installed|installing|applied|applying|deployed|deploying|rolled\s+out|put\s+on)\b[^.!?\n]{0,45}$/i;
// "the error in KB 1", "described in Q1", "see KB 1" after an install: the number is the article
// about what the install brought, not the update installed.
const REFERENCE_BEFORE =
  /\b(?:in|per|see|like|described|documented|mentioned|explained)\s+(?:the\s+)?(?:(?:ms\s*)?kb\s+)?(?:article\s+)?$/i;
// "Q1 is installed", "Q1 was applied", "Q1 hotfix installed"
const INSTALLED_AFTER =
  /^[\s,)\]]{0,3}(?:\([^()\n]{0,30}\)\s*)?(?:(?:hotfix|patch|fix|update|rollup)\s+)?(?:(?:is|was|were|are|has\s+been|have\s+been|got)\s+)?(?:already\s+)?(?:installed|applied|deployed)\b/i;
// "have not installed Q1", "never applied KB 1", "doesn't have Q1 (installed)": the update is
// missing, so it is the advice, not the system's state.
const NOT_INSTALLED_BEFORE =
  /(?:\bnot|n't|\bnever|\bwithout)\s+(?:(?:yet|been|had|have|has|got|even|ever)\s+){0,2}(?:(?:installed|installing|applied|applying|deployed|deploying|rolled\s+out|put\s+on)\b[^.!?\n]{0,45}|(?:the\s+)?)$/i;
// "apply Q1", "install the Q1 hotfix" with a plan, not a past act: the number is the advice.
const INSTALL_TO_COME =
  /\b(?:should|must|need\s+to|needs\s+to|to|will|going\s+to|please|can\s+we|could\s+we)\s+(?:\w+\s+){0,2}(?:install|apply|deploy)/i;

/** The role of the citation at text[start, end), if it is not the ticket's own subject. */
export function citationAside(text: string, start: number, end: number): CitationAside | undefined {
  const listStart = listStartOf(text, start);
  const listEnd = listEndOf(text, end);
  const before = clauseBefore(text, listStart);
  const { own, next } = clauseAfter(text, listEnd);
  const paren = OWN_PAREN.exec(text.slice(end, end + 100))?.[1] ?? '';
  const span = ownSpan(own);
  if (
    RULED_OUT_BEFORE.test(before) ||
    RULED_OUT_WHICH.test(own) ||
    DENIED_AFTER.test(own) ||
    NEXT_DENIES.test(next) ||
    dismissed(own) ||
    dismissed(paren) ||
    LATER_DENIES.test(span) ||
    outcomeDenied(before, span) ||
    BARE_DENIAL_LATER.test(span) ||
    WRONG_FIRST.test(own) ||
    HISTORY_BEFORE.test(before) ||
    HISTORY_AFTER.test(own) ||
    HISTORY_AFTER.test(paren)
  )
    return WORKED_AFTER.test(own) ? undefined : 'ruled-out';
  if (NOT_INSTALLED_BEFORE.test(before)) return undefined;
  if (
    (INSTALLED_BEFORE.test(before) && !INSTALL_TO_COME.test(before) && !REFERENCE_BEFORE.test(before)) ||
    INSTALLED_AFTER.test(own)
  )
    return 'installed';
  return undefined;
}

/**
 * The part of the citation's clause that speaks of it alone: up to a semicolon or the next number
 * ("Q1 fixed it and Q2 made no difference": the denial is Q2's).
 */
function ownSpan(own: string): string {
  const span = own.split(';')[0]!;
  const next = NEXT_NUMBER.exec(span);
  return next ? span.slice(0, next.index) : span;
}

/** What trying the number came to, unless a success nearer the number is the verdict. */
function outcomeDenied(before: string, span: string): boolean {
  const denied =
    OUTCOME_DENIED.exec(span) ?? (ATTEMPT.test(before) || ATTEMPT.test(span) ? SAME_AS_BEFORE.exec(span) : null);
  if (!denied) return false;
  const worked = SUCCESS.exec(span);
  return !worked || worked.index > denied.index;
}

/**
 * A dismissal in the citation's own clause, up to a semicolon, said of the number and not of
 * something else the clause brings in ("Q1 looks right, the other events are unrelated").
 */
function dismissed(clause: string): boolean {
  const own = clause.split(';')[0]!;
  const at = DISMISSED_IN_CLAUSE.exec(own);
  return at !== null && !OTHER_SUBJECT.test(own.slice(0, at.index));
}
const OTHER_SUBJECT = /\b(?:other|others|rest|remaining|everything\s+else)\b/i;

/**
 * "Q1 matches the event pair exactly", "Q2 is the one", "only Q3 applies to our version": among
 * several numbers a ticket cites, the one it says is its case (citationAffirmed). "Q1 is it" and
 * "looks like ours" end their phrase: "Q1 seems like it only applies to NT 4.0" describes it.
 */
const AFFIRMED_AFTER =
  /^[\s,)\]]{0,3}(?:\([^()\n]{0,60}\)\s*)?(?:(?:is|looks|seems|sounds)\s+(?:like\s+)?(?:exactly\s+|definitely\s+|clearly\s+)?(?:the\s+(?:one|right\s+(?:one|article|kb)|culprit)\b|(?:it|ours)(?=\s*(?:[,;:.!)\]\-\u2013]|$))|it\s+(?:applies|matches|fits)\b|our\s+(?:exact\s+)?(?:issue|problem|case|error|bug)\b)|(?:matches|describes|fits)\b[^.!?\n]{0,40}?\b(?:exactly|perfectly|precisely)\b|(?:exactly|precisely)\s+(?:matches|describes|fits)\b)/i;
const AFFIRMED_BEFORE = /\bonly\s+(?:(?:ms\s*)?kb\s*)?(?:article\s*)?$/i;
// "the right one is Q2", "the correct article is KB 2": the ticket names its case before the number.
const NAMED_BEFORE =
  /\b(?:right|correct|relevant|actual|matching)\s+(?:one|article|kb)\s+(?:is|was|seems\s+to\s+be|looks\s+like)\s*:?\s*(?:(?:ms\s*)?kb\s*)?(?:article\s*)?$/i;
// "Q2 matches better", "Q2 is a better fit": said of one number against the others.
const BETTER_AFTER =
  /^[\s,)\]]{0,3}(?:(?:matches|fits|applies)\s+(?:much\s+|far\s+)?better\b|(?:is|looks\s+like|seems\s+like)\s+(?:a\s+)?(?:much\s+|far\s+)?(?:better|closer)\s+(?:match|fit)\b)/i;
/** A reservation later in the clause takes the affirmation back: "matches exactly, but not our version". */
const RESERVATION = /\b(?:but|except|although|though|however)\b|\bnot\b|n't\b/i;

/** Whether the ticket says the number at text[start, end) is its case, among others it cites. */
export function citationAffirmed(text: string, start: number, end: number): boolean {
  const { own } = clauseAfter(text, end);
  const before = clauseBefore(text, start);
  if (/^[^\n]*\?/.test(text.slice(end, end + AFTER).split(/[.!]\s/)[0]!)) return false;
  const after = AFFIRMED_AFTER.exec(own) ?? BETTER_AFTER.exec(own);
  if (after) return !RESERVATION.test(own.slice(0, after.index + after[0].length + 40));
  if (NAMED_BEFORE.test(before)) return !RESERVATION.test(own.slice(0, 60));
  return AFFIRMED_BEFORE.test(before) && /^\s+(?:applies|matches|fits|is\s+(?:relevant|right))\b/i.test(own);
}

/** Where the list of numbers the citation ends starts (the citation itself when it is alone). */
function listStartOf(text: string, start: number): number {
  for (let i = 0; i < 4; i++) {
    const m = LIST_PREV.exec(text.slice(Math.max(0, start - 90), start));
    if (!m) break;
    start -= m[0].length;
  }
  return start;
}

/** Where the list of numbers the citation begins ends. */
function listEndOf(text: string, end: number): number {
  for (let i = 0; i < 4; i++) {
    const m = LIST_NEXT.exec(text.slice(end, end + 90));
    if (!m) break;
    end += m[0].length;
  }
  return end;
}

/** The text before the citation back to its sentence's start (a line break ends a sentence too). */
function clauseBefore(text: string, start: number): string {
  const s = text.slice(Math.max(0, start - BEFORE), start);
  let cut = s.lastIndexOf('\n');
  for (let i = s.length - 2; i > cut; i--) {
    if ('.!?'.includes(s[i]!) && /\s/.test(s[i + 1]!)) {
      cut = i;
      break;
    }
  }
  return s.slice(cut + 1);
}

/** The citation's own sentence after it, and the next sentence (empty when there is none in reach). */
function clauseAfter(text: string, end: number): { own: string; next: string } {
  const s = text.slice(end, end + AFTER);
  const stop = /[.!?](?=\s|$)|\n\s*\n/.exec(s);
  if (!stop) return { own: s, next: '' };
  const rest = s.slice(stop.index + stop[0].length);
  return { own: s.slice(0, stop.index), next: rest.split(/[.!?](?=\s|$)|\n/)[0] ?? '' };
}
