import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { pieces } from '../../../src/core/match/message-pieces';
import type { ArticleRecord } from '../../../src/core/article/types';
import { record } from './fixture-records';

const quoting = (q: string, ...texts: string[]): ArticleRecord =>
  record({ q, title: q, errors: texts.map((text) => ({ text, kind: 'error' as const, placeholders: [] })) });

describe('the texts a message is matched by', () => {
  const scanWith = (records: ArticleRecord[], ticket: string) =>
    scanText(ticket, loadDetector(buildDetector(records))).map((m) => [m.value, m.articles]);

  it('a crash message matches without its memory address, whatever address the ticket shows', () => {
    const records = [
      quoting('Q1000001', 'ZORBPAD caused an invalid page fault in ZORBLIB.DLL at 0137:address.'),
      quoting('Q1000002', 'ZORBPAD caused an invalid page fault in ZORBLIB.DLL at 0137:30733613.'),
      quoting('Q1000003', 'ZORBPAD caused an invalid page fault in ZORBPAD.EXE at address.'),
    ];
    expect(pieces('ZORBPAD caused an invalid page fault in ZORBLIB.DLL at 0137:30733613.')).toEqual([
      'ZORBPAD caused an invalid page fault in ZORBLIB.DLL',
    ]);
    expect(
      scanWith(records, 'It crashes:\nZORBPAD caused an invalid page fault in\nZORBLIB.DLL at 0167:3072dfd2.'),
    ).toEqual([['ZORBPAD caused an invalid page fault in ZORBLIB.DLL', ['Q1000001', 'Q1000002']]]);
    expect(
      scanWith(records, 'ZORBPAD caused an invalid page fault in ZORBPAD.EXE at 0137:0137:0040a1ce.').map((m) => m[1]),
    ).toEqual([['Q1000003']]);
    // An address that is not at the end stays part of the message.
    expect(pieces('Fault at 0137:30733613 in ZORBLIB.DLL')).toEqual(['Fault at 0137:30733613 in ZORBLIB.DLL']);
  });

  it('a run-time error matches however the dialog or the article spells "run-time"', () => {
    const records = [
      quoting('Q1000011', 'Runtime Error 3265. Item not found in this zorblax collection.'),
      quoting('Q1000012', "Run-time error '91': Zorblax object variable not set"),
    ];
    expect(
      scanWith(records, "Setup wizard stops:\nRun-time error '3265':\nItem not found in this zorblax collection.").map(
        (m) => m[1],
      ),
    ).toEqual([['Q1000011']]);
    expect(scanWith(records, 'It says runtime error 91: zorblax object variable not set').map((m) => m[1])).toEqual([
      ['Q1000012'],
    ]);
    // Only before "error": other words keep their one spelling.
    expect(pieces('The runtime library ZORBRT.DLL is missing.')).toEqual([
      'The runtime library ZORBRT.DLL is missing.',
    ]);
  });

  it('a short message yields its first sentence when it says enough alone, so a ticket may cut it short', () => {
    const text = 'Zorblax service error 10049 has occurred at startup. The system cannot find the message file.';
    expect(pieces(text)).toEqual([text, 'Zorblax service error 10049 has occurred at startup.']);
    expect(
      scanWith(
        [quoting('Q1000004', text)],
        'Then:\n  Zorblax service error 10049 has occurred at startup. The system cannot find',
      ).map((m) => m[1]),
    ).toEqual([['Q1000004']]);
    // Too thin alone: "We're sorry!" is no message of its own.
    expect(pieces("We're sorry! The Zorblax viewer could not open the file.")).toEqual([
      "We're sorry! The Zorblax viewer could not open the file.",
    ]);
    // Not at a colon: "Field: value" is one line.
    expect(pieces('Zorblax status: the spooler queue is full and cannot accept jobs')).toHaveLength(1);
  });

  it("the article's label for a dialog's title bar is not on the screen: the message matches without it", () => {
    const text = 'Window Title: Zorblax Administrator Access denied. Zorblax ID no: 0xc0f20005';
    expect(pieces(text)).toContain('Zorblax Administrator Access denied. Zorblax ID no: 0xc0f20005');
    expect(
      pieces('(Title Bar:) zorb.exe - Unable to Locate DLL. The library ZORBRT32.DLL could not be found.'),
    ).toContain('zorb.exe - Unable to Locate DLL. The library ZORBRT32.DLL could not be found.');
    expect(
      scanWith(
        [quoting('Q1000010', text)],
        'On start:\nZorblax Administrator\nAccess denied.\nZorblax ID no: 0xc0f20005',
      ).map((m) => m[1]),
    ).toEqual([['Q1000010']]);
    // A title the message itself starts with is its text: "Title" alone, no label, stays.
    expect(pieces('Title bar text could not be drawn by the zorblax renderer')).toEqual([
      'Title bar text could not be drawn by the zorblax renderer',
    ]);
  });

  it("the words after a dialog's label match alone: products and articles word the label differently", () => {
    const text = 'Compiler error: Expected gazillion-defined zorbtype, not frobproject';
    expect(pieces(text)).toEqual([text, 'Expected gazillion-defined zorbtype, not frobproject']);
    expect(
      scanWith(
        [quoting('Q1000007', text)],
        'VB6 says\n  Compile error: Expected gazillion-defined zorbtype, not frobproject',
      ).map((m) => m[1]),
    ).toEqual([['Q1000007']]);
    // Only where the words say enough alone.
    expect(pieces("Run-time error '91': Object not set")).not.toContain('Object not set');
  });

  it("an assertion's source location matches alone, so a dialog pasted with its other fields still finds it", () => {
    const text = 'Zorb Assertion Failed! File: zorbview2.cpp Line: 215';
    expect(pieces(text)).toEqual([text, 'File: zorbview2.cpp Line: 215']);
    expect(pieces('File: zorbview2.cpp Line: 215')).toEqual(['File: zorbview2.cpp Line: 215']);
    const records = [
      quoting('Q1000005', text),
      quoting('Q1000006', 'Zorb Assertion Failed!', 'For information on how your program can zorb, see the docs.'),
    ];
    const ticket =
      '> Zorb Assertion Failed!\n> Program: D:\\src\\Planner\\Debug\\Planner.exe\n> File: zorbview2.cpp\n> Line: 215\n';
    // Both quote the dialog's first line (Q1000005 inside its dialog); the location names Q1000005 alone.
    expect(scanWith(records, ticket)).toEqual([
      ['Zorb Assertion Failed!', ['Q1000005', 'Q1000006']],
      ['File: zorbview2.cpp Line: 215', ['Q1000005']],
    ]);
    // Another line number of the same file (another library build) still matches, as a soft slot.
    expect(scanWith(records, 'File: zorbview2.cpp\nLine: 230').map((m) => m[1])).toEqual([['Q1000005']]);
  });

  it("'XX' in a message is a placeholder: the ticket's value fills it", () => {
    const text = 'Zorb Parser Error 00000001.PRI line Number = XX. Characters found after end doublequote.';
    expect(
      scanWith(
        [quoting('Q1000007', text)],
        'Zorb Parser Error 00000001.PRI line Number = 312. Characters found after end doublequote.',
      ).map((m) => m[1]),
    ).toEqual([['Q1000007']]);
  });
});

