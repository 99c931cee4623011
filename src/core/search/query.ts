/**
 * One search: read the query, look up Q-numbers, score words, then lift the articles that match
 * as a whole (the Q-number itself, the phrase in the title, all the words in a quoted error).
 */
import { parseKbReference } from '../kb-number';
import { expandWord, MatchKind } from './expand';
import {
  docOfNumber,
  fieldsOf,
  firstDocAtLeast,
  hasTitle,
  peekTitle,
  phrasePostings,
  termId,
  termPostings,
  termsPartAt,
  titleOf,
} from './load-index';
import { idf, scorerFor, USED, type PricedList, type Scorer, type WordScores } from './rank';
import { PHRASE_SLACK, phraseForm, STOPWORDS, tokenizeText, type SlashName } from './tokenize';
import { findPhrases } from './thesaurus';
import { gluedPhrases, isDottedGlued, splitGlued } from './glued';
import { splitWord } from './split';
import { adjacentPairs, CUT_NEGATION, MAX_PAIRS, NEGATIONS, orderedTerms, pairFactor } from './proximity';
import { queryVersions, versionFactor } from './versions';
import { platformFactor, queryPlatforms } from './platforms';
import { FIELD, type SearchIndex, type SearchOptions, type SearchResult, type TermPostings } from './types';

/** Longer input is a pasted page, not a query; the start of it is what matters. */
const MAX_QUERY_CHARS = 200;
const MAX_WORDS = 12;
const MAX_COMPOUNDS = 6;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 500;

/** Score tiers: each dominates every base score, so the order in the brief holds. */
const TIER = {
  exactQ: 1000,
  titlePhrase: 100,
  errorText: 100,
  /** Both of the above. */
  both: 110,
  /** Title is exactly the query. */
  exactTitle: 120,
  /** A Q-number named among other words ("kb 227142 store.exe"). */
  namedQ: 500,
} as const;

/** Articles listed while a Q-number is being typed: closest length first, below strong text hits. */
const NUMBER_PREFIX_WORTH = 25;
const NUMBER_PREFIX_MAX = 10;

export interface QueryWord {
  text: string;
  /** Unfinished: the last word, with no space typed after it. */
  prefix: boolean;
}

export interface ParsedQuery {
  /** The whole query is a KB number: its digits. */
  kb: number | null;
  /** The whole query is the start of a number ("2271", "Q2271"): its digits. */
  numberPrefix: string | null;
  /** Words that count towards coverage, in order, unique; a slash name ("os/2") is one word. */
  words: QueryWord[];
  /** Q-numbers named among other words. */
  namedQs: number[];
  /** "store.exe", "5.5.2591": bonus terms, not counted in coverage. */
  compounds: QueryWord[];
  /** Every word, space-joined, for phrase checks. */
  phrase: string;
  /** The query ends inside a word. */
  open: boolean;
}

/** Words of a description that tell no article from another; dropped from queries that have other words. */
export const QUERY_FILLER: ReadonlySet<string> = new Set([
  'has',
  'have',
  'had',
  'was',
  'were',
  'does',
  'do',
  'did',
  'doesnt',
  'dont',
  'didnt',
  'cant',
  'cannot',
  'wont',
  'isnt',
  'wasnt',
  'arent',
  'werent',
  'hasnt',
  'havent',
  'hadnt',
  'couldnt',
  'wouldnt',
  'shouldnt',
  'not',
  'no',
  'when',
  'after',
  'i',
  'we',
  'my',
  'our',
  'you',
  'your',
  'still',
  'keeps',
  'just',
  'some',
  'any',
  'this',
  'that',
  'there',
  'can',
  'will',
  'but',
  'if',
  'gets',
  'getting',
]);

/**
 * Words that tie the others together ("under", "via", "vs", "before"): an article's fields are
 * short (title, quoted messages, keywords), so few have them and their idf is that of a rare
 * word; a title that shared one with the query ("... Does Not Run Under OS/2") outranked the one
 * about what was asked ("Mouse Installation with OS/2"). They still count, at FUNCTION_SHARE of
 * their worth and of their weight in coverage: a title that has them gains a little. Not the
 * particles of a verb ("logs off", "times out"), which say what happened.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'about above across against along among around because before behind below beneath beside between ' +
    'beyond despite during except inside into like near onto outside over per since than then ' +
    'through throughout till toward towards under underneath unlike until upon versus via vs whether ' +
    'while within without also only even again once instead though although so too very how what where ' +
    'which who why whose whom its their they them he she me us am been being should would could may ' +
    'might must shall'
  ).split(' '),
);
const FUNCTION_SHARE = 0.5;

function lastPartText(parts: readonly string[]): string | undefined {
  return parts[parts.length - 1];
}

/**
 * "doesn't", "can't", "won't": the tokeniser cuts a contraction at its apostrophe into "doesn" and
 * "t", two words no filler list names; "t" then matched every title with a contraction in it and
 * "won" the articles about winning. Joined ("doesnt", "cant", "wont"), they are the filler they are.
 */
function withContractions(tokens: readonly string[]): { tokens: string[]; last: boolean } {
  const out: string[] = [];
  let last = false;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i + 1] === 't' && CUT_NEGATION.test(tokens[i]!)) {
      out.push(tokens[i]! + 't');
      last = ++i === tokens.length - 1;
    } else out.push(tokens[i]!);
  }
  return { tokens: out, last };
}

const NAMED_Q = /^(?:q|kb|mskb)(\d{4,7})$/;
const KB_WORD = /^(?:q|kb|mskb)$/;
const DIGITS = /^\d{4,7}$/;

/**
 * parseQuery's answer, the same object for the same text while it is among the last few: a search
 * that reads parts runs two or three passes over one query (search-parts.ts), and topByWords
 * knows its pass by the object. Treat it as read-only.
 */
