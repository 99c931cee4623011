import { describe, expect, it } from 'vitest';
import { adjacentPairs, orderedTerms, pairFactor } from '../../../src/core/search/proximity';
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
});
