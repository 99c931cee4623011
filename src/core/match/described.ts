/**
 * The article a ticket describes in words. Many tickets quote nothing the matcher knows (no KB
 * number, no product message, no bounce): the agent writes the symptom ("the IMS keeps queuing
 * mail to one domain since we changed the smarthost") with the product and its version. For such
 * a ticket, when nothing it quotes ranks an article, the search index is read with the ticket's
 * own words (search/about.ts, as for an Exchange bounce's situation: bounce/situation.ts), among
 * the articles about a product the ticket names, and one article is suggested when it is clearly
 * ahead: a confidently wrong suggestion is worse than none.
 *
 * The words are the ticket's context words (context.ts ticketWords: outside the matches, the
 * service pack levels and bounce sentences), the same in the CLI and in the worker, which keeps
 * them for the tab; here also without the product's own name and initials (it is the scope), its level and
 * build, the words a ticket's courtesy is made of ("thanks", "please") and the stopwords.
 *
 * The gates (score, words, title words, words the ticket reports a problem in) read only what the
 * articles' titles, terms, keywords and messages share with the ticket. The articles' search words
 * (what their problem sections repeat) only tell apart, by their score, candidates that pass those.
 */
import { TOPIC_STOPWORDS } from '../article/topic-words';
import { articlesAbout, type AboutHit, type Scope } from '../search/about';
import { VERSION_MATCH, versionFactor } from '../search/versions';
import { stemTerm } from '../search/stem';
import { indexTerms } from '../search/tokenize';
import { FIELD, type SearchIndex } from '../search/types';
import { findArchiveProducts, productNameOf } from '../version/archive-products';
import { findWildcardProducts } from '../version/wildcard-products';
import { findBarePrograms, isBareProgram } from '../version/bare-programs';
import type { ProductMention } from '../version/products';
import type { Situation } from './scan';
import { contradicts } from './contrasts';
import { reportedWords, reportsAt } from './reported';

const SERVICE_PACK_LEVEL = /^sp\d+[a-z]?$/;
/** Words that say which build runs ("production is on the same build"), like the service pack level. */
const VERSION_WORDS: ReadonlySet<string> = new Set(['build', 'release']);
/**
 * A ticket's courtesy and routing, which say nothing about its case: greetings, thanks, sign-offs,
 * requests ("please", "asap") and who asks ("customer", "colleague").
 */
const TICKET_TALK: ReadonlySet<string> = new Set(
  (
    'hi hello hey dear thanks thank thx cheers regards best kind kindly please pls asap urgent urgently team ' +
    'colleague colleagues customer customers anyone someone somebody today yesterday tomorrow morning afternoon ' +
    'week weeks monday tuesday wednesday thursday friday saturday sunday ticket tickets advise sorry'
  ).split(' '),
);

/**
 * A word that stems like a stopword ("production": "product") is as empty as the stopword. Made
 * on the first ticket that needs it, not when the worker starts: stemming the list costs a cold
 * start several milliseconds, and most workers never read a described ticket.
 */
let stopwordStems: ReadonlySet<string> | undefined;
function isStopwordStem(stem: string): boolean {
  stopwordStems ??= new Set([...TOPIC_STOPWORDS, ...TICKET_TALK].map(stemTerm));
  return stopwordStems.has(stem);
}

/**
 * Whether a ticket's word can say what its case is: not a service pack level, a build, a stopword
 * or courtesy, nor one of `names` (stems of the product's name, which picks the scope and the fix, not the case).
 */
export function describes(word: string, names: ReadonlySet<string> = new Set()): boolean {
  return (
    !names.has(stemTerm(word)) &&
    !SERVICE_PACK_LEVEL.test(word) &&
    !VERSION_WORDS.has(word) &&
    !isStopwordStem(stemTerm(word))
  );
}

/** Words of product names that name no product of their own ("Exchange Server": the server of many). */
const NAME_FILLER: ReadonlySet<string> = new Set(['microsoft', 'server', 'for', 'the', 'and', 'edition', 'editions']);

