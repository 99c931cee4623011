/**
 * Words interned to numbers, with how many documents use each: what the build-time miners of the
 * archive's vocabulary (variants.ts, index/topic-terms.ts) count over ~60,000 articles in typed
 * arrays instead of a Map per article.
 */
export class WordIds {
  private readonly ids = new Map<string, number>();
  /** The word of each id. */
  readonly words: string[] = [];
  /** Documents counted for each id (`count`). */
  readonly df: number[] = [];

  /** The id of `w`, a new one the first time. */
  intern(w: string): number {
    let id = this.ids.get(w);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(w, id);
      this.words.push(w);
      this.df.push(0);
    }
    return id;
  }

  /** The id of `w`, or undefined when no document has used it. */
  idOf(w: string): number | undefined {
    return this.ids.get(w);
  }

  /** One more document uses word `id`. */
  count(id: number): void {
    this.df[id]!++;
  }
}
