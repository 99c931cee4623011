import { describe, expect, it } from 'vitest';
import { findBounces, reasonForMatch, type Bounce } from '../../../src/core/bounce';
import { fixture, fixtureNames, heldOut, labels, VARIANTS } from './fixtures';

const LABELS = labels();

describe('findBounces on the composed bounces', () => {
  it('has a label for every fixture and a fixture for every family', () => {
    expect(Object.keys(LABELS).sort()).toEqual(fixtureNames());
    const families = new Set(Object.values(LABELS).flatMap((bs) => bs.map((b) => b.generation)));
    for (const g of [
      'exchange-5.5',
      'exchange-2003',
      'exchange-2007+',
      'exchange-online',
      'postfix',
      'sendmail',
      'exim',
      'qmail',
      'domino',
      'gmail',
      'amazon-ses',
      'dsn',
    ]) {
      expect(families, g).toContain(g);
    }
  });

  for (const name of fixtureNames()) {
    it(`reads ${name}: every field as labelled`, () => {
      const text = fixture(name);
      const found = findBounces(text);
      expect(
        found.map(({ generation, reportingMta, recipients }) => ({
          generation,
          ...(reportingMta ? { reportingMta } : {}),
          recipients,
        })),
      ).toEqual(LABELS[name]);
      for (const b of found) {
        expect(b.start).toBeGreaterThanOrEqual(0);
        expect(b.end).toBeGreaterThan(b.start);
        expect(b.end).toBeLessThanOrEqual(text.length);
        // Every recipient address lies inside the bounce's span of the ticket.
        for (const r of b.recipients) if (r.address) expect(text.slice(b.start, b.end)).toContain(r.address);
      }
    });
  }
});

describe('findBounces on mangled copies', () => {
  const key = (bs: Bounce[]) =>
    bs.flatMap((b) => b.recipients.map((r) => `${r.address}|${r.status ?? ''}|${r.replyCode ?? ''}|${r.reason}`));
  for (const [variant, mangle] of Object.entries(VARIANTS)) {
    it(`finds the same recipients, codes and reasons when ${variant}`, () => {
      const misses: string[] = [];
      for (const name of fixtureNames()) {
        const want = key(findBounces(fixture(name)));
        const text = mangle(fixture(name));
        const found = findBounces(text);
        if (JSON.stringify(key(found)) !== JSON.stringify(want))
          misses.push(`${name}: ${JSON.stringify(key(found))} != ${JSON.stringify(want)}`);
        for (const b of found) expect(b.end).toBeLessThanOrEqual(text.length);
      }
      expect(misses).toEqual([]);
    });
  }

  it('keeps offsets into the original text through quoting', () => {
    const text = VARIANTS.quoted!(fixture('exchange2007-unknown.txt'));
    const [b] = findBounces(text);
    expect(text.slice(b!.start, b!.start + 'Delivery has failed'.length)).toBe('Delivery has failed');
    expect(text.slice(b!.start, b!.end)).toContain('RESOLVER.ADR.RecipNotFound; not found');
  });
});

describe('findBounces: held-out bounces, labelled when written', () => {
  for (const h of heldOut()) {
    it(`${h.name}`, () => {
      const found = findBounces(h.text);
      expect(found).toHaveLength(1);
      expect(found[0]!.generation).toBe(h.generation);
      expect(found[0]!.recipients.map((r) => ({ address: r.address, reason: r.reason }))).toEqual(h.expect);
    });
  }
});

describe('only real bounces', () => {
  it('an "Original Message" block with an Undeliverable subject is not a bounce', () => {
    const text = [
      'Can you check why this keeps happening?',
      '',
      '-----Original Message-----',
      'From: Microsoft Outlook <postmaster@corp.example.com>',
      'Sent: Tuesday, March 3, 2026 9:14 AM',
      'To: Dana Reyes <dreyes@corp.example.com>',
      'Subject: Undeliverable: Contract renewal',
    ].join('\n');
    expect(findBounces(text)).toEqual([]);
  });

  it('a quoted header block alone is not a bounce', () => {
    const text = [
      '> Return-Path: <>',
      '> Received: from mx.example.net (192.0.2.1) by mail.example.com',
      '> From: MAILER-DAEMON@example.net',
      '> Subject: Delivery Status Notification (Failure)',
      '> Content-Type: multipart/report; report-type=delivery-status',
      '> X-MS-Exchange-Organization-SCL: -1',
    ].join('\n');
    expect(findBounces(text)).toEqual([]);
  });

  it('prose about a status code is not a bounce', () => {
    expect(
      findBounces(
        'The user says Outlook showed 5.1.1 yesterday; I asked for the full NDR. Version 5.5.2 of the client.',
      ),
    ).toEqual([]);
  });

  it("sentences that borrow a bounce's words are not bounces", () => {
    for (const text of [
      'The parcel was not delivered to the front desk because nobody signed for it.',
      'Reported error: 0x80004005 when opening the mailbox. Generating server: unknown.',
      'I think the remote server returned an error, but the user deleted the message.',
      'Customer asks: what does "Final-Recipient:" mean in the headers?',
    ])
      expect(findBounces(text), text).toEqual([]);
  });

  it('two bounces pasted one after the other stay two', () => {
    const text = `${fixture('exchange2007-unknown.txt')}\n\nAnd the second one:\n\n${fixture('exchange2013-quota.txt')}`;
    const found = findBounces(text);
    expect(found.map((b) => b.recipients.map((r) => r.reason))).toEqual([['userunknown'], ['mailboxfull']]);
    expect(found[0]!.end).toBeLessThanOrEqual(found[1]!.start);
  });

  it("reports pasted back to back, each opening with its server's line and no blank line between, stay one each", () => {
    // Each report's administrator part only: it has no opening sentence, so it begins where the one
    // before it ended, not inside that one's reply (which dropped every second report).
    const part = (host: string, addr: string, reply: string) =>
      `Generating server: ${host}\n${addr}\nRemote Server returned '${reply}'`;
    const text = [
      part('MBX1.tailwind.example', 'ana@harbor.example', '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'),
      part(
        'MBX2.tailwind.example',
        'bo@quay.example',
        '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceeded',
      ),
      part('MBX3.tailwind.example', 'cy@pier.example', '550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized'),
    ].join('\n');
    const found = findBounces(text);
    expect(found.map((b) => b.recipients.map((r) => [r.address, r.reason]))).toEqual([
      [['ana@harbor.example', 'userunknown']],
      [['bo@quay.example', 'mailboxfull']],
      [['cy@pier.example', 'rejected']],
    ]);
    expect(found.map((b) => b.reportingMta)).toEqual([
      'MBX1.tailwind.example',
      'MBX2.tailwind.example',
      'MBX3.tailwind.example',
    ]);
  });

  it('a message that loops through one text does not run away (hostile input)', () => {
    const text = 'Delivery has failed to these recipients or groups: '.repeat(5000);
    expect(() => findBounces(text)).not.toThrow();
  });
});

