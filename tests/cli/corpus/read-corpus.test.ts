import { describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { readCorpus } from '../../../src/cli/corpus/read-corpus';
import { REAL_CORPUS } from '../../helpers/corpus';

async function collect(location: string) {
  const out: { path: string; text: string }[] = [];
  for await (const f of readCorpus(location)) out.push({ path: f.path, text: f.text ?? `(error) ${f.error}` });
  return out;
}

async function makeCorpus() {
  const root = await mkdtemp(join(tmpdir(), 'kblens-corpus-'));
  const base = join(root, 'kbarchive');
  for (const [dir, q] of [
    ['227', 'Q227142'],
    ['010', 'Q10022'],
  ] as const) {
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
    await expect(collect(bad)).rejects.toThrow(/corrupt tar archive .*bad\.tar near byte 0/);
  });

  it('reports an article over the size cap by name without reading it, and streams past large non-articles', async () => {
    const { root, base } = await makeCorpus();
    await writeFile(join(base, 'kb', '227', 'Q227142', 'README.md'), 'x'.repeat(5000));
    await writeFile(join(base, 'id', 'exchange', 'big.bin'), Buffer.alloc(1 << 20));
    const tarball = join(root, 'corpus.tar');
    execFileSync('tar', ['-cf', tarball, '-C', root, 'kbarchive']);
    const files: { path: string; text?: string; error?: string }[] = [];
    for await (const f of readCorpus(tarball, 4096)) files.push(f);
    expect(files.find((f) => f.path.includes('Q227142'))).toMatchObject({
      error: '5000 bytes; articles over 4096 bytes are not read',
    });
    expect(files.find((f) => f.path.includes('Q10022'))!.text).toBe('article Q10022 é');
    expect(files).toHaveLength(2);
    const folder: { path: string; error?: string }[] = [];
    for await (const f of readCorpus(base, 4096)) folder.push(f);
    expect(folder.find((f) => f.path.includes('Q227142'))!.error).toMatch(/not read/);
  });

  it('reads a large entry copying each byte once (linear in its size)', async () => {
    // Joining the buffer on every chunk made a large entry cost the square of its size. Counted in
    // bytes joined, not timed: a loaded machine makes any timing noisy.
    const root = await mkdtemp(join(tmpdir(), 'kblens-big-'));
    const dir = join(root, 'c', 'kb', '001', 'Q1000');
    await mkdir(dir, { recursive: true });
    const size = 16 << 20;
    await writeFile(join(dir, 'README.md'), Buffer.alloc(size, 97));
    const tarball = join(root, 'c.tar');
    execFileSync('tar', ['-cf', tarball, '-C', join(root, 'c'), 'kb']);
    const concat = vi.spyOn(Buffer, 'concat');
    try {
      let read = 0;
      for await (const f of readCorpus(tarball, 1 << 30)) read += f.text?.length ?? 0;
      expect(read).toBe(size);
      const joined = concat.mock.calls.reduce((n, [list]) => n + list.reduce((m, b) => m + b.length, 0), 0);
      expect(joined).toBeGreaterThanOrEqual(size);
      expect(joined).toBeLessThan(2 * size);
    } finally {
      concat.mockRestore();
    }
  });

  it.skipIf(!existsSync(REAL_CORPUS))(
    'real archive: streams all 60,335 articles (skips where ../shared/corpus is absent)',
    async () => {
      let count = 0;
      for await (const f of readCorpus(REAL_CORPUS)) if (f.text) count++;
      expect(count).toBe(60_335);
    },
  );
});
