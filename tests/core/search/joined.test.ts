import { describe, expect, it, vi } from 'vitest';
import { buildSearchIndex, loadSearchIndex, search } from '../../../src/core/search';
import { splitWord } from '../../../src/core/search/split';
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

describe('two words joined that stem back to the first', () => {
  it('does not read "offline nt" as "offline" alone', () => {
    // "offline" + "nt" stems to "offlin": the word itself, so every article with "offline"
    // covered "nt" too and led the one that has both.
    const own = loadSearchIndex(
      JSON.parse(
        JSON.stringify(
          buildSearchIndex([
            record({ q: 'Q320201', title: 'Printer Goes Offline After Reboot' }),
            record({ q: 'Q320202', title: 'Printer Offline on Windows NT' }),
            ...Array.from({ length: 20 }, (_, i) =>
              record({ q: `Q3203${10 + i}`, title: `Other Problem ${i} on Windows NT` }),
            ),
          ]),
        ),
      ),
    );
    const found = search(own, 'printer offline nt').map((r) => r.q);
    expect(found[0]).toBe('Q320202');
    expect(search(own, 'printer offline nt').find((r) => r.q === 'Q320201')!.score).toBeLessThan(
      search(own, 'printer offline').find((r) => r.q === 'Q320201')!.score,
    );
  });
});

describe('service packs as tickets write them', () => {
  it('reads "sp3" as Service Pack 3', () => {
    expect(qs('certificate server stops sp3')[0]).toBe('Q320008');
  });
});

describe('one word the archive writes as two', () => {
  const split = [
    record({ q: 'Q320101', title: 'Run-Time Error 7 When the Report Opens' }),
    record({ q: 'Q320102', title: 'Run Time Error Opening Reports from the Menu' }),
    record({ q: 'Q320103', title: 'Report Opens Slowly Over the Network' }),
    record({ q: 'Q320104', title: 'Time Taken to Run a Report Grows with Its Size' }),
    record({ q: 'Q320105', title: 'Report Runtime Error 7' }),
    record({ q: 'Q320106', title: 'Run Time Limit for Reports' }),
    record({ q: 'Q320107', title: 'Cannot Set Run Time Options' }),
    // A quoted message is a sentence: "shut down" there is a verb, not the noun "shutdown".
    record({ q: 'Q320108', title: 'Report Closes', errors: ['The report will be shut down.'] }),
    record({ q: 'Q320109', title: 'Report Closes Again', errors: ['The report will be shut down now.'] }),
    record({ q: 'Q320110', title: 'Report Closes Once More', errors: ['The report was shut down.'] }),
    record({ q: 'Q320111', title: 'Reports Lost at Shutdown' }),
  ];
  const ix = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex([...split, ...filler()]))));

  it('is no split where a half is rare in the archive', () => {
    const small = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(split))));
    expect(splitWord(small, 'runtime')).toBeNull();
  });

  it('does not try to split a long pasted word (no stem or lookup per split point)', () => {
    const stem = vi.spyOn(ix.thesaurus, 'stem');
    try {
      expect(splitWord(ix, `run${'time'.repeat(7)}`)).toBeNull();
      expect(stem).not.toHaveBeenCalled();
      splitWord(ix, 'runtimes');
      expect(stem).toHaveBeenCalled();
    } finally {
      stem.mockRestore();
    }
  });

  it('finds the articles whose title writes it apart', () => {
    expect(splitWord(ix, 'runtime')?.terms).toEqual(['run', 'time']);
    const qs = search(ix, 'runtime error reports').map((r) => r.q);
    expect(qs.slice(0, 3).sort()).toEqual(['Q320101', 'Q320102', 'Q320105']);
  });

  it('does not read a quoted message as a name', () => {
    expect(splitWord(ix, 'shutdown')).toBeNull();
  });

  it('leaves the split out when the query names a half too', () => {
    // "run" counts once: "Run Time Limit" does not have both query words through one "run".
    const qs = search(ix, 'runtime run reports').map((r) => r.q);
    expect(qs[0]).toBe('Q320105');
  });
});

