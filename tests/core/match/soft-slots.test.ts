import { describe, expect, it } from 'vitest';
import {
  buildDetector,
  buildDetectorWithStats,
  explain,
  loadDetector,
  scanText,
  type Detector,
} from '../../../src/core/match';
import { findSoftSlots, widenPlaceholders } from '../../../src/core/match/soft-slots';
import { compilePattern } from '../../../src/core/match/pattern';
import type { ArticleRecord } from '../../../src/core/article/types';
import { record } from './fixture-records';

const quoting = (q: string, ...texts: string[]): ArticleRecord =>
  record({
    q,
    title: `Article ${q}`,
    errors: texts.map((text) => ({ text, kind: 'error' as const, placeholders: [] })),
  });

const MIGRATE = "The account 'One, User' did not migrate because the mailbox store rejected the request.";
const SETUP = "Setup cannot copy the file 'A:\\SETUP 1.CAB' from the distribution media.";
const LINE = 'Syntax error in the frobnicator script on line 42 near the keyword ENDLOOP.';
const CODE = 'The Zorblax service terminated with service-specific error 3221225477 while it was starting.';
const EDGE = "C:\\PROGRA~1\\APP\\zorb.exe halted the gazillion processor because the quantum buffer overflowed 'CHUNK'";

function detector(records: ArticleRecord[]): Detector {
  return loadDetector(JSON.parse(JSON.stringify(buildDetector(records))));
}
const det = detector([
  quoting('Q900001', MIGRATE),
  quoting('Q900002', SETUP),
  quoting('Q900003', LINE),
  quoting('Q900004', CODE),
  quoting('Q900005', EDGE),
]);
const values = (text: string) => findSoftSlots(text).map((s) => text.slice(s.start, s.end));

describe('finding soft slots', () => {
  it('takes quoted values whole, paths, file names, addresses and numbers after size/line/disk words', () => {
    expect(values(MIGRATE)).toEqual(['One, User']);
    expect(values(SETUP)).toEqual(['A:\\SETUP 1.CAB']);
    expect(values(LINE)).toEqual(['42']);
    expect(
      values(
        'Cannot reach \\\\EXCH01\\share or mail admin@contoso.com at 10.1.2.3 via exch01.contoso.com; see MAPI32.DLL',
      ),
    ).toEqual(['\\\\EXCH01\\share', 'admin@contoso.com', '10.1.2.3', 'exch01.contoso.com', 'MAPI32.DLL']);
    expect(values('The disk 2 is full; the size: 1,024 bytes')).toEqual(['2', '1,024']);
  });

  it('never takes what identifies the message: values after error, code, ID, event, codes themselves', () => {
    expect(values(CODE)).toEqual([]);
    expect(values("Error 'ZRB_FAIL' on event 1007, code 42, ID: 7, status '0x8004011d', error line 5")).toEqual([]);
    expect(values("Exchange 5.5.2448.0 can't open the server's store")).toEqual([]);
    // The module a crash names is the crash: another module is another problem.
    expect(values('MPREXE caused an invalid page fault in module Kernel32.dll')).toEqual([]);
    expect(values('PageMaker caused a General Protection Fault in PM4.EXE at 0049:00FC')).toEqual([]);
    expect(values('Setup could not copy MAPI32.DLL to the module directory')).toEqual(['MAPI32.DLL']);
  });

  it('reads a crash, not the word module: only a fault names the module for good', () => {
    expect(values('WINWORD caused an Exception 0D in module MSO97.DLL at 0137:30001b2c')).toEqual([]);
    expect(values('An access violation in module SRVINFO.DLL stopped the service')).toEqual([]);
    expect(values('Editor caused an invalid instruction in the module EDIT32.EXE')).toEqual([]);
    expect(values('Viewer caused a GPF in VIEWER.EXE at 0002:1234')).toEqual([]);
    expect(values('Tool caused a General Protection Fault in module USER.EXE')).toEqual([]);
    // Loading, linking or a program line is no crash: the module there is the user's example.
    expect(values('Error loading run-time module QRUN45.EXE')).toEqual(['QRUN45.EXE']);
    expect(values('Input path for run-time module qrun4x.EXE')).toEqual(['qrun4x.EXE']);
    expect(values('fatal error XK9999: bad symbol table in module c:\\work\\huge.obj')).toEqual(['c:\\work\\huge.obj']);
    expect(values('Out of memory in line 40 in module MYSTUFF.DLL')).toEqual(['40', 'MYSTUFF.DLL']);
    // The server's reply says what went wrong; the account, server and port are the example.
    expect(
      values(
        "Account: 'MSN Mail', Server: 'smtp.example.com', Port: 25, Server Response: '554 Originator address rejected', Socket error: 10061",
      ),
    ).toEqual(['MSN Mail', 'smtp.example.com', '25']);
  });
});

