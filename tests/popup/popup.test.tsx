// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { options } from 'preact';
import { App } from '../../src/popup/App';
import { FIRST_SCREEN } from '../../src/popup/hooks';
import { articleSummary } from '../../src/core/present/article-summary';
import type { SearchHit, SiteState, TabSummary } from '../../src/messaging/protocol';
import { deferred, fakeBackground, malformedRequests, record } from '../ui/fixtures';

const TICKET = 'https://helpdesk.example.com/tickets/4711';
const PATTERN = 'https://helpdesk.example.com/*';

const Q1 = record('Q227142', {
  title: 'XFOR: cc:Mail Connector May not Deliver Messages w/Attachments',
  products: ['Microsoft Exchange Server'],
  versions: ['Exchange Server 5.5'],
  fixKind: 'service-pack',
  fixedIn: 'Exchange Server 5.5 Service Pack 3',
  files: [
    { name: 'ccmcdir.dll', version: '5.5.2448.0' },
    { name: 'ccmproxy.dll', version: null },
  ],
  errors: [{ text: '5.1.1 User unknown', kind: 'ndr', placeholders: [] }],
  related: ['Q191014', 'Q999999'],
});
const Q2 = record('Q191014', {
  title: 'XFOR: Connector Stops When Queue Fills',
  fixKind: 'hotfix',
  fixedIn: null,
  related: [],
});
const Q3 = record('Q180000', {
  title: 'Err Msg: The RPC server is unavailable',
  fixKind: 'none',
  fixedIn: null,
  versions: [],
});

const SUMMARY: TabSummary = {
  url: TICKET,
  matchCount: 4,
  articles: [
    {
      record: Q1,
      verdict: 'affected',
      verdictReason: 'ticket mentions Exchange Server 5.5 SP2',
      matches: [
        { kind: 'ndr', text: '5.1.1 User unknown', value: '5.1.1', class: 'unknown-recipient' },
        { kind: 'q', text: 'Q227142', value: 'Q227142' },
      ],
    },
    {
      record: Q3,
      verdict: 'unknown',
      matches: [{ kind: 'error', text: 'The RPC server is unavailable', value: 'rpc server unavailable' }],
    },
  ],
  unexplained: [{ kind: 'q', text: 'KB 300001', value: 'Q300001' }],
};

const ARTICLES = new Map([Q1, Q2, Q3].map((r) => [r.q, r]));

async function openTicket(url = TICKET): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url });
  return tab.id!;
}

function background(
  over: {
    site?: SiteState;
    summary?: TabSummary | null;
    search?: (q: string) => SearchHit[] | Promise<SearchHit[]>;
    ready?: boolean;
  } = {},
) {
  return fakeBackground({
    'site-state': () => over.site ?? { kind: 'on', pattern: PATTERN, managed: false },
    'tab-summary': () => (over.summary === undefined ? SUMMARY : over.summary),
    'index-status': () => ({ ready: over.ready ?? true, articles: 60335, custom: 0 }),
    articles: (req) => {
      const views = (qs: string[]) =>
        qs.flatMap((q) => {
          const r = ARTICLES.get(q);
          return r
            ? [
                {
                  record: r,
                  verdict: q === 'Q227142' ? ('affected' as const) : undefined,
                  verdictReason: q === 'Q227142' ? 'ticket mentions SP2' : undefined,
                },
              ]
            : [];
        });
      // As the background answers `related`: the first found article's related articles.
      const best = req.qs.map((q) => ARTICLES.get(q)).find(Boolean);
      return {
        articles: views(req.qs),
        ...(req.related !== undefined ? { related: views(best?.related.slice(0, req.related) ?? []) } : {}),
      };
    },
    // As the worker answers: never more than the limit asked for.
    search: async (req) => ({ results: (await (over.search ?? (() => []))(req.query)).slice(0, req.limit) }),
    'site-enable': (req) => ({ kind: 'on', pattern: req.pattern, managed: false }),
    'site-disable': (req) => ({ kind: 'off', pattern: req.pattern }),
    'scan-once': () => ({ ok: true }),
  });
}

