import { describe, expect, it } from 'vitest';
import { buildDetector, buildDetectorWithStats, explain, loadDetector, scanText, type Detector } from '../../../src/core/match';
import { findSoftSlots } from '../../../src/core/match/soft-slots';
import type { ArticleRecord } from '../../../src/core/article/types';
import { record } from './fixture-records';

const quoting = (q: string, ...texts: string[]): ArticleRecord =>
  record({ q, title: `Article ${q}`, errors: texts.map((text) => ({ text, kind: 'error' as const, placeholders: [] })) });

const MIGRATE = "The account 'One, User' did not migrate because the mailbox store rejected the request.";
const SETUP = "Setup cannot copy the file 'A:\\SETUP 1.CAB' from the distribution media.";
const LINE = 'Syntax error in the frobnicator script on line 42 near the keyword ENDLOOP.';
const CODE = 'The Zorblax service terminated with service-specific error 3221225477 while it was starting.';
const EDGE = "C:\\PROGRA~1\\APP\\zorb.exe halted the gazillion processor because the quantum buffer overflowed 'CHUNK'";

function detector(records: ArticleRecord[]): Detector {
  return loadDetector(JSON.parse(JSON.stringify(buildDetector(records))));
}
const det = detector([quoting('Q900001', MIGRATE), quoting('Q900002', SETUP), quoting('Q900003', LINE), quoting('Q900004', CODE), quoting('Q900005', EDGE)]);
const values = (text: string) => findSoftSlots(text).map((s) => text.slice(s.start, s.end));

describe('finding soft slots', () => {
  it('takes quoted values whole, paths, file names, addresses and numbers after size/line/disk words', () => {
    expect(values(MIGRATE)).toEqual(['One, User']);
    expect(values(SETUP)).toEqual(['A:\\SETUP 1.CAB']);
    expect(values(LINE)).toEqual(['42']);
    expect(values('Cannot reach \\\\EXCH01\\share or mail admin@contoso.com at 10.1.2.3 via exch01.contoso.com; see MAPI32.DLL')).toEqual(
      ['\\\\EXCH01\\share', 'admin@contoso.com', '10.1.2.3', 'exch01.contoso.com', 'MAPI32.DLL']);
    expect(values('The disk 2 is full; the size: 1,024 bytes')).toEqual(['2', '1,024']);
  });

  it('never takes what identifies the message: values after error, code, ID, event, codes themselves', () => {
    expect(values(CODE)).toEqual([]);
    expect(values("Error 'ZRB_FAIL' on event 1007, code 42, ID: 7, status '0x8004011d', error line 5")).toEqual([]);
    expect(values("Exchange 5.5.2448.0 can't open the server's store")).toEqual([]);
    // The server's reply says what went wrong; the account, server and port are the example.
    expect(values("Account: 'MSN Mail', Server: 'smtp.example.com', Port: 25, Server Response: '554 Originator address rejected', Socket error: 10061"))
      .toEqual(['MSN Mail', 'smtp.example.com', '25']);
  });
});

describe('matching with soft slots', () => {
  it('finds the message with the ticket own value, at the frame weight, and says which value differed', () => {
    const own = scanText(`Migration log:\n${MIGRATE}`, det);
    const other = scanText("Migration log:\nThe account 'Patel, Raj' did not migrate because the mailbox store rejected the request.", det);
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
    expect(scanText('The Zorblax service terminated with service-specific error 3221225478 while it was starting.', det)).toEqual([]);
  });

  it('never starts a pattern with a soft slot, and ends one only at a quoted value', () => {
    // The path heading EDGE stays literal: a soft slot there would take any word before the frame.
    const text = "Then D:\\OTHER\\thing.exe halted the gazillion processor because the quantum buffer overflowed 'CHUNK'";
    expect(scanText(text, det)).toEqual([]);
    const [m] = scanText("C:\\PROGRA~1\\APP\\zorb.exe halted the gazillion processor because the quantum buffer overflowed 'BLOCK 9'", det);
    expect(m!.slots).toEqual([{ value: 'BLOCK 9', articleValue: 'CHUNK' }]);
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
    const d = detector([quoting('Q900011', frame('SALES')), quoting('Q900012', frame('HR')), quoting('Q900013', frame('FINANCE'))]);
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
    const { stats } = buildDetectorWithStats([quoting('Q900011', frame('SALES')), quoting('Q900012', frame('HR')), quoting('Q900001', MIGRATE)]);
    expect(stats).toMatchObject({ slotted: 3, collisions: 2 });
  });
});
