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
import { readMail } from '../../src/core/inputs/mime';
import { htmlToText } from '../../src/core/inputs/html-text';
import { readCsvExport, readJsonLinesExport } from '../../src/core/inputs/ticket-export';
import { matchesPattern } from '../../src/core/match-pattern';
import { scan } from '../core/match/helpers';
import { addBounceMatches, findBounces } from '../../src/core/bounce';
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

  it('matchesPattern: a pattern of many stars grows linearly with the URL', () => {
    const pattern = `https://x.example/${'*a'.repeat(30)}*b`;
    expect(
      settledGrowthRatio((path) => matchesPattern(`https://x.example/${path}`, pattern), repeat('a'), 50_000),
    ).toBeLessThan(LINEAR_RATIO_LIMIT);
  });
});
