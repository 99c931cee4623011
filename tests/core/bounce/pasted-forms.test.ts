import { describe, expect, it } from 'vitest';
import { classify, explainReason, findBounces } from '../../../src/core/bounce';
import { flatten, toOriginal } from '../../../src/core/bounce/flat-text';

/** [address, reason] of each failed recipient. */
const failed = (text: string) =>
  findBounces(text).flatMap((b) => b.recipients.filter((r) => !r.delayed).map((r) => [r.address, r.reason]));

describe('flat text: escapes and typographic quotes', () => {
  it('reads HTML escapes as their characters and maps them back to where the escape starts', () => {
    const src = 'x &lt;a@b.example&gt;: it&#39;s&nbsp;here &amp;lt;c@d.example&amp;gt;';
    const f = flatten(src);
    expect(f.text).toBe("x <a@b.example>: it's here <c@d.example>");
    expect(src.slice(toOriginal(f, 2))).toMatch(/^&lt;a@b/);
    const end = toOriginal(f, f.text.indexOf('>:') + 2, true);
    expect(src.slice(0, end)).toMatch(/&gt;:$/);
  });
  it('reads typographic quotes as ASCII ones, one for one', () => {
    const src = 'returned ‘550 5.1.1 not found’ and “this”';
    const f = flatten(src);
    expect(f.text).toBe(`returned '550 5.1.1 not found' and "this"`);
    expect(f.text.length).toBe(src.length);
  });
  it('leaves an ampersand that starts no known escape alone', () => {
    expect(flatten('R&D &copy; a & b').text).toBe('R&D &copy; a & b');
  });
});

describe('replies and reports as users paste them', () => {
  it("reads Exchange's reply inside typographic quotes, an apostrophe in its words included", () => {
    const text = [
      'Delivery has failed to these recipients or groups:',
      '',
      'ops@pier9.example',
      "The recipient's mailbox is full and can't accept messages now.",
      '',
      'Diagnostic information for administrators:',
      '',
      'Generating server: EX19.freight.example',
      '',
      'ops@pier9.example',
      'Remote Server returned ‘552 5.2.2 The recipient’s mailbox is over its storage limit’',
    ].join('\n');
    const [b] = findBounces(text);
    expect(b!.recipients).toMatchObject([
      { address: 'ops@pier9.example', status: '5.2.2', replyCode: '552', reason: 'mailboxfull' },
    ]);
    expect(b!.recipients[0]!.diagnostic).toContain('storage limit');
  });
  it("joins a server reply pasted above its report to the report's recipient", () => {
    const text = [
      "Remote Server returned '554 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain'",
      '',
      'Delivery has failed to these recipients or groups:',
      'quotes@glasswerk.example',
    ].join('\n');
    const found = findBounces(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.recipients).toMatchObject([
      { address: 'quotes@glasswerk.example', status: '5.4.4', reason: 'hostunknown' },
    ]);
  });
  it('keeps two complete reports apart', () => {
    const text = [
      '<a.one@first.example>: host mx.first.example[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command)',
      '',
      'Delivery has failed to these recipients or groups:',
      'b.two@second.example',
      "Remote Server returned '552 5.2.2 mailbox full'",
    ].join('\n');
    expect(failed(text)).toEqual([
      ['a.one@first.example', 'userunknown'],
      ['b.two@second.example', 'mailboxfull'],
    ]);
  });
  it('reads a Postfix paragraph in HTML source, and names Postfix by its "(in reply to ... command)"', () => {
    const text =
      '<p>&lt;k.ng@harbour-tea.example&gt;: host mx.harbour-tea.example[192.0.2.7] said: 550 5.1.1 &lt;k.ng@harbour-tea.example&gt;: Recipient address rejected: User unknown (in reply to RCPT TO command)</p>';
    const [b] = findBounces(text);
    expect(b!.generation).toBe('postfix');
    expect(b!.recipients).toMatchObject([{ address: 'k.ng@harbour-tea.example', reason: 'userunknown' }]);
  });
});

