/**
 * How a function's run time grows with its input: the time on an input `factor` times larger
 * divided by the time on the base input, each the fastest of a few runs so a busy machine's
 * pauses do not count. Linear work gives about `factor`; quadratic work gives `factor`².
 * Tests compare this ratio, never an absolute time.
 */
export function growthRatio(
  run: (input: string) => unknown,
  make: (size: number) => string,
  size: number,
  factor = 4,
  runs = 5,
): number {
  const small = make(size);
  const large = make(size * factor);
  const best = (input: string): number => {
    let min = Infinity;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      run(input);
      min = Math.min(min, performance.now() - t0);
    }
    return min;
  };
  best(small); // warm up the JIT on the small input
  // Floor the base at 1 ms: a sub-millisecond base makes the ratio measure timer noise.
  return best(large) / Math.max(best(small), 1);
}

/** Below this a ratio is linear (plus noise and GC on a busy 2-core machine, measured up to ~10); quadratic work on a ×4 input gives ~16. */
export const LINEAR_RATIO_LIMIT = 11;

/**
 * The growth ratio, measured again (up to `tries` times) while it is over the limit: a busy
 * machine can slow one measurement of linear work, but quadratic work stays near 16 every time.
 */
export function settledGrowthRatio(
  run: (input: string) => unknown,
  make: (size: number) => string,
  size: number,
  tries = 3,
): number {
  let best = Infinity;
  for (let i = 0; i < tries && best >= LINEAR_RATIO_LIMIT; i++)
    best = Math.min(best, growthRatio(run, make, size, 4, 9));
  return best;
}
