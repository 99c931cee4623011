/**
 * Everyday phrases: messages made only of the words any program, site or person uses to say that
 * something failed ("The operation timed out", "Invalid user name or password", "Access to file
 * denied", "There is not enough space on the disk"). An article may quote one, but a ticket
 * shows it about any system: it is the words of a thousand cases, not of the article's. Such a
 * message weighs as a thin one (build-detector.ts): it ranks nothing alone, and is highlighted
 * only as evidence for an article the ticket lists for other reasons (a cited number, a
 * specific message). A message with one word of its own ("Cannot initialize sound system",
 * "Server failed to load application", a file name, a code), or longer than one clause, is not
 * everyday.
 */

/**
 * The nouns of computer use in general, and the words that say that an action on one failed.
 * Filler words (pattern.ts STOPWORDS: "the", "is", "not", "error") are left out beforehand.
 */
const EVERYDAY_WORDS = new Set(
  // what failed
  (
    'operation request connection access user username name password login logon log account session network ' +
    'server file disk drive space memory path page site web internet host address data credentials time parameter ' +
    // how it failed
    'timed out failed failure denied invalid incorrect wrong bad unknown found find unavailable responding expired ' +
    'enough insufficient unable cannot try again later completed complete successfully unexpected reached connect ' +
    'open read write missing lost busy locked valid allowed permission refused reset closed specified canceled ' +
    'cancelled displayed ' +
    // more of what failed, and the questions every program asks
    'command system storage available process requested resource resources module item ' +
    'want replace existing save changes continue sure delete'
  ).split(' '),
);

/**
 * An everyday phrase is one short clause. A longer message of everyday words is a product's own
 * ("There has been a network or file permission error. The network connection may be lost.").
 */
const MAX_WORDS = 5;

/**
 * Whether a message, as its informative words (lowercased tokens, filler words and placeholders
 * already dropped), is an everyday phrase. Needs two words at least: one alone is too thin to be a
 * message anyway.
 */
export function isEverydayPhrase(informative: readonly string[]): boolean {
  return informative.length >= 2 && informative.length <= MAX_WORDS && informative.every((w) => EVERYDAY_WORDS.has(w));
}