describe('matching with soft slots', () => {
  it('finds the message with the ticket own value, at the frame weight, and says which value differed', () => {
    const own = scanText(`Migration log:\n${MIGRATE}`, det);
    const other = scanText(
      "Migration log:\nThe account 'Patel, Raj' did not migrate because the mailbox store rejected the request.",
      det,
    );
    expect(own.map((m) => m.articles)).toEqual([['Q900001']]);
    expect(other.map((m) => m.articles)).toEqual([['Q900001']]);
    expect(own[0]!.slots).toBeUndefined();
    expect(other[0]!.slots).toEqual([{ value: 'Patel, Raj', articleValue: 'One, User' }]);
    expect(other[0]!.weight).toBeLessThanOrEqual(own[0]!.weight);
    expect(own[0]!.ownValues).toBe(true);
    const why = explain(other[0]!.text, other, new Map()).matches[0]!;
    expect(why.why).toContain("with another value: 'Patel, Raj' where the article has 'One, User'");
    expect(why.slots).toEqual([{ value: 'Patel, Raj', articleValue: 'One, User' }]);
  });

  it('runs a quoted value to its closing quote, spaces allowed', () => {
    const [m] = scanText("Setup cannot copy the file 'B:\\DISK 2\\DATA 7.CAB' from the distribution media.", det);
    expect(m!.slots).toEqual([{ value: 'B:\\DISK 2\\DATA 7.CAB', articleValue: 'A:\\SETUP 1.CAB' }]);
  });

  it('takes another number after line', () => {
    const [m] = scanText('Syntax error in the frobnicator script on line 7 near the keyword ENDLOOP.', det);
    expect(m!.articles).toEqual(['Q900003']);
    expect(m!.slots).toEqual([{ value: '7', articleValue: '42' }]);
  });

  it('does not take another value where the value identifies the message', () => {
    expect(
      scanText('The Zorblax service terminated with service-specific error 3221225478 while it was starting.', det),
    ).toEqual([]);
  });

  it('starts a pattern with the folders of a path, keeping the program file it names literal', () => {
    // EDGE's folders are a slot, zorb.exe is what the message is about.
    expect(
      scanText(
        "Then D:\\OTHER\\thing.exe halted the gazillion processor because the quantum buffer overflowed 'CHUNK'",
        det,
      ),
    ).toEqual([]);
    const [m] = scanText(
      "E:\\Apps\\Zorb\\zorb.exe halted the gazillion processor because the quantum buffer overflowed 'BLOCK 9'",
      det,
    );
    expect(m!.articles).toEqual(['Q900005']);
    expect(m!.slots).toEqual([
      { value: 'E:\\Apps\\Zorb', articleValue: 'C:\\PROGRA~1\\APP\\' },
      { value: 'BLOCK 9', articleValue: 'CHUNK' },
    ]);
  });

  it('ends a pattern with an unquoted value only where the ticket has a word of its shape there', () => {
    const d = detector([
      quoting(
        'Q900031',
        'The gazillion template cannot be located in the folder named by the quantum setting in file E:\\zorb\\catalog.qdx.',
      ),
      quoting('Q900032', 'The frobnicator stopped reading the quantum journal at line 42'),
    ]);
    const [path] = scanText(
      'Since the move:\nThe gazillion template cannot be located in the folder named by the quantum setting in file D:\\www\\scripts\\search\\catalog.qdx.\n',
      d,
    );
    expect(path!.articles).toEqual(['Q900031']);
    expect(path!.slots).toEqual([
      { value: 'D:\\www\\scripts\\search\\catalog.qdx', articleValue: 'E:\\zorb\\catalog.qdx' },
    ]);
    const [line] = scanText('The frobnicator stopped reading the quantum journal at line 1,024 again', d);
    expect(line!.slots).toEqual([{ value: '1,024', articleValue: '42' }]);
    // The frame running on into prose is not the message: "in file because" has no path, "line one" no number.
    expect(
      scanText(
        'The gazillion template cannot be located in the folder named by the quantum setting in file because it moved',
        d,
      ),
    ).toEqual([]);
    expect(scanText('The frobnicator stopped reading the quantum journal at line one of the log', d)).toEqual([]);
  });

  it('reads a double-quoted value with an apostrophe inside as one value, and a quoted apostrophe between letters', () => {
    expect(values('ERROR Could Not Frobnicate Widget: _Zorb.Title="Acme \'98"')).toEqual(["Acme '98"]);
    expect(values("Please insert the gazillion disk labeled 'Zorb Collection's local copy' into drive g:")).toEqual([
      "Zorb Collection's local copy",
    ]);
    const d = detector([quoting('Q900041', 'ERROR Could Not Frobnicate Widget: _Zorb.Title="Acme \'98"')]);
    const [m] = scanText(
      'Web page says ERROR Could Not Frobnicate Widget: _Zorb.Title="Lohn & Brot \'99" since Monday',
      d,
    );
    expect(m!.articles).toEqual(['Q900041']);
    expect(m!.slots).toEqual([{ value: "Lohn & Brot '99", articleValue: "Acme '98" }]);
  });

  it('takes a quoted path holding an environment variable as one value: %username% is no printf placeholder', () => {
    const text =
      'The Zorb Templates folder "\\\\servername\\sharename\\%username%" was not found. Do you want to create this folder?';
    expect(values(text)).toEqual(['\\\\servername\\sharename\\%username%']);
    const d = detector([quoting('Q900042', text)]);
    const [m] = scanText(
      'Word says\n  The Zorb Templates folder "\\\\corpfs01\\users\\%username%" was not found. Do you want\n  to create this folder?',
      d,
    );
    expect(m!.articles).toEqual(['Q900042']);
  });

  it("takes a path's folders with spaces in their names as one value", () => {
    expect(
      values('Cannot find the C:\\Program Files\\Common Files\\Zorb Shared\\VBA\\ZORBHELP.HLP. Try again?'),
    ).toEqual(['C:\\Program Files\\Common Files\\Zorb Shared\\VBA\\']);
    // A document's name is the user's: the whole path is the value.
    expect(values('Cannot open the gazillion group file D:\\WIN31\\OTHER.GRP now')).toEqual(['D:\\WIN31\\OTHER.GRP']);
  });

  it("scores an article's own example value at least as high as any other value", () => {
    for (const [msg, others] of [
      [MIGRATE, ["'Patel, Raj'", "'X'", "'A B C D E F G'"]],
      [SETUP, ["'C:\\x.cab'", "'Q:\\a b\\c d.cab'"]],
      [LINE, ['line 1', 'line 99999']],
    ] as const) {
      const own = scanText(msg, det)[0]!;
      expect(own.slots).toBeUndefined();
      for (const v of others) {
        const ticket = msg.replace(/'[^']*'|line \d+/, v);
        const hit = scanText(ticket, det)[0]!;
        expect(hit.weight, ticket).toBeLessThanOrEqual(own.weight);
        expect(hit.articles).toEqual(own.articles);
      }
    }
  });

  it('keeps the articles whose own value the ticket has first when several articles share the frame', () => {
    const frame = (v: string) => `Cannot open the gazillion catalog '${v}' because the quantum index is damaged.`;
    const d = detector([
      quoting('Q900011', frame('SALES')),
      quoting('Q900012', frame('HR')),
      quoting('Q900013', frame('FINANCE')),
    ]);
    expect(scanText(frame('HR'), d).map((m) => m.articles)).toEqual([['Q900012']]);
    expect(scanText(frame('LEGAL'), d)[0]!.articles.sort()).toEqual(['Q900011', 'Q900012', 'Q900013']);
  });

  it('leaves a message literal when its frame without the values would be too thin', () => {
    const thin = "Cannot open 'ZORBLAXFILE.DAT'.";
    const { stats } = buildDetectorWithStats([quoting('Q900021', thin)]);
    expect(stats.thinFrames).toBe(1);
    const d = detector([quoting('Q900021', thin)]);
    expect(scanText("Cannot open 'OTHER.DAT'.", d)).toEqual([]);
    expect(scanText(thin, d).map((m) => m.articles)).toEqual([['Q900021']]);
  });

  it('counts the slotted patterns whose frame another pattern shares', () => {
    const frame = (v: string) => `Cannot open the gazillion catalog '${v}' because the quantum index is damaged.`;
    const { stats } = buildDetectorWithStats([
      quoting('Q900011', frame('SALES')),
      quoting('Q900012', frame('HR')),
      quoting('Q900001', MIGRATE),
    ]);
    expect(stats).toMatchObject({ slotted: 3, collisions: 2 });
  });
});

