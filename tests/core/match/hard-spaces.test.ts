import { describe, expect, it } from 'vitest';
import { HARD_SPACE, isHardSpace, withPlainSpaces } from '../../../src/core/match/hard-spaces';

describe('hard spaces', () => {
  it('the regex class and the numeric test agree on every character up to U+FFFF', () => {
    const disagree: string[] = [];
    for (let c = 0; c <= 0xffff; c++)
      if (HARD_SPACE.test(String.fromCharCode(c)) !== isHardSpace(c)) disagree.push(c.toString(16));
    expect(disagree).toEqual([]);
    expect([0xa0, 0x2009, 0x202f, 0x3000].every(isHardSpace)).toBe(true);
  });

  it('each becomes a plain space, offsets kept', () => {
    expect(withPlainSpaces('KB\u00a0227142 Q\u202f1\u3000x\u200b')).toBe('KB 227142 Q 1 x ');
    expect(isHardSpace(0x20)).toBe(false);
  });
});
