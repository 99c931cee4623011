// @vitest-environment happy-dom
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { createHighlighter } from '../../src/content/highlighter';
import { highlightCss } from '../../src/core/highlight-style';
import type { NearWatchFactory } from '../../src/content/near-viewport';
import { hasRegisteredRules } from '../../src/content/highlight-css';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { installHighlightApi, type FakeHighlight } from './helpers';

describe('highlighter', () => {
  let registry: Map<string, FakeHighlight>;
  beforeEach(() => {
    registry = installHighlightApi(window);
    document.body.innerHTML = '<p>Q227142 and KB 191014</p>';
  });

  const range = (a: number, b: number): Range => {
    const r = document.createRange();
    const t = document.querySelector('p')!.firstChild!;
    r.setStart(t, a);
    r.setEnd(t, b);
    return r;
  };

  it('applies changes in batches, and an add undone before the batch never reaches the page', () => {
    const hl = createHighlighter(document, DEFAULT_SETTINGS);
    const a = range(0, 7);
    const b = range(12, 21);
    hl.add('q', a);
    hl.add('q', b);
    expect(registry.size).toBe(0); // queued, not yet painted
    hl.delete('q', b);
    hl.flush();
    expect([...registry.get('kblens-q')!]).toEqual([a]);
    hl.delete('q', a);
    hl.flush();
    expect(registry.get('kblens-q')!.size).toBe(0);
    hl.dispose();
    expect(registry.has('kblens-q')).toBe(false);
  });

  it('flushes on its own after a short delay', async () => {
    const hl = createHighlighter(document, DEFAULT_SETTINGS);
    hl.add('ndr', range(0, 7));
    await new Promise((r) => setTimeout(r, 120));
    expect(registry.get('kblens-ndr')!.size).toBe(1);
    hl.dispose();
  });

  it('writes one ::highlight rule per kind with the settings colours, dark text on the fill', () => {
    const css = highlightCss({
      ...DEFAULT_SETTINGS,
      kinds: { ...DEFAULT_SETTINGS.kinds, error: { enabled: true, color: 'red;}body{x:y' } },
    });
    expect(css.split('\n')).toHaveLength(4);
    expect(css).toContain('::highlight(kblens-q){background-color:#fde68a;color:#111827');
    expect(css).not.toContain('body{x:y');
  });

  describe('past the near limit only blocks near the viewport are painted', () => {
    let paragraphs: HTMLParagraphElement[];
    let observed: Set<Element>;
    let report: (changes: { target: Element; near: boolean }[]) => void;
    const nearWatch: NearWatchFactory = (onChange) => {
      report = onChange;
      return {
        observe: (el) => observed.add(el),
        unobserve: (el) => observed.delete(el),
        disconnect: () => observed.clear(),
      };
    };
    const rangeIn = (p: HTMLParagraphElement): Range => {
      const r = document.createRange();
      const t = p.querySelector('b')!.firstChild!; // inside inline markup: the block <p> is what is watched
      r.setStart(t, 0);
      r.setEnd(t, 7);
      return r;
    };
    beforeEach(() => {
      observed = new Set();
      document.body.innerHTML = Array.from({ length: 6 }, (_, i) => `<p>See <b>Q22714${i}</b> here.</p>`).join('');
      paragraphs = [...document.querySelectorAll('p')];
    });

    it('keeps every range, watches their blocks, and paints those that come near', () => {
      const hl = createHighlighter(document, DEFAULT_SETTINGS, {
        nearLimit: 4,
        nearWatch,
        nextFrame: (work) => work(),
      });
      const ranges = paragraphs.map(rangeIn);
      ranges.slice(0, 3).forEach((r) => hl.add('q', r));
      hl.flush();
      expect(registry.get('kblens-q')!.size).toBe(3); // under the limit: everything painted
      ranges.slice(3).forEach((r) => hl.add('q', r));
      hl.flush();
      expect(hl.size).toBe(6);
      expect(observed).toEqual(new Set(paragraphs));
      // Nothing is unpainted before the watch says where things are.
      expect(registry.get('kblens-q')!.size).toBe(6);
      report(paragraphs.map((p, i) => ({ target: p, near: i < 2 })));
      expect([...registry.get('kblens-q')!]).toEqual([ranges[0], ranges[1]]);
      expect(hl.size).toBe(6);
      // Scrolling on: the first block leaves, the last comes near.
      report([
        { target: paragraphs[0]!, near: false },
        { target: paragraphs[5]!, near: true },
      ]);
      expect(new Set(registry.get('kblens-q')!)).toEqual(new Set([ranges[1], ranges[5]]));
      hl.dispose();
    });

    it('paints a range added later in a near block at once, one in a far block when it comes near', () => {
      const hl = createHighlighter(document, DEFAULT_SETTINGS, {
        nearLimit: 2,
        nearWatch,
        nextFrame: (work) => work(),
      });
      const ranges = paragraphs.map(rangeIn);
      ranges.slice(0, 3).forEach((r) => hl.add('q', r));
      hl.flush();
      report(paragraphs.map((p, i) => ({ target: p, near: i === 0 })));
      hl.add('q', ranges[4]!);
      hl.flush();
      expect(observed.has(paragraphs[4]!)).toBe(true);
      expect([...registry.get('kblens-q')!]).toEqual([ranges[0]]);
      report([{ target: paragraphs[4]!, near: true }]);
      expect(new Set(registry.get('kblens-q')!)).toEqual(new Set([ranges[0], ranges[4]]));
      hl.dispose();
    });

    it('removing ranges stops watching their blocks, and below half the limit everything is painted again', () => {
      const hl = createHighlighter(document, DEFAULT_SETTINGS, {
        nearLimit: 4,
        nearWatch,
        nextFrame: (work) => work(),
      });
      const ranges = paragraphs.map(rangeIn);
      ranges.forEach((r) => hl.add('q', r));
      hl.flush();
      report(paragraphs.map((p) => ({ target: p, near: false })));
      expect(registry.get('kblens-q')!.size).toBe(0);
      ranges.slice(0, 3).forEach((r) => hl.delete('q', r));
      hl.flush();
      expect(observed.has(paragraphs[0]!)).toBe(false);
      expect(hl.size).toBe(3);
      expect(registry.get('kblens-q')!.size).toBe(0); // 3 is not below half of 4
      hl.delete('q', ranges[3]!);
      hl.delete('q', ranges[4]!);
      hl.flush();
      expect(observed.size).toBe(0);
      expect([...registry.get('kblens-q')!]).toEqual([ranges[5]]);
      hl.dispose();
    });

    it('starts watching a few hundred blocks per frame, not all at once', () => {
      document.body.innerHTML = Array.from({ length: 600 }, (_, i) => `<p>See <b>Q${100000 + i}</b>.</p>`).join('');
      const frames: Array<() => void> = [];
      const hl = createHighlighter(document, DEFAULT_SETTINGS, {
        nearLimit: 10,
        nearWatch,
        nextFrame: (work) => frames.push(work),
      });
      const all = [...document.querySelectorAll('p')].map((p) => rangeIn(p as HTMLParagraphElement));
      all.forEach((r) => hl.add('q', r));
      hl.flush();
      expect(hl.size).toBe(600);
      expect(observed.size).toBe(0);
      frames.shift()!();
      expect(observed.size).toBe(250);
      frames.shift()!();
      frames.shift()!();
      expect(observed.size).toBe(600);
      expect(frames).toHaveLength(0);
      hl.dispose();
    });

    it('without an IntersectionObserver it paints everything', () => {
      const hl = createHighlighter(document, DEFAULT_SETTINGS, { nearLimit: 2, nearWatch: () => null });
      paragraphs.map(rangeIn).forEach((r) => hl.add('q', r));
      hl.flush();
      expect(registry.get('kblens-q')!.size).toBe(6);
      hl.dispose();
    });
  });
});

