import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector } from '../../../src/core/match';
import type { ArticleRecord } from '../../../src/core/article/types';
import { record } from './fixture-records';

const quoting = (q: string, ...texts: string[]): ArticleRecord =>
  record({ q, title: q, errors: texts.map((text) => ({ text, kind: 'error' as const, placeholders: [] })) });

describe('the loaded detector', () => {
  const data = buildDetector([
    quoting('Q1000001', 'The Zorblax spooler stopped on <server> unexpectedly'),
    quoting(
      'Q1000002',
      'The Zorblax spooler stopped on <server> unexpectedly',
      'Frobnicator queue is full and rejects jobs',
    ),
  ]);
  const det = loadDetector(JSON.parse(JSON.stringify(data)));
  const p = data.text.indexOf('The Zorblax spooler stopped on <server> unexpectedly');

  it("keeps each pattern's items, articles and literal count from the data", () => {
    expect(det.patternCount).toBe(data.anchor.length);
    expect(det.text[p]).toBe(data.text[p]);
    expect(det.articlesOf(p)).toEqual(['Q1000001', 'Q1000002']);
    // "the zorblax spooler stopped on" + "unexpectedly": six literals around the placeholder.
    expect(det.literalCount(p)).toBe(6);
  });

  it('hands out fresh article lists, so a caller reordering one does not change the next scan', () => {
    det.articlesOf(p).reverse();
    expect(det.articlesOf(p)).toEqual(['Q1000001', 'Q1000002']);
  });

  it('rejects data of another format', () => {
    expect(() => loadDetector({ ...buildDetector([]), version: 99 })).toThrow(/unsupported/);
    expect(() => loadDetector({ ...buildDetector([]), format: 'other' as 'kblens-detector' })).toThrow(/unsupported/);
  });
});
