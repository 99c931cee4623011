import { describe, expect, it } from 'vitest';
import { toPattern } from '../../src/options/SitesSection';
import { exportJson, readSettingsFile } from '../../src/options/TransferSection';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

describe('toPattern', () => {
  it('takes patterns as they are, and turns addresses and hosts into their site', () => {
    expect(toPattern('https://*.zendesk.com/*')).toBe('https://*.zendesk.com/*');
    expect(toPattern('https://acme.zendesk.com/agent/*')).toBe('https://acme.zendesk.com/agent/*');
    expect(toPattern(' https://acme.zendesk.com/agent/tickets/42 ')).toBe('https://acme.zendesk.com/*');
    expect(toPattern('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1/*');
    expect(toPattern('helpdesk.example.com')).toBe('https://helpdesk.example.com/*');
    expect(toPattern('not a site')).toBeNull();
    expect(toPattern('ftp://files.example.com/x')).toBeNull();
    expect(toPattern('')).toBeNull();
  });
});

describe('settings files', () => {
  it('round-trips an export', () => {
    const settings = { ...DEFAULT_SETTINGS, hoverDelayMs: 42 };
    const { patch, problems } = readSettingsFile(exportJson(settings));
    expect(problems).toEqual([]);
    expect(patch.hoverDelayMs).toBe(42);
    expect(Object.keys(patch)).toHaveLength(9);
  });

  it('accepts a bare settings object and reports bad keys by path', () => {
    const { patch, problems } = readSettingsFile('{"hoverDelayMs": 99999, "kinds": {"q": {"color": "#abcdef"}}}');
    expect(patch).toEqual({ 'kinds.q.color': '#abcdef' });
    expect(problems.map((p) => p.path)).toEqual(['hoverDelayMs']);
    expect(readSettingsFile('[]').problems[0]!.path).toBe('');
  });
});
