/**
 * Copies of the bundled index's files in IndexedDB, for the service worker. A worker that Chrome
 * stopped after idling starts again for the popup's first search, and reading a packaged file
 * with fetch costs it ~1.5 ms of its own time per file, whatever the file's size: the first
 * search reads ~20 (the head, postings parts, title files). One IndexedDB transaction reads them
 * all for a fraction of that. The package stays the source of truth: the mirror only holds files
 * of the index whose content identity it was last reset to (background/index-source.ts).
 */

import { done, request } from './idb';

export interface IndexMirrorStore {
  /** The content identity the mirror holds files of, or undefined for an empty one. */
  identity(): Promise<string | undefined>;
  /** Empties the mirror and marks it as holding files of this index. */
  reset(identity: string): Promise<void>;
  /** The texts of these paths, undefined where the mirror has none: one transaction. */
  getMany(paths: readonly string[]): Promise<(string | undefined)[]>;
  put(path: string, text: string): Promise<void>;
  /** The opened form kept for a path's file (core/search/head-image.ts), or undefined. */
  image(path: string): Promise<unknown>;
  putImage(path: string, image: unknown): Promise<void>;
}

export const DB_NAME = 'kblens-index-mirror';
const DB_VERSION = 1;
const FILES = 'files';
/** The identity and the images are kept beside the files under keys no index path can take. */
const IDENTITY_KEY = '\0identity';
const imageKey = (path: string) => `\0image:${path}`;

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(DB_NAME, DB_VERSION);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(FILES)) req.result.createObjectStore(FILES);
  };
  return request(req);
}

/** `factory` is looked up on first use: a context without IndexedDB gets a mirror that refuses. */
export function indexedDbMirror(factory?: IDBFactory): IndexMirrorStore {
  let db: Promise<IDBDatabase> | null = null;
  const getDb = () =>
    (db ??= (async () => open(factory ?? indexedDB))().catch((e: unknown) => ((db = null), Promise.reject(e))));
  return {
    async identity() {
      const tx = (await getDb()).transaction(FILES, 'readonly');
      const id: unknown = await request(tx.objectStore(FILES).get(IDENTITY_KEY));
      return typeof id === 'string' ? id : undefined;
    },
    async reset(identity) {
      const tx = (await getDb()).transaction(FILES, 'readwrite');
      const files = tx.objectStore(FILES);
      files.clear();
      files.put(identity, IDENTITY_KEY);
      await done(tx);
    },
    async getMany(paths) {
      const files = (await getDb()).transaction(FILES, 'readonly').objectStore(FILES);
      return Promise.all(
        paths.map((p) => request(files.get(p)).then((t: unknown) => (typeof t === 'string' ? t : undefined))),
      );
    },
    async put(path, text) {
      const tx = (await getDb()).transaction(FILES, 'readwrite');
      tx.objectStore(FILES).put(text, path);
      await done(tx);
    },
    async image(path) {
      const tx = (await getDb()).transaction(FILES, 'readonly');
      return request(tx.objectStore(FILES).get(imageKey(path)));
    },
    async putImage(path, image) {
      const tx = (await getDb()).transaction(FILES, 'readwrite');
      tx.objectStore(FILES).put(image, imageKey(path));
      await done(tx);
    },
  };
}

/** The same contract in memory: for tests. */
export function memoryMirror(): IndexMirrorStore & { files: Map<string, string>; images: Map<string, unknown> } {
  const files = new Map<string, string>();
  const images = new Map<string, unknown>();
  let identity: string | undefined;
  return {
    files,
    images,
    identity: async () => identity,
    reset: async (id) => {
      files.clear();
      images.clear();
      identity = id;
    },
    getMany: async (paths) => paths.map((p) => files.get(p)),
    put: async (path, text) => void files.set(path, text),
    image: async (path) => images.get(path),
    putImage: async (path, image) => void images.set(path, structuredClone(image)),
  };
}
