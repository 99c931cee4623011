import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { activeSites, enableSite } from '../../src/background/sites';

vi.mock('../../src/background/content-script-file', () => ({
  CONTENT_SCRIPT_FILE: 'c.js',
  HIGHLIGHT_CSS_FILE: 'h.css',
  LENS_SCRIPT_FILE: 'l.js',
}));

describe('site patterns in the background', () => {
  it('one bad stored pattern takes no other site down', async () => {
    await fakeBrowser.storage.local.set({
      sites: ['https://a.example/*', 'https://b*d.example/*', 42, 'https://c.example/*', 'https://d.example/*'],
    });
    // The browser throws on a pattern it does not accept, as Chrome does for an invalid one.
    const contains = vi.fn(async ({ origins }: { origins: string[] }) => {
      if (origins[0] === 'https://d.example/*') throw new Error('Invalid value for origin pattern');
      return true;
    });
    (fakeBrowser as unknown as { permissions: unknown }).permissions = { contains };
    const sites = await activeSites();
    expect(sites.map((s) => s.pattern)).toEqual(['https://a.example/*', 'https://c.example/*']);
    expect(contains).not.toHaveBeenCalledWith({ origins: ['https://b*d.example/*'] });
  });

  it('refuses to turn on an invalid pattern', async () => {
    await expect(enableSite('https://b*d.example/*')).rejects.toThrow(/not a site match pattern/);
    expect((await fakeBrowser.storage.local.get('sites')).sites).toBeUndefined();
  });
});