const parsedQueries = new Map<string, ParsedQuery>();
const PARSED_KEPT = 8;
function parsedOnce(input: string): ParsedQuery {
  const key = input.slice(0, MAX_QUERY_CHARS);
  let parsed = parsedQueries.get(key);
  if (!parsed) {
    parsed = parseQuery(key);
    if (parsedQueries.size >= PARSED_KEPT) parsedQueries.delete(parsedQueries.keys().next().value!);
    parsedQueries.set(key, parsed);
  }
  return parsed;
}

export function parseQuery(input: string): ParsedQuery {
  const s = input.slice(0, MAX_QUERY_CHARS);
  const open = /[\p{L}\p{N}]$/u.test(s);
  const kbQ = parseKbReference(s);
  const np = /^\s*(?:q|kb)?\s*(\d{3,6})\s*$/i.exec(s);
  const { parts, compounds: allCompounds, names } = tokenizeText(s);
  const glued = allCompounds.filter(isDottedGlued);
  // A contraction ending the query is finished: its apostrophe was typed, so it is not a word begun.
  const { tokens, last: endsInContraction } = withContractions(withDottedGlued(withNames(parts, names), glued));
  const compounds = glued.length > 0 ? allCompounds.filter((c) => !glued.includes(c)) : allCompounds;

  const namedQs: number[] = [];
  const plain: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const p = tokens[i]!;
    const named = NAMED_Q.exec(p);
    if (named) namedQs.push(Number(named[1]));
    else if (KB_WORD.test(p) && DIGITS.test(tokens[i + 1] ?? '')) namedQs.push(Number(tokens[++i]));
    else plain.push(p);
  }

  const lastPart = tokens[tokens.length - 1];
  // Filler of a typed description ("has no effect", "doesnt work after") says nothing about which
  // article; the last word stays while it is being typed ("no" may become "notepad").
  const content = plain.filter(
    (p, i) =>
      !STOPWORDS.has(p) &&
      (!QUERY_FILLER.has(p) || (open && !endsInContraction && i === plain.length - 1 && p === lastPartText(tokens))),
  );
  // A query of stopwords only ("to", "the") is someone halfway through a real word.
  const chosen = content.length > 0 ? content : plain.slice(-1);
  const words: QueryWord[] = keptWords(chosen).map((text) => ({ text, prefix: false }));
  const last = words[words.length - 1];
  if (open && last && last.text === lastPart) last.prefix = true;

  const lastCompound = compounds[compounds.length - 1];
  const endsInCompound = open && lastCompound !== undefined && s.toLowerCase().endsWith(lastCompound);
  const comps: QueryWord[] = [];
  for (const text of new Set(compounds)) {
    if (comps.length === MAX_COMPOUNDS) break;
    comps.push({ text, prefix: endsInCompound && text === lastCompound });
  }

  return {
    kb: kbQ ? Number(kbQ.slice(1)) : null,
    numberPrefix: np ? np[1]! : null,
    words,
    namedQs: [...new Set(namedQs)],
    compounds: comps,
    phrase: parts.join(' '),
    open,
  };
}

/**
 * The query's words, unique, at most MAX_WORDS of them. An agent's long description ends with the
 * words that name the thing ("... from office lan to shiva dialup at home"): over the limit, the
 * words that tie the others together (FUNCTION_WORDS) go first, from the end, and only then the
 * last words.
 */
function keptWords(chosen: readonly string[]): string[] {
  const unique = [...new Set(chosen)];
  let extra = unique.length - MAX_WORDS;
  if (extra <= 0) return unique;
  const out: string[] = [];
  for (let i = unique.length - 1; i >= 0; i--) {
    if (extra > 0 && FUNCTION_WORDS.has(unique[i]!)) extra--;
    else out.push(unique[i]!);
  }
  return out.reverse().slice(0, MAX_WORDS);
}

/**
 * The query's words with each slash name in place of its parts: "os/2" is one word, not "os" and
 * a "2" that coverage counted apart (and versions.ts read as a version of "os").
 */
function withNames(parts: readonly string[], names: readonly SlashName[]): string[] {
  if (names.length === 0) return [...parts];
  const out: string[] = [];
  let n = 0;
  for (let i = 0; i < parts.length;) {
    const name = names[n];
    if (name && name.at === i) {
      out.push(name.text);
      i += name.count;
      n++;
    } else out.push(parts[i++]!);
  }
  return out;
}

/**
 * The query's words with each dotted glued product and version ("ex5.5") in place of the two
 * words the tokeniser cut it into ("ex5", "5").
 */
function withDottedGlued(tokens: readonly string[], glued: readonly string[]): string[] {
  if (glued.length === 0) return [...tokens];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const joined = tokens[i] + '.' + (tokens[i + 1] ?? '');
    if (i + 1 < tokens.length && glued.includes(joined)) {
      out.push(joined);
      i++;
    } else out.push(tokens[i]!);
  }
  return out;
}

interface Hit {
  doc: number;
  score: number;
  why: string;
}

/**
 * Searches one index, or several (the bundled archive and the team's own articles) whose results
 * are merged by score; on the same Q-number the earlier index wins.
 */
export function search(
  indexes: SearchIndex | readonly SearchIndex[],
  query: string,
  opts: SearchOptions = {},
): SearchResult[] {
  const limit = Math.max(0, Math.min(MAX_LIMIT, Math.floor(opts.limit ?? DEFAULT_LIMIT) || 0));
  if (limit === 0) return [];
  const parsed = parsedOnce(query);
  if (!Array.isArray(indexes)) return searchOne(indexes as SearchIndex, parsed, limit);
  const lists = (indexes as readonly SearchIndex[]).map((ix) => searchOne(ix, parsed, limit));
  return lists.length === 1 ? lists[0]! : mergeResults(lists, limit);
}

