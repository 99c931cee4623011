import { describe, expect, it } from 'vitest';
import { adjacentPairs, NOT, orderedTerms, pairFactor } from '../../../src/core/search/proximity';
import { buildSearchIndex, loadSearchIndex, search } from '../../../src/core/search';
import { record } from '../../fixtures/search/records';
import { phraseForm } from '../../../src/core/search/tokenize';
import { stemTerm } from '../../../src/core/search/stem';

const title = (t: string) => orderedTerms(phraseForm(t), stemTerm);
const query = (q: string) => q.split(' ').map(stemTerm);

describe('query words side by side in the title', () => {
  it('counts the pairs of the query that the title has in the same order, stopwords skipped, stems compared', () => {
    const t = title('How to Connect to a Web or FTP Site Using a Non-Default Port');
    expect(adjacentPairs(query('iis4 connecting web ftp sites port'), t, false)).toBe(3);
    // Reversed, the words are not a phrase.
    expect(adjacentPairs(query('site ftp'), t, false)).toBe(0);
  });

  it('lets the last word still being typed pair with a title word it begins', () => {
    const t = title('Hardware List Not Updated After Installing New .inf File');
    expect(adjacentPairs(['hardwar', 'li'], t, true)).toBe(1);
    expect(adjacentPairs(['hardwar', 'li'], t, false)).toBe(0);
  });

  it('lifts the score a little per pair, up to a few', () => {
    expect(pairFactor(0)).toBe(1);
    expect(pairFactor(1)).toBeGreaterThan(1);
    expect(pairFactor(10)).toBe(pairFactor(3));
  });

  it('reads a negation however it is spelt as one term, and skips the words it is told to', () => {
    const skip = new Set(['does', 'after']);
    expect(orderedTerms(phraseForm("Can't Open the File"), stemTerm)).toEqual([NOT, 'open', 'file']);
    expect(orderedTerms(phraseForm('Report Does Not Display'), stemTerm, skip)).toEqual(['report', NOT, 'displai']);
    expect(orderedTerms(phraseForm('report doesnt display'), stemTerm, skip)).toEqual(['report', NOT, 'displai']);
    expect(orderedTerms(phraseForm('Cannot Start'), stemTerm)).toEqual([NOT, 'start']);
    // A word the query drops as filler is dropped from the title too, so the words around it pair.
    expect(adjacentPairs(query('printer hangs installing'), title('Printer Hangs After Installing'), false)).toBe(1);
    expect(
      adjacentPairs(
        orderedTerms(phraseForm('printer hangs after installing'), stemTerm, skip),
        orderedTerms(phraseForm('Printer Hangs After Installing'), stemTerm, skip),
        false,
      ),
    ).toBe(2);
  });
});

describe('pairs in the ranking', () => {
  const ix = loadSearchIndex(
    JSON.parse(
      JSON.stringify(
        buildSearchIndex([
          record({ q: 'Q900201', title: 'Error Message: No Dial Tone Detected on This Line' }),
          record({ q: 'Q900202', title: 'Dial Tone Detected Late on the Second Phone Line' }),
        ]),
      ),
    ),
  );

  it('pairs a negation the query drops as filler with the title that says it', () => {
    expect(search(ix, 'fax modem no dial tone detected')[0]?.q).toBe('Q900201');
  });
});
