/** NDR matches with the bounce they belong to: its reason class, the failed recipient and its situation. */
import type { Match } from '../match/scan';
import { reasonForMatch, recipientForMatch } from './find';
import type { Bounce } from './types';

/**
 * `situation`: the Q-number of the article the ticket describes around the match's bounce
 * (Match.about, which withSituation puts on the bounce's first match only, so the ranking counts
 * it once), on every NDR match of that bounce: whichever part of it the agent points at, the card
 * asks for that article.
 */
export type TaggedMatch = Match & { reason?: string; recipient?: string; delayed?: true; situation?: string };

export function tagBounceMatches(text: string, matches: readonly Match[], bounces: readonly Bounce[]): TaggedMatch[] {
  const within = (m: Match, b: Bounce) => m.start >= b.start && m.start < b.end;
  const situationOf = new Map<Bounce, string>();
  for (const m of matches) {
    if (!m.about) continue;
    const b = bounces.find((x) => within(m, x));
    if (b && !situationOf.has(b)) situationOf.set(b, m.about.q);
  }
  return matches.map((m) => {
    if (m.kind !== 'ndr') return m.about ? { ...m, situation: m.about.q } : m;
    const r = recipientForMatch(m, bounces, text);
    const reason = r?.reason ?? reasonForMatch(m, bounces, text);
    const b = situationOf.size ? bounces.find((x) => within(m, x)) : undefined;
    const situation = b && situationOf.get(b);
    return {
      ...m,
      reason,
      ...(r?.address ? { recipient: r.address } : {}),
      ...(r?.delayed ? { delayed: true as const } : {}),
      ...(situation ? { situation } : {}),
    };
  });
}
