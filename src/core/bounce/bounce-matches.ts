/**
 * Every failed recipient of a bounce gets an NDR match, so it is highlighted and its card says its
 * own reason even when the scanner found nothing about it (a layout or wording no article
 * quotes): a report that failed for two recipients for two reasons is two explanations, not one.
 * A recipient no NDR match belongs to (recipientForMatch) gets one with no article: its status
 * code, else its diagnostic, else its address, at the first place in the bounce that belongs to it.
 */
import type { Match } from '../match/scan';
import { addressMentions, recipientForMatch } from './find';
import type { Bounce, BounceRecipient } from './types';

/**
 * Hostile or huge reports (hundreds of recipients sharing one code, the code pasted a thousand
 * times): at most this many places are tried per needle, and this many matches added per page,
 * as the scanner caps its own matches.
 */
const MAX_TRIES = 8;
const MAX_ADDED = 1000;

type Span = { start: number; end: number; value: string; text: string };

export function addBounceMatches(text: string, matches: Match[], bounces: readonly Bounce[]): Match[] {
  const extra: Match[] = [];
  for (const b of bounces) {
    if (extra.length >= MAX_ADDED) break;
    const own = (m: Span) => recipientForMatch(m, [b], text);
    const inside = matches.filter((m) => m.start < b.end && m.end > b.start);
    // Which characters of the bounce a match already covers: a try is then checked in its own length.
    const used = new Uint8Array(b.end - b.start);
    const mark = (start: number, end: number) =>
      used.fill(1, Math.max(0, start - b.start), Math.min(used.length, end - b.start));
    for (const m of inside) mark(m.start, m.end);
    const taken = (start: number, end: number) => used.subarray(start - b.start, end - b.start).includes(1);
    const covered = new Set<BounceRecipient | undefined>(inside.filter((m) => m.kind === 'ndr').map(own));
    const span = text.slice(b.start, b.end);
    const mentions = addressMentions(b, text);
    for (const r of b.recipients) {
      if (extra.length >= MAX_ADDED) break;
      if (covered.has(r)) continue;
      const placed = place(r, span, b.start, mentions.get(r) ?? [], own, taken);
      if (placed) {
        extra.push(placed);
        mark(placed.start, placed.end);
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
  mentions: readonly number[],
  own: (m: Span) => BounceRecipient | undefined,
  taken: (start: number, end: number) => boolean,
): Match | null {
  for (const needle of [r.status, r.diagnostic, r.address]) {
    if (!needle) continue;
    for (const at of candidates(needle, span, mentions, r.address?.length ?? 0)) {
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
        // 'undefined' is the reason class for a report that states none: said so, never printed as a word.
        why: r.reason === 'undefined' ? 'bounce: no reason stated' : `bounce: ${r.reason}`,
      };
    }
  }
  return null;
}

/**
 * Where to try `needle`, at most MAX_TRIES places: first the occurrence right after each place
 * the recipient's own address is named (a report names the address, then its code), then every
 * occurrence in text order.
 */
function candidates(needle: string, span: string, mentions: readonly number[], addressLength: number): number[] {
  const out: number[] = [];
  const add = (at: number) => {
    if (at >= 0 && !out.includes(at)) out.push(at);
  };
  for (const m of mentions) {
    if (out.length >= MAX_TRIES) return out;
    add(span.indexOf(needle, m + addressLength));
  }
  for (let at = span.indexOf(needle); at >= 0 && out.length < MAX_TRIES; at = span.indexOf(needle, at + 1)) add(at);
  return out;
}
