/**
 * Articles about what a text describes, within a scope: the search index read as a bag of words.
 * A ticket's description around a pasted bounce ("an Inbox rule forwards to a custom recipient
 * we deleted") is no query an agent typed: it is long, most of its words say nothing, and an
 * article need not have them all. So, unlike search(), no coverage and no tiers: each of the
 * text's words an article has in its title, distinctive terms, keywords or quoted messages adds
 * that field's weight times the word's rarity, both among the scope's articles (a word every
 * article of the scope has, "message" among Exchange NDR articles, adds nothing) and in the
 * archive (a word of every tenth article, "set", tells no situation from another).
 *
 * The scope (e.g. articles about Exchange that are about NDRs) is a few term groups an article
 * must each have; it is worked out once per index and scope and kept.
 */
import { fieldsOf, phrasePostings, termId, termPostings, titleOf } from './load-index';
import { findPhrases } from './thesaurus';
import { indexTerms } from './tokenize';
import { FIELD, type SearchIndex, type TermPostings } from './types';

/** One condition of a scope: the article has one of `terms` (as written; stemmed here) in one of `fields`. */
export interface ScopeGroup {
  terms: readonly string[];
  fields: number;
}

export interface AboutHit {
  q: string;
  /** The article's position in the index (for other per-article reads, e.g. search/versions.ts). */
  doc: number;
  title: string;
  /** Sum over the text's words the article has: field weight x rarity (see the top of this file). */
  score: number;
  /** The text's words it has, as the text writes them, most telling first. */
  words: string[];
  /** Those of `words` its title has. */
  titleWords: string[];
  /** Those of `words` its distinctive terms have (FIELD.terms: what its problem sections are about). */
  termWords: string[];
  /**
   * What the article's search words add (AboutOptions.searchWords; 0 without): the text's words
   * it has only there. Apart from `score` and `words`, which say what its title and terms share.
   */
  told: number;
}

export interface AboutResult {
  /** The best articles, best first. */
  hits: AboutHit[];
  /** Any article's score (0 outside the scope or without any of the words). */
  scoreOf(q: string): number;
}

/** The fields a description's word counts in: not products, versions or file names. */
const ABOUT_FIELDS = FIELD.title | FIELD.terms | FIELD.keywords | FIELD.errors | FIELD.errorWord;

export interface AboutOptions {
  /**
   * Also weigh the best articles by their search words (FIELD.words: what their problem sections
   * repeat, the words their lead states the problem in): a ticket told in a user's own words
   * shares those more than the distinctive terms. Only the `limit` best by `score` are weighed,
   * into `told`: a word they alone share never brings an article in, nor adds to `score`.
   */
  searchWords?: boolean;
}

/** A search word counts least: below the keywords (ABOUT_WEIGHT). */
const SEARCH_WORD_WEIGHT = 1;

/** Most words of one text looked up: a pasted page's vocabulary is unbounded, a description's is not. */
export const MAX_ABOUT_WORDS = 400;

const scopes = new WeakMap<SearchIndex, Map<string, { inScope: Uint8Array; size: number }>>();

/**
 * A scope: articles that have every group (an array), or that are in any of several such scopes
 * (`anyOf`: "about SMS, or about both Host and Integration").
 */
export type Scope = readonly ScopeGroup[] | { anyOf: readonly (readonly ScopeGroup[])[] };

/** Per doc, 1 when it is in the scope (see Scope). */
function scopeOf(index: SearchIndex, scope: Scope): { inScope: Uint8Array; size: number } {
  if (!('anyOf' in scope)) return groupsScope(index, scope);
  const inScope = new Uint8Array(index.count);
  let size = 0;
  for (const groups of scope.anyOf) {
    const one = groupsScope(index, groups).inScope;
    for (let d = 0; d < one.length; d++) {
      if (!one[d] || inScope[d]) continue;
      inScope[d] = 1;
      size++;
    }
  }
  return { inScope, size };
}

/** Per doc, 1 when every group has one of its terms in one of its fields. */
function groupsScope(index: SearchIndex, groups: readonly ScopeGroup[]): { inScope: Uint8Array; size: number } {
  const key = groups.map((g) => `${g.fields}:${g.terms.join(',')}`).join('|');
  let kept = scopes.get(index);
  if (!kept) scopes.set(index, (kept = new Map()));
  const cached = kept.get(key);
  if (cached) return cached;
  // Kept only when every postings list it needed was in memory (an index read part by part).
  const misses = index.parts.misses;
  const count = new Uint8Array(index.count);
  groups.forEach((g, i) => {
    for (const t of new Set(g.terms.map((t) => index.thesaurus.stem(t)))) {
      const id = termId(index, t);
      if (id < 0) continue;
      const p = termPostings(index, id);
      for (let j = 0; j < p.docs.length; j++) {
        const d = p.docs[j]!;
        // Each group counts once per article, whichever of its terms it has.
        if (p.masks[j]! & g.fields && count[d] === i) count[d] = i + 1;
      }
    }
  });
  const inScope = new Uint8Array(index.count);
  let size = 0;
  for (let d = 0; d < count.length; d++) {
    if (count[d] !== groups.length) continue;
    inScope[d] = 1;
    size++;
  }
  const out = { inScope, size };
  if (index.parts.misses === misses) kept.set(key, out);
  return out;
}

/**
 * Field weights for a ticket's text: those search had when the bounce situations were tuned on
 * them. A typed query leans more on the title (rank.ts FIELD_WEIGHT); a ticket's description
 * around a bounce quotes the messages as much as it names the title's words.
 */
const ABOUT_WEIGHT = { title: 3, errors: 2.5, terms: 1.8, keywords: 1.2 } as const;