/**
 * Merges result lists by score, best first; a Q-number keeps its entry from the earliest list
 * (the team's own copy of an article), even where a later list scores its copy higher.
 */
export function mergeResults(lists: readonly SearchResult[][], limit = DEFAULT_LIMIT): SearchResult[] {
  const kept = new Map<string, SearchResult & { source: number }>();
  lists.forEach((list, source) => {
    for (const r of list) if (!kept.has(r.q)) kept.set(r.q, { ...r, source });
  });
  return [...kept.values()].sort((a, b) => b.score - a.score || a.source - b.source).slice(0, limit);
}

export function searchOne(index: SearchIndex, parsed: ParsedQuery, limit: number): SearchResult[] {
  const hits: Hit[] = [];
  const taken = new Set<number>();
  const take = (h: Hit) => {
    if (taken.has(h.doc)) return;
    taken.add(h.doc);
    hits.push(h);
  };

  if (parsed.kb !== null) {
    const doc = docOfNumber(index, parsed.kb);
    if (doc >= 0) take({ doc, score: TIER.exactQ, why: 'Q-number' });
  }
  if (parsed.numberPrefix !== null) {
    for (const h of numberPrefixHits(index, parsed.numberPrefix)) take(h);
  }

  for (const h of scoreWords(index, scorerFor(index), parsed, limit)) take(h);

  hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
  // A pass without all its postings (search-parts.ts) does not ask for the titles of a list that
  // will change. One that only waits for titles that rank its articles asks for the titles of
  // what it would show too: the list rarely changes, and a first search then waits for one round
  // of title files, not two (a file or so more in a few searches).
  const postingsMissing = index.parts.wantedTerms.size > 0;
  return hits.slice(0, limit).map((h) => ({
    q: 'Q' + index.qnums[h.doc],
    title: (postingsMissing ? peekTitle(index, h.doc) : titleOf(index, h.doc)) ?? '',
    score: Math.round(h.score * 1000) / 1000,
    why: h.why,
  }));
}

/** Articles whose number starts with the digits typed so far, shortest numbers first. */
function numberPrefixHits(index: SearchIndex, digits: string): Hit[] {
  const out: Hit[] = [];
  const base = Number(digits);
  for (let extra = 1; digits.length + extra <= 7 && out.length < NUMBER_PREFIX_MAX; extra++) {
    const lo = base * 10 ** extra;
    const hi = (base + 1) * 10 ** extra;
    for (let d = firstDocAtLeast(index, lo); d < index.count && index.qnums[d]! < hi; d++) {
      out.push({ doc: d, score: NUMBER_PREFIX_WORTH - 5 * extra, why: `Q-number starts ${digits}` });
      if (out.length === NUMBER_PREFIX_MAX) break;
    }
  }
  return out;
}

/**
 * The articles a query's words score highest, before their titles are weighed, with what the
 * rest of scoreWords reads of each (the fields its words were found in, the words found in an
 * error text, the wordings used): nothing of it depends on titles.
 */
interface TopByWords {
  docs: number[];
  scores: number[];
  fields: Uint8Array;
  inErrors: Uint16Array;
  used: Uint8Array;
  named: ReadonlySet<number>;
}

/**
 * The last TopByWords per index, kept while a search reads the titles it needs and runs again
 * (search-parts.ts): that pass differs from the one before only in the titles it holds. Kept
 * only when computed with every postings part it touched in memory (parts.misses did not move),
 * so it is the answer over the whole index; the parsed query is the same object (parsedOnce).
 */
const lastTopByWords = new WeakMap<SearchIndex, { parsed: ParsedQuery; limit: number; value: TopByWords }>();

function topByWords(index: SearchIndex, scorer: Scorer, parsed: ParsedQuery, limit: number): TopByWords {
  const kept = lastTopByWords.get(index);
  if (kept && kept.parsed === parsed && kept.limit === limit) return kept.value;
  const misses = index.parts.misses;
  try {
    const value = scoreEveryWord(index, scorer, parsed, limit);
    if (index.parts.misses === misses) lastTopByWords.set(index, { parsed, limit, value });
    return value;
  } finally {
    scorer.reset();
  }
}

function scoreEveryWord(index: SearchIndex, scorer: Scorer, parsed: ParsedQuery, limit: number): TopByWords {
  const { words, namedQs, compounds } = parsed;
  const termCount = words.length + namedQs.length;
  const misses = index.parts.misses;
  const extras = thesaurusExtras(index, words);
  const plans = words.map((w, i) =>
    planWord(scorer, index, w, 1 << i, true, extras[i]!, !w.prefix && FUNCTION_WORDS.has(w.text) ? FUNCTION_SHARE : 1),
  );
  const weights = plans.map((p) => p.word.weight);
  // A named Q-number counts as much as the rarest word.
  for (let i = 0; i < namedQs.length; i++) weights.push(Math.max(1, ...weights));
  scorer.coverWeights = weights;
  const named = new Set<number>();
  namedQs.forEach((num, i) => {
    const doc = docOfNumber(index, num);
    if (doc < 0) return;
    named.add(doc);
    // Enough to reach the top list; the tier below puts it first.
    scorer.offer(doc, 1, 0);
    scorer.endTerm(1 << (words.length + i));
  });
  const bonus = compounds.map((c) => planWord(scorer, index, c, 0, false));
  // Postings the words need are not read yet: this pass only learns which (search-parts.ts), and
  // scoring articles over what it has would be thrown away. A cold start's first pass.
  if (index.parts.misses !== misses)
    return {
      docs: [],
      scores: [],
      fields: new Uint8Array(0),
      inErrors: new Uint16Array(0),
      used: new Uint8Array(0),
      named,
    };
  scoreTerms(scorer, plans, bonus, weights.slice(plans.length), Math.max(limit * 3, 60), termCount);
  const { docs, scores } = scorer.top(Math.max(limit * 3, 60), termCount);
  return {
    docs,
    scores,
    fields: Uint8Array.from(docs, (d) => scorer.fields[d]!),
    inErrors: Uint16Array.from(docs, (d) => scorer.inErrors[d]!),
    used: Uint8Array.from(docs, (d) => scorer.used[d]!),
    named,
  };
}

