/**
 * Searching an index whose parts are read on demand (load-index.ts, openSearchIndex): a pass
 * searches with what is in memory and notes the parts it asked for and did not have; those are
 * read and the search runs again, until a pass misses nothing. Reading every part is the same
 * machinery with every part asked for.
 */
import { addTermsPart, addTitlesPart } from './load-index';
import { search } from './query';
import type { SearchIndex, SearchOptions, SearchResult } from './types';

/**
 * Passes before giving up on reading only what the query touches and reading everything: a query
 * needs one pass for its postings, one for the titles that can change its top articles' order and
 * those it shows (query.ts, titlesToRead, searchOne) and, when the titles reorder the list, one
 * more: 3 in practice, so 6 leaves room before reading everything.
 */
const MAX_PASSES = 6;

/** `search`, reading the parts of the indexes it touches first. Answers exactly what `search` does over whole indexes. */
export function searchReading(
  indexes: SearchIndex | readonly SearchIndex[],
  query: string,
  opts: SearchOptions = {},
): Promise<SearchResult[]> {
  return readingFor(indexes, () => search(indexes, query, opts));
}

/**
 * Any reading of the indexes (a search, search/about.ts's articles about some words), run again
 * after reading the parts a pass asked for and did not have, until a pass misses none: the same
 * answer as over whole indexes, for the price of the parts it touches.
 */
export async function readingFor<T>(indexes: SearchIndex | readonly SearchIndex[], pass: () => T): Promise<T> {
  const list: readonly SearchIndex[] = Array.isArray(indexes) ? indexes : [indexes as SearchIndex];
  for (let n = 0; n < MAX_PASSES; n++) {
    for (const ix of list) startPass(ix);
    const answer = pass();
    if (list.every((ix) => ix.parts.wantedTerms.size === 0 && ix.parts.wantedTitles.size === 0)) return answer;
    await Promise.all(list.map(readWanted));
  }
  await Promise.all(list.map(readEveryPart));
  for (const ix of list) startPass(ix);
  return pass();
}

function startPass(index: SearchIndex): void {
  index.parts.wantedTerms.clear();
  index.parts.wantedTitles.clear();
}

/** Reads the parts the last pass over `index` asked for (taken now: the next pass starts afresh). */
export function readWanted(index: SearchIndex): Promise<void> {
  const { wantedTerms, wantedTitles } = index.parts;
  return readParts(index, [...wantedTerms], [...wantedTitles]);
}

/** Reads every part not in memory yet: the index is then whole (the CLI, the eval, after a first answer). */
export function readEveryPart(index: SearchIndex): Promise<void> {
  const { terms, titles } = missingParts(index);
  return readParts(index, terms, titles);
}

/**
 * readEveryPart, `atOnce` parts at a time, each after `turn` resolves: in the background of a
 * worker that also answers searches, whose own reads then wait behind at most that many.
 */
export async function readEveryPartGently(
  index: SearchIndex,
  atOnce: number,
  turn: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const { terms, titles } = missingParts(index);
  const queue: [number[], number[]][] = [
    ...terms.map((n): [number[], number[]] => [[n], []]),
    ...titles.map((n): [number[], number[]] => [[], [n]]),
  ];
  const worker = async () => {
    for (;;) {
      await turn();
      const next = queue.shift();
      if (!next) return;
      await readParts(index, next[0], next[1]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, atOnce) }, worker));
}

function missingParts(index: SearchIndex): { terms: number[]; titles: number[] } {
  const { postings, titles } = index.parts;
  const out = { terms: [] as number[], titles: [] as number[] };
  for (let i = 0; i < postings.length; i++) if (postings[i] === undefined) out.terms.push(i);
  for (let i = 0; i < titles.length; i++) if (titles[i] === undefined) out.titles.push(i);
  return out;
}

/** True when every part of `index` is in memory. */
export function isWhole(index: SearchIndex): boolean {
  const { postings, titles } = index.parts;
  for (let i = 0; i < postings.length; i++) if (postings[i] === undefined) return false;
  for (let i = 0; i < titles.length; i++) if (titles[i] === undefined) return false;
  return true;
}

async function readParts(index: SearchIndex, terms: readonly number[], titles: readonly number[]): Promise<void> {
  const parts = index.parts;
  const reads: Promise<void>[] = [];
  for (const n of terms)
    if (parts.postings[n] === undefined)
      reads.push(
        once(index, `t${n}`, 'terms', n, async (reader, file) => addTermsPart(index, n, await reader.terms(n), file)),
      );
  for (const n of titles)
    if (parts.titles[n] === undefined)
      reads.push(
        once(index, `n${n}`, 'titles', n, async (reader, file) =>
          addTitlesPart(index, n, await reader.titles(n), file),
        ),
      );
  // Every read settles before an error is reported, so none is left running unobserved.
  const settled = await Promise.allSettled(reads);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
}

/** One read per part at a time, shared by concurrent searches; a failed read is forgotten, so the next search tries again. */
function once(
  index: SearchIndex,
  key: string,
  kind: 'terms' | 'titles',
  n: number,
  read: (reader: NonNullable<SearchIndex['parts']['reader']>, file: string) => Promise<void>,
): Promise<void> {
  const parts = index.parts;
  const known = parts.reading.get(key);
  if (known) return known;
  const reader = parts.reader;
  if (!reader)
    return Promise.reject(new Error(`search index: ${kind} part ${n} is missing and there is nothing to read it from`));
  const file = reader.fileOf(kind, n);
  const p = (async () => {
    try {
      await read(reader, file);
    } catch (e) {
      throw new Error(`search index: could not read ${file}: ${(e as Error)?.message ?? String(e)}`, { cause: e });
    } finally {
      parts.reading.delete(key);
    }
  })();
  parts.reading.set(key, p);
  return p;
}
