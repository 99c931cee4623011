import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIndex, filesNamedBy } from '../../../src/cli/commands/build-index';
import { makeArticle } from '../../core/article/fixture';

/** A corpus folder with the given fixture articles under kb/NNN/QNNN/README.md. */
async function corpusOf(names: string[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'kblens-out-'));
  for (const q of names) {
    const dir = join(root, 'kb', q.slice(1).padStart(6, '0').slice(0, 3), q);
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'README.md'),
      makeArticle(q, 'Test article about a store failure', [
        `Article: ${q.slice(1)}`,
        'Product(s): Microsoft Exchange',
        'Version(s): 5.5',
        'Last Modified: 01-JAN-2000',
        '',
        'SYMPTOMS',
        '',
        'Some text.',
      ]),
    );
  }
  return root;
}

describe('build-index --out', () => {
  it('refuses a non-empty folder that is not an index, and touches nothing in it', async () => {
    const corpus = await corpusOf(['Q900001']);
    const out = await mkdtemp(join(tmpdir(), 'kblens-home-'));
    await writeFile(join(out, 'notes.json'), '{"mine":true}');
    await writeFile(join(out, 'manifest.txt'), 'x');
    await expect(buildIndex(corpus, out)).rejects.toThrow(
      /refusing to write into .*not empty and has no readable manifest\.json/,
    );
    expect((await readdir(out)).sort()).toEqual(['manifest.txt', 'notes.json']);
    await writeFile(join(out, 'manifest.json'), '{"name":"some other tool"}');
    await expect(buildIndex(corpus, out)).rejects.toThrow(/not a KB Lens index manifest/);
    expect(await readFile(join(out, 'notes.json'), 'utf8')).toBe('{"mine":true}');
  });

  it('writes into a new or empty folder, and on rebuild deletes only what the previous manifest named', async () => {
    const corpus = await corpusOf(['Q900001']);
    const out = join(await mkdtemp(join(tmpdir(), 'kblens-idx-')), 'index');
    const first = await buildIndex(corpus, out);
    expect(first.articles).toBe(1);
    // A file of the previous index the new build does not write, and one the index never had.
    await writeFile(join(out, 'records', '001.json'), '[]');
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    manifest.recordFiles.push(7000);
    await writeFile(join(out, 'manifest.json'), JSON.stringify(manifest));
    await writeFile(join(out, 'README.txt'), 'kept');
    await writeFile(join(out, 'other.json'), 'kept');
    await buildIndex(corpus, out);
    expect(existsSync(join(out, 'records', '001.json'))).toBe(false);
    expect(await readFile(join(out, 'README.txt'), 'utf8')).toBe('kept');
    expect(await readFile(join(out, 'other.json'), 'utf8')).toBe('kept');
    expect(existsSync(join(out, 'records', '000.json'))).toBe(true);
  });

  it('fails on a corpus with no articles and leaves the previous index as it was', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'kblens-idx-')), 'index');
    await buildIndex(await corpusOf(['Q900001']), out);
    const before = await readFile(join(out, 'manifest.json'), 'utf8');
    await expect(buildIndex(await corpusOf([]), out)).rejects.toThrow(/no articles found/);
    expect(await readFile(join(out, 'manifest.json'), 'utf8')).toBe(before);
  });

  it('never names a path outside the index from a hostile manifest', () => {
    const files = filesNamedBy({
      format: 2,
      recordFiles: [1],
      titleFiles: 1,
      parts: { 'detect.json': ['../../etc/x.json', 'detect.1.json', '/abs.json'] },
    });
    expect(files).toContain('detect.1.json');
    expect(files!.filter((f) => f.includes('..') || f.startsWith('/'))).toEqual([]);
    expect(filesNamedBy({ format: 2, recordFiles: 'x', titleFiles: 1 })).toBeNull();
    expect(filesNamedBy(null)).toBeNull();
  });
});
