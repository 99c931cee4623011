/**
 * Every failed recipient of a bounce gets an NDR match, so it is highlighted and its card says its
 * own reason even when the scanner found nothing about it (a layout or wording no article
 * quotes): a report that failed for two recipients for two reasons is two explanations, not one.
 * A recipient no NDR match belongs to (recipientForMatch) gets one with no article: its status
 * code, else its diagnostic, else its address, at the first place in the bounce that belongs to it.
 */
import type { Match } from '../match/scan';
import { recipientForMatch } from './find';
import type { Bounce, BounceRecipient } from './types';

export function addBounceMatches(text: string, matches: Match[], bounces: readonly Bounce[]): Match[] {
  const extra: Match[] = [];
  const taken = (start: number, end: number) =>
    matches.some((m) => m.start < end && m.end > start) || extra.some((m) => m.start < end && m.end > start);
  for (const b of bounces) {
    const own = (m: { start: number; end: number; value: string; text: string }) => recipientForMatch(m, [b], text);
    const covered = new Set<BounceRecipient | undefined>(
      matches.filter((m) => m.kind === 'ndr' && m.start < b.end && m.end > b.start).map(own),
    );
    const span = text.slice(b.start, b.end);
    for (const r of b.recipients) {
      if (covered.has(r)) continue;
      const placed = place(r, span, b.start, own, taken);
      if (placed) {
        extra.push(placed);
        covered.add(r);
      }
    }
  }
  if (!extra.length) return matches;
  return [...matches, ...extra].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The match for one recipient: the first free occurrence of its code, words or address that is its own. */
function place(
  r: BounceRecipient,
  span: string,
  offset: number,
  own: (m: { start: number; end: number; value: string; text: string }) => BounceRecipient | undefined,
  taken: (start: number, end: number) => boolean,
): Match | null {
  for (const needle of [r.status, r.diagnostic, r.address]) {
    if (!needle) continue;
    for (let at = span.indexOf(needle); at >= 0; at = span.indexOf(needle, at + 1)) {
      const start = offset + at;
      const end = start + needle.length;
      if (taken(start, end)) continue;
      // The status code names the recipient; where another recipient has the same code, the words or address do.
      const value = [r.status ?? needle, needle].find((v) => own({ start, end, value: v, text: needle }) === r);
      if (value === undefined) continue;
      return {
        kind: 'ndr',
        text: needle,
        start,
        end,
        value,
        articles: [],
        source: 'code',
        weight: 0,
        why: `bounce: ${r.reason}`,
      };
    }
  }
  return null;
}
