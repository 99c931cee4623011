import { describe, expect, it } from 'vitest';
import { indexedDbMirror } from '../../src/storage/index-mirror';
import { mirroredSource } from '../../src/background/index-source';

describe('indexedDbMirror', () => {
  it('refuses, rather than throwing when made, where there is no IndexedDB; the reader then reads the package', async () => {
    expect(typeof (globalThis as { indexedDB?: unknown }).indexedDB).toBe('undefined');
    const mirror = indexedDbMirror();
    await expect(mirror.identity()).rejects.toThrow(/indexedDB/);
    const source = mirroredSource(
      async (path) => (path === 'manifest.json' ? '{"format":3,"content":"x"}' : `["${path}"]`),
      mirror,
    );
    expect(await source.readText('titles/000.json')).toBe('["titles/000.json"]');
  });
});
