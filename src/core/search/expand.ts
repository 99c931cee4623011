/**
 * Which vocabulary terms a query word stands for: itself, the words it begins (while it is being
 * typed), dotted continuations of a version or file name, and, failing all that, near misses.
 */
import { lowerBound, termId, termPostings } from './load-index';
import { spellingVariants } from './spelling';
import { editDistance, typoCandidates } from './typo';
import { FIELD, type SearchIndex } from './types';
import { versionSpellings } from './versions';

export const MatchKind = { Exact: 0, Prefix: 1, Typo: 2, Inflection: 3, Surface: 4 } as const;
export type MatchKind = (typeof MatchKind)[keyof typeof MatchKind];

export interface Expansion {
  id: number;
  kind: MatchKind;
  /** 1 for the word itself, less for completions and corrections. */
  quality: number;
}

/** Completions kept for a prefix of 1, 2, 3+ characters: "s" must not drag in 2,000 words. */
const PREFIX_CAP = [0, 8, 20, 50] as const;
/** Vocabulary terms looked at to choose those completions. */
const PREFIX_SCAN = 6_000;
const TYPO_CAP = 12;

export interface ExpandOptions {
  /** The word may be unfinished: also match terms it begins. */
  prefix: boolean;
  /** Allow near misses when nothing else matches. */
  typos: boolean;
}

/**
 * Expansions already worked out, per index: a query is typed a letter at a time, so every
 * keystroke asks again for the words before the last one, and a misspelt word's typo scan (a few
 * thousand comparisons) would otherwise be paid again on each keystroke after it.
 */
const memo = new WeakMap<SearchIndex, Map<string, readonly Expansion[]>>();
const MEMO_MAX = 1024;

/** The expansions of `word`; the same list for the same word and options (do not modify it). */
export function expandWord(index: SearchIndex, word: string, opts: ExpandOptions): readonly Expansion[] {
  let known = memo.get(index);
  if (!known) memo.set(index, (known = new Map()));
  const key = (opts.prefix ? 'p' : '-') + (opts.typos ? 't' : '-') + word;
  let out = known.get(key);
  if (!out) {
    // A word whose postings were not read yet (a part still to come) is worked out again later.
    const misses = index.parts.misses;
    out = expandUncached(index, word, opts);
    if (index.parts.misses !== misses) return out;
    if (known.size >= MEMO_MAX) known.clear();
    known.set(key, out);
  }
  return out;
}

