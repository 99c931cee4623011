// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { OptionsApp } from '../../src/options/OptionsApp';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { memoryStore, REVISION_KEY, type CustomArticleStore } from '../../src/storage/custom-articles';
import { loadUserSites } from '../../src/storage/sites-store';
import type { ParseArticle } from '../../src/ui/import-articles';
import type { ParseResult } from '../../src/core/article/types';
import { fakeBackground, malformedRequests, record } from '../ui/fixtures';
import { makeZip } from '../core/zip/make-zip';

/**
 * Stands in for the archive parser (src/core/article/parse-article.ts, tested on its own): reads
 * an "Article:" and a "Title:" line, and fails like it does, by file and line.
 */
const parse: ParseArticle = (text, file): ParseResult => {
  const q = /^\s*Article: (Q\d+)\s*$/m.exec(text)?.[1];
  if (!q) return { ok: false, error: { file, line: 1, message: 'no "Article:" header field' } };
  const title = /^\s*Title: (.*)$/m.exec(text)?.[1] ?? '';
  return { ok: true, record: record(q, { title }), warnings: [], topic: new Map(), lead: [] };
};

const article = (q: string, title: string) =>
  `---\nlayout: page\n---\n\tArticle: ${q}\n\tTitle: ${title}\n\tProduct(s): Team Ticket Tool\n`;

function file(name: string, content: string | Uint8Array, relativePath?: string): File {
  const f = new File([content as BlobPart], name);
  if (relativePath) Object.defineProperty(f, 'webkitRelativePath', { value: relativePath });
  return f;
}

const PRESET = ['https://preset.example.com/*'];

function renderOptions(store: CustomArticleStore = memoryStore()) {
  return render(<OptionsApp store={store} parse={parse} presetSites={PRESET} />);
}

async function storedSettings(): Promise<Settings | undefined> {
  return (await fakeBrowser.storage.sync.get('settings')).settings as Settings | undefined;
}

beforeEach(() => {
  fakeBrowser.permissions.getAll = vi.fn(async () => ({
    origins: ['https://preset.example.com/*', 'https://mine.example.com/*', 'https://leftover.example.com/*'],
    permissions: [],
  }));
  fakeBrowser.permissions.request = vi.fn(async () => true);
  fakeBrowser.permissions.remove = vi.fn(async () => true);
});
afterEach(() => {
  cleanup();
  // Every request the options page sent in the test had the shape the real router accepts.
  expect(malformedRequests()).toEqual([]);
});

