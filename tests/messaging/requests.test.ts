import { describe, expect, expectTypeOf, it } from 'vitest';
import { REQUESTS, requestError, type Request, type RequestType, type ResponseMap } from '../../src/messaging/protocol';
import type { ArticlesAnswer } from '../../src/messaging/protocol';

/**
 * One valid and one malformed example of every request kind. Typed by RequestType, so a kind
 * added to the table without examples here fails the typecheck.
 */
const EXAMPLES: { [K in RequestType]: { valid: Extract<Request, { type: K }>; bad: unknown; error: string } } = {
  scan: {
    valid: { type: 'scan', text: 'Q227142', reset: true },
    bad: { type: 'scan', text: 42 },
    error: 'scan: text must be a string, got a number',
  },
  probe: {
    valid: { type: 'probe', text: 'Q227142' },
    bad: { type: 'probe' },
    error: 'probe: text is missing (a string)',
  },
  articles: {
    valid: { type: 'articles', qs: ['Q227142', 'Q191014'], tabId: 3, related: 7 },
    bad: { type: 'articles', qs: ['Q227142', 191014] },
    error: 'articles: qs[1] must be a string, got a number',
  },
  search: {
    valid: { type: 'search', query: 'store.exe', limit: 25 },
    bad: { type: 'search', query: 'x', limit: '25' },
    error: 'search: limit must be a number, got a string',
  },
  'tab-summary': {
    valid: { type: 'tab-summary', tabId: 7 },
    bad: { type: 'tab-summary', tabId: Number.NaN },
    error: 'tab-summary: tabId must be a number, got NaN',
  },
  'site-state': {
    valid: { type: 'site-state', url: 'https://desk.example/t/1' },
    bad: { type: 'site-state', url: null },
    error: 'site-state: url must be a string, got null',
  },
  'site-enable': {
    valid: { type: 'site-enable', pattern: 'https://desk.example/*' },
    bad: { type: 'site-enable', pattern: ['https://desk.example/*'] },
    error: 'site-enable: pattern must be a string, got an array',
  },
  'site-disable': {
    valid: { type: 'site-disable', pattern: 'https://desk.example/*' },
    bad: { type: 'site-disable' },
    error: 'site-disable: pattern is missing (a string)',
  },
  'scan-once': {
    valid: { type: 'scan-once', tabId: 7 },
    bad: { type: 'scan-once', tabId: '7' },
    error: 'scan-once: tabId must be a number, got a string',
  },
  'index-status': {
    valid: { type: 'index-status' },
    bad: { type: 'index-status', ready: true },
    error: 'index-status: ready is not a field of this message',
  },
  'load-lens': {
    valid: { type: 'load-lens' },
    bad: { type: 'load-lens', tabId: 4 },
    error: 'load-lens: tabId is not a field of this message',
  },
};

describe('the request table', () => {
  it('has examples for every kind it defines', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(REQUESTS).sort());
  });

  for (const [kind, { valid, bad, error }] of Object.entries(EXAMPLES)) {
    it(`${kind}: accepts a valid request and names the field of a malformed one`, () => {
      expect(requestError(valid)).toBeNull();
      expect(requestError(bad)).toBe(error);
    });
  }

  it('accepts optional fields that are absent or undefined (a structured clone keeps undefined)', () => {
    expect(requestError({ type: 'articles', qs: [] })).toBeNull();
    expect(requestError({ type: 'articles', qs: ['Q1'], tabId: undefined, related: undefined })).toBeNull();
    expect(requestError({ type: 'scan', text: '', reset: undefined })).toBeNull();
  });

  it('refuses what is not a request of a known kind, saying so', () => {
    expect(requestError(null)).toBe('not a request: the message is not an object');
    expect(requestError('scan')).toBe('not a request: the message is not an object');
    expect(requestError([{ type: 'scan', text: '' }])).toBe('not a request: the message is not an object');
    expect(requestError({ text: 'Q227142' })).toBe('unknown request kind undefined');
    expect(requestError({ type: 'rescan' })).toBe('unknown request kind "rescan"');
    // Names on every object's prototype are not request kinds.
    expect(requestError({ type: 'toString' })).toBe('unknown request kind "toString"');
    expect(requestError({ type: '__proto__' })).toBe('unknown request kind "__proto__"');
  });

  it('checks nested values and refuses an object where a list is expected', () => {
    expect(requestError({ type: 'articles', qs: { 0: 'Q1', length: 1 } })).toBe(
      'articles: qs must be an array of strings, got an object',
    );
    expect(requestError({ type: 'articles', qs: 'Q227142' })).toBe(
      'articles: qs must be an array of strings, got a string',
    );
    expect(requestError({ type: 'search', query: 'x', limit: Infinity })).toBe(
      'search: limit must be a number, got Infinity',
    );
  });

  it('derives the request and answer types from the same rows', () => {
    expectTypeOf<Extract<Request, { type: 'articles' }>>().toEqualTypeOf<{
      type: 'articles';
      qs: string[];
      tabId?: number | undefined;
      related?: number | undefined;
    }>();
    expectTypeOf<Extract<Request, { type: 'index-status' }>>().toEqualTypeOf<{ type: 'index-status' }>();
    expectTypeOf<ResponseMap['articles']>().toEqualTypeOf<ArticlesAnswer>();
    expectTypeOf<ResponseMap['probe']>().toEqualTypeOf<{ found: boolean }>();
  });
});
