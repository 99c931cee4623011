// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import type browser from 'webextension-polyfill';
import type { Request } from '../../src/messaging/protocol';
import { articleRecord } from '../fixtures/article-record';
import { articlesQuotingNdr, NDR } from '../background/fake-index';
import { mockIndexBehindRealRouter } from '../background/real-router';

/**
 * What the popup costs the background, with the real router and services behind the fake
 * browser (only the index is invented): requests and rankings (rankArticles) per popup open,
 * per refresh and per article detail. A detail is one request and at most one ranking: its
 * article with its related articles' titles in the same answer.
 */
const RECORDS = articlesQuotingNdr({ Q100202: { related: ['Q100404', 'Q100505', 'Q100606'] } }).concat([
  articleRecord({ q: 'Q100404', title: 'XCON: Related One' }),
  articleRecord({ q: 'Q100505', title: 'XCON: Related Two' }),
]);

const ranked = mockIndexBehindRealRouter(RECORDS);

const { handleMessage } = await import('../../src/background/router');
const { App } = await import('../../src/popup/App');

const TICKET = 'https://desk.example/ticket/1';
const POPUP: browser.Runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
};

/** The real background behind runtime.sendMessage, counting what the popup asks. */
function realBackground(): Request[] {
  const requests: Request[] = [];
  fakeBrowser.runtime.onMessage.addListener(((msg: Request, _sender: unknown, sendResponse: (r: unknown) => void) => {
    requests.push(msg);
    handleMessage(msg, POPUP).then(sendResponse, () => sendResponse(undefined));
    return true;
  }) as never);
  return requests;
}

async function scannedTicket(): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url: TICKET });
  const content = {
    id: fakeBrowser.runtime.id,
    url: TICKET,
    tab: { id: tab.id, url: TICKET } as browser.Tabs.Tab,
    frameId: 0,
  };
  await handleMessage(
    { type: 'scan', text: `Journaling to a custom recipient. The bounce reads:\n> ${NDR}`, reset: true },
    content,
  );
  return tab.id!;
}

/** Requests by kind and rankings since the last call, once the popup has gone quiet. */
async function settled(requests: Request[]) {
  const before = requests.length;
  await new Promise((r) => setTimeout(r, 50));
  await waitFor(() => expect(requests.length).toBe(before), { timeout: 500 });
  const kinds = requests.map((r) => r.type).sort();
  const out = { requests: kinds, rankings: ranked.calls };
  requests.length = 0;
  ranked.calls = 0;
  return out;
}

beforeEach(() => {
  (fakeBrowser as unknown as { permissions: unknown }).permissions = { contains: vi.fn(async () => true) };
  ranked.calls = 0;
});
afterEach(() => cleanup());

describe('requests per popup view, against the real background', () => {
  it('a popup open is one summary request and one ranking; a refresh of an unchanged tab ranks nothing', async () => {
    const tabId = await scannedTicket();
    const requests = realBackground();
    ranked.calls = 0;
    render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    await screen.findByText('XCON: MTA Journaling Does Not Work to a Custom Recipient');
    expect(await settled(requests)).toEqual({ requests: ['index-status', 'site-state', 'tab-summary'], rankings: 1 });
    cleanup();
    render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    await screen.findByText('XCON: MTA Journaling Does Not Work to a Custom Recipient');
    expect(await settled(requests)).toEqual({ requests: ['index-status', 'site-state', 'tab-summary'], rankings: 0 });
  });

  it('a lookup window asks once for its query, however late the index status comes', async () => {
    const requests = realBackground();
    render(<App mode="lookup" initialQuery="journaling custom recipient" indexPollMs={5} />);
    await screen.findByText('XCON: MTA Journaling Does Not Work to a Custom Recipient');
    const { requests: kinds } = await settled(requests);
    expect(kinds.filter((k) => k === 'search')).toEqual(['search']);
    expect(kinds).toContain('index-status');
  });

  it('an article detail is one request and one ranking, with its related titles; going back to it asks nothing', async () => {
    const tabId = await scannedTicket();
    const requests = realBackground();
    render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    const row = await screen.findByText('XCON: MTA Journaling Does Not Work to a Custom Recipient');
    await settled(requests);
    fireEvent.click(row);
    await screen.findByRole('heading', { level: 2, name: /Q100202/ });
    await screen.findByText('XCON: Related Two');
    expect(document.querySelector('[data-related="Q100606"]')!.parentElement!.textContent).toContain(
      'not in the index',
    );
    // The verdict is the tab's: the detail's one request carries the tab.
    expect(document.querySelector('.verdict')).toBeTruthy();
    expect(await settled(requests)).toEqual({ requests: ['articles'], rankings: 1 });

    // A related article (not in the summary): one request again.
    fireEvent.click(document.querySelector('[data-related="Q100404"]')!);
    await screen.findByRole('heading', { level: 2, name: /Q100404 XCON: Related One/ });
    expect(await settled(requests)).toEqual({ requests: ['articles'], rankings: 1 });

    // Back to the first: everything it shows is already here.
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByRole('heading', { level: 2, name: /Q100202/ });
    expect(screen.getByText('XCON: Related One')).toBeTruthy();
    expect(await settled(requests)).toEqual({ requests: [], rankings: 0 });
  });
});
