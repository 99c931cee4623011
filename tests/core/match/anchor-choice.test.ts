import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import type { ArticleRecord } from '../../../src/core/article/types';
import { record } from './fixture-records';

/** Titles that make "line", "rejected", "by", "the" and "relay" common words of the index's prose. */
const prose: ArticleRecord[] = Array.from({ length: 1000 }, (_, i) =>
  record({ q: `Q${300000 + i}`, title: `Line rejected by the relay ${i}`, errors: [] }),
);
const quoting = (q: string, ...texts: string[]): ArticleRecord =>
  record({ q, title: q, errors: texts.map((text) => ({ text, kind: 'error' as const, placeholders: [] })) });
const anchorOf = (data: ReturnType<typeof buildDetector>, text: string) => {
  const a = data.anchor[data.text.indexOf(text)]!;
  return { at: a >> 2, len: a & 3 };
};

describe('detector anchors', () => {
  it('move off a run of common words onto a rare token, and the message is still found', () => {
    const text = 'Subject line rejected by the relay <server> Zorblax';
    const data = buildDetector([...prose, quoting('Q1111111', text)]);
    // Items: subject line rejected by the relay <server> zorblax; "Subject" heads every mail of a ticket thread.
    expect(anchorOf(data, text)).toEqual({ at: 7, len: 1 });
    const found = scanText(`Mail bounced.\nSubject line  rejected by the relay EXCH01 ZORBLAX.`, loadDetector(data));
    expect(found.map((m) => [m.text, m.articles])).toEqual([
      ['Subject line  rejected by the relay EXCH01 ZORBLAX', ['Q1111111']],
    ]);
  });

  it('stay on the usual run where another message can match the same span (their order decides what is shown)', () => {
    const a = 'Subject line rejected by the relay <server> Zorblax';
    const b = 'Subject line refused by the relay <server> Zorblax';
    const data = buildDetector([...prose, quoting('Q1111111', a), quoting('Q2222222', b)]);
    expect(anchorOf(data, a)).toEqual({ at: 0, len: 3 });
    expect(anchorOf(data, b)).toEqual({ at: 0, len: 3 });
  });

  it('stay on the usual run where it is rare already', () => {
    const text = 'Frobnicator daemon Zorblax quit unexpectedly';
    const data = buildDetector([...prose, quoting('Q1111111', text)]);
    expect(anchorOf(data, text)).toEqual({ at: 0, len: 3 });
  });
});
