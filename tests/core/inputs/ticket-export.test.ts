import { describe, expect, it } from 'vitest';
import { readCsvExport, readJsonLinesExport } from '../../../src/core/inputs/ticket-export';

describe('readCsvExport', () => {
  it('reads quoted multi-line text columns and ids', () => {
    const csv =
      'Id,Subject,Description\r\n101,NDR,"Users get:\r\n""Unable to deliver the message"", see KB 227142"\r\n102,Printer,"Paper jam, again"\r\n';
    const { tickets, problems } = readCsvExport(csv);
    expect(problems).toEqual([]);
    expect(tickets.map((t) => t.id)).toEqual(['101', '102']);
    expect(tickets[0]!.text).toBe('Users get:\n"Unable to deliver the message", see KB 227142\n\nNDR');
    expect(tickets[0]!.text).toContain('"Unable to deliver the message", see KB 227142');
    expect(tickets[0]!.text).toContain('NDR');
    expect(tickets[1]!.line).toBe(4);
  });
  it('says which columns it looked for when there is no text column', () => {
    const { tickets, problems } = readCsvExport('a,b\n1,2\n');
    expect(tickets).toEqual([]);
    expect(problems[0]!.message).toMatch(/no text column .* columns are: a, b/);
  });
  it('reports a ragged row and an unclosed quote by line, keeping the rest', () => {
    const { tickets, problems } = readCsvExport('id,body\n1,fine\n2,too,many\n3,"never closed\n');
    expect(tickets.map((t) => t.id)).toEqual(['1', '2', '3']);
    expect(problems.map((p) => p.line)).toEqual([3, 4]);
  });
});

describe('readCsvExport with a stray quote', () => {
  it('reports the line of a stray quote and keeps every following row', () => {
    const csv = 'id,body\n1,"fine, quoted"\n2,"5 inch screen broken\n3,KB 227142 again\n4,store.exe crashed\n5,"ok"\n';
    const { tickets, problems } = readCsvExport(csv);
    expect(tickets.map((t) => t.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(tickets.find((t) => t.id === '3')!.text).toBe('KB 227142 again');
    expect(tickets.find((t) => t.id === '2')!.text).toBe('"5 inch screen broken');
    expect(problems).toEqual([{ line: 3, message: expect.stringMatching(/stray quote/) }]);
  });
  it('takes back a stray quote that a later quote would close', () => {
    const csv = 'id,body\n1,"He said\n2,plain\n3,"quoted"\n';
    const { tickets, problems } = readCsvExport(csv);
    expect(tickets.map((t) => [t.id, t.line])).toEqual([
      ['1', 2],
      ['2', 3],
      ['3', 4],
    ]);
    expect(tickets[2]!.text).toBe('quoted');
    expect(problems.map((p) => p.line)).toEqual([2]);
  });
  it('keeps a real multi-line quoted field whole', () => {
    const { tickets, problems } = readCsvExport('id,body\n1,"line one\nline two, with a comma"\n2,x\n');
    expect(problems).toEqual([]);
    expect(tickets.map((t) => [t.id, t.text, t.line])).toEqual([
      ['1', 'line one\nline two, with a comma', 2],
      ['2', 'x', 4],
    ]);
  });
});

describe('readJsonLinesExport', () => {
  it('reads one ticket per line, nested comment bodies included', () => {
    const jsonl = [
      JSON.stringify({ id: 7, subject: 'Bounce', comments: [{ body: 'MSEXCH:IMS error' }, { body: 'Q227142?' }] }),
      '',
      '{broken',
      JSON.stringify({ key: 'HD-9', description: 'store.exe crashes' }),
      '[1,2]',
    ].join('\n');
    const { tickets, problems } = readJsonLinesExport(jsonl);
    expect(tickets.map((t) => t.id)).toEqual(['7', 'HD-9']);
    expect(tickets[0]!.text).toContain('Q227142?');
    expect(tickets[0]!.text).toContain('MSEXCH:IMS error');
    expect(problems.map((p) => p.line)).toEqual([3, 5]);
  });
});
