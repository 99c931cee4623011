/**
 * The form a word is indexed and looked up under: Porter's stemmer (the `stemmer` package) for
 * words of letters only, so "crashes", "crashed" and "crashing" are one term on both sides.
 *
 * Words of three letters or fewer are acronyms and product tags more often than English ("sms",
 * "ims", "nt"), and words with digits are codes, builds and versions: both stay as written.
 */
import { stemmer } from 'stemmer';

const LETTERS = /^[a-z]+$/;

/**
 * Stems already computed: the index build stems millions of tokens of a vocabulary of a few
 * hundred thousand words, and a search box asks for the same words keystroke after keystroke.
 */
const cache = new Map<string, string>();
const CACHE_MAX = 500_000;

export function stemTerm(word: string): string {
  if (word.length < 4) return word;
  let s = cache.get(word);
  if (s === undefined) {
    s = LETTERS.test(word) ? stemmer(word) : word;
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(word, s);
  }
  return s;
}

/**
 * A stemmer that leaves some words as written: the archive's own acronyms ("wins", "rras"), which
 * Porter would cut to another word ("win", the tickets' shorthand for Windows). Index build and
 * query read the same list (the alias lines stored in the index), so both sides agree.
 */
export function stemmerKeeping(keep: ReadonlySet<string>): (word: string) => string {
  if (keep.size === 0) return stemTerm;
  return (word) => (keep.has(word) ? word : stemTerm(word));
}

/**
 * The short forms of "short\tlong form" alias lines that stemming would change; not a plural of
 * an acronym ("guids": globally unique identifiers), which stems like any plural.
 */
export function unstemmedShortForms(aliasLines: readonly string[]): Set<string> {
  const keep = new Set<string>();
  for (const line of aliasLines) {
    const tab = line.indexOf('\t');
    const short = line.slice(0, tab);
    if (short.endsWith('s') && line.endsWith('s')) continue;
    if (LETTERS.test(short) && stemTerm(short) !== short) keep.add(short);
  }
  return keep;
}
