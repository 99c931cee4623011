/**
 * Keeps only the newest of a series of requests: answers can arrive out of order (the first
 * keystroke's search may finish after the second's), and an older answer must never replace a
 * newer one on screen.
 */
export function latestOnly() {
  let current = 0;
  return {
    /** Starts a request; the returned check says whether it is still the newest. */
    next(): () => boolean {
      const mine = ++current;
      return () => mine === current;
    },
    /** Makes every request in flight stale (e.g. the query was cleared). */
    cancel(): void {
      current++;
    },
  };
}
