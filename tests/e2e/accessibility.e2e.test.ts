/**
 * axe-core over every extension page an agent reads, light and dark: the popup's search (with
 * results), an article's detail, a ticket's summary, the side panel and the options page. Rules:
 * WCAG 2.x A and AA, and axe's best practices (one h1, one main landmark). 0 violations.
 */
import { describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { useExtension, e2eUnavailable } from './harness';

const unavailable = e2eUnavailable();
if (unavailable) console.warn(`accessibility e2e skipped: ${unavailable}`);

const POPUP_SIZE = { width: 400, height: 600 };

/** "rule: target (summary)" per failing node, so a failure names what to fix. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? v.help})`),
  );
}

/** The page's violations in light and then in dark, each prefixed with its scheme. */
async function inBothSchemes(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    out.push(...(await violations(page)).map((v) => `${scheme}: ${v}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}

describe.skipIf(unavailable !== null)('accessibility of the popup, side panel and options page', () => {
  const env = useExtension();

  async function open(path: string, ready: string): Promise<Page> {
    const page = await env.browser.context.newPage();
    await page.setViewportSize(POPUP_SIZE);
    await page.goto(`chrome-extension://${env.browser.extensionId}/${path}`);
    await page.locator(ready).first().waitFor({ timeout: 20_000 });
    return page;
  }

  it("search with results, the active row and an article's detail", async () => {
    const popup = await open('popup.html?search=', '#kbl-search');
    await popup.locator('#kbl-search').pressSequentially('communications failure', { delay: 5 });
    await popup.locator('section.results [role="option"]').first().waitFor({ timeout: 20_000 });
    await popup.locator('#kbl-search').press('ArrowDown');
    expect(await inBothSchemes(popup)).toEqual([]);
    await popup.locator('#kbl-search').press('Enter');
    await popup.locator('article.detail h2').waitFor({ timeout: 10_000 });
    await popup.locator('article.detail [data-action="copy-summary"]').waitFor({ timeout: 10_000 });
    expect(await inBothSchemes(popup)).toEqual([]);
    await popup.close();
  });

  it("a ticket's summary in the popup and in the side panel", async () => {
    const ticket = await env.browser.context.newPage();
    await ticket.goto(`${env.server.origin}/long-ticket.html`);
    await ticket.waitForFunction(
      () => ((CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('kblens-q')?.size ?? 0) > 0,
      null,
      { timeout: 30_000 },
    );
    const tab = await env.browser.worker.evaluate(
      async (u) => (await chrome.tabs.query({ url: u }))[0]?.id as number,
      ticket.url(),
    );
    const popup = await open(`popup.html?tab=${tab}`, '[role="option"]');
    expect(await inBothSchemes(popup)).toEqual([]);
    await popup.close();
    const panel = await open('sidepanel.html', 'main');
    expect(await inBothSchemes(panel)).toEqual([]);
    await panel.close();
    await ticket.close();
  });

  it('the options page', async () => {
    const options = await env.browser.context.newPage();
    await options.setViewportSize({ width: 900, height: 1100 });
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    await options.locator('.options').waitFor({ timeout: 10_000 });
    expect(await inBothSchemes(options)).toEqual([]);
    await options.close();
  });
});