describe('values around a placeholder', () => {
  const at = (text: string, ...ph: string[]) =>
    widenPlaceholders(
      text,
      ph.map((p) => ({ start: text.indexOf(p), end: text.indexOf(p) + p.length })),
    ).map((s) => text.slice(s.start, s.end));

  it("widens a placeholder to the path's folders, the site or the address it is part of, not the file name", () => {
    expect(
      at('Could not open the file named d:\\<%winnt%>\\system32\\ZORBMAPI.DLL. It is in use.', '<%winnt%>'),
    ).toEqual(['d:\\<%winnt%>\\system32\\']);
    expect(at('ZORBUI.DLL could not be found in the path x:\\ZRW;<system paths>', 'x', '<system paths>')).toEqual([
      'x:\\',
      '<system paths>',
    ]);
    expect(at('Cannot copy <drive>:\\zorb\\setup\\ZORB.INF now', '<drive>')).toEqual(['<drive>:\\zorb\\setup\\']);
    expect(at('Cannot open http://<server>/zorb/logon.asp today', '<server>')).toEqual(['http://<server>/']);
    expect(at('Mail to <user>@zorb.example.com failed', '<user>')).toEqual(['<user>@zorb.example.com']);
    // A value apart from the placeholder (a space between) is a value of its own.
    expect(at('Zorb on <server> cannot read C:\\ZORB\\DATA\\x.dat', '<server>')).toEqual(['<server>']);
  });

  const folder =
    'Could not open the file named d:\\<%winnt%>\\system32\\ZORBMAPI.DLL. It is in use by another application.';
  const list = 'The zorb library ZORBUI.DLL could not be found in the specified path x:\\ZRW;<system paths>';
  const d = detector([
    record({
      q: 'Q900041',
      title: 'Zorb MAPI',
      errors: [{ text: folder, kind: 'error', placeholders: ['<%winnt%>'] }],
    }),
    record({
      q: 'Q900042',
      title: 'Zorb UI',
      errors: [{ text: list, kind: 'error', placeholders: ['x', '<system paths>'] }],
    }),
  ]);

  it('matches a ticket whose drive and folders differ, and only on the program file the article names', () => {
    for (const path of ['C:\\WINNT\\system32', 'E:\\WINNT40\\SYSTEM32', '\\\\FS01\\apps\\zorb\\bin']) {
      const ticket = `Update stops: Could not open the file named ${path}\\ZORBMAPI.DLL. It is in use by another application.`;
      expect(
        scanText(ticket, d).map((m) => m.articles),
        path,
      ).toEqual([['Q900041']]);
    }
    expect(
      scanText('Could not open the file named C:\\WINNT\\system32\\OTHER.DLL. It is in use by another application.', d),
    ).toEqual([]);
  });

  it('takes a path list next to a placeholder whole, and keeps the soft slot before it', () => {
    const [m] = scanText(
      'Message: "The zorb library ZORBUI.DLL could not be found in the specified path E:\\ZRW;C:\\WINNT35\\system32;C:\\WINNT35;"',
      d,
    );
    expect(m!.articles).toEqual(['Q900042']);
    expect(m!.ownValues).toBe(true);
    const [other] = scanText(
      'The zorb library ZORBPRN.DLL could not be found in the specified path D:\\ZRW;C:\\WINDOWS\\SYSTEM',
      d,
    );
    expect(other!.slots).toEqual([{ value: 'ZORBPRN.DLL', articleValue: 'ZORBUI.DLL' }]);
  });
});

