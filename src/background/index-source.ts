import type { IndexSource } from '../core/index/kb-index';
import { MANIFEST_FILE, SEARCH_FILE, type IndexManifest } from '../core/index/layout';
import type { IndexMirrorStore } from '../storage/index-mirror';

/**
 * The files read through the mirror: the many small ones a search or a lookup reads a few of at a
 * time (the search head, postings parts, titles, records), where fetch's cost per file dominates.
 * The detector's and dictionary's few large files are read once per worker life, as packaged.
 */
export function isMirrored(path: string): boolean {
  return path === SEARCH_FILE || /^(?:search|titles|records)\//.test(path);
}

/**
 * How long a read waits for IndexedDB before reading the package instead: a broken or locked
 * database costs an answer this much once, never the answer itself.
 */
export const MIRROR_PATIENCE_MS = 1000;

function patient<T>(p: Promise<T>, fallback: T, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  return Promise.race([p.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

/** The index's files as the worker reads them, with what a worker start may ask for ahead of its reader. */
export interface MirroredSource extends IndexSource {
  /**
   * Starts reading the manifest and opening the mirror, without waiting: every answer needs them,
   * and the reads are network-free I/O that would otherwise start after the first request's
   * service has been evaluated.
   */
  warm(): void;
  /** Starts reading `path`'s kept image for the next readImage of it (a search view is open and will search). */
  prefetchImage(path: string): void;
  readImage(path: string): Promise<unknown>;
}

/** A copy cut short is not used: every index file is one JSON object or array. */
const looksWhole = (text: string): boolean => /[}\]]\s*$/.test(text);

/**
 * The bundled index's files, read from the mirror where it has them and from the package
 * otherwise; a file read from the package is copied into the mirror for the next worker life.
 * The package's manifest decides: the mirror is used only once it is reset to the content
 * identity the manifest names (an index without one is always read from the package). Reads
 * asked in the same turn share one IndexedDB transaction, as a search asks for its parts.
 */
export function mirroredSource(
  readPackaged: (path: string) => Promise<string>,
  store: IndexMirrorStore,
  patienceMs = MIRROR_PATIENCE_MS,
): MirroredSource {
  let manifest: Promise<string> | undefined;
  const readManifest = (): Promise<string> =>
    (manifest ??= readPackaged(MANIFEST_FILE).catch((e: unknown) => {
      manifest = undefined;
      throw e;
    }));

  /**
   * Whether the mirror holds this index's files: 'held' when it already did, 'emptied' when it was
   * just reset to this index (a copy read before that is another index's), false when it cannot be used.
   * The check may start ahead of any reader (warm, prefetchImage); the patience starts with the
   * first reader that waits for it, and its outcome holds for the worker's life.
   */
  let check: Promise<'held' | 'emptied' | false> | undefined;
  const checkMirror = () =>
    (check ??= (async () => {
      const [text, held] = await Promise.all([readManifest(), store.identity()]);
      const wanted = (JSON.parse(text) as Partial<IndexManifest>).content;
      if (typeof wanted !== 'string') return false as const;
      if (held === wanted) return 'held' as const;
      await store.reset(wanted);
      return 'emptied' as const;
    })().catch(() => false as const));
  let usable: Promise<'held' | 'emptied' | false> | undefined;
  const mirrorUsable = () => (usable ??= patient(checkMirror(), false as const, patienceMs));

  type Wanted = { path: string; resolve: (text: string | undefined) => void };
  let batch: Wanted[] | null = null;
  const fromMirror = (path: string) =>
    new Promise<string | undefined>((resolve) => {
      if (!batch) {
        const mine: Wanted[] = (batch = []);
        queueMicrotask(() => {
          batch = null;
          void patient(
            store.getMany(mine.map((b) => b.path)),
            mine.map(() => undefined),
            patienceMs,
          ).then((texts) => mine.forEach((b, i) => b.resolve(texts[i])));
        });
      }
      batch.push({ path, resolve });
    });

  /**
   * Images asked for ahead of their reader (the raw reads: the patience starts with the reader),
   * each handed to the next readImage of its path; none once a reader has read that path.
   */
  const early = new Map<string, Promise<unknown>>();
  const imagesRead = new Set<string>();

  return {
    warm() {
      void checkMirror();
    },
    prefetchImage(path) {
      if (imagesRead.has(path) || early.has(path)) return;
      void checkMirror();
      early.set(
        path,
        store.image(path).catch(() => undefined),
      );
    },
    async readText(path) {
      if (path === MANIFEST_FILE) return readManifest();
      if (!isMirrored(path)) return readPackaged(path);
      // The copy is asked for while the manifest is read, not after: the first start's reads wait on one round trip.
      const [state, copy] = await Promise.all([mirrorUsable(), fromMirror(path)]);
      if (!state) return readPackaged(path);
      if (state === 'held' && copy !== undefined && looksWhole(copy)) return copy;
      const text = await readPackaged(path);
      store.put(path, text).catch(() => undefined);
      return text;
    },
    async readImage(path) {
      imagesRead.add(path);
      const asked = early.get(path);
      early.delete(path);
      const [state, image] = await Promise.all([
        mirrorUsable(),
        patient(asked ?? store.image(path), undefined, patienceMs),
      ]);
      return state === 'held' ? image : undefined;
    },
    keepImage(path, image) {
      // Made and stored a moment later: not while the worker answers its first search.
      setTimeout(() => {
        void mirrorUsable()
          .then((state) => (state ? store.putImage(path, image()) : undefined))
          .catch(() => undefined);
      }, KEEP_IMAGE_AFTER_MS);
    },
  };
}

/** How long after opening the search head its image is stored (index-mirror.ts). */
export const KEEP_IMAGE_AFTER_MS = 1000;
