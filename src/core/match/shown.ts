/**
 * Which matches are highlighted and listed once the ticket is ranked. Every highlight must open a
 * card worth reading: a quoted message too thin to name an article alone ("Host not found",
 * "returned message") is shown only when an article it names is listed for the ticket, where it is
 * part of the evidence, and so is a code, a message too many articles quote, and a short one that
 * nothing in the ticket narrows to one of its articles (narrowed.ts). Other codes and NDR lines (a
 * class or a bounce's reason explains them) are always shown; cited numbers too, except one
 * outside the archive's range that no article of the index has (archive-range.ts: it is not
 * ranked, and its card would be empty), and one typed loosely in the shape of a tracker's key or a
 * question's number ("KB-10234", "Q 12345") that the index does not have.
 */
import type { Match } from './scan';
import { withinArchive } from './archive-range';
import { SHARED_BY_SOME } from './rank';
import { SELF_NARROWING_WEIGHT } from './narrowed';

/** Most articles a code may name and still open a card worth reading without a listed one. */
const CODE_CANDIDATES = 3;

export function worthShowing(m: Match, listed: ReadonlySet<string>, laterThanArchive = false): boolean {
  if (m.source === 'cited') return listed.has(m.value) || (!m.loose && withinArchive(m.value));
  // In a ticket about later systems (ticket-era.ts) a message or code is shown only as evidence for
  // a listed article: alone it opens an article about another system.
  if (laterThanArchive && m.kind === 'error') return m.articles.some((q) => listed.has(q));
  // A code dozens of articles quote ("0xc0000005") names none of them: its card would be a long
  // list of other cases. It is shown as evidence for a listed article, or when it names a few.
  if (m.source === 'code' && m.kind === 'error' && m.articles.length > CODE_CANDIDATES)
    return m.articles.some((q) => listed.has(q));
  if (m.source !== 'message' || m.kind !== 'error' || m.class) return true;
  // A message more than ten articles quote ("The system cannot find the file specified.", in 24) is
  // the words of many cases: its card would be a list of guesses unless the ticket lists one.
  // One less specific whose articles the ticket lists none of is the wording of many cases
  // that nothing in the ticket narrows (narrowed.ts): its card would be a list of guesses.
  if (m.weight >= SELF_NARROWING_WEIGHT && m.articles.length <= SHARED_BY_SOME) return true;
  return m.articles.some((q) => listed.has(q));
}
