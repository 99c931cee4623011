import { describe, expect, it } from 'vitest';
import { findBounces } from '../../../src/core/bounce';
import { msexchReason } from '../../../src/core/bounce/msexch';
import { isDisplayName, recipientIn, withoutGluedWord } from '../../../src/core/bounce/recipient-forms';

describe('recipientIn: the forms a report prints a recipient in', () => {
  it('takes an SMTP address, quoted or not', () => {
    expect(recipientIn("'kim@example.org'")).toBe('kim@example.org');
    expect(recipientIn('IMCEAEX-_O=EXAMPLE_OU=HQ_CN=RECIPIENTS_CN=kim@example.org')).toBe(
      'IMCEAEX-_O=EXAMPLE_OU=HQ_CN=RECIPIENTS_CN=kim@example.org',
    );
  });

  it('takes an X.500 distinguished name as printed, containers with spaces and parentheses included', () => {
    expect(recipientIn('/O=EXAMPLE/OU=FIRST ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=jlee')).toBe(
      '/O=EXAMPLE/OU=FIRST ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=jlee',
    );
    expect(recipientIn('/o=Example Org/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=jlee')).toBe(
      '/o=Example Org/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=jlee',
    );
    expect(recipientIn('EX:/O=EXAMPLE/OU=HQ/CN=RECIPIENTS/CN=jlee')).toBe('EX:/O=EXAMPLE/OU=HQ/CN=RECIPIENTS/CN=jlee');
  });

  it('takes an X.400 O/R address, but not the MTS-ID of a message', () => {
    expect(recipientIn('c=US;a= ;p=Example;o=Branch;s=Lee;g=Jin;')).toBe('c=US;a= ;p=Example;o=Branch;s=Lee;g=Jin');
    expect(recipientIn('/c=US/a= /p=Example/o=Branch/s=Lee/g=Jin')).toBe('/c=US/a= /p=Example/o=Branch/s=Lee/g=Jin');
    expect(recipientIn('/c=US/a=PUBMAIL/p=Example/DDA:MSXCHNGE= //o=Example//ou=HQ//cn=RECIPIENTS//cn=jlee')).toBe(
      '/c=US/a=PUBMAIL/p=Example/DDA:MSXCHNGE= //o=Example//ou=HQ//cn=RECIPIENTS//cn=jlee',
    );
    expect(recipientIn('c=US;a= ;p=Example;l=SRV01-990302220512Z-118')).toBeUndefined();
  });

  it('takes a Notes name, canonical or abbreviated, with or without its Notes domain', () => {
    expect(recipientIn('Jin Lee/Sales/Example@Example')).toBe('Jin Lee/Sales/Example@Example');
    expect(recipientIn('CN=Jin Lee/OU=Sales/O=Example')).toBe('CN=Jin Lee/OU=Sales/O=Example');
    expect(recipientIn('Jin Lee@EXAMPLEDOM')).toBe('Jin Lee@EXAMPLEDOM');
    expect(recipientIn('Zoë Müller/Wien/Example')).toBe('Zoë Müller/Wien/Example');
  });

  it('takes a display name, quotes removed', () => {
    for (const [label, name] of [
      ['Jin Lee', 'Jin Lee'],
      ['Lee, Jin', 'Lee, Jin'],
      ["'Board Members'", 'Board Members'],
      ['Ana de la Cruz', 'Ana de la Cruz'],
      ['jlee', 'jlee'],
    ] as const) {
      expect(recipientIn(label), label).toBe(name);
    }
  });

  it('takes a quoted label as typed, whatever its shape', () => {
    expect(recipientIn("'x400 to branch (Numeric)'")).toBe('x400 to branch (Numeric)');
    expect(recipientIn('x400 to branch (Numeric)')).toBeUndefined();
  });

  it('takes no sentence of a report for a name', () => {
    for (const text of [
      'The recipient name is not recognized',
      'Unknown Recipient Jin Lee',
      'see the log at 10:42 today',
      '550 5.1.1 User unknown',
      'Delivery Failure Report',
      '',
    ]) {
      expect(recipientIn(text), text).toBeUndefined();
    }
    expect(isDisplayName('and then the message bounced again after lunch')).toBe(false);
  });
});