const searchBox = () => screen.getByRole('combobox') as HTMLInputElement;

beforeEach(() => {
  fakeBrowser.permissions.request = vi.fn(async () => true);
  fakeBrowser.permissions.remove = vi.fn(async () => true);
});
afterEach(() => {
  cleanup();
  // Every request the popup sent in the test had the shape the real router accepts.
  expect(malformedRequests()).toEqual([]);
  vi.restoreAllMocks();
});

describe('page summary', () => {
  it('shows each article with its matches, versions, fix and verdict, with data-kind and data-articles', async () => {
    const tabId = await openTicket();
    background();
    const { container } = render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    await screen.findByText(Q1.title);

    const rows = [...container.querySelectorAll<HTMLElement>('[data-kind][data-articles]')];
    expect(rows.map((r) => [r.dataset.kind, r.dataset.articles])).toEqual([
      ['ndr', 'Q227142'],
      ['error', 'Q180000'],
      ['q', ''],
    ]);
    expect(rows[0]!.dataset.kinds).toBe('ndr q');

    const first = within(rows[0]!);
    expect(first.getByText('5.1.1 User unknown')).toBeTruthy();
    expect(first.getByText('Q227142', { selector: 'code' })).toBeTruthy();
    expect(rows[0]!.textContent).toContain('Exchange Server 5.5');
    expect(rows[0]!.textContent).toContain('Exchange Server 5.5 Service Pack 3');
    expect(first.getByText('Affects this ticket')).toBeTruthy();
    expect(rows[0]!.textContent).toContain('ticket mentions Exchange Server 5.5 SP2');
    expect(rows[1]!.textContent).toContain('none stated');
    // The unexplained KB number links to the archive.
    expect(within(rows[2]!).getByRole('link').getAttribute('href')).toContain('Q300001');
  });

  it('says for a bounce the reason, who must act and the next step, with or without an article', async () => {
    const tabId = await openTicket();
    background({
      summary: {
        url: TICKET,
        matchCount: 2,
        articles: [
          {
            record: Q1,
            verdict: 'affected',
            matches: [
              {
                kind: 'ndr',
                text: '550 5.2.2',
                value: '5.2.2',
                class: 'mailbox-full',
                reason: 'mailboxfull',
                recipient: 'ann@example.org',
              },
            ],
          },
        ],
        unexplained: [
          { kind: 'ndr', text: '550 5.7.606', value: '5.7.606', reason: 'blocked', recipient: 'bob@example.net' },
          {
            kind: 'ndr',
            text: '452 4.2.2',
            value: '4.2.2',
            reason: 'mailboxfull',
            recipient: 'cy@example.net',
            delayed: true,
          },
        ],
      },
    });
    const { container } = render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    await screen.findByText(Q1.title);
    const lines = [...container.querySelectorAll<HTMLElement>('.bounce[data-reason]')];
    // The same reason once as a failure and once as a delay: two lines, the delay marked.
    expect(lines.map((l) => l.dataset.reason)).toEqual(['mailboxfull', 'blocked', 'mailboxfull']);
    expect(lines.map((l) => l.dataset.delayed)).toEqual([undefined, undefined, 'true']);
    expect(lines[2]!.querySelector('.bounce-delayed')!.textContent).toMatch(/not failed yet/);
    expect(lines[0]!.querySelector('.bounce-delayed')).toBeNull();
    expect(lines[0]!.textContent).toContain('Mailbox full');
    expect(lines[0]!.textContent).toContain("The recipient's mail admin");
    expect(lines[1]!.textContent).toContain('Sending server blocked');
    expect(lines[1]!.textContent).toContain('bob@example.net');
    expect(lines[1]!.querySelector('.bounce-next')!.textContent).toMatch(/delisting/);
    // The article that applies is still listed for the bounce it explains.
    expect(lines[0]!.closest('[data-articles]')!.getAttribute('data-articles')).toBe('Q227142');
  });

  it('marks an article listed on low confidence (a bounce situation), with why on the mark, and no other', async () => {
    const tabId = await openTicket();
    const why = 'about what the ticket describes around the bounce (meeting, update)';
    const ndr = {
      kind: 'ndr' as const,
      text: 'The recipient name is not recognized',
      value: 'x',
      reason: 'userunknown',
    };
    background({
      summary: {
        url: TICKET,
        matchCount: 1,
        articles: [
          { record: Q1, confidence: 'low', why, matches: [ndr] },
          { record: { ...Q1, q: 'Q227143', title: 'Another title' }, confidence: 'high', matches: [ndr] },
        ],
        unexplained: [],
      },
    });
    const { container } = render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    await screen.findByText(Q1.title);
    const marks = [...container.querySelectorAll<HTMLElement>('.badge.low-confidence')];
    expect(marks).toHaveLength(1);
    expect(marks[0]!.closest('[data-articles]')!.getAttribute('data-articles')).toBe('Q227142');
    expect([marks[0]!.textContent, marks[0]!.title, marks[0]!.dataset.confidence]).toEqual([
      'Low confidence',
      why,
      'low',
    ]);
  });

  it("labels an article suggested from the ticket's words, with its low-confidence mark and no match text", async () => {
    const tabId = await openTicket();
    const why = "suggested from the ticket's words (phoenix, erratically, bios); nothing it quotes names an article";
    background({
      summary: {
        url: TICKET,
        matchCount: 0,
        articles: [
          { record: Q1, confidence: 'low', source: 'described', why, matches: [] },
          {
            record: Q3,
            confidence: 'high',
            matches: [{ kind: 'error', text: 'The RPC server is unavailable', value: 'x' }],
          },
        ],
        unexplained: [],
      },
    });
    const { container } = render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    await screen.findByText(Q1.title);
    const row = container.querySelector<HTMLElement>('[data-articles="Q227142"]')!;
    expect(row.dataset.source).toBe('described');
    const label = row.querySelector<HTMLElement>('.badge.described')!;
    expect([label.textContent, label.title]).toEqual(["From the ticket's words", why]);
    expect(row.querySelector('.badge.low-confidence')).not.toBeNull();
    expect(row.querySelectorAll('.match-text')).toHaveLength(0);
    expect(container.querySelectorAll('.badge.described')).toHaveLength(1);
    // An article a match names carries no such label.
    const other = container.querySelector<HTMLElement>('[data-articles="Q180000"]')!;
    expect(other.querySelector('.badge.described')).toBeNull();
    expect(other.dataset.source).toBeUndefined();
  });

  it('shows a match that spans lines and indents in the page as one line of text', async () => {
    const tabId = await openTicket();
    const quoted = 'Unable to deliver the message due to a\n      communications\u00a0failure';
    background({
      summary: {
        url: TICKET,
        matchCount: 2,
        unexplained: [],
        articles: [
          {
            record: Q1,
            verdict: 'affected',
            matches: [
              { kind: 'ndr', text: quoted, value: 'x', class: 'unknown-recipient' },
              {
                kind: 'ndr',
                text: 'Unable to deliver the message due to a communications failure',
                value: 'x',
                class: 'unknown-recipient',
              },
            ],
          },
        ],
      },
    });
    const { container } = render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    await screen.findByText(Q1.title);
    // Both spellings are the same text once the page's line break is gone: shown once.
    expect([...container.querySelectorAll('code.match-text')].map((c) => c.textContent)).toEqual([
      'Unable to deliver the message due to a communications failure',
    ]);
  });

  it('shows the versions in the ticket: each build, its release and what is newer', async () => {
    const tabId = await openTicket();
    background({
      summary: {
        url: TICKET,
        matchCount: 1,
        unexplained: [],
        articles: [],
        versions: [
          {
            text: 'Store.exe is\n 5.5.2448.0',
            release: 'Exchange Server 5.5 SP2',
            product: 'Exchange Server 5.5',
            build: '5.5.2448.0',
            newer: ['SP3 (build 2650)', 'SP4 (build 2653)'],
            articles: [],
          },
        ],
      },
    });
    const { container } = render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    await screen.findByText('Versions in this ticket');
    const row = container.querySelector<HTMLElement>('.row.version')!;
    expect(row.dataset.release).toBe('Exchange Server 5.5 SP2');
    expect(row.querySelector('code')!.textContent).toBe('Store.exe is 5.5.2448.0');
    expect(row.textContent).toContain('SP3 (build 2650), SP4 (build 2653)');
  });

  it('fetches the summary again when the content script reports more matches', async () => {
    const tabId = await openTicket();
    const calls = background();
    render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    await screen.findByText(Q1.title);
    const count = () => calls.filter((c) => c.type === 'tab-summary').length;
    const before = count();
    await fakeBrowser.storage.session.set({ [`tab:${tabId}`]: { url: TICKET, matches: [], versionText: [] } });
    await waitFor(() => expect(count()).toBe(before + 1));
    await fakeBrowser.storage.session.set({ [`tab:${tabId + 1}`]: { url: TICKET, matches: [], versionText: [] } });
    await new Promise((r) => setTimeout(r, 200));
    expect(count()).toBe(before + 1);
  });

  it("uses the summary's address when the browser hides the tab's", async () => {
    const tabId = await openTicket();
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async () => ({
      id: tabId,
      index: 0,
      highlighted: false,
      active: true,
      pinned: false,
      incognito: false,
    })) as never);
    const calls = background();
    render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    await waitFor(() => expect(calls).toContainEqual({ type: 'site-state', url: TICKET }));
    await screen.findByRole('button', { name: 'Turn off for this site' });
  });

  it('leads from a row to the article detail', async () => {
    const tabId = await openTicket();
    background();
    render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    fireEvent.click(await screen.findByText(Q3.title));
    const heading = await screen.findByRole('heading', { level: 2, name: /Q180000/ });
    expect(heading).toBeTruthy();
  });

  it('asks the tab given by ?tab, and the active tab without it', async () => {
    const other = await openTicket('https://other.example.com/t/1');
    const calls = background();
    render(<App mode="window" tabId={other} indexPollMs={5} />);
    await waitFor(() => expect(calls).toContainEqual({ type: 'tab-summary', tabId: other }));
    expect(calls).toContainEqual({ type: 'site-state', url: 'https://other.example.com/t/1' });
    cleanup();

    const active = await openTicket();
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [
      { id: active, url: TICKET, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
    ]) as never);
    render(<App mode="popup" indexPollMs={5} />);
    await waitFor(() => expect(calls).toContainEqual({ type: 'tab-summary', tabId: active }));
    expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });
});

