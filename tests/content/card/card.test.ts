// @vitest-environment happy-dom
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { createCard } from '../../../src/content/card/controller';
import { renderCard } from '../../../src/content/card/render';
import { cardModel } from '../../../src/content/card/view-model';
import type { CardApi } from '../../../src/content/card/types';
import { MatchStore, type MatchEntry } from '../../../src/content/match-store';
import type { ArticleView, FoundMatch } from '../../../src/messaging/protocol';
import { fakeAnswer, fakeArticles, record, tick } from '../helpers';

const EVIL = '<img src=x onerror="window.__pwned=1">Bad title';

function entryFor(html: string, match: Omit<FoundMatch, 'start' | 'end' | 'text'>): MatchEntry {
  document.body.innerHTML = html;
  const node = document.querySelector('#m')!.firstChild as Text;
  const store = new MatchStore();
  return store.add({
    match: { ...match, start: 0, end: node.data.length, text: node.data },
    start: { node, offset: 0, index: 0 },
    end: { node, offset: node.data.length, index: 0 },
    nodes: [node],
  })!;
}

describe('card rendering', () => {
  it('shows every field as text: markup in a title stays text', () => {
    const views: ArticleView[] = [
      {
        record: record('Q227142', { title: EVIL, products: ['<b>Exchange</b>'] }),
        verdict: 'affected',
        verdictReason: 'SP2 < SP3',
      },
    ];
    const model = cardModel(
      { kind: 'q', start: 0, end: 7, text: '<script>Q227142', value: 'Q227142', articles: ['Q227142'] },
      views,
    );
    const el = document.createElement('div');
    renderCard(document, el, model, { onClose: () => undefined, onCopy: () => undefined });
    expect(el.querySelector('img, script, b')).toBeNull();
    expect(el.querySelector('.title')!.textContent).toBe(EVIL);
    expect(el.querySelector('.matched')!.textContent).toContain('<script>Q227142');
    expect(el.textContent).toContain('<b>Exchange</b>');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('lays out a bounce with no article: reason, what happened, who must act, next step, all as text', () => {
    const model = cardModel(
      {
        kind: 'ndr',
        start: 0,
        end: 9,
        text: '550 5.1.1',
        value: '5.1.1',
        articles: [],
        reason: 'userunknown',
        recipient: EVIL,
      },
      [],
    );
    const el = document.createElement('div');
    renderCard(document, el, model, { onClose: () => undefined, onCopy: () => undefined });
    expect(el.querySelector('.bounce')!.getAttribute('data-reason')).toBe('userunknown');
    expect(el.querySelector('.bounce-reason')!.textContent).toBe('Unknown recipient');
    expect(el.querySelector('.bounce-who')!.textContent).toBe('The sender');
    expect(el.querySelector('.bounce-next')!.textContent).toMatch(/Check the address/);
    expect(el.querySelector('.bounce-recipient')!.textContent).toBe(EVIL);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.notice')!.textContent).toBe('No archived article explains this message.');
  });

  it('lays out the article: Q-number, verdict, facts, fix, files, actions, other and related lists', () => {
    const model = cardModel(
      {
        kind: 'ndr',
        start: 0,
        end: 3,
        text: 'x',
        value: 'x',
        class: 'communications-failure',
        articles: ['Q227142', 'Q191014'],
      },
      [...fakeArticles(['Q227142', 'Q191014'])],
    );
    const el = document.createElement('div');
    renderCard(document, el, model, { onClose: () => undefined, onCopy: () => undefined });
    expect(el.getAttribute('aria-label')).toBe('KB Lens: Q227142, XCON: Invented title for Q227142');
    expect(el.querySelector('.q')!.textContent).toBe('Q227142');
    expect(el.querySelector('.verdict')!.className).toBe('verdict verdict-affected');
    expect([...el.querySelectorAll('dt')].map((d) => d.textContent)).toEqual([
      'Products',
      'Affects',
      'Fix',
      'Fixed files',
    ]);
    expect(el.querySelector('.files')!.textContent).toBe('Msexcimc.exe 5.5.2448.8');
    const open = el.querySelector<HTMLAnchorElement>('a.open')!;
    expect(open.getAttribute('href')).toBe('https://jeffpar.github.io/kbarchive/kb/227/Q227142/');
    expect(open.getAttribute('target')).toBe('_blank');
    expect(open.getAttribute('rel')).toContain('noopener');
    expect([...el.querySelectorAll('.list h3')].map((h) => h.textContent)).toEqual([
      'Other candidates',
      'Related articles',
    ]);
    expect(el.querySelector('button.copy')).not.toBeNull();
    expect(el.querySelector('button.close')!.getAttribute('aria-label')).toBe('Close');
  });
});

describe('versions in this ticket', () => {
  const build = (text: string, release: string, newer: string[]): FoundMatch => ({
    kind: 'build',
    start: 0,
    end: text.length,
    text,
    value: release,
    articles: [],
    build: { build: text.split(' ').pop()!, product: 'Exchange Server 5.5', release, newer, facts: [] },
  });

  it('marks an article listed on thin evidence and says why, as text, on the section’s data attributes too', () => {
    const why = `about what the ticket describes around the bounce (${EVIL})`;
    const model = cardModel(
      {
        kind: 'ndr',
        start: 0,
        end: 5,
        text: 'x',
        value: 'x',
        articles: [],
        reason: 'userunknown',
        situation: 'Q193283',
      },
      [{ record: record('Q193283'), rank: 0, confidence: 'low', why }],
    );
    const el = document.createElement('div');
    renderCard(document, el, model, { onClose: () => undefined, onCopy: () => undefined });
    const a = el.querySelector('.article')!;
    expect([a.getAttribute('data-q'), a.getAttribute('data-confidence')]).toEqual(['Q193283', 'low']);
    expect(a.querySelector('.qline .confidence')!.textContent).toBe('Low confidence');
    expect(a.querySelector('.why')!.textContent).toBe(why);
    expect(el.querySelector('img')).toBeNull();
    // The bounce's own explanation comes first, the article after it.
    expect(el.querySelector('.bounce')!.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // A well-founded article has no mark and no why line.
    const sure = cardModel({ kind: 'q', start: 0, end: 7, text: 'Q227142', value: 'Q227142', articles: ['Q227142'] }, [
      { record: record('Q227142'), rank: 0, confidence: 'high', why: 'KB article cited' },
    ]);
    renderCard(document, el, sure, { onClose: () => undefined, onCopy: () => undefined });
    expect(el.querySelector('.article')!.getAttribute('data-confidence')).toBe('high');
    expect(el.querySelector('.confidence, .why')).toBeNull();
  });

  it('heads the candidates of a bounce no listed article explains "Candidates", under the notice', () => {
    const model = cardModel(
      { kind: 'ndr', start: 0, end: 9, text: '554 5.7.1', value: '5.7.1', articles: ['Q304897'], reason: 'norelaying' },
      [{ record: record('Q304897'), rank: 0 }],
    );
    const el = document.createElement('div');
    renderCard(document, el, model, { onClose: () => undefined, onCopy: () => undefined });
    expect(el.querySelector('.notice')!.textContent).toBe('No archived article explains this message.');
    expect(el.querySelector('.article')).toBeNull();
    expect(el.querySelector('.list h3')!.textContent).toBe('Candidates');
    expect(el.querySelector('.list a')!.textContent).toBe('Q304897');
  });

  it("lists the hovered build first, then the page's others, each with its release and what is newer", () => {
    const hovered = build('Store.exe 5.5.2448.0', 'Exchange Server 5.5 SP2', ['SP3 (build 2650)', 'SP4 (build 2653)']);
    const other = build('build 2653', 'Exchange Server 5.5 SP4', []);
    const model = cardModel(hovered, [], [], [other, build('Store.exe  5.5.2448.0', 'Exchange Server 5.5 SP2', [])]);
    const el = document.createElement('div');
    renderCard(document, el, model, { onClose: () => undefined, onCopy: () => undefined });
    expect(el.querySelector('.versions h3')!.textContent).toBe('Versions in this ticket');
    expect([...el.querySelectorAll('.versions li')].map((li) => li.textContent)).toEqual([
      'Store.exe 5.5.2448.0is Exchange Server 5.5 SP2Newer: SP3 (build 2650), SP4 (build 2653)',
      'build 2653is Exchange Server 5.5 SP4',
    ]);
    // A build is no unexplained message: no "no article" notice, and its release in the header.
    expect(el.querySelector('.notice')).toBeNull();
    expect(el.querySelector('.detail')!.textContent).toBe('Exchange Server 5.5 SP2');
  });

  it('shows no section on a page without builds', () => {
    const model = cardModel({ kind: 'q', start: 0, end: 7, text: 'Q227142', value: 'Q227142', articles: ['Q227142'] }, [
      ...fakeArticles(['Q227142']),
    ]);
    expect(model.versions).toEqual([]);
  });
});

describe('card header', () => {
  const head = (text: string, cls?: string): string => {
    const model = cardModel(
      { kind: cls ? 'ndr' : 'q', start: 0, end: text.length, text, value: text, class: cls, articles: [] },
      null,
    );
    const el = document.createElement('div');
    renderCard(document, el, model, { onClose: () => undefined, onCopy: () => undefined });
    return el.querySelector('.matched')!.className;
  };
  it('keeps a short quote beside the kind and puts a long one (or one with a class line) on its own row', () => {
    expect(head('Q227142')).toBe('matched');
    expect(head('Unable to deliver the message due to a communications failure')).toBe('matched long');
    expect(head('5.4.0', 'communications-failure')).toBe('matched long');
  });
});

describe('card controller', () => {
  let card: CardApi;
  let fetched: string[][];
  beforeEach(() => {
    fetched = [];
    card = createCard({
      doc: document,
      fetchArticles: async (qs, related) => {
        fetched.push(qs);
        const answer = fakeAnswer(qs, related);
        return {
          ...answer,
          articles: answer.articles.map((v) =>
            v.record.q === 'Q227142' ? { ...v, record: { ...v.record, title: EVIL } } : v,
          ),
        };
      },
      onPointerLeave: () => undefined,
      shadowMode: 'open',
    });
  });
  afterEach(() => {
    card.dispose();
    vi.restoreAllMocks();
  });

  const host = (): HTMLElement => document.querySelector('kblens-card-host')!;
  const dialog = (): HTMLElement => host().shadowRoot!.querySelector('[role="dialog"]')!;

  it('adds one isolated host on first show, fills in the article, and reuses the host', async () => {
    const e = entryFor('<p id="m">Q227142</p>', { kind: 'q', value: 'Q227142', articles: ['Q227142'] });
    expect(document.querySelector('kblens-card-host')).toBeNull();
    card.show(e, { left: 10, top: 10, width: 50, height: 16 }, { focus: false, openedBy: 'hover' });
    expect(host().parentNode).toBe(document.documentElement);
    expect(host().style.getPropertyValue('all')).toBe('initial');
    expect(dialog().textContent).toContain('Looking up the article');
    await tick(5);
    expect(dialog().querySelector('.title')!.textContent).toBe(EVIL);
    expect(dialog().querySelector('img')).toBeNull();
    // One request answers the card: its articles and the related articles' titles.
    expect(fetched).toEqual([['Q227142']]);
    expect(dialog().textContent).toContain('XCON: Invented title for Q191014');
    card.show(e, { left: 10, top: 40, width: 50, height: 16 }, { focus: false, openedBy: 'hover' });
    expect(document.querySelectorAll('kblens-card-host')).toHaveLength(1);
    await tick(5);
    expect(fetched).toHaveLength(1); // answers are cached per card
  });

  it('re-places the card when the article arrives: a card grown too tall for below flips above', async () => {
    const e = entryFor('<p id="m">Q227142</p>', { kind: 'q', value: 'Q227142', articles: ['Q227142'] });
    // No layout here: the card is 100 px while loading and 400 px with the article, capped by its max-height.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const natural = this.querySelector('.title') ? 400 : 100;
      const cap = parseFloat(this.style.maxHeight) || Infinity;
      return { left: 0, top: 0, width: 400, height: Math.min(natural, cap) } as DOMRect;
    });
    const vh = window.innerHeight;
    const anchor = { left: 10, top: vh - 250, width: 50, height: 16 }; // 228 px below, ~486 above (768 px viewport)
    card.show(e, anchor, { focus: false, openedBy: 'hover' });
    expect(dialog().dataset.side).toBe('below');
    await tick(5);
    expect(dialog().querySelector('.title')).not.toBeNull();
    expect(dialog().dataset.side).toBe('above');
    expect(parseFloat(dialog().style.top)).toBe(anchor.top - 6 - 400);
  });

  it('goes inside a page modal while one is open (outside it the card would be inert), and back out after', () => {
    const e = entryFor('<dialog id="d"><p id="m">Q227142</p></dialog>', {
      kind: 'q',
      value: 'Q227142',
      articles: ['Q227142'],
    });
    const d = document.getElementById('d')!;
    const realQsa = document.querySelectorAll.bind(document);
    let modalOpen = true;
    vi.spyOn(document, 'querySelectorAll').mockImplementation(((sel: string) =>
      sel === ':modal' ? (modalOpen ? [d] : []) : realQsa(sel)) as typeof document.querySelectorAll);
    card.show(e, { left: 10, top: 10, width: 50, height: 16 }, { focus: false, openedBy: 'hover' });
    expect(host().parentNode).toBe(d);
    card.hide();
    modalOpen = false;
    card.show(e, { left: 10, top: 10, width: 50, height: 16 }, { focus: false, openedBy: 'hover' });
    expect(host().parentNode).toBe(document.documentElement);
    expect(document.querySelectorAll('kblens-card-host')).toHaveLength(1);
  });

  it('opened from the keyboard takes focus; Escape closes it and gives focus and caret back', async () => {
    const e = entryFor('<p id="m">Q227142</p><div id="ed" contenteditable="true">reply text</div>', {
      kind: 'q',
      value: 'Q227142',
      articles: ['Q227142'],
    });
    const ed = document.getElementById('ed')!;
    ed.focus();
    const sel = document.getSelection()!;
    const caret = document.createRange();
    caret.setStart(ed.firstChild!, 3);
    sel.removeAllRanges();
    sel.addRange(caret);
    card.show(e, { left: 0, top: 0, width: 10, height: 10 }, { focus: true, openedBy: 'keyboard' });
    await tick(5);
    expect(host().shadowRoot!.activeElement).toBe(dialog());
    // Something moved the caret while the card was open; closing puts it back.
    sel.collapse(ed.firstChild!, 0);
    dialog().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(card.openEntry).toBeNull();
    expect(dialog().hidden).toBe(true);
    expect(document.activeElement).toBe(ed);
    expect(sel.getRangeAt(0).startOffset).toBe(3);
  });

  it('copies the plain-text summary', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const e = entryFor('<p id="m">Q191014</p>', { kind: 'q', value: 'Q191014', articles: ['Q191014'] });
    card.show(e, { left: 0, top: 0, width: 10, height: 10 }, { focus: false, openedBy: 'hover' });
    await tick(5);
    dialog().querySelector<HTMLButtonElement>('button.copy')!.click();
    await tick(1);
    expect(writeText).toHaveBeenCalledWith(
      expect.stringMatching(/^Q191014: XCON: Invented title for Q191014\nhttps:\/\/jeffpar/),
    );
    expect(dialog().querySelector('.status')!.textContent).toBe('Copied');
  });

  it("copies a bounce's reply note, and says so beside its own button", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const e = entryFor('<p id="m">550 5.2.2</p>', {
      kind: 'ndr',
      value: '5.2.2',
      articles: ['Q191014'],
      reason: 'mailboxfull',
      recipient: 'ann@example.org',
    });
    card.show(e, { left: 0, top: 0, width: 10, height: 10 }, { focus: false, openedBy: 'hover' });
    await tick(5);
    dialog().querySelector<HTMLButtonElement>('button.copy-bounce')!.click();
    await tick(1);
    expect(writeText).toHaveBeenCalledWith(
      [
        'Bounce: Mailbox full (mailboxfull)',
        'Recipient: ann@example.org',
        'Server said: 550 5.2.2',
        "What happened: The recipient's mailbox is over its size quota and refuses new mail.",
        "Who must act: The recipient's mail admin",
        'Next step: Ask the recipient (or their admin) to free space or raise the quota, then send again.',
      ].join('\n'),
    );
    expect(dialog().querySelector('.bounce .status')!.textContent).toBe('Copied');
    expect(dialog().querySelector('.article .status')!.textContent).toBe('');
  });

  it('marks a delay notice as delayed, with its status among the facts', async () => {
    const e = entryFor('<p id="m">452 4.2.2</p>', {
      kind: 'ndr',
      value: '4.2.2',
      articles: [],
      reason: 'mailboxfull',
      recipient: 'ann@example.org',
      delayed: true,
    });
    card.show(e, { left: 0, top: 0, width: 10, height: 10 }, { focus: false, openedBy: 'hover' });
    await tick(5);
    const section = dialog().querySelector<HTMLElement>('section.bounce')!;
    expect(section.dataset.reason).toBe('mailboxfull');
    expect(section.dataset.delayed).toBe('true');
    expect(section.querySelector('.bounce-delayed')!.textContent).toMatch(/not failed yet/);
  });

  it('closes with the close button', async () => {
    const e = entryFor('<p id="m">Q191014</p>', { kind: 'q', value: 'Q191014', articles: ['Q191014'] });
    card.show(e, { left: 0, top: 0, width: 10, height: 10 }, { focus: false, openedBy: 'hover' });
    await tick(5);
    dialog().querySelector<HTMLButtonElement>('button.close')!.click();
    expect(card.openEntry).toBeNull();
  });

  it('leaves Escape to the page when no card is open', () => {
    const seen = vi.fn();
    document.addEventListener('keydown', seen);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(seen).toHaveBeenCalledTimes(1);
    document.removeEventListener('keydown', seen);
  });
});
