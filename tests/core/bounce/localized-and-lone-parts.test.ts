import { describe, expect, it } from 'vitest';
import { explainReason, findBounces } from '../../../src/core/bounce';
import { ANY_ANCHOR, GENERATING_SERVER_LABELS } from '../../../src/core/bounce/anchors';
import { inTicket } from './fixtures';

/** Failed recipients of every bounce in a text: [address, reason]. */
const failed = (text: string) =>
  findBounces(text).flatMap((b) => b.recipients.filter((r) => !r.delayed).map((r) => [r.address, r.reason]));

describe('Exchange 2000/2003 reports in other languages', () => {
  it('reads a German report: its list line and "am DATE"', () => {
    const text = [
      'Ihre Nachricht hat einige oder alle Empfänger nicht erreicht.',
      '',
      '      Betreff:\tLieferschein',
      '      Gesendet:\t03.02.2004 08:15',
      '',
      'Folgende(r) Empfänger konnte(n) nicht erreicht werden:',
      '',
      '      lager@spedition.example am 03.02.2004 08:16',
      '            Das Postfach des Empfängers ist voll.',
      '            <mail.spedition.example #5.2.2 smtp;552 5.2.2 quota exceeded>',
    ].join('\n');
    expect(failed(text)).toEqual([['lager@spedition.example', 'mailboxfull']]);
    expect(findBounces(text)[0]!.generation).toBe('exchange-2003');
  });
  it('finds a report in a language it has no words for by its "<host #5.x.x>" line, quoted and folded', () => {
    const text = [
      'Cliente manda isto:',
      '> A sua mensagem não chegou a alguns destinatários.',
      '>',
      '> vendas@loja.example em 21/09/2005 14:02 O destinatário não existe nesta organização.',
      '> <SRVMAIL.contoso.example #5.1.1>',
    ].join('\n');
    expect(failed(text)).toEqual([['vendas@loja.example', 'userunknown']]);
  });
  it('reads a recipient line far above its "<host #5.x.x>" line: a long sentence between, indented as Outlook shows it', () => {
    const sentence =
      "L'indirizzo di posta elettronica non è stato trovato presso l'organizzazione a cui è stato inviato il messaggio. " +
      "Verificare l'indirizzo oppure contattare direttamente il destinatario per conoscere l'indirizzo corretto, " +
      'quindi inviare di nuovo il messaggio.';
    const text = [
      'Il messaggio non ha raggiunto alcuni o tutti i destinatari previsti.',
      '',
      '      Oggetto:\tOrdine 118',
      '      Inviato:\t14/06/2005 16.20',
      '',
      'Impossibile raggiungere i seguenti destinatari:',
      '',
      '      Verdi, Giulia il 14/06/2005 16.21',
      ...sentence.match(/.{1,60}(?:\s|$)/g)!.map((l) => '            ' + l.trim()),
      '            <POSTA.azienda.example #5.1.1>',
    ].join('\n');
    expect(failed(text)).toEqual([['Verdi, Giulia', 'userunknown']]);
    expect(findBounces(text)[0]!.generation).toBe('exchange-2003');
  });
  it("folded onto one line in a language it has no list line for, reads the display name after the list line's colon", () => {
    const text =
      'Het bericht heeft sommige of alle geadresseerden niet bereikt. Onderwerp: Offerte Verzonden: 07-03-2005 9:12 ' +
      'De volgende geadresseerden zijn niet bereikt: Jansen, Pieter op 07-03-2005 9:13 ' +
      'Het postvak van de geadresseerde is vol. <MAIL01.bedrijf.example #5.2.2>';
    expect(failed(text)).toEqual([['Jansen, Pieter', 'mailboxfull']]);
  });
  it('reads two recipients of a Spanish report flattened onto one line', () => {
    const text =
      'El mensaje no llegó a algunos destinatarios. Asunto: Cotización Enviado el: 02/05/2006 11:00 ' +
      'a.ruiz@cliente.example el 02/05/2006 11:01 No existe la cuenta. <EXCH.contoso.example #5.1.1> ' +
      'b.sanz@otro.example el 02/05/2006 11:01 Sin permiso. <EXCH.contoso.example #5.7.1 smtp;550 5.7.1 Unable to relay for b.sanz@otro.example>';
    expect(failed(text)).toEqual([
      ['a.ruiz@cliente.example', 'userunknown'],
      ['b.sanz@otro.example', 'norelaying'],
    ]);
  });
});

