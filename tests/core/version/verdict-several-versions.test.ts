import { describe, expect, it } from 'vitest';
import { findTicketVersions } from '../../../src/core/version';
import { isAcronym } from '../../../src/core/version/aliases';
import { fix, rec, spFix, v } from './composed';

describe('machines on several versions of one product', () => {
  // Fixed in 2.0 SP2; 1.0 has only a hotfix.
  const twoVersions = rec({
    q: 'Q900901',
    versions: ['Proxy Server 1.0', 'Proxy Server 2.0'],
    fix: spFix('Proxy Server', '2.0', '2'),
    fixes: [
      spFix('Proxy Server', '2.0', '2'),
      fix({ text: 'Proxy Server 1.0 hotfix', product: 'Proxy Server', version: '1.0', hotfix: true, source: 'body' }),
    ],
  });
  it('are each judged by their own fix, and the worse verdict decides', () => {
    expect(v(twoVersions, 'One Proxy Server 1.0 box at the branch, the rest are Proxy Server 2.0 SP3.')).toBe(
      'affected',
    );
    expect(v(twoVersions, 'All gateways are Proxy Server 2.0 SP3.')).toBe('fixed');
  });
  const upgrade = rec({
    q: 'Q900902',
    versions: ['Orbit Compiler 5.1'],
    fix: fix({ text: 'Orbit Compiler 6.0', product: 'Orbit Compiler', version: '6.0' }),
  });
  it('a listed version beside the fixing release is affected', () => {
    expect(v(upgrade, 'Build box 1 runs Orbit Compiler 5.1, build box 2 Orbit Compiler 6.0.')).toBe('affected');
    expect(v(upgrade, 'The build box runs Orbit Compiler 6.0.')).toBe('fixed');
  });
  it("a version named as the article's is no machine", () => {
    expect(v(upgrade, 'The KB lists Orbit Compiler 5.1 but we are on Orbit Compiler 6.0.')).toBe('fixed');
    expect(v(upgrade, 'Fixed in Orbit Compiler 6.0, says the KB; our build box runs Orbit Compiler 5.1.')).toBe(
      'affected',
    );
  });
  it('a version the ticket moved away from is not installed', () => {
    expect(v(upgrade, 'We upgraded from Orbit Compiler 5.1 to Orbit Compiler 6.0 last month.')).toBe('fixed');
    expect(v(upgrade, 'We went from Orbit Compiler 5.1 on all PCs to Orbit Compiler 6.0.')).toBe('fixed');
    // A move to come leaves the machine on the first.
    expect(v(upgrade, 'We plan to upgrade from Orbit Compiler 5.1 to Orbit Compiler 6.0.')).toBe('affected');
    // Moving down is not an upgrade away from the first.
    const names = findTicketVersions('We moved from Orbit Compiler 6.0 to Orbit Compiler 5.1.').products;
    expect([...new Set(names.map((p) => p.version))]).toEqual(['6.0', '5.1']);
  });
});

