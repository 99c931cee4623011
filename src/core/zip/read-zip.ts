import { Inflate } from 'fflate';
import { crc32 } from './crc32';

/**
 * A small reader for the .zip files agents export their team's articles into. Only what such
 * archives use: stored and deflate entries, no encryption, no ZIP64, no multi-disk. Every number
 * in a zip is untrusted, so sizes are checked against the bytes we actually have, total output
 * is capped before and during inflation (a few KB can inflate to gigabytes), entries whose
 * bytes overlap are refused (the way to make a small zip unpack to gigabytes with honest
 * sizes), and each entry's CRC is verified so a damaged archive is reported instead of yielding
 * garbage articles.
 *
 * Inflation is fflate's, fed 1 KB at a time with the output counted after each slice, the same
 * in the options page and Node: DecompressionStream in Chromium inflates a whole chunk before
 * passing anything on, so its output could not be capped. The directory reading stays here,
 * because fflate's unzip neither refuses overlapping entries nor caps an entry as it inflates.
 */

export interface ZipLimits {
  /** Entries in the central directory, directories included. */
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of the whole archive. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxEntryBytes: 16 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
};

export type ZipErrorCode = 'corrupt' | 'unsupported' | 'too-large' | 'too-many-entries';

export class ZipError extends Error {
  constructor(
    readonly code: ZipErrorCode,
    message: string,
    /** The entry concerned, when the problem is one entry's. */
    readonly entry?: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  /** Path inside the archive, "/"-separated. */
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  /** Offset of the entry's local header. */
  offset: number;
  encrypted: boolean;
  /** False for an entry the caller's filter did not want: listed, never inflated, not counted in the caps. */
  wanted: boolean;
}

export interface ZipFile {
  name: string;
  data: Uint8Array;
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

/** Reads the central directory: names and sizes, nothing inflated yet. Throws ZipError. */
export function listZip(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  wanted: (name: string) => boolean = () => true,
): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    throw new ZipError(
      'unsupported',
      'ZIP64 archives are not supported; make a plain .zip (under 4 GB, fewer than 65,535 files)',
    );
  }
  if (count > limits.maxEntries) {
    throw new ZipError(
      'too-many-entries',
      `the archive has ${count} entries; at most ${limits.maxEntries} are accepted`,
    );
  }
  if (cdOffset + cdSize > eocd)
    throw new ZipError('corrupt', 'the archive is damaged (central directory out of range)');

  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== SIG_CENTRAL) {
      throw new ZipError('corrupt', 'the archive is damaged (bad central directory entry)');
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const offset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen > eocd) throw new ZipError('corrupt', 'the archive is damaged (entry name out of range)');
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)).replace(/\\/g, '/');
    p += 46 + nameLen + extraLen + commentLen;
    if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) {
      throw new ZipError('unsupported', 'ZIP64 entries are not supported', name);
    }
    if (name.endsWith('/')) continue;
    if (offset + 30 > bytes.length)
      throw new ZipError('corrupt', `the archive is damaged ("${name}" starts past its end)`, name);
    const want = wanted(name);
    entries.push({ name, method, compressedSize, size, crc, offset, encrypted: (flags & 1) !== 0, wanted: want });
    if (!want) continue;
    if (size > limits.maxEntryBytes) {
      throw new ZipError(
        'too-large',
        `"${name}" unpacks to ${size} bytes; at most ${limits.maxEntryBytes} per file are accepted`,
        name,
      );
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      throw new ZipError('too-large', `the archive unpacks to more than ${limits.maxTotalBytes} bytes`);
    }
  }
  rejectOverlaps(view, entries, cdOffset);
  return entries;
}

/** Each entry's local header and data must lie apart from every other's and before the directory. */
function rejectOverlaps(view: DataView, entries: ZipEntry[], cdOffset: number): void {
  const spans = entries
    .map((e) => [e.offset, dataStart(view, e) + e.compressedSize, e] as const)
    .sort((a, b) => a[0] - b[0]);
  let end = 0;
  for (const [start, stop, entry] of spans) {
    if (start < end || stop > cdOffset) {
      throw new ZipError(
        'corrupt',
        `the archive is damaged or forged ("${entry.name}" overlaps another entry)`,
        entry.name,
      );
    }
    end = stop;
  }
}

