import type browser from 'webextension-polyfill';
import { requestError, type Request, type Response } from '../messaging/protocol';
import { isExtensionPage, senderRefusal } from './senders';
import { searchesFirst } from './search-views';
import { disableSite, enableSite, injectInto, injectLens, siteState } from './sites';
import { customIndex, indexStatus, scanService, searchService, summaryService } from './services';
import { readTab } from '../storage/tab-store';

type Handlers = {
  [T in Request['type']]: (
    req: Extract<Request, { type: T }>,
    sender: browser.Runtime.MessageSender,
  ) => Promise<Response<Extract<Request, { type: T }>>>;
};

const handlers: Handlers = {
  scan: async (req, sender) => {
    const tab = sender.tab?.id !== undefined ? { id: sender.tab.id, url: sender.tab.url ?? '' } : null;
    const { scanBlock } = await scanService();
    return { matches: await scanBlock(req.text, tab, req.reset === true && sender.frameId === 0) };
  },
  probe: async (req, sender) => {
    const tab = sender.tab?.id !== undefined ? { id: sender.tab.id, url: sender.tab.url ?? '' } : null;
    const { probeBlock } = await scanService();
    return { found: await probeBlock(req.text, tab, req.reset === true && sender.frameId === 0) };
  },
  articles: async (req, sender) =>
    (await summaryService()).articlesAnswer(req.qs, req.tabId ?? sender.tab?.id, req.related),
  search: async (req) => ({ results: await (await searchService()).searchAll(req.query, req.limit) }),
  'tab-summary': (req, sender) => {
    const answer = summaryOf(req.tabId);
    // The popup or side panel shows the summary, then is searched from: read the search index
    // once the summary is answered.
    if (isExtensionPage(sender))
      void answer.finally(() => searchService().then((s) => s.prepareSearch())).catch(() => undefined);
    return answer;
  },
  'site-state': (req) => siteState(req.url),
  'site-enable': (req) => enableSite(req.pattern),
  'site-disable': (req) => disableSite(req.pattern),
  'scan-once': (req) => injectInto(req.tabId),
  'load-lens': async (_req, sender) => injectLens(sender.tab?.id, sender.frameId),
  'index-status': async (_req, sender) => {
    // A lookup window asks this as it opens, and searches next.
    if (isExtensionPage(sender) && searchesFirst(sender.url!)) void searchService().then((s) => s.prepareSearch());
    const [{ bundledIndex }, custom] = await Promise.all([
      indexStatus(),
      customIndex().then((c) => c.customArticles()),
    ]);
    const manifest = await bundledIndex.manifest();
    return { ready: true, articles: manifest.articles, custom: custom?.records.size ?? 0 };
  },
};

/**
 * A tab KB Lens found nothing on has no summary, and that answer needs only the tab's stored state:
 * the summary's modules (ranking, verdicts, described tickets) are evaluated for a tab that has
 * matches. A popup opened over any other page asks for its tab's summary as it starts; in a worker
 * started by that popup, evaluating them took ~15 ms ahead of the agent's first search.
 */
async function summaryOf(tabId: number) {
  const stored = await readTab(tabId);
  return stored ? (await summaryService()).tabSummary(tabId, stored) : null;
}

/**
 * Only well-formed requests (the shapes of messaging/protocol.ts's REQUESTS table) from a sender
 * allowed to ask reach a handler. Anything else is answered with an error naming the request
 * kind and the field, so a malformed message fails loudly at its sender instead of in a handler.
 */
export function handleMessage(message: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> {
  const malformed = requestError(message);
  if (malformed !== null) return Promise.reject(new Error(malformed));
  const request = message as Request;
  const refused = senderRefusal(request, sender);
  if (refused !== null) return Promise.reject(new Error(`${request.type}: not allowed from this sender (${refused})`));
  const handler = handlers[request.type] as (req: Request, sender: browser.Runtime.MessageSender) => Promise<unknown>;
  return handler(request, sender).catch((e: Error) => {
    // The caller sees a rejected promise with the reason; the worker keeps serving others.
    throw new Error(`${request.type}: ${e.message}`);
  });
}
