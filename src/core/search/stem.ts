/**
 * The form a word is indexed and looked up under: Porter's stemmer (the `stemmer` package) for
 * words of letters only, so "crashes", "crashed" and "crashing" are one term on both sides.
 *
 * Words of three letters or fewer are acronyms and product tags more often than English ("sms",
 * "ims", "nt"), and words with digits are codes, builds and versions: both stay as written.
 */
import { stemmer } from 'stemmer';

const LETTERS = /^[a-z]+$/;

export function stemTerm(word: string): string {
  return word.length >= 4 && LETTERS.test(word) ? stemmer(word) : word;
}
