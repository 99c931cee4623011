/**
 * One query word the archive writes as two: "runtime" for "Run-Time Error", "listbox" for "list
 * box", "touchscreen" for "touch screen". The other direction ("token ring" -> "tokenring") is in
 * query.ts. The index keeps no positions, so the two words "side by side" is read as: both in one
 * field of the article (its title, a quoted message, its keywords...).
 */
import { intersectPostings, termId, termPostings } from './load-index';
import { JOINED_NEGATION, NEGATIONS } from './proximity';
import { STOPWORDS } from './tokenize';
import { FIELD, type SearchIndex, type TermPostings } from './types';

/** Each half at least this long: "co" + "ordinates" is no split. */
const MIN_PART = 3;
/**
 * ...but the second half may be shorter: the archive writes a word and its particle or tag apart
 * ("Dial-Up Networking", "Pop-Up Window", "TCP/IP") that agents type as one ("dialup", "popup",
 * "tcpip"). A first half that short is a prefix ("re", "un", "co"), not a word;
 * and a negation typed without its apostrophe ("doesnt") is no word and "NT".
 */
const MIN_TAIL = 2;
/** Longer "words" (a pasted path, hash or run-together sentence) are not split: each split point is a stem and lookup, on every keystroke. As topic-words. */
const MAX_WORD = 30;
/** Halves in fewer articles than this are names and slips, not words. */
const MIN_PART_DF = 20;
/**
 * Where the archive has the word as typed, the split counts only when it writes the two halves
 * together at least this share as often ("run time" next to "runtime"): "password" is not about
 * "pass" and "word", which a few titles happen to have both of.
 */
const MIN_SPLIT_SHARE = 0.2;
/** A split found in fewer articles than this is chance. */
const MIN_SPLIT_DOCS = 3;

export interface SplitWord {
  /** The two halves, as index terms. */
  terms: [string, string];
  /** Articles with both halves in one field, with the fields they share. */
  p: TermPostings;
  /**
   * How surely those articles write the halves as the word: less for a two-letter tail, which a
   * title has anywhere as often as next to the first half ("Setting Up ... Remote Boot" for "bootup").
   */
  quality: number;
}

/** The quality of a split whose second half has two letters. */
export const SHORT_TAIL_QUALITY = 0.7;

/** Splits already worked out, per index: every keystroke asks again for the words before the last. */
const memo = new WeakMap<SearchIndex, Map<string, SplitWord | null>>();
const MEMO_MAX = 1024;

/** The two words `word` is written as in this index, or null. */
export function splitWord(index: SearchIndex, word: string): SplitWord | null {
  if (
    word.length < MIN_PART + MIN_TAIL ||
    word.length > MAX_WORD ||
    !/^[a-z]+$/.test(word) ||
    NEGATIONS.has(word) ||
    JOINED_NEGATION.test(word)
  )
    return null;
  let known = memo.get(index);
  if (!known) memo.set(index, (known = new Map()));
  if (known.has(word)) return known.get(word)!;
  const misses = index.parts.misses;
  const out = findSplit(index, word);
  // Postings of a part not read yet: worked out again once it is.
  if (index.parts.misses !== misses) return out;
  if (known.size >= MEMO_MAX) known.clear();
  known.set(word, out);
  return out;
}

function findSplit(index: SearchIndex, word: string): SplitWord | null {
  const stem = index.thesaurus.stem;
  const own = termId(index, stem(word));
  const ownDf = own >= 0 ? index.df[own]! : 0;
  // A two-letter tail only when no split into longer halves holds: "runsms" is "run" "sms", not
  // "runs" and the "MS" of every MS-DOS title.
  return (
    bestSplit(index, word, MIN_PART, word.length - MIN_PART, own, ownDf) ??
    withQuality(bestSplit(index, word, word.length - MIN_TAIL, word.length - MIN_TAIL, own, ownDf), SHORT_TAIL_QUALITY)
  );
}

function withQuality(split: SplitWord | null, quality: number): SplitWord | null {
  return split && { ...split, quality };
}

/** The split at a point from `from` to `to` (first half's length) found in the most articles. */
function bestSplit(index: SearchIndex, word: string, from: number, to: number, own: number, ownDf: number) {
  const stem = index.thesaurus.stem;
  let best: SplitWord | null = null;
  for (let k = Math.max(from, MIN_PART); k <= to; k++) {
    const head = word.slice(0, k);
    const tail = word.slice(k);
    // "maybe" is no "may" "be": a stopword is no half of a word.
    if (STOPWORDS.has(head) || STOPWORDS.has(tail)) continue;
    const a = termId(index, stem(head));
    const b = termId(index, stem(tail));
    if (a < 0 || b < 0 || a === own || b === own) continue;
    if (index.df[a]! < MIN_PART_DF || index.df[b]! < MIN_PART_DF) continue;
    const p = sharedField(termPostings(index, a), termPostings(index, b));
    if (p.docs.length < Math.max(MIN_SPLIT_DOCS, MIN_SPLIT_SHARE * ownDf)) continue;
    if (!best || p.docs.length > best.p.docs.length)
      best = { terms: [index.terms.at(a), index.terms.at(b)], p, quality: 1 };
  }
  return best;
}

/**
 * Fields that name things, where two words in one are mostly side by side: not a quoted message,
 * a sentence where they are as often a verb and its particle ("...will be shut down" is no
 * "shutdown"), nor the lists of body words.
 */
const NAMING_FIELDS = FIELD.title | FIELD.keywords | FIELD.files | FIELD.products;

/** Articles that have both terms in one field (the rest of the search's fields do not count). */
function sharedField(a: TermPostings, b: TermPostings): TermPostings {
  return intersectPostings(a, b, (ma, mb) => ma & mb & NAMING_FIELDS || null);
}
