import { describe, expect, it } from 'vitest';
import { findBounces } from '../../../src/core/bounce';

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
