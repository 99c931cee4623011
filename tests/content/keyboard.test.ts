// @vitest-environment happy-dom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { createKeyboard, pickNext } from '../../src/content/keyboard';
import { MatchStore, type MatchEntry } from '../../src/content/match-store';
import type { CardApi } from '../../src/content/card/types';
import type { Box } from '../../src/content/geometry';
import { pointInRun, textRuns, type TextRun } from '../../src/content/text-runs';
import { createSkipCheck } from '../../src/content/skip-rules';
import { fakeScan } from './helpers';

function fill(store: MatchStore): void {
  for (const run of textRuns(document.body, createSkipCheck())) {
    if (!run) continue;
    for (const m of fakeScan((run as TextRun).text)) {
      const start = pointInRun(run, m.start, 'start');
      const end = pointInRun(run, m.end, 'end');
      store.add({ match: m, start, end, nodes: run.nodes.slice(start.index, end.index + 1) });
    }
  }
}

const fakeEntries = (n: number): MatchEntry[] =>
  Array.from({ length: n }, (_, i) => ({ id: i }) as unknown as MatchEntry);

describe('pickNext', () => {
  const list = fakeEntries(4);
  const tops = [-300, -20, 200, 900];
  const box = (e: MatchEntry): Box => ({ left: 0, top: tops[e.id]!, width: 10, height: 16 });

  it('steps forward and back from the current match, wrapping', () => {
    expect(pickNext(list, list[1]!, 1, box, 600)).toBe(list[2]);
    expect(pickNext(list, list[3]!, 1, box, 600)).toBe(list[0]);
    expect(pickNext(list, list[0]!, -1, box, 600)).toBe(list[3]);
  });

  it('starts where the agent is reading when nothing is current', () => {
    expect(pickNext(list, null, 1, box, 600)).toBe(list[2]);
    expect(pickNext(list, null, -1, box, 600)).toBe(list[2]);
  });

  it('has nothing to pick in a page without matches', () => {
    expect(pickNext([], null, 1, box, 600)).toBeNull();
  });
});

describe('next-match command', () => {
  afterEach(() => vi.restoreAllMocks());

  it('walks matches in reading order, opens each card with focus, and skips disabled kinds', async () => {
    document.body.innerHTML = `<p>first KB 191014</p><div id="h"></div><p>Unable to deliver the message due to a communications failure.</p><p>last Q227142</p>`;
    const sr = document.getElementById('h')!.attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>shadow Q194999</p>';
    const store = new MatchStore();
    fill(store);
    for (const run of textRuns(sr, createSkipCheck())) {
      if (!run) continue;
      for (const m of fakeScan(run.text))
        store.add({
          match: m,
          start: pointInRun(run, m.start, 'start'),
          end: pointInRun(run, m.end, 'end'),
          nodes: run.nodes,
        });
    }
    const shown: Array<{ value: string; focus: boolean }> = [];
    let open: MatchEntry | null = null;
    const card = {
      show: (e: MatchEntry, _a: Box, o: { focus: boolean }) => {
        open = e;
        shown.push({ value: e.match.value, focus: o.focus });
      },
      get openEntry() {
        return open;
      },
    } as unknown as CardApi;
    // No layout in the test DOM: every match gets a box far below the viewport, except the hidden one.
    const hidden = document.createElement('p');
    hidden.style.display = 'none';
    hidden.textContent = 'collapsed quote KB 123456';
    document.body.appendChild(hidden);
    fill(store);
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      const inHidden = hidden.contains(this.startContainer);
      return (inHidden
        ? []
        : [{ left: 0, top: 5000, width: 10, height: 16, right: 10, bottom: 5016 }]) as unknown as DOMRectList;
    });
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    const kb = createKeyboard({
      store,
      enabled: (k) => k !== 'ndr',
      card: async () => card,
      loadedCard: () => card,
      win: window,
    });
    for (let i = 0; i < 4; i++) await kb.step(1);
    expect(shown.map((s) => s.value)).toEqual(['Q191014', 'Q194999', 'Q227142', 'Q191014']);
    expect(shown.every((s) => s.focus)).toBe(true);
    await kb.step(-1);
    expect(shown.at(-1)!.value).toBe('Q227142');
    expect(store.all().some((e) => e.match.value === 'Q123456')).toBe(true);
    expect(shown.some((s) => s.value === 'Q123456')).toBe(false);
    expect(scrolled).toHaveBeenCalledWith({ block: 'center', inline: 'nearest' });
  });

  it('steps only inside a page modal while one is open (the rest is inert, under its backdrop)', async () => {
    document.body.innerHTML = `<header><p>sticky KB 191014</p></header><dialog id="d"><p>merge into Q227142</p></dialog><p>below Q194999</p>`;
    const dialog = document.getElementById('d')!;
    const store = new MatchStore();
    fill(store);
    expect(
      store
        .all()
        .map((e) => e.match.value)
        .sort(),
    ).toEqual(['Q191014', 'Q194999', 'Q227142']);
    const realQsa = document.querySelectorAll.bind(document);
    let modalOpen = true;
    vi.spyOn(document, 'querySelectorAll').mockImplementation(((sel: string) =>
      sel === ':modal' ? (modalOpen ? [dialog] : []) : realQsa(sel)) as typeof document.querySelectorAll);
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(
      () => [{ left: 0, top: 100, width: 10, height: 16, right: 10, bottom: 116 }] as unknown as DOMRectList,
    );
    const shown: string[] = [];
    let open: MatchEntry | null = null;
    const card = {
      show: (e: MatchEntry) => {
        open = e;
        shown.push(e.match.value);
      },
      get openEntry() {
        return open;
      },
    } as unknown as CardApi;
    const kb = createKeyboard({
      store,
      enabled: () => true,
      card: async () => card,
      loadedCard: () => card,
      win: window,
    });
    await kb.step(1);
    await kb.step(1);
    await kb.step(-1);
    expect(shown).toEqual(['Q227142', 'Q227142', 'Q227142']);
    modalOpen = false;
    await kb.step(1);
    expect(shown.at(-1)).toBe('Q194999');
  });
});
