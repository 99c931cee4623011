/**
 * The options page and the popup in Chromium with the built extension: a team imports a folder of
 * its own articles (one file in it is not an article), then finds them in the popup's search and
 * on a ticket page, and removes one again. Then a screenshot of every view, light and dark, for
 * docs/screenshots. The articles are invented (tests/fixtures/own-articles).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import {
  useExtension,
  collectConsoleErrors,
  highlightTexts,
  hoverFirstHighlight,
  e2eUnavailable,
  inCard,
  ROOT,
  screenshot,
  type ExtensionBrowser,
} from './harness';

const unavailable = e2eUnavailable();
if (unavailable) console.warn(`popup/options e2e skipped: ${unavailable}`);

/** The folder the agent picks: its name is the first part of every file's webkitRelativePath. */
const TEAM_FOLDER = join(ROOT, 'tests/fixtures/own-articles/team-kb');
const OWN_ERROR = 'Orbit Desk could not renew the queue lease token for the mailbox gateway.';
const OWN_TITLE = 'ORB: Skylark Sync Stops with Lease Token Error After Upgrade';
const POPUP_SIZE = { width: 400, height: 600 };

/** Types `query` into the popup's search box and returns the Q-numbers of the answer to it, in order. */
async function searchFor(popup: Page, query: string): Promise<string[]> {
  const box = popup.locator('#kbl-search');
  await box.fill('');
  await box.pressSequentially(query, { delay: 5 });
  // data-answered is the query the shown list answers: the list is this query's, not a stale one.
  await popup
    .locator(`section.results[data-answered="${query.trim().replace(/"/g, '\\"')}"]`)
    .waitFor({ timeout: 20_000 });
  return popup
    .locator('section.results [role="option"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-q') ?? ''));
}

