import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { pieces } from '../../../src/core/match/message-pieces';
import type { ArticleRecord } from '../../../src/core/article/types';
import { FIXTURE_RECORDS, record } from './fixture-records';

const quoting = (q: string, ...texts: string[]): ArticleRecord =>
  record({ q, title: q, errors: texts.map((text) => ({ text, kind: 'error' as const, placeholders: [] })) });

describe('detector data', () => {
  it('is JSON with flat arrays and survives a round trip', () => {
    const data = buildDetector(FIXTURE_RECORDS);
    const n = data.anchor.length;
    expect(data.itemCount).toHaveLength(n);
    expect(data.meta).toHaveLength(n);
    expect(data.qCount).toHaveLength(n);
    expect(data.text).toHaveLength(n);
    expect(data.items).toHaveLength(data.itemCount.reduce((a, b) => a + b, 0));
    expect(data.qs).toHaveLength(data.qCount.reduce((a, b) => a + b, 0));
    // Items index the vocabulary of token hashes; wildcards are negative.
    expect(data.items.every((x) => Number.isInteger(x) && x >= -12 && x < data.vocab.length)).toBe(true);
    expect(data.vocab.every((h) => Number.isInteger(h) && h >= 0 && h <= 0xffffffff)).toBe(true);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    // No article records inside: only numbers and message texts.
    expect(JSON.stringify(data)).not.toContain('Test Article');
  });
  it('drops boilerplate and too-short messages', () => {
    const data = buildDetector([
      record({
        q: 'Q1234567',
        title: 't',
        errors: [
          { text: 'Your message did not reach some or all of the intended recipients.', kind: 'ndr', placeholders: [] },
          { text: 'Error 5', kind: 'error', placeholders: [] },
        ],
      }),
    ]);
    expect(data.text.filter((t) => t.startsWith('Your message did not') || t === 'Error 5')).toEqual([]);
    expect(data.qs).toEqual([]);
  });
  it('merges the same message quoted by several articles', () => {
    const mk = (q: string, text: string): ArticleRecord =>
      record({ q, title: q, errors: [{ text, kind: 'error', placeholders: [] }] });
    const det = loadDetector(
      buildDetector([
        mk('Q111111', 'The Frobnicator service stopped unexpectedly.'),
        mk('Q222222', 'the frobnicator  SERVICE stopped unexpectedly'),
      ]),
    );
    const found = scanText('the frobnicator service stopped unexpectedly', det);
    expect(found).toHaveLength(1);
    expect(found[0]!.articles).toEqual(['Q111111', 'Q222222']);
  });
});

describe('a numbered error', () => {
  it('weighs as a code: a short message with one specific enough to rank alone, and its first sentence matches alone', () => {
    const text = 'System error 10049 has occurred. The system cannot find message for message number 0x2741.';
    expect(pieces(text)).toEqual([text, 'System error 10049 has occurred.']);
    const data = buildDetector([quoting('Q1000005', text)]);
    const found = scanText(
      'DHCP will not start:\n  System error 10049 has occurred. The system cannot find',
      loadDetector(data),
    );
    expect(found.map((m) => m.articles)).toEqual([['Q1000005']]);
    // 11 informative characters alone (0.37); the numbered error adds the code bonus.
    expect(found[0]!.weight).toBeGreaterThan(0.6);
    // Without a number it is too thin to stand alone.
    expect(pieces('System error has occurred. The system cannot find message for message number.')).toHaveLength(1);
  });
});

describe('a sentence cut from a long message', () => {
  const long =
    'Zorbword cannot save or create this file on the Frobnitz drive. The disk may be full or write-protected. ' +
    'Try one or more of the following: free more memory, make sure the disk is not full, and save it again. Error 4711.';
  const data = buildDetector([quoting('Q1000006', long)]);
  const scan = (ticket: string) => scanText(ticket, loadDetector(data)).map((m) => m.text);

  it('matches alone when it could name the article alone', () => {
    expect(scan('User says:\n  Zorbword cannot save or create this file on the Frobnitz drive')).toEqual([
      'Zorbword cannot save or create this file on the Frobnitz drive',
    ]);
  });

  it('does not when it is advice any dialog gives, so it never lights up on its own', () => {
    expect(scan('How to fix it\nTry one or more of the following:\n- check the address')).toEqual([]);
  });
});

describe('a thin sentence inside a longer message', () => {
  it("joins another article's pattern that quotes the sentence alone, and makes none of its own", () => {
    const entry =
      'A zorb call caused an exception. (Package: Sample) (ProgId: Zorb.Lib.1) (Interface: IDispatch) (Method: 6)';
    const ticket = 'MTS log: A zorb call caused an exception. (Package: Payroll)';
    const det = loadDetector(
      buildDetector([quoting('Q1000201', 'A zorb call caused an exception.'), quoting('Q1000202', entry)]),
    );
    expect(scanText(ticket, det).map((m) => m.articles)).toEqual([['Q1000201', 'Q1000202']]);
    expect(scanText(ticket, loadDetector(buildDetector([quoting('Q1000202', entry)])))).toEqual([]);
  });
});
