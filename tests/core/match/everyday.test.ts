import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { isEverydayPhrase } from '../../../src/core/match/everyday';
import { SPECIFIC_WEIGHT, compilePattern, informativeWords } from '../../../src/core/match/pattern';
import type { ArticleRecord } from '../../../src/core/article/types';
import { explainMatches, record } from './fixture-records';

const everyday = (text: string) => isEverydayPhrase(informativeWords(compilePattern(text).words));

// Hand-made articles: numbers and titles written for this test; the messages are what programs print.
const RECORDS: ArticleRecord[] = [
  record({
    q: 'Q190021',
    title: 'Test Article: Payroll Sync Stops With Time-out Against the Host',
    products: ['Microsoft SNA Server'],
    errors: [{ text: 'The operation timed out.', kind: 'error', placeholders: [] }],
  }),
  record({
    q: 'Q190022',
    title: 'Test Article: Kiosk Logon Screen Rejects Every Account',
    errors: [{ text: 'Invalid user name or password.', kind: 'error', placeholders: [] }],
  }),
  record({
    q: 'Q190023',
    title: 'Test Article: Game Cannot Play Sound on Some Cards',
    errors: [{ text: 'Cannot initialize sound system.', kind: 'error', placeholders: [] }],
  }),
];
const shown = (text: string) => {
  const det = loadDetector(JSON.parse(JSON.stringify(buildDetector(RECORDS))));
  return explainMatches(text, scanText(text, det), RECORDS).matches.map((m) => m.text);
};

describe('everyday phrases', () => {
  it.each([
    'The operation timed out',
    'Invalid user name or password',
    'Request timed out.',
    'Access is denied.',
    'There is not enough space on the disk.',
    'The operation completed successfully',
    'Unable to connect to server.',
    'Your password has expired.',
  ])('"%s" is made only of everyday words', (text) => expect(everyday(text)).toBe(true));

  it.each([
    // A word of its own, a file or a program name makes a message specific.
    'Cannot initialize sound system',
    'Server failed to load application',
    'Error loading SYSTEM.DRV',
    'There are no logon servers available to service the logon request',
    'Another program is using the selected telephony device.',
    // One word is not a phrase; a message longer than a clause is a product's own.
    'Denied',
    'There has been a network or file permission error. The network connection may be lost.',
  ])('"%s" is not', (text) => expect(everyday(text)).toBe(false));

  it('weighs as a thin message: an everyday phrase ranks nothing and is not highlighted alone', () => {
    const data = buildDetector(RECORDS);
    const weight = (t: string) => ((data.meta[data.text.indexOf(t)]! >> 8) & 255) / 255;
    expect(weight('The operation timed out.')).toBeLessThan(SPECIFIC_WEIGHT);
    expect(weight('Invalid user name or password.')).toBeLessThan(SPECIFIC_WEIGHT);
    expect(weight('Cannot initialize sound system.')).toBeGreaterThanOrEqual(SPECIFIC_WEIGHT);

    expect(shown('Power BI refresh fails at night: "The operation timed out." Manual refresh works.')).toEqual([]);
    expect(shown('Expenses portal says Invalid user name or password after the reset.')).toEqual([]);
    // A message with a word of its own still is.
    expect(shown('The game says "Cannot initialize sound system" on the lab PC.')).toEqual([
      'Cannot initialize sound system',
    ]);
  });

  it('is highlighted as evidence for an article the ticket names', () => {
    expect(shown('Payroll sync to the host: The operation timed out. Q190021 describes it.')).toEqual([
      'The operation timed out',
      'Q190021',
    ]);
  });
});
