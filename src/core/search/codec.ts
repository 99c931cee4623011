/**
 * Unsigned integers written as variable-length runs of JSON-safe characters.
 *
 * Each character carries 5 bits of the number and a "more follows" bit, most significant group
 * first, so values below 32 cost one character and doc gaps in a 60k-article index cost at most
 * four. The alphabet needs no escaping in JSON, and gzip sees a small, skewed symbol set.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const MORE = 32;

const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Appends the characters for `n` (a non-negative safe integer) to `out`. */
export function writeVarint(out: string[], n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`cannot encode ${n}`);
  let groups = 1;
  for (let rest = Math.floor(n / 32); rest > 0; rest = Math.floor(rest / 32)) groups++;
  for (let g = groups - 1; g >= 0; g--) {
    const digit = Math.floor(n / 32 ** g) % 32;
    out.push(ALPHABET[g > 0 ? digit + MORE : digit]!);
  }
}

/** Reads varints from a string, one at a time, without allocating per number. */
export class VarintReader {
  pos: number;
  constructor(
    private readonly s: string,
    start = 0,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.s.length;
  }

  next(): number {
    let n = 0;
    for (;;) {
      const code = this.s.charCodeAt(this.pos++);
      const v = code < 128 ? DECODE[code]! : -1;
      if (v < 0) throw new Error(`bad varint character at ${this.pos - 1}`);
      n = n * 32 + (v & 31);
      if (v < MORE) return n;
    }
  }
}

/**
 * Bits packed six to a character of the same alphabet. Postings use it for Rice codes, which
 * get doc gaps close to their entropy where whole characters would waste most of a character.
 */
export class BitWriter {
  private readonly out: string[] = [];
  private acc = 0;
  private n = 0;

  bit(b: number): void {
    this.acc = (this.acc << 1) | b;
    if (++this.n === 6) this.flush();
  }

  /** Rice code of `v` with parameter k: v >> k in unary (ones, then a zero), then k low bits. */
  rice(v: number, k: number): void {
    for (let q = Math.floor(v / 2 ** k); q > 0; q--) this.bit(1);
    this.bit(0);
    for (let b = k - 1; b >= 0; b--) this.bit(Math.floor(v / 2 ** b) & 1);
  }

  /** Pads to a whole character, so the next run can be found by character offset. */
  align(): void {
    while (this.n !== 0) this.bit(0);
  }

  /** Characters written so far (after align, an exact count). */
  get length(): number {
    return this.out.length;
  }

  toString(): string {
    this.align();
    return this.out.join('');
  }

  private flush(): void {
    this.out.push(ALPHABET[this.acc]!);
    this.acc = 0;
    this.n = 0;
  }
}

export class BitReader {
  private cur = 0;
  private left = 0;
  constructor(
    private readonly s: string,
    private pos: number,
  ) {}

  bit(): number {
    if (this.left === 0) {
      const code = this.s.charCodeAt(this.pos++);
      const v = code < 128 ? DECODE[code]! : -1;
      if (v < 0) throw new Error(`bad bit character at ${this.pos - 1}`);
      this.cur = v;
      this.left = 6;
    }
    return (this.cur >> --this.left) & 1;
  }

  rice(k: number): number {
    let q = 0;
    while (this.bit() === 1) q++;
    let low = 0;
    for (let b = 0; b < k; b++) low = low * 2 + this.bit();
    return q * 2 ** k + low;
  }
}

/**
 * Decodes `n` Rice-coded doc gaps (parameter k) starting at character `pos` of `s` into `docs`,
 * as ascending doc numbers (each gap is doc - previous doc - 1). The same bits BitReader.rice
 * reads, taken a character at a time rather than a bit: unary runs are counted with clz32, low
 * bits in one shift. A search box decodes a new word's postings on the keystroke that types it.
 */
export function decodeRiceGaps(s: string, pos: number, n: number, k: number, docs: Uint32Array): void {
  let acc = 0;
  let left = 0;
  let p = pos;
  let doc = -1;
  const scale = 2 ** k;
  for (let i = 0; i < n; i++) {
    let q = 0;
    for (;;) {
      if (left === 0) {
        const code = s.charCodeAt(p++);
        acc = code < 128 ? DECODE[code]! : -1;
        if (acc < 0) throw new Error(`bad bit character at ${p - 1}`);
        left = 6;
      }
      const zeros = ~acc & ((1 << left) - 1);
      if (zeros === 0) {
        q += left;
        left = 0;
        continue;
      }
      const at = 31 - Math.clz32(zeros);
      q += left - 1 - at;
      left = at;
      break;
    }
    let low = 0;
    for (let need = k; need > 0;) {
      if (left === 0) {
        const code = s.charCodeAt(p++);
        acc = code < 128 ? DECODE[code]! : -1;
        if (acc < 0) throw new Error(`bad bit character at ${p - 1}`);
        left = 6;
      }
      const take = need < left ? need : left;
      low = low * (1 << take) + ((acc >> (left - take)) & ((1 << take) - 1));
      left -= take;
      need -= take;
    }
    docs[i] = doc += q * scale + low + 1;
  }
}

/**
 * Rice parameter for a list of `df` docs out of `count`: about log2(0.69 · count / df), the
 * optimum for geometric gaps. Integer arithmetic only, so builder and reader always agree.
 */
export function riceParameter(count: number, df: number): number {
  let k = 0;
  while (k < 24 && 2 ** (k + 1) * df * 100 <= count * 69) k++;
  return k;
}
