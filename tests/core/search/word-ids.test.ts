import { describe, expect, it } from 'vitest';
import { WordIds } from '../../../src/core/search/word-ids';

describe('words interned to numbers', () => {
  it('gives a word one id, in first-seen order, and counts documents per id', () => {
    const v = new WordIds();
    const a = v.intern('spooler');
    const b = v.intern('printer');
    expect(v.intern('spooler')).toBe(a);
    expect([a, b]).toEqual([0, 1]);
    v.count(a);
    v.count(a);
    v.count(b);
    expect(v.words).toEqual(['spooler', 'printer']);
    expect(v.df).toEqual([2, 1]);
    expect(v.idOf('printer')).toBe(b);
    expect(v.idOf('fax')).toBeUndefined();
  });
});
