import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeWords, quotedPrintableBytes, readMail } from '../../../src/core/inputs/mime';

const bounce = readFileSync(new URL('../../fixtures/mail/bounce-exchange55.eml', import.meta.url), 'utf8');

describe('readMail', () => {
  it('decodes a multipart bounce: base64 report, delivery status and the attached original', () => {
    const mail = readMail(bounce);
    expect(mail.subject).toBe('Undeliverable: Quarterly figures');
    expect(mail.text).toContain('Unable to deliver the message due to a communications failure.');
    expect(mail.text).toContain('MSEXCH:IMS:Contoso:HQ:EXCH01 0 (000C05A6) Unknown Recipient');
    expect(mail.text).toContain('Status: 5.4.0');
    // The original, quoted-printable HTML: text only, script dropped, soft breaks joined.
    expect(mail.text).toContain('the figures are attached – see you on Monday.');
    expect(mail.text).not.toContain('alert(1)');
    expect(mail.problems).toEqual([]);
  });

  it('reads CRLF messages and single-part plain text', () => {
    const mail = readMail('Subject: hello\r\nContent-Type: text/plain\r\n\r\nThe recipient name is not recognized\r\n');
    expect(mail.subject).toBe('hello');
    expect(mail.text).toBe('The recipient name is not recognized');
  });

  it('names what it could not decode and reads the rest', () => {
    const mail = readMail(
      [
        'Content-Type: multipart/mixed; boundary=XX',
        '',
        '--XX',
        'Content-Type: text/plain; charset=klingon',
        'Content-Transfer-Encoding: base64',
        '',
        'aGVsbG8=',
        '--XX',
        'Content-Type: text/plain',
        'Content-Transfer-Encoding: x-uuencode',
        '',
        'raw body',
        '--XX--',
      ].join('\n'),
    );
    expect(mail.text).toContain('hello');
    expect(mail.text).toContain('raw body');
    expect(mail.problems.join('\n')).toMatch(/unknown charset "klingon"/);
    expect(mail.problems.join('\n')).toMatch(/unknown transfer encoding "x-uuencode"/);
  });

  it('stops at a nesting bomb instead of recursing forever', () => {
    let msg = 'Content-Type: text/plain\n\nbottom';
    for (let i = 0; i < 20; i++) msg = `Content-Type: message/rfc822\n\n${msg}`;
    const mail = readMail(msg);
    expect(mail.problems.join('\n')).toMatch(/nested deeper than/);
  });

  it('decodes RFC 2047 words', () => {
    expect(decodeWords('=?utf-8?B?VW5kZWxpdmVyYWJsZQ==?=: x')).toBe('Undeliverable: x');
  });
});

describe('quoted-printable', () => {
  it('keeps a raw character beyond U+FFFF whole (by code point, not UTF-16 unit)', () => {
    const mail = readMail(
      'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nServer \u{1F4E7} said: 5.1.1 User unknown =E2=80=94 see Q227142\n',
    );
    expect(mail.text).toContain('Server \u{1F4E7} said: 5.1.1 User unknown \u2014 see Q227142');
    expect(mail.text).not.toContain('\ufffd');
  });
  it('decodes escapes and soft breaks, leaving a bad escape as text', () => {
    expect(new TextDecoder().decode(quotedPrintableBytes('caf=C3=A9 =\nok =ZZ =4'))).toBe('café ok =ZZ =4');
  });
});
