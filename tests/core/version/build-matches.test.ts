import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { candidateArticles, explain, scanText } from '../../../src/core/match';
import { findBuildMatches, withBuildMatches } from '../../../src/core/version/build-matches';
import { articleRecord } from '../../fixtures/article-record';
import { exchangeReleaseTable } from '../../fixtures/releases';
import { fixtureDetector } from '../match/helpers';
import { recordMap } from '../match/fixture-records';

const table = exchangeReleaseTable();
const builds = (text: string) => findBuildMatches(text, table).map((m) => [m.text, m.value]);

describe('build matches', () => {
  it('finds file versions, product builds and bare builds, each named by its release', () => {
    expect(builds('Our Exchange 5.5 box: Store.exe is 5.5.2448.0, the other one reports build 2650.')).toEqual([
      ['Store.exe is 5.5.2448.0', 'Exchange Server 5.5 SP2'],
      ['build 2650', 'Exchange Server 5.5 SP3'],
    ]);
    expect(builds('Running Exchange Server 5.5 build 2232 still.')).toEqual([
      ['Exchange Server 5.5 build 2232', 'Exchange Server 5.5 SP1'],
    ]);
    // An invented product's file: the file's own product places it, with no product named.
    expect(builds('orbstore.exe (version 3.0.530.0) crashed')).toEqual([
      ['orbstore.exe (version 3.0.530.0', 'Orbit Mail Server 3.0 SP2'],
    ]);
  });

  it('never rounds up: a hotfix build is the release below it, with what is newer', () => {
    const [m] = findBuildMatches('Exchange 5.5, Store.exe 5.5.2591.0', table);
    expect(m!.value).toBe('Exchange Server 5.5 SP2');
    expect(m!.build).toMatchObject({
      release: 'Exchange Server 5.5 SP2',
      newer: ['SP3 (build 2650)', 'SP4 (build 2653)'],
    });
  });

  it('places a bare build only when the ticket names the product, and says nothing it does not know', () => {
    expect(builds('The printer says build 2650.')).toEqual([]);
    expect(builds('Firmware 5.5.2448.0 on the switch')).toEqual([]);
    expect(builds('Exchange 5.5 with Unknown.dll 7.1.2.3')).toEqual([]);
  });

  it("leaves Windows's own builds to Windows, even between two of the ticket's product's releases", () => {
    expect(builds('Exchange 5.5 admin on the Windows 2000 desktops, build 2195 image.')).toEqual([]);
    expect(
      builds('Exchange 5.5 SP3 client PC, winver: Version 5.1 (Build 2600.xpsp_sp2_gdr.050301-1519 : Service Pack 2)'),
    ).toEqual([]);
    // The product's own builds around them are still read.
    expect(builds('Exchange 5.5 on build 2195 Windows, the store is build 2650.')).toEqual([
      ['build 2650', 'Exchange Server 5.5 SP3'],
    ]);
    // However many there are: a reimaging log is not a list of Exchange builds.
    expect(builds('Exchange 5.5 SP3 site.\n' + 'PC reimaged with build 2195\n'.repeat(80))).toEqual([]);
  });

  it("keeps a bare build that is the product's own, even where Windows has the same number", () => {
    // Exchange 5.5's post-SP2 store hotfix is build 5.5.2600, as XP's is 2600.
    const hotfix = articleRecord({
      q: 'Q900120',
      title: 'Store hotfix',
      versions: ['Exchange Server 5.5'],
      fixes: [
        {
          text: 'hotfix',
          product: 'Exchange Server',
          version: '5.5',
          servicePack: null,
          hotfix: true,
          source: 'status',
        },
      ],
      fixKind: 'hotfix',
      files: [{ name: 'Store.exe', version: '5.5.2600.0' }],
    });
    const withHotfix = exchangeReleaseTable([hotfix]);
    expect(
      findBuildMatches('Exchange 5.5 SP2 with the store hotfix, build 2600, since Monday.', withHotfix).map(
        (m) => m.text,
      ),
    ).toEqual(['build 2600']);
    // Without that hotfix in the table, 2600 is only XP's.
    expect(builds('Exchange 5.5 SP2 with the store hotfix, build 2600, since Monday.')).toEqual([]);
  });

  it("a bare build right after another program's name and version is that program's", () => {
    expect(
      builds(
        'Exchange 5.5 here. ScanMail 3.52 build 1125, Backup Exec version 8.6 build 2650, the store is build 2650.',
      ),
    ).toEqual([['build 2650', 'Exchange Server 5.5 SP3']]);
    // The table's own product, however its name and version are written, keeps its build.
    expect(builds('Exchange Server 5.5, build 2650 on EXCH01')).toEqual([
      ['Exchange Server 5.5, build 2650', 'Exchange Server 5.5 SP3'],
    ]);
  });

  it("a build after a short name and a release of the ticket's product is that release's build", () => {
    expect(builds('Exchange 5.5 site: OWA 5.5 build 2653 fails and IMS 5.5 build 2650 stops')).toEqual([
      ['build 2653', 'Exchange Server 5.5 SP4'],
      ['build 2650', 'Exchange Server 5.5 SP3'],
    ]);
    expect(builds('Our Exchange 5.0 box, Store 5.0 build 1458, and SP4 5.5 build 2653 on the new one')).toEqual([
      ['build 1458', 'Exchange Server 5.0 SP1'],
      ['build 2653', 'Exchange Server 5.5 SP4'],
    ]);
    // The version is the product's, but the build is not among its releases: another program's.
    expect(builds('Exchange 5.5 here; ScanMail 5.5 build 1125 and Backup Exec version 8.6 build 2650')).toEqual([]);
  });

  it('gives no KB reference inside a version string, and leaves the ranking as it was', () => {
    const text =
      readFileSync(new URL('../../fixtures/tickets/exchange55-commfailure.txt', import.meta.url), 'utf8') +
      '\nBuild: 2448.4 / Store.exe 5.5.2448.0 / build 5.5.2650 / KB 2448 build 2650';
    const plain = scanText(text, fixtureDetector());
    const matches = withBuildMatches(text, plain, table);
    const found = matches.filter((m) => m.kind === 'build').map((m) => m.text);
    expect(found).toEqual([
      'Store.exe 5.5.2448.0',
      'Build: 2448.4',
      'Store.exe 5.5.2448.0',
      'build 5.5.2650',
      'build 2650',
    ]);
    // "KB 2448" is a reference the ticket cites; the numbers inside versions are not.
    expect(matches.filter((m) => m.kind === 'q').map((m) => m.text)).toEqual(
      plain.filter((m) => m.kind === 'q').map((m) => m.text),
    );
    for (const b of matches.filter((m) => m.kind === 'build')) {
      expect(matches.some((m) => m.kind === 'q' && m.start >= b.start && m.end <= b.end)).toBe(false);
    }
    const all = recordMap();
    const records = (ms: typeof matches) =>
      new Map(
        candidateArticles(ms)
          .filter((q) => all.has(q))
          .map((q) => [q, all.get(q)!]),
      );
    const withBuilds = explain(text, matches, records(matches));
    const without = explain(text, plain, records(plain));
    expect(withBuilds.articles).toEqual(without.articles);
  });
});
