import { describe, expect, it } from 'vitest';
import { joinRuns, locate, locateRange } from '../../../src/core/match';

describe('text runs', () => {
  const joined = joinRuns(['ab', '', 'cde', 'f'], (i) => (i === 3 ? '\n' : ''));
  it('joins with separators and records offsets', () => {
    expect(joined.text).toBe('abcde\nf');
    expect([...joined.starts]).toEqual([0, 2, 2, 6]);
  });
  it('locates offsets inside runs', () => {
    expect(locate(joined, 0)).toEqual({ run: 0, offset: 0 });
    expect(locate(joined, 3)).toEqual({ run: 2, offset: 1 });
    expect(locate(joined, 6)).toEqual({ run: 3, offset: 0 });
  });
  it('a boundary starts in the next non-empty run and ends in the previous one', () => {
    expect(locate(joined, 2, 'start')).toEqual({ run: 2, offset: 0 });
    expect(locate(joined, 2, 'end')).toEqual({ run: 0, offset: 2 });
    // Offset 5 is the separator "\n": a match ending there ends at the end of "cde".
    expect(locate(joined, 5, 'end')).toEqual({ run: 2, offset: 3 });
    expect(locate(joined, 5, 'start')).toEqual({ run: 3, offset: 0 });
    expect(locate(joined, 7, 'end')).toEqual({ run: 3, offset: 1 });
  });
  it('gives a range for a match', () => {
    expect(locateRange(joined, 1, 7)).toEqual({ start: { run: 0, offset: 1 }, end: { run: 3, offset: 1 } });
    expect(locate(joinRuns([]), 0)).toBeNull();
  });
});
