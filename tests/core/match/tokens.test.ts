import { describe, expect, it } from 'vitest';
import { SEP, SPACE, foldChar, foldTable } from '../../../src/core/match/tokens';

describe('foldTable()', () => {
  it('agrees with foldChar on every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 65536; c++) {
      const f = foldChar(c);
      if (foldTable()[c] !== (f === SEP ? 0 : f === SPACE ? 1 : f)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});
