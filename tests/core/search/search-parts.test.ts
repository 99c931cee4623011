/**
 * An index opened from its head and read part by part as searches touch them (searchReading)
 * answers exactly what the whole index answers, reads only what a query touches, shares reads
 * between concurrent searches, and after a failed read reports the file, keeps nothing computed
 * without it, and answers correctly once the file can be read.
 */
import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  isWhole,
  loadSearchIndex,
  openSearchIndex,
  readEveryPart,
  readEveryPartGently,
  search,
  searchReading,
  splitSearchIndex,
  type SearchIndex,
  type SearchPartReader,
} from '../../../src/core/search';
import { record } from '../../fixtures/search/records';

const WORDS = ['spooler', 'registry', 'logon', 'profile', 'printer', 'driver', 'setup', 'network', 'service', 'font'];

function records() {
  const out = [];
  for (let i = 0; i < 600; i++) {
    const w = (k: number) => WORDS[(i * k) % WORDS.length]!;
    out.push(
      record({
        q: `Q${150000 + i * 7}`,
        title: `${w(1)} ${w(3)} ${i % 4 === 0 ? 'hangs' : i % 4 === 1 ? 'stops responding' : 'fails'} after ${w(7)} update ${i}`,
        products: i % 2 ? ['Windows NT Server'] : ['Microsoft Exchange Server'],
        versions: i % 3 ? ['Windows NT Server 4.0'] : ['Exchange Server 5.5'],
        keywords: [w(11), `kw${i % 37}`],
        errors: i % 5 === 0 ? [`The ${w(13)} service terminated unexpectedly`] : [],
        files: i % 7 === 0 ? [[`${w(17)}.dll`, '4.0.1381.33']] : [],
      }),
    );
  }
  return out;
}

const data = buildSearchIndex(records());
// Small parts, so that a query touches some and not others.
const stored = JSON.parse(JSON.stringify(splitSearchIndex(data, { partChars: 400, titlesPerPart: 40 }))) as ReturnType<
  typeof splitSearchIndex
>;
const TITLES = Array.from({ length: Math.ceil(data.count / 40) }, (_, n) => data.titles.slice(n * 40, n * 40 + 40));
const whole = loadSearchIndex(data);

interface Reads {
  log: string[];
  fail: Set<string>;
}

function lazy(reads: Reads = { log: [], fail: new Set() }): { ix: SearchIndex; reads: Reads } {
  const fileOf: SearchPartReader['fileOf'] = (kind, n) => `${kind}/${n}.json`;
  const read = async <T>(file: string, value: T): Promise<T> => {
    await new Promise((r) => setTimeout(r, 0));
    reads.log.push(file);
    if (reads.fail.has(file)) throw new Error('HTTP 404');
    return JSON.parse(JSON.stringify(value)) as T;
  };
  const reader: SearchPartReader = {
    terms: (n) => read(fileOf('terms', n), stored.parts[n]!),
    titles: (n) => read(fileOf('titles', n), TITLES[n]!),
    fileOf,
  };
  return { ix: openSearchIndex(stored.head, reader), reads };
}

const QUERIES = [
  'spooler service terminated unexpectedly',
  'registry logon fails nt 4.0',
  'spoler servce',
  'exchange 5.5 printer driver update',
  'spooler.dll 4.0.1381',
  'printer stops responding',
  'kw12 hangs',
  'Q150070',
  '15002',
];

function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}

