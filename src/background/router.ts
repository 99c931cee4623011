import type browser from 'webextension-polyfill';
import type { Request, Response } from '../messaging/protocol';
import { bundledIndex } from './bundled-index';
import { customArticles } from './custom-index';
import { probeBlock, scanBlock } from './scan-service';
import { prepareSearch, searchAll, searchesFirst } from './search-service';
import { articlesAnswer, tabSummary } from './summary-service';
import { isExtensionPage, senderMayAsk } from './senders';
import { disableSite, enableSite, injectInto, injectLens, siteState } from './sites';

type Handlers = { [T in Request['type']]: (req: Extract<Request, { type: T }>, sender: browser.Runtime.MessageSender) => Promise<Response<Extract<Request, { type: T }>>> };

const handlers: Handlers = {
  scan: async (req, sender) => {
    const tab = sender.tab?.id !== undefined ? { id: sender.tab.id, url: sender.tab.url ?? '' } : null;
    return { matches: await scanBlock(req.text, tab, req.reset === true && sender.frameId === 0) };
  },
  probe: async (req, sender) => {
    const tab = sender.tab?.id !== undefined ? { id: sender.tab.id, url: sender.tab.url ?? '' } : null;
    return { found: await probeBlock(req.text, tab, req.reset === true && sender.frameId === 0) };
  },
  articles: (req, sender) => articlesAnswer(req.qs, req.tabId ?? sender.tab?.id, req.related),
  search: async (req) => ({ results: await searchAll(req.query, req.limit) }),
  'tab-summary': (req, sender) => {
    const answer = tabSummary(req.tabId);
    // The popup or side panel shows the summary, then is searched from: read the search index
    // once the summary is answered.
    if (isExtensionPage(sender)) void answer.finally(prepareSearch).catch(() => undefined);
    return answer;
  },
  'site-state': (req) => siteState(req.url),
  'site-enable': (req) => enableSite(req.pattern),
  'site-disable': (req) => disableSite(req.pattern),
  'scan-once': (req) => injectInto(req.tabId),
  'load-lens': async (_req, sender) => injectLens(sender.tab?.id, sender.frameId),
  'index-status': async (_req, sender) => {
    // A lookup window asks this as it opens, and searches next.
    if (isExtensionPage(sender) && searchesFirst(sender.url!)) prepareSearch();
    const [manifest, custom] = await Promise.all([bundledIndex.manifest(), customArticles()]);
    return { ready: true, articles: manifest.articles, custom: custom?.records.size ?? 0 };
  },
};

/** Only well-formed requests reach a handler; anything else gets no answer (undefined). */
export function handleMessage(message: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> | undefined {
  if (!isRequest(message)) return undefined;
  if (!senderMayAsk(message, sender)) return Promise.reject(new Error(`${message.type}: not allowed from this sender`));
  const handler = handlers[message.type] as (req: Request, sender: browser.Runtime.MessageSender) => Promise<unknown>;
  return handler(message, sender).catch((e: Error) => {
    // The caller sees a rejected promise with the reason; the worker keeps serving others.
    throw new Error(`${message.type}: ${e.message}`);
  });
}

function isRequest(m: unknown): m is Request {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  switch (r.type) {
    case 'scan':
    case 'probe': return typeof r.text === 'string';
    case 'articles': return Array.isArray(r.qs) && r.qs.every((q) => typeof q === 'string') && (r.related === undefined || typeof r.related === 'number');
    case 'search': return typeof r.query === 'string';
    case 'tab-summary':
    case 'scan-once': return typeof r.tabId === 'number';
    case 'site-state': return typeof r.url === 'string';
    case 'site-enable':
    case 'site-disable': return typeof r.pattern === 'string';
    case 'index-status':
    case 'load-lens': return true;
    default: return false;
  }
}
