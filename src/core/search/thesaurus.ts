/**
 * One table for every "says the same" the query side knows: the archive's acronyms and title tags
 * (mined at build time, stored in the index), the ticket synonyms, the product shorthand and the
 * service packs (synonyms.ts). Phrases are kept as index terms (stemmed, stopwords dropped), so a
 * query's words can be compared with them directly.
 */
import { contentId } from '../index/content-id';
import { STOPWORDS } from './tokenize';
import { stemmerKeeping, stemTerm, unstemmedShortForms } from './stem';
import {
  ABBREVIATIONS,
  ONE_LETTER_PREFIXED,
  OVERVIEW_SYNONYMS,
  SERVICE_PACKS,
  SHORTHAND,
  SHORTHAND_PRODUCTS,
  SYNONYM_GROUPS,
} from './synonyms';

export interface ThesaurusEntry {
  /** The phrase as index terms: ["outlook", "web", "access"]. */
  phrase: string[];
  /** The other phrases of its group. */
  others: string[][];
  /** How much a match through this entry is worth against the word itself. */
  quality: number;
}

/** First term of a phrase -> the entries starting with it, longest phrase first. A Map is one. */
export interface EntriesByFirst {
  get(first: string): readonly ThesaurusEntry[] | undefined;
  keys(): IterableIterator<string>;
}

export interface Thesaurus {
  readonly byFirst: EntriesByFirst;
  /** The index's stemmer: Porter, except for the archive's acronyms it would turn into other words. */
  readonly stem: (word: string) => string;
  /** The acronyms `stem` leaves as written (AliasTerms.keep): what it is remade from (thesaurusFromData). */
  readonly keep: readonly string[];
}

/** The archive's own spelled-out acronyms are near-certain; ticket synonyms less so. */
const ALIAS_QUALITY = 0.9;
const SYNONYM_QUALITY = 0.75;

/** A phrase as index terms: lowercase words, stopwords dropped, stemmed; "4.0" stays whole. */
export function phraseTerms(phrase: string, stem: (word: string) => string = stemTerm): string[] {
  return phrase
    .toLowerCase()
    .split(/[\s\-/]+/)
    .map((w) => w.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ''))
    .filter((w) => w && !STOPWORDS.has(w))
    .map(stem);
}

/**
 * The archive's alias lines as the thesaurus uses them: stemmed once when the index is written,
 * so that a worker opening the index does not run the stemmer over every line while a popup waits.
 */
export interface AliasTerms {
  /** Short forms the stemmer leaves as written (unstemmedShortForms). */
  keep: string[];
  /** Per alias line that makes a group: its short form and its long form, as index terms. */
  groups: string[][][];
}

export function aliasTerms(aliasLines: readonly string[]): AliasTerms {
  const keep = unstemmedShortForms(aliasLines);
  const stem = stemmerKeeping(keep);
  const groups: string[][][] = [];
  for (const line of aliasLines) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const short = line.slice(0, tab);
    // An acronym that is also an everyday word ("as", "at") would widen every query that has it.
    if (STOPWORDS.has(short)) continue;
    groups.push([short, line.slice(tab + 1)].map((p) => phraseTerms(p, stem)));
  }
  return { keep: [...keep], groups };
}