/** How much one posting says: its best field's weight (the title's shortened for long titles). */
function weightOf(mask: number, titleNorm: number): number {
  let w = 0;
  if (mask & FIELD.title) w = Math.max(w, ABOUT_WEIGHT.title * titleNorm);
  if (mask & (FIELD.errors | FIELD.errorWord)) w = Math.max(w, ABOUT_WEIGHT.errors);
  if (mask & FIELD.terms) w = Math.max(w, ABOUT_WEIGHT.terms);
  if (mask & FIELD.keywords) w = Math.max(w, ABOUT_WEIGHT.keywords);
  return w;
}

/**
 * The scope's articles that `words` (a text's words, in the text's order) describe, best first,
 * at most `limit`. Each word counts once, with the other ways the archive says it (thesaurus.ts:
 * "y2k" also finds "Year 2000").
 */
export function articlesAbout(
  index: SearchIndex,
  words: Iterable<string>,
  scope: Scope,
  limit = 10,
  opts: AboutOptions = {},
): AboutResult {
  const { inScope, size } = scopeOf(index, scope);
  const score = new Map<number, { s: number; words: { w: string; s: number; title: boolean; term: boolean }[] }>();
  let byQ: Map<number, number> | undefined;
  // Per word (unit), its rarity as a search word (AboutOptions), when articles of the scope have it only there.
  const told: number[] = [];
  const result = (): AboutResult => ({
    hits: [...score.entries()]
      .sort((a, b) => b[1].s - a[1].s || a[0] - b[0])
      .slice(0, limit)
      .map(([d, e]) => ({
        told: opts.searchWords ? toldOf(d) : 0,
        q: 'Q' + index.qnums[d],
        doc: d,
        title: titleOf(index, d) ?? '',
        score: Math.round(e.s * 1000) / 1000,
        words: e.words.sort((a, b) => b.s - a.s).map((x) => x.w),
        titleWords: e.words.filter((x) => x.title).map((x) => x.w),
        termWords: e.words.filter((x) => x.term).map((x) => x.w),
      })),
    scoreOf(q) {
      byQ ??= new Map([...score].map(([d, e]) => [index.qnums[d]!, Math.round(e.s * 1000) / 1000]));
      return byQ.get(Number(q.replace(/^Q/, ''))) ?? 0;
    },
  });
  if (size === 0) return result();
  // Index terms, in order, each with the first word of the text it came from.
  const terms: string[] = [];
  const shown = new Map<string, string>();
  for (const w of words) {
    if (shown.size >= MAX_ABOUT_WORDS) break;
    for (const t of indexTerms(w)) {
      const st = index.thesaurus.stem(t);
      if (!shown.has(st)) {
        terms.push(st);
        shown.set(st, w);
      }
    }
  }
  const units: TermPostings[][] = terms.map((t) => {
    const id = termId(index, t);
    return id < 0 ? [] : [termPostings(index, id)];
  });
  for (const { from, to, entry } of findPhrases(index.thesaurus, terms))
    if (to - from === 1)
      for (const other of entry.others) {
        const p = phrasePostings(index, other);
        if (p) units[from]!.push(p);
      }
  units.forEach((lists, u) => {
    // Per article, the best field this word (or another way of saying it) stands in.
    const best = new Map<number, number>();
    const inTitle = new Set<number>();
    const inTerms = new Set<number>();
    let df = 0;
    let toldDocs = 0;
    let dfAll = 0;
    for (const p of lists) {
      dfAll += p.docs.length;
      for (let j = 0; j < p.docs.length; j++) {
        const d = p.docs[j]!;
        // An article with the word only among its search words (FIELD.words, for search()) does
        // not make it more common here.
        if (p.masks[j] !== FIELD.words) df++;
        if (!inScope[d]) continue;
        if (!(p.masks[j]! & ABOUT_FIELDS)) {
          if (p.masks[j]! & FIELD.words) toldDocs++;
          continue;
        }
        best.set(d, Math.max(best.get(d) ?? 0, weightOf(p.masks[j]!, index.normByLength[index.titleLength[d]!]!)));
        if (p.masks[j]! & FIELD.title) inTitle.add(d);
        if (p.masks[j]! & FIELD.terms) inTerms.add(d);
      }
    }
    // A search word's rarity counts the articles with it only there too: a word the whole scope's
    // problem sections repeat tells little. `score` keeps the rarity it was tuned with.
    const rarityAmong = (n: number, inArchive: number) =>
      Math.min(Math.log(1 + size / n), Math.log(1 + index.count / Math.min(inArchive, index.count))) - Math.log(2);
    if (opts.searchWords && toldDocs > 0) told[u] = rarityAmong(best.size + toldDocs, dfAll);
    if (best.size === 0) return;
    const rarity = rarityAmong(best.size, df);
    if (rarity <= 0) return;
    for (const [d, w] of best) {
      let e = score.get(d);
      if (!e) score.set(d, (e = { s: 0, words: [] }));
      e.s += rarity * w;
      e.words.push({ w: shown.get(terms[u]!)!, s: rarity * w, title: inTitle.has(d), term: inTerms.has(d) });
    }
  });
  return result();

  /** What `doc`'s search words add: each text word it has there and in none of the fields above. */
  function toldOf(doc: number): number {
    let s = 0;
    units.forEach((lists, u) => {
      if (!(told[u]! > 0)) return;
      let mask = 0;
      for (const p of lists) mask |= fieldsOf(p, doc);
      if (mask & FIELD.words && !(mask & ABOUT_FIELDS)) s += told[u]! * SEARCH_WORD_WEIGHT;
    });
    return Math.round(s * 1000) / 1000;
  }
}