function scoreWords(index: SearchIndex, scorer: Scorer, parsed: ParsedQuery, limit: number): Hit[] {
  const { words, namedQs, compounds } = parsed;
  if (words.length + namedQs.length === 0 && compounds.length === 0) return [];
  const { docs, scores, fields, inErrors, used, named } = topByWords(index, scorer, parsed, limit);

  const wordBits = (1 << words.length) - 1;
  const phraseTarget = parsed.phrase.includes(' ') ? ' ' + parsed.phrase + (parsed.open ? '' : ' ') : null;
  const exactTitle = ' ' + parsed.phrase + ' ';
  const versions = versionFactor(
    index,
    queryVersions(
      words.map((w) => w.text),
      compounds.map((c) => c.text),
      words.filter((w) => gluedPhrases(index, w.text).length > 0).map((w) => splitGlued(w.text)!.version),
    ),
  );
  // Of near twins for two platforms, the one for the platform named (platforms.ts).
  const platforms = platformFactor(index, queryPlatforms(words.map((w) => w.text)));
  const inTitles = titleWordCounter(index, words);
  const mayHaveTitle = (doc: number) => inTitles.all(doc);
  // Pairs of query words side by side in the title (proximity.ts); one word has no pair. A title
  // is read only where two query words can stand in it.
  const lastWord = words[words.length - 1];
  const queryTerms = words.length >= 2 ? pairTerms(index, parsed.phrase, lastWord!) : null;
  const mayPair = (doc: number) => inTitles.count(doc) + (lastWord?.prefix ? 1 : 0) >= 2;

  // What each article scores without its title and the most its title could add (titleBound); an
  // article whose title is in memory is scored exactly.
  const n = docs.length;
  const base = new Float64Array(n);
  const needsPair = new Uint8Array(n);
  const needsPhrase = new Uint8Array(n);
  const inErrorAt = new Uint8Array(n);
  const bounds: TitleBound[] = [];
  const longestExact = exactTitleLength(parsed.phrase);
  for (let i = 0; i < n; i++) {
    const doc = docs[i]!;
    base[i] = scores[i]! * versions(doc, fields[i]!) * platforms(doc);
    needsPair[i] = queryTerms && fields[i]! & FIELD.title && mayPair(doc) ? 1 : 0;
    needsPhrase[i] = phraseTarget !== null && mayHaveTitle(doc) ? 1 : 0;
    // All the words in one field is evidence of a quoted message only when nothing else was asked.
    inErrorAt[i] = words.length >= 2 && named.size === 0 && (inErrors[i]! & wordBits) === wordBits ? 1 : 0;
    const known = !(needsPair[i] || needsPhrase[i]) || hasTitle(index, doc);
    bounds.push(
      known
        ? { low: NaN, high: NaN }
        : titleBound(
            base[i]!,
            named.has(doc),
            inErrorAt[i] === 1,
            needsPair[i] === 1,
            needsPhrase[i] === 1,
            mayBeExactTitle(index, doc, longestExact),
          ),
    );
  }
  const exact = (doc: number, i: number) => {
    let score = base[i]!;
    if (needsPair[i]) score *= pairFactor(adjacentPairs(queryTerms!, titleTerms(index, doc), lastWord!.prefix));
    return score;
  };
  const readsTitle = titlesToRead(limit, bounds, (i) => {
    // An article scored exactly: the tier from the same checks as below.
    const doc = docs[i]!;
    const title = needsPhrase[i] ? titlePhrase(index, doc) : '';
    return (
      exact(doc, i) +
      tierOf(
        named.has(doc),
        phraseTarget !== null && title.includes(phraseTarget),
        title === exactTitle,
        inErrorAt[i] === 1,
      )
    );
  });

  return docs.map((doc, i) => {
    const read = readsTitle[i] === 1;
    const title = read && needsPhrase[i] ? titlePhrase(index, doc) : '';
    const t = tier(
      named.has(doc),
      phraseTarget !== null && title.includes(phraseTarget),
      title === exactTitle,
      inErrorAt[i] === 1,
    );
    const score = (read ? exact(doc, i) : base[i]!) + t.add;
    return { doc, score, why: t.why ?? describe(fields[i]!, used[i]!) };
  });
}

/** The tier an article's whole-query evidence puts it in (TIER), as scoreWords assigns it. */
function tier(
  named: boolean,
  inTitle: boolean,
  exactTitle: boolean,
  inError: boolean,
): { add: number; why: string | null } {
  if (named) return { add: TIER.namedQ, why: 'Q-number' };
  if (inTitle && exactTitle) return { add: TIER.exactTitle, why: 'title' };
  if (inTitle && inError) return { add: TIER.both, why: 'title phrase, error text' };
  if (inTitle) return { add: TIER.titlePhrase, why: 'title phrase' };
  return inError ? { add: TIER.errorText, why: 'error text' } : { add: 0, why: null };
}

function tierOf(named: boolean, inTitle: boolean, exactTitle: boolean, inError: boolean): number {
  return tier(named, inTitle, exactTitle, inError).add;
}

