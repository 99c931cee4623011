import { describe, expect, it } from 'vitest';
import { addBounceMatches, findBounces } from '../../../src/core/bounce';

describe('a recipient list lead with nothing said of the recipient', () => {
  it("is no report inside an agent's sentence", () => {
    expect(
      findBounces(
        'Hi team, the user says: Delivery to the following recipients failed: bob@contoso.example\nI checked and the mailbox exists.',
      ),
    ).toEqual([]);
    expect(
      findBounces(
        'Per the caller, Delivery to the following recipient failed permanently: kim@fabrikam.example and then nothing else.',
      ),
    ).toEqual([]);
    expect(
      findBounces(
        'Laut Anwender: Die Übermittlung an folgende Empfänger ist fehlgeschlagen: uwe@contoso.example, bitte prüfen.',
      ),
    ).toEqual([]);
  });

  it('is a report where the phrase begins a pasted line', () => {
    const bs = findBounces(
      'The user forwarded this:\n\n> Delivery to the following recipients failed.\n>\n>        bob@contoso.example\n\nThanks',
    );
    expect(bs).toHaveLength(1);
    expect(bs[0]!.recipients.map((r) => r.address)).toEqual(['bob@contoso.example']);
  });

  it('is a report in a sentence when a code is beside it', () => {
    const bs = findBounces(
      'The user says: Delivery to the following recipients failed: bob@contoso.example #< #5.1.1 smtp;550 5.1.1 User unknown> #SMTP#',
    );
    expect(bs).toHaveLength(1);
    expect(bs[0]!.recipients[0]).toMatchObject({ address: 'bob@contoso.example', status: '5.1.1' });
  });

  it('is a report in a sentence with its Reason line under it', () => {
    const bs = findBounces(
      'The user says: Delivery to the following recipients failed: bob@contoso.example\nReason: Remote host said: mailbox unavailable',
    );
    expect(bs).toHaveLength(1);
    expect(bs[0]!.recipients[0]!.address).toBe('bob@contoso.example');
  });
});

describe('a report that states no reason', () => {
  it('is said to have none, never printed as "undefined"', () => {
    const text =
      'Delivery to the following recipient failed permanently:\n\n     bob@contoso.example\n\nTechnical details of permanent failure:\nThe recipient server did not accept our requests.\n';
    const bounces = findBounces(text);
    expect(bounces[0]!.recipients[0]!.reason).toBe('undefined');
    const added = addBounceMatches(text, [], bounces);
    expect(added).toHaveLength(1);
    expect(added[0]!.why).toBe('bounce: no reason stated');
    expect(added[0]!.why).not.toMatch(/undefined/);
  });
});

describe("MDaemon's name", () => {
  const dsn = [
    'Reporting-MTA: dns; relay.contoso.example',
    '',
    'Final-Recipient: rfc822; bob@fabrikam.example',
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
  ];
  it("names the report's mail system only where the report itself says it", () => {
    const withNote = ['The MDaemon admin says this keeps coming back:', '', ...dsn, '', 'Does MDaemon drop it?'];
    const [b] = findBounces(withNote.join('\n'));
    expect(b!.recipients[0]!.address).toBe('bob@fabrikam.example');
    expect(b!.generation).not.toBe('mdaemon');
  });
  it('names MDaemon from a header field of the report', () => {
    const own = ['Received: from relay.contoso.example by mail.contoso.example (MDaemon PRO v21.0.1)', ...dsn];
    expect(findBounces(own.join('\n'))[0]!.generation).toBe('mdaemon');
    const mailbox = ['From: MDaemon@contoso.example', ...dsn];
    expect(findBounces(mailbox.join('\n'))[0]!.generation).toBe('mdaemon');
  });
});
