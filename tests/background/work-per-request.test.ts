// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type browser from 'webextension-polyfill';
import { MatchStore } from '../../src/content/match-store';
import type { FoundMatch, Request } from '../../src/messaging/protocol';
import type { ArticleRecord } from '../../src/core/article/types';
import { articleRecord } from '../fixtures/article-record';
import { articlesQuotingNdr, NDR } from './fake-index';
import { mockIndexBehindRealRouter } from './real-router';

/**
 * How much the background does per thing the agent does: requests per card opened and per popup
 * refresh, and rankings (rankArticles) per card, per popup refresh and per probe block. Each is
 * done once: one request answers a card, a refresh of an unchanged tab ranks nothing again, and
 * the probe's yes/no question ranks nothing at all.
 */
const RECORDS = articlesQuotingNdr({ Q100101: { related: ['Q100404', 'Q100505'] } }).concat([
  articleRecord({ q: 'Q100404', title: 'XFOR: Related One' }),
  articleRecord({ q: 'Q100505', title: 'XFOR: Related Two' }),
]);

const ranked = mockIndexBehindRealRouter(RECORDS);

const { handleMessage } = await import('../../src/background/router');
// The worker's services are evaluated on their first request (services.ts): evaluated now, what is
// counted below is the work per request, and a request is answered within the ticks a test waits.
const services = await import('../../src/background/services');
await Promise.all([services.scanService(), services.summaryService(), services.searchService()]);
const { createCard } = await import('../../src/content/card/controller');

const URL = 'https://desk.example/ticket/1';
const content = {
  id: 'test-extension-id',
  url: URL,
  tab: { id: 7, url: URL } as browser.Tabs.Tab,
  frameId: 0,
} as browser.Runtime.MessageSender;
const popup = {
  id: 'test-extension-id',
  url: 'chrome-extension://test-extension-id/popup.html',
} as browser.Runtime.MessageSender;

/** The background as the extension's contexts reach it, counting the requests it answers. */
function background() {
  const requests: Request[] = [];
  const ask = <R extends Request>(req: R, sender: browser.Runtime.MessageSender) => {
    requests.push(req);
    return handleMessage(req, sender) as Promise<never>;
  };
  return { requests, ask };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the background does each thing once', () => {
  it('a card open is one request and one ranking, and still shows the related titles', async () => {
    const bg = background();
    const { matches } = (await bg.ask(
      { type: 'scan', text: `Connector with attachments. The bounce reads:\n> ${NDR}`, reset: true },
      content,
    )) as { matches: FoundMatch[] };
    document.body.innerHTML = `<p id="m">${NDR}</p>`;
    const node = document.querySelector('#m')!.firstChild as Text;
    const entry = new MatchStore().add({
      match: { ...matches.find((m) => m.kind === 'ndr')!, start: 0, end: node.data.length, text: node.data },
      start: { node, offset: 0, index: 0 },
      end: { node, offset: node.data.length, index: 0 },
      nodes: [node],
    })!;
    const card = createCard({
      doc: document,
      fetchArticles: (qs, related) => bg.ask({ type: 'articles', qs, related }, content),
      onPointerLeave: () => undefined,
      shadowMode: 'open',
    });
    bg.requests.length = 0;
    ranked.calls = 0;
    card.show(entry, { left: 0, top: 0, width: 10, height: 10 }, { focus: false, openedBy: 'hover' });
    for (let i = 0; i < 10; i++) await tick();
    const text = document.querySelector('kblens-card-host')!.shadowRoot!.textContent!;
    expect(text).toContain('XFOR: Connector May not Deliver');
    expect(text).toContain('XFOR: Related One');
    expect(bg.requests.map((r) => r.type)).toEqual(['articles']);
    expect(ranked.calls).toBe(1);
    card.dispose();
  });

  it('a popup refresh is one request; a tab whose state has not changed is not ranked again', async () => {
    const bg = background();
    await bg.ask({ type: 'scan', text: `Journaling to a custom recipient. ${NDR}`, reset: true }, content);
    ranked.calls = 0;
    bg.requests.length = 0;
    const first = (await bg.ask({ type: 'tab-summary', tabId: 7 }, popup)) as { articles: { record: ArticleRecord }[] };
    expect(first.articles[0]!.record.q).toBe('Q100202');
    expect([bg.requests.length, ranked.calls]).toEqual([1, 1]);
    await bg.ask({ type: 'tab-summary', tabId: 7 }, popup);
    expect([bg.requests.length, ranked.calls]).toEqual([2, 1]);
    // Asked twice at once (the popup's first script, then the page itself): ranked once.
    await bg.ask({ type: 'scan', text: 'Relay denied for the journaling recipient.', reset: false }, content);
    ranked.calls = 0;
    const both = await Promise.all([
      bg.ask({ type: 'tab-summary', tabId: 7 }, popup),
      bg.ask({ type: 'tab-summary', tabId: 7 }, popup),
    ]);
    expect(both[1]).toEqual(both[0]);
    expect(ranked.calls).toBe(1);
    // More found on the page: the next refresh ranks again, once.
    await bg.ask({ type: 'scan', text: 'Only mail with attachments through the connector.', reset: false }, content);
    ranked.calls = 0;
    await bg.ask({ type: 'tab-summary', tabId: 7 }, popup);
    expect(ranked.calls).toBe(1);
  });

  it("the probe's question is matching only: no ranking, and a yes or a no", async () => {
    const bg = background();
    ranked.calls = 0;
    expect(await bg.ask({ type: 'probe', text: 'Printer jam on floor 2.', reset: true }, content)).toEqual({
      found: false,
    });
    expect(await bg.ask({ type: 'probe', text: `The bounce reads:\n> ${NDR}`, reset: false }, content)).toEqual({
      found: true,
    });
    expect(ranked.calls).toBe(0);
    // The lens's scan of a block still ranks it, once.
    await bg.ask({ type: 'scan', text: NDR, reset: true }, content);
    expect(ranked.calls).toBe(1);
  });
});
