/**
 * Sorts in place, stably, as Array.prototype.sort does: by insertion for a few elements, which
 * allocates nothing (the built-in sort allocates work arrays on every call, and overlap resolution
 * sorts thousands of clusters of two or three matches per ticket).
 */
export function sortSmall<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  if (xs.length > 16) return xs.sort(cmp);
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i]!;
    let j = i - 1;
    for (; j >= 0 && cmp(xs[j]!, x) > 0; j--) xs[j + 1] = xs[j]!;
    xs[j + 1] = x;
  }
  return xs;
}