/** Where an entry's data starts: after its local header, whose name and extra lengths are its own. */
function dataStart(view: DataView, entry: ZipEntry): number {
  if (entry.offset + 30 > view.byteLength || view.getUint32(entry.offset, true) !== SIG_LOCAL) {
    throw new ZipError('corrupt', `the archive is damaged (no local header for "${entry.name}")`, entry.name);
  }
  return entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
}

/** Inflates one entry, checking its declared size and CRC. */
export async function readEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Uint8Array> {
  if (entry.encrypted) throw new ZipError('unsupported', `"${entry.name}" is encrypted`, entry.name);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = dataStart(view, entry);
  const end = start + entry.compressedSize;
  if (end > bytes.length)
    throw new ZipError('corrupt', `the archive is damaged ("${entry.name}" is cut short)`, entry.name);
  const raw = bytes.subarray(start, end);

  let data: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size)
      throw new ZipError('corrupt', `the archive is damaged ("${entry.name}" has inconsistent sizes)`, entry.name);
    data = raw.slice();
  } else if (entry.method === 8) {
    // Never trust the declared size alone: stop inflating once the output passes it.
    data = inflateCapped(raw, Math.min(entry.size, limits.maxEntryBytes), entry.name);
  } else {
    throw new ZipError(
      'unsupported',
      `"${entry.name}" uses compression method ${entry.method}; only stored and deflate are supported`,
      entry.name,
    );
  }
  if (data.length !== entry.size) {
    throw new ZipError('corrupt', `the archive is damaged ("${entry.name}" has the wrong size)`, entry.name);
  }
  if (crc32(data) !== entry.crc)
    throw new ZipError('corrupt', `the archive is damaged ("${entry.name}" fails its checksum)`, entry.name);
  return data;
}

/**
 * Every file of the archive that `wanted` accepts by name (asked once per file, directories
 * left out), inflated; the others are never inflated. Throws ZipError on the first problem: a
 * damaged archive is not half-read.
 */
export async function readZip(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  wanted: (name: string) => boolean = () => true,
): Promise<ZipFile[]> {
  const files: ZipFile[] = [];
  for (const entry of listZip(bytes, limits, wanted)) {
    if (entry.wanted) files.push({ name: entry.name, data: await readEntry(bytes, entry, limits) });
  }
  return files;
}

/** True when the bytes start like a zip (a local header or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const sig = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  return sig === SIG_LOCAL || sig === SIG_EOCD;
}

function findEndOfCentralDirectory(view: DataView): number {
  if (view.byteLength < EOCD_MIN) throw new ZipError('corrupt', 'not a zip archive (too short)');
  const stop = Math.max(0, view.byteLength - EOCD_MIN - MAX_COMMENT);
  for (let p = view.byteLength - EOCD_MIN; p >= stop; p--) {
    if (view.getUint32(p, true) === SIG_EOCD && p + EOCD_MIN + view.getUint16(p + 20, true) === view.byteLength) {
      if (view.getUint16(p + 4, true) !== 0 || view.getUint16(p + 6, true) !== 0) {
        throw new ZipError('unsupported', 'multi-part (spanned) archives are not supported');
      }
      return p;
    }
  }
  throw new ZipError('corrupt', 'not a zip archive, or a damaged one (no end of central directory)');
}

/** Compressed bytes fed per step: deflate expands at most ~1032:1, so one step adds at most ~1 MB. */
export const INFLATE_SLICE = 1024;

/**
 * Inflates raw deflate data, one INFLATE_SLICE of input at a time, and stops as soon as the
 * output passes `limit`: a bomb costs at most the limit plus one slice's output.
 */
export function inflateCapped(raw: Uint8Array, limit: number, name: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    length += chunk.length;
    if (length > limit) over = true;
    else chunks.push(chunk);
  });
  try {
    for (let at = 0; at < raw.length || at === 0; at += INFLATE_SLICE) {
      const end = Math.min(at + INFLATE_SLICE, raw.length);
      inflater.push(raw.subarray(at, end), end === raw.length);
      if (over)
        throw new ZipError('corrupt', `the archive is damaged ("${name}" unpacks to more than it declares)`, name);
      if (end === raw.length) break;
    }
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError('corrupt', `the archive is damaged ("${name}" does not inflate: ${(e as Error).message})`, name);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
