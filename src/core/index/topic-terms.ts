/**
 * Each article's distinctive terms, chosen with the whole archive in view: tf-idf over the words
 * of its problem sections (article/topic-words.ts). One column, built once, read by the context
 * ranking (which article of several quoting one message the ticket is about) and by search.
 *
 * Memory: words are interned to numbers and each article keeps two small typed arrays, so the
 * archive's ~9 million (article, word) pairs cost tens of MB, not a Map per article.
 */
import { MAX_TERMS, type TopicCounts } from '../article/topic-words';
import { WordIds } from '../search/word-ids';

/** Words in more than this share of articles say nothing about any one of them. */
const MAX_DOC_SHARE = 0.05;
/** A word only one article uses is a typo or a name as often as a topic. */
const MIN_DOCS = 2;

export class TopicTermStats {
  private readonly vocab = new WordIds();
  private readonly docs: { ids: Uint32Array; counts: Float32Array; lead: readonly string[] }[] = [];

  /** Adds one article's counts and lead words; returns its document number for `terms`. */
  add(counts: TopicCounts, lead: readonly string[] = []): number {
    const ids = new Uint32Array(counts.size);
    const n = new Float32Array(counts.size);
    let i = 0;
    for (const [w, c] of counts) {
      const id = this.vocab.intern(w);
      this.vocab.count(id);
      ids[i] = id;
      n[i++] = c;
    }
    this.docs.push({ ids, counts: n, lead });
    return this.docs.length - 1;
  }

  /** The document's best terms by tf-idf, best first; ties by word, so the build is deterministic. */
  terms(doc: number, max = MAX_TERMS): string[] {
    const d = this.docs[doc];
    if (!d) throw new Error(`topic terms: no document ${doc}`);
    const total = this.docs.length;
    const cap = Math.max(MIN_DOCS, total * MAX_DOC_SHARE);
    const scored: { w: string; s: number }[] = [];
    for (let i = 0; i < d.ids.length; i++) {
      const df = this.vocab.df[d.ids[i]!]!;
      if (df > cap || (total > 100 && df < MIN_DOCS)) continue;
      scored.push({ w: this.vocab.words[d.ids[i]!]!, s: (1 + Math.log(d.counts[i]!)) * Math.log(total / df) });
    }
    scored.sort((a, b) => b.s - a.s || (a.w < b.w ? -1 : a.w > b.w ? 1 : 0));
    return scored.slice(0, max).map((x) => x.w);
  }

  /**
   * More of the document's words for search, beyond its `terms` (`except`): the words its problem
   * sections repeat or that SYMPTOMS and CAUSE use ("delay", "logon", "script"), in up to
   * MAX_SHARE_SEARCH of the articles. The distinctive terms favour the rarest words, which in a
   * long article are names out of a trace or a quoted RFC; an agent describes the problem in the
   * words these sections use, so here rarity counts only up to RARITY_CAP and the count decides.
   */
  searchWords(doc: number, except: readonly string[], max = MAX_SEARCH_WORDS): string[] {
    const d = this.docs[doc];
    if (!d) throw new Error(`topic terms: no document ${doc}`);
    const total = this.docs.length;
    const cap = Math.max(MIN_DOCS, total * MAX_SHARE_SEARCH);
    const skip = new Set(except);
    const rarityCap = Math.log(total / Math.max(MIN_DOCS, total * RARITY_CAP_SHARE));
    const scored: { w: string; s: number }[] = [];
    for (let i = 0; i < d.ids.length; i++) {
      const c = d.counts[i]!;
      const w = this.vocab.words[d.ids[i]!]!;
      if (c < MIN_SEARCH_COUNT || skip.has(w)) continue;
      const df = this.vocab.df[d.ids[i]!]!;
      if (df > cap || (total > 100 && df < MIN_DOCS)) continue;
      scored.push({ w, s: (1 + Math.log(c)) * Math.min(Math.log(total / df), rarityCap) });
    }
    scored.sort((a, b) => b.s - a.s || (a.w < b.w ? -1 : a.w > b.w ? 1 : 0));
    const out = scored.slice(0, max).map((x) => x.w);
    // The lead's words, said once or many times, within the same share of articles.
    for (const w of d.lead) {
      const id = this.vocab.idOf(w);
      if (id === undefined || skip.has(w) || out.includes(w)) continue;
      const df = this.vocab.df[id]!;
      if (df <= cap && (total <= 100 || df >= MIN_DOCS)) out.push(w);
    }
    return out;
  }
}

/** Search words per article, beyond its terms. */
export const MAX_SEARCH_WORDS = 8;
/** A search word may be in up to this share of articles ("delay", "script", "logon"). */
const MAX_SHARE_SEARCH = 0.08;
/** Rarer than this share, a word counts no more: its count in the article decides. */
const RARITY_CAP_SHARE = 0.002;
/** Weighted count a search word needs: once in SYMPTOMS or CAUSE, or twice elsewhere. */
const MIN_SEARCH_COUNT = 2;