describe("a Postfix recipient paragraph pasted alone, in Postfix's own words", () => {
  it('reads DNS, loop and size failures that quote no server reply', () => {
    expect(
      failed(
        '<pat@misspelt-domain.example>: Host or domain name not found. Name service error for\n    name=misspelt-domain.example type=A: Host not found',
      ),
    ).toEqual([['pat@misspelt-domain.example', 'hostunknown']]);
    expect(failed('> <ops@branch.example>: mail for branch.example loops back to myself')).toEqual([
      ['ops@branch.example', 'networkerror'],
    ]);
    expect(
      failed(
        '<cad@studio.example>: message size 52428800 exceeds size limit 10240000 of server mx.studio.example[192.0.2.9]',
      ),
    ).toEqual([['cad@studio.example', 'exceedlimit']]);
  });
  it('leaves prose about an address alone', () => {
    expect(findBounces('Please write to <help@contoso.example>: we answer within a day.')).toEqual([]);
  });
});

describe('Courier delivery status notifications', () => {
  const report = (list: string, body: string) =>
    [
      'This is a delivery status notification from mx.isp.example,',
      'running the Courier mail server, version 1.0.',
      '',
      list,
      '',
      body,
    ].join('\n');
  it('reads a failed recipient from the transcript under its address', () => {
    const text = report(
      'Your message to the following recipients cannot be delivered:',
      '<ann@farm.example>:\n    mx.farm.example [192.0.2.40]:\n>>> RCPT TO:<ann@farm.example>\n<<< 552 5.2.2 <ann@farm.example>: mailbox is over quota',
    );
    expect(failed(text)).toEqual([['ann@farm.example', 'mailboxfull']]);
    expect(findBounces(text)[0]!.generation).toBe('courier');
  });
  it('reads "has not been delivered yet" as a delay, not a failure', () => {
    const text = report(
      'Your message to the following recipients has not been delivered yet.\nDelivery attempts will continue.',
      '<bo@slow.example>:\n    mx.slow.example [192.0.2.41]:\n<<< 421 4.3.2 Service shutting down',
    );
    const r = findBounces(text)[0]!.recipients;
    expect(r).toMatchObject([{ address: 'bo@slow.example', delayed: true }]);
  });
});

describe('recipients printed in other forms', () => {
  it('reports the address a Sendmail alias expansion came from', () => {
    const text = [
      '   ----- The following addresses had permanent fatal errors -----',
      'mwhite',
      '    (reason: 550 5.1.1 mwhite... User unknown)',
      '    (expanded from: <m.white@labs.example>)',
    ].join('\n');
    expect(failed(text)).toEqual([['m.white@labs.example', 'userunknown']]);
  });
  it("reads Domino's Failure Reasons for Notes names, each after the reason that quotes it", () => {
    const text = [
      'DELIVERY FAILURE: User Ines Roth (Ines Roth/Finance/Acme) not listed in Domino Directory',
      '',
      '------- Failure Reasons --------',
      '',
      'User Ines Roth (Ines Roth/Finance/Acme) not listed in Domino Directory',
      'Ines Roth/Finance/Acme',
      'User Olaf Berg (Olaf Berg/Plant/Acme) mail file is full',
      'Olaf Berg/Plant/Acme',
      '',
      '------- Returned Message --------',
    ].join('\n');
    expect(failed(text)).toEqual([
      ['Ines Roth/Finance/Acme', 'userunknown'],
      ['Olaf Berg/Plant/Acme', 'mailboxfull'],
    ]);
  });
});

describe('server replies read where they are printed', () => {
  it("reads Gmail's reply printed right under the technical details", () => {
    const text = [
      'Delivery to the following recipient failed permanently:',
      '',
      '     max.k@bigfiles.example',
      '',
      'Technical details of permanent failure:',
      '552-5.3.4 Your message exceeded the size limit of this server.',
      '552 5.3.4 guidelines. z9si1 - gsmtp',
    ].join('\n');
    expect(failed(text)).toEqual([['max.k@bigfiles.example', 'exceedlimit']]);
  });
  it('takes the address printed right after an Exchange reply copied out of order', () => {
    const text =
      "Remote Server returned '554 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds'\nbilling@shop.example";
    expect(failed(text)).toEqual([['billing@shop.example', 'contenterror']]);
  });
});

