import { describe, expect, it, vi } from 'vitest';
import { addBounceMatches, findBounces, tagBounceMatches } from '../../../src/core/bounce';
import type { Match } from '../../../src/core/match';
import { fixture } from './fixtures';

const code = (text: string, needle: string, over: Partial<Match> = {}): Match => {
  const start = text.indexOf(needle);
  return {
    kind: 'ndr',
    text: needle,
    start,
    end: start + needle.length,
    value: needle,
    articles: [],
    source: 'code',
    weight: 0.3,
    ...over,
  };
};

/** A DSN (RFC 3464) for `n` recipients all refused with 5.1.1: a human part, then one block per recipient. */
function bigDsn(n: number, pasted = 0): string {
  const rs = Array.from({ length: n }, (_, i) => `user${i}@gone${i % 7}.example.org`);
  const human = rs.map((r) => `<${r}>: host mx.example.org said: 550 5.1.1 User unknown`).join('\n');
  const machine = rs
    .map(
      (r) =>
        `Final-Recipient: rfc822; ${r}\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown`,
    )
    .join('\n\n');
  return [
    'From: MAILER-DAEMON@mx.example.com',
    'Subject: Undelivered Mail Returned to Sender',
    '',
    'This is the mail system at host mx.example.com.',
    'Your message could not be delivered to one or more recipients.',
    '',
    human,
    Array.from({ length: pasted }, () => '5.1.1').join(' '),
    '',
    'Reporting-MTA: dns; mx.example.com',
    '',
    machine,
  ].join('\n');
}