describe('a value next to a placeholder', () => {
  const OBJECT = "The zorb engine cannot open the <object> 'Monthly Totals' because another user holds it exclusively.";
  const COPY = 'Zorb setup cannot copy %1 C:\\ZORB\\BIN\\zorb32.dll to the target folder on the workstation.';
  const d = detector([
    record({ q: 'Q900071', title: 'Zorb lock', errors: [{ text: OBJECT, kind: 'error', placeholders: ['<object>'] }] }),
    record({ q: 'Q900072', title: 'Zorb copy', errors: [{ text: COPY, kind: 'error', placeholders: ['%1'] }] }),
  ]);
  const found = (t: string) => scanText(t, d).map((m) => m.articles);

  it('is part of what the placeholder stands for: the ticket may fill both with its own words', () => {
    expect(
      found("The zorb engine cannot open the report 'Weekly Sales' because another user holds it exclusively."),
    ).toEqual([['Q900071']]);
    expect(
      found("The zorb engine cannot open the <object> 'Monthly Totals' because another user holds it exclusively."),
    ).toEqual([['Q900071']]);
    expect(
      found('Zorb setup cannot copy the file D:\\APPS\\ZORB\\zorb32.dll to the target folder on the workstation.'),
    ).toEqual([['Q900072']]);
  });

  it('still keeps the program file it names literal, and the value may be wrapped across lines', () => {
    expect(
      found('Zorb setup cannot copy the file D:\\APPS\\ZORB\\other.dll to the target folder on the workstation.'),
    ).toEqual([]);
    expect(
      found("The zorb engine cannot open the report 'Weekly\nSales' because another user holds it exclusively."),
    ).toEqual([['Q900071']]);
    expect(
      found('Zorb setup cannot copy shared D:\\APPS\\\nZORB\\zorb32.dll to the target folder on the workstation.'),
    ).toEqual([['Q900072']]);
  });

  it('stays literal next to another value or a glued literal', () => {
    const two = compilePattern("Zorb cannot move 'A:\\ONE.ZRB' 'B:\\TWO.ZRB' to the archive folder.", [], true);
    expect(two.items.filter((x) => x < 0)).toHaveLength(0);
  });
});

