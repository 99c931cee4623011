/**
 * Time linear in input size, for every reader of outside text: each is run on a hostile input
 * and on one four times larger, and the growth of its time (not the time) must stay far below
 * the sixteen-fold of quadratic work (tests/helpers/growth.ts). The inputs repeat the pieces
 * that broke readers before (whitespace runs, unclosed quotes and tags, stars, boundaries), and
 * seeded random hostile fragments.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseArticle } from '../../src/core/article/parse-article';
import { parseRelease } from '../../src/core/article/release';
import { readMail } from '../../src/core/inputs/mime';
import { htmlToText } from '../../src/core/inputs/html-text';
import { readCsvExport, readJsonLinesExport } from '../../src/core/inputs/ticket-export';
import { matchesPattern } from '../../src/core/match-pattern';
import { scan } from '../core/match/helpers';
import { addBounceMatches, findBounces, tagBounceMatches, type Bounce } from '../../src/core/bounce';
import type { Match } from '../../src/core/match';
import { LINEAR_RATIO_LIMIT, settledGrowthRatio } from '../helpers/growth';
import { hostileText, SEED } from './arbitraries';

/** A text of about `size` characters: `unit` repeated. */
const repeat = (unit: string) => (size: number) => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));

// Seeded random fragments: the same on every run, tried on every reader.
const RANDOM = fc.sample(hostileText(40), { seed: SEED, numRuns: 2 }).filter((s) => s.length > 0);

// Per reader, the shapes of input that cost it most (each was quadratic somewhere, once), at a
// size where the linear work takes a few milliseconds: a ×4 input then shows quadratic work as
// ~16 over timer noise, while the whole suite stays well under a minute on a busy machine.
const READERS: [string, (text: string) => unknown, number, string[]][] = [
  ['htmlToText', htmlToText, 50_000, [' \t ', ' \n \n', '<b', '<!--', '&amp']],
  [
    'readMail',
    (t) =>
      readMail(`Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Transfer-Encoding: quoted-printable\n\n${t}`),
    50_000,
    [' \t ', '=\n', '--b\n', '=E2'],
  ],
  ['readCsvExport', (t) => readCsvExport(`id,body\n${t}`), 50_000, ['"a,\n', '"', ' ,', '"x"y']],
  ['readJsonLinesExport', readJsonLinesExport, 50_000, ['{"body":"x"}\n', ' \n', '{"body":"']],
  // A paragraph of "message" with no colon: the parser's message RegExp took 13 s on 150 KB.
  [
    'parseArticle',
    (t) =>
      parseArticle(
        `---\ntitle: "Q900001: ${t.slice(0, 200)}"\n---\n\n{% raw %}\n${t}\n{% endraw %}\n`,
        'kb/900/Q900001/README.md',
      ),
    50_000,
    ['Unable to deliver the message ', '\tArticle: 1\n', 'Error: "x" '],
  ],
  // "X with Y with Z ...": the release reader looked for a service pack after every "with".
  ['parseRelease', parseRelease, 50_000, ['Foo with bar ', 'Gizmo BASIC version 2.00 with ', 'with  \t ']],
  ['scanText', scan, 50_000, ['Unable to deliver the message ', '5.1.1 ', '<p>x', 'Q227142 ']],
  // The bounce reader's parts that may stand alone, repeated: one report of ever more anchors.
  [
    'findBounces',
    (t) => addBounceMatches(t, [], findBounces(t)),
    20_000,
    [
      'Remote host said: unable to deliver to ',
      'Remote Server returned ',
      '[009] sending to: ',
      'RCPT TO:<a@b.example> ',
      // Parts found alone since: Exchange 2003's recipient line, qmail's status, Postfix's own words, SmarterMail's lead.
      '<mx.b.example #5.1.1> ',
      '<a@b.example>: (#5.1.1) ',
      '<a@b.example>: Host or domain name not found ',
      "Failed to deliver to 'a@b.example' says: 550 ",
      '(reason: 550 x) (expanded from: <a@b.example>) ',
      '------- Failure Reasons -------- (Al Bo/Sales/Acme) (Al Bo/Sales/Acme) is full. Al Bo/Sales/Acme ',
      // A server's reply line alone, quoted in a sentence; Exchange Online's reply before its server's label;
      // lines cut at one width (read twice: plain and joined).
      '"Remote server replied: 550 5.1.1 x" ',
      'Fehler: 550 5.7.1 x DSN von: AB12CD34.EURP190.PROD.OUTLOOK.COM ',
      `Remote server replied: 550 5.1.1 ${'y'.repeat(43)}\n`,
    ],
  ],
];

