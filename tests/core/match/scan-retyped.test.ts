import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { explainMatches, record } from './fixture-records';

const msg = (text: string, placeholders: string[] = []) => ({ text, kind: 'error' as const, placeholders });
const RECORDS = [
  record({
    q: 'Q999401',
    title: 'Widget Spooler Cannot Reach Its Queue Folder',
    errors: [msg('The widget spooler was unable to open its queue folder because the archive volume is offline.')],
  }),
  record({
    q: 'Q999402',
    title: 'Gadget Error 4711 at Start',
    errors: [msg('The gadget broker service stopped with code 4711 while registering its listening endpoint.')],
  }),
  record({
    q: 'Q999403',
    title: 'Sprocket Reports Stalled Agent',
    errors: [msg('The sprocket agent has stopped answering requests.')],
  }),
  record({
    q: 'Q999404',
    title: 'Widget Spooler Queue Folder Offline (Exact Wording)',
    errors: [msg('The widget spooler was unable to open its queue folder because the archive volume is not mounted.')],
  }),
];
const detector = loadDetector(JSON.parse(JSON.stringify(buildDetector(RECORDS))));
const scan = (text: string) => scanText(text, detector);
const firstArticle = (text: string) => explainMatches(text, scan(text), RECORDS).articles[0]?.q;

describe('a message the ticket retyped', () => {
  it('matches with a word changed and one dropped, and says how many differ', () => {
    const text =
      'User reports: the widget spooler was unable to open its queue directory because archive volume is offline. Please check.';
    const m = scan(text).find((x) => x.articles.includes('Q999401'));
    expect(m?.edits).toBeGreaterThan(0);
    expect(m?.edits).toBeLessThanOrEqual(3);
    expect(firstArticle(text)).toBe('Q999401');
    expect(explainMatches(text, scan(text), RECORDS).matches[0]?.why).toMatch(/retyped/);
  });

  it('matches with a word added', () => {
    expect(
      firstArticle(
        'Got this: the gadget broker service suddenly stopped with code 4711 while registering its listening endpoint',
      ),
    ).toBe('Q999402');
  });

  it('matches with a part left out for "..."', () => {
    expect(firstArticle('Got: The gadget broker service stopped with code 4711 ... its listening endpoint')).toBe(
      'Q999402',
    );
  });

  it('weighs less than the message quoted word for word, so an article quoting the exact wording wins', () => {
    const exact = 'The widget spooler was unable to open its queue folder because the archive volume is not mounted.';
    const ms = scan(exact);
    expect(ms.every((m) => !m.edits)).toBe(true);
    expect(firstArticle(exact)).toBe('Q999404');
  });

  it('matches word for word with no edits field', () => {
    const m = scan('The widget spooler was unable to open its queue folder because the archive volume is offline.');
    expect(m[0]?.articles).toContain('Q999401');
    expect(m[0]?.edits).toBeUndefined();
  });

  it('does not match when the number that identifies the message is left out', () => {
    for (const text of [
      'The gadget broker service stopped with code while registering its listening endpoint.',
      'The gadget broker service stopped with code 4712 while registering its listening endpoint.',
    ])
      expect(scan(text).some((m) => m.articles.includes('Q999402'))).toBe(false);
    expect(
      scan('The gadget broker service stopped with code 4711 registering its listening endpoint.')[0]?.articles,
    ).toEqual(['Q999402']);
  });

  it('leaves a short message exact: one word away it is a phrase of prose', () => {
    expect(scan('The sprocket agent has stopped answering requests.')[0]?.articles).toEqual(['Q999403']);
    expect(scan('Since Monday the sprocket agent stopped answering requests from the floor.')).toEqual([]);
  });

  it('does not match when too many words differ', () => {
    expect(scan('the widget spooler could not get to the queue directory as the archive disk was unplugged')).toEqual(
      [],
    );
  });

  describe('a sentence of everyday words one word away from a message', () => {
    // Messages made of words many other messages use too (the fillers make them everyday words here).
    const PROSE_MESSAGES = [
      'There is not enough memory available to complete this operation.',
      'An error occurred on the server while attempting to process the request.',
      'A network error has occurred. Please contact your network administrator.',
    ];
    const everyday =
      'memory available operation error occurred server attempting process request network please administrator';
    const records = [
      ...PROSE_MESSAGES.map((text, i) => record({ q: `Q99950${i}`, title: `Message ${i}`, errors: [msg(text)] })),
      ...Array.from({ length: 4 }, (_, i) =>
        record({ q: `Q99951${i}`, title: `Filler ${i}`, errors: [msg(`Filler ${i} said: ${everyday}.`)] }),
      ),
      ...RECORDS,
    ];
    const det = loadDetector(JSON.parse(JSON.stringify(buildDetector(records))));
    const TICKETS = [
      'There is not enough memory available to perform this operation.',
      'An error occurred at the server while attempting to process your request.',
      'A network error has occurred, please contact your IT administrator.',
    ];

    it('is not matched as a retyped message', () => {
      for (const t of TICKETS) expect(scanText(t, det).filter((m) => m.edits)).toEqual([]);
      // The distinctive message still is, in the same detector.
      const retyped = 'the widget spooler was unable to open its queue directory because archive volume is offline';
      expect(scanText(retyped, det).find((m) => m.articles.includes('Q999401'))?.edits).toBeGreaterThan(0);
    });

    it('names no article with high confidence', () => {
      for (const t of TICKETS)
        expect(explainMatches(t, scanText(t, det), records).articles.filter((a) => a.confidence === 'high')).toEqual(
          [],
        );
    });
  });

  it('never makes an article high-confidence on its own', () => {
    const text =
      'User reports: the widget spooler was unable to open its queue directory because archive volume is offline.';
    const a = explainMatches(text, scan(text), RECORDS).articles[0];
    expect(a?.q).toBe('Q999401');
    expect(a?.confidence).toBe('low');
  });
});
