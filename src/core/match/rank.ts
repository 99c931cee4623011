/**
 * Ranking the articles a ticket's matches point to. Exact quoted messages weigh most, codes less,
 * several independent matches add up, a product/version the ticket also names lifts an article,
 * and nothing below a threshold is shown: no article beats a wrong one. A KB number the ticket
 * cites always applies, and a message quoted by one or two articles always ranks.
 *
 * The ticket's other words then decide among the candidates (context.ts). The fusion rule:
 *
 *   ranked score = score x (1 + CONTEXT_GAIN x min(context, CONTEXT_CAP) / CONTEXT_CAP)
 *
 * so context can lift an article by at most half its own evidence: it reorders articles with
 * similar evidence (above all those quoting the same message) but does not let a few words beat a
 * cited number or a much stronger match, and it never brings in an article no match names. With no
 * context words every factor is 1 and the order is the one without context. Ties: ranked score,
 * then context, then where the article's first match stands in the ticket, then the order the
 * matches name the articles in.
 */
import type { ArticleRecord } from '../article/types';
import { contextScores, quotedWords, stem, wordsOf, type ContextScore } from './context';
import { articleProducts, productFit, verdictFor, type ProductFit, type Verdict } from '../version/verdict';
import type { TicketVersions } from '../version/ticket-versions';
import { SPECIFIC_WEIGHT } from './pattern';
import type { Match, Situation } from './scan';
import { withinArchive } from './archive-range';
import { laterThanArchive } from './ticket-era';
import { narrowedByWords, unnarrowed } from './narrowed';

export interface RankedArticle {
  q: string;
  title: string;
  score: number;
  why: string;
  verdict?: Verdict;
  verdictReason?: string;
  /** "low" when the evidence is thin: only a code, a weak message, or a tie nothing in the ticket breaks. */
  confidence: 'high' | 'low';
  /** The ticket's words outside the matches that moved this article, most telling first. */
  context: string[];
  /** False for a cited article the index does not have (it stays listed). */
  inIndex: boolean;
  /** `described`: no match names it; suggested from the ticket's words (described.ts), always with low confidence. */
  source?: 'described';
}

export interface RankOptions {
  /** Score an article needs to be listed (a cited number always is); default 6. */
  threshold?: number;
  /** At most this many articles; default 10. */
  limit?: number;
  /** Rank by the ticket's words outside the matches too (context.ts); default true. */
  context?: boolean;
  /** The ticket's context words (context.ts ticketWords); none given, none used. */
  contextWords?: ReadonlySet<string> | readonly string[];
  /** The article the ticket's words describe (described.ts): listed only when nothing else is. */
  described?: Situation;
}

/** One article's evidence, before it is turned into a score and a sentence. */
export interface Evidence {
  q: string;
  cited: Match[];
  messages: Match[];
  codes: Match[];
  /** Sum of match contributions, before the product fit. */
  evidence: number;
  fit: ProductFit;
  score: number;
  /** Where the article's first match stands among the ticket's matches (their index, in ticket order). */
  first: number;
  /** Order in which the matches first name the article (text order, then each match's own order). */
  seq: number;
  /** The ticket describes the bounce's situation this article is about (scan.ts Match.about). */
  about?: Situation;
  /** The article's title is about a message the ticket quotes (titleRestates) or about an error message ("Err Msg:"). */
  aboutMessage?: boolean;
}

export const CITED_SCORE = 100;
/**
 * A number the ticket only sets aside or says is installed ("KB 1, which we already tried",
 * "after we installed Q2"), and that none of its messages or codes names: still listed (a cited
 * number always is, and leads when nothing else names an article), but below every article a
 * quoted message lists.
 */
const CITED_ASIDE_SCORE = 1;
/**
 * A number the ticket says is its case ("Q2 is the one", "matches exactly") among others it cites:
 * above any other cited number, whatever the context words say for those (fused() lifts 100 to 150 at most).
 */
const CITED_AFFIRMED_SCORE = 160;

/**
 * Every citation of the article is set aside (Match.aside) and nothing else the ticket quotes names
 * it; or the ticket rules the number out ("Q1 but that one doesn't apply"), whatever else names it:
 * its messages still count for it, the writer's reading of the article does not lift it.
 */
