/**
 * The sorted vocabulary as the head stores it: one string, terms separated by one space. A term
 * becomes a string of its own when a search first looks at it: a query looks at a few hundred of
 * 72,553, and making them all (split) was 20-30 ms of a worker's cold start, more than anything
 * else in opening the index.
 */
export class Vocabulary {
  readonly length: number;
  private readonly made: (string | undefined)[];

  /**
   * `starts`: where each term starts in `text`, with one extra entry one past the end (as if a
   * space followed); found by a pass over the text unless kept from an earlier opening (head-image.ts).
   */
  constructor(
    readonly text: string,
    count: number,
    readonly starts: Uint32Array = termStarts(text, count),
  ) {
    if (starts.length !== count + 1 || starts[count] !== text.length + 1 || (count > 0 && starts[0] !== 0))
      throw new Error('search index: the vocabulary starts do not fit its text');
    this.length = count;
    this.made = new Array<string | undefined>(count);
  }

  /** Term `i` (0 <= i < length). */
  at(i: number): string {
    return (this.made[i] ??= this.text.slice(this.starts[i]!, this.starts[i + 1]! - 1));
  }
}

function termStarts(text: string, count: number): Uint32Array {
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
  return starts;
}
