import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lookupCommand } from '../../../src/cli/commands/lookup';
import { scanCommand } from '../../../src/cli/commands/scan';
import { buildIndexFiles } from '../../../src/core/index/build-index';
import { articleRecord } from '../../fixtures/article-record';
import { EXCHANGE_LADDER_TEXT, RELEASE_RECORDS, releaseEvidence } from '../../fixtures/releases';
import { releaseEvidenceOf } from '../../../src/core/version/release-evidence';
import { FIXTURE_RECORDS } from '../../core/match/fixture-records';

/** The kblens commands on an index written to disk by the index builder, as `--index` reads it. */
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kblens-builds-'));
  const ladder = articleRecord({
    q: 'Q900110',
    title: 'Exchange build numbers',
    products: ['Microsoft Exchange Server'],
    versions: ['Exchange Server 4.0', 'Exchange Server 5.0', 'Exchange Server 5.5'],
  });
  const evidence = [releaseEvidenceOf(EXCHANGE_LADDER_TEXT, ladder)!, ...releaseEvidence()];
  const files = buildIndexFiles([...FIXTURE_RECORDS, ...RELEASE_RECORDS, ladder], evidence);
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(
  command: typeof scanCommand,
  argv: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  try {
    return { code: await command(argv), stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('kblens and builds', () => {
  it("scan --json: a build match per build, named by its release; the ranking is the matcher's", async () => {
    const ticket = join(dir, 'ticket.txt');
    await writeFile(
      ticket,
      'Exchange 5.5 here. Store.exe is 5.5.2591.0 and the MTA says build 2650.\nSee KB 227142.\n',
    );
    const { code, stdout } = await run(scanCommand, ['--index', dir, '--json', ticket]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { matches: Array<Record<string, unknown>>; articles: Array<{ q: string }> };
    const builds = result.matches.filter((m) => m.kind === 'build');
    expect(builds.map((m) => [m.text, m.value])).toEqual([
      ['Store.exe is 5.5.2591.0', 'Exchange Server 5.5 SP2'],
      ['build 2650', 'Exchange Server 5.5 SP3'],
    ]);
    // The --json contract: the same keys first, `build` added after them.
    expect(Object.keys(builds[0]!)).toEqual(['kind', 'text', 'start', 'end', 'articles', 'value', 'why', 'build']);
    expect(builds[0]!.build).toMatchObject({
      build: '5.5.2591.0',
      file: 'store.exe',
      newer: ['SP3 (build 2650)', 'SP4 (build 2653)'],
    });
    expect(result.articles.map((a) => a.q)).toEqual(['Q227142']);
  });

  it('lookup a build --json: build, release, product, articles', async () => {
    const { code, stdout } = await run(lookupCommand, ['--index', dir, '--json', 'store.exe 5.5.2448.0']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(answer).slice(0, 4)).toEqual(['build', 'release', 'product', 'articles']);
    expect(answer).toMatchObject({
      build: '5.5.2448.0',
      release: 'Exchange Server 5.5 SP2',
      product: 'Exchange Server 5.5',
      articles: ['Q900110'],
    });
  });

  it('lookup an abbreviated version within its product', async () => {
    const { stdout } = await run(lookupCommand, ['--index', dir, '--json', 'orbmta.exe', '601.3']);
    expect(JSON.parse(stdout)).toMatchObject({
      build: '3.0.601.3',
      release: 'Orbit Mail Server 3.0 SP3',
      articles: ['Q900104', 'Q900101'],
    });
  });

  it('an unknown build is "not in the release table", never a guess', async () => {
    const { code, stdout, stderr } = await run(lookupCommand, ['--index', dir, '--json', 'exchange 5.5 build 1200']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ release: null, note: 'not in the release table' });
    expect(stderr).toMatch(/not in the release table/);
    // A KB number is still a KB number.
    expect((await run(lookupCommand, ['--index', dir, '--json', '227142'])).code).toBe(0);
  });
});