describe('hostile and stale state', () => {
  it("never shows another address's summary as this page's (the tab navigated since)", async () => {
    const tabId = await openTicket();
    const calls = background({ summary: { ...SUMMARY, url: 'https://helpdesk.example.com/tickets/1' } });
    render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    await waitFor(() => expect(calls).toContainEqual({ type: 'tab-summary', tabId }));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText(Q1.title)).toBeNull();
  });

  it('shows the summary of the same page with another fragment', async () => {
    const tabId = await openTicket(`${TICKET}#comment-3`);
    background();
    render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    await screen.findByText(Q1.title);
  });

  it("links a record's javascript: URL to the archive instead, as the card does", async () => {
    const tabId = await openTicket();
    const hostile = { ...Q1, url: 'javascript:alert(document.domain)' };
    ARTICLES.set('Q227142', hostile);
    try {
      background({ summary: { ...SUMMARY, articles: [{ ...SUMMARY.articles[0]!, record: hostile }] } });
      render(<App mode="window" tabId={tabId} indexPollMs={5} />);
      fireEvent.click(await screen.findByText(Q1.title));
      await screen.findByRole('heading', { name: /Q227142/ });
      const href = (await screen.findByRole('link', { name: 'Open full article' })).getAttribute('href')!;
      expect(href).toMatch(/^https:\/\//);
      expect(href).toContain('Q227142');
    } finally {
      ARTICLES.set('Q227142', Q1);
    }
  });
});

