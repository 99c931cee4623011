// @vitest-environment happy-dom
/**
 * A query typed before the worker has answered the page is searched in the page itself
 * (src/popup/local-search.ts, whose IndexedDB and packaged reads run in the browser tests); once the
 * worker has answered, the worker searches. The page's own search is replaced here by a recorder.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { App } from '../../src/popup/App';
import { FIRST_SCREEN, WORKER_ANSWERED } from '../../src/popup/hooks';
import type { SearchHit } from '../../src/messaging/protocol';
import { deferred, fakeBackground } from '../ui/fixtures';

const here = vi.hoisted(() => ({ searchHere: vi.fn<(q: string, limit: number) => Promise<SearchHit[] | null>>() }));
vi.mock('../../src/popup/local-search', () => here);

const hit = (q: string, title: string): SearchHit => ({ q, title, score: 1 });
const searchBox = () => screen.getByRole('combobox') as HTMLInputElement;

/** A worker that has not answered the index status yet (a cold start): it answers when `up` resolves. */
function startingWorker() {
  const up = deferred<void>();
  const calls = fakeBackground({
    'index-status': async () => (await up.promise, { ready: true, articles: 60335, custom: 0 }),
    'tab-summary': () => null,
    search: () => ({ results: [hit('Q200001', 'from the worker')] }),
  });
  return { calls, up };
}

async function typeQuery(q: string) {
  render(<App mode="lookup" indexPollMs={5} />);
  await waitFor(() => expect(document.activeElement).toBe(searchBox()));
  fireEvent.input(searchBox(), { target: { value: q } });
  return within(await screen.findByRole('listbox', { name: 'Search results' }));
}

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute(WORKER_ANSWERED);
  here.searchHere.mockReset();
});

describe('search before the worker has answered', () => {
  it('answers from the page itself, without asking the worker', async () => {
    const { calls } = startingWorker();
    here.searchHere.mockResolvedValue([hit('Q100001', 'from the page')]);
    const list = await typeQuery('communications failure');
    await waitFor(() => expect(list.getAllByRole('option').map((o) => o.dataset.q)).toEqual(['Q100001']));
    expect(here.searchHere).toHaveBeenCalledWith('communications failure', FIRST_SCREEN);
    expect(calls.filter((c) => c.type === 'search')).toEqual([]);
  });

  it('asks the worker where the page has no answer of its own (a team with its own articles) or fails', async () => {
    for (const own of [() => Promise.resolve(null), () => Promise.reject(new Error('IndexedDB refused'))]) {
      const { calls } = startingWorker();
      here.searchHere.mockImplementation(own);
      const list = await typeQuery('communications failure');
      await waitFor(() => expect(list.getAllByRole('option').map((o) => o.dataset.q)).toEqual(['Q200001']));
      expect(calls).toContainEqual({ type: 'search', query: 'communications failure', limit: FIRST_SCREEN });
      cleanup();
    }
  });

  it('asks the worker once it has answered the page', async () => {
    startingWorker();
    document.documentElement.setAttribute(WORKER_ANSWERED, '');
    const list = await typeQuery('communications failure');
    await waitFor(() => expect(list.getAllByRole('option').map((o) => o.dataset.q)).toEqual(['Q200001']));
    expect(here.searchHere).not.toHaveBeenCalled();
  });
});
