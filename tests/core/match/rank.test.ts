import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_RECORDS, explainMatches } from './fixture-records';
import { scan } from './helpers';

const ticket = (name: string) => readFileSync(new URL(`../../fixtures/tickets/${name}`, import.meta.url), 'utf8');
const analyse = (text: string) => explainMatches(text, scan(text));

describe('ranking', () => {
  it('an Exchange 5.5 ticket with the NDR ranks the 5.5 article and judges it affected', () => {
    const r = analyse(ticket('exchange55-commfailure.txt'));
    expect(r.articles[0]).toMatchObject({ q: 'Q227142', verdict: 'affected' });
    expect(r.articles[0]!.why).toBe(
      "quotes the NDR text 'Unable to deliver the message due to a communic…'; Exchange Server 5.5 matches the ticket; the ticket also mentions attachment, mail",
    );
    expect(r.articles[0]!.verdictReason).toMatch(/Store\.exe 5\.5\.2448\.0 is older than the fixed 5\.5\.2591\.0/);
    // The 5.0 article quotes the same text, but the ticket runs 5.5: not shown rather than shown wrong.
    expect(r.articles.map((a) => a.q)).toEqual(['Q227142']);
    // The match lists both candidates, best first.
    expect(r.matches.find((m) => m.kind === 'ndr')!.articles).toEqual(['Q227142', 'Q170010']);
  });

  it("says which of the ticket's products the article is about, not every product the ticket names", () => {
    const r = analyse('Per KB 170010: Outlook 98 clients, Exchange Server 5.5 SP2 server.');
    const a = r.articles.find((x) => x.q === 'Q170010')!;
    expect(a.why).toMatch(/the ticket names Exchange Server 5\.5$/);
  });

  it('the same NDR on Exchange 5.0 puts the 5.0 article first', () => {
    const r = analyse(
      'Exchange Server 5.0 SP1 here. NDR: Unable to deliver the message due to a communications failure.',
    );
    expect(r.articles.map((a) => a.q)).toEqual(['Q170010']);
    expect(r.articles[0]!.verdict).toBe('affected');
  });

  it('with no version in the ticket, both articles quoting the text are shown', () => {
    const r = analyse('NDR: Unable to deliver the message due to a communications failure.');
    expect(r.articles.map((a) => a.q).sort()).toEqual(['Q170010', 'Q227142']);
    expect(r.articles.every((a) => a.verdict === 'unknown')).toBe(true);
  });

  it('a cited KB number always applies, first', () => {
    const r = analyse(
      'Per KB 183588 we checked, but: Unable to connect to server EXCH01. The server may be down or unavailable.',
    );
    expect(r.articles.map((a) => a.q)).toEqual(['Q183588', 'Q178511']);
    expect(r.articles[0]!.why).toMatch(/^cited in the ticket as "KB 183588"/);
  });

  it('a cited number the ticket sets aside or already runs ranks below the article its message names, still listed', () => {
    const message = 'Unable to connect to server EXCH01. The server may be down or unavailable.';
    for (const [text, said] of [
      [`KB 183588, which we already tried. ${message}`, /which the ticket sets aside$/],
      [`Since we installed Q183588: ${message}`, /as an update the system already has$/],
    ] as const) {
      const r = analyse(text);
      expect(
        r.articles.map((a) => a.q),
        text,
      ).toEqual(['Q178511', 'Q183588']);
      expect(r.articles[1]!.why).toMatch(said);
    }
    // Alone, it is still the article the ticket names.
    expect(analyse('KB 183588, which we already tried.').articles.map((a) => a.q)).toEqual(['Q183588']);
  });

  it('a cited number the index does not have is still listed', () => {
    const r = analyse('see Q299999');
    expect(r.articles).toEqual([
      {
        q: 'Q299999',
        title: '',
        score: 100,
        why: 'cited in the ticket as "Q299999"; not in the index',
        confidence: 'high',
        context: [],
        inIndex: false,
      },
    ]);
  });

  it('a cited number outside the archive that the index does not have is neither listed nor highlighted', () => {
    // Later Microsoft articles (seven digits, or past Q330000) and other tools' numbers below Q10000.
    for (const text of ['update KB5034441 failed', 'MSRT (KB890830) failed', 'runbook KB 4471 says'])
      expect(analyse(text), text).toEqual({ matches: [], articles: [] });
  });

  it('several independent matches outrank one', () => {
    const r = analyse(
      'Error 0x8004011D occurred while trying to run a timer-based agent. Later: Out of memory. Also 0x8004011D again. Unable to connect to server X1. The server may be down or unavailable.',
    );
    expect(r.articles[0]!.q).toBe('Q196043');
    expect(r.articles[0]!.score).toBeGreaterThan(r.articles[1]!.score);
  });

  it('generic text alone shows nothing, not even a highlight: it could open no article worth reading', () => {
    expect(analyse('Access is denied.')).toEqual({ matches: [], articles: [] });
    expect(analyse('Out of memory.')).toEqual({ matches: [], articles: [] });
  });

  it('a ticket about later systems lists no article its messages or codes name, and highlights none', () => {
    const quote = 'Error 0x8004011D occurred while trying to run a timer-based agent.';
    expect(analyse(`${quote} Mailbox is in Exchange Online, client is Outlook for Microsoft 365.`)).toEqual({
      matches: [],
      articles: [],
    });
    // The same message where the ticket names the article's own product and version.
    expect(analyse(`${quote} Server is Exchange 5.5, clients on Windows 11.`).articles.map((a) => a.q)).toEqual([
      'Q196043',
    ]);
    // A cited number still applies, and its highlight stays.
    const cited = analyse(`${quote} Per Q196043 on our Exchange 2019 box.`);
    expect(cited.articles.map((a) => a.q)).toEqual(['Q196043']);
    expect(cited.matches.map((m) => m.text)).toContain('Q196043');
  });

  it('generic text is shown where an article it names is listed: it is part of the evidence', () => {
    const r = analyse('Per Q214201 the store should not fail, but: Out of memory.');
    expect(r.articles.map((a) => a.q)).toEqual(['Q214201']);
    expect(r.matches.map((m) => [m.text, m.articles])).toEqual([
      ['Q214201', ['Q214201']],
      ['Out of memory', ['Q214201']],
    ]);
  });

  it('prose shows nothing at all', () => {
    expect(analyse(ticket('prose-only.txt'))).toEqual({ matches: [], articles: [] });
  });

  it('the Exchange 2007 bounce', () => {
    const r = analyse(ticket('exchange2007-recipnotfound.txt'));
    expect(r.articles.map((a) => a.q)).toEqual(['Q895853']);
    expect(r.matches.map((m) => m.class)).toEqual(['unknown-recipient', 'unknown-recipient']);
  });
});