describe('site not turned on', () => {
  it('offers "Turn on" and "Scan this page once"; turning on asks the permission in the click, then the background', async () => {
    const tabId = await openTicket();
    const calls = background({ site: { kind: 'off', pattern: PATTERN }, summary: null });
    const order: string[] = [];
    fakeBrowser.permissions.request = vi.fn(async () => {
      order.push('permission');
      return true;
    });
    render(<App mode="popup" tabId={tabId} indexPollMs={5} />);
    const turnOn = await screen.findByRole('button', { name: 'Turn on for helpdesk.example.com' });
    expect(screen.getByRole('button', { name: 'Scan this page once' })).toBeTruthy();

    const before = calls.length;
    fireEvent.click(turnOn);
    // Synchronously, inside the click: nothing may be awaited before the request.
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: [PATTERN] });
    expect(calls.slice(before)).toEqual([]);
    await waitFor(() => expect(calls).toContainEqual({ type: 'site-enable', pattern: PATTERN }));
    expect(order).toEqual(['permission']);
    await screen.findByRole('button', { name: 'Turn off for this site' });
  });

  it('does not say "nothing found" about a page it never scanned', async () => {
    const tabId = await openTicket();
    const calls = background({ site: { kind: 'off', pattern: PATTERN }, summary: null });
    const { container } = render(<App mode="popup" tabId={tabId} indexPollMs={5} />);
    await screen.findByRole('button', { name: 'Turn on for helpdesk.example.com' });
    await waitFor(() => expect(calls).toContainEqual({ type: 'tab-summary', tabId }));
    // Let its answer (none) render: still no claim about the page.
    await new Promise((r) => setTimeout(r, 50));
    expect(container.querySelector('.summary, .empty')).toBeNull();
    expect(container.textContent).not.toContain('Nothing found on this page.');
  });

  it('does not turn on when the permission is refused', async () => {
    const tabId = await openTicket();
    const calls = background({ site: { kind: 'off', pattern: PATTERN }, summary: null });
    fakeBrowser.permissions.request = vi.fn(async () => false);
    render(<App mode="popup" tabId={tabId} indexPollMs={5} />);
    fireEvent.click(await screen.findByRole('button', { name: /Turn on for/ }));
    await screen.findByText(/was not given/);
    expect(calls.some((c) => c.type === 'site-enable')).toBe(false);
  });

  it('scans the page once', async () => {
    const tabId = await openTicket();
    const calls = background({ site: { kind: 'off', pattern: PATTERN }, summary: null });
    render(<App mode="popup" tabId={tabId} indexPollMs={5} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Scan this page once' }));
    await waitFor(() => expect(calls).toContainEqual({ type: 'scan-once', tabId }));
  });

  it('turns off: the background first, then the permission', async () => {
    const tabId = await openTicket();
    const calls = background();
    render(<App mode="popup" tabId={tabId} indexPollMs={5} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Turn off for this site' }));
    await waitFor(() => expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: [PATTERN] }));
    expect(calls).toContainEqual({ type: 'site-disable', pattern: PATTERN });
    await screen.findByRole('button', { name: /Turn on for/ });
  });

  it('shows a managed site as locked, with no way to turn it off', async () => {
    const tabId = await openTicket();
    background({ site: { kind: 'on', pattern: PATTERN, managed: true } });
    render(<App mode="popup" tabId={tabId} indexPollMs={5} />);
    await screen.findByText('Set by your organisation');
    expect(screen.queryByRole('button', { name: 'Turn off for this site' })).toBeNull();
  });
});