describe('addBounceMatches', () => {
  it('gives each of 300 recipients sharing one code its own match, with work that grows about linearly', () => {
    const text = bigDsn(300, 500);
    const bounces = findBounces(text);
    const recipients = bounces.flatMap((b) => b.recipients);
    expect(recipients.length).toBeGreaterThanOrEqual(300);
    // The work that made this cubic: lowercasing and searching the bounce text per try and per recipient.
    const lower = vi.spyOn(String.prototype, 'toLowerCase');
    const last = vi.spyOn(String.prototype, 'lastIndexOf');
    const slice = vi.spyOn(String.prototype, 'slice');
    let out: Match[];
    try {
      out = addBounceMatches(text, [], bounces);
    } finally {
      lower.mockRestore();
      last.mockRestore();
      slice.mockRestore();
    }
    const calls = { lower: lower.mock.calls.length, last: last.mock.calls.length, slice: slice.mock.calls.length };
    expect(calls.lower).toBeLessThanOrEqual(recipients.length + 2 * bounces.length);
    expect(calls.last).toBe(0);
    expect(calls.slice).toBeLessThanOrEqual(4 * bounces.length);
    expect(out).toHaveLength(recipients.length);
    const tagged = tagBounceMatches(text, out, bounces);
    for (const b of bounces) {
      const inB = tagged.filter((m) => m.start >= b.start && m.start < b.end);
      expect(new Set(inB.map((m) => m.recipient)).size).toBe(b.recipients.length);
    }
  });

  it('reads a report of thousands of recipients sharing one reply with work linear in its size (characters searched, counted)', () => {
    // Where each recipient is named was found by searching the whole report once per recipient, and
    // the recipients whose reply holds a match's words were looked up per match: both grew with the
    // square of the recipients (an export of 12,000 DSN blocks took 13 s; no timed assertion here).
    const work = (n: number) => {
      const text = bigDsn(n);
      const bounces = findBounces(text);
      // The scanner's matches on the repeated reply: one per block, whose value is its sentence.
      const matches: Match[] = [];
      for (let at = text.indexOf('User unknown'); at >= 0; at = text.indexOf('User unknown', at + 1))
        matches.push(code(text.slice(at), 'User unknown', { start: at, end: at + 12, value: 'User unknown' }));
      const indexOf = vi.spyOn(String.prototype, 'indexOf');
      const includes = vi.spyOn(String.prototype, 'includes');
      let searched = 0;
      try {
        const out = addBounceMatches(text, matches, bounces);
        tagBounceMatches(text, out, bounces);
        // A search reads from its start to where it finds the needle, or to the end.
        indexOf.mock.contexts.forEach((hay, i) => {
          const from = Math.max(0, Number(indexOf.mock.calls[i]![1] ?? 0));
          const found = indexOf.mock.results[i]!.value as number;
          searched += (found >= 0 ? found + String(indexOf.mock.calls[i]![0]).length : String(hay).length) - from;
        });
        includes.mock.contexts.forEach((hay) => (searched += String(hay).length));
      } finally {
        indexOf.mockRestore();
        includes.mockRestore();
      }
      return { searched, size: text.length, recipients: bounces.flatMap((b) => b.recipients).length };
    };
    const small = work(100);
    const large = work(400);
    expect(large.recipients).toBeGreaterThanOrEqual(400);
    // Four times the report, about four times the characters searched: not sixteen.
    expect(large.searched / small.searched).toBeLessThan(6);
  });

  it('gives a bounce the scanner found nothing in one NDR match: its status code', () => {
    const text = `Ticket 12\n\n${fixture('exchange2016-banned-ip.txt')}`;
    const bounces = findBounces(text);
    const out = addBounceMatches(text, [], bounces);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'ndr', text: '5.7.606', value: '5.7.606', articles: [], source: 'code' });
    expect(text.slice(out[0]!.start, out[0]!.end)).toBe('5.7.606');
  });

  it('falls back to the diagnostic, then the address, where the code is covered by another match', () => {
    const text = fixture('domino-full.txt');
    const bounces = findBounces(text);
    const diag = bounces[0]!.recipients[0]!.diagnostic!;
    const error: Match = { ...code(text, diag), kind: 'error', source: 'message' };
    const out = addBounceMatches(text, [error], bounces);
    expect(out.map((m) => m.text)).toEqual(
      [diag, 'ssato@corp.example.com'].sort((a, b) => text.indexOf(a) - text.indexOf(b)),
    );
  });

  it('gives every failed recipient its own match: three recipients, three reasons, three explanations', () => {
    const text = fixture('postfix-virus-tls.txt');
    const bounces = findBounces(text);
    const tagged = tagBounceMatches(text, addBounceMatches(text, [], bounces), bounces);
    expect(tagged.map((m) => [m.recipient, m.reason])).toEqual([
      ['scan@secure.example.org', 'virusdetected'],
      ['tls@strict.example.net', 'securityerror'],
      ['bulk@busy.example.com', 'toomanyconn'],
    ]);
    expect(tagged.every((m) => m.kind === 'ndr' && m.articles.length === 0)).toBe(true);
  });

  it("adds a match only for a recipient the scanner's matches do not already speak for", () => {
    const text = fixture('exim-full-and-timeout.txt');
    const bounces = findBounces(text);
    const full = code(text, 'mailbox is full: retry timeout exceeded', { source: 'message', articles: ['Q1'] });
    const out = tagBounceMatches(text, addBounceMatches(text, [full], bounces), bounces);
    expect(out.map((m) => [m.text, m.recipient, m.reason])).toEqual([
      ['mailbox is full: retry timeout exceeded', 'ruth@home.example.net', 'mailboxfull'],
      [expect.any(String), 'noc@gone.example.org', 'hostunknown'],
    ]);
  });

  it('tells recipients with the same sentence apart by the one named last before it', () => {
    const text = fixture('exchange55-name-forms.txt');
    const bounces = findBounces(text);
    const line = 'The recipient name is not recognized';
    const second = text.indexOf(line, text.indexOf(line) + 1);
    const matches = [
      code(text, line, { source: 'message' }),
      { ...code(text, line, { source: 'message' }), start: second, end: second + line.length },
    ];
    const tagged = tagBounceMatches(text, matches, bounces);
    expect(tagged.map((m) => m.recipient)).toEqual(['Sales Team', bounces[0]!.recipients[2]!.address]);
    expect(bounces[0]!.recipients[2]!.address).toMatch(/^c=DE;/);
  });

  it('adds nothing where the scanner already has an NDR match in the bounce', () => {
    const text = fixture('postfix-unknown.txt');
    const existing = [code(text, '550 5.1.1')];
    expect(addBounceMatches(text, existing, findBounces(text))).toBe(existing);
  });
});