describe('two reports pasted one after the other', () => {
  it('ends a report at its "<host #5.x.x>" line when the next report opens right after it', () => {
    const text = [
      '      sam@site.example on 4/4/2005 9:00 AM',
      '            A configuration error caused the message to bounce between two servers.',
      '            <HUB.contoso.example #5.4.6>',
      '',
      'and the one from today:',
      '',
      'Delivery has failed to these recipients or groups:',
      '',
      'kit@other.example',
      "The email address you entered couldn't be found.",
    ].join('\n');
    const bounces = findBounces(text);
    expect(bounces.map((b) => b.recipients.map((r) => [r.address, r.reason]))).toEqual([
      [['sam@site.example', 'networkerror']],
      [['kit@other.example', 'userunknown']],
    ]);
  });
});

describe('the step for a mail loop', () => {
  it('is not "wait and resend": a loop is broken by someone, whatever words or code say it', () => {
    for (const detail of [
      '554 5.4.14 Hop count exceeded - possible mail loop',
      '5.4.6',
      'mail for a.example loops back to myself',
    ]) {
      const e = explainReason('networkerror', detail)!;
      expect(e.label).toBe('Mail loop');
      expect(e.temporary).toBe(false);
    }
    expect(
      explainReason('networkerror', 'connect to mx.a.example[192.0.2.1]:25: Connection timed out')!.temporary,
    ).toBe(true);
    expect(explainReason('userunknown', 'loop')!.label).toBe('Unknown recipient');
  });

  it('is not read into a word that only begins with "loop": an address, a host, a loopback interface', () => {
    for (const detail of [
      '<ana@loopnet.example>: connect to mx.loopnet.example[192.0.2.7]:25: Connection timed out',
      'connect to mx.a.example[127.0.0.1]:25: Connection refused (loopback address)',
      'loopy.user@a.example 4.4.1 no answer from host',
      'delivery to loop@a.example timed out',
    ])
      expect(explainReason('networkerror', detail)!.label, detail).not.toBe('Mail loop');
    for (const detail of [
      'Routing loop detected',
      'Hop count exceeded - possible mail loop.',
      'This message is looping: it already has my Delivered-To line',
    ])
      expect(explainReason('networkerror', detail)!.label, detail).toBe('Mail loop');
  });
});

describe('more forms, second round', () => {
  it('reads a recipient dated day-month-year with dashes', () => {
    const text = [
      'De volgende geadresseerde(n) kon(den) niet worden bereikt:',
      '',
      '      r.visser@haven.example op 7-11-2006 16:40',
      '            Onbekende ontvanger.',
      '            <gw.haven.example #5.1.1>',
    ].join('\n');
    expect(failed(text)).toEqual([['r.visser@haven.example', 'userunknown']]);
  });
  it("reads a qmail paragraph pasted without its report by its '(#5.x.x)' status", () => {
    expect(failed('<kai@isp.example>:\nThis mailbox has exceeded its allowed quota. (#5.2.2)')).toEqual([
      ['kai@isp.example', 'mailboxfull'],
    ]);
  });
  it('reads a Domino Notes name printed after a reason that does not quote it', () => {
    const text = [
      '------- Failure Reasons --------',
      '',
      'Unable to write to database because database would exceed its disk quota.',
      'Rolf Dahl/Bergen/Acme',
      '',
      '------- Returned Message --------',
    ].join('\n');
    expect(failed(text)).toEqual([['Rolf Dahl/Bergen/Acme', 'mailboxfull']]);
  });
  it("reads Sendmail's deferred transcript line, expired once the queue gave up", () => {
    const text = [
      '   ----- Transcript of session follows -----',
      '<hr@quiet.example>... Deferred: Connection timed out with mx.quiet.example.',
      'Message could not be delivered for 5 days',
      'Message will be deleted from queue',
    ].join('\n');
    expect(failed(text)).toEqual([['hr@quiet.example', 'expired']]);
  });
  it("reads SmarterMail's report", () => {
    const text = [
      "Failed to deliver to 'tim@far.example'",
      'SMTP module(domain far.example) reports:',
      ' host mx.far.example says:',
      ' 552 5.2.2 <tim@far.example>: mailbox full',
    ].join('\n');
    expect(failed(text)).toEqual([['tim@far.example', 'mailboxfull']]);
  });
  it('reads "delivery temporarily suspended" as a delay and "not RFC 5322 compliant" as a content error', () => {
    expect(
      failed(
        '<lee@mx-down.example>: delivery temporarily suspended: connect to mx-down.example[192.0.2.8]:25: Connection timed out',
      ),
    ).toEqual([]);
    expect(
      findBounces(
        '<lee@mx-down.example>: delivery temporarily suspended: lost connection with mx-down.example[192.0.2.8]',
      )[0]!.recipients[0]!.delayed,
    ).toBe(true);
    expect(
      failed(
        '<a@mail.example>: host mx.mail.example[192.0.2.3] said: 550-5.7.1 This message is not RFC 5322 compliant. (in reply to end of DATA command)',
      ),
    ).toEqual([['a@mail.example', 'contenterror']]);
  });
});

