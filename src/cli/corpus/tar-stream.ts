import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { extract } from 'tar-stream';

/** One regular file from a tar archive: its bytes, or why they were not read. */
export type TarEntry = { path: string; data: Buffer } | { path: string; tooLarge: number };

export interface TarOptions {
  /** Which entries to read; the others are streamed past without being kept. */
  accept: (path: string) => boolean;
  /** An accepted entry larger than this is reported, not read. */
  maxEntryBytes: number;
}

/** Articles in the archive are a few KB; the largest is under 1 MB. */
export const DEFAULT_MAX_ENTRY_BYTES = 16 * 1024 * 1024;

/**
 * Streams the regular files of a (gzipped) tar archive without unpacking it to disk, through
 * tar-stream (ustar, GNU and pax headers). An entry is kept only when `accept` wants it and its
 * header declares at most `maxEntryBytes`; its chunks are joined once at its end, so memory and
 * time stay linear in the entry's size. A corrupt header stops the stream with an error naming
 * the byte offset and the last entry read.
 */
export async function* readTar(file: string, options: TarOptions): AsyncGenerator<TarEntry> {
  const source =
    file.endsWith('.gz') || file.endsWith('.tgz')
      ? createReadStream(file).pipe(createGunzip())
      : createReadStream(file);
  const tar = extract();
  const feeding = pipeline(source, tar).catch(() => {}); // errors surface through the iterator
  let last = '(start of archive)';
  let offset = 0;
  try {
    for await (const entry of tar) {
      const { name, size, type } = entry.header;
      offset = entry.offset;
      if (type !== 'file' && type !== 'contiguous-file') {
        entry.resume();
        continue;
      }
      last = name;
      if (!options.accept(name)) {
        entry.resume();
        continue;
      }
      if (size > options.maxEntryBytes) {
        entry.resume();
        yield { path: name, tooLarge: size };
        continue;
      }
      const chunks: Buffer[] = [];
      let length = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        length += chunk.length;
        chunks.push(chunk);
      }
      yield { path: name, data: Buffer.concat(chunks, length) };
    }
  } catch (e) {
    source.destroy();
    throw new Error(`corrupt tar archive ${file} near byte ${offset}, after ${last}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  await feeding;
}
