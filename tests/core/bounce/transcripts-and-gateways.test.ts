import { describe, expect, it } from 'vitest';
import { classify, findBounces } from '../../../src/core/bounce';

/** Failed recipients of every bounce in a text: [address, reason, status]. */
const failed = (text: string) =>
  findBounces(text).flatMap((b) =>
    b.recipients.filter((r) => !r.delayed).map((r) => [r.address, r.reason, r.status ?? null]),
  );

describe('the server words of relays, filters and gateways', () => {
  it("reads qmail's rcpthosts refusal as a relay denial", () => {
    expect(
      classify({
        status: '5.7.1',
        replyCode: '553',
        diagnostic: "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
      }),
    ).toBe('norelaying');
  });
  it('reads a local mail filter as filtered, not a bare 550', () => {
    expect(classify({ replyCode: '550', diagnostic: '550 Message rejected by local mail filter' })).toBe('filtered');
  });
  it("reads a server that will not accept the message as a block, over 5.2.1's disabled mailbox", () => {
    expect(
      classify({
        status: '5.2.1',
        replyCode: '521',
        diagnostic: '521 5.2.1 : Example will not accept delivery of this message.',
      }),
    ).toBe('blocked');
    // The status alone still says a disabled mailbox.
    expect(classify({ status: '5.2.1' })).toBe('suspend');
  });
  it("reads AOL's bracketed refusal codes ((RLY:B1), (DYN:T1)) as a block of the sending IP", () => {
    expect(
      classify({ replyCode: '554', diagnostic: '554- (RLY:B1) see the postmaster page 554 Connecting IP: 192.0.2.5' }),
    ).toBe('blocked');
    expect(classify({ replyCode: '421', diagnostic: '421 (DYN:T1) temporarily deferred' })).toBe('blocked');
  });
  it("reads a gateway's per-recipient verdict '(addr:blocked)' as a block", () => {
    expect(
      classify({
        replyCode: '550',
        diagnostic: '550 permanent failure for one or more recipients (ap@mill.example:blocked)',
      }),
    ).toBe('blocked');
  });
});

describe('SMTP session transcripts', () => {
  it("reads Courier's recipient paragraph: the host, the command and the reply after '<<<'", () => {
    const text = [
      'This is a delivery status notification from mx.orchard.example,',
      'running the Courier mail server, version 1.0.',
      '',
      '                           UNDELIVERABLE MAIL',
      '',
      'Your message to the following recipients cannot be delivered:',
      '',
      '<cider@orchard.example>:',
      '    mx.orchard.example [192.0.2.60]:',
      '>>> RCPT TO:<cider@orchard.example>',
      '<<< 552 5.2.2 Mailbox over quota',
    ].join('\n');
    const [b] = findBounces(text);
    expect(b?.generation).toBe('courier');
    expect(b?.recipients).toMatchObject([
      {
        address: 'cider@orchard.example',
        replyCode: '552',
        status: '5.2.2',
        reason: 'mailboxfull',
        remoteMta: 'mx.orchard.example',
      },
    ]);
  });
  it('gives a recipient the server accepted the refusal it sent after DATA', () => {
    const text = [
      'The attached message had PERMANENT fatal delivery errors!',
      '',
      '--- Session Transcript ---',
      ' Mon 2024-11-04 09:00:01: *  To: plans@atelier.example',
      ' Mon 2024-11-04 09:00:02: --> RCPT To:<plans@atelier.example>',
      ' Mon 2024-11-04 09:00:02: <-- 250 2.1.5 Recipient ok',
      ' Mon 2024-11-04 09:00:02: --> DATA',
      ' Mon 2024-11-04 09:00:09: <-- 552 5.3.4 Message size exceeds fixed maximum message size',
      '--- End Transcript ---',
    ].join('\n');
    expect(failed(text)).toEqual([['plans@atelier.example', 'exceedlimit', '5.3.4']]);
  });
  it("gives Sendmail's report's recipient the remote's first refusal when it names no address", () => {
    const text = [
      '   ----- The following addresses had permanent fatal errors -----',
      '<reader@bigisp.example>',
      '',
      '   ----- Transcript of session follows -----',
      '... while talking to mx1.bigisp.example.:',
      '>>> DATA',
      '<<< 554 5.7.1 : Example ISP will not accept delivery of this message.',
      '554 5.0.0 Service unavailable',
    ].join('\n');
    expect(failed(text)).toEqual([['reader@bigisp.example', 'blocked', '5.7.1']]);
  });
  it("reads Sendmail's 'Cannot send message for 5 days' as an expiry, whatever the last connection error", () => {
    const text = [
      'The original message was received at Wed, 9 Apr 2003 07:12:40 -0400',
      'from gateway.riverside-isp.example [192.0.2.8]',
      '',
      '   ----- The following addresses had permanent fatal errors -----',
      '<frontoffice@copperleaf-inn.example>',
      '    (reason: Deferred: Connection timed out with mail.copperleaf-inn.example.)',
      '',
      '   ----- Transcript of session follows -----',
      '<frontoffice@copperleaf-inn.example>... Cannot send message for 5 days',
    ].join('\n');
    expect(findBounces(text).flatMap((b) => b.recipients.map((r) => [r.address, r.reason]))).toEqual([
      ['frontoffice@copperleaf-inn.example', 'expired'],
    ]);
  });
  it('reports the list member that failed, not the list an alias expanded', () => {
    const text = [
      '   ----- The following addresses had permanent fatal errors -----',
      '<gone@studio.example>',
      '    (reason: 550 5.1.1 <gone@studio.example>... User unknown)',
      '    (expanded from: <team@studio.example>)',
    ].join('\n');
    expect(failed(text)).toEqual([['gone@studio.example', 'userunknown', '5.1.1']]);
  });
  it('reads a long transcript of accepted recipients at bounded cost', () => {
    const text =
      'The attached message had PERMANENT fatal delivery errors!\n' +
      ' --> RCPT To:<a@b.example> <-- 250 ok'.repeat(30_000) +
      ' <-- 552 5.3.4 too big';
    const found = findBounces(text);
    expect(found.length).toBeLessThanOrEqual(200);
  });
});

