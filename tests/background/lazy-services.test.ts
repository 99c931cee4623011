import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';

/**
 * A worker start evaluates the listeners and the router, not the services behind them
 * (background/services.ts): each service module is evaluated by the first request that needs it.
 * A service's mock factory runs when that module is evaluated, so it records the moment.
 */
const evaluated: string[] = [];
vi.mock('../../src/background/scan-service', () => {
  evaluated.push('scan');
  return { scanBlock: async () => [], probeBlock: async () => false };
});
vi.mock('../../src/background/summary-service', () => {
  evaluated.push('summary');
  return { tabSummary: async () => null, articlesAnswer: async () => ({ articles: [] }) };
});
vi.mock('../../src/background/search-service', () => {
  evaluated.push('search');
  return { searchAll: async () => [], prepareSearch: () => {} };
});
vi.mock('../../src/background/custom-index', () => {
  evaluated.push('custom');
  return { customArticles: async () => null, forgetCustomArticles: () => {} };
});

vi.mock('../../src/background/content-script-file', () => ({
  CONTENT_SCRIPT_FILE: 'c.js',
  HIGHLIGHT_CSS_FILE: 'h.css',
  LENS_SCRIPT_FILE: 'l.js',
}));

// The events the fake browser does not implement: registering a listener is all a start does with them.
const fake = fakeBrowser as unknown as Record<string, Record<string, { addListener: () => void }>>;
const events: Record<string, string[]> = {
  permissions: ['onAdded', 'onRemoved'],
  omnibox: ['onInputChanged', 'onInputEntered'],
  contextMenus: ['onClicked'],
  commands: ['onCommand'],
};
for (const [api, names] of Object.entries(events))
  for (const name of names) vi.spyOn(fake[api]![name]!, 'addListener').mockImplementation(() => {});

describe('the worker start', () => {
  it('evaluates no service until a request needs it, then only that one', async () => {
    await import('../../src/background/index');
    await new Promise((r) => setTimeout(r, 0));
    expect(evaluated).toEqual([]);

    const { handleMessage } = await import('../../src/background/router');
    const page = {
      id: 'ext',
      url: 'https://desk.example/t/1',
      tab: { id: 7, url: 'https://desk.example/t/1' },
      frameId: 0,
    };
    await handleMessage({ type: 'probe', text: 'nothing here' }, page as never);
    expect(evaluated).toContain('scan');
    expect(evaluated).not.toContain('summary');
  });

  it('answers the summary of a tab it found nothing on without evaluating the summary service', async () => {
    const { handleMessage } = await import('../../src/background/router');
    const { writeTab } = await import('../../src/storage/tab-store');
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    expect(await handleMessage({ type: 'tab-summary', tabId: 12 }, popup as never)).toBeNull();
    expect(evaluated).not.toContain('summary');

    // A tab with matches is summarised by the service.
    await writeTab(12, { url: 'https://desk.example/t/2', matches: [], ticket: { products: [], files: [] } });
    await handleMessage({ type: 'tab-summary', tabId: 12 }, popup as never);
    expect(evaluated).toContain('summary');
  });
});
