import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { readCorpus } from '../../../src/cli/corpus/read-corpus';
import { REAL_CORPUS } from '../../helpers/corpus';

async function collect(location: string) {
  const out: { path: string; text: string }[] = [];
  for await (const f of readCorpus(location)) out.push(f);
  return out;
}

async function makeCorpus() {
  const root = await mkdtemp(join(tmpdir(), 'kblens-corpus-'));
  const base = join(root, 'kbarchive');
  for (const [dir, q] of [['227', 'Q227142'], ['010', 'Q10022']] as const) {
    await mkdir(join(base, 'kb', dir, q), { recursive: true });
    await writeFile(join(base, 'kb', dir, q, 'README.md'), `article ${q} é`);
  }
  await mkdir(join(base, 'id', 'exchange'), { recursive: true });
  await writeFile(join(base, 'id', 'exchange', 'README.md'), 'a category listing, not an article');
  return { root, base };
}

describe('readCorpus', () => {
  it('reads articles from an unpacked folder and skips other files', async () => {
    const { base } = await makeCorpus();
    const files = await collect(base);
    expect(files.map((f) => f.path)).toEqual(['kb/010/Q10022/README.md', 'kb/227/Q227142/README.md']);
    expect(files[1]!.text).toBe('article Q227142 é');
  });

  it('streams the same articles from a .tar.gz', async () => {
    const { root } = await makeCorpus();
    const tarball = join(root, 'corpus.tar.gz');
    execFileSync('tar', ['-czf', tarball, '-C', root, 'kbarchive']);
    const files = await collect(tarball);
    expect(files.map((f) => f.path).sort()).toEqual([
      'kbarchive/kb/010/Q10022/README.md',
      'kbarchive/kb/227/Q227142/README.md',
    ]);
    expect(files.find((f) => f.path.includes('Q10022'))!.text).toBe('article Q10022 é');
  });

  it('names the byte offset of a corrupt archive', async () => {
    const { root } = await makeCorpus();
    const bad = join(root, 'bad.tar');
    await writeFile(bad, Buffer.concat([Buffer.from('not a tar header'), Buffer.alloc(1024, 1)]));
    await expect(collect(bad)).rejects.toThrow(/corrupt tar header at byte 0/);
  });

  it.skipIf(!existsSync(REAL_CORPUS))('real archive: streams all 60,335 articles (skips where ../shared/corpus is absent)', async () => {
    let count = 0;
    for await (const f of readCorpus(REAL_CORPUS)) if (f.text.length > 0) count++;
    expect(count).toBe(60_335);
  });
});