describe('msexchReason: an Exchange connector code and the words after it', () => {
  it('lets the words decide when they name a cause: the IMS files every 550 under 000C05A6', () => {
    expect(
      msexchReason('The recipient name is not recognized (000C05A6) 550 relay.example.net => We do not relay'),
    ).toBe('norelaying');
    expect(msexchReason('(000C05A6) 550 <kim@example.org>... Relaying denied')).toBe('norelaying');
    expect(msexchReason('(000B099C) Message exceeds size limit.')).toBe('exceedlimit');
    expect(msexchReason('(000B099C) Host Unknown')).toBe('hostunknown');
  });

  it('falls back to the code when the words name nothing', () => {
    expect(msexchReason('(000C05A6) Unknown Recipient')).toBe('userunknown');
    expect(msexchReason('(000C0595) Ambiguous Recipient')).toBe('filtered');
    expect(msexchReason('(000D06B5) No proxy for Recipient')).toBe('systemerror');
    expect(msexchReason('(000C05A6)')).toBe('userunknown');
    expect(msexchReason('Unknown Recipient')).toBeUndefined();
  });
});

describe('findBounces: recipients named without an SMTP address', () => {
  it('reads an Exchange 2000 report whose recipient is an X.500 name', () => {
    const text = [
      'The following recipient(s) could not be reached:',
      '',
      '      /O=EXAMPLE/OU=FIRST ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=rtan on 7/1/2002 10:20 AM',
      '            The e-mail account does not exist at the organization this message was sent to.',
      '            <mail1.example.com #5.1.1>',
    ].join('\n');
    const [b] = findBounces(text);
    expect(b?.generation).toBe('exchange-2003');
    expect(b?.recipients.map((r) => [r.address, r.status, r.reason])).toEqual([
      ['/O=EXAMPLE/OU=FIRST ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=rtan', '5.1.1', 'userunknown'],
    ]);
  });

  it('keeps a display name and the SMTP address the server quotes for it as one recipient, the address kept', () => {
    const text = [
      'The following recipient(s) could not be reached:',
      '',
      '      Rosa Tan on 7/1/2002 10:20 AM',
      '            The e-mail address could not be found.',
      '            <gw.example.com #5.1.1 smtp;550 5.1.1 <rtan@partner.example.net>... User unknown>',
    ].join('\n');
    const [b] = findBounces(text);
    expect(b?.recipients.map((r) => [r.address, r.reason, r.date])).toEqual([
      ['rtan@partner.example.net', 'userunknown', '7/1/2002 10:20 AM'],
    ]);
  });

  it('pairs a listed name with the address only the DSN part gives, but not with another listed address', () => {
    const report = (lines: string[]) =>
      [
        'did not reach the following recipient(s):',
        '',
        ...lines,
        '',
        'Reporting-MTA: dns; mail1.example.com',
        '',
        'Final-Recipient: rfc822; rtan@partner.example.net',
        'Action: failed',
        'Status: 5.0.0',
      ].join('\n');
    const one = findBounces(
      report([
        'Rosa Tan on 7/1/2002 10:20 AM',
        '    The recipient name is not recognized',
        '    MSEXCH:IMS:Example:HQ:MAIL1 0 (000C05A6) Unknown Recipient',
      ]),
    );
    expect(one[0]?.recipients.map((r) => [r.address, r.reason])).toEqual([['rtan@partner.example.net', 'userunknown']]);
    const two = findBounces(
      report([
        'rtan@partner.example.net on 7/1/2002 10:20 AM',
        '    The recipient name is not recognized',
        '    MSEXCH:IMS:Example:HQ:MAIL1 0 (000C05A6) Unknown Recipient',
        '/O=EXAMPLE/OU=HQ/CN=RECIPIENTS/CN=jlee on 7/1/2002 10:20 AM',
        '    Unable to deliver the message due to a communications failure',
        '    MSEXCH:MSExchangeMTA:HQ:MAIL1',
      ]),
    );
    expect(two[0]?.recipients.map((r) => [r.address, r.reason])).toEqual([
      ['rtan@partner.example.net', 'userunknown'],
      ['/O=EXAMPLE/OU=HQ/CN=RECIPIENTS/CN=jlee', 'networkerror'],
    ]);
  });

  it('reads a Domino report whose recipient is a Notes name', () => {
    const text =
      'Your message\n\n  Subject: Rota\n\nwas not delivered to:\n\n  Jin Lee/Sales/Example@Example\n\nbecause:\n\n  User Jin Lee/Sales/Example@Example not listed in Domino Directory\n';
    const [b] = findBounces(text);
    expect(b?.generation).toBe('domino');
    expect(b?.recipients.map((r) => [r.address, r.reason])).toEqual([['Jin Lee/Sales/Example@Example', 'userunknown']]);
  });

  it('reads each Notes name of a Domino report that lists several', () => {
    const text =
      'Delivery Failure Report\n\nYour document:    Rota\nwas not delivered to:    Jin Lee/Sales/Example@Example\n    Ana Ruiz/Sales/Example@Example\nbecause:    Maximum hop count exceeded.  Message probably in a routing loop.\nWhat should you do?\n';
    const [b] = findBounces(text);
    expect(b?.recipients.map((r) => [r.address, r.reason])).toEqual([
      ['Jin Lee/Sales/Example@Example', 'networkerror'],
      ['Ana Ruiz/Sales/Example@Example', 'networkerror'],
    ]);
  });

  it("takes no name from prose in Domino's words", () => {
    for (const text of [
      'The pallet was not delivered to: Dock 4 because: the driver was late.',
      'The memo was not delivered to Jin Lee because he left the company.',
      'It was not delivered to Jin Lee/Sales because: not listed in Domino Directory, says the helpdesk.',
    ])
      expect(findBounces(text), text).toEqual([]);
  });
});