function citedAside(e: Evidence): boolean {
  if (e.cited.every((m) => m.aside === 'ruled-out')) return true;
  return e.messages.length === 0 && e.codes.length === 0 && e.cited.every((m) => m.aside !== undefined);
}
const DEFAULT_THRESHOLD = 6;

/**
 * Most articles a message may name and still count as naming a short list of cases (shareFactor's
 * widest band): more, and it is the words of many cases, shown only as evidence (shown.ts).
 */
export const SHARED_BY_SOME = 10;

/** Messages shared by many articles say less about each of them. */
function shareFactor(n: number): number {
  return n <= 3 ? 1 : n <= SHARED_BY_SOME ? 0.8 : 0.5;
}

/**
 * A message that is only a piece of a longer match's quote (scan.ts InnerMessage.part) is worth
 * at most this share of the longer one: its articles rank after those quoting the whole message.
 */
const PART_SHARE = 0.8;

// An article about another version of the ticket's product is a weaker explanation, not a different one.
const FIT_FACTOR: Record<ProductFit, number> = { 'same-version': 1.25, 'same-family': 0.5, other: 1, none: 1 };

/**
 * The ticket names the service pack level too ("NT 4.0 SP4") and the article lists that very level
 * among its versions ("4.0 SP4"): a closer fit than the version alone, among articles quoting the
 * same message for the same product.
 */
const SAME_LEVEL_FACTOR = 1.4;

function sameLevel(rec: ArticleRecord, ticket: TicketVersions, fit: ProductFit): boolean {
  if (fit !== 'same-version' || !ticket.products.some((t) => t.sp !== null)) return false;
  const mine = articleProducts(rec);
  return ticket.products.some(
    (t) => t.sp !== null && mine.some((a) => a.family === t.family && a.version === t.version && a.sp === t.sp),
  );
}

/** Evidence for every article any match names, best first (threshold not applied). */
export function collectEvidence(
  matches: readonly Match[],
  records: ReadonlyMap<string, ArticleRecord>,
  ticket: TicketVersions,
): Evidence[] {
  const byQ = new Map<string, Evidence>();
  // A piece of a longer match's quote (scan.ts InnerMessage.part): its evidence, at most this.
  const capOf = new Map<Match, number>();
  const get = (q: string) => {
    let e = byQ.get(q);
    if (!e)
      byQ.set(
        q,
        (e = {
          q,
          cited: [],
          messages: [],
          codes: [],
          evidence: 0,
          fit: 'none',
          score: 0,
          first: Infinity,
          seq: byQ.size,
        }),
      );
    return e;
  };
  // Matches come in ticket order (scanText's text order; a tab's blocks one after another, whose
  // offsets restart per block): a match's index is where it stands in the ticket.
  matches.forEach((m, at) => {
    // A build says which release the ticket runs, not which article explains it.
    if (m.kind === 'build') return;
    if (m.about && records.has(m.about.q)) {
      const e = get(m.about.q);
      e.about = m.about;
      e.first = Math.min(e.first, at);
    }
    if (m.source === 'cited') {
      if (!records.has(m.value) && (m.loose || !withinArchive(m.value))) return;
      const e = get(m.value);
      e.cited.push(m);
      e.first = Math.min(e.first, at);
      return;
    }
    for (const q of m.articles) {
      if (!records.has(q)) continue;
      const e = get(q);
      e.first = Math.min(e.first, at);
      (m.source === 'message' ? e.messages : e.codes).push(m);
    }
    // A shorter message the match took in (scan.ts Match.inner) is evidence for its own articles.
    for (const inner of m.inner ?? []) {
      const as: Match = { ...m, value: inner.value, weight: inner.weight, articles: inner.articles, inner: undefined };
      if (inner.part) capOf.set(as, PART_SHARE * 10 * m.weight * shareFactor(m.articles.length));
      for (const q of inner.articles) {
        if (!records.has(q) || m.articles.includes(q)) continue;
        const e = get(q);
        e.first = Math.min(e.first, at);
        e.messages.push(as);
      }
    }
  });
  for (const e of byQ.values()) {
    let ev =
      e.cited.length === 0
        ? 0
        : citedAside(e)
          ? CITED_ASIDE_SCORE
          : e.cited.some((m) => m.affirmed)
            ? CITED_AFFIRMED_SCORE
            : CITED_SCORE;
    // The same message or code seen twice is one piece of evidence, a little firmer.
    const seen = new Set<string>();
    const rec = records.get(e.q);
    e.aboutMessage = rec !== undefined && e.messages.some((m) => errMsgTitleNames(rec.title, m.value));
    for (const m of [...e.messages, ...e.codes]) {
      const restates = m.source === 'message' && rec !== undefined && titleRestates(rec.title, m.value);
      if (restates) e.aboutMessage = true;
      const unit = Math.min(
        m.source === 'message'
          ? 10 * m.weight * shareFactor(m.articles.length) * (restates ? ABOUT_FACTOR : 1)
          : 10 * m.weight,
        capOf.get(m) ?? Infinity,
      );
      ev += seen.has(m.value) ? unit * 0.1 : unit;
      seen.add(m.value);
    }
    e.fit = rec ? productFit(rec, ticket) : 'none';
    e.evidence = ev;
    e.score = Math.round(ev * (rec && sameLevel(rec, ticket, e.fit) ? SAME_LEVEL_FACTOR : FIT_FACTOR[e.fit]) * 10) / 10;
  }
  return [...byQ.values()].sort(byEvidence);
}