describe("Postfix's 'delivery temporarily suspended'", () => {
  it('is no delay in the report Postfix sends when it gives up: the message came back', () => {
    const text = [
      'This is the mail system at host mail.a.example.',
      '',
      "I'm sorry to have to inform you that your message could not",
      "be delivered to one or more recipients. It's attached below.",
      '',
      '                   The mail system',
      '',
      '<bob@b.example>: delivery temporarily suspended: connect to',
      '    mx.b.example[192.0.2.5]:25: Connection timed out',
    ].join('\n');
    const r = findBounces(text)[0]!.recipients[0]!;
    expect(r.address).toBe('bob@b.example');
    expect(r.delayed).toBeUndefined();
  });
  it("stays a delay in Postfix's warning pasted without its banner ('could not be delivered for more than')", () => {
    const text = [
      'This is the mail system at host mail.a.example.',
      '',
      'Your message could not be delivered for more than 4 hour(s).',
      'It will be retried until it is 5 day(s) old.',
      '',
      '<bob@b.example>: delivery temporarily suspended: connect to',
      '    mx.b.example[192.0.2.5]:25: Connection timed out',
    ].join('\n');
    expect(findBounces(text)[0]!.recipients[0]!.delayed).toBe(true);
  });
});

describe('a Postfix reply broken into paragraphs by a page that spaced out every line', () => {
  it('reads the reply on to its "(in reply to ... command)"', () => {
    const text = [
      '<buyer@outlet.example>: host mx.outlet.example[192.0.2.50] said: 550 5.7.1',
      '',
      '    Client host [198.51.100.9] blocked using bl.example-dnsbl.example;',
      '',
      '    see the list site (in reply to RCPT TO command)',
    ].join('\n');
    const r = findBounces(text)[0]!.recipients[0]!;
    expect([r.address, r.replyCode, r.reason]).toEqual(['buyer@outlet.example', '550', 'blocked']);
    expect(r.diagnostic).toContain('bl.example-dnsbl.example');
  });
});

