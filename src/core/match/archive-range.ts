/**
 * The numbers the archive's articles carry: Q10022 to Q327491, and the Q prefix was dropped near
 * Q330000. A cited number outside that range is a later Microsoft article ("KB5034441",
 * "KB890830") or another tool's ("runbook KB 4471"): no archive article can explain it, so unless
 * the team's own articles have it, it is neither evidence nor a highlight (an empty card).
 */
import { kbDigits } from '../kb-number';

const FIRST = 10_000;
const LAST = 330_000;

export function withinArchive(q: string): boolean {
  const n = kbDigits(q);
  return n >= FIRST && n <= LAST;
}
