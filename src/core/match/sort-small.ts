/**
 * Sorts xs[0, n) in place, stably, as Array.prototype.sort does: by insertion for a few elements,
 * which allocates nothing (the built-in sort allocates work arrays on every call, and overlap
 * resolution sorts thousands of clusters of two or three matches per ticket).
 */
export function sortSmall<T>(xs: T[], n: number, cmp: (a: T, b: T) => number): void {
  if (n > 16) {
    const sorted = xs.slice(0, n).sort(cmp);
    for (let i = 0; i < n; i++) xs[i] = sorted[i]!;
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = xs[i]!;
    let j = i - 1;
    for (; j >= 0 && cmp(xs[j]!, x) > 0; j--) xs[j + 1] = xs[j]!;
    xs[j + 1] = x;
  }
}
