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
    for (const s of ['Type mismatch.', "Run-time error '13'.", 'SELECT permission denied.', 'Check Disk found errors.'])
      expect(isAdvice(s)).toBe(false);
    expect(isAdvice('Try again later (error 1603).')).toBe(false);
    expect(printedApart('x\nReinstall the printer driver.\n', 2, 30)).toBe(true);
    expect(printedApart("I'll Reinstall the printer driver tomorrow", 5, 33)).toBe(false);
  });
});
