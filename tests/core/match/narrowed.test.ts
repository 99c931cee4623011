/**
 * A short message several articles quote names none of them unless the ticket says which: it lists
 * no article and is not highlighted, until a product, the ticket's other words, another match or
 * slot values narrow it.
 */
import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { SELF_NARROWING_WEIGHT } from '../../../src/core/match/narrowed';
import { SPECIFIC_WEIGHT } from '../../../src/core/match/pattern';
import { SHARED_BY_SOME } from '../../../src/core/match/rank';
import { explainMatches, record } from './fixture-records';

const msg = (text: string) => ({ text, kind: 'error' as const, placeholders: [] });
const SHORT = 'Gizmo channel failed.';
const LONG = 'The gizmo broker could not reserve a channel for the overnight batch transfer';
const RECORDS = [
  record({
    q: 'Q999701',
    title: 'Gizmo Channel Fails When Spooler Restarts',
    errors: [msg(SHORT), msg('Spooler handle was closed by the kernel')],
    versions: ['Windows NT Server 4.0'],
  }),
  record({ q: 'Q999702', title: 'Gizmo Channel Fails over Dial-Up Links', errors: [msg(SHORT), msg(LONG)] }),
  record({ q: 'Q999703', title: 'Gizmo Channel Fails with Tape Backup Agents', errors: [msg(SHORT), msg(LONG)] }),
];
const detector = loadDetector(JSON.parse(JSON.stringify(buildDetector(RECORDS))));
const explained = (text: string) => explainMatches(text, scanText(text, detector), RECORDS);
const ranked = (text: string) => explained(text).articles.map((a) => a.q);
const shown = (text: string) => explained(text).matches.map((m) => m.text);

describe('a short message several articles quote', () => {
  it('is short by weight: specific enough to be a message, not to name its articles', () => {
    const m = scanText(`It says ${SHORT}`, detector).find((x) => x.source === 'message')!;
    expect(m.articles).toHaveLength(3);
    expect(m.weight).toBeGreaterThanOrEqual(SPECIFIC_WEIGHT);
    expect(m.weight).toBeLessThan(SELF_NARROWING_WEIGHT);
  });

  it('that nothing in the ticket narrows lists no article and is not highlighted', () => {
    const text = `Since this morning my laptop says "${SHORT}" when I log in from home.`;
    expect(ranked(text)).toEqual([]);
    expect(shown(text)).toEqual([]);
  });

  it("narrowed by the ticket's product: listed and highlighted", () => {
    const text = `Our NT 4.0 server says "${SHORT}" every night.`;
    expect(ranked(text)[0]).toBe('Q999701');
    expect(shown(text)).toHaveLength(1);
  });

  it("narrowed by the ticket's other words", () => {
    const text = `"${SHORT}" shows up each time the tape backup agent starts.`;
    expect(ranked(text)[0]).toBe('Q999703');
    expect(shown(text)).toHaveLength(1);
  });

  it('narrowed by another message the ticket quotes', () => {
    const text = `First "${SHORT}" and then "Spooler handle was closed by the kernel".`;
    expect(ranked(text)[0]).toBe('Q999701');
    expect(shown(text)).toHaveLength(2);
  });

  it('a message long enough names its few articles by itself, narrowed or not', () => {
    const text = `The batch log shows: ${LONG}.`;
    expect(ranked(text).sort()).toEqual(['Q999702', 'Q999703']);
    expect(shown(text)).toHaveLength(1);
  });

  it('a long message quoted by more than SHARED_BY_SOME articles names none of them by itself', () => {
    const many = Array.from({ length: SHARED_BY_SOME + 2 }, (_, i) =>
      record({
        q: `Q9998${String(i).padStart(2, '0')}`,
        title: `Gizmo Broker Could Not Reserve a Channel for the Overnight Batch Transfer (${i})`,
        errors: [msg(LONG)],
      }),
    );
    const det = loadDetector(JSON.parse(JSON.stringify(buildDetector(many))));
    const text = `The batch log shows: ${LONG}.`;
    const out = explainMatches(text, scanText(text, det), many);
    expect(out.articles).toEqual([]);
    expect(out.matches).toEqual([]);
  });

  it("a message too short for its evidence to list an article lists the one the ticket's words narrow it to", () => {
    const THIN = 'Gizmo link failed.';
    const recs = [
      record({ q: 'Q999711', title: 'Gizmo Link Fails When Saving Notebook Files to Tape', errors: [msg(THIN)] }),
      record({ q: 'Q999712', title: 'Gizmo Link Fails over Dial-Up Modems', errors: [msg(THIN)] }),
      record({ q: 'Q999713', title: 'Gizmo Link Fails After Printer Driver Update', errors: [msg(THIN)] }),
    ];
    const det = loadDetector(JSON.parse(JSON.stringify(buildDetector(recs))));
    const run = (text: string) => explainMatches(text, scanText(text, det), recs);
    expect(scanText(THIN, det)[0]!.weight).toBeLessThan(0.6);
    const worded = run(`Saving notebook files overnight: ${THIN}`);
    expect(worded.articles.map((a) => a.q)).toEqual(['Q999711']);
    expect(worded.articles[0]!.confidence).toBe('low');
    expect(worded.matches).toHaveLength(1);
    expect(run(`At home this morning: ${THIN}`).matches).toEqual([]);
  });
});

