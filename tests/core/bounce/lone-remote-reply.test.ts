import { describe, expect, it } from 'vitest';
import { findBounces } from '../../../src/core/bounce';
import { scan } from '../match/helpers';

/** [address or null, reason, status, replyCode] per recipient of every bounce. */
const read = (text: string) =>
  findBounces(text).flatMap((b) =>
    b.recipients.map((r) => [r.address ?? null, r.reason, r.status ?? null, r.replyCode ?? null]),
  );

describe('a "Remote server replied:" line pasted without its report', () => {
  it('is a bounce by its failure code alone, with no recipient where the ticket names none', () => {
    const text = [
      'Morning, the warehouse PC shows this when posting the weekly stock list:',
      '',
      'Remote server replied: 550 5.1.1 No such user here',
      '',
      'Nothing else in the window.',
    ].join('\n');
    expect(read(text)).toEqual([[null, 'userunknown', '5.1.1', '550']]);
  });
  it('takes the recipient the reply quotes, and reads qmail\'s "Remote host said:" the same way', () => {
    const text = 'Remote host said: 554 5.7.1 <kiosk@harbour-ferries.example>: Relay access denied';
    expect(read(text)).toEqual([['kiosk@harbour-ferries.example', 'norelaying', '5.7.1', '554']]);
  });
  it('takes the one address the agent names around it', () => {
    const text = [
      'Mail to accounts@millbrook-farm.example bounces, the user copied only this:',
      'Remote server replied: 452 4.2.2 Mailbox over quota',
    ].join('\n');
    expect(read(text)).toEqual([['accounts@millbrook-farm.example', 'mailboxfull', '4.2.2', '452']]);
  });
  it("ends the reply at the agent's closing quote, not at the end of the agent's sentence", () => {
    const text =
      'She gets "Remote server replied: 554 5.7.1 Client host rejected: blocked using zen" every time since Friday.';
    const [b] = findBounces(text);
    expect(b!.recipients[0]!.diagnostic).toBe('554 5.7.1 Client host rejected: blocked using zen');
    expect(b!.recipients[0]!.reason).toBe('blocked');
    expect(text.slice(b!.start, b!.end)).not.toContain('Friday');
  });
  it('needs a failure code right after the colon: prose and a success reply are no bounce', () => {
    expect(findBounces('Their remote server replied with a 550 when we tested from the branch office.')).toEqual([]);
    expect(findBounces('The remote server replied: call the help line.')).toEqual([]);
    expect(findBounces('Remote server replied: 250 2.0.0 OK queued as 4F1A2C')).toEqual([]);
  });
});

describe("a lone remote reply in the agent's own sentence", () => {
  const prose = [
    'When I telnet to port 25 the remote server returned: 554 and closed, is that normal? Our SPF record was changed.',
    'Per the vendor the remote host said: 421 when we were throttled last night, it cleared by morning.',
  ];
  it('is no bounce: the words come mid-line and no server text follows the number', () => {
    for (const text of prose) expect(findBounces(text)).toEqual([]);
    // With an address named before it, the number is still the agent's.
    expect(findBounces('Mail to ops@tannery-row.example failed; the remote server said: 550 when we retried.')).toEqual(
      [],
    );
  });
  it('gives no NDR match either', () => {
    for (const text of prose) expect(scan(text).filter((m) => m.kind === 'ndr')).toEqual([]);
  });
  it('still reads a pasted reply on its own line, quoted or not', () => {
    for (const q of ['', '> ']) {
      const relay = `Ticket 4411, user copied this from the bounce:\n${q}Remote server replied: 554 5.7.1 <jane@contoso.com>: Relay access denied\n`;
      expect(read(relay)).toEqual([['jane@contoso.com', 'norelaying', '5.7.1', '554']]);
      const exch = `She sees only this line:\n${q}Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\n`;
      expect(read(exch).map(([, reason, status, code]) => [reason, status, code])).toEqual([
        ['userunknown', '5.1.1', '550'],
      ]);
    }
  });
});