/** An article's final score without its title (low) and the most it can reach with it (high). */
interface TitleBound {
  low: number;
  high: number;
}

function titleBound(
  base: number,
  named: boolean,
  inError: boolean,
  pair: boolean,
  phrase: boolean,
  mayBeExact: boolean,
): TitleBound {
  const most = base * (pair ? pairFactor(MAX_PAIRS) : 1);
  const low = base + tierOf(named, false, false, inError);
  if (named || !phrase) return { low, high: most + tierOf(named, false, false, inError) };
  return { low, high: most + tierOf(false, true, mayBeExact, inError) };
}

/**
 * The longest display title that can read exactly as `phrase`: the same words with a few marks of
 * punctuation or quotes among them (PHRASE_SLACK). A longer title holds other words, unless the
 * index lists it as wordy (more marks than that, padded codes), or does not say.
 */
function exactTitleLength(phrase: string): number {
  return phrase.length + PHRASE_SLACK;
}

function mayBeExactTitle(index: SearchIndex, doc: number, longestExact: number): boolean {
  return index.titleLength[doc]! <= longestExact || index.wordyTitles === null || index.wordyTitles.has(doc);
}

/**
 * Which of the top articles are scored with their title (1). A first search after a cold start
 * should wait for the title files of what it shows, not of every candidate. `bounds[i]` is NaN
 * for an article already scored exactly (`exactScore(i)`: its title is in memory or not needed).
 * An article whose highest possible score is below what `limit` others reach for sure cannot be
 * shown, so its title is not read; the others' titles are (the pass is redone with them,
 * search-parts.ts). What is shown, and its order, is what reading every title would give.
 */
function titlesToRead(limit: number, bounds: readonly TitleBound[], exactScore: (i: number) => number): Uint8Array {
  const n = bounds.length;
  const out = new Uint8Array(n);
  const lows = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const known = Number.isNaN(bounds[i]!.low);
    if (known) out[i] = 1;
    lows[i] = known ? exactScore(i) : bounds[i]!.low;
  }
  const bar = n > limit ? lows.slice().sort().reverse()[limit - 1]! : -Infinity;
  // A margin for rounding: an article level with the bar is read.
  for (let i = 0; i < n; i++) if (!out[i] && bounds[i]!.high * (1 + 1e-9) >= bar) out[i] = 1;
  return out;
}

/**
 * A test that is true for every article whose title can hold the query's phrase: one whose title
 * field has each finished word of the query (a title with the phrase has each of them as a word,
 * indexed under its stem in the title field). Titles are then read and put in phrase form only
 * for those, not for every top article: a first search reads few title files.
 */
/**
 * Per article, how many of the finished query words its title has (the postings' title bit), and
 * whether it has them all: a title that lacks a word cannot hold the phrase, and one with fewer
 * than two cannot hold a pair, so its text need not be read.
 */
function titleWordCounter(
  index: SearchIndex,
  words: readonly QueryWord[],
): { count: (doc: number) => number; all: (doc: number) => boolean } {
  const lists: TermPostings[] = [];
  let unknown = false;
  for (const w of words) {
    // The word being typed may end inside a title word; a stopword is not indexed.
    if (w.prefix || STOPWORDS.has(w.text)) continue;
    const id = termId(index, index.thesaurus.stem(w.text));
    if (id < 0) unknown = true;
    else lists.push(termPostings(index, id));
  }
  const count = (doc: number) => {
    let n = 0;
    for (const p of lists) if (inTitleField(p, doc)) n++;
    return n;
  };
  return { count, all: (doc) => !unknown && count(doc) === lists.length };
}

function inTitleField(p: TermPostings, doc: number): boolean {
  return (fieldsOf(p, doc) & FIELD.title) !== 0;
}

/** Titles in phrase form, per index, made on first use: the same top articles come back keystroke after keystroke. */
const titlePhrases = new WeakMap<SearchIndex, (string | undefined)[]>();

function titlePhrase(index: SearchIndex, doc: number): string {
  let forms = titlePhrases.get(index);
  if (!forms) titlePhrases.set(index, (forms = new Array<string | undefined>(index.count)));
  const known = forms[doc];
  if (known !== undefined) return known;
  // A title not read yet matches no phrase; its part is noted as wanted and the pass is redone.
  const title = titleOf(index, doc);
  return title === undefined ? '' : (forms[doc] = phraseForm(title));
}

/** What a slash name's parts found apart are worth against the name itself. */
const SLASH_PARTS_QUALITY = 0.6;

/** Titles as index terms in order, per index, made on first use (as titlePhrases). */
const titleTermLists = new WeakMap<SearchIndex, (string[] | undefined)[]>();

function titleTerms(index: SearchIndex, doc: number): string[] {
  let lists = titleTermLists.get(index);
  if (!lists) titleTermLists.set(index, (lists = new Array<string[] | undefined>(index.count)));
  const known = lists[doc];
  if (known) return known;
  // A title not read yet ('' from titlePhrase, its part noted as wanted) is not kept.
  const phrase = titlePhrase(index, doc);
  return phrase === '' ? [] : (lists[doc] = orderedTerms(phrase, index.thesaurus.stem, PAIR_SKIP));
}

/**
 * Words skipped on both sides before pairs are compared: the filler a query drops, and the words
 * that tie others together ("could not copy" says no more than "not copy" to a title that has it).
 */
const PAIR_SKIP: ReadonlySet<string> = new Set([...QUERY_FILLER, ...FUNCTION_WORDS]);

/**
 * The query's words in order as pairs compare them (proximity.ts): its filler and function words
 * dropped as the titles' are, its negations kept as NOT, the word being typed as typed (it pairs with the title
 * words it begins).
 */