describe('third round', () => {
  it("reads an Exim address block pasted without the report's lines", () => {
    const text = [
      '  pia@far-isle.example',
      '    host mx.far-isle.example [192.0.2.95]',
      '    SMTP error from remote mail server after RCPT TO:<pia@far-isle.example>:',
      '    550 5.1.1 No such user here',
    ].join('\n');
    expect(failed(text)).toEqual([['pia@far-isle.example', 'userunknown']]);
  });
  it('reads a Gmail reply that follows its human sentence under the technical details, quoted', () => {
    const text = [
      '> Delivery to the following recipient failed permanently:',
      '>',
      '>      ex.player@gmail.example',
      '>',
      '> Technical details of permanent failure:',
      '> The account is over its storage. Learn more at',
      '> 552 5.2.2 The email account that you tried to reach is over quota. - gsmtp',
    ].join('\n');
    expect(failed(text)).toEqual([['ex.player@gmail.example', 'mailboxfull']]);
  });
  it('reads an Exchange Online report with a 4xx reply and a 4.x.x status as still retrying, in any language', () => {
    const text = [
      'Die Zustellung verzögert sich?',
      '',
      'Diagnoseinformationen für Administratoren:',
      '',
      'Generierender Server: FR0P281MB0100.DEUP281.PROD.OUTLOOK.COM',
      '',
      'k.lang@spaet.example',
      'Remote Server returned \'451 4.4.0 Primary target IP address responded with: "421 4.4.2 Connection dropped."\'',
    ].join('\n');
    expect(findBounces(text)[0]!.recipients).toMatchObject([{ address: 'k.lang@spaet.example', delayed: true }]);
    // The same report giving up prints a 5xx reply with the temporary status: a failure.
    const gaveUp = text.replace("'451 4.4.0", "'550 4.4.7 QUEUE.Expired;");
    expect(failed(gaveUp)).toEqual([['k.lang@spaet.example', 'expired']]);
  });
  it('reads a 4xx reply as a failure where the report says delivery has failed', () => {
    const text = [
      'Delivery has failed to these recipients or groups:',
      '',
      'k.lang@spaet.example',
      '',
      'Diagnostic information for administrators:',
      '',
      'Generating server: EX01.corp.example',
      '',
      'k.lang@spaet.example',
      'Remote Server returned \'451 4.4.0 Primary target IP address responded with: "421 4.4.2 Connection dropped."\'',
    ].join('\n');
    expect(findBounces(text)[0]!.recipients).toMatchObject([{ address: 'k.lang@spaet.example' }]);
    expect(findBounces(text)[0]!.recipients[0]!.delayed).toBeUndefined();
  });
  it('reads "DNSBLs" and inode limits', () => {
    expect(
      failed(
        '<a@isp.example>: host mx.isp.example[192.0.2.2] said: 554 198.51.100.1 found on two DNSBLs (in reply to MAIL FROM command)',
      ),
    ).toEqual([['a@isp.example', 'blocked']]);
    expect(failed('The following address(es) failed:\n\n  b@host.example\n    Blocks limit exceeded')).toEqual([
      ['b@host.example', 'mailboxfull'],
    ]);
  });
});

describe("Exchange's server line in every language it is read in", () => {
  it.each(GENERATING_SERVER_LABELS)('"%s:" anchors the report and names its server', (label) => {
    const text = [
      'Une erreur est survenue.',
      '',
      `${label}: AM6PR04MB5123.eurprd04.prod.outlook.com`,
      '',
      'k.lang@spaet.example',
      "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
    ].join('\n');
    const [b] = findBounces(text);
    expect(b!.reportingMta).toBe('AM6PR04MB5123.eurprd04.prod.outlook.com');
    expect(b!.start).toBeLessThanOrEqual(text.indexOf(label));
  });
});