/** The thesaurus of an index: from its alias lines, or from those lines as aliasTerms stored them. */
export function buildThesaurus(aliases: readonly string[] | AliasTerms): Thesaurus {
  const alias = Array.isArray(aliases) ? aliasTerms(aliases as readonly string[]) : (aliases as AliasTerms);
  const byFirst = new Map<string, ThesaurusEntry[]>();
  const stem = stemmerKeeping(new Set(alias.keep));
  const addTerms = (phrases: readonly string[][], quality: number) => {
    const terms = phrases.filter((p) => p.length > 0);
    terms.forEach((phrase, i) => {
      const others = terms.filter((_, j) => j !== i && terms[j]!.join(' ') !== phrase.join(' '));
      if (others.length === 0) return;
      let list = byFirst.get(phrase[0]!);
      if (!list) byFirst.set(phrase[0]!, (list = []));
      list.push({ phrase, others, quality });
    });
  };
  const addGroup = (phrases: readonly string[], quality: number) =>
    addTerms(
      phrases.map((p) => phraseTerms(p, stem)),
      quality,
    );
  for (const g of SYNONYM_GROUPS) addGroup(g, SYNONYM_QUALITY);
  for (const g of SHORTHAND) addGroup(g, ALIAS_QUALITY);
  for (const g of OVERVIEW_SYNONYMS) addGroup(g, SYNONYM_QUALITY);
  for (const g of SHORTHAND_PRODUCTS) addGroup(g, ALIAS_QUALITY);
  for (const g of SERVICE_PACKS) addGroup(g, ALIAS_QUALITY);
  for (const g of ABBREVIATIONS) addGroup(g, ALIAS_QUALITY);
  for (const g of ONE_LETTER_PREFIXED) addGroup(g, ALIAS_QUALITY);
  for (const g of alias.groups) addTerms(g, ALIAS_QUALITY);
  for (const list of byFirst.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
  return { byFirst, stem, keep: alias.keep };
}

/**
 * The identity of what buildThesaurus adds from the code rather than the index (the groups of
 * synonyms.ts, their qualities): an opened thesaurus kept across worker lives (head-image.ts) is
 * that code's too, and an extension updated with other synonyms over the same index must not read it.
 */
export function thesaurusCodeId(): string {
  const groups = [
    SYNONYM_GROUPS,
    SHORTHAND,
    OVERVIEW_SYNONYMS,
    SHORTHAND_PRODUCTS,
    SERVICE_PACKS,
    ABBREVIATIONS,
    ONE_LETTER_PREFIXED,
  ];
  return contentId(new Map([['thesaurus', JSON.stringify([groups, SYNONYM_QUALITY, ALIAS_QUALITY])]]));
}

/** A thesaurus made again from its data (head-image.ts keeps it): only the stemmer is remade. */
export function thesaurusFromData(byFirst: EntriesByFirst, keep: readonly string[]): Thesaurus {
  return { byFirst, keep, stem: stemmerKeeping(new Set(keep)) };
}

/** Each first term's entries as text (packEntries), in the order of `firsts`. */
export interface PackedEntries {
  firsts: string[];
  texts: string[];
}

export function packEntries(byFirst: EntriesByFirst): PackedEntries {
  const firsts = [...byFirst.keys()];
  return {
    firsts,
    texts: firsts.map((f) => JSON.stringify(byFirst.get(f)!.map((e) => [e.phrase, e.others, e.quality]))),
  };
}

/**
 * Packed entries read back, each first term's list made on first use: a restarted worker's search
 * head opens without making the thousands of small arrays of the whole table (a third of reading
 * its kept image), and a query asks for a few first terms. A list whose text does not read (a
 * damaged copy) has no entries.
 */
export function unpackEntries({ firsts, texts }: PackedEntries): EntriesByFirst {
  const at = new Map<string, number>();
  firsts.forEach((f, i) => at.set(f, i));
  const made: (readonly ThesaurusEntry[] | undefined)[] = new Array(firsts.length);
  return {
    get(first) {
      const i = at.get(first);
      if (i === undefined) return undefined;
      return (made[i] ??= readEntries(texts[i]!));
    },
    keys: () => at.keys(),
  };
}

function readEntries(text: string): readonly ThesaurusEntry[] {
  try {
    const rows = JSON.parse(text) as [string[], string[][], number][];
    return rows.map(([phrase, others, quality]) => ({ phrase, others, quality }));
  } catch {
    return [];
  }
}

export interface ThesaurusMatch {
  /** Positions in the query's words that the phrase covers. */
  from: number;
  to: number;
  entry: ThesaurusEntry;
}

/** Every phrase of the table found in the query's words (as index terms), at each position. */
export function findPhrases(thesaurus: Thesaurus, terms: readonly string[]): ThesaurusMatch[] {
  const out: ThesaurusMatch[] = [];
  for (let i = 0; i < terms.length; i++) {
    for (const entry of thesaurus.byFirst.get(terms[i]!) ?? []) {
      const n = entry.phrase.length;
      if (i + n > terms.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = terms[i + k] === entry.phrase[k];
      if (ok) out.push({ from: i, to: i + n, entry });
    }
  }
  return out;
}
