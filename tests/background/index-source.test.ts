import { describe, expect, it, vi } from 'vitest';
import { isMirrored, KEEP_IMAGE_AFTER_MS, mirroredSource } from '../../src/background/index-source';
import { memoryMirror, type IndexMirrorStore } from '../../src/storage/index-mirror';

/**
 * The worker's index reader: small files from the IndexedDB mirror once it holds the package's
 * index (its content identity), from the package otherwise; never a stale or broken copy.
 */
function packaged(content: string | undefined, files: Record<string, string>) {
  const reads: string[] = [];
  const all: Record<string, string> = {
    'manifest.json': JSON.stringify({ format: 3, ...(content ? { content } : {}) }),
    ...files,
  };
  return {
    reads,
    read: async (path: string) => {
      reads.push(path);
      const text = all[path];
      if (text === undefined) throw new Error(`no ${path}`);
      return text;
    },
  };
}

const FILES = {
  'titles/001.json': '["Title one","Title two"]\n',
  'titles/002.json': '["Title three"]\n',
  'search/004.json': '{"t":[1]}\n',
  'detect.1.json': '{"p":[]}\n',
};
/** Lets fire-and-forget copies into the mirror land. */
const settle = () => new Promise((r) => setTimeout(r, 0));

/** A source over a mirror of index id-1 that keeps an image of search.json, counting the mirror's image reads. */
async function keptImageSource() {
  const mirror = memoryMirror();
  await mirror.reset('id-1');
  await mirror.putImage('search.json', { opened: 1 });
  let reads = 0;
  const counted: IndexMirrorStore = { ...mirror, image: (path) => (reads++, mirror.image(path)) };
  return { source: mirroredSource(packaged('id-1', FILES).read, counted), imageReads: () => reads };
}

