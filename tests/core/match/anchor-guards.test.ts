import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { findPatternHits } from '../../../src/core/match/pattern-hits';
import { guardAfter, guardBefore, guardOffset, guardWidth, packGuard } from '../../../src/core/match/anchor-guards';
import type { ArticleRecord } from '../../../src/core/article/types';
import { record } from './fixture-records';

// Items as DetectorData has them: literals >= 0, a wildcard as -(max tokens). Two leading
// entries stand for the previous pattern, so `first` is exercised.
const W = (max: number) => -max;

describe('guardAfter', () => {
  it('takes the farthest literal of the run right after the anchor', () => {
    // [x x] a b c d e ~8 f: anchor "b c" (at 1, len 2); the run after it is d e.
    const items = [9, 9, 10, 11, 12, 13, 14, W(8), 15];
    expect(guardAfter(items, 2, 7, 1, 2)).toEqual({ item: 4, offset: 2, width: 1 });
  });

  it('after a wildcard, takes the literal that follows it, 1..max tokens on', () => {
    const items = [10, 11, W(5), 12, 13];
    expect(guardAfter(items, 0, 5, 0, 2)).toEqual({ item: 3, offset: 2, width: 5 });
  });

  it('is null at the end of the pattern or before a trailing wildcard', () => {
    expect(guardAfter([10, 11, 12], 0, 3, 1, 2)).toBeNull();
    expect(guardAfter([10, 11, W(8)], 0, 3, 0, 2)).toBeNull();
    expect(guardAfter([10, 11], 0, 2, 0, 0)).toBeNull();
  });
});

describe('guardBefore', () => {
  it('takes the first literal of the run right before the anchor, as an offset from its last token', () => {
    // a ~3 b c d e: anchor "d e" (at 4, len 2) ends at token i; "b" is at i - 3.
    const items = [10, W(3), 11, 12, 13, 14];
    expect(guardBefore(items, 0, 4, 2)).toEqual({ item: 2, offset: -3, width: 1 });
  });

  it('before a wildcard, takes the literal before it, 1..max tokens further back', () => {
    const items = [9, 10, W(8), 11, 12];
    expect(guardBefore(items, 1, 2, 2)).toEqual({ item: 0, offset: -3, width: 8 });
  });

  it('is null at the start of the pattern or after a leading wildcard', () => {
    expect(guardBefore([10, 11, 12], 0, 0, 2)).toBeNull();
    expect(guardBefore([W(8), 11, 12], 0, 1, 2)).toBeNull();
  });
});

describe('packGuard', () => {
  it('keeps offsets of either sign and the width, and leaves bit 0 free', () => {
    for (const g of [
      { item: 0, offset: 7, width: 1 },
      { item: 0, offset: -131, width: 12 },
      { item: 0, offset: 2, width: 8 },
    ]) {
      const packed = packGuard(g) | 1;
      expect([guardOffset(packed), guardWidth(packed)]).toEqual([g.offset, g.width]);
    }
    expect(guardWidth(packGuard(null))).toBe(0);
  });

  it('gives a window too wide for its 7 bits no guard at all, rather than a narrower one', () => {
    expect(guardWidth(packGuard({ item: 0, offset: 2, width: 127 }))).toBe(127);
    expect(guardWidth(packGuard({ item: 0, offset: 2, width: 128 }))).toBe(0);
  });
});

const quoting = (q: string, ...texts: string[]): ArticleRecord =>
  record({ q, title: q, errors: texts.map((text) => ({ text, kind: 'error' as const, placeholders: [] })) });
const found = (det: ReturnType<typeof loadDetector>, text: string) =>
  scanText(text, det)
    .filter((m) => m.source === 'message')
    .map((m) => [m.text, m.articles]);

describe('scanning with guards', () => {
  // Anchored on "on the" (the only run of two literals), with wildcards on both sides: both guards are windows.
  const det = loadDetector(buildDetector([quoting('Q1111111', 'Printing <filename> on the <blank> Zorblax page')]));

  it('finds the message whatever the placeholders take, up to their maximum', () => {
    expect(found(det, 'Printing report.doc on the LaserJet Zorblax page')).toEqual([
      ['Printing report.doc on the LaserJet Zorblax page', ['Q1111111']],
    ]);
    expect(
      found(det, 'Printing a b c d e f g h on the one two three four five six seven eight Zorblax page.'),
    ).toHaveLength(1);
  });

  it('fails where a guard literal is missing or too far from the anchor', () => {
    expect(found(det, 'Printing a b c d e f g h i on the LaserJet Zorblax page')).toEqual([]);
    expect(found(det, 'Printing report.doc on the a b c d e f g h i Zorblax page')).toEqual([]);
    expect(found(det, 'Sent report.doc on the LaserJet Zorblax page')).toEqual([]);
    expect(found(det, 'Printing report.doc on the LaserJet')).toEqual([]);
    expect(found(det, 'on the LaserJet Zorblax page')).toEqual([]);
  });

  it('checks every pattern sharing an anchor, in pattern order, each with its own guards', () => {
    // One run of three literals in each: all three are anchored on it.
    const data = buildDetector([
      quoting('Q2222222', 'Zorblax frobnicator halted <code>'),
      quoting('Q3333333', '<process> Zorblax frobnicator halted'),
      quoting('Q4444444', 'Zorblax frobnicator halted'),
      quoting('Q5555555', 'Zorblax frobnicator halted <code> twice'),
    ]);
    const shared = loadDetector(data);
    const hits = (text: string) =>
      findPatternHits(text, shared).map((h) => [shared.text[h.p], text.slice(h.start, h.end)]);
    const mine = [
      'Zorblax frobnicator halted <code>',
      '<process> Zorblax frobnicator halted',
      'Zorblax frobnicator halted',
      'Zorblax frobnicator halted <code> twice',
    ];
    expect(mine.map((t) => data.anchor[data.text.indexOf(t)])).toEqual([3, 4 + 3, 3, 3]);
    expect(hits('svchost Zorblax frobnicator halted 0x0040 at once')).toEqual([
      ['Zorblax frobnicator halted <code>', 'Zorblax frobnicator halted 0x0040'],
      ['<process> Zorblax frobnicator halted', 'svchost Zorblax frobnicator halted'],
      ['Zorblax frobnicator halted', 'Zorblax frobnicator halted'],
    ]);
    expect(hits('Error Zorblax frobnicator halted 0x0040 twice')).toEqual([
      ['Zorblax frobnicator halted <code>', 'Zorblax frobnicator halted 0x0040'],
      ['<process> Zorblax frobnicator halted', 'Error Zorblax frobnicator halted'],
      ['Zorblax frobnicator halted', 'Zorblax frobnicator halted'],
      ['Zorblax frobnicator halted <code> twice', 'Zorblax frobnicator halted 0x0040 twice'],
    ]);
  });
});
