/**
 * Every bounce gets at least one NDR match, so it is highlighted and opens a card even when the
 * scanner found nothing in it (a layout or wording no article quotes): the first recipient's
 * status code, else its diagnostic, else its address, becomes a match with no article.
 */
import type { Match } from '../match/scan';
import type { Bounce } from './types';

export function addBounceMatches(text: string, matches: Match[], bounces: readonly Bounce[]): Match[] {
  const extra: Match[] = [];
  for (const b of bounces) {
    if (matches.some((m) => m.kind === 'ndr' && m.start < b.end && m.end > b.start)) continue;
    const span = text.slice(b.start, b.end);
    placing: for (const r of b.recipients) {
      for (const needle of [r.status, r.diagnostic, r.address]) {
        const at = needle ? span.indexOf(needle) : -1;
        if (at < 0) continue;
        const start = b.start + at;
        const end = start + needle!.length;
        if (matches.some((m) => m.start < end && m.end > start)) continue;
        extra.push({
          kind: 'ndr',
          text: needle!,
          start,
          end,
          value: r.status ?? needle!,
          articles: [],
          source: 'code',
          weight: 0,
          why: `bounce: ${r.reason}`,
        });
        break placing;
      }
    }
  }
  if (!extra.length) return matches;
  return [...matches, ...extra].sort((a, b) => a.start - b.start || b.end - a.end);
}