describe('sites', () => {
  it('lists preset, managed, user and permission-only sites, each marked', async () => {
    await fakeBrowser.storage.local.set({ sites: ['https://mine.example.com/*', 'https://revoked.example.com/*'] });
    await fakeBrowser.storage.managed.set({ sites: ['https://policy.example.com/*'] });
    fakeBackground({});
    renderOptions();
    await screen.findByText('https://mine.example.com/*');
    const row = (p: string) => document.querySelector<HTMLElement>(`[data-site="${p}"]`)!;
    expect(row('https://preset.example.com/*').dataset.source).toBe('preset');
    expect(within(row('https://preset.example.com/*')).getByText('Preconfigured')).toBeTruthy();
    expect(within(row('https://preset.example.com/*')).queryByRole('button', { name: 'Remove' })).toBeNull();
    await waitFor(() => expect(row('https://policy.example.com/*')).toBeTruthy());
    expect(within(row('https://policy.example.com/*')).getByText('Set by your administrator')).toBeTruthy();
    expect(within(row('https://policy.example.com/*')).queryByRole('button', { name: 'Remove' })).toBeNull();
    expect(row('https://mine.example.com/*').dataset.granted).toBe('true');
    expect(row('https://revoked.example.com/*').dataset.granted).toBe('false');
    expect(within(row('https://revoked.example.com/*')).getByRole('button', { name: 'Allow' })).toBeTruthy();
    expect(row('https://leftover.example.com/*').dataset.source).toBe('permission');
  });

  it('adds a site: permission first (in the gesture), then the background', async () => {
    const calls = fakeBackground({ 'site-enable': (r) => ({ kind: 'on', pattern: r.pattern, managed: false }) });
    renderOptions();
    await screen.findByText('https://mine.example.com/*');
    fireEvent.input(screen.getByLabelText('Add a site'), { target: { value: 'https://tickets.example.org/view/1' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Turn on' }).closest('form')!);
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://tickets.example.org/*'] });
    await waitFor(() =>
      expect(calls).toContainEqual({ type: 'site-enable', pattern: 'https://tickets.example.org/*' }),
    );
  });

  it('refuses something that is not a site', async () => {
    fakeBackground({});
    renderOptions();
    await screen.findByText('https://mine.example.com/*');
    fireEvent.input(screen.getByLabelText('Add a site'), { target: { value: 'not a site at all' } });
    fireEvent.submit(screen.getByLabelText('Add a site').closest('form')!);
    await screen.findByText(/is not a site/);
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
  });

  it('removes a site: the background first, then the permission', async () => {
    await fakeBrowser.storage.local.set({ sites: ['https://mine.example.com/*'] });
    const order: string[] = [];
    fakeBackground({ 'site-disable': (r) => (order.push('disable'), { kind: 'off', pattern: r.pattern }) });
    fakeBrowser.permissions.remove = vi.fn(async () => (order.push('remove'), true));
    renderOptions();
    const row = (await screen.findByText('https://mine.example.com/*')).closest('li')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Remove' }));
    await waitFor(() =>
      expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: ['https://mine.example.com/*'] }),
    );
    expect(order).toEqual(['disable', 'remove']);
  });
});

describe('highlighting settings', () => {
  it('saves kinds, colours and hover delay to storage.sync', async () => {
    fakeBackground({});
    renderOptions();
    const ndr = (await screen.findByRole('checkbox', { name: 'Highlight NDR' })) as HTMLInputElement;
    expect(ndr.checked).toBe(true);
    fireEvent.change(ndr, { target: { checked: false } });
    await waitFor(async () => expect((await storedSettings())?.kinds.ndr.enabled).toBe(false));

    fireEvent.change(document.querySelector('input[name="kinds.error.color"]')!, { target: { value: '#00ff00' } });
    await waitFor(async () => expect((await storedSettings())?.kinds.error.color).toBe('#00ff00'));

    fireEvent.change(screen.getByLabelText(/pointer rests/), { target: { value: '750' } });
    await waitFor(async () => expect((await storedSettings())?.hoverDelayMs).toBe(750));
    expect(await storedSettings()).toEqual({
      kinds: {
        q: DEFAULT_SETTINGS.kinds.q,
        ndr: { enabled: false, color: '#fecaca' },
        error: { enabled: true, color: '#00ff00' },
        build: DEFAULT_SETTINGS.kinds.build,
      },
      hoverDelayMs: 750,
    });
    expect(screen.getByText('Saved')).toBeTruthy();
  });

  it('shows stored settings', async () => {
    await fakeBrowser.storage.sync.set({ settings: { hoverDelayMs: 1200, kinds: { q: { enabled: false } } } });
    fakeBackground({});
    renderOptions();
    const q = (await screen.findByRole('checkbox', { name: 'Highlight KB' })) as HTMLInputElement;
    await waitFor(() => expect(q.checked).toBe(false));
    expect((screen.getByLabelText(/pointer rests/) as HTMLInputElement).value).toBe('1200');
  });

  it('a corrupt stored value falls back to its default alone; every other stored setting and site survives', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { hoverDelayMs: 'fast', kinds: { q: { enabled: false, color: 'url(javascript:x)' }, ndr: 7 } },
    });
    await fakeBrowser.storage.local.set({ sites: ['https://acme.zendesk.com/*', 'https://b*d.example/*', 42] });
    fakeBackground({});
    renderOptions();
    const q = (await screen.findByRole('checkbox', { name: 'Highlight KB' })) as HTMLInputElement;
    await waitFor(() => expect(q.checked).toBe(false));
    expect((screen.getByLabelText(/pointer rests/) as HTMLInputElement).value).toBe(
      String(DEFAULT_SETTINGS.hoverDelayMs),
    );
    expect(document.querySelector<HTMLInputElement>('input[name="kinds.q.color"]')!.value).toBe(
      DEFAULT_SETTINGS.kinds.q.color,
    );
    expect(await loadUserSites()).toEqual(['https://acme.zendesk.com/*']);
  });

  it('locks each value an administrator set, and never saves over it', async () => {
    await fakeBrowser.storage.managed.set({ settings: { hoverDelayMs: 800, kinds: { q: { color: '#000000' } } } });
    await fakeBrowser.storage.sync.set({ settings: { hoverDelayMs: 100 } });
    fakeBackground({});
    renderOptions();
    const delay = (await screen.findByLabelText(/pointer rests/)) as HTMLInputElement;
    await waitFor(() => expect(delay.value).toBe('800'));
    expect(delay.disabled).toBe(true);
    const qColour = document.querySelector<HTMLInputElement>('input[name="kinds.q.color"]')!;
    expect(qColour.disabled).toBe(true);
    expect(qColour.value).toBe('#000000');
    expect(document.querySelector<HTMLInputElement>('input[name="kinds.ndr.color"]')!.disabled).toBe(false);
    expect(screen.getAllByText('Set by your administrator').length).toBe(2);
    expect(screen.getByText(/set by your administrator and cannot be changed/)).toBeTruthy();

    fireEvent.change(document.querySelector('input[name="kinds.ndr.color"]')!, { target: { value: '#123456' } });
    await waitFor(async () => expect((await storedSettings())?.kinds.ndr.color).toBe('#123456'));
    // The user's own layer keeps the user's values under the locked keys.
    expect((await storedSettings())?.hoverDelayMs).toBe(100);
    expect((await storedSettings())?.kinds.q.color).toBe(DEFAULT_SETTINGS.kinds.q.color);
  });

  it('with lockSettings, every control is locked', async () => {
    await fakeBrowser.storage.managed.set({ lockSettings: true });
    fakeBackground({});
    renderOptions();
    await waitFor(() => expect(document.querySelectorAll('.kinds input:disabled').length).toBe(8));
    expect((screen.getByLabelText(/pointer rests/) as HTMLInputElement).disabled).toBe(true);
  });
});