describe('withoutGluedWord: an address with the next line glued on', () => {
  it('cuts a capitalised tail only when the report prints the address without it, or a sentence goes on', () => {
    expect(withoutGluedWord('ann@fell.exampleThe', 'To ann@fell.exampleThe e-mail address is wrong')).toBe(
      'ann@fell.example',
    );
    expect(withoutGluedWord('ann@fell.comLEARN', 'ann@fell.com\nann@fell.comLEARN')).toBe('ann@fell.com');
    expect(withoutGluedWord('Ann.Lee@Fell.Com', 'Ann.Lee@Fell.Com')).toBe('Ann.Lee@Fell.Com');
    expect(withoutGluedWord('ann@FELL.COM', 'ann@FELL.COM')).toBe('ann@FELL.COM');
    expect(withoutGluedWord('Jin Lee/Sales/Acme@Acme', 'Jin Lee/Sales/Acme@Acme')).toBe('Jin Lee/Sales/Acme@Acme');
  });

  it('keeps real addresses whose last label mixes cases', () => {
    for (const a of [
      'sales@fenwick.cOM',
      'Tom.Hale@Hale-Sons.coM',
      'admin@lab.homeNet',
      'a@corp.contosoAD',
      'x@y.eXample',
    ])
      expect(
        withoutGluedWord(
          a,
          `Delivery has failed to these recipients or groups:\n\n${a}\nRemote Server returned '550 5.1.1'`,
        ),
      ).toBe(a);
  });

  it('keeps a mistyped domain in a sentence: only a capitalised word after a real label is a glued one', () => {
    expect(withoutGluedWord('sales@fenwick.cOM', "sales@fenwick.cOM couldn't be delivered")).toBe('sales@fenwick.cOM');
    expect(withoutGluedWord('x@y.eXample', 'x@y.eXample is wrong')).toBe('x@y.eXample');
    expect(withoutGluedWord('ann@fell.exampleRemote', 'ann@fell.exampleRemote Server returned')).toBe(
      'ann@fell.example',
    );
  });
});
