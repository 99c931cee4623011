import { describe, expect, it } from 'vitest';
import {
  buildDetector,
  buildDetectorWithStats,
  explain,
  loadDetector,
  scanText,
  type Detector,
} from '../../../src/core/match';
import { findSoftSlots } from '../../../src/core/match/soft-slots';
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
