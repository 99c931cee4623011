import { describe, expect, it } from 'vitest';
import { findBounces } from '../../../src/core/bounce';
import { familyOf } from '../../../src/core/bounce/family';

const families = (text: string) => findBounces(text).map((b) => b.generation);

const DSN = `Reporting-MTA: dns; relay2.quayside.example
Arrival-Date: Wed, 5 Feb 2025 11:20:41 +0000

Final-Recipient: rfc822; clerk@moorgate-hall.example
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.moorgate-hall.example
Diagnostic-Code: smtp; 550 5.1.1 no mailbox by that name`;

const EX2013 = `Delivery has failed to these recipients or groups:

a.sorensen@fjordhus.example
The e-mail address you entered couldn't be found. Please check the recipient's e-mail address and try to resend the message.

Diagnostic information for administrators:

Generating server: MBX07.tollgate.example

a.sorensen@fjordhus.example
#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##`;

describe('the reporting mail system is read from the report, not from words around it', () => {
  it('a generic DSN stays generic when the agent names mail products beside it', () => {
    const notes = [
      'Customer ran Exim until March and now Office 365; their relay is a Sendmail box.',
      'The site office also has Kerio and hMailServer, says the customer.',
    ];
    for (const note of notes) {
      expect(families(`${note}\n\n${DSN}`)).toEqual(['dsn']);
      expect(families(`${DSN}\n\n${note}`)).toEqual(['dsn']);
    }
  });

  it('an on-premises Exchange report is not called Exchange Online for a migration mentioned below it', () => {
    const note = '\n\nAgent: this is their Exchange 2013; the move to Exchange Online / Office 365 is planned for May.';
    expect(families(EX2013 + note)).toEqual(['exchange-2007+']);
    // A line of prose that starts with the product's name is no row of the card.
    for (const line of [
      'Office 365 migration for this tenant is booked for next week.',
      '> Microsoft 365 licences are not in use here yet.',
    ])
      expect(families(`${EX2013}\n\n${line}`), line).toEqual(['exchange-2007+']);
  });

  it("Exchange Online's card is told by its own row naming the product, also inside a pasted table cell", () => {
    const row = EX2013.replace(
      'The e-mail address you entered',
      'Office 365        a.sorensen\nAction Required        Recipient\n\nThe e-mail address you entered',
    );
    expect(families(row)).toEqual(['exchange-online']);
    const cell = EX2013.replace(
      'Diagnostic information',
      '<tr><td>Office 365</td><td>a.sorensen</td></tr>\n\nDiagnostic information',
    );
    expect(families(cell)).toEqual(['exchange-online']);
  });

  it("header fields and fixed lines only one system prints name it: Exim's, Sendmail's, qmail's", () => {
    expect(families(`X-Failed-Recipients: clerk@moorgate-hall.example\n${DSN}`)).toEqual(['exim']);
    expect(
      families(
        DSN.replace('Action: failed', 'X-Actual-Recipient: rfc822; clerk@moorgate-hall.example\nAction: failed'),
      ),
    ).toEqual(['sendmail']);
    const qmailLike = `Message from the mail gateway.
Unable to deliver message to the following address(es).

<clerk@moorgate-hall.example>:
192.0.2.17 does not like recipient.
Remote host said: 550 5.1.1 <clerk@moorgate-hall.example>... no such user
Giving up on 192.0.2.17.`;
    expect(families(qmailLike)).toEqual(['qmail']);
  });

  it('familyOf: the anchors decide first; prose words are never a cue', () => {
    const none = { all: new Set([undefined]) };
    expect(familyOf(none, 'the customer said Exim and Sendmail and MDaemon are all installed', '', undefined)).toBe(
      'dsn',
    );
    expect(
      familyOf({ first: 'postfix', all: new Set(['postfix' as const]) }, 'Office 365', 'Office 365', undefined),
    ).toBe('postfix');
    expect(familyOf(none, '', '', 'a9-3.smtp-out.amazonses.com')).toBe('amazon-ses');
  });
});
