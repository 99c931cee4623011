import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { readTab, removeTab, watchTab, writeTab, type TabMatches } from '../../src/storage/tab-store';

const state = (url: string): TabMatches => ({
  url,
  matches: [],
  ticket: { products: [], files: [] },
  words: ['exchange'],
});

// One key per tab, "tab:<id>" in storage.session: the popup of an older build watches the same key.
describe('tab store', () => {
  it('writes each tab under its own session key and reads it back', async () => {
    await writeTab(4, state('https://h.example/t/4'));
    await writeTab(5, state('https://h.example/t/5'));
    expect(Object.keys(await fakeBrowser.storage.session.get()).sort()).toEqual(['tab:4', 'tab:5']);
    expect(await readTab(4)).toEqual(state('https://h.example/t/4'));
    expect(await readTab(6)).toBeNull();
  });

  it('reads state saved by an older version, without context words', async () => {
    await fakeBrowser.storage.session.set({
      'tab:7': { url: 'https://h.example/t/7', matches: [], ticket: { products: [], files: [] } },
    });
    const tab = await readTab(7);
    expect(tab?.url).toBe('https://h.example/t/7');
    expect(tab?.words).toBeUndefined();
  });

  it('removes one tab and keeps the others', async () => {
    await writeTab(1, state('https://h.example/t/1'));
    await writeTab(2, state('https://h.example/t/2'));
    await removeTab(1);
    expect(await readTab(1)).toBeNull();
    expect(await readTab(2)).not.toBeNull();
  });

  it("calls back for its own tab's writes and removal only", async () => {
    const onChange = vi.fn();
    const stop = watchTab(3, onChange);
    await writeTab(30, state('https://h.example/t/30'));
    expect(onChange).not.toHaveBeenCalled();
    await writeTab(3, state('https://h.example/t/3'));
    await removeTab(3);
    expect(onChange).toHaveBeenCalledTimes(2);
    stop();
    await writeTab(3, state('https://h.example/t/3'));
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('passes on a refusal from the session store (quota), for the caller to fall back', async () => {
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(writeTab(8, state('https://h.example/t/8'))).rejects.toThrow(/quota/);
  });
});
