/**
 * Several numbers in one ticket: the one it dismisses in an agent's shorthand yields to the article
 * its quoted message names, and the one it says is its case leads the others it cites, whatever
 * their titles share with the ticket's words.
 */
import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { explainMatches, record } from './fixture-records';

const msg = (text: string) => ({ text, kind: 'error' as const, placeholders: [] });
const MESSAGE = 'Widget spooler could not open the queue file for writing';
const RECORDS = [
  record({ q: 'Q999501', title: 'Widget Spooler Cannot Write Queue File on Full Volume', errors: [msg(MESSAGE)] }),
  record({ q: 'Q999502', title: 'Widget Console Shows Wrong Queue Totals' }),
  record({ q: 'Q999503', title: 'Widget Queue Totals Reset After Restart' }),
];
const detector = loadDetector(JSON.parse(JSON.stringify(buildDetector(RECORDS))));
const ranked = (text: string) => explainMatches(text, scanText(text, detector), RECORDS).articles.map((a) => a.q);

describe('cited numbers and what the ticket says of them', () => {
  it('a number an agent note dismisses yields to the article the quoted message names', () => {
    expect(ranked(`Nightly job fails: ${MESSAGE}.\n[note] Q999502 came up in search, unrelated.`)[0]).toBe('Q999501');
    expect(ranked(`Nightly job fails: ${MESSAGE}.\n[note] Q999502 came up in search.`)[0]).toBe('Q999502');
  });

  it('a list dismissed as a whole: each of its numbers yields', () => {
    const a = ranked(
      `Nightly job fails: ${MESSAGE}.\nFound Q999502 and Q999503 but those are about other queue counters.`,
    );
    expect(a[0]).toBe('Q999501');
  });

  it('the number the ticket says is its case leads the other cited ones, even against their words', () => {
    const text = 'Queue totals look wrong after the restart. Found Q999502 and Q999503; ';
    expect(ranked(`${text}Q999502 is the one.`)[0]).toBe('Q999502');
    expect(ranked(`${text}only Q999503 applies to our build.`)[0]).toBe('Q999503');
  });

  it('a number the ticket rules out is not lifted by its citation, even where its quoted message names it', () => {
    const text = `Nightly job fails: ${MESSAGE}.\nI read Q999501 but there is no full volume here, so that one does not apply; Q999502 fits.`;
    expect(ranked(text)[0]).toBe('Q999502');
    expect(ranked(text)).toContain('Q999501');
    // Cited without a write-off, it leads as before.
    expect(ranked(`Nightly job fails: ${MESSAGE}.\nI read Q999501; Q999502 came up too.`)[0]).toBe('Q999501');
  });
});

describe('confidence in a number the ticket sets aside', () => {
  const articles = (text: string) => explainMatches(text, scanText(text, detector), RECORDS).articles;
  it('is low, even alone on the list: the ticket itself says it is not the answer', () => {
    const a = articles('Queue totals look wrong. Tried Q999502, no luck.');
    expect(a.map((x) => x.q)).toEqual(['Q999502']);
    expect(a[0]!.confidence).toBe('low');
    expect(articles('Queue totals look wrong, see Q999502.')[0]!.confidence).toBe('high');
  });
});

describe('confidence in a cited number the ticket says it installed or that worked', () => {
  const articles = (text: string) => explainMatches(text, scanText(text, detector), RECORDS).articles;
  it.each([
    'Queue totals look wrong; after applying Q999502 it works',
    'Queue totals look wrong. Applied KB 999502 and the problem is fixed now.',
    'Queue totals look wrong. Installed Q999502 yesterday, works fine since.',
  ])('is high when the install is the resolution: %s', (text) => {
    const a = articles(text);
    expect(a[0]!.q).toBe('Q999502');
    expect(a[0]!.confidence).toBe('high');
  });

  it('a denial of a second number does not set aside the first', () => {
    const a = articles('Queue totals look wrong. Q999502 fixed it and Q999503 made no difference');
    expect(a.map((x) => x.q)).toEqual(['Q999502', 'Q999503']);
    expect(a[0]!.confidence).toBe('high');
    expect(a[1]!.confidence).toBe('low');
  });

  it('the number that applies leads, the one that does not is low', () => {
    const a = articles("Queue totals look wrong. Q999502 doesn't apply to us but Q999503 does");
    expect(a.map((x) => [x.q, x.confidence])).toEqual([
      ['Q999503', 'high'],
      ['Q999502', 'low'],
    ]);
  });
});
