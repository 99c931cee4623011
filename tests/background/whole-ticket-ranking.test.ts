import { describe, expect, it, vi } from 'vitest';
import { MAX_CONTEXT_WORDS } from '../../src/core/match/context';
import { articlesQuotingNdr, NDR } from './fake-index';

const RECORDS = articlesQuotingNdr();

vi.mock('../../src/background/bundled-index', async () => ({
  bundledIndex: (await import('./fake-index')).fakeBundledIndex(RECORDS),
}));
vi.mock('../../src/background/custom-index', () => ({ customArticles: async () => null }));
vi.mock('../../src/background/records', async () => ({
  recordsFor: (await import('./fake-index')).fakeRecordsFor(RECORDS),
}));

const { scanBlock } = await import('../../src/background/scan-service');
const { articleViews, tabSummary } = await import('../../src/background/summary-service');
const { readTab, MAX_CONTEXT_CHARS } = await import('../../src/background/tab-state');

const TAB = { id: 7, url: 'https://desk.example/ticket/1' };
const ALL = ['Q100101', 'Q100202', 'Q100303'];

describe('a page scanned in blocks is ranked by the whole ticket', () => {
  it('words from an earlier block decide the article of a message in a later one', async () => {
    await scanBlock('Since Monday journaling is on; the journal goes to a custom recipient.', TAB, true);
    const found = await scanBlock(`The bounce reads:\n> ${NDR}`, TAB, false);
    expect(found).toHaveLength(1);
    expect(found[0]!.articles[0]).toBe('Q100202');
    const summary = await tabSummary(TAB.id);
    expect(summary!.articles.map((a) => a.record.q)).toEqual(['Q100202', 'Q100101', 'Q100303']);
    expect(summary!.articles[0]!.why).toMatch(/the ticket also mentions .*journaling/);
    const tab = await readTab(TAB.id);
    expect(tab!.words).toEqual(expect.arrayContaining(['journaling', 'custom', 'recipient', 'bounce']));
  });

  it('the card gets the whole-ticket order for a match found before the deciding words', async () => {
    // The message first, the circumstances in a later block (a long thread, read top down).
    const found = await scanBlock(NDR, TAB, true);
    expect(found[0]!.articles).toEqual(ALL);
    await scanBlock('Update: it only happens for mail with attachments through the connector.', TAB, false);
    const views = await articleViews(found[0]!.articles, TAB.id);
    const best = [...views].sort((a, b) => a.rank! - b.rank!)[0]!;
    expect(best.record.q).toBe('Q100101');
    expect(views.every((v) => typeof v.rank === 'number')).toBe(true);
  });

  it('a new page starts with no words, and the words a tab keeps stay bounded', async () => {
    await scanBlock('journaling custom recipient', TAB, true);
    const next = { ...TAB, url: 'https://desk.example/ticket/2' };
    await scanBlock(NDR, next, true);
    expect((await tabSummary(TAB.id))!.articles.map((a) => a.record.q)).toEqual(ALL);
    const many = Array.from({ length: 3 * MAX_CONTEXT_WORDS }, (_, i) => `w${i.toString(36)}qz`).join(' ');
    for (let i = 0; i < 3; i++) await scanBlock(`${many} block${i}x`, next, false);
    const tab = await readTab(TAB.id);
    expect(tab!.words!.length).toBeLessThanOrEqual(MAX_CONTEXT_WORDS);
    expect(tab!.words!.join(' ').length).toBeLessThanOrEqual(MAX_CONTEXT_CHARS);
    // The words the page's candidate articles have are kept first, even past the bound.
    await scanBlock(`${many} journaling`, next, false);
    expect((await readTab(TAB.id))!.words).toContain('journaling');
  });
});