describe('article detail', () => {
  it('shows the fields, copies a plain summary and opens the full article', async () => {
    const tabId = await openTicket();
    const calls = background();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    fireEvent.click(await screen.findByText(Q1.title));
    await screen.findByRole('heading', { name: /Q227142 XFOR: cc:Mail Connector/ });
    expect(calls).toContainEqual({ type: 'articles', qs: ['Q227142'], tabId, related: 50 });
    expect(calls.filter((c) => c.type === 'articles')).toHaveLength(1);

    const field = (name: string) => document.querySelector(`[data-field="${name}"]`)!.textContent!;
    expect(field('products')).toContain('Microsoft Exchange Server');
    expect(field('versions')).toContain('Exchange Server 5.5');
    expect(field('fix')).toContain('Service pack');
    expect(field('fix')).toContain('Exchange Server 5.5 Service Pack 3');
    expect(field('files')).toContain('ccmcdir.dll');
    expect(field('files')).toContain('5.5.2448.0');
    expect(field('errors')).toContain('5.1.1 User unknown');
    const full = screen.getByRole('link', { name: 'Open full article' });
    expect(full.getAttribute('href')).toBe(Q1.url);
    expect(full.getAttribute('target')).toBe('_blank');

    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    await screen.findByText('Copied');
    expect(writeText).toHaveBeenCalledWith(
      articleSummary(Q1, { verdict: 'Affects this ticket (ticket mentions SP2)' }),
    );
  });

  it('opens related articles and goes back, by button and by Escape', async () => {
    const tabId = await openTicket();
    background();
    render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    fireEvent.click(await screen.findByText(Q1.title));
    await screen.findByRole('heading', { name: /Q227142/ });
    // Titles of related articles the index knows; the others say so.
    await screen.findByText(Q2.title);
    expect(document.querySelector('[data-related="Q999999"]')!.parentElement!.textContent).toContain(
      'not in the index',
    );

    fireEvent.click(document.querySelector('[data-related="Q191014"]')!);
    const h2 = await screen.findByRole('heading', { name: /Q191014/ });
    await waitFor(() => expect(document.activeElement).toBe(h2));
    expect(document.querySelector('[data-field="fix"]')!.textContent).toContain('Hotfix');

    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByRole('heading', { name: /Q227142/ });
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await screen.findByText(Q3.title);
    expect(screen.queryByRole('heading', { name: /Q227142/ })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(searchBox()));
  });

  it('says so when the article is not in the index, with a link to the archive', async () => {
    const tabId = await openTicket();
    background();
    render(<App mode="window" tabId={tabId} indexPollMs={5} />);
    fireEvent.click(await screen.findByText(Q1.title));
    await screen.findByText(Q2.title);
    fireEvent.click(document.querySelector('[data-related="Q999999"]')!);
    await screen.findByText(/Q999999 is not in the index/);
    expect(screen.getByRole('link', { name: 'Open full article' }).getAttribute('href')).toContain('Q999999');
  });
});

