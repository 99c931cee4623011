import { describe, expect, it } from 'vitest';
import { articleUrl, bucketOf, parseKbNumber } from '../../src/core/kb-number';

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

describe('addresses', () => {
  it('buckets by the first three digits of the six-digit number', () => {
    expect(bucketOf('Q10022')).toBe('010');
    expect(bucketOf('Q227142')).toBe('227');
    expect(articleUrl('Q227142')).toBe('https://jeffpar.github.io/kbarchive/kb/227/Q227142/');
  });
});