describe('a product the article spells out and the ticket writes in letters', () => {
  const masm = rec({
    q: 'Q900903',
    versions: ['Macro Assembler (MASM) 5.1', 'Macro Assembler (MASM) 5.1a'],
    fix: fix({ text: 'MASM 6.0', product: 'MASM', version: '6.0' }),
  });
  it('is the same product, at versions written with a trailing zero or a capital letter', () => {
    expect(v(masm, 'Customer assembles with MASM 5.10A.')).toBe('affected');
    expect(v(masm, 'Customer assembles with MASM 5.1.')).toBe('affected');
    expect(v(masm, 'Customer assembles with MASM 6.11.')).toBe('fixed');
    expect(v(masm, 'Box 1 has MASM 5.1, box 2 has MASM 6.0.')).toBe('affected');
  });
  it('letters are an acronym only of the whole name', () => {
    expect(isAcronym('masm', 'macro assembler')).toBe(true);
    expect(isAcronym('pwb', "programmer's workbench")).toBe(true);
    expect(isAcronym('sms', 'systems management server')).toBe(true);
    expect(isAcronym('mas', 'macro assembler tools')).toBe(false);
    expect(isAcronym('mail', 'macro assembler')).toBe(false);
    expect(isAcronym('ma', 'macro assembler')).toBe(false);
  });
  it('only the last word gives letters from inside it', () => {
    expect(isAcronym('sfu', 'services for unix')).toBe(true);
    expect(isAcronym('vss', 'visual sourcesafe')).toBe(true);
    // "WINS" is no WIndows Nt Server, nor "SNMP" SNa MP server.
    expect(isAcronym('wins', 'windows nt server')).toBe(false);
    expect(isAcronym('snmp', 'sna manager')).toBe(false);
  });
  it('an earlier word gives more only from a capital inside it, or as MS for Microsoft', () => {
    expect(isAcronym('fpse', 'FrontPage Server Extensions')).toBe(true);
    expect(isAcronym('mscs', 'Microsoft Cluster Server')).toBe(true);
    expect(isAcronym('msde', 'Microsoft Data Engine')).toBe(true);
    expect(isAcronym('mdac', 'Microsoft Data Access Components')).toBe(true);
    expect(isAcronym('vss', 'Visual SourceSafe')).toBe(true);
    expect(isAcronym('vfp', 'Visual FoxPro')).toBe(true);
    expect(isAcronym('iis', 'Internet Information Server')).toBe(true);
    expect(isAcronym('masm', 'Macro Assembler')).toBe(true);
    expect(isAcronym('pwb', "Programmer's WorkBench")).toBe(true);
    expect(isAcronym('wins', 'Windows NT Server')).toBe(false);
    // Lower-case letters inside an earlier word give nothing: no capital, no Microsoft.
    expect(isAcronym('fpse', 'Frontpage Server Extensions')).toBe(false);
    expect(isAcronym('mdse', 'Media Server Extensions')).toBe(false);
  });
  it('the article spelling the name with its capitals', () => {
    const fpse = rec({
      q: 'Q900905',
      versions: ['FrontPage Server Extensions 1.1'],
      fix: fix({ text: 'FPSE 1.2', product: 'FPSE', version: '1.2' }),
    });
    expect(v(fpse, 'The web server has FPSE 1.1 installed.')).toBe('affected');
    const server = rec({
      q: 'Q900904',
      versions: ['Windows NT Server 3.51'],
      fix: fix({ text: 'Windows NT Server 4.0', product: 'Windows NT Server', version: '4.0' }),
    });
    const other = rec({
      q: 'Q900905',
      versions: ['Wide Net Server 1.0'],
      fix: fix({ text: 'Wide Net Server 2.0', product: 'Wide Net Server', version: '2.0' }),
    });
    expect(v(other, 'The Wide Net Server 1.0 box drops replication.')).toBe('affected');
    expect(v(other, 'The WINS 1.0 box drops replication.')).toBe('unknown');
    expect(v(server, 'The WINS 1.0 box drops replication.')).toBe('unknown');
  });
});

describe('ticket wording', () => {
  it('a level after both NT editions is theirs', () => {
    const p = findTicketVersions('Both boxes NT 4.0 Workstation/Server SP5.').products;
    expect(p.map((x) => [x.version, x.sp])).toEqual([['4.0', '5']]);
    const q = findTicketVersions('Windows NT Server and Workstation 4.0 SP3').products;
    expect(q.map((x) => [x.family, x.version, x.sp])).toContainEqual(['windows', '4.0', '3']);
  });
  it('a level after a slash or an edition word, and a whole-number version with its level', () => {
    const read = (t: string) => findTicketVersions(t).products.map((x) => [x.family, x.version, x.sp]);
    expect(read('Server is NT4/SP6a.')).toEqual([['windows', '4.0', '6a']]);
    expect(read('Exchange 5.5/SP4 box')).toEqual([['exchange', '5.5', '4']]);
    expect(read('Exchange 5.5 Standard, SP2')).toEqual([['exchange', '5.5', '2']]);
    expect(read('Win 2000 Adv Server SP1')).toEqual([['windows', '2000', '1']]);
    expect(read('Visual Studio 6 SP5 on the dev boxes')).toContainEqual(['other:visual studio', '6.0', '5']);
    expect(read('Orbit Desk 3 SP2')).toContainEqual(['other:orbit desk', '3.0', '2']);
    // Without a level a whole number is no version: "Room 6", "Step 2".
    expect(read('Meeting in Room 6 at noon, Step 2 failed')).toEqual([]);
  });
  it('a file version a few words after its file', () => {
    const files = (t: string) => findTicketVersions(t).files.map((f) => [f.name, f.version]);
    expect(files('Mapi32.dll on the PC is 5.0.1457.3.')).toEqual([['mapi32.dll', '5.0.1457.3']]);
    expect(files('Store.exe on both servers reads 5.5.2448.0')).toEqual([['store.exe', '5.5.2448.0']]);
    expect(files('Emsmta.exe version is 5.5.2448.0')).toEqual([['emsmta.exe', '5.5.2448.0']]);
    expect(files('Copied Store.exe in the folder is not the issue, 5.5.2448.0 build')).toEqual([]);
  });
});
