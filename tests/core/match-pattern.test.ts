import { describe, expect, it } from 'vitest';
import { globMatches, isSitePattern, matchesPattern, sitePatternFor } from '../../src/core/match-pattern';
import { growthRatio, LINEAR_RATIO_LIMIT } from '../helpers/growth';

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

describe('site patterns from policy, storage and imports', () => {
  it.each([
    ['https://acme.zendesk.com/*', true],
    ['*://*.service-now.com/*', true],
    ['http://127.0.0.1/*', true],
    ['http://localhost:8080/tickets/*', true],
    ['https://*/*', true],
    ['https://acme.zendesk.com', false], // no path
    ['https://ac*me.com/*', false], // a star inside the host
    ['ftp://files.example/*', false],
    ['javascript:alert(1)//*', false],
    ['https://a b.example/*', false],
    ['', false],
    [`https://x.example/${'a'.repeat(3000)}`, false],
  ])('%s: %s', (pattern, valid) => expect(isSitePattern(pattern)).toBe(valid));

  it('refuses non-strings', () => {
    for (const v of [null, 3, {}, ['https://x/*']]) expect(isSitePattern(v)).toBe(false);
  });

  it('matches stars without backtracking: time linear in the URL with many stars', () => {
    // A RegExp of ".*" pieces backtracked: cubic in the path for three stars, worse for more.
    const pattern = 'https://x.example/*a*a*a*b';
    const run = (path: string) => matchesPattern(`https://x.example/${path}`, pattern);
    expect(growthRatio(run, (n) => 'a'.repeat(n), 400)).toBeLessThan(LINEAR_RATIO_LIMIT);
    expect(
      matchesPattern('https://x.example/' + 'a'.repeat(50_000), 'https://x.example/' + '*a'.repeat(40) + '*b'),
    ).toBe(false);
  });

  it.each([
    ['abc', 'a*c', true],
    ['ac', 'a*c', true],
    ['a', 'a*a', false],
    ['aa', 'a*a', true],
    ['xaybzc', '*a*b*c', true],
    ['xacb', '*a*b*c', false],
    ['/ticket/42?x=1', '/ticket/*', true],
    ['abab', '*ab', true],
    ['abcabd', 'a*bd', true],
  ])('glob %s ~ %s: %s', (text, glob, expected) => expect(globMatches(glob, text)).toBe(expected));
});