/**
 * The words of the products the ticket names ("Exchange Server 5.5": exchange), lower case, as the
 * index has them: "Schedule+" is "schedule" there, "Visual C++" "visual" and "c" (a one-letter
 * term only from a name with a sign).
 */
export function productWords(products: readonly ProductMention[]): Set<string> {
  const out = new Set<string>();
  for (const p of products)
    for (const w of p.name.toLowerCase().split(/[^a-z0-9+#]+/))
      for (const t of indexTerms(w))
        if ((t.length >= 2 || t !== w) && /^[a-z]/.test(t) && !NAME_FILLER.has(t)) out.add(t);
  return out;
}

/**
 * The initials a ticket writes a named product by ("SMS" for Systems Management Server, "IIS",
 * "VB"): the product as much as its name is, so no word of the case. Kept out of the scope (two
 * letters in an article's title or products name many things) and used only to drop the word.
 */
export function productInitials(products: readonly ProductMention[]): Set<string> {
  const out = new Set<string>();
  for (const p of products) {
    const words = p.name
      .toLowerCase()
      .split(/[^a-z0-9+#]+/)
      .filter((w) => /^[a-z]/.test(w) && w !== 'microsoft');
    if (words.length >= 2) out.add(words.map((w) => w[0]).join(''));
  }
  return out;
}

/**
 * The gate, tuned on a development set of tickets written from random articles and of ordinary
 * requests naming a product ("Exchange 5.5 mailbox quota increase please"): right leaders scored
 * 33 and more and led by 1.4 or more where found; wrong leaders came within 1.35 of the next or
 * scored under 20; no request's best article had three of its words, two in its title, and a lead.
 */
export const DESCRIBED_MIN_SCORE = 25;
/** How far ahead of the next article of the product the best must be, on the same words. */
export const DESCRIBED_LEAD = 1.4;
/**
 * The lead that does when four or more of the ticket's words stand in the best article's title: the
 * title then says the ticket's case nearly in its words (right leaders of that kind led by 1.32 and
 * more; the closest wrong one by 1.18).
 */
export const DESCRIBED_TITLE_LEAD = 1.3;
const TITLE_WORDS_FOR_LEAD = 4;
/**
 * The lead that does when only one of the ticket's words stands in the title and another in the
 * article's distinctive terms: on the development sets, right leaders of that kind led by 1.77 and
 * more, wrong ones by 1.21 and less (no request's best article of that kind scored 25 with three words).
 */
export const DESCRIBED_TERMS_LEAD = 1.6;
/**
 * The lead that does when the best article has many of the ticket's words (BROAD_WORDS), most of
 * them in its title or distinctive terms and one in its title, and a score well past the least: a
 * case told at length in the article's own words. Measured over five development sets (190 tickets
 * no suggestion answered, 149 requests): such leaders ahead by 1.15 were right 13 times and wrong 4,
 * and no request's best article was of that kind; with three or four words right and wrong were about even.
 * Only the words the ticket reports a problem in count (findDescribed's `reported`).
 */
export const DESCRIBED_BROAD_LEAD = 1.15;
const BROAD_WORDS = 5;
const BROAD_TOPICAL = 4;
const BROAD_SCORE = 40;
/** Least number of the ticket's words (as it writes them) the best article has, and of those in its title. */
export const DESCRIBED_MIN_WORDS = 3;
export const DESCRIBED_MIN_TITLE_WORDS = 2;
/**
 * Least number of those the ticket reports a problem in (reported.ts): a note that all is well
 * ("the pivot table refreshes fine now") or a request names the topic's words, not a fault.
 */
export const DESCRIBED_MIN_REPORTED = 2;

/**
 * The ticket's words that can say what its case is (describes), the named products' names, initials
 * and versions left out: "2000" of "Windows 2000" is the scope, as "windows" is, not a model's number.
 */
export function caseWords(words: Iterable<string>, products: readonly ProductMention[]): string[] {
  const nameStems = new Set([...productWords(products), ...productInitials(products)].map(stemTerm));
  const versions = new Set(products.flatMap((p) => p.version.split(/[^0-9]+/)));
  return [...words].filter((w) => describes(w, nameStems) && !versions.has(w));
}

/**
 * The article the ticket's words describe among the articles about a product it names, or null:
 * no product named, too few telling words, or no article clearly ahead of the next. `reported`:
 * the words the ticket reports a problem in (reported.ts reportedWords): the article must have
 * some of them, and the smaller lead needs many; when not given, neither is asked and only the
 * ordinary leads apply.
 */
export function findDescribed(
  index: SearchIndex,
  words: Iterable<string>,
  products: readonly ProductMention[],
  reported?: ReadonlySet<string>,
  programReported: ReadonlySet<string> | undefined = reported,
): Situation | null {
  if (productWords(products).size === 0) return null;
  const own = caseWords(words, products);
  // First the articles of the programs the ticket names, each by its whole name: "Systems Management
  // Server" is not every title with "system" or "management" in it, and a system the program runs on
  // ("on NT 4.0 workstations") has thousands of articles that would outword the program's. Then, when
  // those have none clearly ahead, the articles of any product it names, as any of their words.
  const programs = products.filter((p) => !SYSTEM_FAMILIES.has(p.family) && productWords([p]).size > 0);
  // A program named alone ("Access report prints blank") is read in the articles' products only: its
  // name in a title is as often the ordinary word ("Access Violation", "Word Count").
  const fields = (p: ProductMention) => (isBareProgram(p) ? FIELD.products : NAME_FIELDS);
  const byName = (p: ProductMention) => [...productWords([p])].map((w) => ({ terms: [w], fields: fields(p) }));
  // Its case must then be told beside its name (`programReported`): "Upgraded the Word macros last
  // week. Today the LaserJet prints ..." is no case of Word's.
  const named = products.filter((p) => !isBareProgram(p));
  const bare = programs.some(isBareProgram);
  const scopes: [Scope, ReadonlySet<string> | undefined][] = [];
  if (programs.length > 0) scopes.push([{ anyOf: programs.map(byName) }, bare ? programReported : reported]);
  if (named.length > 0)
    scopes.push([{ anyOf: [[{ terms: [...productWords(named)], fields: NAME_FIELDS }]] }, reported]);
  for (const [scope, told] of scopes) {
    const found = describedIn(index, own, scope, products, told);
    if (found) return found;
  }
  return null;
}

/**
 * The words a ticket reports a problem in (reported.ts), for findDescribed's `reported` and
 * `programReported`: the latter only those of the sentences that name a program alone.
 */
export function describedReported(
  text: string,
  products: readonly ProductMention[],
): [ReadonlySet<string>, ReadonlySet<string>] {
  const all = reportedWords(text);
  const bare = products.filter(isBareProgram);
  return [
    all,
    bare.length > 0
      ? reportedWords(
          text,
          bare.map((p) => p.start),
        )
      : all,
  ];
}

/** Where an article names the product it is about. */
const NAME_FIELDS = FIELD.products | FIELD.title;

/** Families of the operating systems a ticket names as where its program runs ("on NT 4.0 SP6a"). */
const SYSTEM_FAMILIES: ReadonlySet<string> = new Set([
  'windows',
  'windows-9x',
  'other:windows for workgroups',
  'other:workgroups',
  'other:ms-dos',
  'other:os/2',
]);

/** The article `own` describes among the articles of `scope`, when one is clearly ahead (findDescribed). */
function describedIn(
  index: SearchIndex,
  own: readonly string[],
  scope: Scope,
  products: readonly ProductMention[],
  reported: ReadonlySet<string> | undefined,
): Situation | null {
  const hits = byVersion(index, articlesAbout(index, own, scope, VERSION_POOL, { searchWords: true }).hits, products);
  const [best, next] = hits;
  if (!best) return null;
  const lead = leadFor(best, reported);
  if (lead !== null && best.score >= lead * (next?.score ?? 0)) return situationOf(best);
  // None clearly ahead on its title and terms: the articles' search words (what their problem
  // sections repeat, about.ts AboutOptions) may tell the ones close apart. They add to the score
  // only: the best by both must pass every gate on its title and terms alone (leadFor), so a word
  // only they share never makes an article a suggestion by itself.
  const [byBoth, after] = [...hits].sort((a, b) => total(b) - total(a) || a.doc - b.doc);
  const bothLead = byBoth ? toldLead(byBoth, after, leadFor(byBoth, reported)) : null;
  if (bothLead === null || total(byBoth!) < bothLead * (after ? total(after) : 0)) return null;
  return situationOf(byBoth!);

  function situationOf(h: AboutHit): Situation | null {
    if (contradicts(own, h.title)) return null;
    return { q: h.q, score: h.score, words: [...new Set(h.words)].slice(0, 6) };
  }
}

const total = (h: AboutHit) => h.score + h.told;

/**
 * The lead that does for an article whose problem sections repeat the ticket's own words
 * (`told`, its search words: at least DESCRIBED_TOLD_LEAST, and more than DESCRIBED_TOLD_AHEAD times
 * the next's) when its title and terms already pass every other gate: a ticket paraphrasing a
 * symptom says it in the words the article's symptoms use, and of two articles about as good on
 * their titles the one told that way is the one described. On seven development sets (320 tickets,
 * 186 negatives) such leaders ahead by 1.1 were right 12 times and wrong 2; no negative's best
 * article passed the other gates with such words.
 */
export const DESCRIBED_TOLD_LEAD = 1.1;
const DESCRIBED_TOLD_LEAST = 2;
const DESCRIBED_TOLD_AHEAD = 2;

/** `lead`, or the smaller DESCRIBED_TOLD_LEAD when `best`'s search words set it apart from `next` (above). */
function toldLead(best: AboutHit, next: AboutHit | undefined, lead: number | null): number | null {
  if (lead === null || best.told < DESCRIBED_TOLD_LEAST || best.told <= DESCRIBED_TOLD_AHEAD * (next?.told ?? 0))
    return lead;
  return Math.min(lead, DESCRIBED_TOLD_LEAD);
}

/**
 * The lead `hit` needs over the next article, from what its title and distinctive terms share
 * with the ticket (not its search words), or null when it may not be suggested at all: too low a
 * score, too few of the ticket's words, or too few of those the ticket reports a problem in
 * (`reported`, when known: an all-clear note or a request names a topic's words as fully as a fault does).
 */
function leadFor(hit: AboutHit, reported: ReadonlySet<string> | undefined): number | null {
  if (hit.score < DESCRIBED_MIN_SCORE) return null;
  // One ticket word may stand for several index terms ("system.ini": system, ini): counted once.
  const said = [...new Set(hit.words)];
  if (said.length < DESCRIBED_MIN_WORDS) return null;
  const inReport = reported ? said.filter((w) => reported.has(w)).length : 0;
  if (reported && inReport < DESCRIBED_MIN_REPORTED) return null;
  const inTitle = new Set(hit.titleWords).size;
  const topical = new Set([...hit.titleWords, ...hit.termWords]).size;
  // The smaller lead only on words the ticket reports a problem in (reported.ts): a request or a
  // closed case names a topic's words as fully as a fault does, and the lead alone cannot tell them.
  const broad = inTitle >= 1 && inReport >= BROAD_WORDS && topical >= BROAD_TOPICAL && hit.score >= BROAD_SCORE;
  return broad
    ? Math.min(DESCRIBED_BROAD_LEAD, leadNeeded(inTitle, topical) ?? Infinity)
    : leadNeeded(inTitle, topical);
}

/**
 * The products a described ticket's search is scoped by: those the ticket's versions found, those
 * it names with a wildcard version (version/wildcard-products.ts: "Windows 3.x"), and the
 * archive's products it names that the family table does not know (version/archive-products.ts:
 * "Flight Simulator", "Encarta 97", "Works 3.x"), from the index's own table. Of the names a capitalised run
 * before a version offers ("During Windows 3.1": also "Windows 3.1"), those the archive names are
 * kept when any is: "During" is no product. A ticket that names none of these but the system it
 * runs on may still name a program alone ("Outlook keeps asking for the password":
 * version/bare-programs.ts). Only the
 * described search reads these: verdicts keep the ticket's own products.
 */
export function describedProducts(
  index: Pick<SearchIndex, 'products'>,
  text: string,
  products: readonly ProductMention[],
): ProductMention[] {
  if (index.products.length === 0) return [...products];
  const known = new Set(index.products.map((l) => l.split('\t')[0]!.toLowerCase()));
  const archived = (p: ProductMention) => {
    const bare = p.version ? p.name.slice(0, p.name.length - p.version.length).trim() : p.name;
    return known.has((productNameOf(bare) ?? bare).toLowerCase());
  };
  const named = [...products, ...findWildcardProducts(text, products)];
  const kept = named.filter(
    (p) =>
      !p.family.startsWith('other:') ||
      archived(p) ||
      !named.some(
        (o) => o !== p && o.start === p.start && o.end === p.end && o.family.startsWith('other:') && archived(o),
      ),
  );
  const all = [...kept, ...findArchiveProducts(index.products, text, kept)];
  // Only the system it runs on, or nothing: the program named alone is what the ticket is about.
  if (!all.every((p) => SYSTEM_FAMILIES.has(p.family))) return all;
  // Only where the ticket reports its fault: "Outlook on the same PC is fine", "could you check that
  // Outlook reminders work" name a program that is not what fails.
  const bare = findBarePrograms(text).filter((b) => reportsAt(text, b.start));
  return [...all, ...bare.filter((b) => !all.some((p) => p.start < b.end && b.start < p.end))];
}

/** How many of the best articles are weighed again by the versions the ticket names. */
const VERSION_POOL = 10;

/**
 * The articles re-weighed by the versions the ticket names, best first: one whose title or
 * applies-to list names one of them gains as much as search gives a query's version
 * (search/versions.ts). No loss for the others: their lists often spell a version otherwise
 * ("2.5b" for a ticket's FoxPro 2.5) or name none.
 */
function byVersion(index: SearchIndex, hits: readonly AboutHit[], products: readonly ProductMention[]): AboutHit[] {
  // Each version on its own: a ticket on Visual FoxPro 5.0 under Windows 95 has articles of either.
  // A product the ticket names without a version ("Flight Simulator") weighs no article by it.
  const versions = new Set(products.map((p) => p.version).filter((v) => v !== ''));
  const names = [...versions].map((v) => versionFactor(index, [v]));
  const named = (doc: number) => names.some((f) => f(doc, FIELD.products) === VERSION_MATCH);
  return hits
    .map((h) => (named(h.doc) ? { ...h, score: h.score * VERSION_MATCH, told: h.told * VERSION_MATCH } : h))
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
}

/**
 * How far ahead the best article must be, from how many of the ticket's words its title has and
 * how many its title or distinctive terms have (what its problem sections are about), or null
 * when too few. A title that names one of the words and problem sections that are about another
 * describe the case as well as two title words, but only an article far ahead is trusted on that.
 */
function leadNeeded(inTitle: number, topical: number): number | null {
  if (inTitle >= TITLE_WORDS_FOR_LEAD) return DESCRIBED_TITLE_LEAD;
  if (inTitle >= DESCRIBED_MIN_TITLE_WORDS) return DESCRIBED_LEAD;
  if (inTitle >= 1 && topical >= DESCRIBED_MIN_TITLE_WORDS) return DESCRIBED_TERMS_LEAD;
  return null;
}
