import { describe, expect, it } from 'vitest';
import { findBounces } from '../../../src/core/bounce';

const failedOf = (text: string) => findBounces(text).flatMap((b) => b.recipients.filter((r) => !r.delayed));

describe('delay notices are not failures', () => {
  it('marks the recipients of an Exchange delay notice delayed, with the reason it waits', () => {
    const text = [
      'Delivery is delayed to these recipients or groups:',
      '',
      'lab@partner.example',
      '',
      "This message hasn't been delivered yet. Delivery will continue to be attempted.",
      '',
      'Diagnostic information for administrators:',
      '',
      'lab@partner.example',
      '#< #4.4.7 smtp;400 4.4.7 Message delayed> #SMTP#',
    ].join('\n');
    const r = findBounces(text)[0]?.recipients;
    expect(r).toMatchObject([{ address: 'lab@partner.example', delayed: true }]);
  });
  it('follows the DSN action: delayed is a delay, failed is a failure, in one report', () => {
    const text = [
      'Reporting-MTA: dns; mx.contoso.example',
      '',
      'Final-Recipient: rfc822; slow@example.net',
      'Action: delayed',
      'Status: 4.4.1',
      'Diagnostic-Code: X-Postfix; connect to mx.example.net[192.0.2.5]:25: Connection refused',
      '',
      'Final-Recipient: rfc822; gone@example.org',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
    ].join('\n');
    expect(failedOf(text).map((r) => r.address)).toEqual(['gone@example.org']);
  });
  it("reads Gmail's and Exim's retry notices as delays", () => {
    const gmail =
      '** Delivery incomplete **\n\nThere was a temporary problem delivering your message to ana@slow.example. Gmail will retry for 40 more hours.\n\nThe response was:\n\nThe recipient server did not accept our requests to connect. [mx.slow.example 192.0.2.9: timed out]';
    expect(failedOf(gmail)).toEqual([]);
    const exim =
      'This message was created automatically by mail delivery software.\n\nA message that you sent has not yet been delivered to one or more of its\nrecipients after more than 24 hours on the queue on mx.isp.example.\n\n  kim@example.net\n    host mx.example.net [192.0.2.7]\n    Delay reason: SMTP error from remote mail server after RCPT TO:<kim@example.net>:\n    451 4.7.1 Greylisted, please try again later';
    expect(failedOf(exim)).toEqual([]);
  });
  it('gives up with an expiry when a DSN reports a connection failure as final', () => {
    const text = [
      'Final-Recipient: rfc822; ops@down.example',
      'Action: failed',
      'Status: 4.4.1',
      'Diagnostic-Code: X-Postfix; connect to mx.down.example[192.0.2.99]:25: Connection timed out',
    ].join('\n');
    expect(findBounces(text)[0]?.recipients).toMatchObject([{ address: 'ops@down.example', reason: 'expired' }]);
    expect(findBounces(text)[0]?.recipients[0]?.delayed).toBeUndefined();
  });
});

