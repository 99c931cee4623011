import { describe, expect, it } from 'vitest';
import {
  classify,
  EXPLANATIONS,
  explainReason,
  REASONS,
  reasonFromNdrClass,
  type Reason,
} from '../../../src/core/bounce';
import { flatten, toOriginal } from '../../../src/core/bounce/flat-text';
import { codesOf } from '../../../src/core/bounce/extract';

/** One case per reason class: the code and words that decide it. */
const CASES: ReadonlyArray<[Reason, { status?: string; replyCode?: string; diagnostic?: string; action?: string }]> = [
  ['userunknown', { status: '5.1.1', diagnostic: 'RESOLVER.ADR.RecipNotFound; not found' }],
  ['userunknown', { status: '5.4.1', diagnostic: 'Recipient address rejected: Access denied' }],
  ['mailboxfull', { status: '5.2.2', diagnostic: 'mailbox full' }],
  ['exceedlimit', { status: '5.3.4', diagnostic: 'message too large for this recipient' }],
  ['expired', { status: '4.4.7', diagnostic: 'QUEUE.Expired; message expired' }],
  ['expired', { status: '5.4.300', diagnostic: 'Message expired' }],
  ['hostunknown', { status: '5.4.310', diagnostic: 'DNS domain does not exist' }],
  ['hostunknown', { status: '5.1.2' }],
  ['networkerror', { diagnostic: 'connect to mx.example.com[192.0.2.1]:25: Connection refused' }],
  ['networkerror', { status: '5.4.14', diagnostic: 'Hop count exceeded - possible mail loop' }],
  ['blocked', { status: '5.7.606', diagnostic: 'Access denied, banned sending IP [192.0.2.1]' }],
  ['blocked', { status: '5.7.1', diagnostic: 'Client host [192.0.2.1] blocked using zen.spamhaus.org' }],
  // A provider refusing the sending IP for a while (its volume, its users' complaints): not a TLS matter (x.7.0).
  ['blocked', { status: '4.7.0', diagnostic: 'Messages from 192.0.2.44 temporarily deferred due to user complaints' }],
  ['policyviolation', { status: '5.7.1', diagnostic: 'rejected by organization policy' }],
  ['securityerror', { status: '5.7.57', diagnostic: 'Client not authenticated to send mail' }],
  ['securityerror', { replyCode: '530', status: '5.7.0', diagnostic: 'Must issue a STARTTLS command first' }],
  ['filtered', { status: '5.1.4', diagnostic: 'RESOLVER.ADR.Ambiguous; ambiguous address' }],
  ['rejected', { status: '5.7.1', diagnostic: 'RESOLVER.RST.NotAuthorized; not authorized' }],
  ['rejected', { status: '5.7.12', diagnostic: 'Sender was not authenticated by organization' }],
  ['norelaying', { status: '5.7.1', diagnostic: 'Unable to relay' }],
  ['norelaying', { status: '5.7.64', diagnostic: 'TenantAttribution; Relay Access Denied' }],
  ['norelaying', { replyCode: '550', diagnostic: 'Relaying mail to k.lund@harbour.example is not allowed.' }],
  ['norelaying', { replyCode: '550', diagnostic: 'relay for ops@example.net denied' }],
  ['requireptr', { status: '5.7.25' }],
  ['requireptr', { status: '4.7.1', diagnostic: 'Client host rejected: cannot find your reverse hostname' }],
  ['toomanyconn', { replyCode: '421', status: '4.7.0', diagnostic: 'Too many connections from your host' }],
  ['toomanyconn', { status: '5.2.121', diagnostic: 'RecipientThrottlingThreshold' }],
  ['authfailure', { status: '5.7.23', diagnostic: 'Sender Policy Framework violation' }],
  ['authfailure', { status: '5.7.1', diagnostic: 'message failed DMARC policy' }],
  ['badreputation', { status: '5.7.1', diagnostic: 'very low reputation of the sending IP address' }],
  ['contenterror', { status: '5.6.0', diagnostic: 'Message contains invalid header' }],
  ['contenterror', { status: '5.6.1' }],
  ['spamdetected', { status: '5.7.1', diagnostic: 'Message rejected as spam' }],
  ['spamdetected', { status: '5.7.501' }],
  ['suspend', { status: '5.2.1', diagnostic: 'Mailbox disabled for this recipient' }],
  ['suspend', { status: '5.7.13' }],
  ['systemerror', { replyCode: '451', status: '4.3.0', diagnostic: 'Temporary local problem' }],
  ['systemfull', { replyCode: '452', status: '4.3.1', diagnostic: 'Insufficient system storage' }],
  ['mailererror', { status: '5.3.0', diagnostic: 'unknown mailer error 75' }],
  ['syntaxerror', { replyCode: '501', status: '5.5.2', diagnostic: 'Syntax error in parameters' }],
  ['notaccept', { status: '5.1.10', diagnostic: 'Recipient address has null MX' }],
  ['notaccept', { status: '5.7.27' }],
  ['virusdetected', { status: '5.7.1', diagnostic: 'message contains a virus' }],
  ['userunknown', { replyCode: '550', diagnostic: 'Addressee unknown, relay=mx.example.org' }],
  ['hostunknown', { diagnostic: 'Name or service not known' }],
  ['blocked', { replyCode: '554', status: '5.7.1', diagnostic: 'Client host rejected: Access denied' }],
  [
    'policyviolation',
    { status: '5.7.520', diagnostic: 'Access denied, Your organization does not allow external forwarding' },
  ],
  // Lotus Domino's delivery failure reasons (no status code in its own reports).
  ['userunknown', { diagnostic: 'User Jin Lee/Sales/Example@Example not listed in Domino Directory' }],
  [
    'hostunknown',
    {
      diagnostic:
        'No route found to domain example.net from server HUB/Example. Check Server, Connection and Domain documents in Domino Directory.',
    },
  ],
  [
    'hostunknown',
    {
      diagnostic:
        "Bad destination host 'DNS Hard Error looking up example.invalid (MX): NXDomain' (delivery attempts: 0)",
    },
  ],
  ['mailboxfull', { diagnostic: 'Unable to deliver message, quota exceeded' }],
  ['networkerror', { diagnostic: 'Maximum hop count exceeded.  Message probably in a routing loop.' }],
  ['filtered', { diagnostic: 'Cannot route mail to user' }],
  ['systemerror', { diagnostic: 'Several matches found in Domino Directory.' }],
  // Exchange 5.5's "too long" is the message's length, not its time in the queue.
  [
    'exceedlimit',
    {
      diagnostic:
        'The content length of the message is too long for the recipient to take delivery. (000B099C) Message exceeds size limit.',
    },
  ],
  ['exceedlimit', { diagnostic: 'The content length of the message is too long for the recipient to take delivery' }],
  // Exchange 4.0-5.5's MTA and information store, reasons with no code beside them.
  ['networkerror', { diagnostic: 'The recipient was detected looping within the message transfer service.' }],
  [
    'systemerror',
    { diagnostic: 'The recipient could not be processed due to congestion in the message transfer service' },
  ],
  ['systemerror', { diagnostic: 'A required directory operation was unsuccessful' }],
  ['contenterror', { diagnostic: 'The message contains a content type that is not supported' }],
  ['rejected', { diagnostic: 'A restriction in the system prevented delivery of the message.' }],
  [
    'rejected',
    { diagnostic: 'The message could not be delivered because you do not have create permissions on this folder' },
  ],
  [
    'userunknown',
    { diagnostic: 'The message was undelivered because the specified recipient postal address was incorrect' },
  ],
  ['delivered', { status: '2.0.0', action: 'delivered' }],
  ['undefined', { status: '5.0.0' }],
];

