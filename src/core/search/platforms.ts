/**
 * The platform a query names ("mac", "os/2", "windows"): of near twins ("Writer: Starts Up in
 * Black and White" for Windows, "Writer/Artist: Starts in Black and White" for the Macintosh),
 * the one whose applies-to list or title names that platform ranks first. The version factor
 * (versions.ts) does the same for a product's versions; this is the platform it runs on, which
 * the archive writes into the product's name ("Creative Writer for the Macintosh").
 */
import { fieldsOf, termId, termPostings } from './load-index';
import { FIELD, type SearchIndex, type TermPostings } from './types';

/** Base score factors: the article names the platform asked for / names only other platforms. */
export const PLATFORM_MATCH = 1.15;
export const PLATFORM_MISMATCH = 0.7;

interface Platform {
  /** Query words that name it (as the query parser gives them: lowercase, "os/2" whole). */
  query: readonly string[];
  /** Words its articles' products, versions and titles say it with (stemmed as the index stems). */
  terms: readonly string[];
}

/**
 * The platforms the archive's products are written for. Not MS-DOS: tickets say "dos" for a DOS
 * box or a DOS program under Windows, whose articles name Windows only.
 */
export const PLATFORMS: readonly Platform[] = [
  { query: ['mac', 'macintosh', 'macs', 'macos'], terms: ['macintosh', 'mac'] },
  { query: ['os/2', 'os2'], terms: ['os/2', 'os2'] },
  {
    query: [
      'windows',
      'win',
      'win3',
      'win31',
      'win95',
      'win98',
      'win2k',
      'winnt',
      'nt',
      'nt4',
      'w95',
      'w98',
      'w2k',
      'wfw',
      'wfwg',
    ],
    terms: ['windows'],
  },
];

/** Which of PLATFORMS the query's words name, by position. */
export function queryPlatforms(words: readonly string[]): number[] {
  const out: number[] = [];
  PLATFORMS.forEach((p, i) => {
    if (words.some((w) => p.query.includes(w))) out.push(i);
  });
  return out;
}

/**
 * Per article, the factor for its base score: PLATFORM_MATCH when its products, versions or title
 * name a platform the query names, PLATFORM_MISMATCH when they name only other platforms, else 1
 * (an article that names no platform, or a query that names none).
 */
export function platformFactor(index: SearchIndex, asked: readonly number[]): (doc: number) => number {
  if (asked.length === 0) return () => 1;
  const lists = PLATFORMS.map((p) =>
    p.terms.flatMap((t): TermPostings[] => {
      const id = termId(index, index.thesaurus.stem(t));
      return id < 0 ? [] : [termPostings(index, id)];
    }),
  );
  const names = (doc: number, i: number) =>
    lists[i]!.some((p) => (fieldsOf(p, doc) & (FIELD.products | FIELD.title)) !== 0);
  return (doc) => {
    if (asked.some((i) => names(doc, i))) return PLATFORM_MATCH;
    for (let i = 0; i < PLATFORMS.length; i++) if (!asked.includes(i) && names(doc, i)) return PLATFORM_MISMATCH;
    return 1;
  };
}