describe('tagBounceMatches', () => {
  it('tags NDR matches with their recipient and reason, and leaves other kinds alone', () => {
    const text = fixture('postfix-relay-ptr.txt');
    const bounces = findBounces(text);
    const q: Match = {
      kind: 'q',
      text: 'Q1',
      start: 0,
      end: 2,
      value: 'Q1',
      articles: ['Q1'],
      source: 'cited',
      weight: 1,
    };
    const [a, b, c] = tagBounceMatches(text, [q, code(text, '554 5.7.1'), code(text, '4.7.25')], bounces);
    expect(a).toBe(q);
    expect(b).toMatchObject({ reason: 'norelaying', recipient: 'sales@far.example.net' });
    expect(c).toMatchObject({ reason: 'requireptr', recipient: 'info@other.example.com' });
    // New keys come after the match's own.
    expect(Object.keys(b!).slice(-2)).toEqual(['reason', 'recipient']);
  });

  it("marks a delay notice's matches delayed, and a failure's not", () => {
    const delay = [
      'Delivery is delayed to these recipients or groups:',
      '',
      'lab@partner.example',
      '',
      'Diagnostic information for administrators:',
      '',
      'lab@partner.example',
      '#< #4.4.7 smtp;400 4.4.7 Message delayed> #SMTP#',
    ].join('\n');
    const [d] = tagBounceMatches(delay, addBounceMatches(delay, [], findBounces(delay)), findBounces(delay));
    expect(d).toMatchObject({ recipient: 'lab@partner.example', delayed: true });
    const failed = fixture('postfix-relay-ptr.txt');
    const tagged = tagBounceMatches(failed, addBounceMatches(failed, [], findBounces(failed)), findBounces(failed));
    expect(tagged.length).toBeGreaterThan(0);
    for (const m of tagged) expect(m).not.toHaveProperty('delayed');
  });

  it('classifies an NDR match outside any bounce by its own words, with no recipient', () => {
    const text = 'Customer says: 552 5.2.2 Mailbox full, please advise.';
    const [m] = tagBounceMatches(text, [code(text, '552 5.2.2', { value: '5.2.2' })], []);
    expect(m).toMatchObject({ reason: 'mailboxfull' });
    expect(m).not.toHaveProperty('recipient');
  });

  it("puts a bounce's situation (Match.about, on its first match) on every NDR match of that bounce only", () => {
    const ex55 = (name: string, server: string) =>
      [
        'Your message did not reach some or all of the intended recipients.',
        'The following recipient(s) could not be reached:',
        `      ${name} on 3/14/00 10:02 AM`,
        '            The recipient name is not recognized',
        `            MSEXCH:MSExchangeMTA:WEST:${server}`,
      ].join('\n');
    const first = ex55('Okafor, Chidi', 'EXW01');
    const text = `${first}\n\nAnd this one from the other site:\n\n${ex55('Berg, Ann', 'EXN02')}`;
    const bounces = findBounces(text);
    expect(bounces).toHaveLength(2);
    const at = (needle: string, from = 0) => {
      const start = text.indexOf(needle, from);
      return { start, end: start + needle.length };
    };
    const line = 'The recipient name is not recognized';
    const about = { q: 'Q900510', score: 20, words: ['replica', 'retired'] };
    const matches: Match[] = [
      { ...code(text, line), ...at(line), source: 'message', about },
      { ...code(text, 'MSEXCH:MSExchangeMTA:WEST:EXW01'), source: 'message' },
      { ...code(text, line), ...at(line, first.length), source: 'message' },
    ];
    const tagged = tagBounceMatches(text, matches, bounces);
    expect(tagged.map((m) => m.situation)).toEqual(['Q900510', 'Q900510', undefined]);
    expect(tagged[2]).not.toHaveProperty('situation');
    // The ranking still counts the situation once: only the first match carries `about`.
    expect(tagged.filter((m) => m.about)).toHaveLength(1);
  });
});
