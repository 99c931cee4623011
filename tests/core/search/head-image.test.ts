/**
 * The opened head kept as structured-clone data (what the worker stores in IndexedDB) opens into
 * an index that answers exactly as the head opened from its file, and anything that is not a
 * whole image of this format is refused (the worker then reads the file).
 */
import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  headImage,
  loadSearchIndex,
  openHeadImage,
  openSearchIndex,
  search,
  searchReading,
  splitSearchIndex,
  type SearchPartReader,
} from '../../../src/core/search';
import { HEAD_IMAGE_FORMAT, type SearchHeadImage } from '../../../src/core/search/head-image';
import { SYNONYM_GROUPS } from '../../../src/core/search/synonyms';
import { record } from '../../fixtures/search/records';

const data = buildSearchIndex([
  record({ q: 'Q150001', title: 'Outlook Web Access logon fails after service pack', keywords: ['owa', 'logon'] }),
  record({ q: 'Q150017', title: 'Spooler service stops responding', errors: ['The Spooler service hung on starting'] }),
  record({ q: 'Q150230', title: 'IMS queues mail to one domain', products: ['Microsoft Exchange Server'] }),
  record({ q: 'Q151002', title: 'Visual FoxPro grid shows old values', versions: ['Visual FoxPro 3.0'] }),
  record({
    q: 'Q152300',
    title: 'Dr. Watson error in Winword.exe when printing',
    files: [['winword.exe', '8.0.0.3311']],
  }),
]);
const split = splitSearchIndex(data, { partChars: 60, titlesPerPart: 2 });
const reader: SearchPartReader = {
  terms: async (n) => split.parts[n]!,
  titles: async (n) => data.titles.slice(n * 2, n * 2 + 2),
  fileOf: (kind, n) => `${kind}/${n}.json`,
};
const whole = loadSearchIndex(data);
const QUERIES = [
  'owa logon',
  'outlook web access',
  'spooler hangs',
  'ims 5.5',
  'vfp grid',
  'winword.exe 8.0',
  'Q150230',
];

/** An image as IndexedDB gives it back: a structured clone, nothing shared with the index it was made of. */
const stored = (): SearchHeadImage => structuredClone(headImage(openSearchIndex(split.head, reader)));

describe('the search head kept as an image', () => {
  it('opens into an index that answers every query exactly as the head read from its file', async () => {
    for (const q of QUERIES) {
      const ix = openHeadImage(stored(), reader);
      expect(ix, q).not.toBeNull();
      expect(await searchReading(ix!, q, { limit: 10 }), q).toEqual(search(whole, q, { limit: 10 }));
    }
  });

  it('holds the head only: an index that has read parts makes the same image as a fresh one', async () => {
    const searched = openSearchIndex(split.head, reader);
    for (const q of QUERIES) await searchReading(searched, q);
    expect(structuredClone(headImage(searched))).toEqual(stored());
  });

  it('reads a thesaurus list when a query first needs it; a damaged list has no entries and breaks no search', async () => {
    const image = stored();
    const first = image.thesaurusFirsts[0];
    expect(first).toBeDefined();
    const fine = openHeadImage(image, reader)!;
    expect(fine.thesaurus.byFirst.get(first!)!.length).toBeGreaterThan(0);
    const damaged = openHeadImage({ ...stored(), thesaurusTexts: image.thesaurusTexts.map(() => '[[') }, reader);
    expect(damaged).not.toBeNull();
    expect(damaged!.thesaurus.byFirst.get(first!)).toEqual([]);
    expect((await searchReading(damaged!, 'outlook web access logon', { limit: 10 }))[0]?.q).toBe('Q150001');
  });

  it('refuses what is not a whole image of this format', () => {
    const bad: [string, unknown][] = [
      ['nothing', undefined],
      ['null', null],
      ['a string', 'search.json'],
      ['another format', { ...stored(), imageFormat: HEAD_IMAGE_FORMAT + 1 }],
      ['Q-numbers cut short', { ...stored(), qnums: stored().qnums.slice(1) }],
      ['a plain array for a typed one', { ...stored(), df: [...stored().df] }],
      ['parts that do not end at the vocabulary', { ...stored(), termBounds: Uint32Array.from([0, 1]) }],
      ['starts that do not fit the vocabulary', { ...stored(), termsText: stored().termsText + ' extra' }],
      ['a thesaurus of the old shape', { ...stored(), thesaurusFirsts: undefined, byFirst: new Map() }],
      ['thesaurus texts that do not pair with its terms', { ...stored(), thesaurusTexts: [] }],
      ['a thesaurus text that is not text', { ...stored(), thesaurusTexts: stored().thesaurusTexts.map(() => 1) }],
      ['no titles per part', { ...stored(), titlesPerPart: 0 }],
      ['no kept title length sum', { ...stored(), titleLengthSum: undefined }],
      ['a longest title that would size a table of gigabytes', { ...stored(), titleLengthMax: 2 ** 40 }],
      ['title lengths as floats', { ...stored(), titleLength: new Float64Array(stored().titleLength) }],
    ];
    for (const [what, image] of bad) expect(openHeadImage(image, reader), what).toBeNull();
  });

  it("is not read by code whose synonyms differ: the index's identity is the same, the thesaurus is not", async () => {
    const kept = stored();
    const groups = SYNONYM_GROUPS as (readonly string[])[];
    // An extension updated with one more ticket synonym over the very same index files.
    groups.push(['printjam', 'spooler']);
    try {
      expect(openHeadImage(kept, reader)).toBeNull();
      const fresh = openSearchIndex(split.head, reader);
      expect((await searchReading(fresh, 'printjam')).map((h) => h.q)).toContain('Q150017');
    } finally {
      groups.pop();
    }
    expect(openHeadImage(kept, reader)).not.toBeNull();
  });

  it('keeps counts that fit 16 bits as 16-bit numbers, and opens them into the same index', async () => {
    const image = stored();
    expect(image.df).toBeInstanceOf(Uint16Array);
    expect(image.titleLength).toBeInstanceOf(Uint16Array);
    const ix = openHeadImage(image, reader)!;
    const fromFile = openSearchIndex(split.head, reader);
    expect(ix.df).toEqual(fromFile.df);
    expect(ix.titleLength).toEqual(fromFile.titleLength);
    expect(ix.normByLength).toEqual(fromFile.normByLength);
  });

  it('keeps a count over 16 bits as it is', () => {
    const ix = openSearchIndex(split.head, reader);
    (ix.df as Uint32Array)[0] = 70000;
    const image = structuredClone(headImage(ix));
    expect(image.df).toBeInstanceOf(Uint32Array);
    expect(openHeadImage(image, reader)!.df[0]).toBe(70000);
  });

  it('weighs titles by the running code, not by norms a build before it kept', async () => {
    // As an image made by a build that weighed title length otherwise would hold them.
    const older = { ...stored(), normByLength: new Float32Array(200).fill(1) };
    for (const q of QUERIES) {
      const ix = openHeadImage(older, reader);
      expect(await searchReading(ix!, q, { limit: 10 }), q).toEqual(search(whole, q, { limit: 10 }));
    }
  });
});
