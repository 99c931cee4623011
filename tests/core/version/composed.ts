/**
 * Composed records for the verdict tests: the products and levels are the archive's kind, the
 * articles are not real ones. One record, one fix and one verdict helper for every verdict test.
 */
import type { Fix } from '../../../src/core/article/types';
import { findTicketVersions, verdictFor } from '../../../src/core/version';
import { record } from '../match/fixture-records';

/** A fix as the parser writes one; the fields a test does not name are the common case. */
export const fix = (p: Partial<Fix> & Pick<Fix, 'text' | 'product' | 'version'>): Fix => ({
  servicePack: null,
  hotfix: false,
  source: 'status',
  ...p,
});

export const rec = (p: Omit<Parameters<typeof record>[0], 'title'>) => record({ title: 'Composed article', ...p });

/** The card's verdict of `r` for a ticket reading `text`. */
export const verdictOf = (r: ReturnType<typeof record>, text: string) => verdictFor(r, findTicketVersions(text));

export const v = (r: ReturnType<typeof record>, text: string) => verdictOf(r, text).verdict;

/** The commonest fix: "<product> <version> Service Pack <n>", as the parser reads it. */
export const spFix = (product: string, version: string, servicePack: string): Fix =>
  fix({ text: `${product} ${version} Service Pack ${servicePack}`, product, version, servicePack });
