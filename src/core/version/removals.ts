/**
 * A level the ticket says is gone ("uninstalled SP4", "Exchange 5.5 SP4 was rolled back", "put SP3
 * on but rolled it back") is not the installed one; the level it went back to ("back to SP2", "on
 * SP3 again") is. The same for a hotfix: one removed again is not installed. A verdict read from the
 * removed level would call the machine fixed when it is not.
 */
import { LEVEL, normalLevel } from './levels';
import type { ProductMention } from './products';
import { compareVersions } from './compare';

const W = '[\\s\\u00a0]';
const REMOVE_VERB = `(?:uninstall(?:ed|ing)?|remov(?:ed|ing)|back(?:ed|ing)?${W}{1,3}out|roll(?:ed|ing)?${W}{1,3}back|pulled)`;
const REMOVED_WORD = `(?:uninstalled|removed|backed${W}{1,3}out|rolled${W}{1,3}back|pulled)`;
// Where the thing removed ends: "uninstalled SP4." / "SP4 from the server", not "removed the SP3
// uninstall folder" or "SP3's connector".
const OBJECT_END = `(?=${W}{0,3}(?:[.,;:!?)\\n]|$|(?:from|on|off|and|but|because|since|again|yesterday|today|last|this|earlier|as|so|then|after|when|which|completely)(?![\\w])))`;
// "uninstalled SP4", "removed Exchange 5.5 SP2", "rolled back from SP4": the level right after the
// verb, a few words of its product between. Not the level a move went to ("rolled back to SP2").
const REMOVED_AFTER_RE = new RegExp(
  `(?<![\\w])${REMOVE_VERB}${W}{1,3}(?:from${W}{1,3})?(?:the${W}{1,3})?(?:(?!(?:to|on|at|onto)(?![\\w]))[\\w.+-]{1,20}${W}{1,3}){0,3}?${LEVEL}${OBJECT_END}`,
  'gi',
);
// "SP4 was uninstalled", "Exchange 5.5 SP4 has been rolled back", "with SP1 removed". Not "SP4
// removed the error" (the service pack did the removing).
const REMOVED_BEFORE_RE = new RegExp(
  `(?<![\\w])${LEVEL}(?:${W}{1,3}(?:was|were|is|has|had|have|been|got|then|later|already|also|again)){0,3}${W}{1,3}${REMOVED_WORD}(?![\\w])(?!${W}{1,3}(?:the|a|an|this|that|these|those|it|all|every|our|my)(?![\\w]))`,
  'gi',
);
// "uninstalled it again", "rolled it back", "backed them out" (not "backed it up"): what was removed is named before.
const REMOVED_PRONOUN_RE = new RegExp(
  `(?<![\\w])(?:(?:(?:uninstall|remov)(?:ed|ing)?|pulled)${W}{1,3}(?:it|them)|roll(?:ed|ing)?${W}{1,3}(?:it|them)${W}{1,3}back|back(?:ed|ing)?${W}{1,3}(?:it|them)${W}{1,3}out)(?![\\w])`,
  'gi',
);
const HOTFIX_WORD_RE = /(?<![\w])(?:hotfix(?:es)?|QFEs?|rollup|SRP|patch(?:es)?)(?![\w])/gi;
const HOTFIX_WORD_AT_RE = /(?<![\w])(?:hotfix(?:es)?|QFEs?|rollup|SRP|patch(?:es)?)(?![\w])/i;
const HOTFIX_REMOVED_RE = new RegExp(
  `(?<![\\w])${REMOVE_VERB}${W}{1,3}(?:the${W}{1,3}|that${W}{1,3}|this${W}{1,3})?(?:[\\w.-]{1,20}${W}{1,3}){0,3}?(?:hotfix(?:es)?|QFEs?|rollup|SRP|patch(?:es)?)(?![\\w])` +
    `|(?<![\\w])(?:hotfix(?:es)?|QFEs?|rollup|SRP|patch(?:es)?)(?:${W}{1,3}(?:was|were|is|has|had|have|been|got|then|later|already|also|again)){1,3}${W}{1,3}${REMOVE_VERB}(?![\\w])`,
  'gi',
);
// The level it went back to: "rolled it back to SP2", "reverted to SP3", "back on SP3".
const BACK_TO_RE = new RegExp(
  `(?<![\\w])(?:back|revert(?:ed|ing)?|downgrad(?:ed|ing)|return(?:ed|ing)?|restored)(?![\\w])[^.;!?\\n]{0,25}?(?<![\\w])(?:to|on|at)${W}{1,3}(?:the${W}{1,3})?${LEVEL}`,
  'gi',
);
// After a removal, the level it is at now: "on SP3 again", "is SP3 now", "now at SP3".
const NOW_AT_RE = new RegExp(
  `(?<![\\w])${LEVEL}${W}{1,3}(?:again|now)(?![\\w])|(?<![\\w])now${W}{1,3}(?:(?:on|at|is)${W}{1,3})?${LEVEL}`,
  'gi',
);
// A removal to come ("we may have to uninstall SP4", "could roll back to SP3") changes nothing yet.
const NOT_YET_RE =
  /\b(?:plan(?:s|ned|ning)?|will|need(?:s|ed)?|should|going|want(?:s|ed)?|would|must|could|can(?:not|'t)?|may|might|if|whether|try|trying)\b/i;

interface Span {
  level: string;
  start: number;
  end: number;
}

// A sentence ends at a full stop before a space ("2.0." but not the point in "2.0"), "!", "?", ";" or a line end.
const SENTENCE_END_RE = /[.!?](?=[\s\u00a0]|$)|[;\n]/g;

function endsSentence(between: string): boolean {
  SENTENCE_END_RE.lastIndex = 0;
  return SENTENCE_END_RE.test(between);
}

/** The words of the sentence before `at`, at most 80 characters back. */
function sentenceBefore(text: string, at: number): string {
  const lead = text.slice(Math.max(0, at - 80), at);
  const ends = [...lead.matchAll(SENTENCE_END_RE)].pop();
  return ends ? lead.slice(ends.index + ends[0].length) : lead;
}

/** The clause before `at`: the sentence's words after its last comma or joining word ("but", "so"). */
function clauseBefore(text: string, at: number): string {
  const lead = sentenceBefore(text, at);
  const cut = [...lead.matchAll(/,|\b(?:but|so|and|because|after|then|when)\b/gi)].pop();
  return cut ? lead.slice(cut.index + cut[0].length) : lead;
}

function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && out.length < 50) out.push(m);
  return out;
}