describe('settings export and import', () => {
  it('exports the settings as a JSON download', async () => {
    await fakeBrowser.storage.sync.set({ settings: { hoverDelayMs: 450 } });
    fakeBackground({});
    let blob: Blob | undefined;
    URL.createObjectURL = vi.fn((b: Blob) => ((blob = b), 'blob:kblens')) as never;
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderOptions();
    await waitFor(() => expect((screen.getByLabelText(/pointer rests/) as HTMLInputElement).value).toBe('450'));
    fireEvent.click(screen.getByRole('button', { name: 'Export settings' }));
    expect(click).toHaveBeenCalled();
    const json = JSON.parse(await blob!.text());
    expect(json.settings).toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 450 });
    click.mockRestore();
  });

  it('imports a settings file: keeps the good keys and reports every bad one by path', async () => {
    fakeBackground({});
    renderOptions();
    await screen.findByRole('checkbox', { name: 'Highlight KB' });
    const content = JSON.stringify({
      settings: {
        hoverDelayMs: 'slow',
        kinds: { q: { color: '#123abc', enabled: 'maybe' }, ndr: { enabled: false } },
        theme: 'dark',
      },
    });
    const input = document.querySelector<HTMLInputElement>('[data-input="import-settings"]')!;
    fireEvent.change(input, { target: { files: [file('settings.json', content)] } });
    const result = await screen.findByText(/value\(s\) in the file were not used/);
    const box = result.closest('[data-result]')!;
    const paths = [...box.querySelectorAll<HTMLElement>('[data-path]')].map((li) => li.dataset.path).sort();
    expect(paths).toEqual(['settings.hoverDelayMs', 'settings.kinds.q.enabled', 'settings.theme']);
    expect(box.textContent).toContain('Imported 2 setting(s).');
    await waitFor(async () => expect((await storedSettings())?.kinds.q.color).toBe('#123abc'));
    const saved = (await storedSettings())!;
    expect(saved.kinds.ndr.enabled).toBe(false);
    expect(saved.kinds.q.enabled).toBe(true);
    expect(saved.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
  });

  it('reports a file that is not JSON', async () => {
    fakeBackground({});
    renderOptions();
    await screen.findByRole('checkbox', { name: 'Highlight KB' });
    const input = document.querySelector<HTMLInputElement>('[data-input="import-settings"]')!;
    fireEvent.change(input, { target: { files: [file('settings.json', '{ nope')] } });
    await screen.findByText(/not JSON/);
    expect(await storedSettings()).toBeUndefined();
  });
});

