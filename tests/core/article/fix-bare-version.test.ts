/**
 * "This problem was corrected in version 3.2a" names only a version: its product is the one the
 * confirming sentence names, also when written version first. Articles written for the test.
 */
import { describe, expect, it } from 'vitest';
import { articleHeader, parseInline } from './fixture';

const mail = (q: string, status: string[]) =>
  parseInline(q, [
    ...articleHeader(
      q,
      'Microsoft Mail For PC Networks',
      'WINDOWS:3.2',
      'Microsoft Mail for PC Networks, version 3.2',
      '09-NOV-1999',
    ),
    'SYMPTOMS',
    '========',
    '',
    'The external program stops with a retry count error.',
    '',
    'STATUS',
    '======',
    '',
    ...status,
  ]);

describe('a version alone as the fixing release', () => {
  it('"corrected in version 3.2a" after "confirmed ... in version 3.2 of Microsoft Mail for PC Networks"', () => {
    const r = mail('Q399951', [
      'Microsoft has confirmed this to be a problem in version 3.2 of Microsoft Mail for PC',
      'Networks. This problem was corrected in version 3.2a.',
    ]);
    expect(r.fixKind).toBe('upgrade');
    expect(r.fixedIn).toBe('Mail for PC Networks 3.2a');
  });
  it('"corrected in version 4.01 (or greater) of the Gadget control" is another component\'s version', () => {
    const r = mail('Q399952', [
      'Microsoft has confirmed this to be a problem in version 3.2 of Microsoft Mail for PC',
      'Networks. This problem was corrected in version 4.01 (or greater) of the Gadget control.',
    ]);
    expect(r.fixedIn).toBeNull();
  });
  it('a version no later than the affected one is not a fix', () => {
    const r = mail('Q399953', [
      'Microsoft has confirmed this to be a problem in version 3.2 of Microsoft Mail for PC',
      'Networks. This problem was corrected in version 3.0.',
    ]);
    expect(r.fixedIn).toBeNull();
  });
  it('"The Gadget gateway problem was corrected in version 3.5" is another thing\'s fix', () => {
    const r = mail('Q399954', [
      'Microsoft has confirmed this to be a problem in version 3.2 of Microsoft Mail for PC',
      'Networks. The Gadget gateway problem was corrected in version 3.5.',
    ]);
    expect(r.fixedIn).toBeNull();
  });
  it('"It was corrected in version 3.5" is this problem\'s fix', () => {
    const r = mail('Q399955', [
      'Microsoft has confirmed this to be a problem in version 3.2 of Microsoft Mail for PC',
      'Networks. It was corrected in version 3.5.',
    ]);
    expect(r.fixedIn).toBe('Mail for PC Networks 3.5');
  });
});
