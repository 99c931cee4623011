/**
 * Kinds of fix-reading error found on the fresh blind sample of the fix facts (seed 8808), each
 * on an article written for the test.
 */
import { describe, expect, it } from 'vitest';
import { parseRelease } from '../../../src/core/article/release';
import { canonicalProduct } from '../../../src/core/version/products';
import { resolveLatestServicePacks } from '../../../src/core/version/service-pack-dates';
import { articleHeader, parseFixture, parseInline } from './fixture';

const header = (q: string, product: string, versions: string, applies: string) =>
  articleHeader(q, product, versions, applies, '14-MAR-2002');
const parse = parseInline;

describe('a hotfix rollup on a service pack', () => {
  it('is a hotfix, not the service pack it is built on', () => {
    const { record } = parseFixture('hotfix-rollup.md');
    expect(record.fixKind).toBe('hotfix');
    expect(record.fixedIn).toBe('Systems Management Server 2.0 Service Pack 4 Hotfix Rollup Package');
    expect(record.fix).toMatchObject({
      product: 'Systems Management Server',
      version: '2.0',
      servicePack: null,
      hotfix: true,
    });
  });
  it('is read from the words after "corrected in"', () => {
    expect(parseRelease('the Exchange Server 5.5 Service Pack 4 Security Rollup Package.')).toMatchObject({
      product: 'Exchange Server',
      version: '5.5',
      servicePack: '4',
      rollup: 'Security Rollup Package',
    });
    expect(parseRelease('Exchange Server 5.5 Service Pack 4.')!.rollup).toBe('');
  });
});

describe('a hotfix named where the problem is described', () => {
  it('is its cause, not its fix: the service pack of the work-around is', () => {
    const { record } = parseFixture('hotfix-as-cause.md');
    expect(record.fixKind).toBe('service-pack');
    expect(record.fixedIn).toBe('latest Exchange Server 5.5 service pack');
    expect(record.fixes.some((f) => f.hotfix)).toBe(false);
  });
  it('still counts there when the article says a fix is available', () => {
    const r = parse('Q399734', [
      ...header('Q399734', 'Microsoft Exchange', 'winnt:5.5', 'Microsoft Exchange Server, version 5.5 '),
      'SYMPTOMS',
      '========',
      '',
      'The directory stops when it replicates a long name. A supported fix is now',
      'available from Microsoft.',
    ]);
    expect(r.fixKind).toBe('hotfix');
    expect(r.fixedIn).toBe('Exchange Server 5.5 hotfix');
  });
});

describe('hotfixes in general', () => {
  it('"any hotfixes or service packs that you apply" is no fix', () => {
    const { record } = parseFixture('generic-hotfixes.md');
    expect(record.fixedIn).toBeNull();
    expect(record.fixKind).toBe('workaround-only');
  });
});

describe('an upgrade named in a work-around', () => {
  it('to a later version is a fix', () => {
    const r = parse('Q399735', [
      ...header('Q399735', 'Microsoft Windows NT', 'winnt:3.5', 'Microsoft Windows NT Server version 3.5 '),
      'WORKAROUND',
      '==========',
      '',
      'To work around this problem, upgrade to Windows NT 3.51.',
    ]);
    expect(r.fixKind).toBe('upgrade');
    expect(r.fixedIn).toBe('Windows NT 3.51');
  });
  it('to the affected version or an earlier one is a step, not a fix', () => {
    const r = parse('Q399736', [
      ...header('Q399736', 'Microsoft Exchange', 'winnt:5.5', 'Microsoft Exchange Server, version 5.5 '),
      'WORKAROUND',
      '==========',
      '',
      'To work around this problem, upgrade to Exchange Server 5.0, and then upgrade to',
      'Exchange Server 5.5.',
    ]);
    expect(r.fixedIn).toBeNull();
    expect(r.fixKind).toBe('workaround-only');
  });
});

describe('product names in a fix', () => {
  it('"for Windows 95 version 7.0": the version is the product\'s, not the platform\'s', () => {
    const r = parse('Q399737', [
      ...header(
        'Q399737',
        'Microsoft Access Distribution Kit',
        'WINDOWS:2.0',
        "Microsoft Access Developer's Toolkit, version 2.0 ",
      ),
      'STATUS',
      '======',
      '',
      "This behavior no longer occurs in the Microsoft Access Developer's Toolkit for",
      'Windows 95, version 7.0.',
    ]);
    expect(r.fixedIn).toBe("Access Developer's Toolkit 7.0");
    expect(r.fixKind).toBe('upgrade');
  });
  it('a bitness qualifier is not part of the name', () => {
    expect(canonicalProduct('Visual SourceSafe, 32-bit, for Windows', '6.0').product).toBe('Visual SourceSafe');
    expect(canonicalProduct('Visual C++, 32-bit Enterprise Edition', '6.0').product).toBe('Visual C++');
  });
});

describe("Office's service releases", () => {
  const office = (q: string, status: string[]) =>
    parse(q, [
      ...header(q, 'Microsoft Office', 'WINDOWS:97', 'Microsoft Office 97 for Windows '),
      'STATUS',
      '======',
      '',
      'Microsoft has confirmed this to be a problem in the Microsoft products listed at the',
      'beginning of this article.',
      ...status,
    ]);
  it('are numbered like service packs, not an upgrade to the version they update', () => {
    const r = office('Q399738', ['This problem was corrected in Microsoft Office 97 Service Release 2 (SR-2).']);
    expect(r.fixedIn).toBe('Office 97 Service Release 2');
    expect(r.fixKind).toBe('service-pack');
    expect(r.fix).toMatchObject({ product: 'Office', version: '97', servicePack: '2', hotfix: false });
    const w = office('Q399739', ['This problem was corrected in Microsoft Word 97 for Windows, Service Release 1.']);
    expect(w.fix).toMatchObject({ product: 'Word', version: '97', servicePack: '1' });
  });
  it("but Windows 95's OEM Service Release is a release of its own", () => {
    expect(parseRelease('Windows 95 OEM Service Release 2.')!.servicePack).toBeNull();
  });
  it('"the latest service pack" of such a product is resolved to a service release', () => {
    const rs = [
      office('Q399740', ['This problem was corrected in Microsoft Office 97 Service Release 2 (SR-2).']),
      office('Q399741', ['This problem was corrected in the latest service pack for Microsoft Office 97.']),
    ];
    resolveLatestServicePacks(rs);
    expect(rs[1]!.fixedIn).toBe('Office 97 Service Release 2 (inferred)');
  });
});
