import { describe, expect, it } from 'vitest';
import { sortSmall } from '../../../src/core/match/sort-small';

describe('sortSmall', () => {
  it('orders a prefix like Array.prototype.sort, ties kept in input order, below and above the insertion-sort size', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    for (const n of [0, 1, 2, 3, 5, 16, 17, 40]) {
      for (let round = 0; round < 20; round++) {
        const xs = Array.from({ length: n + 3 }, (_, id) => ({ key: Math.floor(random() * 4), id }));
        const tail = xs.slice(n).map((x) => x.id);
        const expected = xs
          .slice(0, n)
          .sort(byKey)
          .map((x) => x.id);
        sortSmall(xs, n, byKey);
        expect(xs.slice(0, n).map((x) => x.id)).toEqual(expected);
        expect(xs.slice(n).map((x) => x.id)).toEqual(tail);
      }
    }
  });
});