/** A DSN of distinct recipients all refused with 5.1.1, about `size` characters. */
function dsnOf(size: number): string {
  const n = Math.max(1, Math.round(size / 120));
  const rs = Array.from({ length: n }, (_, i) => `user${i}@gone${i % 7}.example.org`);
  return [
    'Reporting-MTA: dns; mx.example.com',
    '',
    ...rs.map(
      (r) =>
        `Final-Recipient: rfc822; ${r}\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n`,
    ),
  ].join('\n');
}

/**
 * A DSN whose first two recipients share 5.1.1 and whose ever more others (5.2.2) quote that code
 * in their own lines: each quote is asked who it belongs to, among the two far above it.
 */
function dsnQuotingOneCode(size: number): string {
  const n = Math.max(3, Math.round(size / 140));
  const blocks = Array.from({ length: n }, (_, i) => {
    const status = i < 2 ? '5.1.1' : '5.2.2';
    return `Final-Recipient: rfc822; user${i}@gone.example.org\nAction: failed\nStatus: ${status}\nDiagnostic-Code: smtp; 550 ${status} mailbox full, was 5.1.1`;
  });
  return ['Reporting-MTA: dns; mx.example.com', '', ...blocks].join('\n\n');
}

/** An NDR match on every "5.1.1" of `text`, as the scanner gives them. */
function codeMatches(text: string): Match[] {
  const out: Match[] = [];
  for (let at = text.indexOf('5.1.1'); at >= 0; at = text.indexOf('5.1.1', at + 1))
    out.push({
      kind: 'ndr',
      text: '5.1.1',
      start: at,
      end: at + 5,
      value: '5.1.1',
      articles: [],
      source: 'code',
      weight: 0.3,
    });
  return out;
}

describe('time linear in input size', () => {
  for (const [name, run, size, families] of READERS) {
    it(`${name}: every hostile family grows linearly`, () => {
      const slow: string[] = [];
      // The article parser allocates per line and sentence: at 200 KB its time follows the GC
      // more than the input, so the random fragments are left to the cheaper readers.
      for (const unit of name === 'parseArticle' ? families : [...families, ...RANDOM]) {
        const ratio = settledGrowthRatio(run, repeat(unit), size);
        if (ratio >= LINEAR_RATIO_LIMIT) slow.push(`${JSON.stringify(unit.slice(0, 20))}: x${ratio.toFixed(1)}`);
      }
      expect(slow).toEqual([]);
    });
  }

  it('findBounces + addBounceMatches: a DSN of ever more recipients sharing one code grows linearly', () => {
    expect(settledGrowthRatio((t) => addBounceMatches(t, [], findBounces(t)), dsnOf, 24_000)).toBeLessThan(
      LINEAR_RATIO_LIMIT,
    );
  });

  it('tagBounceMatches: a code two recipients share, quoted by ever more others, grows linearly', () => {
    // The report is read before the clock starts: what is timed is telling each quote's recipient.
    const read = new Map<string, [Match[], Bounce[]]>();
    const make = (size: number) => {
      const t = dsnQuotingOneCode(size);
      read.set(t, [codeMatches(t), findBounces(t)]);
      return t;
    };
    const run = (t: string) => tagBounceMatches(t, ...read.get(t)!);
    expect(settledGrowthRatio(run, make, 140_000)).toBeLessThan(LINEAR_RATIO_LIMIT);
  });

  it('matchesPattern: a pattern of many stars grows linearly with the URL', () => {
    const pattern = `https://x.example/${'*a'.repeat(30)}*b`;
    expect(
      settledGrowthRatio((path) => matchesPattern(`https://x.example/${path}`, pattern), repeat('a'), 50_000),
    ).toBeLessThan(LINEAR_RATIO_LIMIT);
  });
});
