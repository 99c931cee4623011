import browser from 'webextension-polyfill';
import type { ContentRequest } from '../messaging/protocol';

/** Keyboard commands (manifest "commands") that act on the page: relayed to the tab's content script. */
export async function onCommand(command: string): Promise<void> {
  if (command !== 'next-match' && command !== 'previous-match') return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const request: ContentRequest = { type: 'next-match', direction: command === 'next-match' ? 1 : -1 };
  // No content script on this tab (site not on): nothing to step through.
  await browser.tabs.sendMessage(tab.id, request).catch(() => undefined);
}