/** The level token inside a match: its number is group 1 (or 2 for the second alternative). */
function levelSpan(m: RegExpExecArray): Span {
  const number = m[1] ?? m[2]!;
  const end = m.index + m[0].lastIndexOf(number) + number.length;
  const word = m[0].slice(0, m[0].lastIndexOf(number)).search(/(?:sp|sr|service)[\s\u00a0-]*[a-z\s\u00a0-]*$/i);
  return { level: normalLevel(number), start: m.index + Math.max(0, word), end };
}

const LEVEL_ANY_RE = new RegExp(`(?<![\\w])${LEVEL}`, 'gi');

// Between the remove verb and the level: a joining word or another verb ("after removing Norton and
// installing SP4", "removed antivirus before installing SP6a") starts a second clause, whose level
// is not the thing removed. Product names are capitalised; the verbs are not.
const CLAUSE_JOIN_RE =
  /(?<![\w])(?:and|or|but|nor|before|after|then|while|when|so|plus)(?![\w])|(?<![\w])[a-z]+(?:ing|ed)(?![\w])/;

function secondClause(m: RegExpExecArray): boolean {
  const verb = new RegExp(`^${REMOVE_VERB}`, 'i').exec(m[0]);
  const number = m[1] ?? m[2]!;
  return CLAUSE_JOIN_RE.test(m[0].slice(verb ? verb[0].length : 0, m[0].lastIndexOf(number)));
}

