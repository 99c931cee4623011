import { describe, expect, it } from 'vitest';
import type { Match } from '../../src/core/match';
import { addToTab, MAX_STORED_TEXT, onTabUpdated, readTab, TAB_BYTE_BUDGET } from '../../src/background/tab-state';

const NO_VERSIONS = { products: [], files: [] };
const match = (text: string, start = 0): Match => ({
  kind: 'error',
  text,
  start,
  end: start + text.length,
  value: text,
  articles: ['Q227142'],
  source: 'message',
  weight: 0.5,
});

describe('per-tab state', () => {
  it('clips a huge match text before storing it', async () => {
    const window = 'Unable to deliver the message '.repeat(1200); // a 35 K scanned window
    await addToTab(1, 'https://h.example/t/1', [match(window)], NO_VERSIONS, true);
    const stored = (await readTab(1))!.matches[0]!;
    expect(stored.text.length).toBeLessThanOrEqual(MAX_STORED_TEXT);
    expect(stored.text.startsWith('Unable to deliver')).toBe(true);
    expect(stored.start).toBe(0);
    expect(stored.end).toBe(window.length);
  });

  it('keeps each tab within its byte budget however many large matches a page has', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({
      ...match('x'.repeat(30_000), i * 30_000),
      value: 'v'.repeat(5000),
    }));
    await addToTab(2, 'https://h.example/t/2', many.slice(0, 1000), NO_VERSIONS, true);
    await addToTab(2, 'https://h.example/t/2', many.slice(1000), NO_VERSIONS, false);
    const stored = (await readTab(2))!;
    expect(stored.matches.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored).length).toBeLessThanOrEqual(TAB_BYTE_BUDGET);
  });

  it('forgets a tab when it loads another page, and keeps it for an in-page link', async () => {
    await addToTab(3, 'https://h.example/t/3', [match('5.1.1 User unknown')], NO_VERSIONS, true);
    await onTabUpdated(3, { url: 'https://h.example/t/3#reply' });
    expect(await readTab(3)).not.toBeNull();
    await onTabUpdated(3, { status: 'complete' });
    expect(await readTab(3)).not.toBeNull();
    await onTabUpdated(3, { status: 'loading' });
    expect(await readTab(3)).toBeNull();
    await addToTab(3, 'https://h.example/t/3', [match('5.1.1 User unknown')], NO_VERSIONS, true);
    await onTabUpdated(3, { url: 'https://h.example/t/4' });
    expect(await readTab(3)).toBeNull();
  });

  it("keeps the words no block reports a problem in as the tab's quiet words, until a block reports one", async () => {
    const url = 'https://h.example/t/6';
    // A request block: none of its words report a problem.
    await addToTab(6, url, [], NO_VERSIONS, true, ['outbound', 'queue', 'training'], new Set(), new Set());
    expect((await readTab(6))!.quiet).toEqual(['outbound', 'queue', 'training']);
    // A later block reports the queue stuck: those words are no longer quiet.
    await addToTab(6, url, [], NO_VERSIONS, false, ['queue', 'stuck'], new Set(), new Set(['queue', 'stuck']));
    expect((await readTab(6))!.quiet).toEqual(['outbound', 'training']);
  });
});

describe('storage faults', () => {
  it('a full session store keeps the scan answering and the tab a shorter summary', async () => {
    const { fakeBrowser } = await import('@webext-core/fake-browser');
    const { vi } = await import('vitest');
    const realSet = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    const set = vi
      .spyOn(fakeBrowser.storage.session, 'set')
      .mockImplementation(async (items: Record<string, unknown>) => {
        if (JSON.stringify(items).length > 20_000)
          throw new Error('Session storage quota bytes exceeded. Values were not stored.');
        return realSet(items);
      });
    try {
      const many = Array.from({ length: 500 }, (_, i) => match(`Unable to deliver the message ${i}`, i * 40));
      const next = await addToTab(5, 'https://h.example/t/5', many, NO_VERSIONS, true);
      expect(next.matches.length).toBeGreaterThan(0);
      const stored = await readTab(5);
      expect(stored!.matches.length).toBe(100);
      // Even a set that always fails leaves the scan answering, and the earlier summary in place.
      set.mockImplementation(async () => {
        throw new Error('quota');
      });
      await expect(
        addToTab(5, 'https://h.example/t/5', [match('5.1.1 User unknown', 90_000)], NO_VERSIONS, false),
      ).resolves.toBeTruthy();
      expect((await readTab(5))!.matches.length).toBe(100);
    } finally {
      set.mockRestore();
    }
  });
});
