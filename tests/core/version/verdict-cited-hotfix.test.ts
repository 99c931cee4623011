import { beforeAll, describe, expect, it } from 'vitest';
import { useReleaseTable } from '../../../src/core/version';
import { exchangeReleaseTable } from '../../fixtures/releases';
import { fix, rec, v, verdictOf } from './composed';

beforeAll(() => useReleaseTable(exchangeReleaseTable()));

describe("a hotfix the ticket names by the article's number", () => {
  const nt = rec({
    q: 'Q900411',
    versions: ['Windows NT Server 4.0'],
    fix: fix({ text: 'Windows NT 4.0 hotfix', product: 'Windows NT', version: '4.0', hotfix: true }),
    fixKind: 'hotfix',
    files: [{ name: 'Netbt.sys', version: '4.0.1381.7124' }],
  });
  it("fixed where the ticket says this article's hotfix is on", () => {
    const r = verdictOf(nt, 'NT4 SP6a file server. The Q900411 hotfix is installed on it.');
    expect(r.verdict).toBe('fixed');
    expect(r.reason).toMatch(/Q900411 hotfix is installed/);
  });
  it('affected where it was removed again, failed or is to come', () => {
    expect(v(nt, 'NT 4.0 SP6a. We applied the Q900411 hotfix, but it was removed again.')).toBe('affected');
    expect(v(nt, 'NT4 SP6a. Hotfix Q900411 is scheduled to be applied on Sunday.')).toBe('affected');
  });
  it('unknown where it is a claim or on another machine, not the generic "may include"', () => {
    expect(v(nt, 'NT4 SP6a. The user says he installed the Q900411 hotfix.')).toBe('unknown');
    expect(v(nt, 'NT4 SP6a on the DC. The Q900411 hotfix was applied on my test box.')).toBe('unknown');
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
  it('an Exchange level below the fixed build, with this hotfix applied: fixed', () => {
    expect(v(ex, 'Exchange 5.5 SP4. We applied the fix from Q900412 to the server last night.')).toBe('fixed');
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
