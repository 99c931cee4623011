/**
 * The service worker reads the search index for a ticket only when the ticket holds an Exchange
 * 4.0-2003 bounce (bounce/situation.ts): a ticket page stays as cheap as before otherwise. With
 * such a bounce of generic lines, the article about what the ticket describes leads the summary.
 */
import { describe, expect, it, vi } from 'vitest';
import { articleRecord } from '../fixtures/article-record';

const GENERIC = 'The recipient name is not recognized';
const SPECIFIC = 'The tape catalog for the backup set could not be updated because the catalog is full';
const EX = { products: ['Microsoft Exchange Server'], versions: ['Exchange Server 5.5'] };
// Invented records: five articles quoting the generic line, one about a situation quoting none,
// and other Exchange NDR articles (a scope of some size, as in the archive).
const RECORDS = [
  ...[11, 12, 13, 14, 15, 16, 17, 18].map((i) =>
    articleRecord({ q: `Q9005${i}`, title: `XCON: Another NDR Case ${i}`, terms: ['ndr', `other${i}`], ...EX }),
  ),
  ...[1, 2, 3, 4, 5].map((i) =>
    articleRecord({
      q: `Q90050${i}`,
      title: `XADM: NDR Case Number ${i}`,
      terms: ['ndr', `case${i}`],
      errors: [{ text: GENERIC, kind: 'ndr', placeholders: [] }],
      ...EX,
    }),
  ),
  // A message one article quotes: where the ticket quotes it, that article explains the ticket.
  articleRecord({
    q: 'Q900530',
    title: 'Backup Agent Stops When the Tape Catalog Is Full',
    terms: ['backup', 'catalog', 'tape'],
    errors: [{ text: SPECIFIC, kind: 'error', placeholders: [] }],
    products: ['Microsoft Windows NT Server'],
  }),
  articleRecord({
    q: 'Q900510',
    title: 'XADM: Public Folder Replica on a Retired Server Causes NDRs',
    terms: ['replica', 'retired', 'ndr', 'folder'],
    ...EX,
  }),
];

const loads = vi.hoisted(() => ({ search: 0 }));
vi.mock('../../src/background/bundled-index', async () => {
  const fake = (await import('./fake-index')).fakeBundledIndex(RECORDS);
  return {
    bundledIndex: {
      ...fake,
      searchHead: () => (loads.search++, fake.searchHead()),
    },
  };
});
vi.mock('../../src/background/custom-index', () => ({ customArticles: async () => null }));
vi.mock('../../src/background/records', async () => ({
  recordsFor: (await import('./fake-index')).fakeRecordsFor(RECORDS),
}));

const { scanBlock } = await import('../../src/background/scan-service');
const { articlesAnswer, tabSummary } = await import('../../src/background/summary-service');
const { askedArticles, cardModel, MAX_RELATED } = await import('../../src/content/card/view-model');

const TAB = { id: 9, url: 'https://desk.example/ticket/77' };

const ex55Bounce = [
  'Your message did not reach some or all of the intended recipients.',
  '      Subject:  rota',
  '      Sent:     3/14/00 10:02 AM',
  'The following recipient(s) could not be reached:',
  '      Okafor, Chidi on 3/14/00 10:02 AM',
  `            ${GENERIC}`,
  '            MSEXCH:MSExchangeMTA:WEST:EXW01',
].join('\n');
const DESCRIPTION = 'After we retired EXW02, posts to the public folder bounce; its replica was on the retired box.';

describe('the situation of an archive-era bounce in the service worker', () => {
  it('a ticket without such a bounce never reads the search index', async () => {
    loads.search = 0;
    await scanBlock(`${DESCRIPTION}\nThe NDR says: ${GENERIC}`, TAB, true);
    await tabSummary(TAB.id);
    expect(loads.search).toBe(0);
  });

  it('with one, the described article leads the summary, with its bounce match', async () => {
    loads.search = 0;
    const found = await scanBlock(`${DESCRIPTION}\n\n${ex55Bounce}`, TAB, true);
    expect(loads.search).toBe(1);
    expect(found.some((m) => m.kind === 'ndr' && m.value === GENERIC)).toBe(true);
    const summary = await tabSummary(TAB.id);
    expect(summary!.articles[0]!.record.q).toBe('Q900510');
    expect(summary!.articles[0]!.why).toMatch(/^about what the ticket describes around the bounce/);
    expect(summary!.articles[0]!.matches.length).toBeGreaterThan(0);
  });

  it("the card on the bounce shows the summary's lead, its mark and why, next to the bounce's reason", async () => {
    const found = await scanBlock(`${DESCRIPTION}\n\n${ex55Bounce}`, TAB, true);
    const ndrs = found.filter((m) => m.kind === 'ndr');
    expect(ndrs.length).toBeGreaterThan(0);
    const lead = (await tabSummary(TAB.id))!.articles[0]!;
    expect(lead).toMatchObject({ record: { q: 'Q900510' }, confidence: 'low' });
    for (const m of ndrs) {
      // The article quotes none of the bounce: the match carries it apart from its own candidates.
      expect(m.situation).toBe('Q900510');
      expect(m.articles).not.toContain('Q900510');
      // What the content script does on hover: one request, then the view-model.
      const answer = await articlesAnswer(askedArticles(m), TAB.id, MAX_RELATED + 2);
      const card = cardModel(m, answer.articles, answer.related ?? []);
      expect(card.bounce).toMatchObject({ reason: 'userunknown', recipient: 'Okafor, Chidi' });
      expect(card.best).toMatchObject({ q: 'Q900510', title: lead.record.title, confidence: 'low', why: lead.why });
      // The other candidates follow in the summary's order.
      const order = (await tabSummary(TAB.id))!.articles.map((a) => a.record.q);
      expect(card.others.map((o) => o.q)).toEqual(order.filter((q) => card.others.some((o) => o.q === q)));
    }
  });

  it('where a message the ticket quotes names its own article, neither the summary nor the card leads with the situation', async () => {
    // The specific message in an earlier block: the card's ranking is the whole page's, as the summary's.
    await scanBlock(`The server's event log also says: ${SPECIFIC}.`, TAB, true);
    const found = await scanBlock(`${DESCRIPTION}\n\n${ex55Bounce}`, TAB, false);
    const summary = (await tabSummary(TAB.id))!;
    expect(summary.articles[0]!.record.q).toBe('Q900530');
    expect(summary.articles.map((a) => a.record.q)).not.toContain('Q900510');
    const m = found.find((x) => x.kind === 'ndr')!;
    expect(m.situation).toBe('Q900510');
    const answer = await articlesAnswer(askedArticles(m), TAB.id, MAX_RELATED + 2);
    const card = cardModel(m, answer.articles, answer.related ?? []);
    expect(card.best?.q).toMatch(/^Q90050\d$/);
    expect([card.best!.q, ...card.others.map((o) => o.q)]).not.toContain('Q900510');
    expect(card.bounce?.reason).toBe('userunknown');
  });
});
