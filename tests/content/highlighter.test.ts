// @vitest-environment happy-dom
import { describe, it, expect, beforeEach } from 'vitest';
import { createHighlighter, highlightCss } from '../../src/content/highlighter';
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
    const css = highlightCss({ ...DEFAULT_SETTINGS, kinds: { ...DEFAULT_SETTINGS.kinds, error: { enabled: true, color: 'red;}body{x:y' } } });
    expect(css.split('\n')).toHaveLength(3);
    expect(css).toContain('::highlight(kblens-q){background-color:#fde68a;color:#111827');
    expect(css).not.toContain('body{x:y');
  });
});