describe('your own articles', () => {
  it('imports a folder: a bad file is reported by name and reason, the others are kept', async () => {
    fakeBackground({});
    const store = memoryStore();
    renderOptions(store);
    await screen.findByText('No articles of your own yet.');
    const input = document.querySelector<HTMLInputElement>('[data-input="import-folder"]')!;
    expect(input.hasAttribute('webkitdirectory')).toBe(true);
    fireEvent.change(input, {
      target: {
        files: [
          file('README.md', article('Q900001', 'Team tool: login loops after update'), 'team-kb/Q900001/README.md'),
          file('README.md', 'this file has no header at all', 'team-kb/Q900002/README.md'),
          file('notes.md', article('Q900003', 'Team tool: export stalls at 99%'), 'team-kb/notes.md'),
          file('logo.png', new Uint8Array([137, 80, 78, 71]), 'team-kb/logo.png'),
        ],
      },
    });
    await screen.findByText('Imported 2 article(s).');
    const failure = document.querySelector<HTMLElement>('[data-list="failures"] li')!;
    expect(failure.dataset.file).toBe('team-kb/Q900002/README.md');
    expect(failure.textContent).toBe('team-kb/Q900002/README.md:1: no "Article:" header field');
    expect((await store.list()).map((a) => a.q)).toEqual(['Q900001', 'Q900003']);
    expect(screen.getByText('Team tool: login loops after update')).toBeTruthy();
    expect(screen.getByText('team-kb/notes.md')).toBeTruthy();
    expect(screen.getByText('1 file(s) were not articles and were left out')).toBeTruthy();
    // The background hears of it.
    expect((await fakeBrowser.storage.local.get(REVISION_KEY))[REVISION_KEY]).toBeTypeOf('number');
  });

  it('imports a .zip, and reports a damaged one without importing from it', async () => {
    fakeBackground({});
    const store = memoryStore();
    renderOptions(store);
    await screen.findByText('No articles of your own yet.');
    const input = document.querySelector<HTMLInputElement>('[data-input="import-files"]')!;
    const zip = makeZip([
      { name: 'kb/Q900010.md', data: article('Q900010', 'Zipped one') },
      { name: 'kb/Q900011.md', data: article('Q900011', 'Zipped two'), method: 0 },
    ]);
    fireEvent.change(input, { target: { files: [file('team.zip', zip)] } });
    await screen.findByText('Imported 2 article(s).');
    expect((await store.list()).map((a) => a.source)).toEqual(['team.zip/kb/Q900010.md', 'team.zip/kb/Q900011.md']);

    const damaged = makeZip([{ name: 'kb/Q900012.md', data: article('Q900012', 'Broken'), crc: 1 }]);
    fireEvent.change(input, {
      target: { files: [file('broken.zip', damaged), file('single.md', article('Q900013', 'Single file'))] },
    });
    await screen.findByText('Imported 1 article(s).');
    const failure = document.querySelector<HTMLElement>('[data-list="failures"] li')!;
    expect(failure.textContent).toMatch(/^broken\.zip: the archive is damaged/);
    expect((await store.list()).map((a) => a.q)).toEqual(['Q900010', 'Q900011', 'Q900013']);
  });

  it('a store that is full (quota exceeded) names the error and keeps every article stored before', async () => {
    fakeBackground({});
    const inner = memoryStore();
    let full = false;
    // IndexedDB writes putMany in one transaction: a quota error aborts all of it.
    const store: CustomArticleStore = {
      ...inner,
      putMany: async (articles) => {
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return inner.putMany(articles);
      },
    };
    renderOptions(store);
    await screen.findByText('No articles of your own yet.');
    const input = document.querySelector<HTMLInputElement>('[data-input="import-files"]')!;
    fireEvent.change(input, { target: { files: [file('one.md', article('Q900020', 'Stored before'))] } });
    await screen.findByText('Imported 1 article(s).');
    full = true;
    fireEvent.change(input, {
      target: {
        files: [file('two.md', article('Q900021', 'Does not fit')), file('three.md', article('Q900022', 'Neither'))],
      },
    });
    await screen.findByText('Could not store the articles: The quota has been exceeded.');
    expect((await store.list()).map((a) => a.q)).toEqual(['Q900020']);
    expect(screen.getByText('Stored before')).toBeTruthy();
  });

  it('lists stored articles and removes one', async () => {
    fakeBackground({});
    const store = memoryStore([
      { q: 'Q900020', record: record('Q900020', { title: 'Keep me' }), source: 'a.md', importedAt: 1 },
      { q: 'Q900021', record: record('Q900021', { title: 'Remove me' }), source: 'b.md', importedAt: 1 },
    ]);
    renderOptions(store);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Q900021' }));
    await waitFor(() => expect(screen.queryByText('Remove me')).toBeNull());
    expect((await store.list()).map((a) => a.q)).toEqual(['Q900020']);
  });
});
