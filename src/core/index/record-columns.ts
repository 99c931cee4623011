import type { Absence, ArticleRecord, FileVersion, Fix, FixKind, MessageKind, QuotedMessage } from '../article/types';
import { articleUrl } from '../kb-number';

/**
 * The stored form of article records (index format 2): a few hundred records per file, laid out
 * by column, with the strings that recur across the archive (products, versions, keywords, whole
 * fix lists) replaced by their number in a shared dictionary. Deflate finds repeats only within
 * 32 KB, so a record-by-record JSON file pays for "Microsoft Windows NT Server" and every field
 * name again and again; by column, and as small numbers, the records take 40% of the gzip bytes.
 *
 * Titles are not here: the search index needs them all anyway, so they are stored once, in the
 * title files (layout.ts), and joined in on read. What can be derived is not stored: the url
 * (from the number), fixedIn (the main fix's text) and fix (the main fix), except where an
 * article breaks that rule (RecordColumns.ex).
 */

/** A fix's facts beyond its release, where it has any. */
export type FixFacts = Pick<Fix, 'servicePackName' | 'rollupOn' | 'takenIn' | 'builtOn'>;

/** Fix as a tuple: text, product, version, servicePack, hotfix (0/1), source, then 1 when inferred, then its FixFacts. */
export type FixTuple =
  | [string, string, string, string | null, 0 | 1, Fix['source']]
  | [string, string, string, string | null, 0 | 1, Fix['source'], 0 | 1]
  | [string, string, string, string | null, 0 | 1, Fix['source'], 0 | 1, FixFacts];

/** A dictionary entry's number, or the value itself where it is rare in the archive. */
export type Ref<T> = number | T;

export interface RecordDictionary {
  products: string[];
  versions: string[];
  versionsRaw: string[];
  os: string[];
  keywords: string[];
  fixes: FixTuple[][];
}

/** One records file: each key is a column with one entry per record, in Q-number order. */
export interface RecordColumns {
  /** Q-number digits: the first absolute, then gaps. */
  q: number[];
  products: Ref<string>[][];
  versions: Ref<string>[][];
  versionsRaw: Ref<string>[];
  os: Ref<string>[][];
  keywords: Ref<string>[][];
  /** Days since 1970-01-01 (smaller and more alike than the ISO text); the text where it is not an ISO date. */
  lastModified: (number | string | null)[];
  fixes: Ref<FixTuple[]>[];
  /** Index into FIX_KINDS. */
  fixKind: number[];
  files: [string, string | null][][];
  /** text, kind (index into MESSAGE_KINDS), then the placeholders. */
  errors: [string, number, ...string[]][][];
  /** Related Q-numbers as differences from the article's own number; a string where not canonical. */
  related: Ref<string>[][];
  /** The distinctive terms, space-joined (one string compresses better than an array of them). */
  terms: string[];
  /** The archive's query words, space-joined; "" for none. Absent in files written before it existed. */
  queryWords?: string[];
  /**
   * The versions free of the problem (ArticleRecord.unaffected) of the few records that name any, by
   * position in this file: product, version, index into ABSENCE_RANGES. Absent in files written before it existed.
   */
  un?: Record<string, [string, string, number][]>;
  /** Records whose fixedIn or fix is not the one derived from fixes, by position in this file. */
  ex: Record<string, { fixedIn?: string | null; fix?: Fix | null }>;
}

// Append only: the index stores the position.
const FIX_KINDS: readonly FixKind[] = ['none', 'service-pack', 'hotfix', 'upgrade', 'workaround-only', 'other'];
const MESSAGE_KINDS: readonly MessageKind[] = ['error', 'ndr', 'event'];
const ABSENCE_RANGES: readonly Absence['range'][] = ['at', 'later', 'earlier'];
const CANONICAL_Q = /^Q([1-9]\d*)$/;

function qDigits(q: string): number | null {
  const m = CANONICAL_Q.exec(q);
  return m ? Number(m[1]) : null;
}

/**
 * Values that occur at least DICTIONARY_MIN times, most frequent first (ties by value), so common
 * ones get short numbers. Rarer values stay in their records file, where deflate still finds their
 * repeats nearby; this keeps dict.json, which every cold lookup parses, small.
 */
const DICTIONARY_MIN = 4;

function dictionaryOf<T>(values: Iterable<T>, key: (v: T) => string): { entries: T[]; ids: Map<string, number> } {
  const counts = new Map<string, { value: T; n: number }>();
  for (const v of values) {
    const k = key(v);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { value: v, n: 1 });
  }
  const kept = [...counts]
    .filter(([, c]) => c.n >= DICTIONARY_MIN)
    .sort(([ka, a], [kb, b]) => b.n - a.n || (ka < kb ? -1 : ka > kb ? 1 : 0));
  return { entries: kept.map(([, c]) => c.value), ids: new Map(kept.map(([k], i) => [k, i])) };
}

