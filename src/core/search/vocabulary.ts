/**
 * The sorted vocabulary as the head stores it: one string, terms separated by one space. A term
 * becomes a string of its own when a search first looks at it: a query looks at a few hundred of
 * 72,553, and making them all (split) was 20-30 ms of a worker's cold start, more than anything
 * else in opening the index.
 */
export class Vocabulary {
  readonly length: number;
  /** Where each term starts in `text`; one extra entry, one past the end (as if a space followed). */
  private readonly starts: Uint32Array;
  private readonly made: (string | undefined)[];

  constructor(
    private readonly text: string,
    count: number,
  ) {
    const starts = new Uint32Array(count + 1);
    let at = 0;
    let n = 0;
    if (count > 0) {
      for (;;) {
        starts[n++] = at;
        const space = text.indexOf(' ', at);
        if (space < 0 || n > count) break;
        at = space + 1;
      }
    }
    if (n !== count) throw new Error(`search index: the vocabulary has ${n} terms, the counts ${count}`);
    starts[count] = text.length + 1;
    this.starts = starts;
    this.length = count;
    this.made = new Array<string | undefined>(count);
  }

  /** Term `i` (0 <= i < length). */
  at(i: number): string {
    return (this.made[i] ??= this.text.slice(this.starts[i]!, this.starts[i + 1]! - 1));
  }
}
