import { describe, expect, it } from 'vitest';
import { findTicketVersions } from '../../../src/core/version';
import { fix, rec, verdictOf } from './composed';

describe('versions the article says the problem does not occur in', () => {
  const other = rec({
    q: 'Q900401',
    versions: ['Exchange Server 4.0'],
    unaffected: [{ product: 'Exchange Server', version: '5.0', range: 'at' }],
  });
  it('the version named is not affected; the listed one is', () => {
    const v = verdictOf(other, 'Our Exchange Server 5.0 SP1 box shows the containers out of order');
    expect(v.verdict).toBe('not-affected');
    expect(v.reason).toMatch(/does not occur in Exchange Server 5\.0/);
    expect(verdictOf(other, 'Exchange 4.0 SP2 server').verdict).toBe('affected');
  });
  it('two machines, one at a listed version: the affected one decides', () => {
    expect(verdictOf(other, 'One Exchange 4.0 server and one Exchange 5.0 server').verdict).toBe('affected');
  });
  it('two machines, one on another product the article lists at an affected version: that one decides', () => {
    // "This problem does not occur in Windows 95" in a Windows NT 4.0 article; the ticket names both.
    const nt = rec({
      q: 'Q900408',
      versions: ['Windows NT Server 4.0'],
      unaffected: [{ product: 'Windows', version: '95', range: 'at' }],
    });
    expect(verdictOf(nt, 'Windows 95 clients only').verdict).toBe('not-affected');
    expect(verdictOf(nt, 'Windows 95 clients log on to a Windows NT Server 4.0 SP3 domain').verdict).toBe('affected');
    // The platform a listed product runs on is not a second machine: Exchange 5.0 on NT 4.0 is Exchange 5.0.
    const onNt = rec({
      q: 'Q900409',
      versions: ['Exchange Server 4.0', 'Windows NT Server 4.0'],
      unaffected: [{ product: 'Exchange Server', version: '5.0', range: 'at' }],
    });
    expect(verdictOf(onNt, 'Exchange Server 5.0 on Windows NT Server 4.0 SP3').verdict).toBe('not-affected');
  });
  it('"later versions" of a Windows 3.x product: later Windows of either line, not the listed one', () => {
    const wfw = rec({
      q: 'Q900402',
      versions: ['Windows for Workgroups 3.1'],
      unaffected: [{ product: 'Windows for Workgroups', version: '3.1', range: 'later' }],
    });
    expect(verdictOf(wfw, 'Windows for Workgroups 3.11 clients').verdict).toBe('not-affected');
    expect(verdictOf(wfw, 'WfW 3.11 on the front desk').verdict).toBe('not-affected');
    expect(verdictOf(wfw, 'a Windows 95 PC').verdict).toBe('not-affected');
    expect(verdictOf(wfw, 'WfW 3.1 in standard mode').verdict).toBe('affected');
  });
  it('"earlier versions": below the bound, same product only', () => {
    const word = rec({
      q: 'Q900403',
      versions: ['Word 97 for Windows'],
      unaffected: [{ product: 'Word', version: '97', range: 'earlier' }],
    });
    expect(verdictOf(word, 'user still on Word 95').verdict).toBe('not-affected');
    expect(verdictOf(word, 'Word 97 SR-1 here').verdict).toBe('affected');
    expect(verdictOf(word, 'Word 2000 here').verdict).not.toBe('not-affected');
  });
});

describe('verdict mechanisms the blind verdict set showed', () => {
  it('an upgrade to a lettered release of a suite tool is not judged as the suite', () => {
    const vfp = rec({
      q: 'Q900404',
      versions: ['Visual FoxPro for Windows 5.0'],
      fix: fix({ text: 'Visual FoxPro 5.0a', product: 'Visual FoxPro', version: '5.0a' }),
    });
    expect(verdictOf(vfp, 'VFP 5.0 app crashes').verdict).toBe('affected');
    expect(verdictOf(vfp, 'Visual FoxPro 5.0a app').verdict).toBe('fixed');
  });
  it('without a fix, the listed product the ticket names decides, not the first listed', () => {
    const clientFirst = rec({
      q: 'Q900405',
      versions: ['Exchange Windows 3.x client 4.0', 'Exchange Server 4.0'],
    });
    expect(verdictOf(clientFirst, 'Exchange Server 4.0 SP2 in the lab').verdict).toBe('affected');
  });
  it('a fix that names a file at a version is compared with the file version the ticket quotes', () => {
    const file = rec({
      q: 'Q900406',
      versions: ['Schedule+ for Windows 1.0'],
      fix: fix({ text: 'GIZMO.DLL 3.2.0.4064', product: 'GIZMO.DLL', version: '3.2.0.4064' }),
    });
    expect(verdictOf(file, 'Schedule+ 1.0, our GIZMO.DLL is 3.2.0.4064 now').verdict).toBe('fixed');
    expect(verdictOf(file, 'Schedule+ 1.0, GIZMO.DLL version 3.2.0.3002').verdict).toBe('affected');
  });
});

describe('ticket versions', () => {
  it('"<product> with SP4": the level reaches the product whose name is also offered as a shorter tail', () => {
    const sna = findTicketVersions("We're on SNA Server 3.0 with SP4 now").products.find((p) =>
      /SNA Server/.test(p.name),
    );
    expect(sna?.sp).toBe('4');
  });
  it('"4.5" and "4.50" are one release of a product', () => {
    const qb = rec({
      q: 'Q900407',
      versions: ['QuickBASIC 4.00b'],
      fix: fix({ text: 'QuickBASIC 4.50', product: 'QuickBASIC', version: '4.50' }),
    });
    expect(verdictOf(qb, 'QuickBASIC 4.5 here').verdict).toBe('fixed');
  });
});
