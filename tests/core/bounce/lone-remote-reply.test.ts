import { describe, expect, it } from 'vitest';
import { findBounces } from '../../../src/core/bounce';

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
