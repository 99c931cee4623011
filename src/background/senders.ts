import browser from 'webextension-polyfill';
import type { Request } from '../messaging/protocol';

/**
 * Who may ask what. A content script runs beside page script and must be assumed to be
 * steered by the page: it may ask about its own tab only, and never change sites. Only the
 * extension's own pages (popup, side panel, options) may ask about another tab or turn a site
 * on or off.
 */
export function senderMayAsk(req: Request, sender: browser.Runtime.MessageSender): boolean {
  if (isExtensionPage(sender)) return true;
  const ownTab = sender.tab?.id;
  switch (req.type) {
    case 'articles': return req.tabId === undefined || req.tabId === ownTab;
    case 'tab-summary': return ownTab !== undefined && req.tabId === ownTab;
    case 'site-enable':
    case 'site-disable':
    case 'scan-once':
    case 'site-state': return false;
    default: return true;
  }
}

/** A page of this extension: its own id, and a URL under its own origin (content scripts send the page's URL). */
export function isExtensionPage(sender: browser.Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id || typeof sender.url !== 'string') return false;
  return sender.url.startsWith(browser.runtime.getURL('/'));
}
