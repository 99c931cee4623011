import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type browser from 'webextension-polyfill';
import { buildDetector, loadDetector } from '../../src/core/match';
import { buildSearchIndex, loadSearchIndex } from '../../src/core/search';
import type { ArticleRecord } from '../../src/core/article/types';
import type { Request, ResponseMap } from '../../src/messaging/protocol';
import { articleRecord } from '../fixtures/article-record';
import { articlesQuotingNdr, NDR } from './fake-index';

/**
 * Every request kind through the router to its service, with the fake browser and an invented
 * bundled index; the records lookup (records.ts) and the search (search-service.ts) are the real
 * ones, so the team's own articles can be put next to the bundled ones. Kinds whose work is
 * counted elsewhere (work-per-request, whole-ticket-ranking) are checked here for what they answer.
 */
const RELATED = ['Q100404', 'Q100505', 'Q100606'];
const RECORDS = articlesQuotingNdr({ Q100101: { related: RELATED } }).concat([
  articleRecord({ q: 'Q100404', title: 'XFOR: Related One' }),
  articleRecord({ q: 'Q100505', title: 'XFOR: Related Two' }),
]);

const team = vi.hoisted(() => ({ records: [] as ArticleRecord[] }));
vi.mock('../../src/background/bundled-index', async () => ({
  bundledIndex: (await import('./fake-index')).fakeBundledIndex(RECORDS),
}));
vi.mock('../../src/background/custom-index', () => ({
  customArticles: async () =>
    team.records.length === 0
      ? null
      : {
          records: new Map(team.records.map((r) => [r.q, r])),
          detector: loadDetector(buildDetector(team.records)),
          search: loadSearchIndex(buildSearchIndex(team.records)),
        },
}));
vi.mock('../../src/background/content-script-file', () => ({
  CONTENT_SCRIPT_FILE: 'c.js',
  HIGHLIGHT_CSS_FILE: 'h.css',
  LENS_SCRIPT_FILE: 'l.js',
}));

const { handleMessage } = await import('../../src/background/router');
const { readTab } = await import('../../src/background/tab-state');

const TICKET = 'https://desk.example/ticket/1';
const SITE = 'https://desk.example/*';
const popup: browser.Runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
};
const content = (tabId: number, frameId = 0): browser.Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: TICKET,
  tab: { id: tabId, url: TICKET } as browser.Tabs.Tab,
  frameId,
});

function ask<R extends Request>(
  req: R,
  sender: browser.Runtime.MessageSender = popup,
): Promise<ResponseMap[R['type']]> {
  return handleMessage(req, sender) as Promise<ResponseMap[R['type']]>;
}

/** The browser APIs fake-browser leaves unimplemented, recorded. */
function stubBrowser(granted: (origin: string) => boolean = () => true) {
  const scripting = {
    executeScript: vi.fn(async (_: unknown) => []),
    getRegisteredContentScripts: vi.fn(async (_: unknown) => [] as { id: string }[]),
    registerContentScripts: vi.fn(async (_: unknown) => undefined),
    updateContentScripts: vi.fn(async (_: unknown) => undefined),
    unregisterContentScripts: vi.fn(async (_: unknown) => undefined),
  };
  const permissions = { contains: vi.fn(async ({ origins }: { origins: string[] }) => granted(origins[0]!)) };
  Object.assign(fakeBrowser, { scripting, permissions });
  return { scripting, permissions };
}

beforeEach(() => {
  team.records = [];
  stubBrowser();
});
afterEach(() => vi.restoreAllMocks());

