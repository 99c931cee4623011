import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../src/core/article/types';
import { explain, rankArticles, type Match } from '../../../src/core/match';
import { contextScores, mergeContextWords, stem, ticketWords, wordsOf } from '../../../src/core/match/context';
import { articleRecord, type RecordSketch } from '../../fixtures/article-record';

// Invented articles and matches: the ranking is tested on its own, apart from the matcher.
const MESSAGE = 'Unable to deliver the message due to a communications failure';
const recs = (...sketches: RecordSketch[]) =>
  new Map<string, ArticleRecord>(sketches.map((s) => [s.q, articleRecord(s)]));
const RECORDS = recs(
  {
    q: 'Q100101',
    title: 'XFOR: Connector May not Deliver Messages w/Attachments',
    terms: ['connector', 'attachment', 'postoffice'],
  },
  {
    q: 'Q100202',
    title: 'XCON: MTA Journaling Does Not Work to a Custom Recipient',
    terms: ['journaling', 'recipient', 'custom'],
  },
  { q: 'Q100303', title: 'XFOR: Service Can Only Send SMTP Type Mail', terms: ['smtp', 'addressing', 'foreign'] },
  { q: 'Q100404', title: 'XADM: Store Fails to Start After Restore', terms: ['restore', 'store', 'tape'] },
  {
    q: 'Q100505',
    title: 'XADM: Store Fails to Start After Defragmentation',
    terms: ['defragmentation', 'store', 'eseutil'],
  },
);

/** A ticket whose `message` is found at its place in `text`, naming `articles` in that order. */
function ticket(
  text: string,
  parts: { message: string; articles: string[]; weight?: number; source?: Match['source'] }[],
) {
  const matches: Match[] = parts.map((p) => {
    const start = text.indexOf(p.message);
    if (start < 0) throw new Error(`not in the ticket: ${p.message}`);
    return {
      kind: 'ndr',
      text: p.message,
      start,
      end: start + p.message.length,
      value: p.message,
      articles: p.articles,
      source: p.source ?? 'message',
      weight: p.weight ?? 1,
    };
  });
  return { text, matches };
}

const ALL_THREE = ['Q100101', 'Q100202', 'Q100303'];
const rank = (t: { text: string; matches: Match[] }, opts = {}) => explain(t.text, t.matches, RECORDS, opts).articles;
const order = (t: { text: string; matches: Match[] }, opts = {}) => rank(t, opts).map((a) => a.q);

