import { describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { loadSettings } from '../../src/content/settings-live';

describe('loadSettings', () => {
  it("applies the admin's policy over the agent's settings, key by key", async () => {
    await fakeBrowser.storage.sync.set({
      settings: { hoverDelayMs: 900, kinds: { q: { enabled: false, color: '#000000' } } },
    });
    await fakeBrowser.storage.managed.set({ settings: { kinds: { q: { enabled: true } } } });
    const s = await loadSettings();
    expect(s.kinds.q.enabled).toBe(true); // the policy wins
    expect(s.kinds.q.color).toBe('#000000'); // the agent's, where the policy is silent
    expect(s.hoverDelayMs).toBe(900);
  });

  it('falls back to defaults key by key for bad stored values', async () => {
    await fakeBrowser.storage.sync.set({ settings: { hoverDelayMs: 'soon' } });
    expect((await loadSettings()).hoverDelayMs).toBe(300);
  });
});
