import { describe, it, expect } from 'vitest';
import {
  DELAY_NEXT,
  askedArticles,
  cardModel,
  classLabel,
  safeUrl,
  shorten,
  MAX_OTHERS,
} from '../../../src/content/card/view-model';
import type { ArticleView, FoundMatch } from '../../../src/messaging/protocol';
import { record } from '../helpers';

const ndr: FoundMatch = {
  kind: 'ndr',
  start: 0,
  end: 62,
  text: 'Unable to deliver the message\ndue to a communications failure.',
  value: 'Unable to deliver the message due to a communications failure.',
  class: 'communications-failure',
  articles: ['Q227142', 'Q191014'],
};

const view = (q: string, over: Partial<ArticleView> = {}, rec: Parameters<typeof record>[1] = {}): ArticleView => ({
  record: record(q, rec),
  ...over,
});

describe('card view-model', () => {
  it('shows the match and a loading state before the articles arrive', () => {
    const m = cardModel(ndr, null);
    expect(m).toMatchObject({
      state: 'loading',
      kindLabel: 'Delivery failure (NDR)',
      detail: 'Communications failure',
      best: null,
    });
    expect(m.matched).toBe('Unable to deliver the message due to a communications failure.');
  });

  it('puts the best article first in the match’s own order, with its facts, fix and verdict', () => {
    const m = cardModel(ndr, [
      view('Q191014'),
      view('Q227142', { verdict: 'fixed', verdictReason: 'ticket is on SP3' }),
    ]);
    expect(m.state).toBe('ready');
    expect(m.best).toMatchObject({
      q: 'Q227142',
      title: 'XCON: Invented title for Q227142',
      url: 'https://jeffpar.github.io/kbarchive/kb/227/Q227142/',
      products: ['Microsoft Exchange Server'],
      versions: ['Exchange Server 5.5'],
      fix: 'Exchange Server 5.5 Service Pack 3',
      fixedFiles: ['Msexcimc.exe 5.5.2448.8'],
      verdict: { state: 'fixed', label: 'Already fixed', reason: 'ticket is on SP3' },
    });
    expect(m.others.map((o) => o.q)).toEqual(['Q191014']);
    expect(m.label).toBe('KB Lens: Q227142, XCON: Invented title for Q227142');
  });

  it("orders by the whole page's ranking where the background gives one, else by the match", () => {
    // The block-time order said Q227142; words later on the page made Q191014 the better one.
    // (Both listed by the page's summary, as the background says with a confidence.)
    const m = cardModel(ndr, [
      view('Q227142', { rank: 1, confidence: 'high' }),
      view('Q191014', { rank: 0, confidence: 'low' }),
    ]);
    expect(m.best!.q).toBe('Q191014');
    expect(m.others.map((o) => o.q)).toEqual(['Q227142']);
    expect(cardModel(ndr, [view('Q191014'), view('Q227142')]).best!.q).toBe('Q227142');
  });

  it("puts forward for a bounce only an article the page's ranking lists; the others are candidates", () => {
    const code: FoundMatch = { ...ndr, text: '554 5.7.1', value: '5.7.1', reason: 'norelaying', articles: ['Q304897'] };
    // Ranked for the page but not listed (below the threshold): the popup says no article explains it.
    const unlisted = cardModel(code, [view('Q304897', { rank: 0 })]);
    expect(unlisted).toMatchObject({
      state: 'unknown',
      best: null,
      notice: 'No archived article explains this message.',
    });
    expect(unlisted.others.map((o) => o.q)).toEqual(['Q304897']);
    expect(unlisted.bounce).toMatchObject({ reason: 'norelaying' });
    // A listed one leads even where an unlisted one ranks before it.
    const listed = cardModel({ ...code, articles: ['Q304897', 'Q227142'] }, [
      view('Q304897', { rank: 0 }),
      view('Q227142', { rank: 1, confidence: 'low' }),
    ]);
    expect(listed.best!.q).toBe('Q227142');
    expect(listed.others.map((o) => o.q)).toEqual(['Q304897']);
    // Other kinds, and answers without a tab's ranking, keep the match's best candidate.
    expect(cardModel({ ...ndr, kind: 'error' }, [view('Q227142', { rank: 0 })]).best!.q).toBe('Q227142');
    expect(cardModel(code, [view('Q304897')]).best!.q).toBe('Q304897');
  });

  it('builds the copy summary with articleSummary, verdict included', () => {
    const m = cardModel(ndr, [view('Q227142', { verdict: 'affected', verdictReason: 'ticket names 5.5 SP2' })]);
    expect(m.best!.summary).toBe(
      [
        'Q227142: XCON: Invented title for Q227142',
        'https://jeffpar.github.io/kbarchive/kb/227/Q227142/',
        'Affects: Exchange Server 5.5',
        'Fix: Exchange Server 5.5 Service Pack 3',
        'Fixed files: Msexcimc.exe 5.5.2448.8',
        'This ticket: Affected (ticket names 5.5 SP2)',
      ].join('\n'),
    );
  });

  it('lists related articles, titles when known, never repeating the best or a candidate', () => {
    const m = cardModel(
      ndr,
      [view('Q227142', {}, { related: ['Q191014', 'Q194999', 'Q123456'] }), view('Q191014')],
      [view('Q194999')],
    );
    expect(m.related).toEqual([
      {
        q: 'Q194999',
        title: 'XCON: Invented title for Q194999',
        url: 'https://jeffpar.github.io/kbarchive/kb/194/Q194999/',
      },
      { q: 'Q123456', title: null, url: 'https://jeffpar.github.io/kbarchive/kb/123/Q123456/' },
    ]);
  });

  it('caps the other candidates', () => {
    const qs = ['Q100001', 'Q100002', 'Q100003', 'Q100004', 'Q100005', 'Q100006', 'Q100007'];
    const m = cardModel(
      { ...ndr, articles: qs },
      qs.map((q) => view(q)),
    );
    expect(m.others).toHaveLength(MAX_OTHERS);
  });

  it('says so when a KB number is not in the archive', () => {
    const m = cardModel({ kind: 'q', start: 0, end: 7, text: 'Q999999', value: 'Q999999', articles: [] }, []);
    expect(m).toMatchObject({ state: 'unknown', notice: 'Q999999 is not in the bundled archive.', best: null });
  });

  it('never lets a record turn a link into script', () => {
    const m = cardModel(ndr, [view('Q227142', {}, { url: 'javascript:alert(1)' })]);
    expect(m.best!.url).toBe('https://jeffpar.github.io/kbarchive/kb/227/Q227142/');
    expect(safeUrl('http://example.test/a', 'Q1')).toBe('http://example.test/a');
  });

  it('shortens long matched text and labels NDR classes', () => {
    expect(shorten('a '.repeat(200), 20)).toMatch(/…$/);
    expect(shorten('a '.repeat(200), 20).length).toBeLessThanOrEqual(20);
    expect(classLabel('unknown-recipient')).toBe('Unknown recipient');
    expect(classLabel(undefined)).toBeNull();
  });

  it('explains a bounce: reason, who must act and the next step, with or without an article', () => {
    const bounce: FoundMatch = {
      kind: 'ndr',
      start: 0,
      end: 9,
      text: '550 5.7.606',
      value: '5.7.606',
      articles: [],
      reason: 'blocked',
      recipient: 'ann@example.org',
    };
    const loading = cardModel(bounce, null);
    expect(loading.bounce).toMatchObject({
      reason: 'blocked',
      label: 'Sending server blocked',
      who: "The sender's mail admin",
      recipient: 'ann@example.org',
    });
    const none = cardModel(bounce, []);
    expect(none.state).toBe('unknown');
    expect(none.bounce?.next).toMatch(/delisting/);
    const full = cardModel({ ...ndr, reason: 'mailboxfull' }, [view('Q227142')]);
    expect(full.best?.q).toBe('Q227142');
    expect(full.bounce).toMatchObject({ label: 'Mailbox full', who: "The recipient's mail admin", recipient: null });
  });

  it('says a bounce that states no reason is unclassified, never printing the class "undefined"', () => {
    const m = cardModel({ ...ndr, reason: 'undefined' }, []).bounce!;
    expect(m.summary.split('\n')[0]).toBe('Bounce: Unclassified failure');
    expect(m.summary).not.toMatch(/undefined/);
  });

  it('tells a delay notice from a bounce: not failed yet, nothing to resend, then what a failure would ask', () => {
    const delay: FoundMatch = { ...ndr, reason: 'mailboxfull', recipient: 'ann@example.org', delayed: true };
    const m = cardModel(delay, []).bounce!;
    expect(m.delayed).toBe(true);
    expect(m.label).toBe('Mailbox full');
    expect(m.next.startsWith(DELAY_NEXT)).toBe(true);
    expect(m.next).toMatch(/free space/);
    expect(m.summary.split('\n')[0]).toBe('Delayed, not failed yet: Mailbox full (mailboxfull)');
    const failed = cardModel({ ...delay, delayed: undefined }, []).bounce!;
    expect(failed.delayed).toBe(false);
    expect(failed.summary.split('\n')[0]).toBe('Bounce: Mailbox full (mailboxfull)');
    expect(failed.next).not.toContain(DELAY_NEXT);
  });

  it('offers each candidate once on a bounce no listed article explains, even when answers repeat one', () => {
    const code: FoundMatch = { ...ndr, articles: [], reason: 'userunknown' };
    const m = cardModel(code, [
      view('Q227142', { rank: 2 }),
      view('Q227142', { rank: 2 }),
      view('Q191014', { rank: 3 }),
    ]);
    expect(m.state).toBe('unknown');
    expect(m.others.map((o) => o.q)).toEqual(['Q227142', 'Q191014']);
  });

  it('has no bounce section for other kinds or a reason outside the vocabulary', () => {
    expect(
      cardModel(
        { kind: 'q', start: 0, end: 7, text: 'Q227142', value: 'Q227142', articles: [], reason: 'mailboxfull' },
        [],
      ).bounce,
    ).toBeNull();
    expect(cardModel({ ...ndr, reason: '__proto__' }, []).bounce).toBeNull();
    expect(cardModel(ndr, []).bounce).toBeNull();
  });

  describe("a bounce's situation (the article the ticket describes around it)", () => {
    const bounce: FoundMatch = {
      kind: 'ndr',
      start: 0,
      end: 36,
      text: 'The recipient name is not recognized',
      value: 'The recipient name is not recognized',
      articles: ['Q181952', 'Q193321'],
      reason: 'userunknown',
      situation: 'Q193283',
    };
    const WHY =
      'about what the ticket describes around the bounce (meeting, update); no message it quotes names an article of its own';

    it('is asked for first, with the match’s own candidates, once', () => {
      expect(askedArticles(bounce)).toEqual(['Q193283', 'Q181952', 'Q193321']);
      expect(askedArticles({ ...bounce, articles: ['Q193283', 'Q181952'] })).toEqual(['Q193283', 'Q181952']);
      expect(askedArticles({ ...bounce, situation: undefined })).toEqual(['Q181952', 'Q193321']);
    });

    it('leads the card where the background ranks it first, with its low-confidence mark and why', () => {
      const m = cardModel(bounce, [
        view('Q181952', { rank: 1, confidence: 'low', why: 'quotes the NDR text' }),
        view('Q193283', { rank: 0, confidence: 'low', why: WHY }),
        view('Q193321', { rank: 2 }),
      ]);
      expect(m.best).toMatchObject({ q: 'Q193283', confidence: 'low', why: WHY });
      expect(m.others.map((o) => o.q)).toEqual(['Q181952', 'Q193321']);
      expect(m.bounce).toMatchObject({ reason: 'userunknown' });
      expect(m.label).toBe('KB Lens: Q193283, XCON: Invented title for Q193283');
    });

    it('is left out where the page summary does not list it (no confidence: a quoted message named its own article)', () => {
      const m = cardModel(bounce, [
        view('Q193283', { rank: 9 }),
        view('Q181952', { rank: 0, confidence: 'high', why: 'quotes the NDR text' }),
        view('Q193321', { rank: 1 }),
      ]);
      expect(m.best).toMatchObject({ q: 'Q181952', confidence: 'high' });
      expect([m.best!.q, ...m.others.map((o) => o.q)]).not.toContain('Q193283');
    });
  });
});
