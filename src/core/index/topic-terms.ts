/**
 * Each article's distinctive terms, chosen with the whole archive in view: tf-idf over the words
 * of its problem sections (article/topic-words.ts). One column, built once, read by the context
 * ranking (which article of several quoting one message the ticket is about) and by search.
 *
 * Memory: words are interned to numbers and each article keeps two small typed arrays, so the
 * archive's ~9 million (article, word) pairs cost tens of MB, not a Map per article.
 */
import { MAX_TERMS, type TopicCounts } from '../article/topic-words';

/** Words in more than this share of articles say nothing about any one of them. */
const MAX_DOC_SHARE = 0.05;
/** A word only one article uses is a typo or a name as often as a topic. */
const MIN_DOCS = 2;

export class TopicTermStats {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly df: number[] = [];
  private readonly docs: { ids: Uint32Array; counts: Float32Array }[] = [];

  /** Adds one article's counts; returns its document number for `terms`. */
  add(counts: TopicCounts): number {
    const ids = new Uint32Array(counts.size);
    const n = new Float32Array(counts.size);
    let i = 0;
    for (const [w, c] of counts) {
      let id = this.ids.get(w);
      if (id === undefined) {
        id = this.words.length;
        this.ids.set(w, id);
        this.words.push(w);
        this.df.push(0);
      }
      this.df[id]!++;
      ids[i] = id;
      n[i++] = c;
    }
    this.docs.push({ ids, counts: n });
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
      const df = this.df[d.ids[i]!]!;
      if (df > cap || (total > 100 && df < MIN_DOCS)) continue;
      scored.push({ w: this.words[d.ids[i]!]!, s: (1 + Math.log(d.counts[i]!)) * Math.log(total / df) });
    }
    scored.sort((a, b) => b.s - a.s || (a.w < b.w ? -1 : a.w > b.w ? 1 : 0));
    return scored.slice(0, max).map((x) => x.w);
  }
}