describe("Gmail's card in other languages", () => {
  it('reads the Spanish card: its recipient and the translated line before the reply', () => {
    const text = [
      'No se ha encontrado la dirección',
      '',
      'Tu mensaje no se ha entregado a p.ruiz@ferreteria.example porque no se ha encontrado la dirección.',
      '',
      'La respuesta del servidor remoto ha sido:',
      '550 5.1.1 <p.ruiz@ferreteria.example>: Recipient address rejected: User unknown',
    ].join('\n');
    const [b] = findBounces(text);
    expect(b!.generation).toBe('gmail');
    expect(b!.recipients).toMatchObject([
      { address: 'p.ruiz@ferreteria.example', status: '5.1.1', reason: 'userunknown' },
    ]);
  });
  it('reads the Portuguese "blocked" card', () => {
    const text = [
      'Mensagem bloqueada',
      'Sua mensagem para r.lima@transportes.example foi bloqueada.',
      'A resposta do servidor remoto foi:',
      '550 5.7.1 Client host [209.85.0.9] blocked using zen.spamhaus.org',
    ].join('\n');
    expect(failed(text)).toEqual([['r.lima@transportes.example', 'blocked']]);
  });
  it('leaves a Portuguese sentence about a sent message alone', () => {
    expect(findBounces('Sua mensagem para r.lima@transportes.example foi enviada ontem, confirme por favor.')).toEqual(
      [],
    );
  });
});

describe('MDaemon and Yahoo reports', () => {
  it("names MDaemon and takes the recipient from the transcript's To: line when no server answered", () => {
    const text = [
      'The attached message had PERMANENT fatal delivery errors!',
      '--- Session Transcript ---',
      ' Mon 2025-03-03 10:00:00.000: *  To: store12@grocer.example',
      ' Mon 2025-03-03 10:00:20.000: Socket connection failed (timeout)',
      '--- End Transcript ---',
    ].join('\n');
    const [b] = findBounces(text);
    expect(b!.generation).toBe('mdaemon');
    expect(b!.recipients).toMatchObject([{ address: 'store12@grocer.example', reason: 'networkerror' }]);
  });
  it("names Yahoo's report", () => {
    const text = [
      'Sorry, we were unable to deliver your message to the following address.',
      '',
      '<t.hale@yahoo.example>:',
      "554: delivery error: dd This user doesn't have a yahoo.example account (t.hale@yahoo.example) [0]",
    ].join('\n');
    const [b] = findBounces(text);
    expect(b!.generation).toBe('yahoo');
    expect(b!.recipients).toMatchObject([{ address: 't.hale@yahoo.example', reason: 'userunknown' }]);
  });
});

describe('reasons in words the tables did not know', () => {
  it('reads a gateway refusing to be used as a relay as norelaying, whatever its generic code', () => {
    expect(
      classify({
        status: '5.0.0',
        replyCode: '553',
        diagnostic: '553-you are trying to use me [gw-3.filter.example] as a relay',
      }),
    ).toBe('norelaying');
  });
  it("reads a refusal of all messages from the sender's IP as blocked", () => {
    expect(
      classify({
        status: '5.7.2',
        replyCode: '553',
        diagnostic: '553 5.7.2 All messages from 198.51.100.4 will be permanently deferred; Retrying will NOT succeed',
      }),
    ).toBe('blocked');
  });
  it("reads a mail file the server cannot open as the server's problem, a missing user still as userunknown", () => {
    expect(classify({ diagnostic: 'Unable to open mail file mail\\jdoe.nsf: File does not exist' })).toBe(
      'systemerror',
    );
    expect(classify({ replyCode: '550', diagnostic: 'The mailbox jdoe does not exist' })).toBe('userunknown');
  });
});

