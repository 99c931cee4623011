/**
 * The bundled index and the records lookup as the background tests mock them: a detector and a
 * search index built from a few invented records, no build ladders, the records looked up by number.
 */
import type { ArticleRecord } from '../../src/core/article/types';
import { buildDetector, loadDetector } from '../../src/core/match';
import { buildSearchIndex, loadSearchIndex } from '../../src/core/search';
import { ReleaseTable, RELEASES_FORMAT } from '../../src/core/version/release-table';
import { articleRecord } from '../fixtures/article-record';

/** One NDR line that three invented articles quote; the page's other words say which one it is. */
export const NDR = 'Unable to deliver the message due to a communications failure.';

export function articlesQuotingNdr(extra: Partial<Record<string, Partial<ArticleRecord>>> = {}): ArticleRecord[] {
  return [
    {
      q: 'Q100101',
      title: 'XFOR: Connector May not Deliver Messages w/Attachments',
      terms: ['connector', 'attachment'],
    },
    {
      q: 'Q100202',
      title: 'XCON: MTA Journaling Does Not Work to a Custom Recipient',
      terms: ['journaling', 'recipient'],
    },
    { q: 'Q100303', title: 'XFOR: Service Can Only Send SMTP Type Mail', terms: ['smtp', 'foreign'] },
  ].map((s) => articleRecord({ ...s, ...extra[s.q], errors: [{ text: NDR, kind: 'ndr', placeholders: [] }] }));
}

export function fakeBundledIndex(records: readonly ArticleRecord[]) {
  return {
    detector: async () => loadDetector(JSON.parse(JSON.stringify(buildDetector(records)))),
    // No build ladders: these tickets name no builds.
    releases: async () => new ReleaseTable({ format: RELEASES_FORMAT, products: [], ladders: [], files: {} }),
    manifest: async () => ({ articles: records.length }),
    lookupMany: fakeRecordsFor(records),
    searchIndex: async () => loadSearchIndex(buildSearchIndex(records)),
    // The worker opens the head and reads parts as searches touch them: here every part is in memory.
    searchHead: async () => loadSearchIndex(buildSearchIndex(records)),
  };
}

export function fakeRecordsFor(records: readonly ArticleRecord[]) {
  return async (qs: Iterable<string>) => {
    const wanted = new Set(qs);
    return new Map(records.filter((r) => wanted.has(r.q)).map((r) => [r.q, r]));
  };
}
