import { describe, expect, it } from 'vitest';
import { fixLine } from '../../../src/core/present/article-summary';
import { articleRecord } from '../../fixtures/article-record';

describe('fixLine (issue 15 kinds)', () => {
  it("says another vendor's update is the remedy, not that there is none", () => {
    expect(fixLine(articleRecord({ q: 'Q900800', title: 'T', fixKind: 'other' }))).toBe(
      'an update from another vendor (see the article)',
    );
  });
  it('shows an inferred service pack as inferred', () => {
    const r = articleRecord({
      q: 'Q900801',
      title: 'T',
      fixKind: 'service-pack',
      fixedIn: 'Windows NT 4.0 Service Pack 6a (inferred)',
    });
    expect(fixLine(r)).toBe('Windows NT 4.0 Service Pack 6a (inferred)');
  });
});
