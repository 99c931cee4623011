/**
 * Typo tolerance: which vocabulary terms are within a small edit distance of a query word.
 *
 * Only terms that start with the word's first or second letter are compared, which keeps the
 * work to a few thousand short comparisons and still catches the common slips: a wrong, missing
 * or extra letter after the first, and swapped neighbours ("exchnage", "xechange").
 */
import { lowerBound } from './load-index';
import type { Vocabulary } from './vocabulary';

/** Longest word we compare; longer ones are never typo-matched (and never typed). */
const MAX_LEN = 40;
/** How many vocabulary terms one scan may look at, whatever the letter. */
const MAX_SCAN = 20_000;

const rowA = new Int32Array(MAX_LEN + 4);
const rowB = new Int32Array(MAX_LEN + 4);
const rowC = new Int32Array(MAX_LEN + 4);

/** Edits allowed for a word of this length: none for short words, where everything is one edit away. */
export function maxEdits(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/**
 * Optimal-string-alignment distance between `a` and `b` (insert, delete, substitute, swap
 * neighbours), or max + 1 once it is certain to exceed `max`. With `prefixOfB`, the distance from
 * `a` to the closest prefix of `b`, for a word still being typed.
 */
export function editDistance(a: string, b: string, max: number, prefixOfB = false): number {
  const n = a.length;
  const m = prefixOfB ? Math.min(b.length, n + max) : b.length;
  if (n > MAX_LEN || m > MAX_LEN) return max + 1;
  if (!prefixOfB && Math.abs(n - m) > max) return max + 1;
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        d = Math.min(d, prev2[j - 2]! + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  if (!prefixOfB) return Math.min(prev[m]!, max + 1);
  let best = max + 1;
  for (let j = Math.max(0, n - max); j <= m; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

/**
 * The set of characters of a string, one bit per letter (a-z), digit (0-9) and one for the rest;
 * never 0. A character of the word whose bit a term lacks needs an edit of its own (substituted
 * or deleted: swaps and insertions add none), so a term missing more of the word's characters
 * than the edits allowed is out without computing the distance. The same holds for any prefix of
 * the term, whose characters are a subset of the term's.
 */
function charSet(s: string): number {
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    bits |= c >= 97 && c <= 122 ? 1 << (c - 97) : c >= 48 && c <= 57 ? 1 << (26 + ((c - 48) % 5)) : 1 << 31;
  }
  return bits;
}

/** Character sets of the vocabulary, per terms list, filled as scans reach them. */
const charSets = new WeakMap<Vocabulary, Int32Array>();

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
}

export interface TypoCandidate {
  id: number;
  distance: number;
}

/**
 * Vocabulary terms within maxEdits(word) of `word` (or of one of their prefixes, with
 * `prefix`), closest first, then most used (`weight`, larger first), at most `cap`.
 */
export function typoCandidates(
  terms: Vocabulary,
  word: string,
  prefix: boolean,
  weight: (id: number) => number,
  cap: number,
): TypoCandidate[] {
  const max = maxEdits(word);
  if (max === 0) return [];
  const found = new Map<number, number>();
  let sets = charSets.get(terms);
  if (!sets) charSets.set(terms, (sets = new Int32Array(terms.length)));
  const wordSet = charSet(word);
  const letters = word.length >= 5 && word[1] !== word[0] ? [word[0]!, word[1]!] : [word[0]!];
  for (const letter of letters) {
    const from = lowerBound(terms, letter);
    const to = Math.min(lowerBound(terms, String.fromCharCode(letter.charCodeAt(0) + 1)), from + MAX_SCAN);
    for (let id = from; id < to; id++) {
      const t = terms.at(id);
      if (prefix ? t.length < word.length - max : Math.abs(t.length - word.length) > max) continue;
      const set = sets[id] || (sets[id] = charSet(t));
      if (popcount(wordSet & ~set) > max) continue;
      const d = editDistance(word, t, max, prefix);
      if (d <= max && d > 0) found.set(id, Math.min(d, found.get(id) ?? d));
    }
  }
  return [...found]
    .map(([id, distance]) => ({ id, distance }))
    .sort((x, y) => x.distance - y.distance || weight(y.id) - weight(x.id) || x.id - y.id)
    .slice(0, cap);
}
