import type { ArticleRecord } from '../article/types';
import { BitWriter, riceParameter, writeVarint } from './codec';
import { titlePrefixAliases } from './aliases';
import { stemmerKeeping, unstemmedShortForms } from './stem';
import { indexTerms } from './tokenize';
import { mineVariants } from './variants';
import { productTable } from '../version/archive-products';
import { rawVersionNumbers, unpaddedVersion } from './versions';
import { FIELD, SEARCH_FORMAT, type SearchIndexData } from './types';

const CANONICAL_Q = /^Q(\d+)$/;

/**
 * Builds the serialisable search index (at index-build time, in Node). The output depends only on
 * the set of records: they are ordered by Q-number and the vocabulary is sorted, so the same
 * records always give the same bytes.
 */
export interface BuildSearchOptions {
  /** Acronyms mined from the articles' text (AliasMiner.table()); title tags are mined here. */
  aliases?: readonly string[];
  /**
   * More of each article's words, by number (index/topic-terms.ts searchWords): a field of their
   * own, weaker evidence than its distinctive terms.
   */
  searchWords?: ReadonlyMap<string, readonly string[]>;
  /** The articles' whole texts: the word variants they use together are mined from them (variants.ts). */
  texts?: Iterable<string>;
}

export function buildSearchIndex(records: readonly ArticleRecord[], opts: BuildSearchOptions = {}): SearchIndexData {
  const docs = orderByNumber(records);
  const aliases = [...new Set([...(opts.aliases ?? []), ...titlePrefixAliases(records)])].sort();
  // The query side stems with the same exceptions (thesaurus.ts, from the stored alias lines).
  const stemTerm = stemmerKeeping(unstemmedShortForms(aliases));
  const byTerm = new Map<string, number[]>(); // term -> [doc, mask, doc, mask, ...]

  docs.forEach(({ record }, doc) => {
    const masks = new Map<string, number>();
    const add = (text: string | null | undefined, field: number) => {
      if (!text) return;
      for (const t of indexTerms(text)) {
        const term = stemTerm(t);
        masks.set(term, (masks.get(term) ?? 0) | field);
        if (field === FIELD.errors && term !== t) masks.set(t, (masks.get(t) ?? 0) | FIELD.errorWord);
        // "QuickBASIC 4.50" is also "4.5" (and its "5"), as agents write it (versions.ts).
        const short = field === FIELD.products ? unpaddedVersion(term) : null;
        if (short) for (const s of [short, ...short.split('.')]) masks.set(s, (masks.get(s) ?? 0) | field);
      }
    };
    add(record.title, FIELD.title);
    for (const e of record.errors) add(e.text, FIELD.errors);
    for (const f of record.files) add(f.version ? `${f.name} ${f.version}` : f.name, FIELD.files);
    for (const p of record.products) add(p, FIELD.products);
    for (const v of record.versions) add(v, FIELD.products);
    // An applies-to list that names no product ("See article") still has its version numbers.
    // Its parts too, as a product's version has them: "c 6.0" asks for "6" and "0" as words.
    if (record.versions.length === 0) add(rawVersionNumbers(record.versionsRaw ?? '').join(' '), FIELD.products);
    for (const o of record.os) add(o, FIELD.products);
    add(record.fixedIn, FIELD.products);
    for (const f of record.fixes) add(f.text, FIELD.products);
    for (const k of record.keywords) add(k, FIELD.keywords);
    // The archive's own search words for the article: the agents' vocabulary ("perfmon", "bsod").
    for (const w of record.queryWords ?? []) add(w, FIELD.keywords);
    // Records built before the column existed (a team's older import) have none.
    for (const t of record.terms ?? []) add(t, FIELD.terms);
    // Only the words the article has in no other field: one it has elsewhere gains little from a
    // weaker field, and would cost its term a mask per posting instead of one for all.
    for (const t of opts.searchWords?.get(record.q) ?? []) {
      for (const term of indexTerms(t).map(stemTerm)) if (!masks.has(term)) masks.set(term, FIELD.words);
    }
    for (const [term, mask] of masks) {
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = []));
      list.push(doc, mask);
    }
  });

  const vocabulary = [...byTerm.keys()].sort();
  const variants = opts.texts ? mineVariants(opts.texts, stemTerm, (t) => byTerm.has(t)) : [];
  const terms: string[] = [];
  const df: string[] = [];
  const masks: string[] = [];
  const maskSpans: string[] = [];
  const spans: string[] = [];
  const bits = new BitWriter();
  let prev = '';
  for (const term of vocabulary) {
    let shared = 0;
    while (shared < prev.length && shared < term.length && prev[shared] === term[shared]) shared++;
    writeVarint(terms, shared);
    terms.push(term.slice(shared), '\n');
    prev = term;

    const list = byTerm.get(term)!;
    const n = list.length / 2;
    writeVarint(df, n);

    // Most terms sit in one field everywhere; they store the mask once.
    let uniform = true;
    for (let i = 3; i < list.length && uniform; i += 2) uniform = list[i] === list[1];
    const maskStart = masks.length;
    if (uniform) writeVarint(masks, list[1]!);
    else {
      writeVarint(masks, 0);
      for (let i = 1; i < list.length; i += 2) writeVarint(masks, list[i]!);
    }
    // writeVarint pushes one character per array entry.
    writeVarint(maskSpans, masks.length - maskStart);

    const k = riceParameter(docs.length, n);
    const before = bits.length;
    let last = -1;
    for (let i = 0; i < list.length; i += 2) {
      bits.rice(list[i]! - last - 1, k);
      last = list[i]!;
    }
    bits.align();
    writeVarint(spans, bits.length - before);
  }

  const qs: string[] = [];
  let lastQ = 0;
  for (const { num } of docs) {
    writeVarint(qs, num - lastQ);
    lastQ = num;
  }

  return {
    format: SEARCH_FORMAT,
    count: docs.length,
    qs: qs.join(''),
    titles: docs.map(({ record }) => record.title),
    terms: terms.join(''),
    aliases,
    ...(variants.length > 0 ? { variants } : {}),
    products: productTable(records),
    df: df.join(''),
    masks: masks.join(''),
    maskSpans: maskSpans.join(''),
    spans: spans.join(''),
    postings: bits.toString(),
  };
}

function orderByNumber(records: readonly ArticleRecord[]): { record: ArticleRecord; num: number }[] {
  const docs = records.map((record) => {
    const m = CANONICAL_Q.exec(record.q);
    if (!m) throw new Error(`search index: "${record.q}" is not a canonical Q-number (Q227142)`);
    return { record, num: Number(m[1]) };
  });
  docs.sort((a, b) => a.num - b.num);
  for (let i = 1; i < docs.length; i++) {
    if (docs[i]!.num === docs[i - 1]!.num) throw new Error(`search index: ${docs[i]!.record.q} appears twice`);
  }
  return docs;
}
