import { describe, expect, it } from 'vitest';
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

describe('addBounceMatches', () => {
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