describe('one word the archive writes as a word and a two-letter particle', () => {
  const ix = loadSearchIndex(
    JSON.parse(
      JSON.stringify(
        buildSearchIndex([
          record({ q: 'Q320501', title: 'Dial-Up Connection Drops After an Hour' }),
          record({ q: 'Q320502', title: 'Dial-Up Server Drops Callers' }),
          record({ q: 'Q320503', title: 'Dial Up Networking Drops the Line on Idle' }),
          record({ q: 'Q320504', title: 'Connection Drops When the Screen Saver Starts' }),
          // A negation typed without its apostrophe: no word and particle.
          ...[0, 1, 2].map((i) => record({ q: `Q32052${i}`, title: `Does NT Print Banner Pages ${i}` })),
          ...particleFiller(),
        ]),
      ),
    ),
  );

  it('finds the articles that write it as two words', () => {
    expect(splitWord(ix, 'dialup')?.terms).toEqual(['dial', 'up']);
    const found = search(ix, 'dialup drops').map((r) => r.q);
    expect(found.slice(0, 3).sort()).toEqual(['Q320501', 'Q320502', 'Q320503']);
    expect(found.indexOf('Q320504')).toBeGreaterThan(2);
  });

  it('counts the articles with a word and a particle less sure than those with two longer halves', () => {
    // A two-letter half is in a title as often elsewhere as next to the word ("Set Up ... Dial").
    expect(splitWord(ix, 'dialup')!.quality).toBeLessThan(1);
  });

  it('takes no negation for a word and a particle', () => {
    expect(splitWord(ix, 'doesnt')).toBeNull();
  });
});

describe('which split of a typed word', () => {
  const ix = loadSearchIndex(
    JSON.parse(
      JSON.stringify(
        buildSearchIndex([
          ...[0, 1, 2].map((i) => record({ q: `Q32060${i}`, title: `Need NT Server Licence ${i}` })),
          ...[0, 1, 2].map((i) => record({ q: `Q32061${i}`, title: `Run SMS Inventory Agent ${i}` })),
          ...[0, 1, 2, 3, 4].map((i) => record({ q: `Q32062${i}`, title: `Runs MS Mail Gateway ${i}` })),
          ...[0, 1, 2].map((i) => record({ q: `Q32063${i}`, title: `Mail Being Read May Fail ${i}` })),
          ...wordFiller(['Need', 'NT', 'Run', 'SMS', 'MS', 'May', 'Being']),
        ]),
      ),
    ),
  );

  it('takes no negation typed without its apostrophe for a word and "NT"', () => {
    // Not only the common ones: any auxiliary and "nt".
    expect(splitWord(ix, 'neednt')).toBeNull();
  });

  it('prefers halves of three letters or more to a two-letter tail in more articles', () => {
    expect(splitWord(ix, 'runsms')?.terms).toEqual(['run', 'sms']);
    expect(splitWord(ix, 'runsms')!.quality).toBe(1);
  });

  it('takes no stopword for a half', () => {
    // "being" is indexed as "be": "maybe" is still no "may" and "be".
    expect(splitWord(ix, 'maybe')).toBeNull();
  });
});

/** 22 articles with each word, none with two of them: each is a word of the archive (MIN_PART_DF). */
function wordFiller(words: string[]) {
  return words.flatMap((w, k) =>
    Array.from({ length: 22 }, (_, i) =>
      record({ q: `Q34${k}${String(i).padStart(3, '0')}`, title: `${w} Topic ${i}` }),
    ),
  );
}

/** Articles enough for each half above to be a word of the archive (MIN_PART_DF), none with two of them. */
function particleFiller() {
  return ['Dial', 'Up', 'Does', 'NT'].flatMap((w, k) =>
    Array.from({ length: 22 }, (_, i) =>
      record({ q: `Q33${k}${String(i).padStart(3, '0')}`, title: `${w} Topic ${i}` }),
    ),
  );
}

/** Enough articles with "run" and with "time" for both to be words of the archive (MIN_PART_DF). */
function filler() {
  const out = [];
  for (let i = 0; i < 24; i++) {
    out.push(record({ q: `Q3202${String(i).padStart(2, '0')}`, title: `Setup Cannot Run on Drive ${i}` }));
    out.push(record({ q: `Q3203${String(i).padStart(2, '0')}`, title: `Clock Loses Time on Board ${i}` }));
    out.push(
      record({
        q: `Q3204${String(i).padStart(2, '0')}`,
        title: `Shut Off Drive ${i}`,
        errors: [`Drive ${i} is down.`],
      }),
    );
  }
  return out;
}
