/**
 * A message inside a longer match (scan.ts Match.inner) is evidence for its own articles: where
 * one of them leads the page summary, the summary lists the match under it, as it lists every
 * article's evidence, and the match is not left "unexplained".
 */
import { describe, expect, it, vi } from 'vitest';
import { articleRecord } from '../fixtures/article-record';

const SENTENCE =
  'The widget service is terminating because the disk where WIDGETDATA is located has less than 10 MB of space.';
const RECORDS = [
  articleRecord({
    q: 'Q399406',
    title: 'XCON: Article Q399406',
    versions: ['Exchange Server 5.5'],
    products: ['Microsoft Exchange Server'],
    errors: [{ text: `Event 9411 ${SENTENCE}`, kind: 'event', placeholders: [] }],
  }),
  articleRecord({
    q: 'Q399407',
    title: 'XCON: Article Q399407',
    versions: ['Exchange Server 4.0'],
    products: ['Microsoft Exchange Server'],
    errors: [{ text: SENTENCE, kind: 'event', placeholders: [] }],
  }),
];

vi.mock('../../src/background/bundled-index', async () => ({
  bundledIndex: (await import('./fake-index')).fakeBundledIndex(RECORDS),
}));
vi.mock('../../src/background/custom-index', () => ({ customArticles: async () => null }));
vi.mock('../../src/background/records', async () => ({
  recordsFor: (await import('./fake-index')).fakeRecordsFor(RECORDS),
}));

const { scanBlock } = await import('../../src/background/scan-service');
const { tabSummary } = await import('../../src/background/summary-service');

const TAB = { id: 11, url: 'https://desk.example/ticket/91' };

describe('a message inside a longer match, in the page summary', () => {
  it('lists the longer match under the article the message inside it explains', async () => {
    await scanBlock(`Exchange 4.0 stopped. Event 9411 ${SENTENCE} Disk D: is nearly full.`, TAB, true);
    const summary = await tabSummary(TAB.id);
    const lead = summary!.articles[0]!;
    expect(lead.record.q).toBe('Q399407');
    expect(lead.matches.map((m) => m.text)).toEqual([expect.stringContaining('Event 9411')]);
    expect(summary!.unexplained).toEqual([]);
  });

  it("lists the inner message's articles among the match's own for the card, the summary's lead first", async () => {
    const found = await scanBlock(`Exchange 4.0 stopped. Event 9411 ${SENTENCE} Disk D: is nearly full.`, TAB, true);
    const event = found.find((m) => m.text.includes('Event 9411'))!;
    expect(event.articles).toEqual(['Q399407', 'Q399406']);
  });
});
