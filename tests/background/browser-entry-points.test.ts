import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { articleRecord } from '../fixtures/article-record';

/**
 * The background's other entry points, with the fake browser: keyboard commands relayed to the
 * page, the address bar's `kb` keyword and the context menu's lookup.
 */
const RECORDS = [
  articleRecord({ q: 'Q100101', title: 'XFOR: Connector & Gateway <Messages> Not Delivered' }),
  articleRecord({ q: 'Q100202', title: 'XCON: Connector Queue Grows' }),
];
vi.mock('../../src/background/bundled-index', async () => ({
  bundledIndex: (await import('./fake-index')).fakeBundledIndex(RECORDS),
}));
vi.mock('../../src/background/custom-index', () => ({ customArticles: async () => null }));

const { onCommand } = await import('../../src/background/commands');
const { onOmniboxEnter, onOmniboxInput } = await import('../../src/background/omnibox');
const { createContextMenu, onContextMenuClick } = await import('../../src/background/context-menu');

let sent: { tabId: number; message: unknown }[];
let windows: { url?: string; type?: string }[];

beforeEach(() => {
  sent = [];
  windows = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown) => {
    sent.push({ tabId, message });
    return { ok: true };
  }) as never);
});

/** The active tab of the current window (fake-browser's query has no current window). */
function activeTab(id: number) {
  return vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [
    {
      id,
      url: 'https://desk.example/t/1',
      index: 0,
      highlighted: true,
      active: true,
      pinned: false,
      incognito: false,
    },
  ]) as never);
}

/** Records the lookup windows opened (fake-browser's own windows.create also backs tabs.create). */
function recordWindows() {
  vi.spyOn(fakeBrowser.windows, 'create').mockImplementation((async (opts: { url?: string; type?: string }) => {
    windows.push(opts);
    return { id: 1 };
  }) as never);
}
afterEach(() => vi.restoreAllMocks());

describe('keyboard commands', () => {
  it("steps the active tab's matches forward and back, and ignores other commands", async () => {
    const query = activeTab(21);
    await onCommand('next-match');
    await onCommand('previous-match');
    await onCommand('_execute_action');
    expect(sent).toEqual([
      { tabId: 21, message: { type: 'next-match', direction: 1 } },
      { tabId: 21, message: { type: 'next-match', direction: -1 } },
    ]);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('does nothing, without an error, on a tab with no content script', async () => {
    activeTab(22);
    vi.mocked(fakeBrowser.tabs.sendMessage).mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    await expect(onCommand('next-match')).resolves.toBeUndefined();
  });
});

describe('the address bar keyword', () => {
  it('suggests articles with their titles escaped for the browser (it parses them as XML)', async () => {
    const suggest = vi.fn();
    await onOmniboxInput('connector', suggest);
    const suggestions = suggest.mock.calls[0]![0] as { content: string; description: string }[];
    expect(suggestions.map((s) => s.content).sort()).toEqual(['Q100101', 'Q100202']);
    expect(suggestions.find((s) => s.content === 'Q100101')!.description).toBe(
      'Q100101: XFOR: Connector &amp; Gateway &lt;Messages&gt; Not Delivered',
    );
  });

  it('opens a KB number as the article, where the agent asked, and anything else as a lookup window', async () => {
    recordWindows();
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockImplementation((async () => ({})) as never);
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation((async () => ({})) as never);
    await onOmniboxEnter('KB 227142', 'currentTab');
    expect(update).toHaveBeenCalledWith({ url: expect.stringContaining('227142') });
    await onOmniboxEnter('Q227142', 'newBackgroundTab');
    expect(create).toHaveBeenCalledWith({ url: expect.stringContaining('227142'), active: false });
    await onOmniboxEnter('store.exe 5.5', 'currentTab');
    expect(windows).toEqual([
      { url: fakeBrowser.runtime.getURL('/popup.html?search=store.exe%205.5'), type: 'popup', width: 420, height: 640 },
    ]);
  });
});

describe('the context menu', () => {
  it('creates its lookup item for selected text, and opens the selection in a lookup window', () => {
    recordWindows();
    const create = vi.fn();
    Object.assign(fakeBrowser, { contextMenus: { create } });
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Look up in KB Lens');
    createContextMenu();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ id: 'kblens-lookup', contexts: ['selection'] }));
    onContextMenuClick({
      menuItemId: 'kblens-lookup',
      selectionText: '  0x80004005  ',
      editable: false,
      modifiers: [],
    } as never);
    onContextMenuClick({ menuItemId: 'someone-else', selectionText: 'x', editable: false, modifiers: [] } as never);
    onContextMenuClick({ menuItemId: 'kblens-lookup', editable: false, modifiers: [] } as never);
    expect(windows.map((w) => w.url)).toEqual([fakeBrowser.runtime.getURL('/popup.html?search=0x80004005')]);
  });
});