describe('pages of anchors', () => {
  it('reads a page of repeated server lines once, not back to its start from each (no report in it)', () => {
    // Each anchor looked back for its paragraph's start over the whole page: 2.6 MB took over a minute (the
    // test's time-out), now about two seconds.
    const text = 'Generating server: mail.contoso.example\n'.repeat(64_000);
    expect(findBounces(text)).toEqual([]);
  });
});

describe('success notices', () => {
  it("is no bounce: Postfix's notice that the message was delivered", () => {
    const text = [
      'This is the mail system at host relay.contoso.example.',
      '',
      'Your message was successfully delivered to the destination(s)',
      'listed below.',
      '',
      '                   The mail system',
      '',
      '<pia@mill.example>: delivery via mx.mill.example[192.0.2.8]:25: 250 2.0.0 Ok: queued as 1AbC',
    ].join('\n');
    expect(findBounces(text)).toEqual([]);
  });
  it('keeps a report where one recipient failed and another was delivered', () => {
    const text = [
      'This is the mail system at host relay.contoso.example.',
      '',
      '<pia@mill.example>: delivery via mx.mill.example[192.0.2.8]:25: 250 2.0.0 Ok: queued as 1AbC',
      '<ole@mill.example>: host mx.mill.example[192.0.2.8] said: 550 5.1.1 User unknown (in reply to RCPT TO command)',
    ].join('\n');
    expect(failed(text).filter((r) => r[1] !== 'delivered')).toEqual([['ole@mill.example', 'userunknown', '5.1.1']]);
  });
});

describe("Zoho Mail's failed-address line", () => {
  it('reads "addr, ERROR CODE :550 - 5.1.1 ..." with its reply code and status', () => {
    const text = [
      'This message was created automatically by mail delivery software.',
      'A message that you sent could not be delivered to one or more of its recipients. This is a permanent error.',
      '',
      'ines@quinta.example, ERROR CODE :550 - 5.1.1 <ines@quinta.example>: Recipient address rejected: User unknown',
    ].join('\n');
    expect(failed(text)).toEqual([['ines@quinta.example', 'userunknown', '5.1.1']]);
    expect(findBounces(text)[0]!.recipients[0]!.replyCode).toBe('550');
  });
});

describe('"Remote server replied:" under the address it is about', () => {
  it('reads the reply after a recipient line and a line of labels (hMailServer, Kerio), in a report of its own kind', () => {
    const text = [
      'Your message did not reach some or all of the intended recipients.',
      '',
      '   Sent: Wed, 02 Oct 2019 08:14:55 +0200',
      '   Subject: Pallet order',
      '',
      'The following recipient(s) could not be reached:',
      '',
      'dispatch@haulage.example',
      '   Error Type: SMTP',
      '   Remote server replied: 552 5.2.2 Storage quota exceeded for this mailbox',
      '',
      'stores@haulage.example',
      '   Error Type: SMTP',
      '   Remote server replied: 550 5.1.1 No such mailbox here',
    ].join('\n');
    const found = findBounces(text);
    expect(found.map((b) => b.generation)).toEqual(['dsn']);
    expect(failed(text)).toEqual([
      ['dispatch@haulage.example', 'mailboxfull', '5.2.2'],
      ['stores@haulage.example', 'userunknown', '5.1.1'],
    ]);
  });
  it('needs a reply with a code: the words in a sentence are no report', () => {
    expect(findBounces('I wrote to ops@haulage.example and the remote server replied: please call us.')).toEqual([]);
  });
});