describe("ranking by the ticket's other words", () => {
  it('the circumstances the agent describes decide among articles quoting the same message', () => {
    const t = ticket(`Journaling is on, the journal goes to a custom recipient. NDR: ${MESSAGE}.`, [
      { message: MESSAGE, articles: ALL_THREE },
    ]);
    expect(order(t, { context: false })).toEqual(ALL_THREE);
    const ranked = rank(t);
    expect(ranked.map((a) => a.q)).toEqual(['Q100202', 'Q100101', 'Q100303']);
    // Each is in the title and the terms, and in no other candidate: equal weight, then by word.
    expect(ranked[0]!.context).toEqual(['custom', 'journaling', 'recipient']);
    expect(ranked[0]!.why).toMatch(/the ticket also mentions custom, journaling, recipient$/);
    expect(ranked[0]!.confidence).toBe('high');
    // The others, tied with nothing to tell them apart, are low.
    expect(ranked.slice(1).map((a) => a.confidence)).toEqual(['low', 'low']);
    const attachments = ticket(`Only the mail with attachments bounces: ${MESSAGE}`, [
      { message: MESSAGE, articles: ALL_THREE },
    ]);
    expect(order(attachments)[0]).toBe('Q100101');
  });

  it('never adds an article no match names, and lists the same articles as without context', () => {
    const texts = [
      `Journaling, restore, tape, defragmentation, eseutil, store, smtp: ${MESSAGE}`,
      `restore restore tape ${MESSAGE} defragmentation`,
      `${MESSAGE}`,
    ];
    for (const text of texts) {
      const t = ticket(text, [{ message: MESSAGE, articles: ['Q100101', 'Q100202'] }]);
      const withContext = order(t);
      expect(withContext.every((q) => ['Q100101', 'Q100202'].includes(q))).toBe(true);
      expect([...withContext].sort()).toEqual([...order(t, { context: false })].sort());
    }
    // Context words naming an article no match points to do not bring it in.
    const scores = contextScores(
      ['restore', 'tape', 'defragmentation'],
      recs({ q: 'Q100101', title: 'A', terms: [] }, { q: 'Q100202', title: 'B', terms: [] }),
    );
    expect([...scores.keys()]).toEqual(['Q100101', 'Q100202']);
    expect([...scores.values()].every((s) => s.score === 0)).toBe(true);
  });

  it('a ticket with no words besides its matches keeps the order without context, exactly', () => {
    const cases = [
      ticket(MESSAGE, [{ message: MESSAGE, articles: ['Q100303', 'Q100101', 'Q100202'] }]),
      ticket(`> ${MESSAGE}\n>\n> 12345 2024-01-01`, [{ message: MESSAGE, articles: ALL_THREE }]),
      ticket(`Please, thanks: ${MESSAGE}`, [{ message: MESSAGE, articles: ['Q100202', 'Q100101'] }]),
    ];
    for (const t of cases) {
      expect(ticketWords(t.text, t.matches).size).toBe(0);
      expect(rank(t)).toEqual(rank(t, { context: false }));
    }
    // And rankArticles given no words is the same as rankArticles with context off.
    const t = cases[0]!;
    const off = rankArticles(t.matches, RECORDS, { products: [], files: [] }, { context: false });
    const none = rankArticles(t.matches, RECORDS, { products: [], files: [] }, { contextWords: [] });
    expect(none).toEqual(off);
  });

  it('words every candidate shares, stopwords and numbers count nothing', () => {
    const two = recs(RECORDS.get('Q100404')!, RECORDS.get('Q100505')!);
    // "store", "start" and "fails" are in both titles; 404 and 1999 are numbers; "the", "after" stopwords.
    expect([...contextScores(['store', 'start', 'fails', 'after', 'the'], two).values()].map((s) => s.score)).toEqual([
      0, 0,
    ]);
    expect(ticketWords('The store fails after 404 restarts in 1999, 0x8004011d', [])).toEqual(
      new Set(['store', 'restart']),
    );
    const s = contextScores(['store', 'tape'], two);
    expect(s.get('Q100404')!.words).toEqual(['tape']);
    expect(s.get('Q100505')!.score).toBe(0);
  });

  it("a light stem lets the ticket's word meet the article's other form of it, showing the ticket's", () => {
    const two = recs(RECORDS.get('Q100404')!, RECORDS.get('Q100505')!);
    expect(contextScores(['restored'], two).get('Q100404')).toEqual({ score: expect.any(Number), words: ['restored'] });
    expect(contextScores(['restored'], two).get('Q100404')!.score).toBeGreaterThan(0);
    expect(['journaling', 'journal', 'journals'].map(stem)).toEqual(['journal', 'journal', 'journal']);
    expect(['process', 'status', 'store.exe', 'used'].map(stem)).toEqual(['process', 'status', 'store.exe', 'used']);
  });

  it('header field names say nothing, their values do', () => {
    const text =
      'Reporting-MTA: dns; mail.example\nFinal-Recipient: rfc822; pat@example.com\n> Subject: journaling broken\nNote: tape';
    expect(ticketWords(text, [])).toEqual(new Set(['mail', 'pat', 'example.com', 'journaling', 'broken', 'tape']));
  });

  it('a service pack level says nothing (the verdict reads it); a service that fails does', () => {
    expect(
      ticketWords('NT 4.0 with Service Pack 2 and Office service release 1; the spooler service fails', []),
    ).toEqual(new Set(['office', 'spooler', 'service']));
    expect(ticketWords('NT 4.0 with Service Pack 2', [])).toEqual(new Set([]));
  });

  it('the words of the matched message itself say nothing, even where the ticket repeats them', () => {
    const msg = 'This version of Outlook Web Access only supports your primary contact folder';
    const r = recs(
      { q: 'Q100606', title: 'XCLN: Outlook Web Access Cannot Use Contacts in Public Folder' },
      { q: 'Q100707', title: 'XCLN: Contact Folders Use Mail Folder Icon in OWA' },
    );
    const t = ticket(`In Outlook Web Access every contact folder has the mail folder icon: ${msg}.`, [
      { message: msg, articles: ['Q100606', 'Q100707'] },
    ]);
    expect(explain(t.text, t.matches, r).articles[0]!.q).toBe('Q100707');
    // Nor where the words were kept from another block of the page than the message's.
    const owaWords = ['outlook', 'web', 'access', 'public'];
    const ranked = rankArticles(t.matches, r, { products: [], files: [] }, { contextWords: owaWords }).ranked;
    expect(ranked[0]!.q).toBe('Q100606');
    expect(ranked[0]!.context).toEqual(['public']);
  });

  it("ties break by score, then context, then where the article's first match stands, never by number", () => {
    const a = 'The information store could not be started again';
    const b = 'The defragmentation utility reported a damaged page';
    // Equal evidence for two articles named by two messages: the one quoted first in the ticket leads.
    const t1 = ticket(`${b}. Later: ${a}.`, [
      { message: b, articles: ['Q100505'] },
      { message: a, articles: ['Q100404'] },
    ]);
    expect(order(t1)).toEqual(['Q100505', 'Q100404']);
    const t2 = ticket(`${a}. Later: ${b}.`, [
      { message: a, articles: ['Q100404'] },
      { message: b, articles: ['Q100505'] },
    ]);
    expect(order(t2)).toEqual(['Q100404', 'Q100505']);
    // Equal scores, no context: Q-numbers do not decide (the higher number leads in t1).
    expect(order(t1)).toEqual(order(t1));
  });

  it('context does not overturn a cited article or much stronger evidence', () => {
    const text = `Per Q100101. Journaling, custom recipient, journaling again. ${MESSAGE}`;
    const start = text.indexOf('Q100101');
    const cited: Match = {
      kind: 'q',
      text: 'Q100101',
      start,
      end: start + 7,
      value: 'Q100101',
      articles: ['Q100101'],
      source: 'cited',
      weight: 1,
    };
    const t = ticket(text, [{ message: MESSAGE, articles: ALL_THREE }]);
    expect(order({ text, matches: [cited, ...t.matches] })[0]).toBe('Q100101');
    // A weak code for one article does not beat a full message for another, however many words fit.
    const weak = ticket(`journaling custom recipient: 5.4.0 and then ${MESSAGE}`, [
      { message: '5.4.0', articles: ['Q100202'], weight: 0.45, source: 'code' },
      { message: MESSAGE, articles: ['Q100101'] },
    ]);
    expect(order(weak)[0]).toBe('Q100101');
  });

  it('a specific message quoted by one or two articles always ranks, with low confidence when weak', () => {
    const msg = 'Load: Class applet not found.';
    const t = ticket(`The browser says ${msg}`, [{ message: msg, articles: ['Q100303'], weight: 0.47 }]);
    expect(rank(t)).toMatchObject([{ q: 'Q100303', confidence: 'low', inIndex: true }]);
    // Too short to say anything: not listed.
    const generic = ticket('Access is denied.', [{ message: 'Access is denied.', articles: ['Q100303'], weight: 0.4 }]);
    expect(rank(generic)).toEqual([]);
  });

  it('a cited article within the archive range the index does not have stays listed, inIndex false', () => {
    const text = 'See Q299999.';
    const cited: Match = {
      kind: 'q',
      text: 'Q299999',
      start: 4,
      end: 11,
      value: 'Q299999',
      articles: ['Q299999'],
      source: 'cited',
      weight: 1,
    };
    expect(explain(text, [cited], RECORDS).articles).toMatchObject([
      { q: 'Q299999', inIndex: false, confidence: 'high', context: [] },
    ]);
  });
});