describe("Exchange Online's report in a language no anchor has words for", () => {
  it("finds it by its datacenter server's name after a translated label, and reads the quoted reply", () => {
    // Danish-like labels the anchors do not list; the server name and the quoted reply are the same in every language.
    const text = [
      'Levering til disse modtagere eller grupper mislykkedes:',
      '',
      'j.holm@bryggeri.example',
      'Modtagerens postkasse er fuld.',
      '',
      'Diagnosticeringsoplysninger for administratorer:',
      '',
      'Oprettende server: DB8PR09MB4321.eurprd09.prod.outlook.com',
      '',
      'j.holm@bryggeri.example',
      "Fjernserveren returnerede '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException'",
    ].join('\n');
    const [b] = findBounces(text);
    expect(b?.generation).toBe('exchange-online');
    expect(b?.reportingMta).toBe('DB8PR09MB4321.eurprd09.prod.outlook.com');
    expect(failed(text)).toEqual([['j.holm@bryggeri.example', 'mailboxfull']]);
  });
  it('reads the reply in CJK quotes', () => {
    const text = [
      '生成服务器: SG2PR04MB2468.apcprd04.prod.outlook.com',
      '',
      'li@huanghe.example',
      '远程服务器返回“550 5.1.1 RESOLVER.ADR.RecipNotFound; not found”',
    ].join('\n');
    expect(failed(text)).toEqual([['li@huanghe.example', 'userunknown']]);
  });
  it('reads the reply where the quotes around it were lost', () => {
    const text = [
      'Genererende server: AM7PR02MB1234.eurprd02.prod.outlook.com',
      '',
      'ola@fjellet.example',
      'Ekstern server returnerte 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found',
    ].join('\n');
    expect(failed(text)).toEqual([['ola@fjellet.example', 'userunknown']]);
  });
  it('keeps a translated delay notice a delay (451 4.4.316)', () => {
    const text = [
      'Oprettende server: DB8PR09MB4321.eurprd09.prod.outlook.com',
      '',
      'ordre@lager.example',
      "Fjernserveren returnerede '451 4.4.316 Connection refused [Message=Socket error code 10061]'",
    ].join('\n');
    const rs = findBounces(text).flatMap((b) => b.recipients);
    expect(rs.map((r) => [r.address, r.delayed])).toEqual([['ordre@lager.example', true]]);
  });
  it('is no report: an ordinary message header naming an Exchange Online server, with no recipient and code', () => {
    const text = [
      'Received: from AM7PR02MB1234.eurprd02.prod.outlook.com (2603:10a6::1) by DB8PR09MB4321.eurprd09.prod.outlook.com',
      'X-MS-Exchange-CrossTenant-AuthSource: AM7PR02MB1234.eurprd02.prod.outlook.com',
      'From: anna@contoso.example',
      'To: ola@fjellet.example',
      'Subject: 550 seats for the 5.1 release party',
    ].join('\n');
    expect(findBounces(text)).toEqual([]);
  });
  it("does not take a pasted header's field for a report's label: no anchor per header block", () => {
    const headers = [
      'X-MS-Exchange-CrossTenant-AuthSource: AM7PR02MB1234.eurprd02.prod.outlook.com',
      'X-MS-Exchange-Transport-CrossTenantHeadersStamped: DB8PR09MB4321.eurprd09.prod.outlook.com',
      'X-MS-Exchange-Organization-AuthSource : DB8PR09MB4321.eurprd09.prod.outlook.com',
    ].join('\n');
    expect(headers.match(new RegExp(ANY_ANCHOR.source, 'gi'))).toBeNull();
    expect(
      'Oprettende server: DB8PR09MB4321.eurprd09.prod.outlook.com'.match(new RegExp(ANY_ANCHOR.source, 'gi')),
    ).not.toBeNull();
  });
  it('reads runs of colons and of server-like names at bounded cost', () => {
    const colons = ':'.repeat(300_000) + ': ' + 'A'.repeat(300_000) + '.eurprd02.prod.outlook.com';
    const names = ('x: ' + 'A1-'.repeat(20) + '.prod.outlook.com ').repeat(20_000);
    expect(findBounces(colons)).toEqual([]);
    expect(findBounces(names)).toEqual([]);
  });
});

describe("Gmail's card in a language whose reply label is not listed", () => {
  it('reads the recipient from the translated sentence and the first server reply after it', () => {
    const pl = [
      'Nie znaleziono adresu',
      '',
      'Twoja wiadomość nie została dostarczona do ewa@morze.example, ponieważ nie znaleziono adresu lub nie może on odbierać poczty.',
      '',
      'Odpowiedź serwera:',
      '550 5.1.1 The email account that you tried to reach does not exist.',
    ].join('\n');
    const ru = [
      'Ваше сообщение не доставлено на адрес oleg@reka.example, так как этот адрес не найден.',
      '',
      'Ответ:',
      '552 5.2.2 The recipient inbox is full.',
    ].join('\n');
    expect(failed(pl)).toEqual([['ewa@morze.example', 'userunknown']]);
    expect(findBounces(pl)[0]?.generation).toBe('gmail');
    expect(failed(ru)).toEqual([['oleg@reka.example', 'mailboxfull']]);
    const cs =
      'Vaše zpráva nebyla doručena na adresu jana@brno.example, protože adresa nebyla nalezena.\n\n550 5.1.1 User unknown';
    expect(failed(cs)).toEqual([['jana@brno.example', 'userunknown']]);
  });
});

