/**
 * Two ways an article is listed although no match names it well: the situation an archive-era
 * bounce's ticket describes (Match.about), and a thin message's article whose title the ticket
 * spells out. Matches are written by hand: what is tested is the ranking's rule, not the scan.
 */
import { describe, expect, it } from 'vitest';
import { rankArticles, type Match } from '../../../src/core/match';
import { ticketWords } from '../../../src/core/match/context';
import type { Situation } from '../../../src/core/match/scan';
import { findTicketVersions } from '../../../src/core/version';
import { record, recordMap } from './fixture-records';

const NO_VERSIONS = { products: [], files: [] };
const ndr = (text: string, articles: string[], weight: number, about?: Situation): Match => ({
  kind: 'ndr',
  text,
  start: 0,
  end: text.length,
  value: text,
  articles,
  source: 'message',
  weight,
  ...(about ? { about } : {}),
});
const error = (text: string, articles: string[], weight: number): Match => ({
  ...ndr(text, articles, weight),
  kind: 'error',
});

const EX = { products: ['Microsoft Exchange Server'], versions: ['Exchange Server 5.5'] };
const GENERIC = Array.from({ length: 14 }, (_, i) => `Q9003${String(i).padStart(2, '0')}`);
const RECORDS = recordMap([
  ...GENERIC.map((q, i) => record({ q, title: `XADM: Generic NDR Case ${i}`, ...EX })),
  record({ q: 'Q900400', title: 'XADM: Public Folder Replica on a Retired Server Causes NDRs', ...EX }),
  record({ q: 'Q900401', title: 'XCON: NDR Quoting a Rare Sentence', ...EX }),
  record({ q: 'Q900410', title: 'Print Manager Reports "Printer Out of Paper" on Serial Port' }),
  record({ q: 'Q900411', title: 'Print Queue Errors in Workgroups' }),
  record({ q: 'Q900412', title: 'Print Manager Error on Serial Port Printers' }),
]);
const SITUATION: Situation = { q: 'Q900400', score: 30, words: ['retired', 'replica', 'folder'] };

describe("an archive-era bounce's situation (Match.about)", () => {
  it('leads, with low confidence, when the matches are generic bounce lines', () => {
    const matches = [
      ndr('The recipient name is not recognized', GENERIC, 0.77, SITUATION),
      ndr('MSEXCH:MSExchangeMTA:WEST:EXW01', GENERIC, 0.93),
    ];
    const { ranked } = rankArticles(matches, RECORDS, NO_VERSIONS, { contextWords: ['retired'] });
    expect(ranked[0]).toMatchObject({ q: 'Q900400', confidence: 'low', context: SITUATION.words });
    expect(ranked[0]!.why).toMatch(/^about what the ticket describes around the bounce \(retired, replica, folder/);
    // The articles quoting the generic lines are still listed after it, as before.
    expect(ranked.slice(1).map((a) => a.q)).toEqual(GENERIC.slice(0, 9));
  });

  it('is not listed when a message names an article specifically', () => {
    const matches = [
      ndr('The recipient name is not recognized', GENERIC, 0.77, SITUATION),
      ndr('A rare sentence', ['Q900401'], 1),
    ];
    const { ranked } = rankArticles(matches, RECORDS, NO_VERSIONS, { contextWords: [] });
    expect(ranked.map((a) => a.q)).not.toContain('Q900400');
    expect(ranked[0]!.q).toBe('Q900401');
  });

  it('is not listed when the index has no record of it', () => {
    const matches = [ndr('The recipient name is not recognized', GENERIC, 0.77, { ...SITUATION, q: 'Q999998' })];
    const { ranked } = rankArticles(matches, RECORDS, NO_VERSIONS, {});
    expect(ranked.map((a) => a.q)).not.toContain('Q999998');
  });
});

describe("a thin message's article whose title the ticket spells out", () => {
  const text = 'Print Manager reports "Printer out of paper" whenever a job goes to the serial port.';
  const thin = () => {
    const m = error('Printer out of paper', ['Q900410', 'Q900411'], 0.4);
    const at = text.indexOf(m.text);
    return { ...m, start: at, end: at + m.text.length };
  };
  const rank = (t: string, articles = ['Q900410', 'Q900411']) => {
    const m = { ...thin(), articles };
    return rankArticles([m], RECORDS, NO_VERSIONS, { contextWords: ticketWords(t, [m]) }).ranked;
  };

  it('is listed with low confidence', () => {
    expect(rank(text)).toMatchObject([{ q: 'Q900410', confidence: 'low' }]);
    expect(rank(text)[0]!.why).toMatch(/the ticket spells out its title$/);
  });

  it('needs every own word of the title in the ticket', () => {
    expect(rank('Print Manager says "Printer out of paper" on the serial line.')).toEqual([]);
  });

  it('is not listed when two of the articles have their titles spelled out', () => {
    // Q900412's own words (print, manager, serial, port, printer) stand in the ticket too.
    expect(rank(text + ' The printers are fine otherwise.', ['Q900410', 'Q900411', 'Q900412'])).toEqual([]);
  });

  it('is nothing without the ticket words (context off)', () => {
    expect(rankArticles([thin()], RECORDS, NO_VERSIONS, { context: false }).ranked).toEqual([]);
  });
});

describe("the article the ticket's words describe (RankOptions.described)", () => {
  const DESCRIBED: Situation = { q: 'Q900400', score: 40, words: ['retired', 'replica', 'folder'] };

  it('is listed alone, with low confidence and its source, when nothing else ranks', () => {
    const { ranked } = rankArticles([], RECORDS, NO_VERSIONS, { described: DESCRIBED });
    expect(ranked).toHaveLength(1);
    expect(ranked[0]).toMatchObject({ q: 'Q900400', confidence: 'low', source: 'described', context: DESCRIBED.words });
    expect(ranked[0]!.why).toMatch(/^suggested from the ticket's words \(retired, replica, folder\)/);
    // The --json contract's keys keep their order; the marker comes after them.
    expect(Object.keys(ranked[0]!)).toEqual([
      'q',
      'title',
      'score',
      'why',
      'verdict',
      'verdictReason',
      'confidence',
      'context',
      'inIndex',
      'source',
    ]);
  });

  it('is not listed when a match ranks an article', () => {
    const { ranked } = rankArticles([ndr('A rare sentence', ['Q900401'], 1)], RECORDS, NO_VERSIONS, {
      described: DESCRIBED,
    });
    expect(ranked.map((a) => a.q)).toEqual(['Q900401']);
    expect(ranked.some((a) => a.source)).toBe(false);
  });

  it('is not listed without its record', () => {
    expect(rankArticles([], RECORDS, NO_VERSIONS, { described: { ...DESCRIBED, q: 'Q999999' } }).ranked).toEqual([]);
  });

  it("is not listed when the ticket's version already has the article's fix", () => {
    const fixed = recordMap([
      record({
        q: 'Q900420',
        title: 'XADM: Replica on a Retired Server Is Kept',
        ...EX,
        fix: {
          text: 'Exchange Server 5.5 Service Pack 2',
          product: 'Exchange Server',
          version: '5.5',
          servicePack: '2',
          hotfix: false,
          source: 'status',
        },
      }),
    ]);
    const on = (text: string) =>
      rankArticles([], fixed, findTicketVersions(text), { described: { ...DESCRIBED, q: 'Q900420' } }).ranked;
    expect(on('Exchange 5.5 SP1: the replica on the retired server stays')).toMatchObject([{ q: 'Q900420' }]);
    expect(on('Exchange 5.5 SP3: the replica on the retired server stays')).toEqual([]);
  });
});