describe('search', () => {
  const HITS: SearchHit[] = [
    { q: 'Q227142', title: Q1.title, score: 9.5, why: 'title: connector' },
    { q: 'Q191014', title: Q2.title, score: 7.1, why: 'title: connector, queue' },
    { q: 'Q180000', title: Q3.title, score: 2.0 },
  ];

  it('focuses the search box on open and shows results best first as you type', async () => {
    const tabId = await openTicket();
    const calls = background({ search: (q) => (q === 'connector' ? HITS : []) });
    render(<App mode="popup" tabId={tabId} indexPollMs={5} />);
    await waitFor(() => expect(document.activeElement).toBe(searchBox()));
    fireEvent.input(searchBox(), { target: { value: 'connector' } });
    const list = await screen.findByRole('listbox', { name: 'Search results' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(3));
    const options = within(list).getAllByRole('option');
    expect(options.map((o) => o.dataset.q)).toEqual(['Q227142', 'Q191014', 'Q180000']);
    expect(options.map((o) => o.dataset.rank)).toEqual(['1', '2', '3']);
    expect(options[0]!.textContent).toContain('title: connector');
    expect(calls).toContainEqual({ type: 'search', query: 'connector', limit: FIRST_SCREEN });
    // Fewer than a screenful: that was the whole answer.
    expect(calls.filter((c) => c.type === 'search')).toHaveLength(1);
  });

  it('asks for results as the query renders, not a frame later', async () => {
    const tabId = await openTicket();
    const calls = background({ search: () => HITS });
    render(<App mode="popup" tabId={tabId} indexPollMs={5} />);
    await waitFor(() => expect(document.activeElement).toBe(searchBox()));
    // Renders at once and no frame comes: an effect run after a frame (useEffect) would not have asked.
    const { debounceRendering, requestAnimationFrame } = options;
    options.debounceRendering = (render) => render();
    options.requestAnimationFrame = () => {};
    try {
      // Typed as the agent types, outside act(), which would flush every effect at once.
      searchBox().value = 'connector';
      searchBox().dispatchEvent(new Event('input', { bubbles: true }));
      expect(calls).toContainEqual({ type: 'search', query: 'connector', limit: FIRST_SCREEN });
    } finally {
      Object.assign(options, { debounceRendering, requestAnimationFrame });
    }
  });

  it('shows the first screenful of results first, then the rest of the list below it, in one ranking', async () => {
    const tabId = await openTicket();
    const many: SearchHit[] = Array.from({ length: 30 }, (_, i) => ({
      q: `Q${300000 + i}`,
      title: `Connector article ${i + 1}`,
      score: 100 - i,
    }));
    const calls = background({ search: () => many });
    render(<App mode="popup" tabId={tabId} indexPollMs={5} />);
    fireEvent.input(searchBox(), { target: { value: 'connector' } });
    const list = await screen.findByRole('listbox', { name: 'Search results' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(25));
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.dataset.q),
    ).toEqual(many.slice(0, 25).map((h) => h.q));
    expect(calls.filter((c) => c.type === 'search')).toEqual([
      { type: 'search', query: 'connector', limit: FIRST_SCREEN },
      { type: 'search', query: 'connector', limit: 25 },
    ]);
  });

  it('works end to end from the keyboard: arrows, Enter, Escape, Backspace on empty, Alt+Left', async () => {
    const tabId = await openTicket();
    background({ search: () => HITS });
    render(<App mode="popup" tabId={tabId} indexPollMs={5} />);
    const box = searchBox();
    fireEvent.input(box, { target: { value: 'conn' } });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
    expect(box.getAttribute('aria-activedescendant')).toBe('kbl-result-0');
    const selected = () => screen.getAllByRole('option').findIndex((o) => o.getAttribute('aria-selected') === 'true');

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe('kbl-result-1');
    expect(selected()).toBe(1);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' }); // wraps
    expect(selected()).toBe(0);
    fireEvent.keyDown(box, { key: 'ArrowUp' }); // wraps backwards
    expect(selected()).toBe(2);
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(selected()).toBe(1);

    fireEvent.keyDown(box, { key: 'Enter' });
    const h = await screen.findByRole('heading', { name: /Q191014/ });
    await waitFor(() => expect(document.activeElement).toBe(h));

    fireEvent.keyDown(h, { key: 'Escape' });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
    expect(document.activeElement).toBe(box);
    expect(box.value).toBe('conn');
    expect(selected()).toBe(1); // the place in the list is kept

    // Alt+Left goes back too.
    fireEvent.keyDown(box, { key: 'Enter' });
    await screen.findByRole('heading', { name: /Q191014/ });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft', altKey: true });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));

    // Escape in the results clears the query and shows the page summary again.
    expect(fireEvent.keyDown(box, { key: 'Escape' })).toBe(false); // handled: the popup stays open
    await screen.findByRole('listbox', { name: 'On this page' });
    expect(box.value).toBe('');

    // Backspace on an empty box goes back from a detail opened from the summary.
    fireEvent.keyDown(box, { key: 'Enter' });
    await screen.findByRole('heading', { name: /Q227142/ });
    box.focus();
    fireEvent.keyDown(box, { key: 'Backspace' });
    await screen.findByRole('listbox', { name: 'On this page' });
    // At the top with nothing typed, Escape is left to the browser, which closes the popup.
    expect(fireEvent.keyDown(box, { key: 'Escape' })).toBe(true);
  });

  it('moves through the page summary with the arrows when nothing is typed', async () => {
    const tabId = await openTicket();
    background();
    render(<App mode="popup" tabId={tabId} indexPollMs={5} />);
    await screen.findByText(Q1.title);
    const box = searchBox();
    expect(box.getAttribute('aria-activedescendant')).toBe('kbl-summary-0');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe('kbl-summary-1');
    fireEvent.keyDown(box, { key: 'Enter' });
    await screen.findByRole('heading', { name: /Q180000/ });
  });

  it('as the lookup window (popup.html?search=...), starts with the query and asks about no tab', async () => {
    const calls = background({ search: (q) => (q === 'RPC server' ? [HITS[2]!] : []) });
    render(<App mode="lookup" initialQuery="RPC server" indexPollMs={5} />);
    await screen.findByText(Q3.title);
    expect(searchBox().value).toBe('RPC server');
    expect(calls.some((c) => c.type === 'site-state' || c.type === 'tab-summary')).toBe(false);
    expect(screen.queryByText(/Turn on/)).toBeNull();
  });

  it('drops a stale answer: an older query never overwrites a newer one', async () => {
    const tabId = await openTicket();
    const slow = deferred<SearchHit[]>();
    background({
      search: (q) => (q === 'ex' ? slow.promise : [{ q: 'Q191014', title: 'Newest answer', score: 1 }]),
    });
    render(<App mode="popup" tabId={tabId} indexPollMs={5} />);
    const box = searchBox();
    fireEvent.input(box, { target: { value: 'ex' } });
    fireEvent.input(box, { target: { value: 'exc' } });
    await screen.findByText('Newest answer');
    slow.resolve([{ q: 'Q227142', title: 'Stale answer', score: 1 }]);
    await new Promise((r) => setTimeout(r, 30));
    expect(screen.queryByText('Stale answer')).toBeNull();
    expect(screen.getByText('Newest answer')).toBeTruthy();
  });
});