/**
 * An article whose title restates the message ("Unable to Load File to Register It During Setup"
 * for "Unable to load file "msdadc.dll" to register it") is about that message; one that quotes
 * it among others (an overview, a readme) is not. The message is worth a little more to it.
 */
const ABOUT_FACTOR = 1.25;
/** Share of the message's words the title must have, and the least number of them. */
const ABOUT_SHARE = 0.6;
const ABOUT_MIN_WORDS = 3;

/** A title that names an error message ("Err Msg:", "ErrMsg:", "Error Message:"). */
const ERR_MSG_TITLE = /\bErr(?:or)?\s?Msg\b|\bError Message\b/i;

/**
 * An "Err Msg:" title whose own words (after the marker) are mostly the message's: "Windows Err
 * Msg: Group File Error..." for "Cannot Open Program Group File", not "WD97: Error Message or IPF
 * Saving to Nearly Full Disk" for another message about memory.
 */
function errMsgTitleNames(title: string, message: string): boolean {
  const at = ERR_MSG_TITLE.exec(title);
  if (!at) return false;
  // Plain words: a title's few words ("File", "Error") are what it says, common or not.
  const plain = (s: string) => (s.toLowerCase().match(/[a-z][a-z0-9]{2,}/g) ?? []).map(stem);
  const own = [...new Set(plain(title.slice(at.index + at[0].length)))];
  if (own.length < 2) return false;
  const inMessage = new Set(plain(message));
  return own.filter((w) => inMessage.has(w)).length >= Math.max(2, Math.ceil(ABOUT_SHARE * own.length));
}

export function titleRestates(title: string, message: string): boolean {
  const own = [...wordsOf(message, new Set(), 40)].map(stem);
  if (own.length < ABOUT_MIN_WORDS) return false;
  const inTitle = new Set([...wordsOf(title, new Set(), 40)].map(stem));
  return own.filter((w) => inTitle.has(w)).length >= Math.max(ABOUT_MIN_WORDS, Math.ceil(ABOUT_SHARE * own.length));
}

/** Score, then the article the ticket cites or quotes first, then the order the matches name them. */
function byEvidence(a: Evidence, b: Evidence): number {
  return b.score - a.score || a.first - b.first || a.seq - b.seq;
}

function clip(s: string, n = 48): string {
  return s.length <= n ? s : s.slice(0, n - 1).trimEnd() + '…';
}