describe('crash dialogs and assertions written the archive way', () => {
  const scanWith = (records: ArticleRecord[], ticket: string) =>
    scanText(ticket, loadDetector(buildDetector(records))).map((m) => [m.value, m.articles]);

  it('a placeholder address ("at ####:####", "at 0137:...") and an "(or X)" alternative are left out', () => {
    expect(pieces('ZORBPAD executed an invalid instruction in module ZORBLIB.DLL (or UNKNOWN) at ####:####')).toEqual([
      'ZORBPAD executed an invalid instruction in module ZORBLIB.DLL (or UNKNOWN)',
      'ZORBPAD executed an invalid instruction in module ZORBLIB.DLL',
    ]);
    expect(pieces('ZORBPAD caused an invalid page fault in module ZORBPAD.EXE at 0137:...')).toEqual([
      'ZORBPAD caused an invalid page fault in module ZORBPAD.EXE',
    ]);
  });

  it('a dialog and its Details text in one line: each half matches, never the first with the button glued on', () => {
    const records = [
      quoting(
        'Q1000011',
        '"Zorb has performed an illegal operation and will be shut down" Details.. ZORBPAD caused an invalid page fault in module ZORBX.PKG at 0137:52197c6b.',
      ),
      quoting('Q1000012', 'Zorb has performed an illegal operation and will be shut down.'),
      quoting('Q1000013', 'Zorb has performed an illegal operation and will be shut down.'),
    ];
    const p = pieces(records[0]!.errors[0]!.text);
    expect(p).toContain('Zorb has performed an illegal operation and will be shut down');
    expect(p).toContain('ZORBPAD caused an invalid page fault in module ZORBX.PKG');
    expect(p.some((x) => /shut down" Details/.test(x) && !/ZORBPAD/.test(x))).toBe(false);
    const hits = scanWith(
      records,
      'Zorb has performed an illegal operation and will be shut down.\nDetails: ZORBPAD caused an invalid page fault in module ZORBZ.DLL',
    );
    expect(hits.map((h) => h[1])).toEqual([['Q1000011', 'Q1000012', 'Q1000013']]);
  });

  it('an assertion\'s "File x.c, Line n" matches alone, as "File: x.c Line: n" does', () => {
    expect(pieces('Zorb Assertion Failure Rel. 14.0, File zorb.c, Line 1218 (pfZorb->cPin) > 0 &&')).toContain(
      'File zorb.c, Line 1218',
    );
  });
});

describe('pieces cut at a colon', () => {
  it('never cuts at the colon of a "[Line: NN]" bracket, nor keeps a piece opening with "NN]"', () => {
    const ps = pieces(
      "A problem occurred in the zorb script on this page and the zorb operation has been stopped by the zorb host. Zorb runtime error [Line: 30] 'ZorbShop_Licence' is undefined.",
    );
    expect(ps.some((p) => /\[Line:$/.test(p))).toBe(false);
    expect(ps.some((p) => /^\d+\]/.test(p))).toBe(false);
    expect(ps).toContain("Zorb runtime error [Line: 30] 'ZorbShop_Licence' is undefined.");
  });

  it("keeps no piece that ends in a label's colon, waiting for its value", () => {
    const ps = pieces(
      "The zorb connection to the server failed while the zorb mail account was checked for new messages. Account 'Zorb Mail', Server: zorb.example.com, Protocol: ZOP3, Port: 110",
    );
    expect(ps.filter((p) => /:$/.test(p))).toEqual([]);
    expect(ps.length).toBeGreaterThan(1);
  });

  it('keeps a whole sentence before its detail: what an agent pastes when the detail is cut off', () => {
    const ps = pieces(
      'The Zorb relay service depends on the zorb spooler service which failed to start because of the following error: Not enough zorb storage is available to process this command.',
    );
    expect(ps).toContain(
      'The Zorb relay service depends on the zorb spooler service which failed to start because of the following error:',
    );
  });
});

describe('a 16-bit crash address', () => {
  it('"at 0001:2392" ends a message like "at 0137:30733613" does; a bare number does not', () => {
    expect(pieces('ZORBTASK caused a General Protection Fault in ZORB.DRV at 0001:2392 (or 0002:29D7).')).toContain(
      'ZORBTASK caused a General Protection Fault in ZORB.DRV',
    );
    expect(pieces('The Zorb licence for this copy expires at 2000')).toEqual([
      'The Zorb licence for this copy expires at 2000',
    ]);
  });
});
