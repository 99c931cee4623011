// @vitest-environment happy-dom
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { hitTest, matchAnchor, rectContains, type CaretAt } from '../../src/content/hit-test';
import { MatchStore } from '../../src/content/match-store';
import { pointInRun, textRuns, type TextRun } from '../../src/content/text-runs';
import { createSkipCheck } from '../../src/content/skip-rules';
import { fakeScan } from './helpers';

/** Fills the store the way the scanner would, for the body's first run. */
function storeFor(html: string): MatchStore {
  document.body.innerHTML = html;
  const store = new MatchStore();
  const run = [...textRuns(document.body, createSkipCheck())].find((r): r is TextRun => r !== null)!;
  for (const m of fakeScan(run.text)) {
    const start = pointInRun(run, m.start, 'start');
    const end = pointInRun(run, m.end, 'end');
    store.add({ match: m, start, end, nodes: run.nodes.slice(start.index, end.index + 1) });
  }
  return store;
}

const box = (left: number, top: number, width: number, height: number): DOMRect =>
  ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top }) as DOMRect;

describe('hit testing', () => {
  let rects: DOMRect[] = [];
  beforeEach(() => {
    rects = [box(100, 50, 60, 16)];
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(() => rects as unknown as DOMRectList);
  });
  afterEach(() => vi.restoreAllMocks());

  it('finds the match whose text is under the caret and whose box holds the pointer', () => {
    const store = storeFor('<p>See Q22<b>71</b>42 today</p>');
    const bold = document.querySelector('b')!.firstChild!;
    const caretAt: CaretAt = () => ({ node: bold, offset: 1 });
    const hit = hitTest(document, 120, 58, store, { enabled: () => true, shadowRoots: [], caretAt });
    expect(hit?.entry.match.value).toBe('Q227142');
    expect(hit?.rect).toEqual(rects[0]);
  });

  it('counts a caret right after the last letter as on the match', () => {
    const store = storeFor('<p>See Q227142 today</p>');
    const node = document.querySelector('p')!.firstChild!;
    const hit = hitTest(document, 159, 58, store, {
      enabled: () => true,
      shadowRoots: [],
      caretAt: () => ({ node, offset: 11 }),
    });
    expect(hit?.entry.match.value).toBe('Q227142');
  });

  it('misses when the caret snapped to the match but the pointer is beyond its box (end of line)', () => {
    const store = storeFor('<p>See Q227142</p>');
    const node = document.querySelector('p')!.firstChild!;
    const hit = hitTest(document, 400, 58, store, {
      enabled: () => true,
      shadowRoots: [],
      caretAt: () => ({ node, offset: 11 }),
    });
    expect(hit).toBeNull();
  });

  it('misses text outside any match and kinds the agent turned off', () => {
    const store = storeFor('<p>See Q227142 today</p>');
    const node = document.querySelector('p')!.firstChild!;
    expect(
      hitTest(document, 120, 58, store, { enabled: () => true, shadowRoots: [], caretAt: () => ({ node, offset: 1 }) }),
    ).toBeNull();
    expect(
      hitTest(document, 120, 58, store, {
        enabled: (k) => k !== 'q',
        shadowRoots: [],
        caretAt: () => ({ node, offset: 6 }),
      }),
    ).toBeNull();
  });

  it('returns null where the browser offers no caret API', () => {
    const store = storeFor('<p>See Q227142 today</p>');
    expect(hitTest(document, 120, 58, store, { enabled: () => true, shadowRoots: [] })).toBeNull();
  });

  it('rectContains allows one pixel of slop', () => {
    expect(rectContains(box(0, 0, 10, 10), 11, 5)).toBe(true);
    expect(rectContains(box(0, 0, 10, 10), 12, 5)).toBe(false);
  });
});

describe('card anchor', () => {
  const rect = (left: number, top: number, width: number, height: number): DOMRect =>
    ({ left, top, width, height, right: left + width, bottom: top + height }) as DOMRect;

  it('spans every line of a wrapped match, from the line the agent points at', () => {
    const lines = [rect(300, 100, 200, 16), rect(40, 118, 150, 16)];
    expect(matchAnchor(lines, lines[1]!)).toEqual({ left: 40, top: 100, width: 150, height: 34 });
    expect(matchAnchor(lines)).toEqual({ left: 300, top: 100, width: 200, height: 34 });
  });

  it('is the line itself for a one-line match, and nothing without boxes', () => {
    expect(matchAnchor([rect(10, 20, 30, 16)])).toEqual({ left: 10, top: 20, width: 30, height: 16 });
    expect(matchAnchor([])).toBeNull();
  });
});
