/** NDR matches with the bounce they belong to: its reason class and the failed recipient. */
import type { Match } from '../match/scan';
import { reasonForMatch, recipientForMatch } from './find';
import type { Bounce } from './types';

export type TaggedMatch = Match & { reason?: string; recipient?: string };

export function tagBounceMatches(text: string, matches: readonly Match[], bounces: readonly Bounce[]): TaggedMatch[] {
  return matches.map((m) => {
    if (m.kind !== 'ndr') return m;
    const r = recipientForMatch(m, bounces, text);
    const reason = r?.reason ?? reasonForMatch(m, bounces, text);
    return r?.address ? { ...m, reason, recipient: r.address } : { ...m, reason };
  });
}
