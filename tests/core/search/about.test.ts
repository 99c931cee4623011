import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  loadSearchIndex,
  openSearchIndex,
  readingFor,
  splitSearchIndex,
} from '../../../src/core/search';
import { articlesAbout, type ScopeGroup } from '../../../src/core/search/about';
import { FIELD } from '../../../src/core/search/types';
import { articleRecord } from '../../fixtures/article-record';

// Invented articles: a few about Exchange NDRs, one about Exchange without NDRs, one NDR article
// about another product.
const rec = (q: string, title: string, terms: string[], products = ['Microsoft Exchange Server']) =>
  articleRecord({ q, title, terms, products });
const RECORDS = [
  rec('Q900101', 'XADM: Forwarding Rule to a Removed Contact Causes NDRs', ['rule', 'contact', 'ndr', 'forwarding']),
  rec('Q900102', 'XCON: NDRs for Every Message After the Clock Passes Year 2000', ['clock', 'ndr', 'mta']),
  rec('Q900103', 'XFOR: Dial-Up Connector Returns NDRs When the Line Drops', ['dial', 'isdn', 'ndr', 'line']),
  rec('Q900104', 'XADM: NDR When a Mailbox Is Moved Between Sites', ['mailbox', 'moved', 'ndr', 'site']),
  rec('Q900105', 'XADM: Forwarding Rule Is Lost After a Restore', ['rule', 'restore', 'forwarding']),
  rec('Q900106', 'NDR Printed When a Fax Rule Forwards to a Removed Contact', ['fax', 'rule', 'ndr'], ['Fax Server']),
];
const ix = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(RECORDS))));
const SCOPE: ScopeGroup[] = [
  { terms: ['exchange'], fields: FIELD.products },
  { terms: ['ndr'], fields: FIELD.title | FIELD.terms },
];
const about = (text: string) => articlesAbout(ix, text.toLowerCase().split(/\s+/), SCOPE, 5);

describe('articlesAbout', () => {
  it("finds the scope's article a description is about, with the words it has", () => {
    const r = about('the forwarding rule points to a contact we removed');
    expect(r.hits[0]).toMatchObject({ q: 'Q900101' });
    expect(r.hits[0]!.words).toEqual(expect.arrayContaining(['forwarding', 'rule', 'contact', 'removed']));
  });

  it('never returns an article outside the scope, however well it fits', () => {
    // Q900105 is about Exchange but not about NDRs; Q900106 is about NDRs but not Exchange.
    const qs = about('the forwarding rule was lost after a restore of the fax contact').hits.map((h) => h.q);
    expect(qs).not.toContain('Q900105');
    expect(qs).not.toContain('Q900106');
  });

  it('a word every article of the scope has adds nothing', () => {
    expect(about('ndr ndrs').hits).toEqual([]);
  });

  it('says a word the way the archive does (thesaurus): "y2k" finds "Year 2000"', () => {
    expect(about('y2k rehearsal').hits.map((h) => h.q)).toEqual(['Q900102']);
  });

  it('scores any article on the same words, 0 outside the scope or without them', () => {
    const r = about('dial isdn line');
    expect(r.hits[0]!.q).toBe('Q900103');
    expect(r.scoreOf('Q900103')).toBe(r.hits[0]!.score);
    expect(r.scoreOf('Q900104')).toBe(0);
    expect(r.scoreOf('Q900106')).toBe(0);
  });
});

describe('articlesAbout and the search words', () => {
  it('scores as without them: they are for search() only', () => {
    // Every article gets "forwarding" and "contact" among its search words.
    const words = new Map(RECORDS.map((r) => [r.q, ['forwarding', 'contact', 'rule']]));
    const withWords = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(RECORDS, { searchWords: words }))));
    const text = 'the forwarding rule points to a contact we removed'.split(' ');
    const a = articlesAbout(ix, text, SCOPE, 5);
    const b = articlesAbout(withWords, text, SCOPE, 5);
    expect(b.hits).toEqual(a.hits);
  });

  it('weigh, when asked (searchWords), only the articles the other fields found, apart from their score', () => {
    // Only Q900104's problem sections repeat "delayed" and "queue"; none has them in its title or terms.
    const words = new Map([['Q900104', ['delayed', 'queue']]]);
    const withWords = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(RECORDS, { searchWords: words }))));
    // The search words alone bring no article in.
    expect(
      articlesAbout(withWords, 'mail sits delayed in the queue'.split(' '), SCOPE, 5, { searchWords: true }).hits,
    ).toEqual([]);
    const text = 'mailbox moved between sites, mail sits delayed in the queue'.split(/[ ,]+/);
    const plain = articlesAbout(withWords, text, SCOPE, 5).hits;
    const told = articlesAbout(withWords, text, SCOPE, 5, { searchWords: true }).hits;
    expect(plain.map((h) => h.told)).toEqual(plain.map(() => 0));
    // The same articles, scores and words: the search words add to `told` only.
    expect(told.map(({ told: _, ...h }) => h)).toEqual(plain.map(({ told: _, ...h }) => h));
    const q104 = told.find((h) => h.q === 'Q900104')!;
    expect(q104.told).toBeGreaterThan(0);
    expect(q104.words).not.toContain('delayed');
    expect(told.filter((h) => h.q !== 'Q900104').every((h) => h.told === 0)).toBe(true);
  });

  it('read part by part (readingFor), answers as over the whole index, reading only what its words touch', async () => {
    const data = buildSearchIndex(RECORDS);
    const split = splitSearchIndex(data, { partChars: 40, titlesPerPart: 1 });
    const read: string[] = [];
    for (const text of [
      'the forwarding rule points to a contact we removed',
      'isdn line drops on the dial up connector',
    ]) {
      const lazy = openSearchIndex(split.head, {
        terms: async (n) => (read.push(`terms ${n}`), split.parts[n]!),
        titles: async (n) => (read.push(`titles ${n}`), [data.titles[n]!]),
        fileOf: (kind, n) => `${kind}/${n}.json`,
      });
      const words = text.split(/\s+/);
      const a = await readingFor(lazy, () => articlesAbout(lazy, words, SCOPE, 5));
      const b = articlesAbout(ix, words, SCOPE, 5);
      expect(a.hits, text).toEqual(b.hits);
      for (const r of RECORDS) expect(a.scoreOf(r.q), `${text}: ${r.q}`).toBe(b.scoreOf(r.q));
    }
    expect(read.filter((r) => r.startsWith('terms')).length).toBeLessThan(split.parts.length * 2);
  });

  it('reads a scope of alternatives as any of them, each with all its groups', () => {
    // About Exchange and NDRs, or about the Fax Server (its two words both in its products).
    const fax = [
      { terms: ['fax'], fields: FIELD.products },
      { terms: ['server'], fields: FIELD.products },
    ];
    const qs = articlesAbout(ix, ['forwarding', 'rule', 'contact', 'fax'], { anyOf: [SCOPE, fax] }, 5).hits.map(
      (h) => h.q,
    );
    expect(qs).toContain('Q900101');
    expect(qs).toContain('Q900106');
    expect(qs).not.toContain('Q900105');
    // A word of a name alone is no alternative: "server" is in no Exchange NDR article's products.
    const server = [
      { terms: ['fax'], fields: FIELD.products },
      { terms: ['exchange'], fields: FIELD.products },
    ];
    expect(articlesAbout(ix, ['forwarding', 'rule'], { anyOf: [server] }, 5).hits).toEqual([]);
  });
});
