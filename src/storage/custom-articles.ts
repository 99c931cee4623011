import browser from 'webextension-polyfill';
import type { ArticleRecord } from '../core/article/types';
import { done, request } from './idb';

/**
 * The team's own articles, imported on the options page and searched by the background next to
 * the bundled index. IndexedDB, not storage.local: a team's folder can hold thousands of records,
 * and IndexedDB is reachable from both the options page and the service worker. Plain promises
 * over the raw API, no library.
 */

export interface CustomArticle {
  q: string;
  record: ArticleRecord;
  /** Where it came from: the file's path in the folder or archive. */
  source: string;
  /** ms since epoch. */
  importedAt: number;
}

export interface CustomArticleStore {
  list(): Promise<CustomArticle[]>;
  /** Adds or replaces, by Q-number, in one transaction. */
  putMany(articles: CustomArticle[]): Promise<void>;
  remove(q: string): Promise<void>;
  clear(): Promise<void>;
}

export const DB_NAME = 'kblens-custom';
const DB_VERSION = 1;
const STORE = 'articles';

/**
 * Pages and the background learn of a change through this channel (same origin, so the service
 * worker hears it while awake) and, for a worker that was asleep, through REVISION_KEY in
 * storage.local, which it can compare at start-up.
 */
export const CHANGE_CHANNEL = 'kblens-custom-articles';
export const REVISION_KEY = 'customArticlesRevision';

/** Records in storage.local that the articles changed, for a worker that was asleep. */
export async function bumpCustomArticlesRevision(): Promise<void> {
  await browser.storage.local.set({ [REVISION_KEY]: Date.now() });
}

/** Calls back when the options page imported or removed articles. */
export function watchCustomArticlesRevision(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && REVISION_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(DB_NAME, DB_VERSION);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'q' });
  };
  return request(req);
}

export function indexedDbStore(factory: IDBFactory = indexedDB): CustomArticleStore {
  let db: Promise<IDBDatabase> | null = null;
  const getDb = () => (db ??= open(factory));
  const run = async (mode: IDBTransactionMode, body: (store: IDBObjectStore) => void) => {
    const tx = (await getDb()).transaction(STORE, mode);
    body(tx.objectStore(STORE));
    await done(tx);
  };
  return {
    async list() {
      const tx = (await getDb()).transaction(STORE, 'readonly');
      const all = (await request(tx.objectStore(STORE).getAll())) as CustomArticle[];
      return all.sort((a, b) => a.q.localeCompare(b.q, 'en', { numeric: true }));
    },
    putMany: (articles) => run('readwrite', (s) => articles.forEach((a) => s.put(a))),
    remove: (q) => run('readwrite', (s) => s.delete(q)),
    clear: () => run('readwrite', (s) => s.clear()),
  };
}

/** The same contract in memory: for tests and for a context without IndexedDB. */
export function memoryStore(initial: CustomArticle[] = []): CustomArticleStore {
  const map = new Map(initial.map((a) => [a.q, a]));
  return {
    list: async () => [...map.values()].sort((a, b) => a.q.localeCompare(b.q, 'en', { numeric: true })),
    putMany: async (articles) => articles.forEach((a) => map.set(a.q, structuredClone(a))),
    remove: async (q) => void map.delete(q),
    clear: async () => map.clear(),
  };
}