function pairTerms(index: SearchIndex, phrase: string, last: QueryWord): string[] {
  const terms = orderedTerms(' ' + phrase + ' ', index.thesaurus.stem, PAIR_SKIP);
  if (last.prefix && terms.length > 0 && terms[terms.length - 1] === index.thesaurus.stem(last.text))
    terms[terms.length - 1] = last.text;
  return terms;
}

/** A glued product and version is near-certain, as the archive's own acronyms are (thesaurus.ts). */
const GLUED_QUALITY = 0.9;

/** A word of the same family that the archive uses alongside the word (variants.ts). */
const VARIANT_QUALITY = 0.7;

/** Two query words the archive writes as one are that word, nearly surely. */
const JOINED_QUALITY = 0.9;

interface Extra {
  p: TermPostings;
  quality: number;
  /** The phrase it stands for, as index terms: what tells one extra from another. */
  key: string;
  /** What found it (one thesaurus phrase, one joined pair...): one source may serve several query words. */
  source?: number;
}

/**
 * Per query word, the articles that say it another way: "vfp" also finds "Visual FoxPro", and
 * each of "outlook web access" also finds "OWA"; "hangs" finds "stops responding".
 */
function thesaurusExtras(index: SearchIndex, words: readonly QueryWord[]): Extra[][] {
  const terms = words.map((w) => index.thesaurus.stem(w.text));
  return onceEach(allExtras(index, words, terms), index.thesaurus.stem);
}

/**
 * Terms two wordings may have in common and still say different things: a negation ("missing" is
 * "not displayed", "down" "not available") or a word that ties others together. As index terms
 * (stemmed as the wordings' keys are), once per stemmer.
 */
const unsharedByStem = new WeakMap<(word: string) => string, ReadonlySet<string>>();
function unsharedTerms(stem: (word: string) => string): ReadonlySet<string> {
  let set = unsharedByStem.get(stem);
  if (!set) {
    set = new Set([...NEGATIONS, ...PAIR_SKIP].flatMap((w) => [w, stem(w)]));
    unsharedByStem.set(stem, set);
  }
  return set;
}

/**
 * The extras with each article word serving one query word: "show desktop icon missing" finds
 * "display" for "show" and "not display" for "missing", and a title's one "Not Display" then
 * covered both, above "Icon Missing from Desktop". An everyday wording (a ticket synonym, a word of
 * the family: below NEAR_CERTAIN) that shares a term with another such wording an earlier query
 * word already has is dropped. Not where the two words hold the same source (a phrase they make
 * together: "blue screen" is "bluescreen", "new features" "what's new"), nor for the near-certain
 * wordings of products and acronyms ("win 3.x ... win95": an article names Windows for each).
 * Two query words that mean the same ("setup ... installing") each keep theirs: an article with one
 * of them has what the agent said twice.
 */
function onceEach(extras: Extra[][], stem: (word: string) => string): Extra[][] {
  // Most queries have everyday wordings for one word at most: nothing to share.
  let everyday = 0;
  for (const list of extras) if (list.some((x) => x.quality < NEAR_CERTAIN)) everyday++;
  if (everyday < 2) return extras;
  const holders = new Map<number, Set<number>>();
  extras.forEach((list, i) => {
    for (const x of list) {
      if (x.source === undefined) continue;
      let set = holders.get(x.source);
      if (!set) holders.set(x.source, (set = new Set()));
      set.add(i);
    }
  });
  const holds = (x: Extra, i: number) => x.source !== undefined && (holders.get(x.source)?.has(i) ?? false);
  // Only a shared content word makes two wordings one ("display" in "show" and "not displayed"):
  // a shared "not" dropped whichever wording came second, so results hung on word order.
  const unshared = unsharedTerms(stem);
  const content = (x: Extra) => x.key.split(' ').filter((t) => !unshared.has(t));
  const claimed: { x: Extra; terms: string[]; word: number }[] = [];
  return extras.map((list, i) => {
    const kept = list.filter((x) => {
      if (x.quality >= NEAR_CERTAIN) return true;
      const xs = content(x);
      return !claimed.some(
        (c) => c.word !== i && !holds(x, c.word) && !holds(c.x, i) && c.terms.some((t) => xs.includes(t)),
      );
    });
    for (const x of kept) if (x.quality < NEAR_CERTAIN) claimed.push({ x, terms: content(x), word: i });
    return kept;
  });
}

/** Quality of the wordings that name one thing (acronyms, glued products, joined words). */
const NEAR_CERTAIN = 0.9;

