// @vitest-environment happy-dom
import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { startLens, type Lens } from '../../src/content/lens';
import { fakeAnswer, fakeScan, installHighlightApi, rangeText, testSchedule } from './helpers';

/**
 * The static pages the browser tests use (tests/e2e/pages) hold what their README promises: run
 * through the content pipeline in a test DOM, they give the matches the e2e will look for.
 */
const PAGES = join(import.meta.dirname, '../e2e/pages');

function load(name: string): void {
  const html = readFileSync(join(PAGES, name), 'utf8');
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)![1]!;
  // Page scripts and iframes are the browser's job; the markup is what matters here.
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/gi, '');
}

let lens: Lens | null = null;
async function scan(): Promise<string[]> {
  installHighlightApi(window);
  lens = startLens({
    win: window,
    settings: DEFAULT_SETTINGS,
    isTop: true,
    scan: async (text) => fakeScan(text),
    articles: async (qs, related) => fakeAnswer(qs, related),
    loadCard: () => import('../../src/content/card/controller').then((m) => m.createCard),
    schedule: testSchedule,
  });
  await lens.idle();
  return lens.store.ordered().map((e) => `${e.match.kind}:${rangeText(e.range).replace(/\s+/g, ' ')}`);
}

describe('e2e pages', () => {
  afterEach(() => {
    lens?.dispose();
    lens = null;
  });

  it('long-ticket: NDR across <b>/<br>, React spans, KB forms, split references; editor and textarea ignored', async () => {
    load('long-ticket.html');
    const found = await scan();
    expect(found).toContain('ndr:Unable to deliver the message due to a communications failure.');
    expect(found.filter((f) => f === 'q:Q227142').length).toBeGreaterThanOrEqual(3);
    expect(found).toContain('q:KB 191014');
    expect(found).toContain('q:kb191014');
    expect(found).toContain('q:support.microsoft.com/kb/227142');
    // "Split across markup: Q22<b>71</b>42, K<i>B</i> 19<wbr>1014."
    const split = lens!.store
      .all()
      .filter(
        (e) =>
          e.nodes.some((n) => n.parentElement?.localName === 'b' && n.data === '71') ||
          e.nodes.some((n) => n.parentElement?.localName === 'i' && n.data === 'B'),
      );
    expect(split.map((e) => rangeText(e.range))).toEqual(['Q227142', 'KB 191014']);
    const editor = document.querySelector('.zd-editor')!;
    expect(lens!.store.all().some((e) => editor.contains(e.startNode))).toBe(false);
  });

  it('editor: only the read-only comments are found', async () => {
    load('editor.html');
    const found = await scan();
    expect(found).toEqual([
      'ndr:Unable to deliver the message due to a communications failure.',
      'q:Q227142',
      'q:KB 191014',
    ]);
  });

  it('no-matches: near misses stay unmatched', async () => {
    load('no-matches.html');
    expect(await scan()).toEqual([]);
  });
});
