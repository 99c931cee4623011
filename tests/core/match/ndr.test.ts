import { describe, expect, it } from 'vitest';
import { findCodes } from '../../../src/core/match';
import { scan } from './helpers';

const ndrs = (text: string) => scan(text).filter((m) => m.kind === 'ndr');

describe('NDRs by generation', () => {
  it('Exchange 5.5 reason line, wrapped and quoted', () => {
    const [m] = ndrs('The NDR said:\n> Unable to deliver the message\n> due to a communications failure.\nThanks');
    expect(m).toMatchObject({
      kind: 'ndr',
      class: 'communication-failure',
      value: 'Unable to deliver the message due to a communications failure.',
    });
    expect(m!.articles.sort()).toEqual(['Q170010', 'Q227142']);
    expect(m!.text.startsWith('Unable to deliver')).toBe(true);
    expect(m!.text.endsWith('failure')).toBe(true);
  });

  it('Exchange 5.5 "recipient name is not recognized", a built-in phrase no article needs to quote', () => {
    const [m] = ndrs('jdoe@contoso.com\n  The recipient name is not recognized');
    expect(m).toMatchObject({ class: 'unknown-recipient', articles: [] });
  });

  it('MSEXCH diagnostic line with real org/site/server names', () => {
    const [m] = ndrs('   MSEXCH:IMS:Contoso Ltd:HQ-Site:EXCHSRV01 0 (000C05A6) Unknown Recipient');
    expect(m).toMatchObject({ class: 'unknown-recipient', articles: ['Q183588'] });
  });

  it('MSEXCH line with a hex code no article quotes still has its class', () => {
    const [m] = ndrs('MSEXCH:IMS:Org:Site:SRV 0 (00120270) Too Many Hops');
    expect(m).toMatchObject({ class: 'loop' });
  });

  it('X.400 reason and diagnostic codes, numbers and names', () => {
    const found = ndrs(
      'Reason: 1\nDiagnostic code: 0\nand later reason code unable-to-transfer with diagnostic code maximum-time-expired',
    );
    expect(found.map((m) => [m.value, m.class])).toEqual([
      ['X.400 reason 1', 'communication-failure'],
      ['X.400 diagnostic 0', 'unknown-recipient'],
      ['X.400 reason 1', 'communication-failure'],
      ['X.400 diagnostic 5', 'expired'],
    ]);
  });

  it("the article's X.400 sentence matches as a message", () => {
    const [m] = ndrs('NDR: reason code unable-to-transfer and diagnostic code content-syntax-error.');
    expect(m).toMatchObject({ articles: ['Q231799'], source: 'message' });
  });

  it('enhanced status codes need an SMTP cue', () => {
    const found = ndrs('<jdoe@contoso.com #5.1.1>\nRemote server said 552 5.2.2 mailbox full\nStatus: 4.4.7');
    expect(found.map((m) => [m.value, m.class])).toEqual([
      ['5.1.1', 'unknown-recipient'],
      ['5.2.2', 'mailbox-full'],
      ['4.4.7', 'expired'],
    ]);
    expect(ndrs('upgraded from version 5.1.1 to 5.2.2')).toEqual([]);
  });

  it('a success status is no NDR code: a telnet test and a delivery notice open no bounce card', () => {
    const telnet = [
      'MAIL FROM:<alerts@contoso.com>',
      '250 2.1.0 Sender OK',
      'RCPT TO:<ops@contoso.com>',
      '250 2.1.5 Recipient OK',
      '250 2.6.0 <abc@web01> Queued mail for delivery',
      '221 2.0.0 Service closing transmission channel',
    ].join('\n');
    expect(ndrs(telnet)).toEqual([]);
    expect(findCodes(telnet)).toEqual([]);
    expect(ndrs('Action: delivered\nStatus: 2.0.0\nDiagnostic-Code: smtp;250 2.6.0 Queued mail for delivery')).toEqual(
      [],
    );
    // The failure next to them is still read.
    const mixed = ndrs('250 2.1.5 Recipient OK\n550 5.1.1 User unknown\nStatus: 4.4.7');
    expect(mixed.map((m) => [m.value, m.class])).toEqual([
      ['5.1.1', 'unknown-recipient'],
      ['4.4.7', 'expired'],
    ]);
  });

  it('550 5.7.1 is relay-denied when the server says relay', () => {
    expect(ndrs('550 5.7.1 Relaying denied for this domain')[0]).toMatchObject({ class: 'relay-denied' });
    expect(ndrs('550 5.7.1 Message rejected by policy')[0]).toMatchObject({ class: 'access-denied' });
  });

  it("the article's 550 5.7.1 message with the recipient filled in", () => {
    const [m] = ndrs("Remote Server returned '550 5.7.1 Unable to relay for jane.doe@fabrikam.com'");
    expect(m).toMatchObject({ class: 'relay-denied', articles: ['Q304897'], source: 'message' });
  });

  it('Exchange 2007+ block', () => {
    const text = [
      'Delivery has failed to these recipients or groups:',
      'jdoe@contoso.com',
      'Diagnostic information for administrators:',
      'Generating server: EXCH2007.contoso.local',
      'jdoe@contoso.com',
      '#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##',
    ].join('\n');
    const found = ndrs(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ class: 'unknown-recipient', articles: ['Q895853'] });
  });

  it('Exchange 2007+ status component alone', () => {
    expect(ndrs('failed with QUEUE.Expired; message expired')[0]).toMatchObject({
      value: 'QUEUE.Expired',
      class: 'expired',
    });
  });

  it('Exchange 2003 loop text', () => {
    const [m] = ndrs(
      'A configuration error in the e-mail system caused the message to bounce between two servers or to be forwarded between two recipients.',
    );
    expect(m).toMatchObject({ class: 'loop', articles: ['Q262040'] });
  });

  it('boilerplate alone is never reported', () => {
    const text =
      'Your message did not reach some or all of the intended recipients.\n\nSubject: Budget\nSent: 3/4/1999 10:15 AM\n\nThe following recipient(s) could not be reached:';
    expect(scan(text)).toEqual([]);
  });
});