/** "quotes the NDR text 'Unable to deliver…'; Exchange Server 5.5 matches the ticket" */
export function whyOf(e: Evidence, rec: ArticleRecord | undefined, ticket: TicketVersions): string {
  const parts: string[] = [];
  if (e.cited.length) {
    const aside = e.cited.every((m) => m.aside) ? e.cited[0]!.aside : undefined;
    parts.push(
      `cited in the ticket as "${e.cited[0]!.text}"${
        aside === 'ruled-out'
          ? ', which the ticket sets aside'
          : aside === 'installed'
            ? ', as an update the system already has'
            : ''
      }`,
    );
  }
  const messages = dedupeByValue(e.messages);
  for (const m of messages.slice(0, 2))
    parts.push(`quotes the ${m.kind === 'ndr' ? 'NDR text' : 'error message'} '${clip(m.value)}'`);
  if (messages.length > 2) parts.push(`and ${messages.length - 2} more message${messages.length > 3 ? 's' : ''}`);
  const codes = dedupeByValue(e.codes);
  if (codes.length)
    parts.push(
      `quotes ${codes.length > 1 ? 'the codes' : 'the code'} ${codes
        .slice(0, 3)
        .map((c) => c.value)
        .join(', ')}`,
    );
  if (rec && e.fit !== 'none' && e.fit !== 'other') {
    // Only the ticket's products the article is about: a ticket names many things.
    const families = new Set(articleProducts(rec).map((a) => a.family));
    const names = [...new Set(ticket.products.filter((p) => families.has(p.family)).map((p) => p.name))];
    if (e.fit === 'same-version') {
      const hit = names.find(
        (n) =>
          rec.versions.some((v) => v.toLowerCase().startsWith(n.toLowerCase())) ||
          rec.fixedIn?.toLowerCase().startsWith(n.toLowerCase()),
      );
      parts.push(`${hit ?? names[0]} matches the ticket`);
    } else {
      parts.push(
        `the article is about ${rec.versions[0] ?? rec.products[0] ?? 'another version'}, the ticket names ${names.join(', ')}`,
      );
    }
  }
  if (!rec) parts.push('not in the index');
  return parts.join('; ');
}

function dedupeByValue(ms: readonly Match[]): Match[] {
  const seen = new Set<string>();
  return ms.filter((m) => (seen.has(m.value) ? false : (seen.add(m.value), true)));
}

/** A match worth 10 x weight below this is thin evidence on its own. */
const THIN_MESSAGE_WEIGHT = 0.6;

/**
 * The article's only strong evidence is a message the ticket retyped (edits > 0): a sentence one
 * word away from a message may be the ticket's own prose, so it is no sure answer unless something
 * else stands with it: a code, a message quoted exactly, or the ticket's product and version.
 * (A cited number is judged before this.)
 */
function retypedAlone(e: Evidence): boolean {
  if (e.codes.length > 0 || e.fit === 'same-version' || e.fit === 'same-family') return false;
  const strong = e.messages.filter((m) => m.weight >= THIN_MESSAGE_WEIGHT);
  return strong.length > 0 && strong.every((m) => (m.edits ?? 0) > 0);
}
/** Fusion rule (see the top of this file). */
const CONTEXT_GAIN = 0.5;
const CONTEXT_CAP = 3;

function fused(score: number, context: number): number {
  return Math.round(score * (1 + (CONTEXT_GAIN * Math.min(context, CONTEXT_CAP)) / CONTEXT_CAP) * 10) / 10;
}

/**
 * A message quoted by one or two articles names them specifically: they rank even below the
 * threshold, with low confidence. Not a message too short to say anything (under about 14
 * informative characters: "Access is denied."), and not an article about another version of the
 * ticket's product when another candidate is about the ticket's own version.
 */
function quotedBySoFew(e: Evidence, ownVersionKnown: boolean): boolean {
  return (
    !(e.fit === 'same-family' && ownVersionKnown) &&
    e.messages.some((m) => m.articles.length > 0 && m.articles.length <= 2 && m.weight >= SPECIFIC_WEIGHT)
  );
}

/**
 * A fully specific message shared by many articles scores below the threshold for each of them
 * (shareFactor), although it is exactly what the ticket quotes; the ticket's other words then say
 * which of them it is about. Such an article ranks when its ranked score (evidence fused with
 * context) reaches the threshold, and only on a specific message: context never lifts a weak
 * match, and a ticket without context words ranks as before.
 */
