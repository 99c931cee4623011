/**
 * Which vocabulary terms a query word stands for: itself, the words it begins (while it is being
 * typed), dotted continuations of a version or file name, and, failing all that, near misses.
 */
import { lowerBound, termId } from './load-index';
import { typoCandidates } from './typo';
import type { SearchIndex } from './types';

export const MatchKind = { Exact: 0, Prefix: 1, Typo: 2, Inflection: 3 } as const;
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

export function expandWord(index: SearchIndex, word: string, opts: ExpandOptions): Expansion[] {
  const out: Expansion[] = [];
  const exact = termId(index, word);
  if (exact >= 0) out.push({ id: exact, kind: MatchKind.Exact, quality: 1 });

  // "5.5.2591" means the build whatever comes after it: 5.5.2591.0 in a file table.
  if (/\d\.\d/.test(word)) {
    for (const id of range(index, word + '.', PREFIX_CAP[3])) {
      out.push({ id, kind: MatchKind.Prefix, quality: 0.9 });
    }
  }

  // Plurals and tenses of a finished word ("attachment" finds "attachments", "ndrs" finds "ndr").
  if (word.length >= 3 && /^[a-z]+$/.test(word)) {
    for (const form of inflections(word)) {
      const id = termId(index, form);
      if (id >= 0 && !out.some((e) => e.id === id)) out.push({ id, kind: MatchKind.Inflection, quality: 0.9 });
    }
  }

  if (opts.prefix) {
    const cap = PREFIX_CAP[Math.min(word.length, 3)]!;
    for (const id of range(index, word, cap)) {
      if (id === exact || out.some((e) => e.id === id)) continue;
      const t = index.terms[id]!;
      out.push({ id, kind: MatchKind.Prefix, quality: 0.45 + 0.45 * (word.length / t.length) });
    }
  }

  // A word with no exact hit may be a finished word with a slip in it, even when it also begins
  // some rarer term ("servr" begins "servraid" but means "server").
  // Numbers are codes and builds: 2186 is not a misspelt 2176.
  if (exact < 0 && opts.typos && !/\d/.test(word) && (out.length === 0 || opts.prefix)) {
    const fuzzyPrefix = opts.prefix && out.length === 0;
    for (const c of typoCandidates(index.terms, word, fuzzyPrefix, (id) => usage(index, id), TYPO_CAP)) {
      if (out.some((e) => e.id === c.id)) continue;
      const quality = (c.distance === 1 ? 0.6 : 0.4) * (fuzzyPrefix ? 0.85 : 1);
      out.push({ id: c.id, kind: MatchKind.Typo, quality });
    }
  }
  return out;
}

const SUFFIXES = ['s', 'es', 'ed', 'd', 'ing', 'er', 'ers'] as const;

function inflections(word: string): string[] {
  const out: string[] = SUFFIXES.map((s) => word + s);
  if (word.endsWith('es') && word.length > 4) out.push(word.slice(0, -2));
  if (word.endsWith('s') && word.length > 3) out.push(word.slice(0, -1));
  if (word.endsWith('ed') && word.length > 4) out.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('ing') && word.length > 5) out.push(word.slice(0, -3), word.slice(0, -3) + 'e');
  return out;
}

/** Terms starting with `prefix`, at most `cap`; when there are more, the most used ones. */
function range(index: SearchIndex, prefix: string, cap: number): number[] {
  const from = lowerBound(index.terms, prefix);
  const to = lowerBound(index.terms, prefix + '\uffff');
  if (to - from <= cap) return Array.from({ length: to - from }, (_, i) => from + i);
  const scanned = Math.min(to, from + PREFIX_SCAN);
  const ids: number[] = [];
  for (let id = from; id < scanned; id++) ids.push(id);
  return ids.sort((a, b) => usage(index, b) - usage(index, a) || a - b).slice(0, cap).sort((a, b) => a - b);
}

function usage(index: SearchIndex, id: number): number {
  return index.df[id]!;
}
