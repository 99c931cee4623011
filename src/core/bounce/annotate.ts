/**
 * The bounce part of a scan result: the reports found in the text as a whole, and each NDR match
 * tagged with the reason of the report (or the words) it belongs to. Kept apart from explain() so
 * the ranking and the bounce reading change independently; scan.ts composes them.
 */
import type { ExplainedMatch, ExplainResult } from '../match/explain';
import { findBounces, reasonForMatch } from './find';
import type { Bounce, Reason } from './types';

export type BounceMatch = ExplainedMatch & { reason?: Reason };
export type ScanResult = Omit<ExplainResult, 'matches'> & { matches: BounceMatch[]; bounces: Bounce[] };

/** `result` with `reason` on each NDR match (a key added after the existing ones) and `bounces` last. */
export function withBounces(text: string, result: ExplainResult, bounces: Bounce[] = findBounces(text)): ScanResult {
  return {
    ...result,
    matches: result.matches.map((m) => (m.kind === 'ndr' ? { ...m, reason: reasonForMatch(m, bounces, text) } : m)),
    bounces,
  };
}
