import { describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { addUserSite, loadUserSites, removeUserSite } from '../../src/storage/sites-store';

// "sites" in storage.local, a sorted array of match patterns: what installed users already have.
describe('sites store', () => {
  it('reads the stored list, leaving out what the browser would refuse', async () => {
    await fakeBrowser.storage.local.set({
      sites: ['https://a.example/*', 'https://b*d.example/*', 42, 'https://c.example/*'],
    });
    expect(await loadUserSites()).toEqual(['https://a.example/*', 'https://c.example/*']);
  });

  it('reads nothing from a missing or malformed value', async () => {
    expect(await loadUserSites()).toEqual([]);
    await fakeBrowser.storage.local.set({ sites: 'https://a.example/*' });
    expect(await loadUserSites()).toEqual([]);
  });

  it('adds a site once, keeping the list sorted', async () => {
    await addUserSite('https://z.example/*');
    await addUserSite('https://a.example/*');
    await addUserSite('https://z.example/*');
    expect(await fakeBrowser.storage.local.get()).toEqual({ sites: ['https://a.example/*', 'https://z.example/*'] });
  });

  it('removes a site and leaves the others', async () => {
    await fakeBrowser.storage.local.set({ sites: ['https://a.example/*', 'https://b.example/*'] });
    await removeUserSite('https://a.example/*');
    expect((await fakeBrowser.storage.local.get('sites')).sites).toEqual(['https://b.example/*']);
    await removeUserSite('https://nope.example/*');
    expect((await fakeBrowser.storage.local.get('sites')).sites).toEqual(['https://b.example/*']);
  });
});