function allExtras(index: SearchIndex, words: readonly QueryWord[], terms: readonly string[]): Extra[][] {
  const out: Extra[][] = words.map(() => []);
  let source = 0;
  // A slash name also finds the articles that have its parts, written apart ("OS 2", "I-O").
  words.forEach((w, i) => {
    if (!w.text.includes('/')) return;
    const parts = tokenizeText(w.text.replace('/', ' '))
      .parts.filter((t) => !STOPWORDS.has(t))
      .map((t) => index.thesaurus.stem(t));
    const p = parts.length > 0 ? phrasePostings(index, parts) : null;
    if (p && p.docs.length > 0) out[i]!.push({ p, quality: SLASH_PARTS_QUALITY, key: parts.join(' ') });
  });
  for (const { from, to, entry } of findPhrases(index.thesaurus, terms)) {
    for (const other of entry.others) {
      const p = phrasePostings(index, other);
      if (!p || p.docs.length === 0) continue;
      source++;
      for (let i = from; i < to; i++) out[i]!.push({ p, quality: entry.quality, key: other.join(' '), source });
    }
  }
  // "token ring", "perf mon": two words the archive writes as one ("tokenring", "perfmon"), and
  // what that one word spells out.
  for (let i = 0; i + 1 < words.length; i++) {
    if (!/[a-z]/.test(words[i]!.text)) continue;
    const joined = index.thesaurus.stem(words[i]!.text + words[i + 1]!.text);
    // Stemming may cut the second word off again ("offline" + "nt" stems to "offlin"): that is
    // the first word alone, and it made every article with it cover the second word too.
    if (joined === terms[i] || joined === terms[i + 1]) continue;
    const id = termId(index, joined);
    if (id < 0) continue;
    const lists: Extra[] = [{ p: termPostings(index, id), quality: JOINED_QUALITY, key: joined }];
    for (const e of index.thesaurus.byFirst.get(joined) ?? []) {
      if (e.phrase.length !== 1) continue;
      for (const other of e.others) {
        const p = phrasePostings(index, other);
        if (p && p.docs.length > 0) lists.push({ p, quality: JOINED_QUALITY * e.quality, key: other.join(' ') });
      }
    }
    source++;
    for (const x of lists) x.source = source;
    out[i]!.push(...lists);
    out[i + 1]!.push(...lists);
  }
  // "runtime", "listbox": one word the archive also writes as two ("Run-Time", "list box").
  // Not when the query names a half on its own too ("_shortcutmenu ... right click menu"): the
  // half would count twice, for the articles about any "shortcut menu".
  words.forEach((w, i) => {
    const split = splitWord(index, w.text);
    if (split && !split.terms.some((t) => terms.includes(t)))
      out[i]!.push({ p: split.p, quality: JOINED_QUALITY * split.quality, key: split.terms.join(' ') });
  });
  // "admin": also "administrator", a word of its family the archive uses with it (variants.ts);
  // only one that sits in the part read for the word itself (a word of the vocabulary), so no
  // other part is read for it. Not a variant the query names itself ("admin administrator"):
  // an article with only that word would count it twice, as split words would.
  words.forEach((w, i) => {
    if (w.prefix) return;
    const own = terms[i]!;
    const variants = index.variants.get(own);
    if (!variants || termId(index, own) < 0) return;
    const part = termsPartAt(index, own);
    for (const v of variants) {
      if (terms.includes(v)) continue;
      const id = termId(index, v);
      if (id < 0 || termsPartAt(index, v) !== part) continue;
      out[i]!.push({ p: termPostings(index, id), quality: VARIANT_QUALITY, key: v });
    }
  });
  // "vfp6": Visual FoxPro with 6.0 in its applies-to list (glued.ts).
  // The word being typed too: "vfp6" is whole once its digits are typed.
  words.forEach((w, i) => {
    for (const g of gluedPhrases(index, w.text))
      out[i]!.push({ p: g.p, quality: GLUED_QUALITY, key: g.terms.join(' ') });
  });
  return out;
}

/**
 * A query word's postings, priced: each list with what a posting in it is worth. A finished word
 * also has its contribution per article worked out and kept (`scores`), since every keystroke
 * after it asks for it again; the word being typed changes on each keystroke, so its lists are
 * walked as they are.
 */
interface PricedWord {
  lists: PricedList[];
  scores: WordScores | null;
  /** Its weight for coverage: the idf of the articles it matched. */
  weight: number;
  /** Postings it stands for (all of its lists): the order words are scored in. */
  size: number;
  /** Most the word can add to one article (-1 until pruning asks). */
  maxWorth: number;
}

/** One query word ready to score. */
interface WordPlan {
  word: PricedWord;
  bit: number;
}

/**
 * Finished words, priced and scored, per index, most recently used last; bounded by the articles
 * their scores hold (a word in 40,000 articles holds about 600 kB), oldest dropped first.
 */
const pricedWords = new WeakMap<SearchIndex, { words: Map<string, PricedWord>; held: number }>();
const PRICED_ARTICLES_MAX = 400_000;

/** Expands one query word and prices its postings, or takes the finished word as priced before. */
function planWord(
  scorer: Scorer,
  index: SearchIndex,
  word: { text: string; prefix: boolean },
  bit: number,
  typos: boolean,
  extras: readonly Extra[] = [],
  share = 1,
): WordPlan {
  if (word.prefix) return { word: priceWord(index, word, typos, extras, share), bit };
  let kept = pricedWords.get(index);
  if (!kept) pricedWords.set(index, (kept = { words: new Map(), held: 0 }));
  let key = (typos ? 't' : '-') + (share === 1 ? '' : share + ' ') + word.text;
  for (const x of extras) key += '\t' + x.quality + ' ' + x.key;
  let priced = kept.words.get(key);
  if (priced) {
    kept.words.delete(key);
  } else {
    const misses = index.parts.misses;
    priced = priceWord(index, word, typos, extras, share);
    // Postings missing from a part not read yet: priced for this pass only, never kept.
    if (index.parts.misses !== misses) return { word: priced, bit };
    const scores = scorer.scoreLists(priced.lists);
    priced.scores = scores;
    priced.maxWorth = scores.max;
    kept.held += scores.docs.length;
    for (const [k, old] of kept.words) {
      if (kept.held <= PRICED_ARTICLES_MAX) break;
      kept.words.delete(k);
      kept.held -= old.scores!.docs.length;
    }
  }
  kept.words.set(key, priced);
  return { word: priced, bit };
}

