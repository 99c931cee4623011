import { describe, expect, it } from 'vitest';
import source from '../../manifest.json' with { type: 'json' };
import { FIREFOX_MIN_VERSION, GECKO_ID, makeManifest, parseSites } from '../../build-config/manifest';

describe('parseSites (KBLENS_SITES)', () => {
  it('reads comma-separated match patterns', () => {
    expect(parseSites(' https://acme.zendesk.com/* ,http://127.0.0.1/*,')).toEqual([
      'https://acme.zendesk.com/*',
      'http://127.0.0.1/*',
    ]);
    expect(parseSites(undefined)).toEqual([]);
  });
  it('names a value that is not a match pattern', () => {
    expect(() => parseSites('acme.zendesk.com')).toThrow(/"acme.zendesk.com" is not a match pattern/);
  });
});

describe('makeManifest', () => {
  it('asks for no host access at install in the default build', () => {
    const m = makeManifest(source, { target: 'chrome', version: '1.2.3', sites: [] });
    expect(m.version).toBe('1.2.3');
    expect(m.host_permissions).toBeUndefined();
    expect(m.content_scripts).toBeUndefined();
    expect(m.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(m.permissions).not.toContain('tabs');
    expect(m.permissions).not.toContain('<all_urls>');
  });
  it('puts preset sites into host_permissions', () => {
    const m = makeManifest(source, { target: 'chrome', version: '1.0.0', sites: ['https://acme.zendesk.com/*'] });
    expect(m.host_permissions).toEqual(['https://acme.zendesk.com/*']);
  });
  it('gives Firefox an event page, a sidebar and gecko settings', () => {
    const m = makeManifest(source, { target: 'firefox', version: '1.0.0', sites: [] }) as Record<string, any>;
    expect(m.background).toEqual({ type: 'module', scripts: ['src/background/service-worker.ts'] });
    expect(m.side_panel).toBeUndefined();
    expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(m.permissions).not.toContain('sidePanel');
    expect(m.browser_specific_settings.gecko).toEqual({
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      data_collection_permissions: { required: ['none'] },
    });
  });
  it('leaves the source manifest untouched', () => {
    makeManifest(source, { target: 'firefox', version: '9.9.9', sites: ['http://x/*'] });
    expect(source.version).toBe('0.0.0');
    expect((source as Record<string, unknown>).host_permissions).toBeUndefined();
  });
});
