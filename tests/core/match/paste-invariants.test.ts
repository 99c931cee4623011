/**
 * How a ticket pastes a message never changes what is found: re-wrapped, indented, "> " quoted,
 * CRLF line ends. Checked over the fixture articles' messages and messages with soft slots.
 */
import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText, type Match } from '../../../src/core/match';
import type { ArticleRecord } from '../../../src/core/article/types';
import { FIXTURE_RECORDS, record } from './fixture-records';

const SLOTTED: ArticleRecord[] = [
  record({
    q: 'Q900201',
    title: 'Migration',
    errors: [
      {
        text: "The account 'One, User' did not migrate because the mailbox store rejected the request.",
        kind: 'error',
        placeholders: [],
      },
    ],
  }),
  record({
    q: 'Q900202',
    title: 'Setup',
    errors: [
      {
        text: "Setup cannot copy the file 'A:\\SETUP 1.CAB' from the distribution media.",
        kind: 'error',
        placeholders: [],
      },
    ],
  }),
];
const det = loadDetector(JSON.parse(JSON.stringify(buildDetector([...FIXTURE_RECORDS, ...SLOTTED]))));

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/)) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
const PASTES: [string, (t: string) => string][] = [
  ['re-wrapped at 30 columns', (t) => wrap(t, 30)],
  ['re-wrapped at 12 columns', (t) => wrap(t, 12)],
  [
    'indented',
    (t) =>
      wrap(t, 40)
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n'),
  ],
  [
    '"> " quoted',
    (t) =>
      wrap(t, 40)
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n'),
  ],
  [
    '">> " quoted twice',
    (t) =>
      wrap(t, 40)
        .split('\n')
        .map((l) => `>> ${l}`)
        .join('\n'),
  ],
  ['CRLF', (t) => wrap(t, 40).replace(/\n/g, '\r\n')],
  [
    'CRLF, quoted and indented',
    (t) =>
      wrap(t, 36)
        .split('\n')
        .map((l) => `\t> ${l}`)
        .join('\r\n'),
  ],
];
/** What a match says, without where it is. */
const gist = (ms: Match[]) =>
  ms.map((m) => ({
    kind: m.kind,
    value: m.value,
    articles: m.articles,
    weight: m.weight,
    class: m.class,
    slots: m.slots,
    own: m.ownValues,
  }));

const messages = [
  ...[...FIXTURE_RECORDS, ...SLOTTED].flatMap((r) => r.errors.map((e) => e.text)),
  "The account 'Patel, Raj' did not migrate because the mailbox store rejected the request.",
  "Setup cannot copy the file 'B:\\DISK 2\\DATA 7.CAB' from the distribution media.",
];

describe('pasting never changes matches', () => {
  it.each(PASTES)('%s', (_label, paste) => {
    let checked = 0;
    for (const msg of messages) {
      const plain = `Ticket says:\n${msg}\nThanks.`;
      const want = gist(scanText(plain, det));
      if (want.length === 0) continue;
      checked++;
      expect(gist(scanText(`Ticket says:\n${paste(msg)}\nThanks.`, det)), msg).toEqual(want);
    }
    expect(checked).toBeGreaterThan(10);
  });
});
