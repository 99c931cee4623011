import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { pieces } from '../../../src/core/match/detector';
import type { ArticleRecord } from '../../../src/core/article/types';
import { record } from './fixture-records';

/** Titles that make "line", "rejected", "by", "the" and "relay" common words of the index's prose. */
const prose: ArticleRecord[] = Array.from({ length: 1000 }, (_, i) => record({ q: `Q${300000 + i}`, title: `Line rejected by the relay ${i}`, errors: [] }));
const quoting = (q: string, ...texts: string[]): ArticleRecord =>
  record({ q, title: q, errors: texts.map((text) => ({ text, kind: 'error' as const, placeholders: [] })) });
const anchorOf = (data: ReturnType<typeof buildDetector>, text: string) => {
  const a = data.anchor[data.text.indexOf(text)]!;
  return { at: a >> 2, len: a & 3 };
};

describe('detector anchors', () => {
  it('move off a run of common words onto a rare token, and the message is still found', () => {
    const text = 'Subject line rejected by the relay <server> Zorblax';
    const data = buildDetector([...prose, quoting('Q1111111', text)]);
    // Items: subject line rejected by the relay <server> zorblax; "Subject" heads every mail of a ticket thread.
    expect(anchorOf(data, text)).toEqual({ at: 7, len: 1 });
    const found = scanText(`Mail bounced.\nSubject line  rejected by the relay EXCH01 ZORBLAX.`, loadDetector(data));
    expect(found.map((m) => [m.text, m.articles])).toEqual([['Subject line  rejected by the relay EXCH01 ZORBLAX', ['Q1111111']]]);
  });

  it('stay on the usual run where another message can match the same span (their order decides what is shown)', () => {
    const a = 'Subject line rejected by the relay <server> Zorblax';
    const b = 'Subject line refused by the relay <server> Zorblax';
    const data = buildDetector([...prose, quoting('Q1111111', a), quoting('Q2222222', b)]);
    expect(anchorOf(data, a)).toEqual({ at: 0, len: 3 });
    expect(anchorOf(data, b)).toEqual({ at: 0, len: 3 });
  });

  it('stay on the usual run where it is rare already', () => {
    const text = 'Frobnicator daemon Zorblax quit unexpectedly';
    const data = buildDetector([...prose, quoting('Q1111111', text)]);
    expect(anchorOf(data, text)).toEqual({ at: 0, len: 3 });
  });
});

