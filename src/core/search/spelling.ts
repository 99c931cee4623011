/**
 * British spellings of the words the archive writes the American way: an agent types "colour",
 * "dialogue", "licence", "initialise", "grey"; the articles say "color", "dialog", "license",
 * "initialize", "gray". Several edits apart or common words themselves, they are out of the typo
 * step's reach. expand.ts keeps a variant only where the archive uses it more than the word.
 */

/** Endings as British and American spelling write them, tried in order; the first that fits wins. */
const ENDINGS: readonly [RegExp, string][] = [
  // colour, behaviour, favourite, honourable
  [/our(s|ed|ing|ite|ites|able|ful)?$/, 'or$1'],
  // initialise, organisation, synchronising, customiser
  [/is(e|es|ed|ing|er|ers|ation|ations)$/, 'iz$1'],
  // analyse, paralysed
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  // centre, metres
  [/tre(s|d)?$/, 'ter$1'],
  // dialogue, catalogues
  [/ogue(s)?$/, 'og$1'],
  // licence, defence
  [/ence(s)?$/, 'ense$1'],
];

/** Whole words that differ in more than an ending. */
const WORDS: ReadonlyMap<string, string> = new Map([
  ['grey', 'gray'],
  ['greyed', 'grayed'],
]);

/** The American spellings `word` may stand for (none for a word no rule fits). */
export function spellingVariants(word: string): string[] {
  if (!/^[a-z]{4,}$/.test(word)) return [];
  const whole = WORDS.get(word);
  if (whole) return [whole];
  for (const [from, to] of ENDINGS) {
    if (from.test(word)) return [word.replace(from, to)];
  }
  return [];
}