function contextCarries(e: Evidence, c: ContextScore, threshold: number): boolean {
  return c.score > 0 && fused(e.score, c.score) >= threshold && e.messages.some((m) => m.weight >= THIN_MESSAGE_WEIGHT);
}

/**
 * A match names an article specifically: a cited number, or a message (not too thin to say
 * anything) that at most three articles quote.
 */
function namedSpecifically(e: Evidence): boolean {
  return (
    e.cited.length > 0 ||
    e.messages.some((m) => m.weight >= THIN_MESSAGE_WEIGHT && m.articles.length > 0 && m.articles.length <= 3)
  );
}

/**
 * The article an archive-era bounce's situation points to (Match.about) leads the list, with low
 * confidence, when nothing the ticket quotes names an article specifically: its matches are then
 * the bounce's generic sentences, quoted by dozens of articles, and the description is what says
 * which case it is. With a specific message or a cited number, those decide and it is not listed.
 */
function situationLead(evidence: readonly Evidence[]): Evidence | undefined {
  const lead = evidence.find((e) => e.about);
  if (!lead || evidence.some((e) => e !== lead && namedSpecifically(e))) return undefined;
  return lead;
}

/** Whether `text` writes the number `q` ("Q29949") whole, not as the start of a longer one ("Q299499"). */
function namesNumber(text: string, q: string): boolean {
  for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1))
    if (!/[0-9]/.test(text[at + q.length] ?? '') && !/[A-Za-z0-9]/.test(text[at - 1] ?? '')) return true;
  return false;
}

/**
 * What an article's evidence quotes, as one key: articles with the same key differ only by their
 * titles, versions and the ticket's other words. None for a cited article (the citation decides).
 */
function evidenceKey(e: Evidence): string | null {
  if (e.cited.length > 0 || e.messages.length + e.codes.length === 0) return null;
  return [...new Set([...e.messages, ...e.codes].map((m) => m.value))].sort().join('\n');
}

/** How much more context another article of the same evidence needs to make an article's lead unsure. */
const OUTWORDED_MARGIN = 0.5;

/** What naming an update the ticket says is installed adds to an article's context score. */
const INSTALLED_CONTEXT = CONTEXT_CAP / 2;

/**
 * An update the ticket says the system already runs ("after we installed Q299444") is one of the
 * conditions of an article that names it in its title or its references ("... Fail After
 * Q299444 Applied"): context for that article, shown first among its words.
 */
function withInstalledUpdates(
  context: Map<string, ContextScore>,
  matches: readonly Match[],
  candidates: ReadonlyMap<string, ArticleRecord>,
): void {
  const installed = new Set(matches.filter((m) => m.source === 'cited' && m.aside === 'installed').map((m) => m.value));
  if (installed.size === 0) return;
  for (const [q, rec] of candidates) {
    const named = [...installed].filter((n) => n !== q && (rec.related.includes(n) || namesNumber(rec.title, n)));
    if (named.length === 0) continue;
    const c = context.get(q) ?? { score: 0, words: [] };
    context.set(q, { score: c.score + INSTALLED_CONTEXT * named.length, words: [...named, ...c.words] });
  }
}

/** Least number of a title's own words the ticket must spell out (titleSpelledOut). */
const TITLE_WORDS_SPELLED = 2;

/**
 * A message too common a phrase to name an article on its own ("No more data is available.",
 * below THIN_MESSAGE_WEIGHT), quoted by a few articles, still names the one whose title the
 * ticket spells out around it: every word of the title outside the message, at least two, stands
 * in the ticket ("DHCP Manager"). An absolute signal, unlike context scores (relative to the
 * candidates): the one such article is listed, with low confidence; none when several are.
 */
