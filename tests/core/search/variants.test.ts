import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, openSearchIndex, search, splitSearchIndex } from '../../../src/core/search';
import { stemTerm } from '../../../src/core/search/stem';
import { mineVariants, sameFamily, variantMap } from '../../../src/core/search/variants';
import { record } from '../../fixtures/search/records';

// Invented article texts: a family of words used together ("admin", "administrator"), a longer
// word that always comes with a shorter one ("logon" with "log"), a pair used together only now and
// then ("print", "printout"), and articles about other things.
const texts = [
  ...Array.from(
    { length: 6 },
    (_, i) => `SYMPTOMS\nThe admin tool ${i} stops. The Administrator program shows an empty list of members.`,
  ),
  ...Array.from(
    { length: 6 },
    (_, i) => `SYMPTOMS\nThe logon script ${i} writes a log file, and the log grows after each logon.`,
  ),
  ...Array.from(
    { length: 10 },
    (_, i) => `SYMPTOMS\nThe report ${i} does not print.${i < 2 ? ' The printout is blank.' : ''}`,
  ),
  ...Array.from({ length: 30 }, (_, i) => `SYMPTOMS\nThe spooler service ${i} stops when the queue is full.`),
];

describe('word variants mined from the texts', () => {
  const lines = mineVariants(texts, stemTerm);
  const map = variantMap(lines);

  it('keeps a short form with the long form the texts use it with', () => {
    expect(map.get('admin')).toEqual(['administr']);
  });

  it('never lets a longer word stand for a shorter one (logon is not log)', () => {
    expect(map.has('logon')).toBe(false);
  });

  it('leaves out a pair the texts seldom use together', () => {
    expect(map.has('print')).toBe(false);
  });

  it('leaves out what the index has no term for', () => {
    expect(mineVariants(texts, stemTerm, (t) => t !== 'administr')).not.toContain('admin\tadministr');
  });

  it('counts only the article, not the tags after its query words', () => {
    const tagged = texts.map((t, i) => (i >= 12 ? `${t}\nKeywords          : kbadmin kbadministration` : t));
    expect(variantMap(mineVariants(tagged, stemTerm)).get('admin')).toEqual(['administr']);
  });

  it('reads families by their start', () => {
    expect(sameFamily('admin', 'administr')).toBe(true);
    expect(sameFamily('deploi', 'deploy')).toBe(true);
    expect(sameFamily('admin', 'adapter')).toBe(false);
    expect(sameFamily('print', 'spooler')).toBe(false);
    expect(sameFamily('perfopt', 'perform')).toBe(false);
    expect(sameFamily('custid', 'custom')).toBe(false);
  });
});

describe('a query word finds its variant', () => {
  const articles = [
    record({ q: 'Q330001', title: 'Administrator Program Does Not Update the Member List' }),
    // Shorter, so it wins on the title norm where "admin" finds nothing.
    record({ q: 'Q330002', title: 'Program Does Not Update Member List' }),
    record({ q: 'Q330003', title: 'Spooler Service Stops When the Queue Is Full' }),
    record({ q: 'Q330004', title: 'Admin Tool Fails to Start' }),
  ];
  const data = () =>
    JSON.parse(JSON.stringify(buildSearchIndex(articles, { texts }))) as ReturnType<typeof buildSearchIndex>;
  const first = (ix: ReturnType<typeof loadSearchIndex>) =>
    search(ix, 'admin program does not update member list')[0]?.q;

  it('ranks the article with the long form first', () => {
    expect(data().variants).toContain('admin\tadministr');
    expect(first(loadSearchIndex(data()))).toBe('Q330001');
  });

  it('does nothing without the mined table (an older index)', () => {
    const old = data();
    delete old.variants;
    expect(first(loadSearchIndex(old))).toBe('Q330002');
  });

  it('is not counted for a word whose variant the query names too: an article is not paid twice for one word', () => {
    const both = [
      record({ q: 'Q330011', title: 'Administrator Password' }),
      record({ q: 'Q330012', title: 'Admin Tool Resets the Administrator Password' }),
      record({ q: 'Q330013', title: 'Admin Password' }),
      ...Array.from({ length: 20 }, (_, i) =>
        record({ q: `Q3302${String(i).padStart(2, '0')}`, title: `Other thing ${i}` }),
      ),
    ];
    const ix = loadSearchIndex(buildSearchIndex(both, { texts }));
    expect(ix.variants.get('admin')).toEqual(['administr']);
    expect(search(ix, 'admin administrator password')[0]?.q).toBe('Q330012');
  });

  it('is not read from another postings part than the word itself', () => {
    // One term per part: "administr" sits in another part than "admin", and is left alone.
    const { head, parts } = splitSearchIndex(data(), { partChars: 1, titlesPerPart: 10 });
    const ix = openSearchIndex(head, null, { terms: parts, titles: [articles.map((a) => a.title)] });
    expect(parts.length).toBeGreaterThan(10);
    expect(first(ix)).toBe('Q330002');
  });
});
