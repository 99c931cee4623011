import { describe, expect, it } from 'vitest';
import { sortSmall } from '../../../src/core/match/sort-small';

describe('sortSmall', () => {
  it('orders like Array.prototype.sort, ties kept in input order, below and above the insertion-sort size', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    for (const n of [0, 1, 2, 3, 5, 16, 17, 40]) {
      for (let round = 0; round < 20; round++) {
        const xs = Array.from({ length: n }, (_, id) => ({ key: Math.floor(random() * 4), id }));
        const expected = [...xs].sort(byKey);
        const got = sortSmall(xs, byKey);
        expect(got).toBe(xs);
        expect(got.map((x) => x.id)).toEqual(expected.map((x) => x.id));
      }
    }
  });
});