// "uninstalled by mistake and reinstalled", "removed and re-applied", "pulled it and put it back":
// the removal is undone. Not when another level goes on ("uninstalled SP6a and reinstalled SP5").
const UNDONE_RE = new RegExp(
  `^[^.;!?\\n]{0,40}?(?<![\\w])(?:re-?install(?:ed|ing)?|re-?appl(?:ied|ying)|re-?added|put${W}{1,3}(?:(?:it|them)${W}{1,3})?back|added${W}{1,3}(?:(?:it|them)${W}{1,3})?back|installed${W}{1,3}(?:it${W}{1,3})?again)(?![\\w])(?<then>[^.;!?\\n]{0,30})`,
  'i',
);

function undone(text: string, end: number, level: string | null): boolean {
  const m = UNDONE_RE.exec(text.slice(end, end + 100));
  if (!m) return false;
  const other = new RegExp(`(?<![\\w])${LEVEL}`, 'i').exec(m.groups!['then']!);
  return !other || (level !== null && normalLevel(other[1] ?? other[2]!) === level);
}

/** The levels the ticket says were removed, where the removal is done, not to come. */
function removedLevels(text: string): Span[] {
  const out: Span[] = [];
  for (const re of [REMOVED_AFTER_RE, REMOVED_BEFORE_RE])
    for (const m of allMatches(re, text)) {
      if (NOT_YET_RE.test(clauseBefore(text, m.index))) continue;
      if (re === REMOVED_AFTER_RE && secondClause(m)) continue;
      const s = levelSpan(m);
      if (!undone(text, m.index + m[0].length, s.level)) out.push(s);
    }
  // "rolled it back": the level last named before it in its sentence, unless a hotfix is named nearer.
  for (const m of allMatches(REMOVED_PRONOUN_RE, text)) {
    const lead = sentenceBefore(text, m.index);
    if (NOT_YET_RE.test(clauseBefore(text, m.index))) continue;
    if (undone(text, m.index + m[0].length, null)) continue;
    const from = m.index - lead.length;
    const level = allMatches(LEVEL_ANY_RE, lead).pop();
    const hotfix = allMatches(HOTFIX_WORD_RE, lead).pop();
    if (level && !(hotfix && hotfix.index > level.index)) {
      const s = levelSpan(level);
      out.push({ ...s, start: s.start + from, end: s.end + from });
    }
  }
  return out;
}

/** The levels the ticket says it went back to. */
function targetLevels(text: string, removed: boolean): Span[] {
  const out: Span[] = [];
  for (const m of allMatches(BACK_TO_RE, text)) {
    if (NOT_YET_RE.test(clauseBefore(text, m.index) + m[0])) continue;
    out.push(levelSpan(m));
  }
  if (removed) for (const m of allMatches(NOW_AT_RE, text)) out.push(levelSpan(m));
  return out;
}

// The word naming a hotfix ("store hotfix", "IMC hotfix"); "the hotfix", "applied hotfix" name none.
const HOTFIX_NAME_RE = /(?<![\w])([\w.-]{2,20})[\s\u00a0]{1,3}$/;
const NOT_A_NAME_RE =
  /^(?:the|a|an|this|that|these|those|its|it|our|my|their|his|her|with|plus|and|or|of|to|on|for|new|latest|same|one|another|[a-z]+(?:ed|ing))$/;

function hotfixName(text: string, at: number): string {
  const m = HOTFIX_NAME_RE.exec(text.slice(Math.max(0, at - 24), at));
  return m && !NOT_A_NAME_RE.test(m[1]!) ? m[1]!.toLowerCase() : '';
}

/** The removals of a hotfix: where the removal is, and the name of the hotfix removed ('' if unnamed). */
function hotfixRemovals(text: string): { end: number; name: string }[] {
  const out: { end: number; name: string }[] = [];
  for (const m of allMatches(HOTFIX_REMOVED_RE, text)) {
    if (NOT_YET_RE.test(clauseBefore(text, m.index))) continue;
    const word = m[0].search(HOTFIX_WORD_AT_RE);
    // "removed Norton and installed the hotfix": the hotfix is a second clause's.
    if (word > 0 && CLAUSE_JOIN_RE.test(m[0].slice(0, word).replace(new RegExp(`^${REMOVE_VERB}`, 'i'), ''))) continue;
    const end = m.index + m[0].length;
    if (undone(text, end, null)) continue;
    out.push({ end, name: hotfixName(text, m.index + word) });
  }
  for (const m of allMatches(REMOVED_PRONOUN_RE, text)) {
    const lead = sentenceBefore(text, m.index);
    if (NOT_YET_RE.test(clauseBefore(text, m.index))) continue;
    if (undone(text, m.index + m[0].length, null)) continue;
    const level = allMatches(LEVEL_ANY_RE, lead).pop();
    const hotfix = allMatches(HOTFIX_WORD_RE, lead).pop();
    if (hotfix && !(level && level.index > hotfix.index))
      out.push({ end: m.index + m[0].length, name: hotfixName(text, m.index - lead.length + hotfix.index) });
  }
  return out;
}

