/**
 * A second release named beside the article's fix: one that "also" has the fix, and a service pack
 * of another product the fixed one runs with. Each on an article written for the test.
 */
import { describe, expect, it } from 'vitest';
import { parseRelease } from '../../../src/core/article/release';
import { articleHeader, parseInline } from './fixture';

const header = (q: string, applies: string) => articleHeader(q, 'Microsoft Gizmo', ':2.0', applies, '12-JUN-1998');

describe('a release that "also" has the fix', () => {
  it('does not outrank the unnumbered service pack stated first', () => {
    const record = parseInline('Q399901', [
      ...header('Q399901', 'Microsoft Gizmo Server, version 2.0'),
      'SYMPTOMS',
      '========',
      '',
      'The Gizmo Server scheduler skips jobs that are queued at midnight.',
      '',
      'STATUS',
      '======',
      '',
      'Microsoft has confirmed this to be a problem in Gizmo Server version 2.0. This',
      'problem was corrected in the latest U.S. Service Pack for Gizmo Server version',
      '2.0.',
      '',
      'This problem was also corrected in Gizmo Server version 2.5.',
    ]);
    expect(record.fixKind).toBe('service-pack');
    expect(record.fix?.version).toBe('2.0');
    // The later version is still listed as a release with the fix.
    expect(record.fixes.map((f) => f.text)).toContain('Gizmo Server 2.5');
  });
  it('stays second when the first fix is an upgrade', () => {
    const record = parseInline('Q399902', [
      ...header('Q399902', 'Microsoft Gizmo Server, version 2.0'),
      'STATUS',
      '======',
      '',
      'This problem was corrected in Gizmo Server version 3.0. It is also fixed in the',
      'latest Gizmo Server 2.0 U.S. Service Pack.',
    ]);
    expect(record.fixedIn).toBe('Gizmo Server 3.0');
    expect(record.fixKind).toBe('upgrade');
  });
});

describe('a service pack of the product the fixed one is used with', () => {
  it('is that product\'s service pack, not one of the product before "with"', () => {
    const r = parseRelease('Gizmo Desktop 95 with Gizmo Browser 4.01 Service Pack 1 or later installed');
    expect(r?.product).toBe('Gizmo Browser');
    expect(r?.version).toBe('4.01');
    expect(r?.servicePack).toBe('1');
  });
  it('keeps "X with Service Pack N" as X\'s own service pack', () => {
    const r = parseRelease('Gizmo Server 2.0 with Service Pack 3 installed');
    expect(r?.product).toBe('Gizmo Server');
    expect(r?.servicePack).toBe('3');
  });
  it('is read so in a fix sentence', () => {
    const record = parseInline('Q399903', [
      ...header('Q399903', 'Microsoft Gizmo Desktop, version 2.0'),
      'STATUS',
      '======',
      '',
      'This problem was corrected in Gizmo Desktop 3.0. This problem is also corrected in',
      'Gizmo Desktop 95 with Gizmo Browser 4.01 Service Pack 1 or later installed.',
    ]);
    expect(record.fixedIn).toBe('Gizmo Desktop 3.0');
    expect(record.fixes.map((f) => f.text)).not.toContain('Gizmo Desktop 95 Service Pack 1');
    expect(record.fixes.some((f) => f.product === 'Gizmo Browser' && f.servicePack === '1')).toBe(true);
  });
});

describe('a service pack level written as a version, for a product named after it', () => {
  it("is that product's service pack, not one of the product the article is about", () => {
    const r = parseRelease('U.S. Service Pack 2.0 for Microsoft Gizmo NT.');
    expect(r?.product).toBe('Gizmo NT');
    expect(r?.servicePack).toBe('2');
  });
});
