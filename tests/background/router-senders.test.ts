import { describe, expect, it } from 'vitest';
import type browser from 'webextension-polyfill';
import { vi } from 'vitest';
import { handleMessage } from '../../src/background/router';
import { senderRefusal } from '../../src/background/senders';

// The content-script bundles are built by the extension build, not here.
vi.mock('../../src/background/content-script-file', () => ({
  CONTENT_SCRIPT_FILE: 'c.js',
  HIGHLIGHT_CSS_FILE: 'h.css',
  LENS_SCRIPT_FILE: 'l.js',
}));
import type { Request } from '../../src/messaging/protocol';

const EXT = 'test-extension-id';
const popup: browser.Runtime.MessageSender = { id: EXT, url: `chrome-extension://${EXT}/popup.html` };
const poppedOut: browser.Runtime.MessageSender = {
  id: EXT,
  url: `chrome-extension://${EXT}/popup.html?tab=7`,
  tab: { id: 9 } as browser.Tabs.Tab,
};
const content = (tabId: number, url = 'https://helpdesk.example/ticket/1'): browser.Runtime.MessageSender => ({
  id: EXT,
  url,
  tab: { id: tabId, url } as browser.Tabs.Tab,
  frameId: 0,
});
// A page that names the extension's origin in its own URL is still a page.
const spoofing = content(3, `https://evil.example/?chrome-extension://${EXT}/popup.html`);

describe('background sender checks', () => {
  const cases: [string, Request, browser.Runtime.MessageSender, boolean][] = [
    ['popup asks for any tab summary', { type: 'tab-summary', tabId: 42 }, popup, true],
    ['popped-out popup asks for the tab it shows', { type: 'tab-summary', tabId: 7 }, poppedOut, true],
    ['content script asks for its own tab summary', { type: 'tab-summary', tabId: 3 }, content(3), true],
    ['content script asks for another tab summary', { type: 'tab-summary', tabId: 4 }, content(3), false],
    ['content script asks articles for its own tab', { type: 'articles', qs: ['Q227142'] }, content(3), true],
    [
      'content script asks articles judged against another tab',
      { type: 'articles', qs: ['Q227142'], tabId: 4 },
      content(3),
      false,
    ],
    ['content script turns a site on', { type: 'site-enable', pattern: 'https://evil.example/*' }, content(3), false],
    [
      'content script turns a site off',
      { type: 'site-disable', pattern: 'https://helpdesk.example/*' },
      content(3),
      false,
    ],
    ['content script scans another tab', { type: 'scan-once', tabId: 4 }, content(3), false],
    ['content script scans its own tab once (pages only)', { type: 'scan-once', tabId: 3 }, content(3), false],
    [
      'content script asks whether a site is on (pages only)',
      { type: 'site-state', url: 'https://helpdesk.example/ticket/1' },
      content(3),
      false,
    ],
    [
      'content script with no tab names a tab',
      { type: 'tab-summary', tabId: 3 },
      { id: EXT, url: 'https://helpdesk.example/' },
      false,
    ],
    [
      'a page spoofing the extension URL turns a site on',
      { type: 'site-enable', pattern: 'https://evil.example/*' },
      spoofing,
      false,
    ],
    [
      'another extension turns a site on',
      { type: 'site-enable', pattern: 'https://evil.example/*' },
      { id: 'other', url: 'chrome-extension://other/x.html' },
      false,
    ],
    [
      'options page turns a site on',
      { type: 'site-enable', pattern: 'https://helpdesk.example/*' },
      { id: EXT, url: `chrome-extension://${EXT}/options.html`, tab: { id: 5 } as browser.Tabs.Tab },
      true,
    ],
    ['content script searches', { type: 'search', query: 'store' }, content(3), true],
    ['the probe asks whether its text holds anything', { type: 'probe', text: 'Q227142' }, content(3), true],
    ['a card asks articles with related titles', { type: 'articles', qs: ['Q227142'], related: 7 }, content(3), true],
  ];
  for (const [name, req, sender, allowed] of cases) {
    it(`${allowed ? 'allows' : 'refuses'}: ${name}`, () => expect(senderRefusal(req, sender) === null).toBe(allowed));
  }

  it('answers a refused request with a named error and never runs its handler', async () => {
    await expect(handleMessage({ type: 'tab-summary', tabId: 4 }, content(3))).rejects.toThrow(
      'tab-summary: not allowed from this sender (tabId: a page may ask about its own tab only)',
    );
    await expect(handleMessage({ type: 'articles', qs: ['Q227142'], tabId: 4 }, content(3))).rejects.toThrow(
      'articles: not allowed from this sender (tabId: a page may ask about its own tab only)',
    );
    await expect(handleMessage({ type: 'site-enable', pattern: 'https://evil.example/*' }, spoofing)).rejects.toThrow(
      "site-enable: not allowed from this sender (only the extension's own pages may ask this)",
    );
    await expect(handleMessage({ type: 'tab-summary', tabId: 4 }, popup)).resolves.toBeNull();
  });

  it('refuses a malformed request or an unknown kind with an error naming the kind and the field', async () => {
    await expect(handleMessage({ type: 'probe' }, content(3))).rejects.toThrow('probe: text is missing (a string)');
    await expect(handleMessage({ type: 'articles', qs: ['Q227142'], related: '7' }, content(3))).rejects.toThrow(
      'articles: related must be a number, got a string',
    );
    await expect(
      handleMessage({ type: 'site-enable', pattern: 'https://evil.example/*', managed: true }, popup),
    ).rejects.toThrow('site-enable: managed is not a field of this message');
    await expect(handleMessage({ type: 'delete-everything' }, popup)).rejects.toThrow(
      'unknown request kind "delete-everything"',
    );
    await expect(handleMessage('scan', popup)).rejects.toThrow('not a request');
  });

  it('checks the shape before the sender: a malformed request from a page says what is wrong, not who may ask', async () => {
    await expect(handleMessage({ type: 'site-enable', pattern: 42 }, content(3))).rejects.toThrow(
      'site-enable: pattern must be a string, got a number',
    );
  });
});
