import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, mergeResults, search, type SearchIndex } from '../../../src/core/search';
import { SEARCH_RECORDS, TEAM_RECORDS, record } from '../../fixtures/search/records';

function load(records = SEARCH_RECORDS): SearchIndex {
  // Through JSON, as the popup and the CLI get it.
  return loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(records))));
}

const ix = load();
const top = (query: string, n = 1) =>
  search(ix, query)
    .slice(0, n)
    .map((r) => r.q);

describe('Q-numbers', () => {
  it.each([
    'Q227142',
    'q227142',
    'KB227142',
    '227142',
    'kb 227142',
    'KB: 227142',
    'support.microsoft.com/kb/227142',
    'https://support.microsoft.com/default.aspx?scid=kb;en-us;Q227142',
  ])('%s puts Q227142 first', (query) => {
    const [first] = search(ix, query);
    expect(first).toMatchObject({ q: 'Q227142', why: 'Q-number' });
  });

  it('finds 4- and 5-digit numbers exactly', () => {
    expect(top('Q6749')).toEqual(['Q6749']);
    expect(top('22714')).toEqual(['Q22714']);
  });

  it('lists articles whose number starts with the digits typed so far', () => {
    const qs = search(ix, '2271').map((r) => r.q);
    expect(qs).toContain('Q22714');
    expect(qs).toContain('Q227142');
    // The exact 5-digit number comes before the longer one it begins.
    expect(
      search(ix, '22714')
        .map((r) => r.q)
        .slice(0, 2),
    ).toEqual(['Q22714', 'Q227142']);
  });

  it('puts a Q-number named among other words first', () => {
    expect(top('kb 227142 store.exe')).toEqual(['Q227142']);
    expect(top('store.exe Q182505')).toEqual(['Q182505']);
  });

  it('returns nothing special for a number no article has', () => {
    expect(search(ix, 'Q111111').some((r) => r.why === 'Q-number')).toBe(false);
  });
});

describe('words', () => {
  it('finds a title word', () => {
    expect(top('servraid')).toEqual(['Q196694']);
    expect(top('ServRaid adapter')).toEqual(['Q196694']);
  });

  it('finds words while the last one is still being typed', () => {
    expect(top('outlook expr')).toEqual(['Q191687']);
    expect(search(ix, 'communicat').map((r) => r.q)).toContain('Q151227');
    const exch = search(ix, 'exch');
    expect(exch.length).toBeGreaterThan(3);
    expect(exch.slice(0, 3).every((r) => /exchange/i.test(r.title) || r.why?.includes('product'))).toBe(true);
  });

  it('treats a word followed by a space as finished', () => {
    expect(top('servra')).toEqual(['Q196694']);
    expect(search(ix, 'servra ').map((r) => r.q)).not.toContain('Q196694');
  });

  it('matches plurals of finished words', () => {
    expect(top('cc:mail attachment ndr')).toEqual(['Q184624']);
  });

  it('tolerates typos', () => {
    const ex = search(ix, 'exchnage servr').slice(0, 3);
    expect(ex.length).toBe(3);
    for (const r of ex) expect(r.title + ' ' + r.why).toMatch(/exchange|product/i);
    expect(ex[0]!.why).toContain('typo');
    expect(top('outlok expres pop3')).toEqual(['Q191687']);
    expect(top('comunication failur', 2)).toContain('Q151227');
    // First-letter swap.
    expect(search(ix, 'xechange').length).toBeGreaterThan(0);
  });

  it('does not typo-match numbers', () => {
    expect(search(ix, '2187').map((r) => r.q)).not.toContain('Q184205');
    expect(top('2186')).toEqual(['Q184205']);
  });
});

