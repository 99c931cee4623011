import { describe, expect, it } from 'vitest';
import {
  BitReader,
  BitWriter,
  decodeRiceGaps,
  riceParameter,
  VarintReader,
  writeVarint,
} from '../../../src/core/search/codec';

describe('varints', () => {
  it('round-trip small, boundary and large values', () => {
    const values = [0, 1, 31, 32, 33, 1023, 1024, 60_334, 2 ** 31, Number.MAX_SAFE_INTEGER];
    const out: string[] = [];
    for (const v of values) writeVarint(out, v);
    const text = out.join('');
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    const r = new VarintReader(text);
    expect(values.map(() => r.next())).toEqual(values);
    expect(r.done).toBe(true);
  });

  it('refuses negative and fractional values', () => {
    expect(() => writeVarint([], -1)).toThrow();
    expect(() => writeVarint([], 1.5)).toThrow();
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => new VarintReader('"').next()).toThrow(/bad varint/);
  });
});

describe('Rice-coded bits', () => {
  it('round-trip with several parameters, aligned per run', () => {
    const runs = [
      { k: 0, values: [0, 0, 1, 5, 0] },
      { k: 3, values: [7, 8, 100, 0] },
      { k: 15, values: [41_000, 3, 60_000] },
    ];
    const w = new BitWriter();
    const starts: number[] = [];
    for (const run of runs) {
      starts.push(w.length);
      for (const v of run.values) w.rice(v, run.k);
      w.align();
    }
    const text = w.toString();
    runs.forEach((run, i) => {
      const r = new BitReader(text, starts[i]!);
      expect(run.values.map(() => r.rice(run.k))).toEqual(run.values);
    });
  });

  it('decode doc gaps a character at a time exactly as read bit by bit', () => {
    // Long unary runs (k 0 with big gaps), low bits across characters (k 5, 13, 20), runs that
    // start mid-string: every path of the fast decoder.
    for (const k of [0, 1, 5, 13, 20]) {
      const gaps = Array.from({ length: 300 }, (_, i) => ((i * 2654435761) >>> 0) % (k === 0 ? 40 : 2 ** (k + 2)));
      const w = new BitWriter();
      for (let i = 0; i < 7; i++) w.bit(i & 1);
      w.align();
      const start = w.length;
      for (const g of gaps) w.rice(g, k);
      const text = w.toString();
      const docs = new Uint32Array(gaps.length);
      decodeRiceGaps(text, start, gaps.length, k, docs);
      let doc = -1;
      expect(Array.from(docs)).toEqual(gaps.map((g) => (doc += g + 1)));
      const r = new BitReader(text, start);
      expect(gaps.map(() => r.rice(k))).toEqual(gaps);
    }
    expect(() => decodeRiceGaps('"', 0, 1, 0, new Uint32Array(1))).toThrow(/bad bit/);
  });

  it('chooses a larger parameter for rarer terms', () => {
    expect(riceParameter(60_000, 60_000)).toBe(0);
    expect(riceParameter(60_000, 1)).toBeGreaterThan(riceParameter(60_000, 1_000));
  });
});
