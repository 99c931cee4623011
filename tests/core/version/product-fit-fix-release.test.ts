import { describe, expect, it } from 'vitest';
import { productFit } from '../../../src/core/version/verdict';
import { findTicketVersions } from '../../../src/core/version/ticket-versions';
import { record } from '../match/fixture-records';

const fixedIn = (product: string, version: string) =>
  record({
    q: 'Q399501',
    title: 't',
    versions: [],
    fix: { text: `${product} ${version}`, product, version, servicePack: null, hotfix: false, source: 'resolution' },
  });

describe('productFit and the release that fixes the problem', () => {
  it('is not "another version" when the ticket runs an earlier release than the fix', () => {
    expect(productFit(fixedIn('MSN', '2.5'), findTicketVersions('Customer on MSN 2.0 gets the prompt.'))).not.toBe(
      'same-family',
    );
  });

  it('still is when the ticket runs a later release than the fix', () => {
    expect(productFit(fixedIn('MSN', '2.5'), findTicketVersions('Customer on MSN 3.0 gets the prompt.'))).toBe(
      'same-family',
    );
  });

  it('is the same version when the ticket runs the fixing release', () => {
    expect(productFit(fixedIn('MSN', '2.5'), findTicketVersions('Customer on MSN 2.5 gets the prompt.'))).toBe(
      'same-version',
    );
  });
});
