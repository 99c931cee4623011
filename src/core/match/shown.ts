/**
 * Which matches are highlighted and listed once the ticket is ranked. Every highlight must open a
 * card worth reading: a quoted message too thin to name an article alone ("Host not found",
 * "returned message") is shown only when an article it names is listed for the ticket, where it is
 * part of the evidence. Cited numbers, codes and NDR lines (a class or a bounce's reason explains
 * them) are always shown.
 */
import { SPECIFIC_WEIGHT } from './pattern';
import type { Match } from './scan';

export function worthShowing(m: Match, listed: ReadonlySet<string>): boolean {
  if (m.source !== 'message' || m.kind !== 'error' || m.class || m.weight >= SPECIFIC_WEIGHT) return true;
  return m.articles.some((q) => listed.has(q));
}
