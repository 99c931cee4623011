// @vitest-environment happy-dom
import { describe, it, expect, afterEach } from 'vitest';
import { adoptEarlySheet, takeEarlySheet } from '../../src/content/early-sheet';
import { createHighlighter, highlightCss } from '../../src/content/highlighter';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { installHighlightApi } from './helpers';

describe('the early highlight sheet', () => {
  afterEach(() => {
    takeEarlySheet(document);
    document.adoptedStyleSheets = [];
  });

  it('is adopted once, with the default colours, before the lens exists', () => {
    const first = adoptEarlySheet(document);
    const again = adoptEarlySheet(document);
    expect(again).toBe(first);
    expect(document.adoptedStyleSheets).toEqual([first!.sheet]);
    expect(first!.css).toBe(highlightCss(DEFAULT_SETTINGS));
  });

  it('goes to this frame own document only, and only once', () => {
    adoptEarlySheet(document);
    const other = document.implementation.createHTMLDocument('frame');
    expect(takeEarlySheet(other)).toBeNull();
    expect(takeEarlySheet(document)).not.toBeNull();
    expect(takeEarlySheet(document)).toBeNull();
  });

  it('is what the lens highlighter uses: no second sheet, the rules left alone for default colours', () => {
    installHighlightApi(window);
    const early = adoptEarlySheet(document)!;
    let rewrites = 0;
    const replaceSync = early.sheet.replaceSync.bind(early.sheet);
    early.sheet.replaceSync = (text: string) => {
      rewrites++;
      replaceSync(text);
    };
    const hl = createHighlighter(document, DEFAULT_SETTINGS);
    expect(document.adoptedStyleSheets).toEqual([early.sheet]);
    expect(rewrites).toBe(0);
    hl.dispose();
    expect(document.adoptedStyleSheets).toEqual([]);
  });

  it('is rewritten once when the agent chose other colours', () => {
    installHighlightApi(window);
    const early = adoptEarlySheet(document)!;
    const written: string[] = [];
    early.sheet.replaceSync = (text: string) => void written.push(text);
    const mine: Settings = { ...DEFAULT_SETTINGS, kinds: { ...DEFAULT_SETTINGS.kinds, q: { enabled: true, color: '#00ff00' } } };
    const hl = createHighlighter(document, mine);
    expect(document.adoptedStyleSheets).toEqual([early.sheet]);
    expect(written).toEqual([highlightCss(mine)]);
    expect(written[0]).toContain('::highlight(kblens-q){background-color:#00ff00');
    hl.dispose();
  });
});