describe("a message with the ticket's own value over one with another value", () => {
  const dialog = (line: string) =>
    `fatal error Z1001: INTERNAL ZORB ERROR (zorb file 'zmain.cpp', line ${line}) Please choose the Technical Support command on the Zorb Help menu`;
  const records = [
    quoting('Q900051', dialog('1056')),
    quoting('Q900052', dialog('1056')),
    quoting('Q900053', dialog('1056')),
    quoting('Q900054', "INTERNAL ZORB ERROR (zorb file 'zmain.cpp', line 1188)"),
    quoting('Q900055', 'Please choose the Technical Support command on the Zorb Help menu'),
    quoting(
      'Q900056',
      "Could not open the file named 'C:\\ZORBSRV\\BIN\\ADDRESS.DLL'. It is in use by another application.",
    ),
    record({
      q: 'Q900057',
      title: 'Zorb Open',
      errors: [
        {
          text: "The file named '<file name>'. It is in use by another application.",
          kind: 'error',
          placeholders: ['<file name>'],
        },
      ],
    }),
    record({
      q: 'Q900041',
      title: 'Zorb MAPI',
      errors: [
        {
          text: 'Could not open the file named d:\\<%winnt%>\\system32\\ZORBMAPI.DLL. It is in use by another application.',
          kind: 'error',
          placeholders: ['<%winnt%>'],
        },
      ],
    }),
  ];
  const d = detector(records);
  const byQ = new Map(records.map((r) => [r.q, r]));

  it('lets a specific message inside the match, with the value the ticket has, name the articles', () => {
    const ticket = `Build log:\n\nzorb.cpp(44) : ${dialog('1188')}\n\nLine 44 declares a nested struct.`;
    const matches = scanText(ticket, d);
    expect(matches).toHaveLength(1);
    const [m] = matches;
    // One highlight over the whole dialog, explained by the article about line 1188.
    expect(m!.text).toBe(dialog('1188'));
    expect(m!.articles).toEqual(['Q900054']);
    expect(m!.slots).toBeUndefined();
    expect(explain(ticket, matches, byQ).articles.map((a) => a.q)).toEqual(['Q900054']);
  });

  it('keeps the enclosing articles where their own value is in the ticket, or where nothing inside holds the value', () => {
    expect(scanText(dialog('1056'), d).map((m) => m.articles)).toEqual([['Q900051', 'Q900052', 'Q900053']]);
    // Line 2000: no article has it. The generic sentence inside holds no value: it names nobody.
    const [m] = scanText(dialog('2000'), d);
    expect(m!.articles).toEqual(['Q900051', 'Q900052', 'Q900053']);
    expect(m!.slots).toEqual([{ value: '2000', articleValue: '1056' }]);
  });

  it('on the same span, the exact program file wins over a quoted path with another value', () => {
    const ticket =
      'Could not open the file named C:\\WINNT\\system32\\ZORBMAPI.DLL. It is in use by another application.';
    const matches = scanText(ticket, d);
    expect(matches.map((m) => m.articles)).toEqual([['Q900041']]);
    expect(explain(ticket, matches, byQ).articles[0]!.q).toBe('Q900041');
    // Another file: only the quoted path's article, with another value. The message inside it
    // took the value with a placeholder: it does not say the value, so it takes nothing over.
    const [other] = scanText(ticket.replace('ZORBMAPI', 'ZORBXYZ'), d);
    expect(other!.articles).toEqual(['Q900056']);
  });
});
