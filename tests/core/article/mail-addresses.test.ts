import { describe, expect, it } from 'vitest';
import { mailAddressRe } from '../../../src/core/article/mail-addresses';

const found = (text: string) => [...text.matchAll(mailAddressRe())].map((m) => m[0]);

describe('mail addresses an Exchange or MS Mail event prints', () => {
  it('finds an X.400 MTS-ID, an X.500 DN and an MS Mail address, each whole', () => {
    expect(found('Message C=US;A= ;P=CONTOSO;L=MAILSRV-990805135302Z-7. was rejected')).toEqual([
      'C=US;A= ;P=CONTOSO;L=MAILSRV-990805135302Z-7',
    ]);
    expect(found('for DN:/o=Contoso/ou=Site/cn=Recipients/cn=ann, retrying')).toEqual([
      '/o=Contoso/ou=Site/cn=Recipients/cn=ann',
    ]);
    expect(found('to MS:CONTOSO/PO1/ANNB.')).toEqual(['MS:CONTOSO/PO1/ANNB']);
  });

  it('leaves assignments, paths and prose alone', () => {
    expect(found('Set C=1 and x = f(2); see /opt/o=1 and AMS:X/Y/Z')).toEqual([]);
  });

  it('gives each caller its own expression, so one scan does not move another one', () => {
    const a = mailAddressRe();
    a.exec('C=US;A= ;P=X;L=Y-1 and more');
    expect(a.lastIndex).toBeGreaterThan(0);
    expect(mailAddressRe().lastIndex).toBe(0);
  });
});
