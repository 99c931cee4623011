import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, search } from '../../../src/core/search';
import { expandWord, MatchKind } from '../../../src/core/search/expand';
import { record } from '../../fixtures/search/records';

const articles = [
  record({ q: 'Q310001', title: 'Crypto Toolkit Sample Does Not Build' }),
  record({ q: 'Q310002', title: 'Cryptography Provider DLL Can Be Replaced by Any User' }),
  record({ q: 'Q310003', title: 'CryptoAPI Key Container Is Not Deleted' }),
  record({ q: 'Q310004', title: 'Cryptographic Service Provider Fails After Upgrade' }),
  record({ q: 'Q310005', title: 'Cryptography Errors in the Event Log' }),
  // "extent" in one article, "extension" in many: a slip ("extention") means the common one.
  record({ q: 'Q310010', title: 'Database Extent Allocation Is Slow' }),
  ...Array.from({ length: 24 }, (_, i) =>
    record({ q: `Q3101${String(i + 10).padStart(2, '0')}`, title: `File Extension Problem Number ${i}` }),
  ),
  record({ q: 'Q310200', title: 'Troubleshooting Serial Port Problems' }),
  record({ q: 'Q310201', title: 'Spoolsv.exe Uses Memory', files: [['Spoolsv.exe', '5.0.2195.1']] }),
  ...Array.from({ length: 24 }, (_, i) =>
    record({ q: `Q3103${String(i + 10).padStart(2, '0')}`, title: `Spoolss Event Number ${i}` }),
  ),
];
const ix = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(articles))));
const expand = (word: string, prefix = false) =>
  expandWord(ix, word, { prefix, typos: true }).map((e) => ({ term: ix.terms.at(e.id), kind: e.kind }));

describe('a finished word cut short', () => {
  it('also finds the words it begins when the archive uses them more than the word itself', () => {
    const terms = expand('crypto').map((e) => e.term);
    expect(terms[0]).toBe('crypto');
    expect(terms).toEqual(expect.arrayContaining(['cryptographi', 'cryptoapi', 'cryptograph']));
    expect(search(ix, 'crypto dll replaced ').map((r) => r.q)[0]).toBe('Q310002');
  });

  it('does not, for a word used as much as its completions', () => {
    expect(expand('extent').some((e) => e.kind === MatchKind.Prefix)).toBe(false);
  });
});

describe('slips', () => {
  it('reads a misspelling that stems to a rare word as the common word one edit away', () => {
    expect(expand('extention').map((e) => e.term)).toContain('extens');
    expect(search(ix, 'extention problem ').map((r) => r.q)[0]).toMatch(/^Q3101/);
  });

  it('leaves a file name as written', () => {
    expect(expand('spoolsv').map((e) => e.term)).toEqual(['spoolsv']);
  });

  it('corrects a finished word at the end of the query, which begins no term', () => {
    expect(expand('troubleshoting', true).map((e) => e.term)).toContain('troubleshoot');
    expect(search(ix, 'serial port troubleshoting')[0]!.q).toBe('Q310200');
  });
});

describe('a command-line switch written out', () => {
  const switches = loadSearchIndex(
    JSON.parse(
      JSON.stringify(
        buildSearchIndex([
          record({ q: 'Q310401', title: 'Choosing the A20 Handler with HIMEM.SYS /M' }),
          record({ q: 'Q310402', title: 'HIMEM.SYS Hangs on Some Computers' }),
          record({ q: 'Q310403', title: 'HIMEM.SYS /MACHINE:2 on a PS/2' }),
          record({ q: 'Q310404', title: 'A20 Handler Number Table for HIMEM.SYS' }),
        ]),
      ),
    ),
  );
  const terms = (word: string) =>
    expandWord(switches, word, { prefix: false, typos: true }).map((e) => switches.terms.at(e.id));

  it('also finds it cut to its first letters, as programs take it', () => {
    expect(terms('/machine')).toEqual(['/machine', '/m']);
    expect(search(switches, 'himem /machine a20 handler').map((r) => r.q)[0]).toBe('Q310401');
  });

  it('is not a word that begins with the same letters', () => {
    expect(terms('machine')).not.toContain('/m');
    expect(terms('/m')).toEqual(['/m']);
  });
});