function expandUncached(index: SearchIndex, word: string, opts: ExpandOptions): Expansion[] {
  const out: Expansion[] = [];
  const has = (id: number) => out.some((e) => e.id === id);
  // The index holds stems: "crashes" is looked up as "crash".
  const stem = index.thesaurus.stem(word);
  const exact = termId(index, stem);
  if (exact >= 0) out.push({ id: exact, kind: MatchKind.Exact, quality: 1 });
  // The word as typed, where an error text has it unstemmed: it says the article quotes it.
  if (stem !== word) {
    const surface = termId(index, word);
    if (surface >= 0) out.push({ id: surface, kind: MatchKind.Surface, quality: 1 });
  }

  // "colour" is "color": the American spelling, where the archive uses it more than the word.
  for (const v of spellingVariants(word)) {
    const id = termId(index, index.thesaurus.stem(v));
    if (id >= 0 && id !== exact && !has(id) && usage(index, id) > (exact >= 0 ? usage(index, exact) : 0))
      out.push({ id, kind: MatchKind.Inflection, quality: SPELLING_QUALITY });
  }

  // "5.5.2591" means the build whatever comes after it: 5.5.2591.0 in a file table.
  if (/\d\.\d/.test(word)) {
    for (const id of range(index, word + '.', PREFIX_CAP[3])) {
      out.push({ id, kind: MatchKind.Prefix, quality: 0.9 });
    }
  }

  // "95" is also the year written out: "Cinemania 1995", "Encarta 1997".
  for (const v of versionSpellings(word)) {
    const id = v === word ? -1 : termId(index, v);
    if (id >= 0 && !has(id)) out.push({ id, kind: MatchKind.Prefix, quality: YEAR_QUALITY });
  }

  // "/machine" is also written "/M": programs take a switch cut short to its first letters.
  for (const id of switchShortForms(index, word)) {
    if (!has(id)) out.push({ id, kind: MatchKind.Prefix, quality: SWITCH_SHORT_QUALITY });
  }

  if (opts.prefix) {
    const cap = PREFIX_CAP[Math.min(word.length, 3)]!;
    for (const id of range(index, word, cap)) {
      if (id === exact || has(id)) continue;
      const t = index.terms.at(id);
      out.push({ id, kind: MatchKind.Prefix, quality: 0.45 + 0.45 * (word.length / Math.max(t.length, word.length)) });
    }
    // A word typed past its stem ("connecti") begins no stem: its stem ("connect") is what it means.
    for (let k = word.length - 1; k >= Math.max(4, word.length - 4); k--) {
      const id = termId(index, word.slice(0, k));
      if (id >= 0 && !has(id) && id !== exact) out.push({ id, kind: MatchKind.Inflection, quality: 0.8 });
    }
  }

  // A finished word that is short for a longer one ("crypto", "perf", "sync"): where the archive
  // uses the word's completions much more than the word, they are what it means.
  if (!opts.prefix) {
    for (const c of truncationCompletions(index, word, exact)) {
      if (!has(c.id)) out.push(c);
    }
  }

  // A word with no exact hit may be a finished word with a slip in it, even when it also begins
  // some rarer term ("servr" begins "servraid" but means "server").
  // Numbers are codes and builds: 2186 is not a misspelt 2176.
  if (exact < 0 && opts.typos && !/\d/.test(word) && (out.length === 0 || opts.prefix)) {
    const fuzzyPrefix = opts.prefix && out.length === 0;
    const add = (word: string, prefix: boolean, factor: number) => {
      for (const c of typoCandidates(index.terms, word, prefix, (id) => usage(index, id), TYPO_CAP)) {
        if (has(c.id)) continue;
        out.push({ id: c.id, kind: MatchKind.Typo, quality: (c.distance === 1 ? 0.6 : 0.4) * factor });
      }
    };
    add(fuzzyPrefix ? word : stem, fuzzyPrefix, fuzzyPrefix ? 0.85 : 1);
    // The last word of a query begins no term: it may be a finished word with a slip in it
    // ("troubleshoting"), which no prefix of a term is near.
    if (fuzzyPrefix && word.length >= 5) add(stem, false, 1);
  }

  // A slip that makes another, rare word ("extention" stems to "extent", "boundry" to an archive
  // typo): the much more common word one edit away is what was meant. Not while the word being
  // typed still begins longer words.
  if (exact >= 0 && opts.typos && !out.some((e) => e.kind === MatchKind.Prefix)) {
    for (const id of commonNeighbours(index, word, exact)) {
      if (!has(id)) out.push({ id, kind: MatchKind.Typo, quality: 0.6 });
    }
  }
  return out;
}

/** A British spelling is the American word, nearly surely. */
const SPELLING_QUALITY = 0.9;

/** A year written out is the year, though "95" is also a count or a code. */
const YEAR_QUALITY = 0.9;

/** A switch's short form stands for it less surely than the word as typed: "/s" is many switches. */
const SWITCH_SHORT_QUALITY = 0.7;
const SWITCH = /^\/[a-z]{2,}$/;

/** Terms of the switches `word` ("/machine") begins with ("/m", "/mach"), shortest first. */
function switchShortForms(index: SearchIndex, word: string): number[] {
  if (!SWITCH.test(word)) return [];
  const out: number[] = [];
  for (let k = 2; k < word.length; k++) {
    const id = termId(index, word.slice(0, k));
    if (id >= 0) out.push(id);
  }
  return out;
}

/** Completions of a truncated word count when the archive uses them this much more than the word. */
const TRUNCATION_RATIO = 2;
const TRUNCATION_CAP = 12;
const TRUNCATION_MIN_LENGTH = 4;

/**
 * The completions of `word` when it reads as cut short: a word of the archive, letters only, at
 * least four of them, whose completions (words, not file names: "config" means configuration, not
 * config.sys) are used in TRUNCATION_RATIO times as many articles as the word itself.
 */
