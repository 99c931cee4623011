import { describe, expect, it } from 'vitest';
import { matchesPattern, sitePatternFor } from '../../src/core/match-pattern';

describe('sitePatternFor', () => {
  it('covers the whole site, any port', () => {
    expect(sitePatternFor('https://acme.zendesk.com/agent/tickets/42')).toBe('https://acme.zendesk.com/*');
    expect(sitePatternFor('http://127.0.0.1:8123/ticket.html')).toBe('http://127.0.0.1/*');
  });
  it('refuses pages an extension cannot run on', () => {
    expect(sitePatternFor('chrome://extensions')).toBeNull();
    expect(sitePatternFor('about:blank')).toBeNull();
    expect(sitePatternFor('not a url')).toBeNull();
  });
});

describe('matchesPattern', () => {
  it.each([
    ['https://acme.zendesk.com/agent/tickets/1', 'https://acme.zendesk.com/*', true],
    ['https://acme.zendesk.com/agent/tickets/1', 'https://*.zendesk.com/*', true],
    ['https://zendesk.com/', 'https://*.zendesk.com/*', true],
    ['https://evilzendesk.com/', 'https://*.zendesk.com/*', false],
    ['http://acme.zendesk.com/', 'https://acme.zendesk.com/*', false],
    ['http://acme.zendesk.com/', '*://acme.zendesk.com/*', true],
    ['http://127.0.0.1:9000/t?id=1', 'http://127.0.0.1/*', true],
    ['https://x.example/a/b', 'https://x.example/a/*', true],
    ['https://x.example/c', 'https://x.example/a/*', false],
    ['https://x.example/', '<all_urls>', true],
    ['chrome://settings', '<all_urls>', false],
  ])('%s under %s: %s', (url, pattern, expected) => {
    expect(matchesPattern(url, pattern)).toBe(expected);
  });
});