describe('classify', () => {
  for (const [reason, input] of CASES) {
    it(`${reason}: ${JSON.stringify(input)}`, () => expect(classify(input)).toBe(reason));
  }

  it('covers every class of the vocabulary', () => {
    expect(new Set(CASES.map(([r]) => r))).toEqual(new Set(REASONS));
  });

  it('lets the words refine a generic code, but not a code that names its cause', () => {
    expect(classify({ status: '5.7.1' })).toBe('rejected');
    expect(classify({ status: '5.7.1', diagnostic: 'Relaying denied' })).toBe('norelaying');
    // 5.7.23 is SPF by itself: "rejected" in the text does not change it.
    expect(classify({ status: '5.7.23', diagnostic: 'The message was rejected' })).toBe('authfailure');
  });

  it('falls back to the reply code, then to undefined', () => {
    expect(classify({ replyCode: '552' })).toBe('mailboxfull');
    expect(classify({ replyCode: '550' })).toBe('rejected');
    expect(classify({})).toBe('undefined');
  });

  it("maps every class of today's NDR tables into the vocabulary", () => {
    for (const cls of [
      'unknown-recipient',
      'mailbox-full',
      'relay-denied',
      'expired',
      'host-unknown',
      'message-too-large',
    ]) {
      expect(REASONS).toContain(reasonFromNdrClass(cls));
    }
    expect(reasonFromNdrClass('no-such-class')).toBeUndefined();
  });
});

describe('explanations', () => {
  it('has what, who and next for every reason', () => {
    for (const r of REASONS) {
      const e = EXPLANATIONS[r];
      expect(e.label.length, r).toBeGreaterThan(3);
      expect(e.what.length, r).toBeGreaterThan(20);
      expect(e.next.length, r).toBeGreaterThan(10);
    }
  });
  it('says who must act as the issue asks', () => {
    expect(EXPLANATIONS.userunknown.who).toBe('sender');
    expect(EXPLANATIONS.mailboxfull.who).toBe('recipient-admin');
    expect(EXPLANATIONS.authfailure.who).toBe('sender-admin');
    expect(EXPLANATIONS.requireptr.who).toBe('sender-admin');
    expect(EXPLANATIONS.blocked.who).toBe('sender-admin');
    expect(EXPLANATIONS.networkerror.who).toBe('nobody');
    expect(EXPLANATIONS.networkerror.temporary).toBe(true);
  });
  it('explains nothing for a value outside the vocabulary', () => {
    expect(explainReason('toString')).toBeNull();
    expect(explainReason(undefined)).toBeNull();
    expect(explainReason('mailboxfull')?.label).toBe('Mailbox full');
  });
});

