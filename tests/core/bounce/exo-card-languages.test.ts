import { describe, expect, it } from 'vitest';
import { findBounces } from '../../../src/core/bounce';

const read = (text: string) =>
  findBounces(text).flatMap((b) => b.recipients.map((r) => [r.address ?? null, r.reason, r.status, b.generation]));

describe("Exchange Online's newer card in a language no sentence of it is known for", () => {
  it('reads the reported reply before the datacenter server label, whatever words the reply holds', () => {
    // Labels as a table pasted to text: several spaces after each colon; the reply names no component (RESOLVER, ...).
    const text = [
      'Il messaggio per ufficio@frantoio-verdi.example non è stato recapitato.',
      '',
      'Dettagli messaggio originale',
      'Indirizzo del mittente:    commerciale@oleificio-sud.example',
      'Indirizzo del destinatario:    ufficio@frantoio-verdi.example',
      '',
      'Dettagli errore',
      'Errore segnalato:    550 5.7.1 Message rejected as spam by the content filter',
      'DSN generato da:    MI1P293MB0456.ITAP293.PROD.OUTLOOK.COM',
    ].join('\n');
    expect(read(text)).toEqual([['ufficio@frantoio-verdi.example', 'spamdetected', '5.7.1', 'exchange-online']]);
    expect(findBounces(text)[0]!.recipients[0]!.diagnostic).toBe(
      '550 5.7.1 Message rejected as spam by the content filter',
    );
  });
  it('does not take a label with an apostrophe ("Adresse de l\'expéditeur :") for the recipient', () => {
    const text = [
      "Votre message à stock@quincaillerie-roux.example n'a pas pu être remis.",
      '',
      "Adresse de l'expéditeur :    achats@menuiserie-blanc.example",
      '',
      'Erreur signalée :    550 5.4.1 Recipient address rejected: Access denied.',
      'DSN généré par :    PR2P264MB0101.FRAP264.PROD.OUTLOOK.COM',
    ].join('\n');
    expect(read(text)).toEqual([['stock@quincaillerie-roux.example', 'userunknown', '5.4.1', 'exchange-online']]);
  });
  it('reads the card pasted without its error details: the opening sentence and the status code line', () => {
    const card = (lead: string, label: string) =>
      [lead, '', 'Weitere Informationen / More Info', `${label} 550 5.1.10`].join('\n');
    expect(
      read(card('Ihre Nachricht an lager@kuehlhaus-nord.example konnte nicht übermittelt werden.', 'Statuscode:')),
    ).toEqual([['lager@kuehlhaus-nord.example', 'userunknown', '5.1.10', 'exchange-online']]);
    expect(read(card("Your message to lager@kuehlhaus-nord.example couldn't be delivered.", 'Status code:'))).toEqual([
      ['lager@kuehlhaus-nord.example', 'userunknown', '5.1.10', 'exchange-online'],
    ]);
  });
  it('needs the words that say it was not delivered', () => {
    expect(
      findBounces('Ihre Nachricht an lager@kuehlhaus-nord.example wurde zugestellt. Statuscode: 250 2.0.0'),
    ).toEqual([]);
  });
});
