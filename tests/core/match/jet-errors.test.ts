import { describe, expect, it } from 'vitest';
import { buildDetector, findCodes, loadDetector, scanText } from '../../../src/core/match';
import { record } from './fixture-records';

const codes = (text: string) => findCodes(text).map((h) => [h.key, text.slice(h.start, h.end)]);

describe('Jet (ESE) errors', () => {
  it('reads a negative error number next to an error word, before or after it', () => {
    expect(codes('the database could not be initialized and returned error -1022.')).toEqual([
      ['error:-1022', '-1022'],
    ]);
    expect(codes('Jet error -1018 in the application log')).toEqual([['error:-1018', '-1018']]);
    expect(codes('error code: -1811')).toEqual([['error:-1811', '-1811']]);
    expect(codes('defrag stopped with -1605 errors')).toEqual([['error:-1605', '-1605']]);
    expect(codes('Eseutil ends with -1808 (JET_errDiskFull)')).toEqual([
      ['jet_errdiskfull', 'JET_errDiskFull'],
      ['error:-1808', '-1808'],
    ]);
  });

  it('lets one error word cover a list, before or after it', () => {
    expect(codes('Error -1022 and -1032 after the restore').map(([k]) => k)).toEqual(['error:-1022', 'error:-1032']);
    expect(codes('-1018, -1019 or -1022 errors on the new controller').map(([k]) => k)).toEqual([
      'error:-1018',
      'error:-1019',
      'error:-1022',
    ]);
  });

  it('leaves plain negative numbers alone', () => {
    expect(codes('Set the timeout to -1000 ms, offset -1024, it was -20 degrees outside')).toEqual([]);
    expect(codes('error margin was -250 ms')).toEqual([]);
    expect(codes('part BJC-250, line 12-1022 and x-1811')).toEqual([]);
    expect(codes('balance -1022 after the refund')).toEqual([]);
  });
});

describe('codes an article names in its title', () => {
  const titled = record({
    q: 'Q900401',
    title: 'XADM: Error -1026 When Mounting the Private Store',
    errors: [{ text: 'The Microsoft Exchange Information Store service terminated.', kind: 'error', placeholders: [] }],
  });
  const quoted = record({
    q: 'Q900402',
    title: 'XADM: Offline Defragmentation Stops',
    errors: [{ text: 'Operation terminated with error -1026 (JET_errZorblax).', kind: 'error', placeholders: [] }],
  });
  const det = loadDetector(JSON.parse(JSON.stringify(buildDetector([titled, quoted]))));

  it('index the code for the article, as quoted errors do', () => {
    expect(det.codeArticles('error:-1026')).toEqual(['Q900401', 'Q900402']);
    expect(det.codeArticles('jet_errzorblax')).toEqual(['Q900402']);
  });

  it('so a ticket quoting only the number finds both', () => {
    const m = scanText('Store will not mount, event log shows Jet error -1026 again.', det).find(
      (x) => x.source === 'code',
    );
    expect(m).toMatchObject({ kind: 'error', value: '-1026', text: '-1026' });
    expect(m!.articles).toEqual(['Q900401', 'Q900402']);
  });

  it('a negative number no article names is no match', () => {
    expect(scanText('returned error -1999', det)).toEqual([]);
  });
});