describe("Exchange 4.0-5.0's IMC line quoting the remote reply", () => {
  const report = (reply: string, after = '') =>
    [
      'Your message did not reach some or all of the intended recipients.',
      '',
      '   Subject:   stock count',
      '   Sent:   4/12/99 9:02 AM',
      '',
      'The following recipient(s) could not be reached:',
      '',
      '   Warehouse Desk on 4/12/99 9:03 AM',
      '   The recipient name is not recognized',
      `   MSEXCH:IMC:Example:North:NSRV1 3553 ${reply}`,
    ].join('\n') + after;

  it("reads the reply's code and status, wrapped or not, for the recipient listed by name", () => {
    for (const reply of [
      '553 5.1.1 <stock@depot.example>... no such\n   user here',
      '550 5.1.1 unknown or illegal user',
    ]) {
      const [b] = findBounces(report(reply));
      expect(b!.recipients).toHaveLength(1);
      expect(b!.recipients[0]).toMatchObject({ address: 'Warehouse Desk', status: '5.1.1', reason: 'userunknown' });
      expect(b!.recipients[0]!.replyCode).toMatch(/^55[03]$/);
    }
  });

  it("stops before the agent's own words on the next line", () => {
    const text = report(
      '553 5.1.1 unknown or illegal user: depot.example',
      '\n(The custom recipient was made by hand.)',
    );
    const [b] = findBounces(text);
    expect(b!.recipients[0]!.diagnostic).not.toContain('custom recipient');
    expect(text.slice(b!.start, b!.end)).not.toContain('custom recipient');
  });
});

describe('text read from a web page', () => {
  it('reads an Exchange 5.5 report whose lines each end in <br> (blank lines, non-breaking indents)', () => {
    const nb = '\u00a0\u00a0\u00a0\u00a0';
    const text = `The old branch server still sends these:\ndid not reach the following recipient(s):\n\npat@branch.example.org on 3/14/2001 9:13 AM\n\n${nb}Unable to deliver the message due to a communications failure.\n\n${nb}MSEXCH:IMS:Example:HQ:EXCH01\nServer EXCH02, Exchange Server 5.5 with Service Pack 2.`;
    const [b] = findBounces(text);
    expect(b).toMatchObject({ generation: 'exchange-5.5', reportingMta: 'EXCH01' });
    expect(b!.recipients).toEqual([
      {
        address: 'pat@branch.example.org',
        reason: 'networkerror',
        diagnostic: 'Unable to deliver the message due to a communications failure.',
        date: '3/14/2001 9:13 AM',
      },
    ]);
  });
});

describe('reasonForMatch', () => {
  const text = fixture('postfix-relay-ptr.txt');
  const bounces = findBounces(text);
  it('takes the reason of the recipient whose status the match is', () => {
    const at = text.indexOf('4.7.25');
    expect(reasonForMatch({ start: at, end: at + 6, value: '4.7.25', text: '4.7.25' }, bounces, text)).toBe(
      'requireptr',
    );
    const relay = text.indexOf('Relay access denied');
    expect(
      reasonForMatch(
        { start: relay, end: relay + 19, value: 'Relay access denied', text: 'Relay access denied' },
        bounces,
        text,
      ),
    ).toBe('norelaying');
  });
  it('reads a code outside any bounce with the rest of its line', () => {
    const prose = 'The customer got 550 5.7.1 Unable to relay when sending from the scanner.';
    const at = prose.indexOf('550');
    expect(reasonForMatch({ start: at, end: at + 9, value: '5.7.1', text: '550 5.7.1' }, [], prose)).toBe('norelaying');
    const bare = 'Bounce said 5.2.2 only.';
    expect(reasonForMatch({ start: 12, end: 17, value: '5.2.2', text: '5.2.2' }, [], bare)).toBe('mailboxfull');
  });
});