describe('flat text and codes', () => {
  it('drops quote markers and folds white space, keeping offsets', () => {
    const src = '> Status: 5.1.1\n>   more\n>\n> next';
    const f = flatten(src);
    expect(f.text).toBe('Status: 5.1.1 more\nnext');
    expect(src.slice(toOriginal(f, 0), toOriginal(f, 13, true))).toBe('Status: 5.1.1');
    expect(src[toOriginal(f, f.text.indexOf('next'))]).toBe('n');
  });
  it('reads reply codes and status codes from server replies', () => {
    expect(codesOf('550-5.7.1 Our system has detected')).toEqual({ replyCode: '550', status: '5.7.1' });
    expect(codesOf('#550 5.1.1 RESOLVER.ADR.RecipNotFound')).toEqual({ replyCode: '550', status: '5.1.1' });
    expect(codesOf('Sorry, no mailbox here by that name. (#5.1.1)')).toEqual({ status: '5.1.1' });
    expect(codesOf('550 relay not permitted')).toEqual({ replyCode: '550' });
    expect(codesOf('550 5.7.606 Access denied')).toEqual({ replyCode: '550', status: '5.7.606' });
  });
});

describe('classify: words the catch-all 5.7.1 and 4.7.1 come with', () => {
  it("reads Exchange's recipient restrictions as the sender not allowed, whatever else they say", () => {
    expect(
      classify({
        status: '5.7.1',
        replyCode: '550',
        diagnostic: '550 5.7.1 RESOLVER.RST.AuthRequired; authentication required',
      }),
    ).toBe('rejected');
    expect(
      classify({
        status: '5.7.1',
        diagnostic: '550 5.7.1 RESOLVER.RST.RecipSizeLimit; message too large for this recipient',
      }),
    ).toBe('exceedlimit');
    // Not every "authentication required" is a restriction: SMTP AUTH stays a security error.
    expect(classify({ status: '5.7.0', diagnostic: '530 5.7.0 Authentication required' })).toBe('securityerror');
  });
  it('reads a reputation named poor, low or bad in either order', () => {
    for (const d of [
      '554 5.7.1 Your sending IP reputation is too low to deliver',
      '550 5.7.1 Rejected: sender domain reputation was poor',
      '550 5.7.1 Message refused: poor IP reputation',
    ])
      expect(classify({ status: '5.7.1', diagnostic: d }), d).toBe('badreputation');
  });
  it("reads the recipient's own blocked-senders list as the sender refused, not an IP block list", () => {
    expect(
      classify({ status: '5.7.1', diagnostic: '550 5.7.1 Rejected by Blocked Senders policy for envelope from' }),
    ).toBe('rejected');
    expect(classify({ replyCode: '550', diagnostic: "550 Sender is on the recipient's blocked senders list" })).toBe(
      'rejected',
    );
    expect(classify({ status: '5.7.1', diagnostic: '554 5.7.1 Client host blocked using a DNS block list' })).toBe(
      'blocked',
    );
  });
  it('reads greylisting as a deferral of the sending IP, whose step is to wait', () => {
    const diagnostic = '450 4.7.1 <buyer@wharf.example>: Recipient address rejected: Greylisted for 5 minutes';
    expect(classify({ status: '4.7.1', replyCode: '450', diagnostic })).toBe('blocked');
    const e = explainReason('blocked', diagnostic)!;
    expect(e.who).toBe('nobody');
    expect(e.temporary).toBe(true);
    expect(explainReason('blocked', '554 5.7.1 blocked using a DNS block list')!.who).toBe('sender-admin');
  });
});

describe('classify: code and words together', () => {
  it('lets a specific code choose between causes its words name', () => {
    const human =
      "This message is larger than the current system limit or the recipient's mailbox is full. Create a shorter message body.";
    expect(classify({ status: '5.2.3', human })).toBe('exceedlimit');
    expect(classify({ status: '5.2.2', human })).toBe('mailboxfull');
  });
  it('does not let a catch-all code (5.7.1, x.y.0) choose', () => {
    expect(classify({ status: '5.7.1', diagnostic: 'Relaying denied, sender not authorized' })).toBe('norelaying');
  });
  it("reads the server's words before the report's own sentence", () => {
    expect(
      classify({
        status: '5.7.1',
        diagnostic: 'smtp;550 5.7.1 Unable to relay for ann@example.net',
        human: 'You do not have permission to send to this recipient.',
      }),
    ).toBe('norelaying');
  });
  it('reads relay refusals worded as rejected or refused', () => {
    expect(classify({ replyCode: '554', diagnostic: '554 Relay rejected for policy reasons.' })).toBe('norelaying');
    expect(classify({ replyCode: '550', diagnostic: '550 relaying refused' })).toBe('norelaying');
  });
});
