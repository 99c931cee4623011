/**
 * Among articles quoting the same message for the ticket's product and version, the one that
 * lists the very service pack level the ticket names ("NT 4.0 SP4") ranks first.
 */
import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { explainMatches, record } from './fixture-records';

const msg = (text: string) => ({ text, kind: 'error' as const, placeholders: [] });
const MESSAGE = 'The gadget broker could not validate the session ticket for this client';
const RECORDS = [
  record({
    q: 'Q999601',
    title: 'Gadget Broker Rejects Sessions from Older Clients',
    errors: [msg(MESSAGE)],
    versions: ['Windows NT Server 4.0'],
  }),
  record({
    q: 'Q999602',
    title: 'Gadget Broker Session Tickets Fail with Encryption',
    errors: [msg(MESSAGE)],
    versions: ['Windows NT Server 4.0', 'Windows NT Server 4.0 SP4'],
  }),
];
const detector = loadDetector(JSON.parse(JSON.stringify(buildDetector(RECORDS))));
const ranked = (text: string) => explainMatches(text, scanText(text, detector), RECORDS).articles.map((a) => a.q);

describe("the ticket's service pack level", () => {
  it('lifts the article listing that level above one listing only the version', () => {
    expect(ranked(`Our NT 4.0 SP4 box logs: ${MESSAGE}. Any idea?`)[0]).toBe('Q999602');
  });

  it('without a level in the ticket, the version alone does not tell them apart', () => {
    expect(ranked(`Our NT 4.0 box logs: ${MESSAGE}. Any idea?`)[0]).toBe('Q999601');
  });

  it('another level than the ticket names lifts nothing', () => {
    expect(ranked(`Our NT 4.0 SP6 box logs: ${MESSAGE}. Any idea?`)[0]).toBe('Q999601');
  });
});