describe('ranking', () => {
  it('puts the article quoting an error string first', () => {
    expect(top('Unable to deliver the message due to a communications failure')).toEqual(['Q227142']);
    expect(top('communications failure')).toEqual(['Q227142']);
    expect(top('the rpc server is unavailable')).toEqual(['Q224371']);
    expect(top('originator does not have permission')).toEqual(['Q151784']);
    expect(top('0x800CCC0E', 2).sort()).toEqual(['Q176102', 'Q191687']);
  });

  it('puts an exact title phrase above scattered words', () => {
    const [first] = search(ix, 'windows sockets error');
    expect(first).toMatchObject({ q: 'Q128961' });
    expect(first!.why).toMatch(/title phrase/);
    expect(top('windows nt 4.0 service pack 6a')).toEqual(['Q246009']);
  });

  it('matches a file name and its version', () => {
    // Q226202 has Store.exe too, but at 5.5.2448.0.
    expect(top('store.exe 5.5.2591')).toEqual(['Q227142']);
    expect(top('5.5.2591 store.exe')).toEqual(['Q227142']);
    expect(top('store.exe 5.5.2448')).toEqual(['Q226202']);
    expect(top('mdbmsg.dll')).toEqual(['Q227142']);
    expect(top('outlook.exe 9.0.0.4527')).toEqual(['Q290100']);
    expect(search(ix, 'store.exe').map((r) => r.q)).toEqual(expect.arrayContaining(['Q227142', 'Q226202', 'Q182505']));
  });

  it('matches a product and version', () => {
    const ex55 = search(ix, 'exchange 5.5')
      .slice(0, 5)
      .map((r) => r.q);
    expect(ex55).toEqual(expect.arrayContaining(['Q182505', 'Q259158']));
    expect(search(ix, 'exchange 5.5').map((r) => r.q)).not.toContain('Q22714');
    expect(top('windows nt 4.0 sp6a', 2)).toContain('Q249799');
  });

  it('says why a result matched', () => {
    expect(search(ix, 'mdbmsg.dll')[0]!.why).toContain('file');
    expect(search(ix, 'excel macro')[0]).toMatchObject({ q: 'Q6749', why: 'title phrase' });
  });

  it('scores best first', () => {
    const scores = search(ix, 'exchange server error').map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('index data', () => {
  it('is the same bytes for the same records in any order', () => {
    const a = JSON.stringify(buildSearchIndex(SEARCH_RECORDS));
    const b = JSON.stringify(buildSearchIndex([...SEARCH_RECORDS].reverse()));
    expect(b).toBe(a);
  });

  it('gives the same results after a JSON round trip', () => {
    const direct = loadSearchIndex(buildSearchIndex(SEARCH_RECORDS));
    for (const q of ['store.exe 5.5.2591', 'exchnage', 'cc:mail', '2271']) {
      expect(search(ix, q)).toEqual(search(direct, q));
    }
  });

  it('keeps titles in Q-number order and returns them with results', () => {
    const data = buildSearchIndex(SEARCH_RECORDS);
    expect(data.count).toBe(SEARCH_RECORDS.length);
    expect(data.titles[0]).toBe('Excel: Macro Recorder Stops After a Dialog Box');
    expect(search(ix, 'servraid')[0]!.title).toBe('Cannot Start Windows NT on Computer with IBM ServRaid Adapter');
  });

  it('rejects records it cannot number', () => {
    expect(() => buildSearchIndex([record({ q: 'KB227142', title: 'x' })])).toThrow(/canonical/);
    expect(() => buildSearchIndex([record({ q: 'Q1234', title: 'a' }), record({ q: 'Q1234', title: 'b' })])).toThrow(
      /twice/,
    );
  });

  it('rejects data of another format or cut short', () => {
    const data = buildSearchIndex(SEARCH_RECORDS);
    expect(() => loadSearchIndex({ ...data, format: 'other' } as never)).toThrow(/format/);
    expect(() => loadSearchIndex({ ...data, postings: data.postings.slice(0, -3) })).toThrow();
  });

  it('handles an empty index', () => {
    const empty = load([]);
    expect(search(empty, 'exchange')).toEqual([]);
    expect(search(empty, 'Q227142')).toEqual([]);
  });
});

describe('hostile and empty queries', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   \t\n '],
    ['punctuation', '.,;:!?-'],
  ])('%s returns nothing', (_, query) => {
    expect(search(ix, query)).toEqual([]);
  });

  it.each([
    ['10k characters', 'x'.repeat(10_000)],
    ['10k words', 'exchange '.repeat(1_200)],
    ['regex metacharacters', '.*+?^${}()|[]\\ ((a+)+)+$ (?<x>a)\\1'],
    ['control and astral characters', '\u0000\u0007\uffff\ud83d\ude00 exchange'],
    ['lone surrogate', '\ud800store'],
    ['1-char prefix', 's'],
    ['dots only between digits', '1.2.3.4.5.6.7.8.9.0.1.2.3.4.5.6.7.8.9'],
  ])('%s is answered safely', (_, query) => {
    const results = search(ix, query);
    expect(Array.isArray(results)).toBe(true);
    expect(results.length).toBeLessThanOrEqual(20);
  });

  it('respects the limit', () => {
    expect(search(ix, 'exchange', { limit: 3 })).toHaveLength(3);
    expect(search(ix, 'exchange', { limit: 0 })).toEqual([]);
    expect(search(ix, 'e').length).toBeLessThanOrEqual(20);
    expect(search(ix, 'exchange', { limit: 1000 }).length).toBeLessThanOrEqual(SEARCH_RECORDS.length);
  });

  it('leaves no state behind between searches', () => {
    const before = search(ix, 'store.exe 5.5.2591');
    search(ix, 'exchange server error');
    search(ix, 'x'.repeat(10_000));
    expect(search(ix, 'store.exe 5.5.2591')).toEqual(before);
  });
});

describe('several indexes', () => {
  const team = load(TEAM_RECORDS);

  it('merges results by score and marks where each came from', () => {
    const results = search([ix, team], 'communications failure');
    const qs = results.map((r) => r.q);
    expect(qs).toContain('Q999001');
    expect(results.find((r) => r.q === 'Q999001')!.source).toBe(1);
    expect(results.find((r) => r.q === 'Q227142')!.source).toBe(0);
  });

  it('keeps one entry per Q-number, from the earlier index', () => {
    const results = search([team, ix], 'Q227142');
    expect(results.filter((r) => r.q === 'Q227142')).toHaveLength(1);
    expect(results[0]).toMatchObject({ q: 'Q227142', source: 0, title: expect.stringMatching(/^Team copy/) });
  });

  it("keeps the earlier index's entry of a Q-number even where the later index scores its copy higher", () => {
    const earlier = [{ q: 'Q227142', title: 'Team copy', score: 1, why: 'title: queue' }];
    const later = [
      { q: 'Q227142', title: 'Archive copy', score: 9, why: 'title: connector' },
      { q: 'Q191014', title: 'Other', score: 5 },
    ];
    expect(mergeResults([earlier, later]).map((r) => [r.q, r.title, r.source])).toEqual([
      ['Q191014', 'Other', 1],
      ['Q227142', 'Team copy', 0],
    ]);
  });

  it('mergeResults respects the limit', () => {
    const a = search(ix, 'exchange', { limit: 5 });
    const b = search(team, 'exchange', { limit: 5 });
    expect(mergeResults([a, b], 4)).toHaveLength(4);
  });
});
