/**
 * A ticket that quotes nothing the matcher knows but describes its case in words, with a product:
 * the popup's summary suggests the article the words describe (core/match/described.ts). The
 * content script's scan highlights nothing for it and never makes the worker read the search
 * index; the summary reads it once asked, and only for a page that names a product.
 */
import { describe, expect, it, vi } from 'vitest';
import { articleRecord } from '../fixtures/article-record';

const EX = { products: ['Microsoft Exchange Server'], versions: ['Exchange Server 5.5'] };
const W95 = { products: ['Microsoft Windows 95'], versions: ['Windows 95'] };
// Invented records: one about a queue after a smart host change, others of the product.
const RECORDS = [
  articleRecord({
    q: 'Q900801',
    title: 'XFOR: IMS Queues Outbound Mail for One Domain After Smart Host Change',
    terms: ['ims', 'queue', 'smarthost', 'outbound', 'domain'],
    ...EX,
  }),
  ...['Directory', 'Journal', 'Archive', 'Calendar', 'Migration', 'Backup', 'Cluster', 'Schema', 'Gateway'].map(
    (t, i) =>
      articleRecord({ q: `Q90081${i}`, title: `XADM: ${t} Service Fails to Start`, terms: [t.toLowerCase()], ...EX }),
  ),
  // Two laptop models' articles on the same fault, told apart only by the model's number, and
  // other faults of laptops after a suspend.
  ...['4500', '7200'].map((model, i) =>
    articleRecord({
      q: `Q90083${i}`,
      title: `Contoso ${model} Laptop Restarts While Resuming from Suspend`,
      terms: ['laptop', 'restart', 'resume', 'suspend', 'apm'],
      ...W95,
    }),
  ),
  ...Array.from({ length: 40 }, (_, i) =>
    articleRecord({
      q: `Q9011${String(i).padStart(2, '0')}`,
      title: `Setting ${i} Is Lost on a Laptop After Suspend`,
      terms: ['setting', 'laptop', 'suspend'],
      ...W95,
    }),
  ),
];

const loads = vi.hoisted(() => ({ search: 0 }));
vi.mock('../../src/background/bundled-index', async () => {
  const fake = (await import('./fake-index')).fakeBundledIndex(RECORDS);
  return { bundledIndex: { ...fake, searchHead: () => (loads.search++, fake.searchHead()) } };
});
vi.mock('../../src/background/custom-index', () => ({ customArticles: async () => null }));
vi.mock('../../src/background/records', async () => ({
  recordsFor: (await import('./fake-index')).fakeRecordsFor(RECORDS),
}));

const { scanBlock } = await import('../../src/background/scan-service');
const { tabSummary } = await import('../../src/background/summary-service');

const TAB = { id: 12, url: 'https://desk.example/ticket/91' };
const TICKET = 'Hi, our Exchange 5.5 IMS keeps queuing outbound mail to one domain since we changed the smart host.';

describe("the article a ticket's words describe, in the service worker", () => {
  it('is suggested in the summary, marked and with no match, and the scan highlights nothing', async () => {
    loads.search = 0;
    const found = await scanBlock(TICKET, TAB, true);
    expect(found).toEqual([]);
    expect(loads.search).toBe(0);
    const summary = (await tabSummary(TAB.id))!;
    expect(summary.articles).toHaveLength(1);
    expect(summary.articles[0]).toMatchObject({
      record: { q: 'Q900801' },
      confidence: 'low',
      source: 'described',
      matches: [],
    });
    expect(summary.articles[0]!.why).toMatch(/^suggested from the ticket's words/);
    expect(loads.search).toBe(1);
  });

  it('is not suggested for a note that says the case is well again, as in the CLI (reported.ts)', async () => {
    for (const note of [
      'Hi, our Exchange 5.5 IMS outbound mail to that domain flows fine now since we changed the smart host.',
    ]) {
      await scanBlock(note, TAB, true);
      expect((await tabSummary(TAB.id))!.articles, note).toEqual([]);
    }
  });

  it('is suggested for a fault block followed by a closing block, as the CLI reads the whole text (reported.ts)', async () => {
    const fault = 'Exchange 5.5 IMS keeps queuing outbound mail to one domain after the smart host change.';
    for (const after of ['Resolved.', 'If the issue is resolved, please close the ticket.']) {
      await scanBlock(fault, TAB, true);
      await scanBlock(after, TAB, false);
      expect(
        (await tabSummary(TAB.id))!.articles.map((a) => a.record.q),
        after,
      ).toEqual(['Q900801']);
    }
  });

  it("reads the page's case numbers, as the CLI does: a model's number tells two articles apart", async () => {
    await scanBlock('Windows 95 on our Contoso 7200 laptop: it restarts while resuming from suspend.', TAB, true);
    expect((await tabSummary(TAB.id))!.articles.map((a) => a.record.q)).toEqual(['Q900831']);
  });

  it('is not looked for on a page that names no product', async () => {
    loads.search = 0;
    await scanBlock('Our IMS keeps queuing outbound mail to one domain since we changed the smart host.', TAB, true);
    expect((await tabSummary(TAB.id))!.articles).toEqual([]);
    expect(loads.search).toBe(0);
  });
});
