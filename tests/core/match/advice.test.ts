import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { isAdvice, printedApart } from '../../../src/core/match/advice';
import type { ArticleRecord } from '../../../src/core/article/types';
import { record } from './fixture-records';

const quoting = (q: string, ...texts: string[]): ArticleRecord =>
  record({ q, title: q, errors: texts.map((text) => ({ text, kind: 'error' as const, placeholders: [] })) });

const DIALOG =
  'Zorbnet cannot open the Zorb site http://<web address>. The zorb site was not found on the zorb network today. ' +
  'Make sure the zorb address is correct, and try again. Check the zorb routing table for a possible incorrect zorb route.';
const detector = loadDetector(buildDetector([quoting('Q1000011', DIALOG)]));
const found = (ticket: string) => scanText(ticket, detector).map((m) => m.text);

describe("a dialog's advice to the user", () => {
  it("in the agent's running prose is the agent's words: no highlight", () => {
    expect(found('Told her to make sure the zorb address is correct, and try again. Bye')).toEqual([]);
    expect(found('Make sure the zorb address is correct, and try again before you call us.')).toEqual([]);
    expect(found('I did that. Check the zorb routing table for a possible incorrect zorb route. Thanks')).toEqual([]);
  });

  it('set apart as printed text is the product message', () => {
    // Its own line, quoted or indented; after a colon; its capital inside the agent's sentence.
    expect(found('The MTA logs:\n\n    Check the zorb routing table for a possible incorrect zorb route.\n')).toEqual([
      'Check the zorb routing table for a possible incorrect zorb route',
    ]);
    expect(found('> Make sure the zorb address is correct, and try again.\nThanks')).toHaveLength(1);
    expect(
      found('after failover the MTA logs Check the zorb routing table for a possible incorrect zorb route. Odd.'),
    ).toHaveLength(1);
    expect(found('the dialog says: Make sure the zorb address is correct, and try again')).toHaveLength(1);
    // Inside its whole message it is that message, wherever it stands.
    expect(found(`It said ${DIALOG} twice today`)).toEqual([DIALOG.slice(0, -1)]);
  });

  it('is read as the sentence starts: look-alike words and numbered errors are no advice', () => {
    expect(isAdvice('* Reinstall the printer driver.')).toBe(true);
    expect(isAdvice('Please contact your system administrator.')).toBe(true);
    for (const s of ['Type mismatch.', "Run-time error '13'.", 'SELECT permission denied.'])
      expect(isAdvice(s)).toBe(false);
    expect(isAdvice('Try again later (error 1603).')).toBe(false);
    expect(printedApart('x\nReinstall the printer driver.\n', 2, 30)).toBe(true);
    expect(printedApart("I'll Reinstall the printer driver tomorrow", 5, 33)).toBe(false);
  });
});

const ZORB = [
  'Rebuild the zorb table using Zorb Manager or Zorbfix.exe and then restart Zorb.',
  'Rebuild the zorb table using Zorb Manager or Zorbfix.exe and then restart',
  'Close some Zorb windows or applets and try again',
  'Make sure you typed the zorb name correctly, or ask your zorb keeper.',
  'Check the zorb panel to see that the zorb is installed properly.',
  'Run time parameter in ZORB.INI file must be between 0 and 99',
  'Install completed successfully on the zorb',
  'Reinstall the zorb driver.',
];
const zorbs = loadDetector(buildDetector(ZORB.map((text, i) => quoting(`Q20000${10 + i}`, text))));
const zorbFound = (ticket: string) => scanText(ticket, zorbs).map((m) => `${m.articles[0]} ${m.text}`);

describe("where the ticket sets a dialog's advice apart", () => {
  it('a capital after a word goes on the sentence unless a full stop comes first', () => {
    // The shorter advice ends before " Zorb and", a capital with no sentence end: the whole message wins.
    expect(
      zorbFound(
        'Error text is Rebuild the zorb table using Zorb Manager or Zorbfix.exe and then restart Zorb and it stops',
      ),
    ).toEqual(['Q2000010 Rebuild the zorb table using Zorb Manager or Zorbfix.exe and then restart Zorb']);
    expect(zorbFound('Told her to Reinstall the zorb driver Monday morning.')).toEqual([]);
    expect(zorbFound("I'll Reinstall the zorb driver. Then bye")).toEqual([]);
    expect(zorbFound('so Reinstall the zorb driver and see')).toEqual([]);
  });

  it('its own closing quote ends it, whatever the agent writes next', () => {
    for (const tail of ['" and then closed the app.', '", then the app closes.'])
      expect(zorbFound(`The dialog said "Close some Zorb windows or applets and try again${tail}`)).toEqual([
        'Q2000012 Close some Zorb windows or applets and try again',
      ]);
  });

  it('a dash is a label separator like a colon', () => {
    for (const dash of ['-', '\u2013', '\u2014'])
      expect(
        zorbFound(`Popup ${dash} Make sure you typed the zorb name correctly, or ask your zorb keeper.`),
      ).toHaveLength(1);
  });

  it("a capital right after the agent's word is printed text without a sentence end", () => {
    expect(
      zorbFound('The applet says Check the zorb panel to see that the zorb is installed properly, then hangs.'),
    ).toEqual(['Q2000014 Check the zorb panel to see that the zorb is installed properly']);
  });

  it("a verb that opens no object is no advice: the product's report stays a message", () => {
    expect(
      zorbFound('the log shows Run time parameter in ZORB.INI file must be between 0 and 99 each time'),
    ).toHaveLength(1);
    expect(zorbFound('Setup ends with Install completed successfully on the zorb but nothing works')).toHaveLength(1);
    for (const s of ['Run time parameter must be set.', 'Install completed successfully.', 'Use of the zorb is off.'])
      expect(isAdvice(s)).toBe(false);
    for (const s of ['Check Zorb Manager.', 'Turn off the zorb.', 'Do not remove the disk.', 'Try again.'])
      expect(isAdvice(s)).toBe(true);
  });
});