describe('index, pop-out and side panel', () => {
  it('shows that the index is loading without blocking the search box', async () => {
    const tabId = await openTicket();
    let ready = false;
    fakeBackground({
      'index-status': () => ({ ready, articles: ready ? 60335 : 0, custom: 0 }),
      'site-state': () => ({ kind: 'on', pattern: PATTERN, managed: false }),
      'tab-summary': () => null,
    });
    render(<App mode="popup" tabId={tabId} indexPollMs={5} />);
    await screen.findByText('Loading the index…');
    expect(searchBox().disabled).toBe(false);
    ready = true;
    await waitFor(() => expect(screen.queryByText('Loading the index…')).toBeNull());
  });

  it('pops out into its own window on the same tab', async () => {
    const tabId = await openTicket();
    background();
    const create = vi.fn(async () => ({ id: 9 }));
    fakeBrowser.windows.create = create as never;
    const closeSelf = vi.fn();
    render(<App mode="popup" tabId={tabId} closeSelf={closeSelf} indexPollMs={5} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Pop out' }));
    await waitFor(() => expect(closeSelf).toHaveBeenCalled());
    expect(create).toHaveBeenCalledWith({
      url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html?tab=${tabId}`,
      type: 'popup',
      width: 420,
      height: 640,
    });
  });

  it('in the side panel, follows the active tab and refreshes when it navigates', async () => {
    const first = await openTicket();
    const second = await openTicket('https://helpdesk.example.com/tickets/4712');
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [
      { id: first, url: TICKET, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
    ]) as never);
    const calls = background();
    render(<App mode="sidepanel" indexPollMs={5} />);
    await waitFor(() => expect(calls).toContainEqual({ type: 'tab-summary', tabId: first }));
    await fakeBrowser.tabs.onActivated.trigger({ tabId: second, windowId: 0 } as never);
    await waitFor(() => expect(calls).toContainEqual({ type: 'tab-summary', tabId: second }));
    expect(calls).toContainEqual({ type: 'site-state', url: 'https://helpdesk.example.com/tickets/4712' });

    const count = calls.filter((c) => c.type === 'tab-summary' && c.tabId === second).length;
    await fakeBrowser.tabs.onUpdated.trigger(second, { status: 'complete' }, {
      id: second,
      url: 'https://helpdesk.example.com/tickets/4713',
    } as never);
    await waitFor(() =>
      expect(calls.filter((c) => c.type === 'tab-summary' && c.tabId === second).length).toBeGreaterThan(count),
    );
  });
});
