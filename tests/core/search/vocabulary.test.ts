/**
 * The agent's vocabulary: stems, the archive's acronyms and title tags, ticket synonyms and
 * shorthand, versions in the query, and KB addresses pasted into the search box.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../src/core/article/types';
import { AliasMiner, contracts, programName, spelledOut, titlePrefixAliases } from '../../../src/core/search/aliases';
import { queryWordsOf } from '../../../src/core/article/trailer';
import { buildSearchIndex, loadSearchIndex, search, type SearchIndex } from '../../../src/core/search';
import { record } from '../../fixtures/search/records';

function withTerms(r: ArticleRecord, terms: string[]): ArticleRecord {
  return { ...r, terms };
}

const RECORDS: ArticleRecord[] = [
  withTerms(
    record({
      q: 'Q320874',
      title: 'PRB: Page Numbers Not Incremented in a Maximized Preview Window',
      products: ['Microsoft Visual FoxPro'],
      versions: ['Visual FoxPro 6.0', 'Visual FoxPro 7.0'],
    }),
    ['preview', 'report', 'toolbar'],
  ),
  withTerms(
    record({
      q: 'Q190111',
      title: 'VFP: Grid Shows Old Value After Column Edit',
      products: ['Microsoft Visual FoxPro'],
      versions: ['Visual FoxPro 3.0'],
    }),
    ['grid', 'column'],
  ),
  withTerms(
    record({
      q: 'Q236909',
      title: 'XWEB: Password Is About to Expire in 0 Days',
      products: ['Microsoft Exchange Server'],
      versions: ['Exchange Server 5.5'],
    }),
    ['password', 'logon'],
  ),
  withTerms(
    record({
      q: 'Q246608',
      title: 'XCON: Event 9405 From the MTA',
      products: ['Microsoft Exchange Server'],
      versions: ['Exchange Server 5.5'],
    }),
    ['mta', 'access', 'violation', 'watson'],
  ),
  withTerms(
    record({
      q: 'Q136651',
      title: 'Shutdown Stops at the Please Wait Screen',
      products: ['Microsoft Windows 95'],
      versions: ['Windows 95'],
    }),
    ['shutdown', 'stops', 'responding', 'screen'],
  ),
  // One symptom, two products' versions: the query's version decides.
  withTerms(
    record({
      q: 'Q176001',
      title: 'XADM: Directory Replication Stops After Restore',
      products: ['Microsoft Exchange Server'],
      versions: ['Exchange Server 4.0', 'Exchange Server 5.0'],
    }),
    ['replication', 'restore'],
  ),
  withTerms(
    record({
      q: 'Q176002',
      title: 'XADM: Replication Stops After a Restore',
      products: ['Microsoft Exchange Server'],
      versions: ['Exchange Server 5.5'],
    }),
    ['replication', 'restore'],
  ),
  withTerms(
    record({
      q: 'Q150001',
      title: 'Printer Driver Crashed on Spooling',
      products: ['Microsoft Windows NT'],
      versions: ['Windows NT Server 4.0'],
    }),
    ['spooler', 'driver'],
  ),
  withTerms(
    record({
      q: 'Q150002',
      title: 'Spooler Problem',
      products: ['Microsoft Windows NT'],
      versions: ['Windows NT Server 3.51'],
    }),
    ['spooler', 'printing'],
  ),
  // Siblings on one stop code: the title spells it padded, the query short.
  withTerms(
    record({
      q: 'Q156931',
      title: 'STOP 0x0000001E in Nwrdr.sys',
      products: ['Microsoft Windows NT'],
      versions: ['Windows NT Server 4.0'],
    }),
    ['netware', 'locking'],
  ),
  withTerms(
    record({
      q: 'Q233094',
      title: 'STOP 0x0000000A in Nwrdr.sys',
      products: ['Microsoft Windows NT'],
      versions: ['Windows NT Server 4.0'],
    }),
    ['netware', 'redirector'],
  ),
  // An acronym Porter would cut to another word ("wins" -> "win", the shorthand for Windows).
  withTerms(
    record({
      q: 'Q323551',
      title: 'Replication Fails Between WINS Partners',
      products: ['Microsoft Windows NT'],
      versions: ['Windows NT Server 4.0'],
    }),
    ['replication', 'partner'],
  ),
  withTerms(
    record({
      q: 'Q323552',
      title: 'Replication Fails Between Windows Partners',
      products: ['Microsoft Windows NT'],
      versions: ['Windows NT Server 4.0'],
    }),
    ['replication', 'partner'],
  ),
  // Found only through the archive's own query words.
  {
    ...withTerms(
      record({
        q: 'Q137241',
        title: 'CPU Type Information Different in Windows NT Diagnostics',
        products: ['Microsoft Windows NT'],
        versions: ['Windows NT Server 3.51'],
      }),
      ['processor'],
    ),
    queryWords: ['winmsd'],
  },
  withTerms(
    record({
      q: 'Q174482',
      title: 'Performance Monitor Chart View Limited to 100 Data Points',
      products: ['Microsoft Windows NT'],
      versions: ['Windows NT Server 4.0'],
    }),
    ['chart', 'counter'],
  ),
  withTerms(
    record({
      q: 'Q174483',
      title: 'Chart View Shows 100 Data Points',
      products: ['Microsoft Excel'],
      versions: ['Excel 97'],
    }),
    ['chart', 'point'],
  ),
];

for (let i = 0; i < 40; i++) {
  const tag = ['XCLN', 'XADM'][i % 2];
  RECORDS.push(
    record({
      q: `Q2${String(10000 + i)}`,
      title: `${tag}: Filler Article ${i}${i % 2 ? ' in the Directory' : ''}`,
      products: ['Microsoft Exchange'],
      versions: ['Exchange Server 5.5'],
    }),
  );
}

function load(
  aliases: string[] = [
    'owa\toutlook web access',
    'vfp\tvisual foxpro',
    'mta\tmessage transfer agent',
    'perfmon\tperformance monitor',
    'wins\twindows internet name service',
  ],
): SearchIndex {
  return loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(RECORDS, { aliases }))));
}
const ix = load();
const rank = (query: string, q: string) => search(ix, query, { limit: 50 }).findIndex((r) => r.q === q) + 1;
const first = (query: string) => search(ix, query)[0]?.q;

describe('stems', () => {
  it('finds an article from another form of its words', () => {
    expect(first('page numbers not incrementing')).toBe('Q320874');
    expect(first('shutdown stopped responding')).toBe('Q136651');
    // The title says "Crashed"; the query another form.
    expect(first('printer driver crashes')).toBe('Q150001');
  });

  it('finds a word typed past its stem', () => {
    expect(search(ix, 'replicati').map((r) => r.q)).toContain('Q176002');
  });
});

describe('aliases', () => {
  it('an acronym and its spelled-out form find the same article', () => {
    expect(first('vfp preview page numbers')).toBe('Q320874');
    expect(first('visual foxpro preview page numbers')).toBe('Q320874');
    // The article says "MTA"; the query spells it out, and the other way round.
    expect(first('message transfer agent 9405')).toBe('Q246608');
    expect(first('owa password expire')).toBe('Q236909');
  });

  it('is needed: without the alias table the spelled-out form does not find the acronym', () => {
    const bare = load([]);
    expect(search(bare, 'message transfer agent stops')[0]?.q).not.toBe('Q246608');
    expect(search(ix, 'message transfer agent stops').map((r) => r.q)).toContain('Q246608');
  });

  it('mines acronyms the text spells out, by initials or capitals', () => {
    const m = new AliasMiner();
    for (let i = 0; i < 3; i++)
      m.add('Open the Outlook Web Access (OWA) page. Start Visual FoxPro (VFP) and the Message Transfer Agent (MTA).');
    m.add('The Other Web Answer (OWA) once.');
    expect(m.table()).toEqual(['mta\tmessage transfer agent', 'owa\toutlook web access', 'vfp\tvisual foxpro']);
    expect(spelledOut(['When', 'you', 'Use', 'Systems', 'Management', 'Server'], 'SMS')).toBe(
      'systems management server',
    );
    expect(spelledOut(['Some', 'Words'], 'XYZ')).toBeNull();
  });

  it('keeps a second spelling of an acronym the archive uses often, not a stray one', () => {
    const m = new AliasMiner();
    for (let i = 0; i < 8; i++) m.add('Install the Device Development Kit (DDK) first.');
    for (let i = 0; i < 3; i++) m.add('See the Driver Development Kit (DDK) samples.');
    for (let i = 0; i < 20; i++) m.add('Run the Network Monitor Agent (NMA) service.');
    // Three mentions, but under MIN_OTHER_SHARE of the acronym's: a stray reading.
    for (let i = 0; i < 3; i++) m.add('The New Mail Alert (NMA) icon.');
    m.add('The Novel Mail Adapter (NMA) once.');
    expect(m.table()).toEqual([
      'ddk\tdevice development kit',
      'ddk\tdriver development kit',
      'nma\tnetwork monitor agent',
    ]);
  });

  it('mines programs named before a file name they do not spell', () => {
    const m = new AliasMiner();
    for (let i = 0; i < 3; i++) {
      m.add('Use File Manager (Winfile.exe) to copy it. Start the System Configuration Utility (Msconfig.exe).');
      m.add('Windows Explorer (Explorer.exe) restarts. The Clock (Clock.exe) stops. Open Pattern Finder (Pattern).');
    }
    expect(m.table()).toEqual(['msconfig\tsystem configuration utility', 'winfile\tfile manager']);
    expect(programName(['Then', 'Run', 'Disk', 'Sweeper'], 'Dsweep')).toBe('disk sweeper');
    expect(programName(['The', 'Windows', 'Explorer'], 'Explorer')).toBeNull();
    expect(programName(['Migration', 'Tool', 'for', 'NetWare'], 'Nwconv')).toBeNull();
  });

  it('finds the article by either spelling of an acronym with two', () => {
    const lines = ['ddk\tdevice development kit', 'ddk\tdriver development kit'];
    const two = loadSearchIndex(
      JSON.parse(
        JSON.stringify(
          buildSearchIndex(
            [
              record({ q: 'Q920001', title: 'Driver Development Kit Sample Does Not Build' }),
              record({ q: 'Q920002', title: 'Sample Does Not Build on a Checked Build' }),
              record({ q: 'Q920003', title: 'Device Development Kit Tools Need a Path Entry' }),
              record({ q: 'Q920004', title: 'Tools Need a Path Entry on a Checked Build' }),
            ],
            { aliases: lines },
          ),
        ),
      ),
    );
    expect(search(two, 'ddk sample does not build')[0]?.q).toBe('Q920001');
    expect(search(two, 'ddk tools need path entry')[0]?.q).toBe('Q920003');
  });

  it('mines tool names contracted from their long names, and acronyms given before their long form', () => {
    const m = new AliasMiner();
    for (let i = 0; i < 3; i++) {
      m.add(
        'Start Performance Monitor (Perfmon.exe) or the Registry Editor (Regedt32.exe); see the Dr. Watson (Drwtsn32.exe) log.',
      );
      m.add(
        'Netmon (Network Monitor) shows it. A WINS (Windows Internet Name Service) server. Use the Control Panel (Control.exe).',
      );
    }
    expect(m.table()).toEqual([
      'drwtsn32\tdr. watson',
      'netmon\tnetwork monitor',
      'perfmon\tperformance monitor',
      'regedt32\tregistry editor',
      'wins\twindows internet name service',
    ]);
    expect(contracts('perfmon', ['performance', 'monitor'])).toBe(true);
    expect(contracts('regedt', ['registry', 'editor'])).toBe(true);
    // Every word gives a piece, in order, from its first letter.
    expect(contracts('control', ['control', 'panel'])).toBe(false);
    expect(contracts('monperf', ['performance', 'monitor'])).toBe(false);
  });

  it('a mined tool name and its long form find the same article', () => {
    expect(first('perfmon chart 100 data points')).toBe('Q174482');
    expect(first('performance monitor chart 100 data points')).toBe('Q174482');
  });

  it('keeps an acronym whole that stemming would turn into another word', () => {
    expect(first('wins partners replication')).toBe('Q323551');
    expect(first('windows partners replication')).toBe('Q323552');
    // Cut to "win", it would be the tickets' shorthand for Windows and find every Windows article.
    expect(search(ix, 'wins').map((r) => r.q)).toEqual(['Q323551']);
  });

  it("finds an article by the archive's own query words", () => {
    expect(first('winmsd cpu type')).toBe('Q137241');
    expect(queryWordsOf('kbDSupport prodnt 3.51 winmsd WinMSD diag 95')).toEqual(['winmsd', 'diag']);
    expect(queryWordsOf(null)).toEqual([]);
  });

  it('reads what frequent title tags stand for from the articles that carry them', () => {
    expect(titlePrefixAliases(RECORDS)).toEqual(['xadm\texchange', 'xcln\texchange']);
  });
});

describe('synonyms and shorthand', () => {
  it('"hangs" finds "stops responding", "crash" finds "access violation"', () => {
    expect(first('shutdown hangs')).toBe('Q136651');
    expect(first('mta crash')).toBe('Q246608');
  });

  it('a stop code typed short finds the article that prints it padded, not its sibling', () => {
    expect(first('blue screen stop 1e nwrdr.sys')).toBe('Q156931');
    expect(first('bsod 0x1e nwrdr')).toBe('Q156931');
    expect(first('stop 0a in nwrdr.sys')).toBe('Q233094');
  });

  describe("an agent's word for the articles' word", () => {
    // Each pair: the article that says it the archive's way, and one with the same other words.
    const pairs = loadSearchIndex(
      JSON.parse(
        JSON.stringify(
          buildSearchIndex([
            record({ q: 'Q900001', title: 'Logon Script Fails When the Domain Controller Is Unavailable' }),
            record({ q: 'Q900002', title: 'Logon Script Fails on a Domain Controller With Two Adapters' }),
            record({ q: 'Q900003', title: 'Cannot Start Applications From a Shortcut on the Network' }),
            record({ q: 'Q900004', title: 'Cannot Start From a Shortcut on the Network' }),
            record({ q: 'Q900005', title: 'How to Repair a Damaged Offline Folder File' }),
            record({ q: 'Q900006', title: 'How to Repair a Damaged Personal Folders File' }),
            record({ q: 'Q900007', title: 'How to Repair a Damaged Mailbox File' }),
            record({ q: 'Q900008', title: 'Temporary Directory Must Be on a Local Drive' }),
            record({ q: 'Q900009', title: 'Temporary Files on a Local Drive' }),
            record({ q: 'Q900010', title: 'Report Does Not Display the Totals Column' }),
            record({ q: 'Q900011', title: 'Report Does Not Print the Totals Column' }),
          ]),
        ),
      ),
    );
    const top = (query: string) => search(pairs, query)[0]?.q;

    it('"down" is unavailable or not available', () => {
      expect(top('logon script fails domain controller down')).toBe('Q900001');
      // Without the word, the other title is as close: the synonym made the difference.
      expect(top('logon script fails domain controller two')).toBe('Q900002');
    });

    it('"programs" are the applications of the titles', () => {
      expect(top('cannot start programs from a shortcut on the network')).toBe('Q900003');
    });

    it('what an agent says does not show, the titles say does not display', () => {
      expect(top('report doesnt show totals column')).toBe('Q900010');
    });

    it('a folder is what the older articles call a directory', () => {
      expect(top('temporary folder on a local drive')).toBe('Q900008');
    });

    it('"ost" and "pst" are the offline and personal folders files', () => {
      expect(top('repair damaged ost')).toBe('Q900005');
      expect(top('repair damaged pst')).toBe('Q900006');
    });
  });

  it('"nt4" is Windows NT 4.0', () => {
    expect(first('nt4 spooler')).toBe('Q150001');
    expect(first('nt 3.51 spooler')).toBe('Q150002');
  });
});

describe('versions in the query', () => {
  it('ranks an article that does not apply to the version named below one that does', () => {
    expect(rank('exchange 5.5 directory replication stops', 'Q176002')).toBeLessThan(
      rank('exchange 5.5 directory replication stops', 'Q176001'),
    );
    expect(rank('exchange 5.0 directory replication stops', 'Q176001')).toBeLessThan(
      rank('exchange 5.0 directory replication stops', 'Q176002'),
    );
    // With no version named, the closer title wins.
    expect(rank('exchange directory replication stops', 'Q176001')).toBeLessThan(
      rank('exchange directory replication stops', 'Q176002'),
    );
  });
});

describe('KB references pasted into the search box', () => {
  const fixed = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(RECORDS))));
  it.each([
    ['support.microsoft.com/?kbid=236909', 'Q236909'],
    ['http://support.microsoft.com/?kbid=Q246608', 'Q246608'],
    ['http://support.microsoft.com/support/kb/articles/Q236/9/09.asp', 'Q236909'],
    ['http://support.microsoft.com/support/kb/articles/q150/0/01.asp', 'Q150001'],
    ['https://support.microsoft.com/kb/320874/en-us', 'Q320874'],
  ])('%s resolves to %s', (query, q) => {
    expect(search(fixed, query)[0]).toMatchObject({ q, why: 'Q-number' });
  });
});