describe('JSON contract', () => {
  it('has exactly the documented names, in order', () => {
    const text = 'Exchange 5.5 SP4: see KB 227142. MSEXCH:IMS:Org:Site:SRV 0 (000C05A6) Unknown Recipient';
    const r = JSON.parse(JSON.stringify(analyse(text)));
    expect(Object.keys(r)).toEqual(['matches', 'articles']);
    expect(Object.keys(r.matches[0])).toEqual(['kind', 'text', 'start', 'end', 'articles', 'value', 'why']);
    expect(Object.keys(r.matches[1])).toEqual(['kind', 'text', 'start', 'end', 'class', 'articles', 'value', 'why']);
    expect(r.matches[0]).toMatchObject({ kind: 'q', text: 'KB 227142', start: 22, end: 31, articles: ['Q227142'] });
    // confidence, context and inIndex were added by issue 13, after the keys that were there before.
    expect(Object.keys(r.articles[0])).toEqual([
      'q',
      'title',
      'score',
      'why',
      'verdict',
      'verdictReason',
      'confidence',
      'context',
      'inIndex',
    ]);
    expect(r.articles[0]).toMatchObject({ q: 'Q227142', title: FIXTURE_RECORDS[0]!.title, verdict: 'fixed' });
    expect(typeof r.articles[0].score).toBe('number');
  });
});
