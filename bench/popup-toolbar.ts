/**
 * Part "popup", the toolbar case: the popup opened by chrome.action.openPopup(), as a click on the
 * toolbar button opens it, with the service worker stopped before each load.
 *
 * Why apart from the popup part's tab loads: opening a tab sends the worker a tabs.onUpdated event,
 * which starts a stopped worker before the popup has even begun to load, 50–100 ms ahead of the
 * popup's own first message. A popup opened from the toolbar sends no tab event: the worker starts
 * with the popup's first message (public/wake.js), and its start is on the measured path.
 *
 * Playwright does not see a toolbar popup as a page, so the probe cannot be installed from outside:
 * the loads use a copy of the built extension whose popup.html runs the probe first. The probe
 * leaves its times in the extension's localStorage and closes the popup; an extension page of the
 * same copy (which never messages the worker) opens each popup and reads the times.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, launchWithExtension, stopExtensionWorker } from '../tests/e2e/harness';
import { KEEP_IMAGE_AFTER_MS } from '../src/background/index-source';

/** Where a toolbar popup's probe leaves its times (the copy's localStorage). */
const REPORT_KEY = 'kblens-bench-probe';
const PROBE_FILE = 'kblens-bench-probe.js';
const LOAD_TIMEOUT_MS = 30_000;

export interface ToolbarLoads {
  /** One probe report per load that answered in time (times from the popup's navigation start). */
  loads: Record<string, number | null>[];
  /** Loads before which the worker was confirmed stopped. */
  stopped: number;
  /** Why no load was made (chrome.action.openPopup missing or refused). */
  skipped?: string;
}

/**
 * `probeSource(onDone)` is the popup part's probe, given the statement that runs once what the load
 * waits for has been taken.
 */
export async function toolbarLoads(probeSource: (onDone: string) => string, runs: number): Promise<ToolbarLoads> {
  const copy = mkdtempSync(join(tmpdir(), 'kblens-bench-toolbar-'));
  try {
    cpSync(DIST, copy, { recursive: true });
    const report = `localStorage.setItem(${JSON.stringify(REPORT_KEY)}, JSON.stringify({ ...window.__popupBench, dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0 })); window.close();`;
    writeFileSync(join(copy, PROBE_FILE), probeSource(report));
    const html = join(copy, 'popup.html');
    writeFileSync(html, readFileSync(html, 'utf8').replace('<head>', `<head><script src="/${PROBE_FILE}"></script>`));

    const ext = await launchWithExtension({ dist: copy });
    try {
      // The page that opens the popups: an extension page, so openPopup is allowed, and one that
      // never messages the worker.
      const front: Page = ext.context.pages()[0] ?? (await ext.context.newPage());
      await front.goto(`chrome-extension://${ext.extensionId}/manifest.json`);
      const loads: Record<string, number | null>[] = [];
      let stopped = 0;
      for (let i = 0; i <= runs; i++) {
        if (await stopExtensionWorker(ext, front)) stopped += i > 0 ? 1 : 0;
        await front.evaluate((key) => localStorage.removeItem(key), REPORT_KEY);
        const refused = await front.evaluate(async () => {
          try {
            await chrome.action.openPopup();
            return null;
          } catch (e) {
            return String(e instanceof Error ? e.message : e);
          }
        });
        if (refused) return { loads, stopped, skipped: `chrome.action.openPopup: ${refused}` };
        const got = await waitForReport(front);
        // The first load is untimed, as in the popup part: it warms the browser's own paths. Its
        // worker is then left running until it has stored the search head's image, as any worker
        // that answered a search and idled for Chrome's 30 s has: every later start reads it back.
        // (The popup part's warm loads do the same for its cold rows.)
        if (i > 0 && got) loads.push(got);
        await new Promise((r) => setTimeout(r, i === 0 ? KEEP_IMAGE_AFTER_MS + 1000 : 200));
      }
      return { loads, stopped };
    } finally {
      await ext.close();
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** Polls the opener page (never the popup, whose main thread is being measured) for the probe's report. */
async function waitForReport(front: Page): Promise<Record<string, number | null> | null> {
  const until = Date.now() + LOAD_TIMEOUT_MS;
  while (Date.now() < until) {
    const text = await front.evaluate((key) => localStorage.getItem(key), REPORT_KEY);
    if (text) return JSON.parse(text) as Record<string, number | null>;
    await new Promise((r) => setTimeout(r, 25));
  }
  return null;
}
