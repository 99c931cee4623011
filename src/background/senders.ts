import browser from 'webextension-polyfill';
import { REQUESTS, type Request } from '../messaging/protocol';

/**
 * Who may ask what. A content script runs beside page script and must be assumed to be
 * steered by the page: it may ask about its own tab only, and never change sites. Only the
 * extension's own pages (popup, side panel, options) may ask about another tab or send the
 * requests REQUESTS marks `from: 'pages'`. Null when the sender may ask; otherwise why not,
 * naming the field where one decides.
 */
export function senderRefusal(req: Request, sender: browser.Runtime.MessageSender): string | null {
  if (isExtensionPage(sender)) return null;
  if (REQUESTS[req.type].from === 'pages') return "only the extension's own pages may ask this";
  if ('tabId' in req && req.tabId !== undefined && req.tabId !== sender.tab?.id)
    return 'tabId: a page may ask about its own tab only';
  return null;
}

/** A page of this extension: its own id, and a URL under its own origin (content scripts send the page's URL). */
export function isExtensionPage(sender: browser.Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id || typeof sender.url !== 'string') return false;
  return sender.url.startsWith(browser.runtime.getURL('/'));
}
