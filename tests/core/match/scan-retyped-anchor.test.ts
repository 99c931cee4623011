import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { explainMatches, record } from './fixture-records';

const msg = (text: string, placeholders: string[] = []) => ({ text, kind: 'error' as const, placeholders });
const LEDGER = 'The ledger replication agent could not lock the journal partition before the nightly rollover began.';
const RECORDS = [
  record({ q: 'Q999501', title: 'Ledger Agent Cannot Lock Journal Partition', errors: [msg(LEDGER)] }),
  record({
    q: 'Q999502',
    title: 'Error L7006 Option : Buffer Size Exceeds 4096 Bytes',
    errors: [msg('L7006 <option-text>: buffer size exceeds 4096 bytes', ['<option-text>'])],
  }),
  record({
    q: 'Q999503',
    title: 'L7006 Error When /BUF Option Contains a Space',
    errors: [msg('LINK : fatal error L7006: BF : buffer size exceeds 4096 bytes')],
  }),
  // The linker's frame, in many messages: its words are common ones.
  record({
    q: 'Q999504',
    title: 'L7101 Invalid Object Module',
    errors: [msg('LINK : fatal error L7101: invalid object module')],
  }),
  record({
    q: 'Q999505',
    title: 'L7102 Unexpected End of File',
    errors: [msg('LINK : fatal error L7102: unexpected end-of-file')],
  }),
  record({
    q: 'Q999506',
    title: 'L7103 Attempt to Access Data Outside Segment Bounds',
    errors: [msg('LINK : fatal error L7103: attempt to access data outside segment bounds')],
  }),
  // A short message that is a longer one's words less "the": exact in a ticket that dropped it.
  record({
    q: 'Q999507',
    title: 'Cannot Open Retention Vault Journal',
    errors: [msg('Cannot open retention vault journal')],
  }),
  record({
    q: 'Q999508',
    title: 'L7200 When the Retention Vault Journal Is Locked',
    errors: [msg('LINK : fatal error: cannot open the retention vault journal')],
  }),
];
const detector = loadDetector(JSON.parse(JSON.stringify(buildDetector(RECORDS))));
const scan = (text: string) => scanText(text, detector);
const firstArticle = (text: string) => explainMatches(text, scan(text), RECORDS).articles[0]?.q;

describe('a message retyped inside the run of words the scan looks it up by', () => {
  // Each but the rarest word of that run: a ticket with another word there quotes another message.
  it('matches whichever of its inner words the ticket drops', () => {
    const words = LEDGER.split(' ');
    const missed = words.filter((_, w) => {
      if (w === 0 || w === words.length - 1) return false;
      const text = `Agent log says: ${[...words.slice(0, w), ...words.slice(w + 1)].join(' ')} Please check.`;
      return !scan(text).some((m) => m.articles.includes('Q999501'));
    });
    expect(missed.length).toBeLessThanOrEqual(1);
  });

  it('matches whichever of its words the ticket changes, and says it was retyped', () => {
    const words = LEDGER.split(' ');
    const missed = words.filter((_, w) => {
      if (w === 0 || w === words.length - 1) return false;
      const text = `Agent log says: ${[...words.slice(0, w), 'xyzzy', ...words.slice(w + 1)].join(' ')} Please check.`;
      return scan(text).find((x) => x.articles.includes('Q999501'))?.edits !== 1;
    });
    expect(missed.length).toBeLessThanOrEqual(1);
  });

  it('reports the exact message once, with no edits', () => {
    const ms = scan(`Agent log says: ${LEDGER} Please check.`);
    expect(ms.filter((m) => m.articles.includes('Q999501'))).toHaveLength(1);
    expect(ms[0]?.edits).toBeUndefined();
  });
});

describe('an exact message inside a retyped one', () => {
  it('wins where the retyped one adds only words every other message has', () => {
    const text =
      'Link step fails:\nLINK : fatal error L7006: /BUFFERSIZE : buffer size exceeds 4096 bytes\nwith /BUF:9000';
    const ms = scan(text);
    expect(ms.map((m) => m.articles)).toEqual([['Q999502']]);
    expect(firstArticle(text)).toBe('Q999502');
  });

  it('does not stand for a longer message that does not hold it as written', () => {
    // "the" dropped: the inner message is exact only because of the ticket's edit inside it.
    const ms = scan('Link step fails:\nLINK : fatal error: cannot open retention vault journal\nagain');
    expect(ms.flatMap((m) => m.articles)).toContain('Q999508');
  });

  it('does not stand for it where the words around it are uncommon ones', () => {
    const text = 'Link step fails:\nLINK : fatal error L7006: BF : buffer size exceeds 4096 bytes';
    expect(firstArticle(text)).toBe('Q999503');
  });
});
