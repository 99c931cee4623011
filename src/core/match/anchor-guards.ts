/**
 * Anchor guards: one literal on each side of a pattern's anchor that any match must have at a known
 * token offset (or within a known window) from the anchor. Most anchor hits fail on one of them,
 * and checking them needs only the ring of token hashes and a small per-pattern table, not the
 * pattern's items (a cache miss each, at several thousand anchor hits per MB of ticket).
 *
 * Items are as in DetectorData: a literal token (>= 0), or a wildcard as -(max tokens).
 */

/** A literal of the pattern (its item index) that a match has within `width` tokens from `offset`. */
export interface Guard {
  item: number;
  /**
   * Token offset from the anchor's last token of the nearest place the literal can be: > 0 after
   * the anchor, <= 0 before it. A window runs away from the anchor.
   */
  offset: number;
  width: number;
}

/**
 * After the anchor: the last literal of the run of literals right after it (a match has every one
 * of them in a row, so the farthest tells the most), or, after a wildcard of up to w tokens, the
 * literal that follows it, 1..w tokens on. Null when nothing follows the anchor.
 */
export function guardAfter(
  items: ArrayLike<number>,
  first: number,
  count: number,
  at: number,
  len: number,
): Guard | null {
  let j = at + len;
  if (len === 0 || j >= count) return null;
  if (items[first + j]! >= 0) {
    while (j + 1 < count && items[first + j + 1]! >= 0) j++;
    return { item: j, offset: j - at - len + 1, width: 1 };
  }
  if (j + 1 < count && items[first + j + 1]! >= 0) return { item: j + 1, offset: 2, width: -items[first + j]! };
  return null;
}

/** Before the anchor, as guardAfter: the first literal of the run right before it, or the literal before a wildcard. */
export function guardBefore(items: ArrayLike<number>, first: number, at: number, len: number): Guard | null {
  let j = at - 1;
  if (len === 0 || j < 0) return null;
  if (items[first + j]! >= 0) {
    while (j - 1 >= 0 && items[first + j - 1]! >= 0) j--;
    return { item: j, offset: -(len + at - 1 - j), width: 1 };
  }
  if (j - 1 >= 0 && items[first + j - 1]! >= 0) return { item: j - 1, offset: -(len + 1), width: -items[first + j]! };
  return null;
}

/**
 * A guard as one int32: offset << 8 | width << 1 (width 0 = no guard); bit 0 is left to the caller.
 * A window wider than the 7 bits hold gets no guard: the full verification still runs, where a
 * truncated window would drop real matches.
 */
export function packGuard(g: Guard | null): number {
  return g === null || g.width > 0x7f ? 0 : (g.offset << 8) | (g.width << 1);
}

export function guardOffset(packed: number): number {
  return packed >> 8;
}

export function guardWidth(packed: number): number {
  return (packed >> 1) & 0x7f;
}
