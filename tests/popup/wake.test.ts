/**
 * public/wake.js, the popup's and side panel's first script: it starts the worker at once and asks
 * for the summary of the tab the page will show (the same tab the page picks, src/popup/main.tsx),
 * so the worker makes it while the page renders. A lookup window has no tab: no summary.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { requestError } from '../../src/messaging/protocol';

const WAKE = readFileSync(fileURLToPath(new URL('../../public/wake.js', import.meta.url)), 'utf8');

async function wake(search: string, activeTab: number | null = 41): Promise<unknown[]> {
  const sent: unknown[] = [];
  const chrome = {
    runtime: { sendMessage: (m: unknown) => (sent.push(m), Promise.resolve(undefined)) },
    tabs: { query: async () => (activeTab === null ? [] : [{ id: activeTab }]) },
  };
  runInNewContext(WAKE, { chrome, location: { search }, URLSearchParams, Promise });
  await new Promise((r) => setTimeout(r, 0));
  return sent;
}

describe('wake.js', () => {
  it('starts the worker, then asks for the summary of the tab the page shows', async () => {
    expect(await wake('')).toEqual([{ type: 'index-status' }, { type: 'tab-summary', tabId: 41 }]);
    expect(await wake('?tab=17')).toEqual([{ type: 'index-status' }, { type: 'tab-summary', tabId: 17 }]);
    // ?tab= wins over ?search=, as in the page.
    expect(await wake('?tab=17&search=x')).toEqual([{ type: 'index-status' }, { type: 'tab-summary', tabId: 17 }]);
  });

  it('asks for no summary in a lookup window, or where there is no tab', async () => {
    expect(await wake('?search=ntbackup')).toEqual([{ type: 'index-status' }]);
    expect(await wake('', null)).toEqual([{ type: 'index-status' }]);
    expect(await wake('?tab=abc', null)).toEqual([{ type: 'index-status' }]);
  });

  it('sends requests the worker accepts', async () => {
    for (const m of await wake('?tab=17')) expect(requestError(m)).toBeNull();
  });
});