describe('highlighter and the registered stylesheet', () => {
  beforeEach(() => {
    installHighlightApi(window);
    document.adoptedStyleSheets = [];
  });
  const mine = { ...DEFAULT_SETTINGS, kinds: { ...DEFAULT_SETTINGS.kinds, q: { enabled: true, color: '#00ff00' } } };
  // happy-dom does not parse ::highlight rules, so the text each sheet was given is recorded instead.
  const written = new Map<CSSStyleSheet, string>();
  beforeEach(() => {
    written.clear();
    const replaceSync = CSSStyleSheet.prototype.replaceSync;
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(function (this: CSSStyleSheet, text: string) {
      written.set(this, text);
      replaceSync.call(this, text);
    });
  });
  afterEach(() => vi.restoreAllMocks());
  const adoptedCss = () => document.adoptedStyleSheets.map((s) => written.get(s) ?? '');

  it('adopts no sheet into a document the registered stylesheet already styles, with the default colours', () => {
    const hl = createHighlighter(document, DEFAULT_SETTINGS, { preStyled: () => true });
    expect(document.adoptedStyleSheets).toEqual([]);
    hl.ensureAdopted(); // a page resetting its sheets does not make us adopt one either
    expect(document.adoptedStyleSheets).toEqual([]);
    hl.dispose();
  });

  it('adopts its own sheet where the registered one is missing, and takes it away on dispose', () => {
    const hl = createHighlighter(document, DEFAULT_SETTINGS, { preStyled: () => false });
    expect(document.adoptedStyleSheets).toHaveLength(1);
    hl.dispose();
    expect(document.adoptedStyleSheets).toEqual([]);
  });

  it("adopts the agent's colours over the registered defaults, at start or when they change", () => {
    const a = createHighlighter(document, mine, { preStyled: () => true });
    expect(adoptedCss().join('\n')).toContain('#00ff00');
    a.dispose();
    const b = createHighlighter(document, DEFAULT_SETTINGS, { preStyled: () => true });
    expect(document.adoptedStyleSheets).toEqual([]);
    b.apply(mine);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(adoptedCss().join('\n')).toContain('#00ff00');
    b.dispose();
  });
});

describe('hasRegisteredRules', () => {
  const docWith = (colours: Record<string, string> | Error) =>
    ({
      documentElement: {},
      defaultView: {
        getComputedStyle: (_el: unknown, pseudo: string) => {
          if (colours instanceof Error) throw colours;
          return { backgroundColor: colours[pseudo] ?? 'rgba(0, 0, 0, 0)' };
        },
      },
    }) as unknown as Document;

  it('is true only when every kind has its default colour, as the registered file sets it', () => {
    const all = {
      '::highlight(kblens-q)': 'rgb(253, 230, 138)',
      '::highlight(kblens-ndr)': 'rgb(254, 202, 202)',
      '::highlight(kblens-error)': 'rgb(191, 219, 254)',
      '::highlight(kblens-build)': 'rgb(217, 249, 157)',
    };
    expect(hasRegisteredRules(docWith(all))).toBe(true);
    expect(hasRegisteredRules(docWith({ ...all, '::highlight(kblens-error)': 'rgba(0, 0, 0, 0)' }))).toBe(false);
    expect(hasRegisteredRules(docWith({}))).toBe(false);
    expect(hasRegisteredRules(docWith(new Error('no ::highlight in getComputedStyle')))).toBe(false);
  });
});