describe("a shared message one article quotes behind a bare 'Error:' label", () => {
  const ROOM = 'No room is left on the gizmo volume.';
  const records = [
    record({ q: 'Q999711', title: 'Gizmo Volume Full After Upgrade', errors: [msg(ROOM)] }),
    record({ q: 'Q999712', title: 'Gizmo Volume Fills with Temporary Files', errors: [msg(ROOM)] }),
    record({ q: 'Q999713', title: 'Gizmo Disk Tool Cannot Save Its Settings', errors: [msg(`ERROR: ${ROOM}`)] }),
    record({
      q: 'Q999714',
      title: 'Compiler Reports a Full Gizmo Volume',
      errors: [msg(`Gizmo compiler error G42: ${ROOM}`)],
    }),
  ];
  const det = loadDetector(JSON.parse(JSON.stringify(buildDetector(records))));
  const rank = (text: string) => explainMatches(text, scanText(text, det), records).articles.map((a) => a.q);

  it('is the shared message: the label, which any dialog prints, names no article', () => {
    expect(rank(`Since Monday: Error: "${ROOM}"`)).toEqual([]);
    expect(rank(`The status line reads ERROR: ${ROOM}`)).toEqual([]);
    expect(rank(`It says "${ROOM}"`)).toEqual([]);
  });

  it('a label with its own words still names its article', () => {
    expect(rank(`Build output: Gizmo compiler error G42: ${ROOM}`)[0]).toBe('Q999714');
  });

  it('narrowed as the shared message is, by the words around it', () => {
    expect(rank(`Error: ${ROOM} when the disk tool tries to save its settings`)[0]).toBe('Q999713');
  });
});

describe("a shared message the ticket's product narrows", () => {
  const RPC = 'The gizmo remote call failed.';
  const records = [
    record({ q: 'Q999721', title: 'Gizmo Error Opening Logs', errors: [msg(RPC)], versions: ['Windows 95'] }),
    record({
      q: 'Q999722',
      title: 'Gizmo Call Fails During Automation',
      errors: [msg(RPC)],
      versions: ['Visual C++ 6.0'],
    }),
    record({
      q: 'Q999723',
      title: 'Gizmo Call Fails Building the Book',
      errors: [msg(RPC)],
      versions: ['Exchange Server 5.0'],
    }),
  ];
  const det = loadDetector(JSON.parse(JSON.stringify(buildDetector(records))));
  const rank = (text: string) => explainMatches(text, scanText(text, det), records).articles.map((a) => a.q);

  it('lists none of the articles about products the ticket does not name', () => {
    const listed = rank(`Exchange 5.5 says "${RPC}"`);
    expect(listed).not.toContain('Q999721');
    expect(listed).not.toContain('Q999722');
  });

  it('lists the article the product names, and none when nothing narrows the message', () => {
    expect(rank(`Windows 95 says "${RPC}"`)).toEqual(['Q999721']);
    expect(rank(`It says "${RPC}"`)).toEqual([]);
  });
});
