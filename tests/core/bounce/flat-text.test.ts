import { describe, expect, it } from 'vitest';
import { findBounces } from '../../../src/core/bounce';
import { flatten, foldWidth } from '../../../src/core/bounce/flat-text';

/** Cut every line at `width` characters, inside words, as some ticket tools do. */
const hardFold = (t: string, width: number) =>
  t
    .split('\n')
    .map((l) => l.match(new RegExp(`.{1,${width}}`, 'g'))?.join('\n') ?? '')
    .join('\n');

const POSTFIX_LOG =
  'Jun 12 04:10:51 gw1 postfix/smtp[8812]: 1C2D3E4F5A: to=<reservations@lakeside-lodge.example>, relay=mx.lakeside-lodge.example[192.0.2.19]:25, delay=1.2, dsn=5.2.2, status=bounced (host mx.lakeside-lodge.example[192.0.2.19] said: 552 5.2.2 Mailbox quota exceeded for this user (in reply to RCPT TO command))';

describe('a text cut into lines at a fixed width, inside words', () => {
  it('is read with the cuts joined: an address cut in two is whole again', () => {
    const text = `From our relay log:\n\n${hardFold(POSTFIX_LOG, 72)}\n\nThanks`;
    expect(foldWidth(text)).toBe(72);
    const bounces = findBounces(text);
    expect(bounces.flatMap((b) => b.recipients.map((r) => [r.address, r.reason, r.status]))).toEqual([
      ['reservations@lakeside-lodge.example', 'mailboxfull', '5.2.2'],
    ]);
  });
  it('joins a cut inside a word without a space, keeps the space a cut fell on, and maps back', () => {
    const inWord = 'a'.repeat(60) + ' said: 550 5.1.1 ' + 'b'.repeat(60) + ' end';
    const onSpace = 'c'.repeat(64) + ' next';
    // "Log:" then "from ...": a short line the next word would have fitted on, so no wrap at word ends.
    const text = `Log:\nfrom the relay\n\n${hardFold(inWord, 64)}\n\n${hardFold(onSpace, 64)}`;
    expect(foldWidth(text)).toBe(64);
    const flat = flatten(text);
    expect(flat.text).toBe(`Log: from the relay\n${inWord}\n${onSpace}`);
    const at = flat.text.indexOf('d: 550');
    expect(text.slice(flat.origin[at]!, flat.origin[at]! + 6)).toBe('d: 550');
  });
  it('is not a text wrapped at word ends: its words keep their spaces', () => {
    const words = 'the quick brown fox jumps over the lazy dog while the mail server keeps retrying'.split(' ');
    const lines: string[] = [];
    let l = '';
    for (let i = 0; i < 40; i++) {
      const w = words[i % words.length]!;
      if (l && l.length + 1 + w.length > 60) {
        lines.push(l);
        l = w;
      } else l = l ? `${l} ${w}` : w;
    }
    lines.push(l);
    const text = lines.join('\n');
    expect(foldWidth(text)).toBe(0);
    expect(flatten(text).text).toBe(lines.join(' '));
  });
  it('is not a short text wrapped at word ends whose few lines happen to have one width', () => {
    const line = `${'x'.repeat(30)} ${'y'.repeat(33)}`;
    expect(foldWidth([line, line, line, 'end.'].join('\n'))).toBe(0);
  });
  it('is not a table whose padded rows share one width', () => {
    const row = (a: string, b: string) => `${a.padEnd(30)}${b.padEnd(40)}`.trimEnd().padEnd(70, '.');
    const text = [row('FAIL', 'SMTP'), row('DELIVER', 'STOREDRIVER'), row('RECEIVE', 'SMTP')].join('\n');
    expect(foldWidth(text)).toBe(0);
  });
});

describe('base64 pasted with a report', () => {
  // 76-column lines of base64, as MIME encoders cut them.
  const block = Array.from({ length: 40 }, (_, i) =>
    Buffer.from(`line ${i} of an attached spreadsheet, padded out to fill the row`).toString('base64').slice(0, 76),
  );
  it('is no folding: its lines of one width do not make the text look cut', () => {
    expect(block.every((l) => l.length === 76)).toBe(true);
    expect(foldWidth(block.join('\n'))).toBe(0);
    const ticket = ['The user forwarded the bounce with its attachment:', '', ...block, '', 'Thanks, Priya'];
    expect(foldWidth(ticket.join('\n'))).toBe(0);
  });
  it('does not hide a real fold elsewhere in the text', () => {
    const cut = 'Delivery has failed to these recipients or groups: bob@fabrikam.example The e-mail addr'.slice(0, 72);
    const text = [cut, cut, cut, cut, 'end.', '', ...block].join('\n');
    expect(foldWidth(text)).toBe(72);
  });
});
