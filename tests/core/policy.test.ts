import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { applyPatch, effectiveSettings, readPolicy, readSettingsPatch } from '../../src/core/policy';

const user: Settings = {
  kinds: {
    q: { enabled: false, color: '#111111' },
    ndr: { enabled: true, color: '#222222' },
    error: { enabled: true, color: '#333333' },
    build: { enabled: true, color: '#444444' },
  },
  hoverDelayMs: 900,
};

describe('readSettingsPatch', () => {
  it('keeps only the keys the input sets, validated', () => {
    const { patch, problems } = readSettingsPatch({ kinds: { ndr: { color: '#ABCDEF' } }, hoverDelayMs: 50 });
    expect(patch).toEqual({ 'kinds.ndr.color': '#abcdef', hoverDelayMs: 50 });
    expect(problems).toEqual([]);
  });

  it('reports every bad and unknown key by path and keeps the good ones', () => {
    const { patch, problems } = readSettingsPatch({
      kinds: { q: { enabled: 'yes', color: '#000000' }, ndr: 'red', event: {}, error: { colour: '#fff' } },
      hoverDelayMs: -5,
      theme: 'dark',
    });
    expect(patch).toEqual({ 'kinds.q.color': '#000000' });
    expect(problems.map((p) => p.path).sort()).toEqual(
      ['hoverDelayMs', 'kinds.error.colour', 'kinds.event', 'kinds.ndr', 'kinds.q.enabled', 'theme'].sort(),
    );
  });

  it('rejects a non-object as a whole', () => {
    const { patch, problems } = readSettingsPatch([1, 2]);
    expect(patch).toEqual({});
    expect(problems).toEqual([{ path: '', message: 'settings must be an object' }]);
  });
});

describe('policy', () => {
  it('wins key by key and locks exactly the keys it sets', () => {
    const policy = readPolicy({ settings: { kinds: { q: { enabled: true } }, hoverDelayMs: 0 } });
    const { settings, locked } = effectiveSettings(user, policy);
    expect(settings.kinds.q).toEqual({ enabled: true, color: '#111111' });
    expect(settings.kinds.ndr).toEqual(user.kinds.ndr);
    expect(settings.hoverDelayMs).toBe(0);
    expect(locked.sort()).toEqual(['hoverDelayMs', 'kinds.q.enabled']);
  });

  it('with lockSettings locks every key, unset ones at their default', () => {
    const policy = readPolicy({ lockSettings: true, settings: { hoverDelayMs: 700 } });
    const { settings, locked } = effectiveSettings(user, policy);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 700 });
    expect(locked).toHaveLength(9);
  });

  it('ignores bad policy values (reporting them) and leaves the user value unlocked', () => {
    const policy = readPolicy({ sites: 'https://x/*', settings: { hoverDelayMs: 'fast' }, lockSettings: 'yes' });
    expect(policy.problems.map((p) => p.path).sort()).toEqual(['lockSettings', 'settings.hoverDelayMs', 'sites']);
    const { settings, locked } = effectiveSettings(user, policy);
    expect(settings).toEqual(user);
    expect(locked).toEqual([]);
  });

  it('reads the sites list and treats no policy as none', () => {
    expect(readPolicy({ sites: ['https://acme.zendesk.com/*', 3] }).sites).toEqual(['https://acme.zendesk.com/*']);
    // Each bad pattern is reported by its place and dropped alone.
    const mixed = readPolicy({
      sites: ['https://a.example/*', 'https://b*d.example/*', 'no pattern', 'https://c.example/*'],
    });
    expect(mixed.sites).toEqual(['https://a.example/*', 'https://c.example/*']);
    expect(mixed.problems.map((p) => p.path)).toEqual(['sites[1]', 'sites[2]']);
    expect(effectiveSettings(user, readPolicy(undefined))).toEqual({ settings: user, locked: [] });
  });

  it('applyPatch does not change its input', () => {
    const copy = structuredClone(user);
    applyPatch(user, { hoverDelayMs: 1 });
    expect(user).toEqual(copy);
  });
});
