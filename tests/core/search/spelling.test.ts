import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, search } from '../../../src/core/search';
import { spellingVariants } from '../../../src/core/search/spelling';
import { record } from '../../fixtures/search/records';

describe('spellingVariants', () => {
  it('gives the American spelling of a British one', () => {
    expect(spellingVariants('colour')).toEqual(['color']);
    expect(spellingVariants('behaviours')).toEqual(['behaviors']);
    expect(spellingVariants('initialise')).toEqual(['initialize']);
    expect(spellingVariants('organisation')).toEqual(['organization']);
    expect(spellingVariants('analysed')).toEqual(['analyzed']);
    expect(spellingVariants('centre')).toEqual(['center']);
    expect(spellingVariants('dialogue')).toEqual(['dialog']);
    expect(spellingVariants('licence')).toEqual(['license']);
    expect(spellingVariants('grey')).toEqual(['gray']);
  });

  it('leaves short words, codes and words no rule fits alone', () => {
    expect(spellingVariants('our')).toEqual([]);
    expect(spellingVariants('c4071')).toEqual([]);
    expect(spellingVariants('printer')).toEqual([]);
    // "cancelled" and "canceled" have one stem already; "filled" is no "filed".
    expect(spellingVariants('filled')).toEqual([]);
  });
});

describe('British spellings in the ranking', () => {
  const ix = loadSearchIndex(
    JSON.parse(
      JSON.stringify(
        buildSearchIndex([
          record({ q: 'Q350001', title: 'Paint Program Shows Wrong Color Palette' }),
          record({ q: 'Q350002', title: 'Paint Program Shows Wrong Toolbar' }),
          record({ q: 'Q350003', title: 'Color Printer Prints Blank Page' }),
          record({ q: 'Q350004', title: 'Fonts in the Print Dialog Are Too Small' }),
          record({ q: 'Q350005', title: 'Fonts Print Too Small on Laser Printer' }),
          record({ q: 'Q350007', title: 'Menu Commands Appear Slowly' }),
          record({ q: 'Q350008', title: 'Menu Commands Appear Gray After Upgrade' }),
          record({ q: 'Q350009', title: 'Gray Screen at Startup' }),
          record({ q: 'Q350010', title: 'Grey Import Filter Is Missing' }),
          // "four" is no "for": a word the archive uses as much as its variant keeps its own sense.
          record({ q: 'Q350006', title: 'Four Colour Separation Fails' }),
        ]),
      ),
    ),
  );
  const first = (query: string) => search(ix, query, { limit: 3 })[0]?.q;

  it('finds the article that writes the word the American way', () => {
    expect(first('paint program wrong colour palette')).toBe('Q350001');
    expect(first('fonts too small in print dialogue')).toBe('Q350004');
    // Too short for the typo step, and a word of the archive itself.
    expect(first('menu commands appear grey')).toBe('Q350008');
  });

  it('keeps the British word where the archive has it as much', () => {
    expect(first('four colour separation')).toBe('Q350006');
  });
});
