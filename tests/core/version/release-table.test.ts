import { describe, expect, it } from 'vitest';
import { ReleaseTable } from '../../../src/core/version/release-table';
import { buildReleaseTable } from '../../../src/core/version/release-table-build';
import { parseBuildQuery } from '../../../src/core/version/build-query';
import { releaseEvidenceOf } from '../../../src/core/version/release-evidence';
import { LADDER_TEXT, RELEASE_RECORDS, releaseEvidence } from '../../fixtures/releases';

const data = buildReleaseTable(releaseEvidence(), RELEASE_RECORDS);
const table = new ReleaseTable(JSON.parse(JSON.stringify(data)));

describe('the release table, built from what articles state', () => {
  it('reads a ladder per product and major version, with the articles that state it', () => {
    expect(table.ladderOf('Orbit Mail Server 3.0').map((r) => [r.release, r.build])).toEqual([
      ['Orbit Mail Server 3.0 RTM', 410],
      ['Orbit Mail Server 3.0 SP1', 455],
      ['Orbit Mail Server 3.0 SP2', 512],
      ['Orbit Mail Server 3.0 SP3', 580],
    ]);
    expect(table.ladderOf('Orbit Mail Server 2.0').map((r) => r.build)).toEqual([200, 231, 260]);
  });

  it('lists per file what ships each version and which fix brought it', () => {
    const store = data.files['orbstore.exe']!.map((e) => [e[0], e[1], data.products[e[2]], e[3], e[4]]);
    expect(store).toEqual([
      ['3.0.410.6', 's', 'Orbit Mail Server 3.0', '', [900102]],
      ['3.0.455.11', 's', 'Orbit Mail Server 3.0', '1', [900102]],
      ['3.0.530.0', 'f', 'Orbit Mail Server 3.0', '3', [900103]],
      ['3.0.601.3', 'h', 'Orbit Mail Server 3.0', '', [900104]],
    ]);
    // A file unchanged by SP1 ships in both releases.
    expect(data.files['orbdir.dll']!.map((e) => e[3])).toEqual(['', '1']);
  });

  it('is the same whatever order the articles come in', () => {
    const again = buildReleaseTable([...releaseEvidence()].reverse(), [...RELEASE_RECORDS].reverse());
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
  });

  it('needs a real table: three rows naming two releases, not one stray line', () => {
    const record = RELEASE_RECORDS[0]!;
    expect(releaseEvidenceOf('\tInstall 3.0 SP1      455\n\tand reboot.', record)).toBeNull();
    expect(releaseEvidenceOf(LADDER_TEXT, record)?.rungs).toHaveLength(7);
  });

  it('reads other ways of writing a ladder: the build in parentheses or after a colon, no version on the row', () => {
    const record = RELEASE_RECORDS[0]!;
    const rungs = (text: string) => releaseEvidenceOf(text, record)?.rungs.map((r) => [r.product.name, r.sp, r.build]);
    expect(
      rungs('\t  Orbit Mail Server 3.0 noSP (3.0.410.0000)\n\t  Orbit Mail Server 3.0 SP1 (3.0.455.1000)\n'),
    ).toEqual([
      ['Orbit Mail Server 3.0', '', 410],
      ['Orbit Mail Server 3.0', '1', 455],
    ]);
    expect(
      rungs('\t  Release version (build 410): 3.00.410.0000\n\t  SP1 version (build 455): 3.00.455.1000\n'),
    ).toEqual([
      ['Orbit Mail Server 3.0', '', 410],
      ['Orbit Mail Server 3.0', '1', 455],
    ]);
  });

  it('adds the hand supplement only where no article states a rung', () => {
    const products = data.ladders.map((l) => data.products[l.product]);
    expect(products).toContain('Exchange Server 2000');
    expect(table.resolve({ version: '6.0.5770.0', families: ['exchange'] })?.release).toBe('Exchange Server 2000 SP2');
  });
});

describe('resolving a build', () => {
  it('names the release of an exact build', () => {
    const a = table.resolve({ version: '3.0.512.0', families: ['other:orbit mail server'] })!;
    expect(a).toMatchObject({
      product: 'Orbit Mail Server 3.0',
      release: 'Orbit Mail Server 3.0 SP2',
      exact: true,
      newer: ['SP3 (build 580)'],
    });
    expect(a.articles).toContain('Q900101');
  });

  it('names the lower release for a build between two, never the next one', () => {
    const a = table.resolve({ version: '3.0.530.0', file: 'Orbstore.exe' })!;
    expect(a.release).toBe('Orbit Mail Server 3.0 SP2');
    expect(a.exact).toBe(false);
    expect(a.facts).toContain('fixed in Orbit Mail Server 3.0 SP3 (Q900103)');
    expect(a.newer[0]).toBe('SP3 (build 580)');
    // Its articles: the one whose file table lists this exact version, then the ladder's.
    expect(a.articles).toEqual(['Q900103', 'Q900101']);
  });

  it('resolves an abbreviated version within its product', () => {
    // Orbmta.exe is an Orbit file: "601.3" is build 601 of the Orbit line it falls in, 3.0.
    const a = table.resolve({ version: '601.3', file: 'orbmta.exe' })!;
    expect(a).toMatchObject({ build: '3.0.601.3', release: 'Orbit Mail Server 3.0 SP3' });
    expect(a.articles[0]).toBe('Q900104');
    // The product named in words places it too; 2.0's builds stop below 3.0's first.
    expect(table.resolve({ version: '240', families: ['other:orbit mail server'] })?.release).toBe(
      'Orbit Mail Server 2.0 SP1',
    );
    // Without a file or product an abbreviated version is nothing the table can place.
    expect(table.resolve({ version: '601.3' })).toBeNull();
  });

  it('says nothing for what it does not know', () => {
    expect(table.resolve({ version: '3.0.300.0', families: ['other:orbit mail server'] })).toBeNull(); // below the first release
    expect(table.resolve({ version: '9.9.1.1', file: 'orbstore.exe' })).toBeNull(); // another line of the file
    expect(table.resolve({ version: '3.0.512.0', file: 'unknown.dll' })).toBeNull(); // a file and no product
  });

  it('parses a lookup query', () => {
    expect(parseBuildQuery('store.exe 5.5.2448.0', table)).toEqual({
      version: '5.5.2448.0',
      file: 'store.exe',
      families: [],
    });
    expect(parseBuildQuery('Orbit Mail 601.3', table)?.families).toEqual(['other:orbit mail server']);
    expect(parseBuildQuery('Exchange Server 5.5 build 2650', table)).toEqual({
      version: '2650',
      families: ['exchange'],
      product: 'Exchange Server 5.5',
    });
    expect(parseBuildQuery('227142', table)).toBeNull();
  });
});
