import { describe, expect, it } from 'vitest';
import { findBounces } from '../../../src/core/bounce';

// One card for recipients that failed alike: Gmail lists them in its sentence, comma-separated.
const REPLY =
  "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. - gsmtp";
const ENGLISH = `Address not found
Your message wasn't delivered to anna@harbour.example, ben@harbour.example, cleo@harbour.example because the address couldn't be found, or is unable to receive mail.

The response from the remote server was:
${REPLY}`;
const FRENCH = `Adresse introuvable
Votre message n'a pas été distribué à anna@harbour.example, ben@harbour.example car l'adresse est introuvable ou ne peut pas recevoir de messages.

La réponse du serveur distant était :
${REPLY}`;

const read = (text: string) =>
  findBounces(text).flatMap((b) => b.recipients.map((r) => [b.generation, r.address, r.reason]));

describe("Gmail's card for several recipients", () => {
  it('gives every listed address its own recipient, with the one reply', () => {
    expect(read(ENGLISH)).toEqual([
      ['gmail', 'anna@harbour.example', 'userunknown'],
      ['gmail', 'ben@harbour.example', 'userunknown'],
      ['gmail', 'cleo@harbour.example', 'userunknown'],
    ]);
    expect(read(FRENCH)).toEqual([
      ['gmail', 'anna@harbour.example', 'userunknown'],
      ['gmail', 'ben@harbour.example', 'userunknown'],
    ]);
  });

  it('still reads one address, and no agent sentence without the card', () => {
    expect(read(ENGLISH.replace(', ben@harbour.example, cleo@harbour.example', ''))).toEqual([
      ['gmail', 'anna@harbour.example', 'userunknown'],
    ]);
    expect(
      read("Your message wasn't delivered to anna@harbour.example, ben@harbour.example because I typed it wrong"),
    ).toEqual([]);
  });
  it('reads a last address that keeps its comma', () => {
    expect(read(ENGLISH.replace('cleo@harbour.example because', 'cleo@harbour.example, because'))).toEqual([
      ['gmail', 'anna@harbour.example', 'userunknown'],
      ['gmail', 'ben@harbour.example', 'userunknown'],
      ['gmail', 'cleo@harbour.example', 'userunknown'],
    ]);
    expect(read(ENGLISH.replace(', ben@harbour.example, cleo@harbour.example because', ', because'))).toEqual([
      ['gmail', 'anna@harbour.example', 'userunknown'],
    ]);
  });

  it('fails at once on a long angled list that never reaches its words', () => {
    // Each address must stop at the comma: an address that could swallow ">,<next" backtracks without end.
    const list = Array.from({ length: 26 }, (_, i) => `<u${i}@x.example>`).join(',');
    expect(read(`Your message wasn't delivered to ${list}`)).toEqual([]);
    expect(read(`Your message wasn't delivered to ${list} and nothing else was said.`)).toEqual([]);
  });
});