describe("Exchange Online's newer card in another language or with its words mangled", () => {
  it('folded onto one line, takes the recipient the reply names, not the sender on the same line', () => {
    const card = [
      'Não foi possível entregar a mensagem para rita@ponte.example.',
      'Endereço do remetente: paulo@cais.example',
      'Endereço do destinatário: rita@ponte.example',
      'Erro relatado: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient rita@ponte.example not found by SMTP address lookup',
      'DSN gerado por: CP2PR80MB1234.lamprd80.prod.outlook.com',
    ].join(' ');
    expect(failed(card)).toEqual([['rita@ponte.example', 'userunknown']]);
    // A reply that quotes the sender's address does not make the sender the recipient.
    const aboutSender = card.replace(
      'Recipient rita@ponte.example not found by SMTP address lookup',
      'Sender paulo@cais.example not allowed',
    );
    expect(failed(aboutSender).map(([a]) => a)).not.toContain('paulo@cais.example');
  });
  it('reads the reply with its component code after a translated label, for the one address the card names', () => {
    const text = [
      'Votre message à p.durand@vignoble.example n’a pas pu être remis.',
      '',
      'Détails de l’erreur',
      'Erreur signalée : 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found',
      'DSN généré par : PR0P264MB1111.FRAP264.PROD.OUTLOOK.COM',
    ].join('\n');
    expect(failed(text)).toEqual([['p.durand@vignoble.example', 'userunknown']]);
    expect(findBounces(text)[0]?.generation).toBe('exchange-online');
  });
  it("names the card's recipient when its opening sentence lost its apostrophes", () => {
    const text = [
      "Your message to k.lind@fjord.example couldn' t be delivered.",
      '',
      'Reported error: 552 5.2.2 STOREDRV.Deliver; mailbox full',
      'DSN generated by: HE1PR05MB2222.eurprd05.prod.outlook.com',
    ].join('\n');
    expect(failed(text)).toEqual([['k.lind@fjord.example', 'mailboxfull']]);
  });
  it("does not take the report's own header (its To: is the sender) for the recipient", () => {
    const text = [
      'From: Microsoft Outlook <postmaster@contoso.example>',
      'To: jane.doe@contoso.example',
      'Subject: Onnistumaton: Tarjous',
      '',
      'Luova palvelin: HE1P190MB0333.EURP190.PROD.OUTLOOK.COM',
      '',
      "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
    ].join('\n');
    expect(findBounces(text).flatMap((b) => b.recipients.map((r) => r.address ?? null))).toEqual([null]);
  });
  it('names no one where the text around the reply names two addresses', () => {
    const text = [
      'From: agent@contoso.example  To: k.lind@fjord.example',
      '',
      'Reported error: 552 5.2.2 STOREDRV.Deliver; mailbox full',
      'DSN generated by: HE1PR05MB2222.eurprd05.prod.outlook.com',
    ].join('\n');
    expect(findBounces(text).flatMap((b) => b.recipients.map((r) => r.address ?? null))).toEqual([null]);
  });
  it("keeps a reply pasted above its report one report, in a ticket whose header names the report's sender", () => {
    const text = inTicket(
      [
        'Pasted the bottom first:',
        '',
        "Remote Server returned '550 5.1.1 <desk@harbour-inn.example>: Recipient address rejected: User unknown'",
        '',
        'and the top:',
        '',
        'Delivery has failed to these recipients or groups:',
        'desk@harbour-inn.example',
      ].join('\n'),
    );
    const found = findBounces(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.recipients.map((r) => [r.address, r.reason])).toEqual([
      ['desk@harbour-inn.example', 'userunknown'],
    ]);
  });
  it('reads a long run of "@" before a lone reply at bounded cost', () => {
    const text = '@'.repeat(1_000_000) + '\n\nReported error: 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found';
    expect(findBounces(text).flatMap((b) => b.recipients.map((r) => r.address ?? null))).toEqual([null]);
  });
});

describe("the German Notes client's delivery failure report", () => {
  it('reads a Notes name out of a quoted report that a help desk then folded onto one line', () => {
    const report = [
      'Delivery Failure Report',
      '',
      'Your document:\tShift plan',
      'was not delivered to:\tMaja Lind/Malmo/Fjordco',
      'because:\tUser Maja Lind/Malmo/Fjordco not listed in Domino Directory',
      '',
      'What should you do?',
    ];
    const text = report.map((l) => `> ${l}`).join(' ');
    expect(failed(text)).toEqual([['Maja Lind/Malmo/Fjordco', 'userunknown']]);
  });
  it('reads "wurde nicht zugestellt an: ... weil: ..." with a Notes name', () => {
    const text = [
      'Ihr Dokument: Quartalszahlen',
      'wurde nicht zugestellt an: Eva Roth/Finanz/Beispiel@Beispiel',
      'weil: Benutzer Eva Roth/Finanz/Beispiel@Beispiel ist im Domino-Verzeichnis nicht aufgeführt',
    ].join('\n');
    expect(failed(text)).toEqual([['Eva Roth/Finanz/Beispiel@Beispiel', 'userunknown']]);
    expect(findBounces(text)[0]?.generation).toBe('domino');
  });
});