function titleSpelledOut(
  evidence: readonly Evidence[],
  records: ReadonlyMap<string, ArticleRecord>,
  ticketStems: ReadonlySet<string>,
  quoted: ReadonlySet<string>,
): Evidence | undefined {
  if (ticketStems.size === 0) return undefined;
  const found = evidence.filter((e) => {
    const rec = records.get(e.q);
    if (!rec || e.cited.length > 0 || !e.messages.some((m) => m.articles.length <= 3)) return false;
    const own = [...wordsOf(rec.title.replace(/^[A-Z0-9]{2,6}:\s*/, ''), new Set(), 50)]
      .map(stem)
      .filter((w) => !quoted.has(w));
    return own.length >= TITLE_WORDS_SPELLED && own.every((w) => ticketStems.has(w));
  });
  return found.length === 1 ? found[0] : undefined;
}

/** The articles that apply to the ticket as a whole, best first; empty when none is convincing. */
export function rankArticles(
  matches: readonly Match[],
  records: ReadonlyMap<string, ArticleRecord>,
  ticket: TicketVersions,
  opts: RankOptions = {},
): { ranked: RankedArticle[]; evidence: Evidence[] } {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const evidence = collectEvidence(matches, records, ticket);
  const none: ContextScore = { score: 0, words: [] };
  let context = new Map<string, ContextScore>();
  /** The ticket's context words (stemmed) outside the quoted messages' own words. */
  const ticketStems = new Set<string>();
  const quoted = new Set([...quotedWords(matches)].map(stem));
  if (opts.context !== false && opts.contextWords) {
    const candidates = new Map<string, ArticleRecord>();
    for (const e of evidence) {
      const rec = records.get(e.q);
      // An article only the description names (Evidence.about) is no candidate to tell apart.
      if (rec && e.evidence > 0) candidates.set(e.q, rec);
    }
    const words = [...opts.contextWords].filter((w) => !quoted.has(stem(w)));
    for (const w of words) ticketStems.add(stem(w));
    context = contextScores(words, candidates);
    withInstalledUpdates(context, matches, candidates);
  }
  const ctx = (q: string) => context.get(q) ?? none;
  // Two articles quoting exactly the same things, of the same fit to the ticket's product, differ
  // only by their titles and the ticket's other words: where those words speak clearly for one
  // (a whole CONTEXT_CAP more), it goes first, whatever the title factor gives the other.
  const keys = new Map(evidence.map((e) => [e.q, evidenceKey(e)]));
  const wordedApart = (a: Evidence, b: Evidence): number => {
    const key = keys.get(a.q);
    if (key === null || key !== keys.get(b.q) || a.fit !== b.fit) return 0;
    const d = ctx(b.q).score - ctx(a.q).score;
    return Math.abs(d) >= CONTEXT_CAP ? d : 0;
  };
  const rankedScore = new Map(evidence.map((e) => [e.q, fused(e.score, ctx(e.q).score)]));
  const order = [...evidence].sort(
    (a, b) =>
      wordedApart(a, b) ||
      rankedScore.get(b.q)! - rankedScore.get(a.q)! ||
      ctx(b.q).score - ctx(a.q).score ||
      // Nothing else tells them apart: the article about the message before one that only quotes it.
      Number(b.aboutMessage ?? false) - Number(a.aboutMessage ?? false) ||
      byEvidence(a, b),
  );
  const ownVersionKnown = evidence.some((e) => e.fit === 'same-version');
  const limit = opts.limit ?? 10;
  const later = laterThanArchive(ticket);
  // A ticket about later systems than the archive's (ticket-era.ts): what it quotes names an
  // article only where the ticket also names that article's product and version.
  const otherEra = (e: Evidence) => later && e.cited.length === 0 && !e.about && e.fit !== 'same-version';
  // A shared generic message nothing in the ticket narrows lists none of its articles (narrowed.ts).
  const guesses = unnarrowed(evidence, (q) => ctx(q).score);
  let listed = order.filter(
    (e) =>
      e.cited.length > 0 ||
      (!otherEra(e) &&
        !guesses.has(e.q) &&
        (e.score >= threshold || contextCarries(e, ctx(e.q), threshold) || quotedBySoFew(e, ownVersionKnown))),
  );
  // Listed by its title only when nothing above lists it: it never changes an article's confidence.
  const found = titleSpelledOut(
    evidence.filter((e) => !otherEra(e)),
    records,
    ticketStems,
    quoted,
  );
  const spelled = found && !listed.includes(found) ? found : undefined;
  if (spelled) listed.push(spelled);
  // A short shared message the ticket's other words narrow to one article lists it (narrowed.ts).
  const worded = narrowedByWords(evidence, (q) => ctx(q).score).filter((e) => !otherEra(e) && !listed.includes(e));
  listed.push(...worded);
  const lead = situationLead(evidence);
  if (lead) listed = [lead, ...listed.filter((e) => e !== lead)];
  listed = listed.slice(0, limit);
  // Another listed article quotes exactly what this one does and the ticket's words speak more for
  // it: what puts this one ahead is a title or version factor, not the ticket, so it is no sure answer.
  const outworded = (e: Evidence) => {
    const key = evidenceKey(e);
    return (
      key !== null &&
      listed.some((o) => o !== e && evidenceKey(o) === key && ctx(o.q).score > ctx(e.q).score + OUTWORDED_MARGIN)
    );
  };
  const ranked: RankedArticle[] = listed.map((e) => {
    const rec = records.get(e.q);
    const c = ctx(e.q);
    const score = rankedScore.get(e.q)!;
    // Another listed article with the same ranked score and context: nothing in the ticket tells them apart.
    const tied = listed.some(
      (o) => o !== e && o.cited.length === 0 && rankedScore.get(o.q) === score && ctx(o.q).score === c.score,
    );
    const thin =
      e === lead ||
      outworded(e) ||
      e === spelled ||
      // A number the ticket rules out is judged by its other evidence alone, like any uncited article.
      // Not one it says is installed: "after applying Q1 it works" names the ticket's resolution.
      ((e.cited.length === 0 || e.cited.every((m) => m.aside === 'ruled-out')) &&
        (e.score < threshold || tied || retypedAlone(e) || !e.messages.some((m) => m.weight >= THIN_MESSAGE_WEIGHT)));
    let why = whyOf(e, rec, ticket);
    if (e === lead) {
      const what = `about what the ticket describes around the bounce (${e.about!.words.slice(0, 4).join(', ')}); no message it quotes names an article of its own`;
      why = why ? `${what}; ${why}` : what;
    } else if (e === spelled) why += `; the ticket spells out its title`;
    else if (c.words.length) why += `; the ticket also mentions ${c.words.slice(0, 4).join(', ')}`;
    const out: RankedArticle = { q: e.q, title: rec?.title ?? '', score, why } as RankedArticle;
    if (rec) {
      const v = verdictFor(rec, ticket);
      out.verdict = v.verdict;
      out.verdictReason = v.reason;
    }
    // Appended after the keys the --json contract already had, in this order.
    out.confidence = thin ? 'low' : 'high';
    out.context = (e === lead ? e.about!.words : c.words).slice(0, 6);
    out.inIndex = rec !== undefined;
    return out;
  });
  const suggested = ranked.length === 0 && opts.described ? describedArticle(opts.described, records, ticket) : null;
  if (suggested) ranked.push(suggested);
  // The evidence list in the ranked order too: explain() orders each match's articles by it.
  return { ranked, evidence: order };
}

/**
 * The article the ticket's words describe, listed alone when nothing the ticket quotes ranks one:
 * low confidence, its words as its context, marked `source: 'described'` (no match, nothing to highlight);
 * none when the ticket's versions are past its fix or not affected.
 */
function describedArticle(
  d: Situation,
  records: ReadonlyMap<string, ArticleRecord>,
  ticket: TicketVersions,
): RankedArticle | null {
  const rec = records.get(d.q);
  if (!rec) return null;
  const why = `suggested from the ticket's words (${d.words.slice(0, 4).join(', ')}); nothing it quotes names an article`;
  const v = verdictFor(rec, ticket);
  // Only words chose it: when the versions the ticket names already have the fix or never had
  // the problem, the ticket's case is another one, however alike their words.
  if (v.verdict === 'fixed' || v.verdict === 'not-affected') return null;
  return {
    q: d.q,
    title: rec.title,
    score: d.score,
    why,
    verdict: v.verdict,
    verdictReason: v.reason,
    confidence: 'low',
    context: d.words.slice(0, 6),
    inIndex: true,
    source: 'described',
  };
}
