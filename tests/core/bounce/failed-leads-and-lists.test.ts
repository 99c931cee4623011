import { describe, expect, it } from 'vitest';
import { findBounces } from '../../../src/core/bounce';
import { classify } from '../../../src/core/bounce/classify';

const one = (text: string) => {
  const bs = findBounces(text);
  expect(bs).toHaveLength(1);
  return bs[0]!;
};

describe('a report that says delivery failed', () => {
  it('is no delay notice though it quotes the last "Message delayed" reply', () => {
    const b = one(`Delivery has failed to these recipients or groups:

ana@fabrikam.example
The recipient's email system didn't respond for too long. Microsoft Exchange gave up.

Diagnostic information for administrators:

Generating server: EX01.contoso.example

ana@fabrikam.example
Remote Server at mx.fabrikam.example (198.51.100.4) returned '400 4.4.7 Message delayed'`);
    expect(b.recipients[0]).toMatchObject({ address: 'ana@fabrikam.example', status: '4.4.7', reason: 'expired' });
    expect(b.recipients[0]!.delayed).toBeUndefined();
  });

  it('says so in German too', () => {
    const b = one(`Fehler bei der Zustellung an folgende Empfänger oder Gruppen:

ana@fabrikam.example

Diagnoseinformationen für Administratoren:

Generierender Server: EX01.contoso.example

ana@fabrikam.example
Remote Server at mx.fabrikam.example returned '400 4.4.7 Message delayed'`);
    expect(b.recipients[0]!.delayed).toBeUndefined();
  });

  it('still reads Exchange delay notices as delays', () => {
    const b = one(`Delivery is delayed to these recipients or groups:

ana@fabrikam.example

Diagnostic information for administrators:

Generating server: EX01.contoso.example

ana@fabrikam.example
Remote Server at mx.fabrikam.example returned '400 4.4.7 Message delayed'`);
    expect(b.recipients[0]!.delayed).toBe(true);
  });
});

describe('a listed recipient', () => {
  it('of a generic DSN ("Delivery to the following recipients failed.") is read, nothing guessed', () => {
    const b = one(`This is an automatically generated Delivery Status Notification.

Delivery to the following recipients failed.

       one@adatum.example
       two@adatum.example`);
    expect(b.recipients.map((r) => r.address)).toEqual(['one@adatum.example', 'two@adatum.example']);
    expect(b.recipients.every((r) => r.reason === 'undefined' && !r.status)).toBe(true);
  });

  it('of the same notification in German gets the reply printed under it', () => {
    const b = one(`Dies ist eine automatisch erstellte Benachrichtigung über den Zustellstatus.

Übermittlung an folgende Empfänger fehlgeschlagen.

       jonas@beispiel.example
       Antwort von mx.beispiel.example: 550 5.1.1 Mailbox unavailable`);
    expect(b.recipients).toHaveLength(1);
    expect(b.recipients[0]).toMatchObject({
      address: 'jonas@beispiel.example',
      status: '5.1.1',
      reason: 'userunknown',
    });
  });

  it('gets the "Reason:" line below it', () => {
    const b = one(`Delivery to the following recipient(s) failed permanently:

lena@tailspin.example

Reason: Quota exceeded for this mailbox, the message was refused.`);
    expect(b.recipients[0]).toMatchObject({ address: 'lena@tailspin.example', reason: 'mailboxfull' });
  });
});

describe('short notices of gateways and hosted systems', () => {
  it('"The following message to <addr> was undeliverable" with its reason line', () => {
    const b = one(`The following message to <omar@litware.example> was undeliverable.
The reason for the problem:
5.1.0 - Unknown address error 550-'Requested action not taken: mailbox unavailable'`);
    expect(b.recipients[0]).toMatchObject({ address: 'omar@litware.example', status: '5.1.0', reason: 'userunknown' });
  });

  it('"couldn\'t be delivered to the following recipient" with the recipient a paragraph above the reply', () => {
    const b = one(`Your message couldn't be delivered to the following recipient:

zoe@proseware.example

Reason: Rejected by the gateway. Remote server replied:
550 Administrative prohibition - envelope blocked`);
    expect(b.recipients[0]).toMatchObject({ address: 'zoe@proseware.example', replyCode: '550' });
  });

  it("the same opening line with no server code is an agent's sentence, not a report", () => {
    expect(
      findBounces(
        'Customer wrote: your message could not be delivered to the following recipients: zoe@proseware.example',
      ),
    ).toEqual([]);
  });

  it('an SMTP transcript pasted alone: the refusal after RCPT TO is about its recipient', () => {
    const b = one(` Mon 2024-02-05 10:01:12.100: --> RCPT TO:<li@woodgrove.example>
 Mon 2024-02-05 10:01:12.300: <-- 550 5.1.1 <li@woodgrove.example>: Recipient address rejected: User unknown`);
    expect(b.recipients[0]).toMatchObject({ address: 'li@woodgrove.example', status: '5.1.1', reason: 'userunknown' });
  });

  it('a transcript whose server accepted every recipient is no report', () => {
    expect(
      findBounces(` --> RCPT TO:<li@woodgrove.example>
 <-- 250 2.1.5 Recipient OK
 --> DATA
 <-- 354 Start mail input`),
    ).toEqual([]);
  });
});

describe('a gateway\'s bare "Blocked" after a policy status', () => {
  it('is a block of the sending host', () => {
    expect(
      classify({
        status: '5.7.1',
        replyCode: '554',
        diagnostic: '554 5.7.1 Blocked - see https://check.example/?ip=192.0.2.1',
      }),
    ).toBe('blocked');
  });
  it('not when the words go on to say by whom', () => {
    expect(classify({ status: '5.7.1', replyCode: '550', diagnostic: '550 5.7.1 Blocked by recipient rule' })).not.toBe(
      'blocked',
    );
  });
});

describe("Gmail's older report where no server answered", () => {
  it('is classified by its own technical details', () => {
    const b = one(`Delivery to the following recipient failed permanently:

     kai@nowhere-shipping.example

Technical details of permanent failure:
DNS Error: Domain name not found`);
    expect(b.recipients[0]).toMatchObject({ address: 'kai@nowhere-shipping.example', reason: 'hostunknown' });
  });
});