async function openPopup(browser: ExtensionBrowser, query: string): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize(POPUP_SIZE);
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html${query}`);
  await popup.locator('#kbl-search').waitFor();
  return popup;
}

async function tabIdOf(browser: ExtensionBrowser, url: string): Promise<number> {
  const id = await browser.worker.evaluate(
    async (u) => (await chrome.tabs.query({ url: u }))[0]?.id as number | undefined,
    url,
  );
  if (id === undefined) throw new Error(`no tab for ${url}`);
  return id;
}

/** Light, then dark (the popup and options follow prefers-color-scheme), both saved under artifacts/e2e. */
async function lightAndDark(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

describe.skipIf(unavailable !== null)('your own articles: options page, popup search and the page', () => {
  const env = useExtension();

  it('imports a folder on the options page: the file that is not an article is named with its reason, the rest are listed', async () => {
    const options = await env.browser.context.newPage();
    const errors = collectConsoleErrors(options);
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    await options.locator('[data-custom="empty"]').waitFor();

    const folderInput = options.locator('input[data-input="import-folder"]');
    expect(await folderInput.evaluate((el) => (el as HTMLInputElement).webkitdirectory)).toBe(true);
    await folderInput.setInputFiles(TEAM_FOLDER);

    const result = options.locator('[data-result="articles-import"]');
    await result.waitFor({ timeout: 20_000 });
    expect(await result.locator('p').first().textContent()).toBe('Imported 3 article(s).');
    const failures = await result
      .locator('[data-list="failures"] li')
      .evaluateAll((els) => els.map((e) => ({ file: e.getAttribute('data-file'), text: e.textContent })));
    expect(failures).toEqual([
      {
        file: 'team-kb/drafts/kiosk-printers.md',
        text: 'team-kb/drafts/kiosk-printers.md:1: no front matter title and no "Article:" header: not an article in the archive format',
      },
    ]);

    const rows = await options
      .locator('table.custom-list tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)));
    expect(rows).toEqual([
      ['Q900201', OWN_TITLE, 'team-kb/900/Q900201/README.md'],
      ['Q900202', 'ORB: How to Remove the Old Lease Service by Hand', 'team-kb/900/Q900202/README.md'],
      ['Q900203', 'ORB: Attachments Over 25 MB Are Dropped by the Web Form', 'team-kb/Q900203-web-form-attachments.md'],
    ]);
    expect(errors).toEqual([]);
    await options.close();
  });

  it('finds an imported article in the popup by its Q-number, a title word and its error string', async () => {
    const popup = await openPopup(env.browser, '?search=');
    const errors = collectConsoleErrors(popup);
    // The background rebuilds its index of the team's articles when told of the import; poll for it.
    await expect.poll(async () => (await searchFor(popup, 'Q900201'))[0], { timeout: 20_000 }).toBe('Q900201');
    expect((await searchFor(popup, 'Skylark'))[0]).toBe('Q900201');
    expect((await searchFor(popup, OWN_ERROR))[0]).toBe('Q900201');
    // The Markdown article is searchable too, by its own error string.
    expect((await searchFor(popup, 'upload quota and was discarded'))[0]).toBe('Q900203');

    // Enter opens the first result: the detail shows what the article's file says.
    await popup.locator('#kbl-search').fill('');
    expect(await searchFor(popup, 'Q900201')).toContain('Q900201');
    await popup.keyboard.press('Enter');
    const detail = popup.locator('article.detail[data-q="Q900201"]');
    // The heading shows the bare Q-number while the article loads: wait for the title.
    await expect.poll(() => detail.locator('h2').textContent(), { timeout: 10_000 }).toContain(OWN_TITLE);
    expect(await detail.locator('[data-field] li[data-kind="error"]').allTextContents()).toEqual([OWN_ERROR]);
    expect(
      await detail.locator('[data-related]').evaluateAll((els) => els.map((e) => e.getAttribute('data-related'))),
    ).toEqual(['Q900202']);
    expect(await detail.textContent()).toContain('Orbit Desk 3.2 Service Pack 1');
    expect(await detail.textContent()).toContain('Orbsync.exe');
    expect(errors).toEqual([]);
    await popup.close();
  });

  it("highlights the imported article's error and Q-number on a ticket page, and the card shows the article", async () => {
    const page = await env.browser.context.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(`${env.server.origin}/own-article.html`);
    await expect
      .poll(() => highlightTexts(page), { timeout: 30_000, interval: 100 })
      .toEqual({
        // The highlight stops before the sentence's full stop.
        'kblens-error': ['Orbit Desk could not renew the queue lease token for the mailbox gateway'],
        'kblens-q': ['Q900201'],
      });

    // Hover the error: the card opens on the team's article.
    await hoverFirstHighlight(page, 'kblens-error');
    await expect
      .poll(
        () =>
          inCard(page, (root) => ({
            q: root.querySelector('.article .q')?.textContent ?? null,
            title: root.querySelector('.article .title')?.textContent ?? null,
          })),
        { timeout: 10_000 },
      )
      .toEqual({ q: 'Q900201', title: OWN_TITLE });
    await screenshot(page, 'own-article-card');
    await page.keyboard.press('Escape');

    // The tab's summary lists the article with both kinds of match.
    const popup = await openPopup(env.browser, `?tab=${await tabIdOf(env.browser, page.url())}`);
    const row = popup.locator('[role="option"][data-articles="Q900201"]');
    await row.waitFor({ timeout: 15_000 });
    expect((await row.getAttribute('data-kinds'))!.split(' ').sort()).toEqual(['error', 'q']);
    expect(
      await popup.locator('[role="option"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-articles'))),
    ).toEqual(['Q900201']);
    // The ticket says "Orbit Desk 3.2", a product only the team's article knows: it is judged against the fix all the same.
    expect(await row.textContent()).toContain(
      'the ticket names Orbit Desk 3.2 but not its service pack; fixed in Orbit Desk 3.2 Service Pack 1',
    );
    await lightAndDark(popup, 'popup-summary-own-article');
    expect(errors).toEqual([]);
    expect(env.browser.foreignRequests).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('removing an article on the options page takes it out of search', async () => {
    const options = await env.browser.context.newPage();
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    await options.locator('tr[data-q="Q900201"]').waitFor({ timeout: 10_000 });
    await options.locator('tr[data-q="Q900201"] [data-action="remove-article"]').click();
    await expect
      .poll(() =>
        options.locator('table.custom-list tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-q'))),
      )
      .toEqual(['Q900202', 'Q900203']);
    await options.close();

    const popup = await openPopup(env.browser, '?search=');
    await expect
      .poll(async () => (await searchFor(popup, 'Q900201')).includes('Q900201'), { timeout: 20_000 })
      .toBe(false);
    expect(await searchFor(popup, 'Skylark')).not.toContain('Q900201');
    expect(await searchFor(popup, OWN_ERROR)).not.toContain('Q900201');
    // The others stay.
    expect((await searchFor(popup, 'Q900202'))[0]).toBe('Q900202');
    await popup.close();
  });

  it("screenshots every view, light and dark, at the popup's size", async () => {
    // Summary of the long ticket (the README's pictures), its first article's detail.
    const ticket = await env.browser.context.newPage();
    await ticket.goto(`${env.server.origin}/long-ticket.html`);
    await ticket.waitForFunction(
      () => ((CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('kblens-q')?.size ?? 0) > 0,
      null,
      { timeout: 30_000 },
    );
    const popup = await openPopup(env.browser, `?tab=${await tabIdOf(env.browser, ticket.url())}`);
    const first = popup.locator('[role="option"]').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.getAttribute('data-articles')).toBe('Q227142');
    // Chromium gives an extension page's body its own font at 75 %: the theme's 13 px must win.
    expect(await popup.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('13px');
    // A match quoted over several lines of the page reads as one line.
    expect(await first.locator('code.match-text').first().textContent()).toBe(
      'Unable to deliver the message due to a communications failure',
    );
    await lightAndDark(popup, 'popup-summary');

    await first.click();
    await popup.locator('article.detail[data-q="Q227142"] [data-action="copy-summary"]').waitFor({ timeout: 10_000 });
    await lightAndDark(popup, 'popup-detail');
    await popup.close();

    const search = await openPopup(env.browser, '?search=');
    expect(await searchFor(search, 'communications failure')).toContain('Q227142');
    await search.locator('#kbl-search').press('ArrowDown');
    await lightAndDark(search, 'popup-search');
    await search.close();

    // A site KB Lens is not on for: localhost is the same server under a name the build does not
    // cover. Without a permission for it the env.browser hides the tab's address from the extension;
    // the action popup gets it through activeTab when the agent clicks the toolbar button, which a
    // test cannot do, so this popup is told the address the way activeTab would tell it. The
    // rest (the background's "off" verdict, the buttons) is the real thing.
    const offPage = await env.browser.context.newPage();
    const offUrl = `${env.server.origin.replace('127.0.0.1', 'localhost')}/own-article.html`;
    await offPage.goto(offUrl);
    await offPage.bringToFront();
    const offTab = await env.browser.worker.evaluate(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id as number,
    );
    const off = await env.browser.context.newPage();
    await off.setViewportSize(POPUP_SIZE);
    await off.addInitScript(
      ([id, url]) => {
        const tabs = (
          globalThis as unknown as { chrome: { tabs: { get: (id: number) => Promise<{ id: number; url?: string }> } } }
        ).chrome.tabs;
        const get = tabs.get.bind(tabs);
        tabs.get = async (tabId: number) => {
          const tab = await get(tabId);
          return tabId === id ? { ...tab, url } : tab;
        };
      },
      [offTab, offUrl] as const,
    );
    await off.goto(`chrome-extension://${env.browser.extensionId}/popup.html?tab=${offTab}`);
    await off.locator('[data-site="off"] [data-action="site-enable"]').waitFor({ timeout: 10_000 });
    expect(await off.locator('[data-action="site-enable"]').textContent()).toBe('Turn on for localhost');
    expect(await off.locator('[data-action="scan-once"]').isEnabled()).toBe(true);
    expect(await off.locator('main.content').textContent()).not.toContain('Nothing found');
    await lightAndDark(off, 'popup-site-off');
    await off.close();
    await offPage.close();
    await ticket.close();

    // The options page, with the two articles left from the import above.
    const options = await env.browser.context.newPage();
    await options.setViewportSize({ width: 900, height: 1100 });
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    await options.locator('tr[data-q="Q900203"]').waitFor({ timeout: 10_000 });
    expect(await options.locator('table.custom-list tbody tr').count()).toBe(2);
    expect(await options.evaluate(() => getComputedStyle(document.querySelector('.options')!).fontSize)).toBe('14px');
    await lightAndDark(options, 'options');
    await options.close();
  });
});