describe('the texts a message is matched by', () => {
  const scanWith = (records: ArticleRecord[], ticket: string) =>
    scanText(ticket, loadDetector(buildDetector(records))).map((m) => [m.value, m.articles]);

  it('a crash message matches without its memory address, whatever address the ticket shows', () => {
    const records = [
      quoting('Q1000001', 'ZORBPAD caused an invalid page fault in ZORBLIB.DLL at 0137:address.'),
      quoting('Q1000002', 'ZORBPAD caused an invalid page fault in ZORBLIB.DLL at 0137:30733613.'),
      quoting('Q1000003', 'ZORBPAD caused an invalid page fault in ZORBPAD.EXE at address.'),
    ];
    expect(pieces('ZORBPAD caused an invalid page fault in ZORBLIB.DLL at 0137:30733613.')).toEqual(['ZORBPAD caused an invalid page fault in ZORBLIB.DLL']);
    expect(scanWith(records, 'It crashes:\nZORBPAD caused an invalid page fault in\nZORBLIB.DLL at 0167:3072dfd2.')).toEqual([
      ['ZORBPAD caused an invalid page fault in ZORBLIB.DLL', ['Q1000001', 'Q1000002']],
    ]);
    expect(scanWith(records, 'ZORBPAD caused an invalid page fault in ZORBPAD.EXE at 0137:0137:0040a1ce.').map((m) => m[1])).toEqual([['Q1000003']]);
    // An address that is not at the end stays part of the message.
    expect(pieces('Fault at 0137:30733613 in ZORBLIB.DLL')).toEqual(['Fault at 0137:30733613 in ZORBLIB.DLL']);
  });

  it('a short message yields its first sentence when it says enough alone, so a ticket may cut it short', () => {
    const text = 'Zorblax service error 10049 has occurred at startup. The system cannot find the message file.';
    expect(pieces(text)).toEqual([text, 'Zorblax service error 10049 has occurred at startup.']);
    expect(scanWith([quoting('Q1000004', text)], 'Then:\n  Zorblax service error 10049 has occurred at startup. The system cannot find').map((m) => m[1])).toEqual([['Q1000004']]);
    // Too thin alone: "We're sorry!" is no message of its own.
    expect(pieces("We're sorry! The Zorblax viewer could not open the file.")).toEqual(["We're sorry! The Zorblax viewer could not open the file."]);
    // Not at a colon: "Field: value" is one line.
    expect(pieces('Zorblax status: the spooler queue is full and cannot accept jobs')).toHaveLength(1);
  });

  it("an assertion's source location matches alone, so a dialog pasted with its other fields still finds it", () => {
    const text = 'Zorb Assertion Failed! File: zorbview2.cpp Line: 215';
    expect(pieces(text)).toEqual([text, 'File: zorbview2.cpp Line: 215']);
    expect(pieces('File: zorbview2.cpp Line: 215')).toEqual(['File: zorbview2.cpp Line: 215']);
    const records = [quoting('Q1000005', text), quoting('Q1000006', 'Zorb Assertion Failed!', 'For information on how your program can zorb, see the docs.')];
    const ticket = '> Zorb Assertion Failed!\n> Program: D:\\src\\Planner\\Debug\\Planner.exe\n> File: zorbview2.cpp\n> Line: 215\n';
    expect(scanWith(records, ticket)).toEqual([['Zorb Assertion Failed!', ['Q1000006']], ['File: zorbview2.cpp Line: 215', ['Q1000005']]]);
    // Another line number of the same file (another library build) still matches, as a soft slot.
    expect(scanWith(records, 'File: zorbview2.cpp\nLine: 230').map((m) => m[1])).toEqual([['Q1000005']]);
  });

  it("'XX' in a message is a placeholder: the ticket's value fills it", () => {
    const text = 'Zorb Parser Error 00000001.PRI line Number = XX. Characters found after end doublequote.';
    expect(scanWith([quoting('Q1000007', text)], 'Zorb Parser Error 00000001.PRI line Number = 312. Characters found after end doublequote.').map((m) => m[1])).toEqual([['Q1000007']]);
  });
});

describe('a numbered error', () => {
  it('weighs as a code: a short message with one specific enough to rank alone, and its first sentence matches alone', () => {
    const text = 'System error 10049 has occurred. The system cannot find message for message number 0x2741.';
    expect(pieces(text)).toEqual([text, 'System error 10049 has occurred.']);
    const data = buildDetector([quoting('Q1000005', text)]);
    const found = scanText('DHCP will not start:\n  System error 10049 has occurred. The system cannot find', loadDetector(data));
    expect(found.map((m) => m.articles)).toEqual([['Q1000005']]);
    // 11 informative characters alone (0.37); the numbered error adds the code bonus.
    expect(found[0]!.weight).toBeGreaterThan(0.6);
    // Without a number it is too thin to stand alone.
    expect(pieces('System error has occurred. The system cannot find message for message number.')).toHaveLength(1);
  });
});

describe('a sentence cut from a long message', () => {
  const long =
    'Zorbword cannot save or create this file on the Frobnitz drive. The disk may be full or write-protected. ' +
    'Try one or more of the following: free more memory, make sure the disk is not full, and save it again. Error 4711.';
  const data = buildDetector([quoting('Q1000006', long)]);
  const scan = (ticket: string) => scanText(ticket, loadDetector(data)).map((m) => m.text);

  it('matches alone when it could name the article alone', () => {
    expect(scan('User says:\n  Zorbword cannot save or create this file on the Frobnitz drive')).toEqual([
      'Zorbword cannot save or create this file on the Frobnitz drive',
    ]);
  });

  it('does not when it is advice any dialog gives, so it never lights up on its own', () => {
    expect(scan('How to fix it\nTry one or more of the following:\n- check the address')).toEqual([]);
  });
});