function truncationCompletions(index: SearchIndex, word: string, exact: number): Expansion[] {
  // A word the archive never uses is a slip more often than a short form ("servr" is "server",
  // not "servraid"): the typo step has it.
  if (exact < 0 || word.length < TRUNCATION_MIN_LENGTH || !/^[a-z]+$/.test(word)) return [];
  const ids = range(index, word, TRUNCATION_CAP).filter((id) => id !== exact && /^[a-z]+$/.test(index.terms.at(id)));
  let df = 0;
  for (const id of ids) df += usage(index, id);
  if (ids.length === 0 || df < TRUNCATION_RATIO * usage(index, exact)) return [];
  return ids.map((id) => ({
    id,
    kind: MatchKind.Prefix,
    quality: 0.4 + 0.4 * (word.length / index.terms.at(id).length),
  }));
}

/** A word is suspect when its own stem is in at most this many articles... */
const SUSPECT_DF = 60;
/** ...and a word one edit away is in this many times as many. */
const NEIGHBOUR_RATIO = 10;
const NEIGHBOUR_MIN_LENGTH = 6;

/**
 * Terms of the common words one edit away from `word` (a letter dropped, added, changed or two
 * swapped, then stemmed as the index stems), when the word's own term `exact` is rare next to them.
 */
function commonNeighbours(index: SearchIndex, word: string, exact: number): number[] {
  const own = usage(index, exact);
  if (word.length < NEIGHBOUR_MIN_LENGTH || own > SUSPECT_DF || !/^[a-z]+$/.test(word)) return [];
  // A file or program name ("spoolsv") is written as it is, not misspelt.
  const { masks } = termPostings(index, exact);
  for (let i = 0; i < masks.length; i++) if (masks[i]! & FIELD.files) return [];
  const ownStem = index.terms.at(exact);
  const found = new Set<number>();
  for (const v of oneEdit(word)) {
    const id = termId(index, index.thesaurus.stem(v));
    if (id < 0 || id === exact || usage(index, id) < NEIGHBOUR_RATIO * Math.max(own, 2)) continue;
    // Stemming an edited word can cut a new suffix off ("shortcutmenu" + t = "shortcut-ment"): the
    // neighbour's stem must itself be one edit from the word's.
    if (editDistance(ownStem, index.terms.at(id), 1) <= 1) found.add(id);
  }
  return [...found].sort((a, b) => usage(index, b) - usage(index, a) || a - b).slice(0, 2);
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** Every word one edit from `w`; the first letter kept, as typoCandidates keeps it. */
function* oneEdit(w: string): Generator<string> {
  for (let i = 1; i <= w.length; i++) {
    if (i < w.length) yield w.slice(0, i) + w.slice(i + 1);
    if (i + 1 < w.length) yield w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    for (const c of ALPHABET) {
      if (i < w.length && c !== w[i]) yield w.slice(0, i) + c + w.slice(i + 1);
      yield w.slice(0, i) + c + w.slice(i);
    }
  }
}

/** Terms starting with `prefix`, at most `cap`; when there are more, the most used ones. */
function range(index: SearchIndex, prefix: string, cap: number): number[] {
  const from = lowerBound(index.terms, prefix);
  const to = lowerBound(index.terms, prefix + '\uffff');
  if (to - from <= cap) return Array.from({ length: to - from }, (_, i) => from + i);
  const scanned = Math.min(to, from + PREFIX_SCAN);
  // The `cap` most used, kept sorted by usage (ties: lower id first) as the scan goes: a prefix
  // of one letter spans thousands of terms, and sorting them all on each keystroke was most of
  // its cost.
  const best: number[] = [];
  for (let id = from; id < scanned; id++) {
    const u = usage(index, id);
    if (best.length === cap && u <= usage(index, best[cap - 1]!)) continue;
    let at = best.length === cap ? cap - 1 : best.length;
    // Ids come in ascending order, so an equal usage already kept stays ahead.
    while (at > 0 && usage(index, best[at - 1]!) < u) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = id;
  }
  return best.sort((a, b) => a - b);
}

function usage(index: SearchIndex, id: number): number {
  return index.df[id]!;
}
