import { describe, expect, it } from 'vitest';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { vi } from 'vitest';
import { listZip, looksLikeZip, readZip, ZipError, type ZipLimits } from '../../../src/core/zip/read-zip';
import { makeZip } from './make-zip';

const text = (d: Uint8Array) => new TextDecoder().decode(d);

async function zipError(p: Promise<unknown> | (() => unknown)): Promise<ZipError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(ZipError);
    return e as ZipError;
  }
  throw new Error('expected a ZipError');
}

describe('readZip', () => {
  it('reads stored and deflate entries, skipping directories', async () => {
    const zip = makeZip([
      { name: 'team/', data: '', method: 0 },
      { name: 'team/Q900001.md', data: 'stored article', method: 0 },
      { name: 'team/Q900002.md', data: 'deflated article '.repeat(100), method: 8 },
    ]);
    expect(looksLikeZip(zip)).toBe(true);
    const files = await readZip(zip);
    expect(files.map((f) => f.name)).toEqual(['team/Q900001.md', 'team/Q900002.md']);
    expect(text(files[0]!.data)).toBe('stored article');
    expect(text(files[1]!.data)).toBe('deflated article '.repeat(100));
  });

  it('reads an empty archive and one with a trailing comment', async () => {
    expect(await readZip(makeZip([]))).toEqual([]);
    const zip = makeZip([{ name: 'a.md', data: 'x' }]);
    const comment = new TextEncoder().encode('made by hand');
    const withComment = new Uint8Array(zip.length + comment.length);
    withComment.set(zip);
    withComment.set(comment, zip.length);
    new DataView(withComment.buffer).setUint16(zip.length - 2, comment.length, true);
    expect((await readZip(withComment)).map((f) => f.name)).toEqual(['a.md']);
  });

  it('reports a file that is not a zip, or a truncated one, as corrupt', async () => {
    expect((await zipError(() => listZip(new TextEncoder().encode('just some text, not an archive')))).code).toBe(
      'corrupt',
    );
    const zip = makeZip([{ name: 'a.md', data: 'hello '.repeat(50) }]);
    expect((await zipError(() => listZip(zip.subarray(0, zip.length - 30)))).code).toBe('corrupt');
  });

  it('reports damaged entry data (bad checksum, broken deflate stream)', async () => {
    const badCrc = makeZip([{ name: 'a.md', data: 'hello', crc: 12345 }]);
    const e1 = await zipError(readZip(badCrc));
    expect(e1.code).toBe('corrupt');
    expect(e1.entry).toBe('a.md');

    const zip = makeZip([{ name: 'b.md', data: 'some text that deflates '.repeat(20) }]);
    // Scribble over the compressed bytes (after the 30-byte header and the 4-byte name).
    for (let i = 34; i < 44; i++) zip[i] = 0xff;
    expect((await zipError(readZip(zip))).code).toBe('corrupt');
  });

  it('rejects a zip bomb by its declared size before inflating anything', async () => {
    const limits: ZipLimits = { maxEntries: 100, maxEntryBytes: 1000, maxTotalBytes: 2500 };
    const big = makeZip([{ name: 'big.md', data: new Uint8Array(5000) }]);
    expect((await zipError(readZip(big, limits))).code).toBe('too-large');
    const many = makeZip([1, 2, 3].map((i) => ({ name: `${i}.md`, data: new Uint8Array(900) })));
    expect((await zipError(readZip(many, limits))).code).toBe('too-large');
  });

  it('stops inflating an entry that lies about its size', async () => {
    // 1 MB of zeros deflates to ~1 KB; the header claims 10 bytes.
    const zip = makeZip([{ name: 'liar.md', data: new Uint8Array(1 << 20), declaredSize: 10 }]);
    expect(deflateRawSync(new Uint8Array(1 << 20)).length).toBeLessThan(5000);
    const e = await zipError(readZip(zip));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/more than it declares/);
  });

  it('inflates in slices: a 256 MB bomb never sits in memory, even where DecompressionStream inflates a chunk whole', async () => {
    // Chromium's DecompressionStream inflates a whole written chunk before passing anything on;
    // this stand-in does the same, so a reader relying on it would hold the whole bomb.
    class WholeChunkInflate {
      readable: ReadableStream<Uint8Array>;
      writable: WritableStream<Uint8Array>;
      constructor() {
        const t = new TransformStream<Uint8Array, Uint8Array>({
          transform: (chunk, c) => c.enqueue(new Uint8Array(inflateRawSync(chunk, { maxOutputLength: 2 ** 31 }))),
        });
        this.readable = t.readable;
        this.writable = t.writable;
      }
    }
    vi.stubGlobal('DecompressionStream', WholeChunkInflate);
    try {
      const zip = makeZip([{ name: 'bomb.md', data: new Uint8Array(256 << 20), declaredSize: 1000 }]);
      const before = process.resourceUsage().maxRSS;
      const e = await zipError(readZip(zip));
      expect(e.message).toMatch(/more than it declares/);
      // Peak resident memory (KB): inflating the whole entry added ~800 MB here.
      expect(process.resourceUsage().maxRSS - before).toBeLessThan(64_000);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('refuses entries whose bytes overlap (a bomb with honest sizes)', async () => {
    const zip = makeZip([
      { name: 'a.md', data: 'article text '.repeat(50) },
      { name: 'b.md', data: 'article text '.repeat(50), pointsTo: 0 },
    ]);
    const e = await zipError(() => listZip(zip));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/overlaps another entry/);
  });

  it('filters entries by name before inflating: an unwanted entry is neither inflated nor counted', async () => {
    const limits: ZipLimits = { maxEntries: 100, maxEntryBytes: 1000, maxTotalBytes: 2500 };
    const zip = makeZip([
      { name: 'a.md', data: 'hello' },
      { name: 'video.bin', data: new Uint8Array(100_000) },
      { name: 'bomb.bin', data: new Uint8Array(1 << 20), declaredSize: 10 },
    ]);
    const asked: string[] = [];
    const files = await readZip(zip, limits, (name) => (asked.push(name), name.endsWith('.md')));
    expect(files.map((f) => [f.name, text(f.data)])).toEqual([['a.md', 'hello']]);
    expect(asked).toEqual(['a.md', 'video.bin', 'bomb.bin']);
  });

  it('caps the number of entries', async () => {
    const zip = makeZip(Array.from({ length: 6 }, (_, i) => ({ name: `${i}.md`, data: 'x' })));
    expect((await zipError(readZip(zip, { maxEntries: 5, maxEntryBytes: 100, maxTotalBytes: 1000 }))).code).toBe(
      'too-many-entries',
    );
  });

  it('refuses unknown compression methods and encrypted entries', async () => {
    const zip = makeZip([{ name: 'a.md', data: 'x', method: 0 }]);
    const v = new DataView(zip.buffer);
    const cd = v.getUint32(zip.length - 6, true);
    v.setUint16(cd + 10, 14, true); // LZMA
    expect((await zipError(readZip(zip))).code).toBe('unsupported');
    v.setUint16(cd + 10, 0, true);
    v.setUint16(cd + 8, 1, true); // encrypted flag
    expect((await zipError(readZip(zip))).code).toBe('unsupported');
  });
});
