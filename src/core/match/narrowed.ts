/**
 * A message several articles quote, not specific in full ("The remote procedure call failed.",
 * "There is not enough space on the disk"), is the wording of many systems' failures: a ticket
 * quoting it is about one of its articles only where something in the ticket says which. Where
 * nothing does, listing them all with low confidence offers guesses, and its highlight opens a
 * list of other people's cases. What narrows such a message to its articles:
 * - another match naming one of them (a cited number, a code, another message);
 * - the ticket naming one's product (and version);
 * - the ticket's other words scoring for one of them (context.ts);
 * - the ticket's own values in the message's slots;
 * - a bounce situation the ticket describes (Match.about).
 * A message of about 24 informative characters or more (SELF_NARROWING_WEIGHT: "A2006: phase
 * error between passes") that at most SHARED_BY_SOME articles quote, or one a single article
 * quotes, names its articles by itself.
 */
import { SHARED_BY_SOME, type Evidence } from './rank';
import { SPECIFIC_WEIGHT } from './pattern';
import type { Match } from './scan';

/** The weight from which a message names its few articles by itself (specificity.ts FULL_CHARS is 1). */
export const SELF_NARROWING_WEIGHT = 0.8;

/** Whether one of the articles quoting `m` has something besides `m` in the ticket speaking for it. */
function narrows(e: Evidence, m: Match, context: number): boolean {
  return (
    e.cited.length > 0 ||
    e.codes.length > 0 ||
    e.about !== undefined ||
    e.fit === 'same-version' ||
    e.fit === 'same-family' ||
    context > 0 ||
    e.messages.some((o) => o.value !== m.value)
  );
}

/**
 * A shared message not specific enough to name its articles by nothing but itself, or one so many
 * articles quote ("This program has performed an illegal operation and will be shut down.", in
 * over a hundred) that it is the wording of a whole class of failures.
 */
function generic(m: Match): boolean {
  return (
    m.source === 'message' &&
    m.kind === 'error' &&
    !m.class &&
    !m.slots &&
    !m.ownValues &&
    (m.weight < SELF_NARROWING_WEIGHT || m.articles.length > SHARED_BY_SOME)
  );
}

/**
 * The articles named only by shared generic messages that nothing in the ticket narrows to them:
 * they are not listed. Where the ticket narrows the message to some of its articles (its product,
 * its words), the others are not listed either: what narrows it says which articles it is about,
 * and "Exchange 5.5 says 'The remote procedure call failed.'" is not about the Windows 95 or the
 * Visual C++ article quoting it. `contextOf` is an article's context score (context.ts).
 */
export function unnarrowed(evidence: readonly Evidence[], contextOf: (q: string) => number): Set<string> {
  const byQ = new Map(evidence.map((e) => [e.q, e]));
  const out = new Set<string>();
  const decided = new Set<string>();
  for (const e of evidence) {
    for (const m of e.messages) {
      if (decided.has(m.value) || !generic(m)) continue;
      decided.add(m.value);
      const group = m.articles.map((q) => byQ.get(q)).filter((g): g is Evidence => g !== undefined);
      if (group.length < 2) continue;
      for (const g of group) if (!narrows(g, m, contextOf(g.q))) out.add(g.q);
    }
  }
  return out;
}

/**
 * The articles a shared generic message is narrowed to by the ticket's other words alone: the one
 * of its articles they score highest for, where one does ("Saving a Notepad file on the NTFS
 * drive" around "There is not enough space on the disk"). Listed with low confidence even where
 * the message is too short for its evidence to reach the threshold: it is what the ticket says,
 * and the highlight opens it. Not a message too thin to name an article at all (SPECIFIC_WEIGHT).
 */
export function narrowedByWords(evidence: readonly Evidence[], contextOf: (q: string) => number): Evidence[] {
  const byQ = new Map(evidence.map((e) => [e.q, e]));
  const out: Evidence[] = [];
  const decided = new Set<string>();
  for (const e of evidence) {
    for (const m of e.messages) {
      if (decided.has(m.value) || !generic(m) || m.weight < SPECIFIC_WEIGHT) continue;
      decided.add(m.value);
      const group = m.articles.map((q) => byQ.get(q)).filter((g): g is Evidence => g !== undefined);
      if (group.length < 2) continue;
      const best = Math.max(...group.map((g) => contextOf(g.q)));
      const top = group.filter((g) => contextOf(g.q) === best);
      if (best > 0 && top.length === 1 && !out.includes(top[0]!)) out.push(top[0]!);
    }
  }
  return out;
}