/**
 * Whether the hotfix mentioned at `at` is removed again: a removal of the same named hotfix, or one
 * of an unnamed hotfix ("the hotfix was rolled back", "removed it") after it. Another named hotfix's
 * removal ("the IMC hotfix was rolled back") leaves it on.
 */
export function hotfixUndone(text: string, at: number): boolean {
  const name = hotfixName(text, at);
  return hotfixRemovals(text).some((r) => (r.name === '' ? r.end > at : r.name === name));
}

const near = (p: ProductMention, s: Span) =>
  (p.start <= s.start && s.end <= p.end) ||
  (s.start >= p.end && s.start - p.end <= 60) ||
  (p.start >= s.end && p.start - s.end <= 60);

/**
 * Reads the removals into the mentions: a mention whose level was removed loses it (its level is
 * then unknown), and the level gone back to is added as a mention of the product it is said of
 * (the verdict's lowest level decides, so a machine still at the later level elsewhere keeps it).
 */
export function applyRemovals(text: string, products: ProductMention[]): ProductMention[] {
  const removed = removedLevels(text);
  const targets = targetLevels(text, removed.length > 0);
  if (removed.length === 0 && targets.length === 0) return products;
  const gone = new Set<ProductMention>();
  for (const r of removed) {
    for (const p of products) {
      if (p.sp !== r.level || !near(p, r)) continue;
      const between = text.slice(Math.min(p.end, r.start), Math.max(p.start, r.end));
      if (p.start <= r.start && r.end <= p.end) gone.add(p);
      else if (!endsSentence(between)) gone.add(p);
    }
  }
  const out = products.map((p) => (gone.has(p) ? { ...p, sp: null, build: null, below: p.sp! } : p));
  // "uninstalled SP4 from the NT 4.0 server": a removed level no mention carries is its product's
  // (the one in its sentence) when that one names no level.
  for (const r of removed) {
    if (products.some((p) => gone.has(p) && near(p, r))) continue;
    const i = out.findIndex((p) => p === sentenceProduct(text, r, out));
    if (i >= 0 && out[i]!.sp === null && !out[i]!.below) out[i] = { ...out[i]!, below: r.level };
  }
  for (const t of targets) {
    if (out.some((p) => p.start <= t.start && t.end <= p.end)) continue;
    const owner = ownerOf(text, t, out, removed);
    if (!owner) continue;
    if (out.some((p) => p.family === owner.family && p.version === owner.version && p.sp === t.level)) continue;
    const { below: _, ...product } = owner;
    out.push({ ...product, sp: t.level, build: null, start: t.start, end: t.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The product a level gone back to is said of: the one whose level was removed, else the last one
 * named before it (within a short paragraph), else the next one in its sentence.
 */
function ownerOf(text: string, t: Span, products: readonly ProductMention[], removed: readonly Span[]) {
  const before = products.filter(
    (p) => p.end <= t.start && t.start - p.end <= 160 && !text.slice(p.end, t.start).includes('\n\n'),
  );
  const lost = before.filter((p) => removed.some((r) => near(p, r)));
  if (lost.length) return lost[lost.length - 1]!;
  if (before.length) return before[before.length - 1]!;
  return (
    products.find((p) => p.start >= t.end && p.start - t.end <= 40 && !endsSentence(text.slice(t.end, p.start))) ?? null
  );
}

/** The product named in the same sentence as a level: the nearest after it, else the nearest before. */
function sentenceProduct(text: string, r: Span, products: readonly ProductMention[]): ProductMention | null {
  const after = products.find(
    (p) => p.start >= r.end && p.start - r.end <= 40 && !endsSentence(text.slice(r.end, p.start)),
  );
  if (after) return after;
  const before = products.filter(
    (p) => p.end <= r.start && r.start - p.end <= 60 && !endsSentence(text.slice(p.end, r.start)),
  );
  return before[before.length - 1] ?? null;
}

// A move done: "upgraded from Win95 to Windows 98", "we migrated the box from Mail 3.0b to 3.2",
// "went from SQL 6.5 to SQL 7.0". The version moved from is gone; the one moved to is installed.
const MOVED_FROM_RE = new RegExp(
  `(?<![\\w])(?:upgraded|migrated|moved|went|switched|updated|converted)(?:${W}{1,3}(?!to(?![\\w]))[\\w'-]{1,20}){0,4}?${W}{1,3}(?:from|off(?:${W}{1,3}of)?|away${W}{1,3}from)${W}{1,3}(?:the${W}{1,3})?$`,
  'i',
);
// A move's target: "upgrade from 5.1 to ", "go to the ".
const MOVING_TO_RE =
  /(?<![\w])(?:upgrad|migrat|mov|go|switch|updat|convert)\w*(?![\w])(?:[^.;!?\n]|\.(?=\d)){0,60}?(?<![\w])(?:to|onto)[\s\u00a0]{1,3}(?:the[\s\u00a0]{1,3})?$/i;
// After the version moved from, no "to" in its clause.
const MOVED_NO_TO_RE = /^(?![^.;!?,\n]{0,40}?(?<![\w])(?:to|onto|into)(?![\w]))/i;
// Between the two versions: a few words, then "to" ("... 3.0b on the PCs to 3.2").
const MOVED_TO_RE =
  /^[^.;!?\n]{0,40}?(?<![\w])(?:to|onto)[\s\u00a0]{1,3}(?:the[\s\u00a0]{1,3})?(?:[\w'+.-]{1,20}[\s\u00a0]{1,3}){0,4}?$/i;

/**
 * Drops a version the ticket says it moved away from ("upgraded from Mail 3.0b to Mail 3.2"): only
 * a move done, to a later version of the same product named right after it. A move to come ("plan
 * to upgrade from 5.0 to 5.5") leaves both: the machine is still on the first.
 */
export function applyUpgrades(text: string, products: ProductMention[]): ProductMention[] {
  const gone = new Set<ProductMention>();
  for (const p of products) {
    const lead = text.slice(Math.max(0, p.start - 60), p.start);
    // "we plan to upgrade from 5.1 to 6.0": the version a move to come goes to is not installed yet,
    // when the ticket names another of its product.
    if (
      MOVING_TO_RE.test(text.slice(Math.max(0, p.start - 90), p.start)) &&
      NOT_YET_RE.test(clauseBefore(text, p.start)) &&
      products.some((o) => o.family === p.family && o.version !== p.version)
    ) {
      for (const o of products) if (o.end === p.end && o.start >= p.start) gone.add(o);
      continue;
    }
    if (!MOVED_FROM_RE.test(lead) || NOT_YET_RE.test(clauseBefore(text, p.start))) continue;
    const to = products.find(
      (o) =>
        o.family === p.family &&
        o.start >= p.end &&
        o.start - p.end <= 80 &&
        compareVersions(o.rank, p.rank) > 0 &&
        MOVED_TO_RE.test(text.slice(p.end, o.start)),
    );
    // "upgraded from Exchange 5.0 last year", "migrated off 5.0": no version moved to is named, but
    // the one moved from is gone all the same, when the ticket names another of its product.
    if (
      !to &&
      !(
        MOVED_NO_TO_RE.test(text.slice(p.end, p.end + 40)) &&
        products.some((o) => o.family === p.family && o.version !== p.version)
      )
    )
      continue;
    // "Mail for Windows 3.0b" is also offered as "Windows 3.0b", ending where it ends: those go too.
    for (const o of products) if (o.end === p.end && o.start >= p.start) gone.add(o);
  }
  return gone.size ? products.filter((p) => !gone.has(p)) : products;
}
