import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { NO_POLICY } from '../../src/core/policy';
import { loadManagedSites, loadPolicy, watchPolicy } from '../../src/storage/policy-store';

describe('policy store', () => {
  it("reads the admin's managed storage: sites, settings, lock", async () => {
    await fakeBrowser.storage.managed.set({
      sites: ['https://policy.example.com/*'],
      settings: { hoverDelayMs: 800 },
      lockSettings: true,
    });
    const p = await loadPolicy();
    expect(p.sites).toEqual(['https://policy.example.com/*']);
    expect(p.settings).toEqual({ hoverDelayMs: 800 });
    expect(p.lockSettings).toBe(true);
  });

  it('means no policy where the managed store is empty or missing', async () => {
    expect(await loadPolicy()).toEqual(NO_POLICY);
    const managed = fakeBrowser.storage.managed;
    vi.spyOn(managed, 'get').mockRejectedValueOnce(new Error('Managed storage manifest not found'));
    expect(await loadPolicy()).toEqual(NO_POLICY);
    expect(await loadManagedSites()).toEqual([]);
  });

  it('leaves out a managed site the browser would refuse, keeping the others', async () => {
    await fakeBrowser.storage.managed.set({
      sites: ['https://a.example/*', 'https://b*d.example/*', 7, 'https://c.example/*'],
    });
    expect(await loadManagedSites()).toEqual(['https://a.example/*', 'https://c.example/*']);
  });

  it('calls back for any managed change, or with sitesOnly for the site list only', async () => {
    const any = vi.fn();
    const sites = vi.fn();
    const stopAny = watchPolicy(any);
    const stopSites = watchPolicy(sites, { sitesOnly: true });
    await fakeBrowser.storage.managed.set({ lockSettings: true });
    expect(any).toHaveBeenCalledTimes(1);
    expect(sites).not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({ sites: ['https://a.example/*'] });
    expect(sites).not.toHaveBeenCalled();
    await fakeBrowser.storage.managed.set({ sites: ['https://a.example/*'] });
    expect(sites).toHaveBeenCalledTimes(1);
    stopAny();
    stopSites();
    await fakeBrowser.storage.managed.set({ sites: [] });
    expect(any).toHaveBeenCalledTimes(2);
    expect(sites).toHaveBeenCalledTimes(1);
  });
});
