import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

/** One regular file from a tar archive. */
export interface TarEntry {
  path: string;
  data: Buffer;
}

const BLOCK = 512;

/**
 * Streams the regular files of a (gzipped) tar archive without unpacking it to disk.
 *
 * Written here rather than taken from npm because the archive needs only ustar, GNU long names
 * and pax `path` records, and the reader is forty lines; a corrupt header stops the stream with
 * an error that names the byte offset, so the caller can say where the archive is broken.
 */
export async function* readTar(file: string): AsyncGenerator<TarEntry> {
  const source: Readable = file.endsWith('.gz') || file.endsWith('.tgz')
    ? createReadStream(file).pipe(createGunzip())
    : createReadStream(file);
  let buffer: Buffer = Buffer.alloc(0);
  let offset = 0; // bytes of the archive consumed, for error messages
  let longName: string | null = null;

  for await (const chunk of source as AsyncIterable<Buffer>) {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      if (buffer.length < BLOCK) break;
      const header = buffer.subarray(0, BLOCK);
      if (header.every((b) => b === 0)) return; // end-of-archive marker
      const size = parseOctal(header.subarray(124, 136));
      if (size === null || !checksumOk(header)) {
        throw new Error(`corrupt tar header at byte ${offset} of ${file}`);
      }
      const padded = Math.ceil(size / BLOCK) * BLOCK;
      if (buffer.length < BLOCK + padded) break;
      const data = buffer.subarray(BLOCK, BLOCK + size);
      const type = String.fromCharCode(header[156] || 48);
      const name = longName ?? headerPath(header);
      longName = null;
      if (type === 'L') longName = cString(data);
      else if (type === 'x') longName = paxPath(data);
      else if (type === '0' || type === '\0' || type === '7') yield { path: name, data: Buffer.from(data) };
      buffer = buffer.subarray(BLOCK + padded);
      offset += BLOCK + padded;
    }
  }
  if (buffer.length) throw new Error(`truncated tar archive at byte ${offset} of ${file}`);
}

function parseOctal(field: Buffer): number | null {
  const text = cString(field).trim();
  if (text === '') return 0;
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : null;
}

function checksumOk(header: Buffer): boolean {
  const stored = parseOctal(header.subarray(148, 156));
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  return stored === sum;
}

function cString(field: Buffer): string {
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

function headerPath(header: Buffer): string {
  const name = cString(header.subarray(0, 100));
  const isUstar = cString(header.subarray(257, 263)).startsWith('ustar');
  const prefix = isUstar ? cString(header.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

function paxPath(data: Buffer): string | null {
  const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
  return m ? m[1]! : null;
}