function priceWord(
  index: SearchIndex,
  word: { text: string; prefix: boolean },
  typos: boolean,
  extras: readonly Extra[],
  share: number,
): PricedWord {
  const exps = expandWord(index, word.text, { prefix: word.prefix, typos });
  const lists = exps.map((e) => termPostings(index, e.id));
  // Completions and corrections share one idf, that of all of them together: otherwise a rare
  // completion ("exchequer" for "exch") would outweigh the common one the user means.
  let groupDf = 0;
  for (const p of lists) groupDf += p.docs.length;
  const groupIdf = idf(index.count, Math.min(groupDf, index.count));
  const exactAt = exps.findIndex((e) => e.kind === MatchKind.Exact);
  const stemDf = exactAt >= 0 ? lists[exactAt]!.docs.length : 0;
  // An exact stem is the literal word only when stemming left it as typed ("failure" is not).
  const unstemmed = index.thesaurus.stem(word.text) === word.text;
  const out: PricedList[] = exps.map((e, i) => {
    const p = lists[i]!;
    // While the word is unfinished its exact hit is only the shortest completion ("exch").
    const own = (e.kind === MatchKind.Exact || e.kind === MatchKind.Surface) && !word.prefix;
    // The surface form exists only in error texts, so its own df understates how common the word
    // is: it is worth what the word's stem is (it still marks the article as quoting the message).
    const worth = own
      ? idf(index.count, e.kind === MatchKind.Surface && stemDf > 0 ? stemDf : p.docs.length)
      : e.quality * groupIdf;
    const used = e.kind === MatchKind.Typo ? USED.typo : e.kind === MatchKind.Prefix ? USED.prefix : 0;
    // Only the words as typed (or being typed) say the article quotes the message.
    const literal =
      (e.kind === MatchKind.Exact && unstemmed) ||
      e.kind === MatchKind.Surface ||
      (e.kind === MatchKind.Prefix && word.prefix);
    return { p, worth: worth * share, used, literal, own: true };
  });
  // Another way of saying the word is worth what the word and it together are: "move" does not
  // become rare because the archive also spells out a rare acronym MOVE.
  for (const x of extras)
    out.push({
      p: x.p,
      worth: share * x.quality * idf(index.count, Math.min(index.count, groupDf + x.p.docs.length)),
      used: 0,
      literal: false,
      own: false,
    });
  for (const x of extras) groupDf += x.p.docs.length;
  let size = 0;
  for (const l of out) size += l.p.docs.length;
  return {
    lists: out,
    scores: null,
    weight: share * idf(index.count, Math.max(1, Math.min(groupDf, index.count))),
    size,
    maxWorth: -1,
  };
}

/** Most a word can add to one article: its best list's worth times that list's best field weight. */
function maxWorthOf(scorer: Scorer, plan: WordPlan): number {
  const w = plan.word;
  if (w.maxWorth < 0) {
    let max = 0;
    for (const l of w.lists) if (l.p.docs.length > 0) max = Math.max(max, l.worth * scorer.maxWeight(l.p));
    w.maxWorth = max;
  }
  return w.maxWorth;
}

function applyWord(scorer: Scorer, plan: WordPlan): void {
  const { word, bit } = plan;
  if (word.scores) {
    scorer.addScores(word.scores, bit);
    return;
  }
  for (const l of word.lists) scorer.addPostings(l.p, l.worth, l.used, l.literal ? bit : 0, l.own);
  scorer.endTerm(bit);
}

/**
 * Scores the words rarest first, then the bonus terms (compounds). Before each word, when what is
 * left to walk is large, checks whether an article none of the words so far matched could still
 * reach the top `k`: at best it gets every remaining word at its best worth and their share of the
 * coverage. Once that is below the k-th best score so far, only articles already scored are
 * scored further (max-score pruning): the top `k` and their scores stay exactly what a full walk
 * gives, and the very common words ("windows", a one-letter prefix) stop costing a pass over
 * most of the archive.
 */
function scoreTerms(
  scorer: Scorer,
  plans: readonly WordPlan[],
  bonus: readonly WordPlan[],
  namedWeights: readonly number[],
  k: number,
  termCount: number,
): void {
  const order = plans.map((_, i) => i).sort((a, b) => plans[a]!.word.size - plans[b]!.word.size || a - b);
  let weightSum = 0;
  for (const p of plans) weightSum += p.word.weight;
  for (const w of namedWeights) weightSum += w;
  let restSize = 0;
  for (const p of plans) restSize += p.word.size;
  for (const p of bonus) restSize += p.word.size;
  for (let n = 0; n < order.length; n++) {
    const plan = plans[order[n]!]!;
    if (
      !scorer.restrict &&
      termCount > 0 &&
      weightSum > 0 &&
      scorer.touchedCount >= k &&
      restSize > 2 * scorer.touchedCount + 1000
    ) {
      let restWeight = 0;
      let restWorth = 0;
      for (let j = n; j < order.length; j++) {
        const p = plans[order[j]!]!;
        restWeight += p.word.weight;
        restWorth += maxWorthOf(scorer, p);
      }
      for (const p of bonus) restWorth += maxWorthOf(scorer, p);
      const cover = restWeight / weightSum;
      const bound = restWorth * cover * cover;
      // A margin for rounding: sums taken in another order may differ in the last bits.
      if (bound * (1 + 1e-9) < scorer.kthPartial(k, termCount)) scorer.restrict = true;
    }
    applyWord(scorer, plan);
    restSize -= plan.word.size;
  }
  // Bonus terms count for no coverage: an article they alone find scores nothing.
  if (termCount > 0) scorer.restrict = true;
  for (const p of bonus) applyWord(scorer, p);
}

const FIELD_LABEL: [number, string][] = [
  [FIELD.title, 'title'],
  [FIELD.errors, 'error'],
  [FIELD.files, 'file'],
  [FIELD.products, 'product'],
  [FIELD.keywords | FIELD.words, 'keyword'],
];

function describe(fields: number, used: number): string {
  const names = FIELD_LABEL.filter(([bit]) => fields & bit).map(([, name]) => name);
  const how = used & USED.typo ? ' (typo)' : used & USED.prefix ? ' (prefix)' : '';
  return names.join(', ') + how;
}