describe("a bounce's furniture words", () => {
  it('are dropped where a bounce may be read, kept in a description with the bounce cut out', () => {
    const text = 'Reply to All stays in the Outbox; the IMS is set to use DNS for delivery.';
    const plain = wordsOf(text);
    for (const w of ['reply', 'dns', 'delivery']) expect(plain).not.toContain(w);
    const own = wordsOf(text, new Set(), 100, true);
    for (const w of ['reply', 'dns', 'delivery', 'outbox']) expect(own).toContain(w);
  });
});

describe('the words kept for a whole ticket', () => {
  it('stay within the bound, keeping the words candidates have first', () => {
    const many = Array.from({ length: 50 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`);
    const kept = mergeContextWords(many.slice(0, 30), many.slice(30), new Set([many[49]!, many[0]!]), 20);
    expect(kept).toHaveLength(20);
    expect(kept.slice(0, 3)).toEqual([many[0], many[49], many[1]]);
    expect(mergeContextWords(['a1x', 'b2x'], ['b2x', 'c3x'], new Set(), 10)).toEqual(['a1x', 'b2x', 'c3x']);
  });
});

describe('context carries a specific message many articles share over the threshold', () => {
  // Sixteen articles quote the message: 10 x 1 x 0.5 = 5 each, below the threshold of 6.
  const fillers = Array.from({ length: 11 }, (_, i) => ({
    q: `Q2001${String(i).padStart(2, '0')}`,
    title: `XFOR: Unrelated Case ${i}`,
    terms: ['unrelated'],
  }));
  const many = recs(
    ...[...RECORDS.values()].map((r) => ({ q: r.q, title: r.title, terms: r.terms ?? [] })),
    ...fillers,
  );
  const sixteen = [...many.keys()];
  const at = (text: string, weight = 1) => ticket(text, [{ message: MESSAGE, articles: sixteen, weight }]);
  const ranked = (t: { text: string; matches: Match[] }, opts = {}) =>
    explain(t.text, t.matches, many, opts).articles.map((a) => a.q);

  it("the article the ticket's words point to ranks; the others stay out", () => {
    const t = at(`Journaling is on, the journal goes to a custom recipient. NDR: ${MESSAGE}.`);
    expect(ranked(t)).toEqual(['Q100202']);
    // Without context the message alone is below the threshold for all sixteen, as before.
    expect(ranked(t, { context: false })).toEqual([]);
  });

  it('no context words, or a weak message, lists nothing', () => {
    expect(ranked(at(`NDR: ${MESSAGE}.`))).toEqual([]);
    expect(ranked(at(`Journaling is on, the journal goes to a custom recipient. NDR: ${MESSAGE}.`, 0.4))).toEqual([]);
  });
});

describe("a bounce's own sentences", () => {
  it('are no context words: every bounce prints them', () => {
    const words = ticketWords(
      'Your message did not reach some or all of the intended recipients.\nThe following recipient(s) could not be reached:\n  Jo on 1/2/99\nThe widget gateway was down; recipient mailbox moved last week.',
      [],
    );
    expect(words.has('intended')).toBe(false);
    expect(words.has('reached')).toBe(false);
    // The same word in the agent's own sentence still counts.
    expect(words.has('recipient')).toBe(true);
    expect(words.has('gateway')).toBe(true);
  });
});

describe('articles quoting exactly the same thing, told apart by the ticket', () => {
  const GENERIC = 'The gizmo name is not recognized';
  const SAME = recs(
    { q: 'Q100611', title: 'XCON: Gizmo Name Not Recognized', terms: ['gizmo', 'replies', 'directory'] },
    { q: 'Q100622', title: 'XCON: NDR When Replying All to a Moved Gizmo', terms: ['moved', 'container', 'pab'] },
    { q: 'Q100633', title: 'XADM: Gizmo Alternate Recipient Is Invalid', terms: ['alternate', 'invalid'] },
  );
  const ARTICLES = ['Q100611', 'Q100622', 'Q100633'];
  const rankSame = (text: string) =>
    explain(text, ticket(text, [{ message: GENERIC, articles: ARTICLES, weight: 0.8 }]).matches, SAME, {}).articles;

  it('the one the ticket describes goes first, over the one whose title restates the message', () => {
    const ranked = rankSame(
      `Replying to all bounces since his gizmo was moved to another container; he is an old PAB entry. ${GENERIC}`,
    );
    expect(ranked[0]!.q).toBe('Q100622');
    expect(ranked.find((a) => a.q === 'Q100611')!.confidence).toBe('low');
  });

  it('without such words the title that restates the message keeps its lead', () => {
    expect(rankSame(`Users get this back: ${GENERIC}`)[0]!.q).toBe('Q100611');
  });
});

describe('the light stem', () => {
  it('meets -ies, -ied, -ying and the singular of -ies in one word', () => {
    const forms = ['replies', 'replied', 'replying', 'replie', 'reply'].map(stem);
    expect(new Set(forms)).toEqual(new Set(['reply']));
    expect(stem('queries')).toBe(stem('query'));
    expect(stem('restored')).toBe(stem('restore'));
  });
});
