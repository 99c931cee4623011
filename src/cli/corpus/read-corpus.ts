import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { DEFAULT_MAX_ENTRY_BYTES, readTar } from './tar-stream';

/** One article file of the archive, as text, with its path inside the corpus; or why it was not read. */
export type CorpusFile =
  { path: string; text: string; error?: undefined } | { path: string; text?: undefined; error: string };

const ARTICLE = /(?:^|\/)kb\/\d{3}\/Q\d+\/README\.md$/;

/**
 * Every article of a corpus, from a .tar.gz (streamed) or an unpacked folder, in path order
 * for a folder and archive order for a tarball. The builder sorts by Q-number itself, so the
 * index does not depend on which form the corpus came in.
 */
export async function* readCorpus(
  location: string,
  maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES,
): AsyncGenerator<CorpusFile> {
  const info = await stat(location);
  if (info.isDirectory()) {
    for (const path of await listFiles(location)) {
      const rel = relative(location, path).split(sep).join('/');
      if (!ARTICLE.test(rel)) continue;
      const size = (await stat(path)).size;
      yield size > maxEntryBytes
        ? { path: rel, error: tooLarge(size, maxEntryBytes) }
        : { path: rel, text: await readFile(path, 'utf8') };
    }
    return;
  }
  for await (const entry of readTar(location, { accept: (path) => ARTICLE.test(path), maxEntryBytes })) {
    yield 'data' in entry
      ? { path: entry.path, text: entry.data.toString('utf8') }
      : { path: entry.path, error: tooLarge(entry.tooLarge, maxEntryBytes) };
  }
}

function tooLarge(size: number, max: number): string {
  return `${size} bytes; articles over ${max} bytes are not read`;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}
