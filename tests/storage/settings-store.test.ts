import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { loadUserSettings, saveUserSettings, watchUserSettings } from '../../src/storage/settings-store';

// The key and the shape are what installed users already have in storage.sync: written literally here.
describe('settings store', () => {
  it('reads what earlier versions stored under "settings" in storage.sync', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...structuredClone(DEFAULT_SETTINGS), hoverDelayMs: 900 } });
    expect((await loadUserSettings()).hoverDelayMs).toBe(900);
  });

  it('gives the defaults when nothing is stored, and falls back key by key for bad values', async () => {
    expect(await loadUserSettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.sync.set({ settings: { hoverDelayMs: 'soon', kinds: { q: { enabled: false } } } });
    const s = await loadUserSettings();
    expect(s.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(s.kinds.q.enabled).toBe(false);
  });

  it('writes the whole settings object under the same key, and nothing else', async () => {
    const next = { ...structuredClone(DEFAULT_SETTINGS), hoverDelayMs: 450 };
    await saveUserSettings(next);
    expect(await fakeBrowser.storage.sync.get()).toEqual({ settings: next });
    expect(await fakeBrowser.storage.local.get()).toEqual({});
  });

  it('calls back for a change of the settings only, until unsubscribed', async () => {
    const onChange = vi.fn();
    const stop = watchUserSettings(onChange);
    await fakeBrowser.storage.sync.set({ other: 1 });
    await fakeBrowser.storage.local.set({ settings: {} });
    expect(onChange).not.toHaveBeenCalled();
    await saveUserSettings(structuredClone(DEFAULT_SETTINGS));
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
    await saveUserSettings({ ...structuredClone(DEFAULT_SETTINGS), hoverDelayMs: 500 });
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
