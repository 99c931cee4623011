import { describe, expect, it } from 'vitest';
import { WindowCutter, windowsOf } from '../../src/core/windows';

const words = (n: number, seed = 1) => {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.push('w'.repeat(1 + (x % 9)) + (x % 7 === 0 ? '\n' : ''));
  }
  return out.join(' ');
};

describe('windows', () => {
  const text = words(3000);

  it('owned parts tile the text; each window carries its overlap; later windows start on a word', () => {
    const ws = windowsOf(text, 1000, 100);
    expect(ws.length).toBeGreaterThan(5);
    let at = 0;
    for (const [i, w] of ws.entries()) {
      expect(w.from).toBe(at);
      expect(text.slice(w.from, w.from + w.text.length)).toBe(w.text);
      expect(w.ownTo - w.from).toBeLessThanOrEqual(1000);
      if (i < ws.length - 1) {
        expect(w.text.length).toBe(Math.min(text.length - w.from, w.ownTo - w.from + 100));
        expect(/\s/.test(text[w.ownTo - 1]!)).toBe(true);
      }
      at = w.ownTo;
    }
    expect(at).toBe(text.length);
  });

  it('text arriving piece by piece is cut exactly as the whole text is (the lens and the probe stream; the bench cuts whole)', () => {
    const cutter = new WindowCutter(1000, 100);
    const streamed = [];
    for (let i = 0; i < text.length; i += 37) {
      cutter.append(text.slice(i, i + 37));
      for (let w = cutter.take(false); w; w = cutter.take(false)) streamed.push(w);
    }
    for (let w = cutter.take(true); w; w = cutter.take(true)) streamed.push(w);
    expect(cutter.empty).toBe(true);
    expect(streamed).toEqual(windowsOf(text, 1000, 100));
  });

  it('a text without whitespace is cut at the nominal edge; a short text is one window', () => {
    const ws = windowsOf('x'.repeat(2500), 1000, 100);
    expect(ws.map((w) => [w.from, w.ownTo])).toEqual([
      [0, 1000],
      [1000, 2000],
      [2000, 2500],
    ]);
    expect(windowsOf('short text')).toEqual([{ text: 'short text', from: 0, ownTo: 10 }]);
    expect(windowsOf('')).toEqual([]);
  });
});
