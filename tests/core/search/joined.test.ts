import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, search } from '../../../src/core/search';
import { record } from '../../fixtures/search/records';

const articles = [
  record({ q: 'Q320001', title: 'Counters Missing from Performance Monitor After Upgrade' }),
  record({ q: 'Q320002', title: 'Perfmon Shows No Counters for the Directory' }),
  record({ q: 'Q320003', title: 'Counters Reset When the Server Is Upgraded' }),
  record({ q: 'Q320004', title: 'Token Ring Adapter Drops Frames' }),
  record({ q: 'Q320005', title: 'Tokenring Driver Fails to Load' }),
  record({ q: 'Q320006', title: 'Driver Fails to Load After Upgrade' }),
  record({ q: 'Q320007', title: 'Certificate Server Stops on Full Disk' }),
  record({ q: 'Q320008', title: 'Certificate Server Stops After Service Pack 3' }),
];
// "perfmon" spelled out, as the archive's acronym table has it.
const ix = loadSearchIndex(
  JSON.parse(JSON.stringify(buildSearchIndex(articles, { aliases: ['perfmon\tperformance monitor'] }))),
);
const qs = (query: string) => search(ix, query).map((r) => r.q);

describe('two words the archive writes as one', () => {
  it('finds the one word and what it spells out', () => {
    const found = qs('perf mon counters upgrade');
    expect(found.slice(0, 2).sort()).toEqual(['Q320001', 'Q320002']);
    expect(found.indexOf('Q320003')).toBeGreaterThan(1);
  });

  it('finds the one-word spelling of a two-word name', () => {
    expect(qs('token ring driver fails')[0]).toBe('Q320005');
  });
});

describe('service packs as tickets write them', () => {
  it('reads "sp3" as Service Pack 3', () => {
    expect(qs('certificate server stops sp3')[0]).toBe('Q320008');
  });
});