describe('mirroredSource', () => {
  it('copies what it reads from the package, and the next worker life reads the copies instead', async () => {
    const mirror = memoryMirror();
    const first = packaged('id-1', FILES);
    const a = mirroredSource(first.read, mirror);
    expect(await a.readText('titles/001.json')).toBe(FILES['titles/001.json']);
    await settle();
    expect(mirror.files.get('titles/001.json')).toBe(FILES['titles/001.json']);

    const second = packaged('id-1', FILES);
    const b = mirroredSource(second.read, mirror);
    expect(await b.readText('titles/001.json')).toBe(FILES['titles/001.json']);
    expect(second.reads).toEqual(['manifest.json']);
  });

  it('drops every copy when the package holds another index', async () => {
    const mirror = memoryMirror();
    await mirror.reset('id-1');
    await mirror.put('titles/001.json', '["An older title"]\n');
    const pkg = packaged('id-2', FILES);
    expect(await mirroredSource(pkg.read, mirror).readText('titles/001.json')).toBe(FILES['titles/001.json']);
    expect(pkg.reads).toContain('titles/001.json');
    expect(await mirror.identity()).toBe('id-2');
  });

  it('never uses the mirror for an index that names no content identity', async () => {
    const mirror = memoryMirror();
    await mirror.reset('id-1');
    await mirror.put('titles/001.json', '["An older title"]\n');
    const pkg = packaged(undefined, FILES);
    expect(await mirroredSource(pkg.read, mirror).readText('titles/001.json')).toBe(FILES['titles/001.json']);
    await settle();
    expect(mirror.files.get('titles/001.json')).toBe('["An older title"]\n');
  });

  it('reads the large files read once per worker life from the package only', async () => {
    const mirror = memoryMirror();
    const pkg = packaged('id-1', FILES);
    await mirroredSource(pkg.read, mirror).readText('detect.1.json');
    await settle();
    expect(mirror.files.has('detect.1.json')).toBe(false);
    expect(isMirrored('detect.1.json')).toBe(false);
    expect(['search.json', 'search/000.json', 'titles/075.json', 'records/010.json'].every(isMirrored)).toBe(true);
  });

  it('reads the files asked for in the same turn in one transaction', async () => {
    const mirror = memoryMirror();
    await mirror.reset('id-1');
    for (const [p, t] of Object.entries(FILES)) await mirror.put(p, t);
    const asked: (readonly string[])[] = [];
    const counting: IndexMirrorStore = { ...mirror, getMany: (paths) => (asked.push(paths), mirror.getMany(paths)) };
    const source = mirroredSource(packaged('id-1', FILES).read, counting);
    const texts = await Promise.all(['titles/001.json', 'titles/002.json', 'search/004.json'].map(source.readText));
    expect(texts).toEqual([FILES['titles/001.json'], FILES['titles/002.json'], FILES['search/004.json']]);
    expect(asked).toEqual([['titles/001.json', 'titles/002.json', 'search/004.json']]);
  });

  it('reads a copy cut short from the package again, and mends the copy', async () => {
    const mirror = memoryMirror();
    await mirror.reset('id-1');
    await mirror.put('titles/001.json', '["Title one","Tit');
    const pkg = packaged('id-1', FILES);
    expect(await mirroredSource(pkg.read, mirror).readText('titles/001.json')).toBe(FILES['titles/001.json']);
    await settle();
    expect(mirror.files.get('titles/001.json')).toBe(FILES['titles/001.json']);
  });

  it('reads the package when IndexedDB fails or does not answer', async () => {
    const silent: IndexMirrorStore = {
      identity: () => new Promise(() => undefined),
      reset: async () => undefined,
      getMany: () => new Promise(() => undefined),
      put: async () => undefined,
      image: () => new Promise(() => undefined),
      putImage: async () => undefined,
    };
    const pkg = packaged('id-1', FILES);
    expect(await mirroredSource(pkg.read, silent, 20).readText('titles/002.json')).toBe(FILES['titles/002.json']);

    const hung: IndexMirrorStore = { ...silent, identity: async () => 'id-1' };
    expect(await mirroredSource(pkg.read, hung, 20).readText('titles/002.json')).toBe(FILES['titles/002.json']);

    const failing: IndexMirrorStore = { ...silent, identity: () => Promise.reject(new Error('blocked')) };
    expect(await mirroredSource(pkg.read, failing, 20).readText('titles/001.json')).toBe(FILES['titles/001.json']);
  });

  it('reads the manifest from the package once per worker life', async () => {
    const pkg = packaged('id-1', FILES);
    const source = mirroredSource(pkg.read, memoryMirror());
    await source.readText('titles/001.json');
    await source.readText('manifest.json');
    expect(pkg.reads.filter((p) => p === 'manifest.json')).toHaveLength(1);
  });

  it('keeps an opened head a moment after it is offered, for the next worker life of the same index only', async () => {
    vi.useFakeTimers();
    try {
      const mirror = memoryMirror();
      const first = mirroredSource(packaged('id-1', FILES).read, mirror);
      expect(await first.readImage!('search.json')).toBeUndefined();
      first.keepImage!('search.json', () => ({ opened: [1, 2, 3] }));
      expect(mirror.images.size).toBe(0);
      await vi.advanceTimersByTimeAsync(KEEP_IMAGE_AFTER_MS);
      expect(await mirroredSource(packaged('id-1', FILES).read, mirror).readImage!('search.json')).toEqual({
        opened: [1, 2, 3],
      });

      // An update brings another index: the image of the old one is not read, and is gone.
      expect(await mirroredSource(packaged('id-2', FILES).read, mirror).readImage!('search.json')).toBeUndefined();
      expect(mirror.images.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks for a copy while the manifest is read, and uses it only once the manifest says it is this index', async () => {
    const mirror = memoryMirror();
    await mirror.reset('id-1');
    await mirror.put('titles/001.json', '["An older title"]\n');
    let manifestRead = false;
    const order: string[] = [];
    const watched: IndexMirrorStore = {
      ...mirror,
      getMany: (paths) => (order.push(manifestRead ? 'copy after the manifest' : 'copy'), mirror.getMany(paths)),
    };
    const pkg = packaged('id-2', FILES);
    let release: () => void = () => undefined;
    const slowManifest = (path: string) =>
      path === 'manifest.json'
        ? new Promise<void>((r) => (release = r)).then(() => ((manifestRead = true), pkg.read(path)))
        : pkg.read(path);
    const text = mirroredSource(slowManifest, watched).readText('titles/001.json');
    await settle();
    expect(order).toEqual(['copy']);
    release();
    // The copy was of the older index: the package's file is read instead.
    expect(await text).toBe(FILES['titles/001.json']);
  });

  it('hands an image asked for ahead to the next reader of it, read once, then reads afresh', async () => {
    const { source, imageReads } = await keptImageSource();
    source.prefetchImage('search.json');
    source.prefetchImage('search.json');
    expect(imageReads()).toBe(1);
    expect(await source.readImage('search.json')).toEqual({ opened: 1 });
    expect(imageReads()).toBe(1);
    // Handed over once: a later reader (a search head opened again after a failure) reads it again.
    expect(await source.readImage('search.json')).toEqual({ opened: 1 });
    expect(imageReads()).toBe(2);
  });

  it('warms up by reading the manifest and the mirror identity, before any file is asked for', async () => {
    const pkg = packaged('id-1', FILES);
    let identityReads = 0;
    const mirror = memoryMirror();
    const counted: IndexMirrorStore = { ...mirror, identity: () => (identityReads++, mirror.identity()) };
    const source = mirroredSource(pkg.read, counted);
    source.warm();
    await settle();
    expect(pkg.reads).toEqual(['manifest.json']);
    expect(identityReads).toBe(1);
    // What it started is what the first reads use.
    await source.readText('titles/001.json');
    await source.readText('manifest.json');
    expect(pkg.reads.filter((p) => p === 'manifest.json')).toHaveLength(1);
    expect(identityReads).toBe(1);
  });

  it('reads no image ahead once a reader has read it: an early read would be held for nothing', async () => {
    const { source, imageReads } = await keptImageSource();
    await source.readImage('search.json');
    source.prefetchImage('search.json');
    expect(imageReads()).toBe(1);
  });

  it('gives a check started ahead of its readers its whole patience from the first reader on', async () => {
    vi.useFakeTimers();
    try {
      const mirror = memoryMirror();
      await mirror.reset('id-1');
      await mirror.put('titles/001.json', '["A kept title"]\n');
      // IndexedDB answers 1.5 s after the worker's first request asked it, on a busy machine.
      const slow: IndexMirrorStore = {
        ...mirror,
        identity: () => new Promise((r) => setTimeout(() => r(mirror.identity()), 1500)),
      };
      const pkg = packaged('id-1', FILES);
      const source = mirroredSource(pkg.read, slow, 1000);
      source.warm();
      await vi.advanceTimersByTimeAsync(1200);
      const text = source.readText('titles/001.json');
      await vi.advanceTimersByTimeAsync(400);
      expect(await text).toBe('["A kept title"]\n');
      expect(pkg.reads).not.toContain('titles/001.json');
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads no image from a mirror that does not answer', async () => {
    const hung: IndexMirrorStore = { ...memoryMirror(), image: () => new Promise(() => undefined) };
    expect(await mirroredSource(packaged('id-1', FILES).read, hung, 20).readImage!('search.json')).toBeUndefined();
  });
});