describe('the router answers every kind from its service', () => {
  it('index-status: ready, with the bundled and the team counts', async () => {
    expect(await ask({ type: 'index-status' })).toEqual({ ready: true, articles: RECORDS.length, custom: 0 });
    team.records = [articleRecord({ q: 'Q900001', title: 'ACME: Our Own Article' })];
    expect(await ask({ type: 'index-status' })).toEqual({ ready: true, articles: RECORDS.length, custom: 1 });
  });

  it('search: the index answers, the team article wins on an equal number', async () => {
    const { results } = await ask({ type: 'search', query: 'journaling custom recipient', limit: 5 });
    expect(results[0]).toMatchObject({
      q: 'Q100202',
      title: 'XCON: MTA Journaling Does Not Work to a Custom Recipient',
    });
    expect(results.length).toBeLessThanOrEqual(5);
    team.records = [articleRecord({ q: 'Q100202', title: 'ACME: Journaling to the Archive Mailbox (our fix)' })];
    const again = await ask({ type: 'search', query: 'journaling' });
    expect(again.results.filter((h) => h.q === 'Q100202').map((h) => h.title)).toEqual([
      'ACME: Journaling to the Archive Mailbox (our fix)',
    ]);
  });

  it('articles: asked order, unknown numbers left out, related capped and judged without ranking', async () => {
    const answer = await ask({ type: 'articles', qs: ['Q999999', 'Q100101', 'Q100303'], related: 1 });
    expect(answer.articles.map((a) => a.record.q)).toEqual(['Q100101', 'Q100303']);
    // The first found article's related, at most as many as asked; no tab: no verdict, no rank.
    expect(answer.related!.map((a) => a.record.q)).toEqual(['Q100404']);
    expect(answer.articles[0]).toEqual({ record: RECORDS[0] });
    // Related numbers the index lacks are left out; no `related` asked, none given.
    expect((await ask({ type: 'articles', qs: ['Q100101'], related: 10 })).related!.map((a) => a.record.q)).toEqual([
      'Q100404',
      'Q100505',
    ]);
    expect(await ask({ type: 'articles', qs: ['Q100101'] })).not.toHaveProperty('related');
  });

  it("articles: the team's record replaces the bundled one of the same number", async () => {
    team.records = [articleRecord({ q: 'Q100303', title: 'ACME: SMTP Only, Our Notes' })];
    const { articles } = await ask({ type: 'articles', qs: ['Q100303', 'Q100202'] });
    expect(articles.map((a) => a.record.title)).toEqual([
      'ACME: SMTP Only, Our Notes',
      'XCON: MTA Journaling Does Not Work to a Custom Recipient',
    ]);
  });

  it('scan answers its matches and keeps them for the tab; a probe with reset forgets them', async () => {
    const { matches } = await ask({ type: 'scan', text: `The bounce reads:\n> ${NDR}`, reset: true }, content(4));
    expect(matches.map((m) => m.kind)).toContain('ndr');
    expect((await readTab(4))!.matches).toHaveLength(matches.length);
    expect((await ask({ type: 'tab-summary', tabId: 4 }, content(4)))!.matchCount).toBe(matches.length);
    // A probe of a new page: matching only, and the tab's earlier matches go.
    expect(await ask({ type: 'probe', text: NDR, reset: true }, content(4))).toEqual({ found: true });
    expect((await readTab(4))!.matches).toEqual([]);
    // Only the top frame's reset starts a new page.
    await ask({ type: 'scan', text: NDR, reset: true }, content(4));
    await ask({ type: 'probe', text: 'nothing here', reset: true }, content(4, 3));
    expect((await readTab(4))!.matches.length).toBeGreaterThan(0);
  });

  it('tab-summary: null for a tab with nothing found', async () => {
    expect(await ask({ type: 'tab-summary', tabId: 99 })).toBeNull();
  });

  it('site-state: on, off, or unsupported', async () => {
    const { permissions } = stubBrowser((origin) => origin === SITE);
    expect(await ask({ type: 'site-state', url: TICKET })).toEqual({ kind: 'off', pattern: SITE });
    await fakeBrowser.storage.local.set({ sites: [SITE] });
    expect(await ask({ type: 'site-state', url: TICKET })).toEqual({ kind: 'on', pattern: SITE, managed: false });
    expect(await ask({ type: 'site-state', url: 'chrome://extensions/' })).toEqual({ kind: 'unsupported' });
    // A site whose access was taken back in the browser's own UI is off, whatever the list says.
    permissions.contains.mockImplementation(async () => false);
    expect(await ask({ type: 'site-state', url: TICKET })).toEqual({ kind: 'off', pattern: SITE });
  });

  it('site-enable registers the content scripts for the site and injects the lens into its open tabs; site-disable removes them', async () => {
    const { scripting, permissions } = stubBrowser();
    const open = await fakeBrowser.tabs.create({ url: TICKET });
    await fakeBrowser.tabs.create({ url: 'https://elsewhere.example/x' });
    expect(await ask({ type: 'site-enable', pattern: SITE })).toEqual({ kind: 'on', pattern: SITE, managed: false });
    const registered = scripting.registerContentScripts.mock.calls[0]![0] as {
      id: string;
      matches: string[];
      js?: string[];
      css?: string[];
    }[];
    expect(registered.map((s) => [s.id, s.matches, s.js ?? s.css])).toEqual([
      ['kblens-content', [SITE], ['c.js']],
      ['kblens-styles', [SITE], ['h.css']],
    ]);
    expect(scripting.executeScript.mock.calls.map((c) => c[0])).toEqual([
      { target: { tabId: open.id, allFrames: true }, files: ['l.js'] },
    ]);

    scripting.getRegisteredContentScripts.mockImplementation(async () => [
      { id: 'kblens-content' },
      { id: 'kblens-styles' },
    ]);
    permissions.contains.mockImplementation(async () => false); // the popup gave the permission back
    expect(await ask({ type: 'site-disable', pattern: SITE })).toEqual({ kind: 'off', pattern: SITE });
    expect(scripting.unregisterContentScripts).toHaveBeenLastCalledWith({ ids: ['kblens-content', 'kblens-styles'] });
    expect((await fakeBrowser.storage.local.get('sites')).sites).toEqual([]);
  });

  it('scan-once injects the lens into every frame of the tab, and says why it could not', async () => {
    const { scripting } = stubBrowser();
    expect(await ask({ type: 'scan-once', tabId: 12 })).toEqual({ ok: true });
    expect(scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 12, allFrames: true }, files: ['l.js'] });
    scripting.executeScript.mockRejectedValueOnce(new Error('Cannot access a chrome:// URL'));
    expect(await ask({ type: 'scan-once', tabId: 13 })).toEqual({ ok: false, error: 'Cannot access a chrome:// URL' });
  });

  it('load-lens injects into the asking frame only; a page that is no tab gets a reason', async () => {
    const { scripting } = stubBrowser();
    expect(await ask({ type: 'load-lens' }, content(5, 7))).toEqual({ ok: true });
    expect(scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 5, frameIds: [7] }, files: ['l.js'] });
    expect(await ask({ type: 'load-lens' }, popup)).toEqual({ ok: false, error: 'not a tab' });
  });

  it("a service's failure reaches the sender named by the request kind", async () => {
    await expect(ask({ type: 'site-enable', pattern: 'https://b*d.example/*' })).rejects.toThrow(
      'site-enable: not a site match pattern',
    );
  });
});
