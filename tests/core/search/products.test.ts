import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, search } from '../../../src/core/search';
import { PRODUCT_MISS, PRODUCT_WORD_MIN, productFactor, productWordBits } from '../../../src/core/search/products';
import type { WordScores } from '../../../src/core/search/rank';
import { record } from '../../fixtures/search/records';

/** Kept scores of a word that found `docs` articles, `inProducts` of them in their products field. */
const scores = (docs: number, inProducts: number): WordScores => ({
  docs: new Uint32Array(docs),
  scores: new Float64Array(docs),
  fields: new Uint8Array(docs),
  flags: new Uint8Array(docs),
  max: 1,
  inProducts,
});

describe('productWordBits', () => {
  it('takes a word most of whose articles have it among their products as naming a product', () => {
    const words = [
      { text: 'w', scores: scores(400, 380), prefix: false }, // "exchange"
      { text: 'w', scores: scores(900, 60), prefix: false }, // "labels": a product here and there
      { text: 'w', scores: scores(300, 200), prefix: false }, // "vfp" through its spelled-out name
    ];
    expect(productWordBits(words, 10_000)).toBe(0b101);
  });

  it('needs enough articles, a finished word and kept scores', () => {
    const few = PRODUCT_WORD_MIN - 1;
    expect(productWordBits([{ text: 'w', scores: scores(few, few), prefix: false }], 10_000)).toBe(0);
    expect(productWordBits([{ text: 'w', scores: scores(400, 380), prefix: true }], 10_000)).toBe(0);
    expect(productWordBits([{ text: 'w', scores: null, prefix: false }], 10_000)).toBe(0);
  });

  it('leaves a word most of the archive has among its products to the platforms ("windows")', () => {
    expect(productWordBits([{ text: 'w', scores: scores(6000, 5900), prefix: false }], 10_000)).toBe(0);
  });

  it('leaves platform and version words to platforms.ts and versions.ts, however few articles they find', () => {
    const product = scores(400, 380);
    const words = (...texts: string[]) => texts.map((text) => ({ text, scores: product, prefix: false }));
    expect(productWordBits(words('nt4', 'win95', 'w2k', 'exchange'), 10_000)).toBe(0b1000);
    // "95" after a name is its version.
    expect(productWordBits(words('windows', '95', 'exchange'), 10_000)).toBe(0b100);
  });

  it('holds a glued product and version ("zephyr4") to the share cap by its name', () => {
    const word = [{ text: 'zephyr4', scores: scores(400, 380), prefix: false }];
    expect(productWordBits(word, 10_000, (w) => (w === 'zephyr' ? 6000 : 0))).toBe(0);
    expect(productWordBits(word, 10_000, (w) => (w === 'zephyr' ? 900 : 0))).toBe(1);
  });
});

describe('productFactor', () => {
  it('lowers an article that has none of the products named, and only that one', () => {
    expect(productFactor(0b101, 0b000)).toBe(PRODUCT_MISS);
    expect(productFactor(0b101, 0b100)).toBe(1);
    // Only words that are no product's name in its products field: still none of those named.
    expect(productFactor(0b101, 0b010)).toBe(PRODUCT_MISS);
    expect(productFactor(0, 0)).toBe(1);
  });
});

describe('the product named in the ranking', () => {
  // A product with many articles (its name is a common word of the index), one of them about
  // labels cut short, and another product's article whose title says it in the query's words.
  const zephyr = Array.from({ length: 24 }, (_, i) =>
    record({
      q: `Q35${String(1000 + i)}`,
      title: `Zephyr: Topic Number ${'abcdefghijklmnopqrstuvwxyz'[i]} Needs a Restart`,
      products: ['Microsoft Zephyr Server'],
    }),
  );
  const ix = loadSearchIndex(
    JSON.parse(
      JSON.stringify(
        buildSearchIndex([
          ...zephyr,
          record({
            q: 'Q359001',
            title: 'Zephyr: Form Labels Cut Short When Resolution Changes',
            products: ['Microsoft Zephyr Server'],
          }),
          record({
            q: 'Q359002',
            title: 'Atlas Viewer: Map Labels Cut Off When Screen Resolution Changes',
            products: ['Microsoft Atlas Viewer'],
          }),
          // Other products' articles: Zephyr's name is in a tenth of the archive, as a product's is.
          ...Array.from({ length: 200 }, (_, i) =>
            record({
              q: `Q36${String(1000 + i)}`,
              title: `Page ${i} Prints Blank`,
              products: [`Microsoft Product${String.fromCharCode(97 + (i % 26))}${i}`],
            }),
          ),
        ]),
      ),
    ),
  );

  it("puts the named product's article above another product's that words the symptom as typed", () => {
    const top = search(ix, 'zephyr form labels cut off when screen resolution changes', { limit: 3 }).map((r) => r.q);
    expect(top[0]).toBe('Q359001');
  });
});