describe("the agent's own steps are no dialog, whatever advice a dialog also gives", () => {
  it('a bulleted, numbered or stacked list of instructions is the agent’s', () => {
    expect(zorbFound('What I told her:\n\n- Reinstall the zorb driver.\n- Call me back.\n')).toEqual([]);
    expect(zorbFound('Checklist:\n* Close some Zorb windows or applets and try again\n* Reboot.')).toEqual([]);
    expect(
      zorbFound(
        'I asked him to:\nCheck the zorb panel to see that the zorb is installed properly.\nThen restart it.\n',
      ),
    ).toEqual([]);
    // Indented steps under a lead-in that names none of the product's text.
    expect(zorbFound('Things to try, in order:\n\n  Reinstall the zorb driver.\n  Select another port.\n')).toEqual([]);
  });

  it("a label of the agent's remedy is no label of printed text", () => {
    for (const label of ['Resolution:', 'Next action:', 'Step 2:', 'Fix -'])
      expect(zorbFound(`${label} Reinstall the zorb driver.\nTime spent: 20 min.`)).toEqual([]);
  });

  it('a dialog pasted on its own line after a lead-in naming it, or quoted, stays the product’s', () => {
    expect(zorbFound('The error says:\nReinstall the zorb driver.\nNo other apps were open.')).toHaveLength(1);
    expect(zorbFound('Error:\n- Reinstall the zorb driver.\n- Select another port.\n')).toHaveLength(1);
    expect(zorbFound('> I get a box that says\n> Reinstall the zorb driver.\n> every time.')).toHaveLength(1);
    expect(
      zorbFound('The applet shows this when she clicks Print:\n\n    Reinstall the zorb driver.\n\nOdd.'),
    ).toHaveLength(1);
    expect(zorbFound('Setup error: Reinstall the zorb driver.')).toHaveLength(1);
  });
});

describe('a lead-in is read by what it names', () => {
  it('a remedy among its first words wins over a name of printed text at its end', () => {
    expect(zorbFound('Steps to fix the error:\nReinstall the zorb driver.\n')).toEqual([]);
    expect(zorbFound('When I tried to open it, I got:\nReinstall the zorb driver.\n')).toHaveLength(1);
  });
});

describe("only a positive sign of the agent's list makes advice the agent's", () => {
  it('a dialog stacked on its lines, bulleted, alone or after an unknown lead-in stays the product’s', () => {
    expect(
      zorbFound('Make sure you typed the zorb name correctly, or ask your zorb keeper.\nReinstall the zorb driver.\n'),
    ).toHaveLength(2);
    expect(
      zorbFound(
        'Error on the console\n\nCheck the zorb panel to see that the zorb is installed properly.\nReinstall the zorb driver.',
      ),
    ).toHaveLength(2);
    expect(
      zorbFound(
        'Getting this every morning\nClose some Zorb windows or applets and try again\nReinstall the zorb driver.',
      ),
    ).toHaveLength(2);
    expect(zorbFound('What she sees:\n* Reinstall the zorb driver.\n')).toHaveLength(1);
  });

  it('the product telling the user, or an event\'s "Action:" field, is printed text', () => {
    expect(zorbFound('Windows told me:\nClose some Zorb windows or applets and try again')).toHaveLength(1);
    expect(zorbFound('Setup asked me to:\nReinstall the zorb driver.\n')).toHaveLength(1);
    expect(zorbFound('Action:\nCheck the zorb panel to see that the zorb is installed properly.')).toHaveLength(1);
    expect(zorbFound('Event 252 Action: Reinstall the zorb driver.')).toHaveLength(1);
    expect(zorbFound('Recommended action from the event:\nReinstall the zorb driver.')).toHaveLength(1);
  });

  it("a remedy lead-in, the agent telling someone, or a numbered or checkbox item is the agent's", () => {
    expect(zorbFound('Steps to fix the error:\n1. Reinstall the zorb driver.\n')).toEqual([]);
    expect(
      zorbFound('Done so far:\n1. Reinstall the zorb driver.\n2. Close some Zorb windows or applets and try again\n'),
    ).toEqual([]);
    expect(zorbFound('Monday\n[ ] Reinstall the zorb driver.\n')).toEqual([]);
    expect(zorbFound('To do\n\u2022 Reinstall the zorb driver.\n')).toEqual([]);
    expect(zorbFound('We asked the user to:\nReinstall the zorb driver.\n')).toEqual([]);
    expect(zorbFound('Next action: Reinstall the zorb driver.\n')).toEqual([]);
  });
});
