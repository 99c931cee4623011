/**
 * Product and version written as one word, the way tickets do: "vfp6", "vb5", "iis4", "word97",
 * "sql65", "win31". The articles write the product out ("Visual FoxPro for Windows 6.0") and the
 * version apart, so the glued word alone finds only the few articles that happen to spell it so.
 * The shorthand list of synonyms.ts names the most common ones; this reads any of them: a name the
 * index knows (or an acronym it spells out) and a version number, kept only where the archive has
 * articles whose applies-to list pairs that product with that version.
 */
import { phrasePostings } from './load-index';
import { FIELD, type SearchIndex, type TermPostings } from './types';

/** The version: "6", "55", "5.5", "2k", or a release year ("fs2002", "mp2001"); "2000" is one of those. */
const GLUED = /^([a-z]{2,10})(\d{1,2}|(?:19|20)\d\d|2k|\d{1,2}\.\d{1,2})$/;
/** Letters a number follows that are not a product: a service pack, a port, a KB or bulletin number. */
const NOT_A_NAME: ReadonlySet<string> = new Set(['sp', 'q', 'kb', 'com', 'lpt', 'ms', 'mp', 'x', 'id', 'ws', 'irq']);
/** Articles whose applies-to list must name the product with the version. */
const MIN_PRODUCT_DOCS = 2;

/**
 * "6" -> "6.0", "55" -> "5.5", "97" -> "97", "2k" -> "2000": the version as the articles write it.
 * A dotted one ("ex5.5", "nt4.0", "win3.1") is already written so.
 */
export function versionTerm(digits: string): string {
  if (digits === '2k') return '2000';
  if (digits.includes('.')) return digits;
  if (digits.length === 1) return digits + '.0';
  if (digits.length === 2 && Number(digits) < 90) return digits[0] + '.' + digits[1];
  return digits;
}

/** The name and version of a glued word ("vfp6" -> vfp, 6.0), or null. */
export function splitGlued(word: string): { name: string; version: string } | null {
  const m = GLUED.exec(word);
  if (!m || NOT_A_NAME.has(m[1]!)) return null;
  return { name: m[1]!, version: versionTerm(m[2]!) };
}

/**
 * "ex5.5", "nt4.0", "win3.1": a glued product with a dotted version. The tokeniser cuts it at the
 * dot ("ex5" and "5", which would read as version 5.0 and a stray number); the query takes it
 * whole, as one word.
 */
export function isDottedGlued(compound: string): boolean {
  return compound.includes('.') && splitGlued(compound) !== null;
}

export interface GluedPhrase {
  /** Index terms the article must all have: the product (short or spelled out) and the version. */
  terms: string[];
  p: TermPostings;
}

/**
 * The phrases a glued word stands for in this index: its name, and each spelled-out form of it
 * (the thesaurus's one-word entries), with its version; only those the archive's applies-to lists
 * pair. Empty when the word is not a glued product and version.
 */
export function gluedPhrases(index: SearchIndex, word: string): GluedPhrase[] {
  const g = splitGlued(word);
  if (!g) return [];
  const names: string[][] = [[g.name]];
  for (const e of index.thesaurus.byFirst.get(g.name) ?? []) {
    if (e.phrase.length === 1) for (const o of e.others) names.push(o);
  }
  for (const n of namesFromGlued(index).get(g.name) ?? []) {
    if (!names.some((m) => m.join(' ') === n.join(' '))) names.push(n);
  }
  const out: GluedPhrase[] = [];
  for (const name of names) {
    const terms = [...name, g.version];
    const p = phrasePostings(index, terms);
    if (p && productDocs(p) >= MIN_PRODUCT_DOCS) out.push({ terms, p });
  }
  return out;
}

const gluedNames = new WeakMap<SearchIndex, Map<string, string[][]>>();

/**
 * What a glued word's letters stand for, learnt from the archive's glued acronyms: "FS98" spelled
 * "Flight Simulator 98" and "FS2000" "Flight Simulator 2000" make "fs" Flight Simulator, so
 * "fs2002" finds the articles that only write "Flight Simulator 2002"; "FP97" "FrontPage 97 for
 * Windows" makes "fp" FrontPage. The spelled-out words are those before the version.
 */
function namesFromGlued(index: SearchIndex): Map<string, string[][]> {
  let out = gluedNames.get(index);
  if (out) return out;
  out = new Map();
  const byFirst = index.thesaurus.byFirst;
  for (const first of byFirst.keys()) {
    const g = splitGlued(first);
    if (!g) continue;
    const digits = GLUED.exec(first)![2]!;
    for (const e of byFirst.get(first) ?? []) {
      if (e.phrase.length !== 1) continue;
      for (const o of e.others) {
        const at = o.findIndex((t) => t === g.version || t === digits);
        if (at < 1) continue;
        const name = o.slice(0, at);
        let list = out.get(g.name);
        if (!list) out.set(g.name, (list = []));
        if (!list.some((n) => n.join(' ') === name.join(' '))) list.push(name);
      }
    }
  }
  gluedNames.set(index, out);
  return out;
}

function productDocs(p: TermPostings): number {
  let n = 0;
  for (let i = 0; i < p.masks.length && n < MIN_PRODUCT_DOCS; i++) if (p.masks[i]! & FIELD.products) n++;
  return n;
}
