/**
 * Field weights (rank.ts FIELD_WEIGHT): an agent names what the title says more often than what a
 * quoted message says, so a title with the query's words outranks an article that only quotes
 * them, even where that article's title has the one word left (the product).
 */
import { expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, search } from '../../../src/core/search';
import { record } from '../../fixtures/search/records';

const ix = loadSearchIndex(
  JSON.parse(
    JSON.stringify(
      buildSearchIndex([
        record({ q: 'Q920001', title: 'Cluster Problems on Windows NT', errors: ['Quorum disk is offline'] }),
        record({ q: 'Q920002', title: 'Quorum Disk Goes Offline on a Cluster' }),
        record({ q: 'Q920003', title: 'Windows NT Cluster Issues', errors: ['The quorum disk went offline'] }),
        record({ q: 'Q920004', title: 'Quorum Disk Goes Offline' }),
        // The product is in many articles, as in the archive: its word is no rarer than "quorum".
        ...Array.from({ length: 40 }, (_, i) =>
          record({ q: `Q9201${10 + i}`, title: `Service ${i} Problem on Windows NT` }),
        ),
      ]),
    ),
  ),
);
const order = (query: string) => search(ix, query).map((r) => r.q);

it('a title with the words outranks a quoted message with them and the product in its title', () => {
  expect(order('quorum disk offline nt ').slice(0, 2)).toEqual(['Q920004', 'Q920002']);
});

it('the quoting articles still lead where the query names more of their titles', () => {
  expect(order('quorum disk offline windows nt ')[0]).toBe('Q920003');
});
