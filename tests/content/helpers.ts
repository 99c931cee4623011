import type { ArticlesAnswer, ArticleView, FoundMatch } from '../../src/messaging/protocol';
import type { ArticleRecord } from '../../src/core/article/types';
import type { Schedule } from '../../src/content/idle';

/**
 * Test doubles for the content script: a background matcher small enough to read (KB references and
 * one NDR sentence, whitespace-tolerant so it matches across "\n" like the real token matcher), a
 * Highlight API for DOMs that lack it, and an idle scheduler on setTimeout.
 */
export const NDR = 'Unable to deliver the message due to a communications failure.';

const KB_RE = /\b(?:Q\d{5,6}|KB ?\d{5,6})\b|support\.microsoft\.com\/kb\/\d+/gi;
const NDR_RE = new RegExp(
  NDR.split(' ')
    .map((w) => w.replace(/[.]/g, '\\.'))
    .join('\\s+'),
  'g',
);

export function fakeScan(text: string): FoundMatch[] {
  const out: FoundMatch[] = [];
  for (const m of text.matchAll(KB_RE)) {
    const digits = /\d+$/.exec(m[0])![0];
    out.push({
      kind: 'q',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      value: `Q${Number(digits)}`,
      articles: [`Q${Number(digits)}`],
    });
  }
  for (const m of text.matchAll(NDR_RE)) {
    out.push({
      kind: 'ndr',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      value: NDR,
      class: 'communications-failure',
      articles: ['Q227142', 'Q191014'],
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

export function record(q: string, over: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    q,
    title: `XCON: Invented title for ${q}`,
    url: `https://jeffpar.github.io/kbarchive/kb/${q.slice(1, 4)}/${q}/`,
    products: ['Microsoft Exchange Server'],
    versions: ['Exchange Server 5.5'],
    versionsRaw: 'winnt:5.5',
    os: ['Windows NT'],
    keywords: ['kbbug'],
    lastModified: '1999-09-30',
    fixedIn: 'Exchange Server 5.5 Service Pack 3',
    fix: {
      text: 'Exchange Server 5.5 Service Pack 3',
      product: 'Exchange Server',
      version: '5.5',
      servicePack: '3',
      hotfix: false,
      source: 'status',
    },
    fixes: [],
    fixKind: 'service-pack',
    files: [
      { name: 'Msexcimc.exe', version: '5.5.2448.8' },
      { name: 'Readme.txt', version: null },
    ],
    errors: [],
    related: ['Q191014', 'Q194999'],
    terms: [],
    ...over,
  };
}

export function fakeArticles(qs: string[]): ArticleView[] {
  return qs.map((q) => ({
    record: record(q),
    verdict: 'affected',
    verdictReason: 'the ticket names Exchange Server 5.5 SP2',
  }));
}

/** What the background answers an `articles` request: the views, and with `related` the first one's related articles. */
export function fakeAnswer(qs: string[], related?: number): ArticlesAnswer {
  const articles = fakeArticles(qs);
  if (related === undefined) return { articles };
  return { articles, related: fakeArticles(articles[0]?.record.related.slice(0, related) ?? []) };
}

/** Idle slices on setTimeout, with a generous budget: tests assert results, not timing. */
export const testSchedule: Schedule = (work) => {
  const id = setTimeout(() => work(50), 0);
  return () => clearTimeout(id);
};

export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

/** Installs Highlight and CSS.highlights on a window that lacks them; returns the registry. */
export function installHighlightApi(win: Window): Map<string, FakeHighlight> {
  const w = win as unknown as { Highlight?: unknown; CSS?: { highlights?: unknown } };
  const registry = new Map<string, FakeHighlight>();
  Object.defineProperty(w, 'Highlight', { value: FakeHighlight, configurable: true, writable: true });
  Object.defineProperty(w, 'CSS', {
    value: { ...(w.CSS ?? {}), highlights: registry },
    configurable: true,
    writable: true,
  });
  return registry;
}

/** The text each highlight covers, per name, in the order added. */
export function highlighted(registry: Map<string, FakeHighlight>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, h] of registry) out[name] = [...h].map(rangeText);
  return out;
}

export function rangeText(r: AbstractRange): string {
  const doc = r.startContainer.ownerDocument!;
  const live = doc.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
}

export const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The CSS text last given to each constructable sheet (the test DOM does not parse ::highlight rules). */
export function sheetTexts(): { texts: Map<CSSStyleSheet, string>; restore(): void } {
  const texts = new Map<CSSStyleSheet, string>();
  const original = CSSStyleSheet.prototype.replaceSync;
  CSSStyleSheet.prototype.replaceSync = function (this: CSSStyleSheet, text: string) {
    texts.set(this, text);
    return original.call(this, text);
  };
  return { texts, restore: () => (CSSStyleSheet.prototype.replaceSync = original) };
}