describe('bounded work on hostile input', () => {
  it('reads long runs of escapes, quotes and half-open replies without a report', () => {
    const line = '&lt;'.repeat(50_000) + "Remote Server returned '" + "a'b".repeat(50_000) + '&amp;'.repeat(20_000);
    // No recipient and no code: at most one report, and a reply read no longer than its bound.
    const found = findBounces(line);
    expect(found.length).toBeLessThanOrEqual(1);
    for (const b of found) for (const r of b.recipients) expect((r.diagnostic ?? '').length).toBeLessThanOrEqual(400);
    expect(findBounces(`${'&lt;'.repeat(50_000)}a@b.example&gt;: host`)).toEqual([]);
    const many = `${'Tu mensaje no se ha entregado a '.repeat(5_000)}x@y.example`;
    expect(findBounces(many).length).toBeLessThanOrEqual(200);
  });
  it('builds no pattern per report: an export packed with one marker costs the same patterns at any length', () => {
    // A megabyte of "Generating server:" lines is a report per line; building each reader's patterns
    // (lists of labels escaped and joined) per report was most of the cost (measured 3.6 s → 1.4 s
    // on 1.7 MB; no timed assertion here). Counted: RegExp constructions while reading.
    const exportOf = (n: number) =>
      Array.from(
        { length: n },
        (_, i) =>
          `Generating server: EX${i}.corp.example\nuser${i}@corp.example\nRemote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'`,
      ).join('\n\n');
    const Native = RegExp;
    let built = 0;
    const counting = new Proxy(Native, {
      construct(target, args: [string | RegExp, string?]) {
        built++;
        return new target(...args);
      },
    });
    const constructions = (text: string) => {
      built = 0;
      globalThis.RegExp = counting;
      try {
        return { bounces: findBounces(text).length, built };
      } finally {
        globalThis.RegExp = Native;
      }
    };
    const small = constructions(exportOf(20));
    const large = constructions(exportOf(160));
    expect(small.bounces).toBe(20);
    expect(large.bounces).toBe(160);
    // Patterns built per call (a few read a value found in the text) stay few per report, not dozens.
    expect(large.built - small.built).toBeLessThanOrEqual(8 * 140);
  });
  it("reads runs of '@' after Gmail's Japanese and Spanish openers at linear cost (the address's local part holds no '@')", () => {
    // Each opener is followed by 130 '@': a local part that may hold '@' is tried 120 x 120 ways
    // before the sentence's end fails (measured: 1.4 s a megabyte; no timed assertion here).
    const ja = ('メッセージは' + '@'.repeat(130)).repeat(8_000);
    const es = ('Tu mensaje para ' + '@'.repeat(130)).repeat(4_000);
    expect(findBounces(ja + es)).toEqual([]);
    // The same shape after the English openers, and inside the angle brackets of Postfix's paragraph.
    const en = ['Your message to ', 'Failed to deliver to ', "Your message wasn't delivered to ", '<'];
    expect(findBounces(en.map((o) => (o + '@'.repeat(130)).repeat(2_000)).join(''))).toEqual([]);
    // The card itself is still read.
    const card =
      'メッセージは ito.r@gakko.example に配信されませんでした。\nリモート サーバーからの応答:\n550 5.1.1 <ito.r@gakko.example>: User unknown';
    expect(findBounces(card).flatMap((b) => b.recipients.map((r) => r.address))).toEqual(['ito.r@gakko.example']);
  });
});

describe('rows pasted from a log or a console', () => {
  it("reads Postfix's log line: bounced is a failure, deferred a delay", () => {
    const text = [
      'Jul  1 09:00:01 relay postfix/smtp[11]: AB12: to=<one@vineyard.example>, relay=mx.vineyard.example[192.0.2.5]:25, delay=1, dsn=5.1.1, status=bounced (host mx.vineyard.example[192.0.2.5] said: 550 5.1.1 <one@vineyard.example>: Recipient address rejected: User unknown (in reply to RCPT TO command))',
      'Jul  1 09:00:02 relay postfix/smtp[12]: AB13: to=<two@vineyard.example>, relay=none, delay=30, dsn=4.4.1, status=deferred (connect to mx.vineyard.example[192.0.2.5]:25: Connection timed out)',
    ].join('\n');
    const rs = findBounces(text).flatMap((b) => b.recipients);
    expect(rs).toMatchObject([
      { address: 'one@vineyard.example', status: '5.1.1', reason: 'userunknown', remoteMta: 'mx.vineyard.example' },
      { address: 'two@vineyard.example', status: '4.4.1', reason: 'networkerror', delayed: true },
    ]);
    expect(rs[0]!.delayed).toBeUndefined();
  });
  it("pairs Exchange's message tracking recipients with their LED replies, in order", () => {
    const text = [
      'EventId         : FAIL',
      'Recipients      : {a@depot.example, b@depot.example}',
      'RecipientStatus : {[{LRT=};{LED=550 5.4.1 Recipient address rejected: Access denied}], [{LRT=};{LED=550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized}]}',
    ].join('\n');
    expect(failed(text)).toEqual([
      ['a@depot.example', 'userunknown'],
      ['b@depot.example', 'rejected'],
    ]);
  });
  it("reads a mailing tool's soft bounce as a delay and leaves a row with no server reply alone", () => {
    const soft = 'Soft bounce  kim@bakery.example  2025-04-01  452 4.2.2 Mailbox full, try later';
    expect(findBounces(soft).flatMap((b) => b.recipients)).toMatchObject([
      { address: 'kim@bakery.example', reason: 'mailboxfull', delayed: true },
    ]);
    expect(findBounces('Bounced: kim@bakery.example (see the campaign stats)')).toEqual([]);
  });
  it("reads Gmail's Japanese card: the address inside the sentence, the translated reply line", () => {
    const text = [
      'メッセージは ito.r@gakko.example に配信されませんでした。',
      'リモート サーバーからの応答:',
      '552 5.2.2 <ito.r@gakko.example>: Mailbox is over quota',
    ].join('\n');
    const [b] = findBounces(text);
    expect(b!.generation).toBe('gmail');
    expect(b!.recipients).toMatchObject([{ address: 'ito.r@gakko.example', status: '5.2.2', reason: 'mailboxfull' }]);
  });
});