describe('reports pasted in part, and other mail systems', () => {
  it('reads a Postfix recipient paragraph pasted alone', () => {
    const text =
      'Only this came back:\n\n<buyer@big.example>: host mx.big.example[203.0.113.8] said: 554 5.7.1 Message blocked due to spam content (in reply to end of DATA command)';
    expect(findBounces(text)[0]?.recipients).toMatchObject([{ address: 'buyer@big.example', reason: 'spamdetected' }]);
  });
  it("ends a spaced-out Postfix reply at its '(in reply to ... command)', even with the ticket's next lines run onto it", () => {
    // A page that double-spaces the pasted report and single-spaces the agent's own lines: the
    // flattening joins the latter onto the reply's last line.
    const text =
      [
        'Returned by the relay:',
        '> <kim@depot.example>: host mx.depot.example[192.0.2.9] said: 550 5.1.1',
        '>',
        '>     <kim@depot.example>: Recipient address rejected: User unknown in',
        '>',
        '>     local recipient table (in reply to RCPT TO command)',
      ].join('\n\n') +
      '\nAnd the old site sends this one:\ndid not reach the following recipient(s):\n\nlee@annex.example on 5/2/2000 8:40 AM\n\n    The recipient name is not recognized\n\n    MSEXCH:IMS:Depot:Annex:MAIL01';
    const bounces = findBounces(text);
    expect(bounces.map((b) => b.recipients.map((r) => r.address))).toEqual([
      ['kim@depot.example'],
      ['lee@annex.example'],
    ]);
    expect(bounces[0]!.recipients[0]!.diagnostic).toMatch(/User unknown in local recipient table$/);
    expect(text.slice(bounces[0]!.start, bounces[0]!.end)).not.toContain('old site');
  });
  it('makes no report of generic words without a recipient and a code', () => {
    expect(
      findBounces('The remote host said: try later. We were unable to deliver to the warehouse on Monday.'),
    ).toEqual([]);
    expect(findBounces('unable to deliver to ann@example.com, she says it works now')).toEqual([]);
  });
  it('starts a report pasted from its admin part at its paragraph, whatever the language of the headers', () => {
    const text =
      'Leveransen misslyckades till dessa mottagare:\n\nper@example.se\nmx.example.se #550 5.1.1 <per@example.se>: User unknown ##';
    expect(findBounces(text)[0]?.recipients).toMatchObject([{ address: 'per@example.se', reason: 'userunknown' }]);
  });
  it("reads Outlook's rendering with the address glued to it", () => {
    const text = 'ops@example.org#< #5.7.1 smtp;554 5.7.1 Client host [198.51.100.2] blocked using bl.example> #SMTP#';
    expect(findBounces(text)[0]?.recipients).toMatchObject([{ address: 'ops@example.org', reason: 'blocked' }]);
  });
  it("reads an SMTP transcript's reply to RCPT TO as that recipient's", () => {
    const text = [
      'The attached message had PERMANENT fatal delivery errors!',
      '--- Session Transcript ---',
      ' Mon 2009-11-02 07:45:02: --> RCPT To:<a@example.com>',
      ' Mon 2009-11-02 07:45:02: <-- 250 OK',
      ' Mon 2009-11-02 07:45:03: --> RCPT To:<b@example.com>',
      ' Mon 2009-11-02 07:45:03: <-- 550 5.1.1 No such user',
      '--- End Transcript ---',
    ].join('\n');
    const failed = findBounces(text).flatMap((b) => b.recipients.filter((r) => r.reason !== 'delivered'));
    expect(failed).toMatchObject([{ address: 'b@example.com', reason: 'userunknown' }]);
  });
  it("reads GroupWise's list, one reason per recipient", () => {
    const text =
      'The message that you sent was undeliverable to the following:\n\tx@example.cz (user not found)\n\ty@gone.example (host not found)\n\nPossibly truncated original message follows:';
    const [b] = findBounces(text);
    expect(b?.generation).toBe('groupwise');
    expect(b?.recipients).toMatchObject([
      { address: 'x@example.cz', reason: 'userunknown' },
      { address: 'y@gone.example', reason: 'hostunknown' },
    ]);
  });
});

describe('delay notices in other languages', () => {
  it("reads Exchange's per-recipient 'Message delayed' line as a delay whatever the headers say", () => {
    const text =
      'Levering aan deze ontvangers is vertraagd:\n\nkees@example.nl\n\nkees@example.nl\n#< #4.4.7 smtp;400 4.4.7 Message delayed> #SMTP#';
    expect(findBounces(text)[0]?.recipients).toMatchObject([{ address: 'kees@example.nl', delayed: true }]);
  });
  it('keeps an expiry that says it failed', () => {
    const text =
      'Delivery has failed to these recipients or groups:\n\nkees@example.nl\n\nkees@example.nl\n#550 4.4.7 QUEUE.Expired; message expired ##';
    expect(findBounces(text)[0]?.recipients[0]).toMatchObject({ address: 'kees@example.nl', reason: 'expired' });
    expect(findBounces(text)[0]?.recipients[0]?.delayed).toBeUndefined();
  });
});
