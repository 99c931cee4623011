import { beforeAll, describe, expect, it } from 'vitest';
import { useReleaseTable } from '../../../src/core/version';
import { exchangeReleaseTable } from '../../fixtures/releases';
import { fix, rec, v, verdictOf } from './composed';

beforeAll(() => useReleaseTable(exchangeReleaseTable()));

describe("a hotfix the ticket names by the article's number", () => {
  const sp3 = rec({
    q: 'Q900414',
    versions: ['Windows NT Server 4.0 SP3'],
    fix: fix({ text: 'Windows NT 4.0 hotfix', product: 'Windows NT', version: '4.0', hotfix: true }),
    fixKind: 'hotfix',
  });
  const nt = rec({
    q: 'Q900411',
    versions: ['Windows NT Server 4.0'],
    fix: fix({ text: 'Windows NT 4.0 hotfix', product: 'Windows NT', version: '4.0', hotfix: true }),
    fixKind: 'hotfix',
    files: [{ name: 'Netbt.sys', version: '4.0.1381.7124' }],
  });
  it("never fixed on the ticket's word: this article's hotfix said on leaves it unknown", () => {
    const r = verdictOf(sp3, 'NT 4.0 SP3 file server. Hotfix Q900414 installed on the server last week.');
    expect(r.verdict).toBe('unknown');
    expect(r.reason).toMatch(/Q900414 hotfix is installed, but nothing read off the machine/);
  });
  it('affected where it was removed again or is to come', () => {
    expect(v(nt, 'NT 4.0 SP6a. Hotfix Q900411 installed. Later the hotfix was rolled back.')).toBe('affected');
    expect(v(nt, 'NT4 SP6a. Hotfix Q900411 is not yet applied.')).toBe('affected');
  });
  it('unknown where it is a claim', () => {
    expect(v(nt, 'NT4 SP6a. The user says he installed the Q900411 hotfix.')).toBe('unknown');
  });
  it('the number cited for another reason or in an instruction changes nothing (X1, I1)', () => {
    expect(v(nt, 'NT4 SP6a. The crash described in Q900411 happens although the Y2K update is installed.')).toBe(
      'affected',
    );
    expect(v(nt, 'NT4 SP6a. Verify that hotfix Q900411 is installed on the server.')).toBe('affected');
  });
  it('a negative word elsewhere in the sentence does not deny the hotfix (A2)', () => {
    expect(v(nt, 'NT 4.0 SP6a. The Q900411 hotfix was installed and has not failed us since.')).toBe('unknown');
  });
  it("another article's hotfix says nothing of this one", () => {
    expect(v(nt, 'NT4 SP6a. The Q900499 hotfix is installed.')).toBe('unknown');
  });
  it('the file read off the machine outranks what is said of the hotfix', () => {
    expect(v(nt, 'NT4 SP6a. The user says the Q900411 hotfix was applied, but netbt.sys is 4.0.1381.7000.')).toBe(
      'affected',
    );
  });

  const ex = rec({
    q: 'Q900412',
    versions: ['Exchange Server 5.5 SP3', 'Exchange Server 5.5 SP4'],
    fix: fix({ text: 'Exchange Server 5.5 hotfix', product: 'Exchange Server', version: '5.5', hotfix: true }),
    fixKind: 'hotfix',
    files: [{ name: 'Emsmta.exe', version: '5.5.2654.22' }],
  });
  it('an Exchange level below the fixed build, with this hotfix applied: unknown, never fixed', () => {
    expect(v(ex, 'Exchange 5.5 SP4. We applied the fix from Q900412 to the server last night.')).toBe('unknown');
  });
  it("the machine's file after the fix is read (F1): the fixed / corrected file is the machine's", () => {
    expect(v(ex, 'Exchange 5.5 SP4. Q900412: the fixed Emsmta.exe 5.5.2654.22 is on the server now.')).toBe('fixed');
    expect(v(ex, 'Exchange 5.5 SP4. The corrected emsmta.exe 5.5.2654.22 is in exchsrvr\\bin.')).toBe('fixed');
  });
  it("the fix's own files and a document's are not the machine's versions, nor its build", () => {
    expect(
      v(ex, 'Exchange 5.5 SP4. The Q900412 hotfix files (emsmta.exe 5.5.2654.22) are copied to C:\\temp but not run.'),
    ).toBe('affected');
    expect(v(ex, 'The KB says the fixed Emsmta.exe is 5.5.2654.22; we have Exchange 5.5 SP4.')).toBe('affected');
  });

  const sp = rec({
    q: 'Q900413',
    versions: ['Windows NT Server 4.0'],
    fix: fix({ text: 'Windows NT 4.0 Service Pack 5', product: 'Windows NT', version: '4.0', servicePack: '5' }),
  });
  it("a level below the fixing service pack with the article's hotfix on: unknown, not affected", () => {
    expect(v(sp, 'NT 4.0 SP4. The hotfix from Q900413 is installed.')).toBe('unknown');
    expect(v(sp, 'NT 4.0 SP4. Q900413 mentions a hotfix.')).toBe('affected');
  });
});