describe('the step for causes the class explains wrongly', () => {
  it("sends a missing Domino mail file to the recipient's admin, not to waiting", () => {
    const e = explainReason('systemerror', 'Unable to open mail file mail\\jdoe.nsf: File does not exist');
    expect(e?.who).toBe('recipient-admin');
    expect(e?.temporary).toBe(false);
    expect(explainReason('systemerror', '451 4.3.0 Temporary local problem')?.temporary).toBe(true);
  });
  it("tells the sender a hosting account's hourly cap is their own server's", () => {
    const e = explainReason(
      'toomanyconn',
      'Domain shop.example has exceeded the max emails per hour (250/250 (100%)) allowed.',
    );
    expect(e?.label).toBe("Sender's sending limit reached");
    expect(explainReason('toomanyconn', '421 4.7.0 Too many connections')?.label).toBe('Rate limited');
  });
  it("gives Exchange Online's tenant blocks their own step, not a block list's delisting", () => {
    expect(explainReason('blocked', '550 5.7.750 Client blocked from sending from unregistered domains')?.who).toBe(
      'sender-admin',
    );
    expect(explainReason('blocked', '550 5.7.750 Client blocked from sending from unregistered domains')?.label).toBe(
      'Sending tenant blocked by Microsoft',
    );
    expect(explainReason('blocked', '554 5.7.1 blocked using zen.spamhaus.org')?.label).toBe('Sending server blocked');
  });
});

describe('the recipient the sender wrote, and the reporting server in other languages', () => {
  it("reports a DSN's Original-Recipient where an alias led to another mailbox, in either field order", () => {
    const rfcOrder = [
      'Reporting-MTA: dns; mx.shipyard.example',
      '',
      'Original-Recipient: rfc822;sales@shipyard.example',
      'Final-Recipient: rfc822;k.olsen@store2.shipyard.example',
      'Action: failed',
      'Status: 5.2.2',
      '',
      'Original-Recipient: rfc822;parts@shipyard.example',
      'Final-Recipient: rfc822;parts@shipyard.example',
      'Action: failed',
      'Status: 5.1.1',
    ].join('\n');
    expect(failed(rfcOrder)).toEqual([
      ['sales@shipyard.example', 'mailboxfull'],
      ['parts@shipyard.example', 'userunknown'],
    ]);
    const postfixOrder = [
      'Final-Recipient: rfc822; desk@branch.example',
      'Original-Recipient: rfc822;help@branch.example',
      'Action: failed',
      'Status: 5.1.1',
    ].join('\n');
    expect(failed(postfixOrder)).toEqual([['help@branch.example', 'userunknown']]);
  });
  it('reads "inactive email address" as a disabled mailbox, whatever its 5.1.1', () => {
    expect(
      classify({ status: '5.1.1', replyCode: '550', diagnostic: '550 5.1.1 <x@y.example>: inactive email address' }),
    ).toBe('suspend');
  });
  it("names Exchange Online from a translated report's server line under an opening sentence no anchor knows", () => {
    const text = [
      'Meddelandet till e.berg@byggfirma.example kunde inte levereras.',
      '',
      'Genererande server: HE1PR03MB4444.eurprd03.prod.outlook.com',
      '',
      'e.berg@byggfirma.example',
      "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
    ].join('\n');
    const [b] = findBounces(text);
    expect(b!.generation).toBe('exchange-online');
    expect(b!.reportingMta).toBe('HE1PR03MB4444.eurprd03.prod.outlook.com');
    expect(b!.recipients).toMatchObject([{ address: 'e.berg@byggfirma.example', reason: 'userunknown' }]);
  });
});
