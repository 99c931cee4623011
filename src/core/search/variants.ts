/**
 * Word variants mined from the archive at index-build time: two words of one family ("admin" and
 * "administrator", "member" and "membership", "deploy" and "deployment") that the articles use
 * together. An agent types one ("exchange admin cannot remove a member"), the article's title and
 * terms hold the other ("Administrator Program Is Not Updating DL Membership List"); Porter does
 * not join them, and a plain "word cut short" rule (expand.ts) cannot tell "admin" =
 * administrator from "admin" = admin.exe. What the archive's texts say decides: a variant is kept
 * when most articles using the word also use it, far more than articles at large do.
 *
 * A family is words sharing their start (one begins the other, or they differ only in their last
 * letter or two), so a variant sits next to its word in the sorted vocabulary: the query side reads
 * it only where it is in the same postings part as the word (query.ts), and a first search reads
 * no part more than before.
 */

import { WordIds } from './word-ids';

/** Articles a word needs before its company counts. */
const MIN_DF = 5;
/** Articles using both words that a pair needs. */
const MIN_BOTH = 3;
/** Share of the word's articles that also use the variant. */
const MIN_SHARE = 0.3;
/** ...and how many times more than articles at large use it. */
const MIN_LIFT = 4;
/** Variants kept per word, the most used alongside it first. */
const MAX_VARIANTS = 2;
/** Shortest word that may stand for a longer one: "app" or "adm" is too many words' start. */
const MIN_WORD = 4;
/** Vocabulary steps looked at after a word for the words it begins. */
const SCAN = 400;
/** Text after these lines is the archive's tags ("kbAudDeveloper kbSMS200"), not the article's words. */
const TAIL = /^\s*(?:Additional query words:|Keywords\s*:)/m;
const WORD = /[a-z]+/g;

/**
 * Counts words per article, then their pairs. Memory: each article keeps its distinct word ids
 * (a few hundred numbers), the archive's ~15 million in typed arrays.
 */
export class VariantMiner {
  private readonly vocab = new WordIds();
  private readonly docs: Uint32Array[] = [];

  /** `stem`: the index's stemmer, so that variants are index terms. */
  constructor(private readonly stem: (word: string) => string) {}

  add(text: string): void {
    const tail = TAIL.exec(text);
    const body = (tail ? text.slice(0, tail.index) : text).toLowerCase();
    const seen = new Set<number>();
    for (const m of body.matchAll(WORD)) {
      if (m[0].length < 3) continue;
      const id = this.vocab.intern(this.stem(m[0]));
      if (!seen.has(id)) {
        seen.add(id);
        this.vocab.count(id);
      }
    }
    this.docs.push(Uint32Array.from(seen));
  }

  /**
   * "word\tvariant variant" lines, sorted; only variants for which `isTerm` holds (the search
   * index's vocabulary: a variant no article is indexed under finds nothing).
   */
  table(isTerm: (term: string) => boolean = () => true): string[] {
    const n = this.docs.length;
    const { words, df } = this.vocab;
    // Candidate pairs: words of one family, both used in MIN_DF articles.
    const common = words.map((w, id) => ({ w, id })).filter((x) => df[x.id]! >= MIN_DF);
    common.sort((a, b) => (a.w < b.w ? -1 : a.w > b.w ? 1 : 0));
    const pairsOf = new Map<number, number[]>();
    const pairs: [number, number][] = [];
    for (let i = 0; i < common.length; i++) {
      const a = common[i]!;
      for (let j = i + 1; j < common.length && j <= i + SCAN; j++) {
        const b = common[j]!;
        if (!b.w.startsWith(a.w.slice(0, MIN_WORD))) break;
        if (!sameFamily(a.w, b.w)) continue;
        const at = pairs.length;
        pairs.push([a.id, b.id]);
        for (const id of [a.id, b.id]) {
          let list = pairsOf.get(id);
          if (!list) pairsOf.set(id, (list = []));
          list.push(at);
        }
      }
    }
    // Articles using both words of each pair.
    const both = new Uint32Array(pairs.length);
    const inDoc = new Uint8Array(words.length);
    for (const doc of this.docs) {
      for (const id of doc) inDoc[id] = 1;
      for (const id of doc) {
        const list = pairsOf.get(id);
        if (!list) continue;
        // Each pair once per article: from its first word.
        for (const p of list) if (pairs[p]![0] === id && inDoc[pairs[p]![1]]) both[p]!++;
      }
      for (const id of doc) inDoc[id] = 0;
    }
    const chosen = new Map<string, { v: string; share: number }[]>();
    const offer = (from: number, to: number, c: number) => {
      const share = c / df[from]!;
      const lift = share / (df[to]! / n);
      const word = words[from]!;
      const variant = words[to]!;
      if (c < MIN_BOTH || share < MIN_SHARE || lift < MIN_LIFT || !isTerm(variant)) return;
      let list = chosen.get(word);
      if (!list) chosen.set(word, (list = []));
      list.push({ v: variant, share });
    };
    pairs.forEach(([a, b], p) => {
      if (standsFor(words[a]!, words[b]!)) offer(a, b, both[p]!);
      if (standsFor(words[b]!, words[a]!)) offer(b, a, both[p]!);
    });
    const lines: string[] = [];
    for (const [word, list] of chosen) {
      list.sort((x, y) => y.share - x.share || (x.v < y.v ? -1 : 1));
      lines.push(
        word +
          '\t' +
          list
            .slice(0, MAX_VARIANTS)
            .map((x) => x.v)
            .join(' '),
      );
    }
    return lines.sort();
  }
}

/**
 * Words of one family: one begins the other ("admin", "administr"; "member", "membership"), or they
 * are as long and differ in their last letter only, as a stem's ending does ("deploi", "deploy").
 * Not two words that share a start and go on differently ("perfopt", "perform"; "custid", "custom").
 */
export function sameFamily(a: string, b: string): boolean {
  if (a === b || a.length < MIN_WORD - 1 || b.length < MIN_WORD - 1) return false;
  if (a.startsWith(b) || b.startsWith(a)) return true;
  return a.length === b.length && a.length > MIN_WORD && a.slice(0, -1) === b.slice(0, -1);
}

/**
 * Whether a query word may stand for a variant of its family: a short form for its long form
 * ("admin" for "administr") or one spelling for another as long ("deploi", "deploy"); never a
 * longer word for a shorter one, which is most often another word ("logon" is not "log", "loader"
 * not "load", "datalist" not "data") and would count any article with the short one as having it.
 */
function standsFor(word: string, variant: string): boolean {
  return word.length >= MIN_WORD && word.length <= variant.length;
}

/** Mines the variants of every text (see VariantMiner). */
export function mineVariants(
  texts: Iterable<string>,
  stem: (word: string) => string,
  isTerm?: (term: string) => boolean,
): string[] {
  const m = new VariantMiner(stem);
  for (const t of texts) m.add(t);
  return m.table(isTerm);
}

/** The stored lines as a map: word -> its variants. */
export function variantMap(lines: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of lines) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    out.set(
      line.slice(0, tab),
      line
        .slice(tab + 1)
        .split(' ')
        .filter(Boolean),
    );
  }
  return out;
}
