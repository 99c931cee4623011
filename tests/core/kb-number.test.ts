import { describe, expect, it } from 'vitest';
import { articleUrl, bucketOf, parseKbNumber, parseKbReference } from '../../src/core/kb-number';

describe('parseKbNumber', () => {
  it.each([
    ['Q227142', 'Q227142'],
    ['q227142', 'Q227142'],
    ['KB227142', 'Q227142'],
    ['kb 227142', 'Q227142'],
    ['KB 227142.', 'Q227142'],
    ['227142', 'Q227142'],
    ['MSKB 227142', 'Q227142'],
    ['Q227142:', 'Q227142'],
    ['support.microsoft.com/kb/227142', 'Q227142'],
    ['http://support.microsoft.com/kb/227142/en-us', 'Q227142'],
    ['https://support.microsoft.com/default.aspx?scid=kb;en-us;227142', 'Q227142'],
    ['Q10022', 'Q10022'],
    ['Q010022', 'Q10022'],
  ])('%s -> %s', (input, q) => {
    expect(parseKbNumber(input)).toBe(q);
  });

  it.each(['', 'hello', 'Q12', '5.5.2448.0', 'KB12345678', 'Q22714x'])('rejects %j', (input) => {
    expect(parseKbNumber(input)).toBeNull();
  });
});

describe('parseKbReference', () => {
  it.each([
    ['Q227142', 'Q227142'],
    ['227142', 'Q227142'],
    ['KB 227142', 'Q227142'],
    ['article 227142', 'Q227142'],
    ['Microsoft Knowledge Base article Q227142', 'Q227142'],
    ['(Q227142)', 'Q227142'],
    ['support.microsoft.com/kb/227142', 'Q227142'],
    ['https://support.microsoft.com/en-us/help/227142/', 'Q227142'],
    ['https://support.microsoft.com/?kbid=227142', 'Q227142'],
    ['http://support.microsoft.com/default.aspx?scid=kb;en-us;Q227142', 'Q227142'],
    ['http://support.microsoft.com/directory/article.asp?ID=KB;EN-US;Q227142', 'Q227142'],
    // The archive's own era: the number split as Q227 / 1 / 42, the folder Q89 for a five-digit one.
    ['support.microsoft.com/support/kb/articles/Q227/1/42.asp', 'Q227142'],
    ['http://support.microsoft.com/kb/q227142/', 'Q227142'],
    ['http://support.microsoft.com/default.aspx?scid=kb%3Ben-us%3B227142', 'Q227142'],
    ['http://support.microsoft.com/support/kb/articles/q89/5/67.ASP', 'Q89567'],
    ['http://support.microsoft.com/support/kb/articles/q227142.asp', 'Q227142'],
    [
      'http://support.microsoft.com/default.aspx?scid=http://support.microsoft.com:80/support/kb/articles/Q227/1/42.ASP&NoWebContent=1',
      'Q227142',
    ],
  ])('%s -> %s', (input, q) => {
    expect(parseKbReference(input)).toBe(q);
  });

  it.each([
    '',
    '5.5.2448.0',
    '4.0.1381.7097',
    'KB 5.5.2448.0',
    'support.microsoft.com/kb/',
    'KB article',
    'see Q227142 please',
    'Q227142 Q191014',
    '64 KB',
    'support.microsoft.com/support/kb/articles/Q227/1/4.asp',
  ])('rejects %j', (input) => {
    expect(parseKbReference(input)).toBeNull();
  });
});

describe('addresses', () => {
  it('buckets by the first three digits of the six-digit number', () => {
    expect(bucketOf('Q10022')).toBe('010');
    expect(bucketOf('Q227142')).toBe('227');
    expect(articleUrl('Q227142')).toBe('https://jeffpar.github.io/kbarchive/kb/227/Q227142/');
  });
});
