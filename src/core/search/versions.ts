/**
 * Versions named in a query ("exchange 5.5", "vfp 6.0", "windows 95", "nt4"): an article whose
 * applies-to list has the version ranks higher; one for the same product that lists only other
 * versions ranks lower.
 */
import { fieldsOf, termId, termPostings } from './load-index';
import { SHORTHAND } from './synonyms';
import { phraseTerms } from './thesaurus';
import { UNITS } from './tokenize';
import { FIELD, type SearchIndex } from './types';

/** Base score factors: the article applies to the version named / names the product but not it. */
export const VERSION_MATCH = 1.3;
export const VERSION_MISMATCH = 0.55;

/** "5.5", "3.51", "6.0"; a build ("5.5.2591") is a file version, not a product's. */
const DOTTED = /^\d{1,2}\.\d{1,2}[a-z]?$/;
/** "95", "97", "2000", "6": a bare number after a product name ("256" is a count, not a version). */
const NUMBER = /^(?:\d{1,2}|19\d\d|20\d\d)$/;

/** Words a number follows when it is not a product's version ("service pack 4", "event 9156"). */
const NOT_A_PRODUCT = new Set([
  'pack',
  'sp',
  'error',
  'err',
  'event',
  'id',
  'status',
  'code',
  'port',
  'build',
  'step',
  'line',
  'page',
  'number',
  'level',
  'ms',
  'win32',
  'stop',
  'object',
  'setup',
]);

/**
 * The version term of each one-word shorthand ("nt4" -> "4.0"), built on a first search: stemming
 * the table is a few ms of a cold worker, which a start for a ticket page's scan does not need.
 */
let shorthandVersions: Map<string, string> | undefined;
function shorthandVersion(word: string): string | undefined {
  if (!shorthandVersions) {
    shorthandVersions = new Map();
    for (const group of SHORTHAND) {
      const version = group.flatMap((p) => phraseTerms(p)).find((t) => DOTTED.test(t) || NUMBER.test(t));
      if (!version) continue;
      for (const p of group) if (!p.includes(' ')) shorthandVersions.set(p, version);
    }
  }
  return shorthandVersions.get(word);
}

/**
 * The version terms of a query: its dotted versions, its bare numbers after a word, its shorthand,
 * and `glued`: those of words that glue a product to its version ("vfp6", glued.ts).
 */
export function queryVersions(
  words: readonly string[],
  compounds: readonly string[],
  glued: readonly string[] = [],
): string[] {
  const out = new Set<string>(glued);
  for (const c of compounds) if (DOTTED.test(c)) out.add(c);
  words.forEach((w, i) => {
    const short = shorthandVersion(w);
    if (short) out.add(short);
    // A number on its own ("4") is a version only after a name ("nt 4"), and not inside a dotted one
    // nor before a unit ("himem 64 mb").
    else if (
      NUMBER.test(w) &&
      i > 0 &&
      !UNITS.has(words[i + 1] ?? '') &&
      !NUMBER.test(words[i - 1]!) &&
      !NOT_A_PRODUCT.has(words[i - 1]!) &&
      ![...out].some((v) => v.startsWith(w + '.'))
    ) {
      if (!compounds.some((c) => c.split('.').includes(w))) out.add(w);
    }
  });
  return [...out];
}

/**
 * Per article, the factor for its base score: VERSION_MATCH when the title or applies-to list
 * has every version named, VERSION_MISMATCH when a query word matched its applies-to list (the
 * product is right) but it has none of them, else 1.
 */
export function versionFactor(
  index: SearchIndex,
  versions: readonly string[],
): (doc: number, fields: number) => number {
  if (versions.length === 0) return () => 1;
  // Postings are sorted by doc: a binary search per candidate article, no set per keystroke.
  const lists = versions.map((v) =>
    versionSpellings(v).flatMap((t) => {
      const id = termId(index, t);
      return id < 0 ? [] : [termPostings(index, id)];
    }),
  );
  const has = (doc: number, spellings: (typeof lists)[number]) =>
    spellings.some((p) => (fieldsOf(p, doc) & (FIELD.products | FIELD.title)) !== 0);
  return (doc, fields) => {
    let n = 0;
    for (const l of lists) if (has(doc, l)) n++;
    if (n === lists.length) return VERSION_MATCH;
    // "upgrade exchange 5.0 to 5.5": an article for one of the versions named is no other product's.
    if (n > 0) return 1;
    return fields & FIELD.products ? VERSION_MISMATCH : 1;
  };
}

/**
 * "6.00", "5.10", "4.50a": the old applies-to lists pad a version's minor number with a zero
 * ("QuickBASIC 4.50", "C 6.00a"); agents write "6.0", "5.1", "4.5". The index adds the short form
 * beside the padded one (build-index.ts), so a query's version finds both.
 */
const PADDED = /^(\d{1,2}\.\d)0([a-z]?)$/;

export function unpaddedVersion(term: string): string | null {
  const m = PADDED.exec(term);
  return m ? m[1]! + m[2]! : null;
}

/** A version number in a raw Version(s) field ("6.00 6.00a | 6.00 6.00a", "5.00 5.10"). */
const RAW_VERSION = /^\d{1,2}\.\d{1,2}[a-z]?$/;

/**
 * The version numbers of an article's raw Version(s) field, for the articles whose applies-to list
 * names no product (the old language articles: "Product(s): See article"), which otherwise have no
 * version for a query's "c 6.0" to find. Platform prefixes ("WINDOWS:3.0") are left to the parser.
 */
export function rawVersionNumbers(raw: string): string[] {
  return [...new Set(raw.split(/[\s|,;]+/).filter((t) => RAW_VERSION.test(t)))];
}

/** A year's two digits ("95") stand for the year: "Cinemania 95" is "Cinemania 1995" in the archive. */
const YEAR = /^[89]\d$/;

/** The terms a version is written as: itself, and a two-digit year written out. */
export function versionSpellings(v: string): string[] {
  return YEAR.test(v) ? [v, '19' + v] : [v];
}
