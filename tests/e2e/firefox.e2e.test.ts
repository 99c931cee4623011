import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { ARTIFACTS, servePages, writeArtifact } from './harness';
import { firefoxIndexMissing, firefoxManifest, firefoxUnavailable, launchFirefox } from './firefox-harness';

/**
 * The Firefox build (dist-firefox/, made by `npm run build:e2e` with KBLENS_SITES=http://127.0.0.1/*)
 * in Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi.
 *
 * What Firefox lets us check from outside: the add-on installs (so Firefox accepts the manifest),
 * the background registers the content script for the preset site (scripting API in an event
 * page), the content script highlights matches (the page's CSS.highlights registry, which the
 * isolated content script shares with the page) and the hover card opens (its host element
 * appears; the card itself is in a closed shadow root, by design).
 *
 * What it does not let us check: the popup, options and sidebar pages. BiDi refuses to navigate
 * a tab to moz-extension:// ("Navigation to moz-extension://… is not allowed in this context"),
 * and the toolbar button and sidebar are browser chrome, out of reach of BiDi. Those pages are the
 * same code as in Chrome and are covered by the Chromium end-to-end tests and the Vitest
 * component tests; the last test below keeps the limitation visible and fails once Firefox lifts it.
 */
// A fixed moz-extension:// host for our add-on (Firefox otherwise picks a random one per profile).
const UUID = '6f1c2b7e-4a5d-4e8f-9b0a-3c2d1e0f9a8b';
const manifest = firefoxManifest;
const noIndex = firefoxIndexMissing();

const reason = firefoxUnavailable();
if (reason) console.warn(`firefox.e2e: skipped: ${reason}`);
else if (noIndex) console.warn(`firefox.e2e: highlight and card tests skipped: ${noIndex}`);

describe.skipIf(reason !== null)('Firefox (firefox-esr, dist-firefox/)', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof servePages>>;
  let installedId: string;

  beforeAll(async () => {
    server = await servePages();
    ({ browser, id: installedId } = await launchFirefox({
      'extensions.webextensions.uuids': JSON.stringify({ [manifest()!.browser_specific_settings.gecko.id]: UUID }),
    }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('installs the add-on: Firefox accepts the manifest (gecko id, event page, sidebar, strict_min_version)', async () => {
    expect(installedId).toBe(manifest()!.browser_specific_settings.gecko.id);
  });

  /** Opens the ticket until the registered content script has highlighted it (registration follows install). */
  async function openTicket(): Promise<{ page: Page; highlights: Record<string, string[]> }> {
    const page = await browser.newPage();
    let highlights: Record<string, string[]> = {};
    for (let attempt = 0; attempt < 20; attempt++) {
      await page.goto(`${server.origin}/firefox-ticket.html`);
      for (let i = 0; i < 10; i++) {
        // The content script paints with StaticRanges; a live Range over the same points gives the text.
        highlights = await page.evaluate(() =>
          Object.fromEntries(
            [...CSS.highlights.entries()].map(([name, h]) => [
              name,
              [...h].map((s) => {
                const r = document.createRange();
                r.setStart(s.startContainer, s.startOffset);
                r.setEnd(s.endContainer, s.endOffset);
                return r.toString();
              }),
            ]),
          ),
        );
        if (Object.keys(highlights).length) return { page, highlights };
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    return { page, highlights };
  }

  it.skipIf(noIndex !== null)(
    'highlights the KB reference and the NDR on a preset site, without a prompt',
    async () => {
      const { page, highlights } = await openTicket();
      await writeArtifact('firefox-highlights.json', JSON.stringify(highlights, null, 2));
      const all = Object.values(highlights).flat();
      expect(all).toContain('Q227142');
      expect(all.some((t) => t.includes('Unable to deliver the message'))).toBe(true);
      expect(Object.keys(highlights).every((name) => name.startsWith('kblens-'))).toBe(true);
      // Highlights paint; they do not change the page.
      expect(await page.$$eval('mark, kblens-card-host', (els) => els.length)).toBe(0);
      await page.close();
    },
  );

  it.skipIf(noIndex !== null)('opens the card on hover over a highlight', async () => {
    const { page } = await openTicket();
    const point = await page.evaluate(() => {
      const text = document.getElementById('kb-ref')!.firstChild!;
      const range = document.createRange();
      range.selectNodeContents(text);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    await page.mouse.move(point.x - 200, point.y + 80);
    await page.mouse.move(point.x, point.y, { steps: 5 });
    const host = await page.waitForSelector('kblens-card-host', { timeout: 10_000 });
    expect(host).not.toBeNull();
    // The card is shown in the top layer as a popover; the page sees only its closed host.
    expect(
      await page.$eval('kblens-card-host', (h) => ({ open: h.matches(':popover-open'), shadow: h.shadowRoot })),
    ).toEqual({ open: true, shadow: null });
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'firefox-card.png') });
    await page.close();
  });

  it('cannot open the popup or options page: Firefox refuses BiDi navigation to moz-extension:// (covered in Chromium)', async () => {
    const page = await browser.newPage();
    await expect(page.goto(`moz-extension://${UUID}/popup.html`)).rejects.toThrow(/not allowed|unsupported operation/);
    await page.close();
  });
});