const fixTuple = (f: Fix): FixTuple => {
  const facts: FixFacts = {
    ...(f.servicePackName ? { servicePackName: f.servicePackName } : {}),
    ...(f.rollupOn ? { rollupOn: f.rollupOn } : {}),
    ...(f.takenIn ? { takenIn: f.takenIn } : {}),
    ...(f.builtOn ? { builtOn: f.builtOn } : {}),
  };
  const base = [f.text, f.product, f.version, f.servicePack, f.hotfix ? 1 : 0, f.source] as const;
  if (Object.keys(facts).length) return [...base, f.inferred ? 1 : 0, facts];
  return f.inferred ? [...base, 1] : [...base];
};
const fixOf = (t: FixTuple): Fix => {
  const f: Fix = { text: t[0], product: t[1], version: t[2], servicePack: t[3], hotfix: t[4] === 1, source: t[5] };
  if (t[6] === 1) f.inferred = true;
  return t[7] ? { ...f, ...t[7] } : f;
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const DAY_MS = 86_400_000;
const isoDay = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

function dayNumber(date: string | null): number | string | null {
  if (date === null || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const days = Date.parse(date + 'T00:00:00Z') / DAY_MS;
  return Number.isInteger(days) && isoDay(days) === date ? days : date;
}

/** Encodes records (sorted by number, all canonical Q-numbers) into a dictionary and per-file columns. */
export function encodeRecords(
  records: readonly ArticleRecord[],
  perFile: number,
): { dictionary: RecordDictionary; files: RecordColumns[] } {
  const str = (s: string) => s;
  const products = dictionaryOf(
    records.flatMap((r) => r.products),
    str,
  );
  const versions = dictionaryOf(
    records.flatMap((r) => r.versions),
    str,
  );
  const versionsRaw = dictionaryOf(
    records.map((r) => r.versionsRaw),
    str,
  );
  const os = dictionaryOf(
    records.flatMap((r) => r.os),
    str,
  );
  const keywords = dictionaryOf(
    records.flatMap((r) => r.keywords),
    str,
  );
  const fixes = dictionaryOf(
    records.map((r) => r.fixes.map(fixTuple)),
    (v) => JSON.stringify(v),
  );
  const ref = <T>(d: { ids: Map<string, number> }, v: T, key: string): Ref<T> => d.ids.get(key) ?? v;

  const files: RecordColumns[] = [];
  for (let start = 0; start < records.length; start += perFile) {
    const c: RecordColumns = {
      q: [],
      products: [],
      versions: [],
      versionsRaw: [],
      os: [],
      keywords: [],
      lastModified: [],
      fixes: [],
      fixKind: [],
      files: [],
      errors: [],
      related: [],
      terms: [],
      queryWords: [],
      ex: {},
    };
    let last = 0;
    records.slice(start, start + perFile).forEach((r, i) => {
      const num = qDigits(r.q);
      if (num === null) throw new Error(`index: "${r.q}" is not a canonical Q-number`);
      c.q.push(num - last);
      last = num;
      c.products.push(r.products.map((v) => ref(products, v, v)));
      c.versions.push(r.versions.map((v) => ref(versions, v, v)));
      c.versionsRaw.push(ref(versionsRaw, r.versionsRaw, r.versionsRaw));
      c.os.push(r.os.map((v) => ref(os, v, v)));
      c.keywords.push(r.keywords.map((v) => ref(keywords, v, v)));
      c.lastModified.push(dayNumber(r.lastModified));
      const tuples = r.fixes.map(fixTuple);
      c.fixes.push(ref(fixes, tuples, JSON.stringify(tuples)));
      const kind = FIX_KINDS.indexOf(r.fixKind);
      if (kind < 0) throw new Error(`index: ${r.q} has an unknown fix kind "${r.fixKind}"`);
      c.fixKind.push(kind);
      c.files.push(r.files.map((f) => [f.name, f.version]));
      c.errors.push(
        r.errors.map((e) => {
          const k = MESSAGE_KINDS.indexOf(e.kind);
          if (k < 0) throw new Error(`index: ${r.q} has an unknown message kind "${e.kind}"`);
          return [e.text, k, ...e.placeholders];
        }),
      );
      c.related.push(
        r.related.map((x) => {
          const n = qDigits(x);
          return n === null ? x : n - num;
        }),
      );
      c.terms.push(r.terms.join(' '));
      c.queryWords!.push((r.queryWords ?? []).join(' '));
      const main = r.fixes[0] ?? null;
      const ex: { fixedIn?: string | null; fix?: Fix | null } = {};
      if (r.fixedIn !== (main?.text ?? null)) ex.fixedIn = r.fixedIn;
      if (!same(r.fix, main)) ex.fix = r.fix;
      if (Object.keys(ex).length) c.ex[String(i)] = ex;
      if (r.unaffected?.length) {
        c.un ??= {};
        c.un[String(i)] = r.unaffected.map((a) => [a.product, a.version, ABSENCE_RANGES.indexOf(a.range)]);
      }
    });
    files.push(c);
  }
  return {
    dictionary: {
      products: products.entries,
      versions: versions.entries,
      versionsRaw: versionsRaw.entries,
      os: os.entries,
      keywords: keywords.entries,
      fixes: fixes.entries,
    },
    files,
  };
}

function lastModifiedOf(v: number | string | null): string | null {
  return typeof v === 'number' ? isoDay(v) : v;
}

function deref<T>(table: readonly T[], v: Ref<T>, what: string): T {
  if (typeof v !== 'number') return v;
  const t = table[v];
  if (t === undefined) throw new Error(`index: ${what} #${v} is not in the dictionary`);
  return t;
}

/**
 * A loaded records file: Q-numbers decoded up front (to find a record), each record built the
 * first time it is asked for.
 */
export class RecordFile {
  /** Q-number digits, ascending. */
  readonly nums: number[];
  private readonly built: (ArticleRecord | undefined)[];

  constructor(
    private readonly c: RecordColumns,
    private readonly dict: RecordDictionary,
    /** Titles of this file's records, in order. */
    private readonly titles: readonly string[],
  ) {
    let n = 0;
    this.nums = c.q.map((gap) => (n += gap));
    this.built = new Array<ArticleRecord | undefined>(this.nums.length);
    if (titles.length < this.nums.length) throw new Error('index: a records file has more records than titles');
  }

  get size(): number {
    return this.nums.length;
  }

  /** The record of Q-number digits `num`, if this file has it. */
  get(num: number): ArticleRecord | undefined {
    let lo = 0;
    let hi = this.nums.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.nums[mid]! < num) lo = mid + 1;
      else hi = mid;
    }
    return this.nums[lo] === num ? this.at(lo) : undefined;
  }

  at(i: number): ArticleRecord {
    const cached = this.built[i];
    if (cached) return cached;
    const { c, dict } = this;
    const num = this.nums[i]!;
    const q = 'Q' + num;
    const fixes = deref(dict.fixes, c.fixes[i]!, 'fix list').map(fixOf);
    const main = fixes[0] ?? null;
    const ex = c.ex[String(i)];
    const record: ArticleRecord = {
      q,
      title: this.titles[i]!,
      url: articleUrl(q),
      products: c.products[i]!.map((v) => deref(dict.products, v, 'product')),
      versions: c.versions[i]!.map((v) => deref(dict.versions, v, 'version')),
      versionsRaw: deref(dict.versionsRaw, c.versionsRaw[i]!, 'version field'),
      os: c.os[i]!.map((v) => deref(dict.os, v, 'operating system')),
      keywords: c.keywords[i]!.map((v) => deref(dict.keywords, v, 'keyword')),
      lastModified: lastModifiedOf(c.lastModified[i]!),
      fixedIn: ex && 'fixedIn' in ex ? ex.fixedIn! : (main?.text ?? null),
      fix: ex && 'fix' in ex ? ex.fix! : main,
      fixes,
      fixKind: FIX_KINDS[c.fixKind[i]!]!,
      files: c.files[i]!.map(([name, version]): FileVersion => ({ name, version })),
      errors: c.errors[i]!.map(([text, kind, ...placeholders]): QuotedMessage => ({
        text,
        kind: MESSAGE_KINDS[kind]!,
        placeholders,
      })),
      related: c.related[i]!.map((x) => (typeof x === 'number' ? 'Q' + (num + x) : x)),
      // Files written before the column existed read as no terms.
      terms: c.terms?.[i] ? c.terms[i]!.split(' ') : [],
    };
    const queryWords = c.queryWords?.[i];
    if (queryWords) record.queryWords = queryWords.split(' ');
    const un = c.un?.[String(i)];
    if (un)
      record.unaffected = un.map(([product, version, range]) => ({ product, version, range: ABSENCE_RANGES[range]! }));
    this.built[i] = record;
    return record;
  }
}