describe('an index read part by part', () => {
  it('has several parts of each kind, so the tests below read some and not others', () => {
    expect(stored.parts.length).toBeGreaterThan(5);
    expect(TITLES.length).toBeGreaterThan(5);
  });

  it('answers every keystroke exactly as the whole index does', async () => {
    const { ix } = lazy();
    for (const text of keystrokes(QUERIES)) {
      expect(await searchReading(ix, text, { limit: 25 }), text).toEqual(search(whole, text, { limit: 25 }));
    }
  });

  it('keeps nothing from a pass that lacked parts: the same query asked again, at any length, answers as the whole index', async () => {
    for (const q of QUERIES) {
      const { ix } = lazy();
      // One pass with no part in memory: an answer over what it has, which a later search must not reuse.
      search(ix, q, { limit: 10 });
      expect(await searchReading(ix, q, { limit: 10 }), q).toEqual(search(whole, q, { limit: 10 }));
      expect(await searchReading(ix, q, { limit: 10 }), `${q}, again`).toEqual(search(whole, q, { limit: 10 }));
      expect(await searchReading(ix, q, { limit: 3 }), `${q}, 3`).toEqual(search(whole, q, { limit: 3 }));
      expect(await searchReading(ix, q, { limit: 25 }), `${q}, 25`).toEqual(search(whole, q, { limit: 25 }));
    }
  });

  it('answers a first query exactly, reading only the parts it touches', async () => {
    for (const q of QUERIES) {
      const { ix, reads } = lazy();
      expect(await searchReading(ix, q), q).toEqual(search(whole, q));
      expect(reads.log.length, q).toBeLessThan(stored.parts.length + TITLES.length);
      expect(new Set(reads.log).size, `${q}: a file read twice`).toBe(reads.log.length);
    }
  });

  it('reads the titles of what a first search shows, not of every candidate whose title could rank it', async () => {
    // Five articles about the query (title, message, keywords) and fifty that only have its words
    // far apart in a long title: those cannot reach the first five, whatever their titles say.
    const sketches = [
      ...Array.from({ length: 5 }, (_, i) =>
        record({
          q: `Q${200000 + i}`,
          title: `Spooler crash ${i}`,
          errors: [`The spooler crash was detected (${i})`],
          keywords: ['spooler', 'crash'],
        }),
      ),
      ...Array.from({ length: 50 }, (_, i) =>
        record({
          q: `Q${201000 + i}`,
          title: `Spooler settings notes for the office network and the crash dump reader, part ${i}`,
        }),
      ),
    ];
    const small = buildSearchIndex(sketches);
    const split = splitSearchIndex(small, { partChars: Infinity, titlesPerPart: 1 });
    const titlesRead: number[] = [];
    const ix = openSearchIndex(split.head, {
      terms: async (n) => split.parts[n]!,
      titles: async (n) => (titlesRead.push(n), [small.titles[n]!]),
      fileOf: (kind, n) => `${kind}/${n}.json`,
    });
    const q = 'spooler crash';
    const answer = await searchReading(ix, q, { limit: 5 });
    expect(answer).toEqual(search(loadSearchIndex(small), q, { limit: 5 }));
    expect(answer.map((r) => r.q)).toEqual(['Q200000', 'Q200001', 'Q200002', 'Q200003', 'Q200004']);
    expect(titlesRead.length).toBeLessThan(10);
  });

  it('reads the titles it shows in the same round as those that rank it: a first search waits once for titles', async () => {
    // Three articles with the query in their titles (their titles rank them) and three with its
    // words only in a quoted message (their titles are only shown).
    const sketches = [
      ...Array.from({ length: 3 }, (_, i) =>
        record({ q: `Q${300000 + i}`, title: `Spooler crash on print server ${i}`, errors: [`Spooler crash ${i}`] }),
      ),
      ...Array.from({ length: 3 }, (_, i) =>
        record({
          q: `Q${301000 + i}`,
          title: `Print queue stops ${i}`,
          errors: [`The spooler crash was detected (${i})`],
        }),
      ),
      ...Array.from({ length: 30 }, (_, i) => record({ q: `Q${302000 + i}`, title: `Unrelated topic ${i}` })),
    ];
    const small = buildSearchIndex(sketches);
    const split = splitSearchIndex(small, { partChars: Infinity, titlesPerPart: 1 });
    // Title reads asked for in one go (one pass's) form one round.
    const rounds: number[][] = [];
    let open: number[] | null = null;
    const ix = openSearchIndex(split.head, {
      terms: async (n) => split.parts[n]!,
      titles: (n) => {
        if (!open) {
          rounds.push((open = []));
          setTimeout(() => (open = null), 0);
        }
        open.push(n);
        // Answered after the round has closed (timers run in order): the next pass starts a new one.
        return new Promise((resolve) => setTimeout(() => resolve([small.titles[n]!]), 0));
      },
      fileOf: (kind, n) => `${kind}/${n}.json`,
    });
    const q = 'spooler crash';
    const answer = await searchReading(ix, q, { limit: 6 });
    expect(answer).toEqual(search(loadSearchIndex(small), q, { limit: 6 }));
    expect(answer.map((r) => r.q).sort()).toEqual(['Q300000', 'Q300001', 'Q300002', 'Q301000', 'Q301001', 'Q301002']);
    expect(rounds).toHaveLength(1);
  });

  it('answers with the team index in front, as the whole indexes do', async () => {
    const team = loadSearchIndex(buildSearchIndex([record({ q: 'Q150070', title: 'Our own spooler note' })]));
    const { ix } = lazy();
    const q = 'spooler hangs';
    expect(await searchReading([team, ix], q)).toEqual(search([team, whole], q));
  });

  it('reads a part once for searches running at the same time', async () => {
    const { ix, reads } = lazy();
    const texts = ['spooler service', 'spooler servic', 'spooler service terminated'];
    const answers = await Promise.all(texts.map((t) => searchReading(ix, t)));
    answers.forEach((a, i) => expect(a).toEqual(search(whole, texts[i]!)));
    expect(new Set(reads.log).size).toBe(reads.log.length);
  });

  it('reads everything when asked, and is then whole', async () => {
    const { ix, reads } = lazy();
    expect(isWhole(ix)).toBe(false);
    await readEveryPart(ix);
    expect(isWhole(ix)).toBe(true);
    expect(reads.log).toHaveLength(stored.parts.length + TITLES.length);
    for (const q of QUERIES) expect(search(ix, q), q).toEqual(search(whole, q));
  });

  it('reads everything in the background a few files at a time, each when its turn comes', async () => {
    let inFlight = 0;
    let most = 0;
    let open = false;
    const waiting: (() => void)[] = [];
    const read = async <T>(value: T): Promise<T> => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return JSON.parse(JSON.stringify(value)) as T;
    };
    const ix = openSearchIndex(stored.head, {
      terms: (n) => read(stored.parts[n]!),
      titles: (n) => read(TITLES[n]!),
      fileOf: (kind, n) => `${kind}/${n}.json`,
    });
    const done = readEveryPartGently(ix, 2, () => (open ? Promise.resolve() : new Promise((r) => waiting.push(r))));
    await new Promise((r) => setTimeout(r, 5));
    // Nothing is read before its turn (a search being answered goes first).
    expect(most).toBe(0);
    open = true;
    for (const go of waiting.splice(0)) go();
    await done;
    expect(most).toBe(2);
    expect(isWhole(ix)).toBe(true);
    for (const q of QUERIES) expect(search(ix, q), q).toEqual(search(whole, q));
  });

  it('reports a part it could not read by its file, keeps nothing from that pass, and reads it next time', async () => {
    const q = 'spooler service terminated unexpectedly';
    const first = lazy();
    await searchReading(first.ix, q);
    const touched = first.reads.log.filter((f) => f.startsWith('terms/'));
    expect(touched.length).toBeGreaterThan(0);

    const reads: Reads = { log: [], fail: new Set([touched[0]!]) };
    const { ix } = lazy(reads);
    await expect(searchReading(ix, q)).rejects.toThrow(touched[0]!);
    expect(ix.parts.postings[Number(/\d+/.exec(touched[0]!)![0])]).toBeUndefined();
    // Neither the words priced nor the phrases intersected while the part was missing are kept:
    // with the file readable again the answer is the whole index's, at once and as typed.
    reads.fail.clear();
    expect(await searchReading(ix, q)).toEqual(search(whole, q));
    for (const text of keystrokes([q])) expect(await searchReading(ix, text), text).toEqual(search(whole, text));
  });

  it('reports a titles file it could not read', async () => {
    const reads: Reads = { log: [], fail: new Set(TITLES.map((_, n) => `titles/${n}.json`)) };
    const { ix } = lazy(reads);
    await expect(searchReading(ix, 'spooler')).rejects.toThrow(/could not read titles\/\d+\.json: HTTP 404/);
    reads.fail.clear();
    expect(await searchReading(ix, 'spooler')).toEqual(search(whole, 'spooler'));
  });

  it('refuses a part that does not match the head', async () => {
    const reader: SearchPartReader = {
      terms: async (n) => ({ ...stored.parts[n]!, postings: stored.parts[n]!.postings.slice(1) }),
      titles: async (n) => TITLES[n]!,
      fileOf: (kind, n) => `${kind}/${n}.json`,
    };
    const ix = openSearchIndex(stored.head, reader);
    await expect(searchReading(ix, 'spooler')).rejects.toThrow(
      /terms\/\d+\.json does not hold the terms the head says/,
    );
  });

  it('names the format of a head it cannot read', () => {
    expect(() => openSearchIndex({ ...stored.head, format: 'kblens-search/2' as never }, null)).toThrow(
      /format kblens-search\/2.*rebuild the index/,
    );
  });
});
