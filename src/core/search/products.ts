/**
 * The product a query names ("exchange", "vfp", "wfw", "powerpoint"): agents name the product
 * before the symptom, and an article about another product is hardly ever the one they mean. A
 * product's name is a common word (thousands of Exchange articles), so its idf makes it cheap to
 * miss: "exchange forms designer labels cut off" ranked an Encarta article whose title says "Cut
 * Off" above the Exchange one that says "Truncated". Which query words name a product is read from
 * the index, not a list: a word most of whose articles have it in their products field (their
 * applies-to list), however the query spells it (aliases and glued versions count).
 */
import { splitGlued } from './glued';
import { queryPlatforms } from './platforms';
import type { WordScores } from './rank';
import { isVersionWord } from './versions';

/** A word names a product when at least this share of the articles it finds have it among their products. */
export const PRODUCT_WORD_SHARE = 0.5;
/** ...and it finds at least this many articles that way: a rare word is a product's only by chance. */
export const PRODUCT_WORD_MIN = 20;
/**
 * ...and it finds at most this share of the archive: "windows", "nt", "server" are in most
 * articles' applies-to lists and name a platform more than a product (platforms.ts owns those).
 */
export const PRODUCT_WORD_MAX_SHARE = 0.15;
/** Base score factor of an article whose products have none of the product words the query names. */
export const PRODUCT_MISS = 0.75;

/**
 * Bits of the query words that name a product (bit i: word i) in an index of `count` articles;
 * unfinished words never do, nor words platforms.ts or versions.ts read ("nt4", "win95", the "95"
 * of "windows 95"): those already have their factor, and their own count passes the share cap
 * that "windows" and "nt" do not. A glued word ("vfp6") is held to the cap by its name's count
 * (`docsOf`: the articles a word finds).
 */
export function productWordBits(
  words: readonly { text: string; scores: WordScores | null; prefix: boolean }[],
  count: number,
  docsOf: (word: string) => number = () => 0,
): number {
  const texts = words.map((w) => w.text);
  const max = PRODUCT_WORD_MAX_SHARE * count;
  let bits = 0;
  words.forEach((w, i) => {
    const s = w.scores;
    if (w.prefix || !s || s.inProducts < PRODUCT_WORD_MIN || s.docs.length > max) return;
    if (queryPlatforms([w.text]).length > 0 || isVersionWord(texts, i)) return;
    const glued = splitGlued(w.text);
    if (glued && docsOf(glued.name) > max) return;
    if (s.inProducts >= PRODUCT_WORD_SHARE * s.docs.length) bits |= 1 << i;
  });
  return bits;
}

/**
 * The factor for an article's base score from `inProducts` (bit i: query word i found it in its
 * products field): PRODUCT_MISS when the query names a product and the article has none of the
 * products named, else 1. One product named is enough ("exchange client on windows nt").
 */
export function productFactor(productBits: number, inProducts: number): number {
  return productBits !== 0 && (inProducts & productBits) === 0 ? PRODUCT_MISS : 1;
}
