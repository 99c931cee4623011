import { describe, expect, it } from 'vitest';
import { findCodes, scanText } from '../../../src/core/match';
import { fixtureDetector, scan } from './helpers';

const errors = (text: string) => scan(text).filter((m) => m.source === 'message');

describe('quoted messages', () => {
  it('match whatever the case, wrapping, white space and trailing punctuation', () => {
    const [m] = errors(
      'user reports: "UNABLE TO CONNECT TO SERVER  exch01.\n\tThe server may be\r\ndown or unavailable!!!"',
    );
    expect(m).toMatchObject({ kind: 'error', articles: ['Q178511'] });
    expect(m!.text).toBe('UNABLE TO CONNECT TO SERVER  exch01.\n\tThe server may be\r\ndown or unavailable');
  });

  it('a placeholder takes the real value, dotted names included', () => {
    const [m] = errors('Unable to connect to server EXCH01.contoso.local. The server may be down or unavailable.');
    expect(m!.articles).toEqual(['Q178511']);
    expect(m!.text).toContain('EXCH01.contoso.local');
  });

  it('a trailing placeholder takes one word, not the rest of the sentence', () => {
    const [m] = errors('Windows Sockets error 10061: Connection refused by mailhost.contoso.com so we gave up');
    expect(m!.text).toBe('Windows Sockets error 10061: Connection refused by mailhost.contoso.com');
  });

  it('%1 placeholders in the middle take several tokens', () => {
    const [m] = errors(
      'The Microsoft Exchange Information Store service failed to start due to the following error: The service did not respond.',
    );
    expect(m!.articles).toEqual(['Q245123']);
    expect(m!.text.startsWith('The Microsoft Exchange Information Store service failed')).toBe(true);
  });

  it('a wrap hyphen in the article ("timer- based") matches the ticket\'s "timer-based" and "timer based"', () => {
    expect(errors('Error 0x8004011d occurred while trying to run a timer-based agent')[0]!.articles).toEqual([
      'Q196043',
    ]);
    expect(errors('error 0x8004011D occurred while trying to run a timer based agent')[0]!.articles).toEqual([
      'Q196043',
    ]);
  });

  it('a hex code alone points to the articles that quote it', () => {
    const [m] = scan('Outlook shows 0x8004011D now');
    expect(m).toMatchObject({ kind: 'error', source: 'code', value: '0x8004011D', articles: ['Q196043'] });
  });

  it('0x00000000 is no error code, even where an article quotes it (a STOP screen prints three)', () => {
    expect(findCodes('STOP 0x0000000A (0x00000000, 0x00000002, 0x00000000, 0x8004011D)').map((c) => c.value)).toEqual([
      '0x0000000A',
      '0x00000002',
      '0x8004011D',
    ]);
  });

  it('a message wrapped over lines, as text nodes joined by the page reader, is found whole', () => {
    const text = 'The NDR: Unable to deliver the ' + 'message' + ' due to a communications' + '\n' + 'failure.';
    const [m] = scanText(text, fixtureDetector());
    expect(m!.articles.sort()).toEqual(['Q170010', 'Q227142']);
    expect(text.slice(m!.start, m!.end)).toBe('Unable to deliver the message due to a communications\nfailure');
  });

  it('overlapping matches: the most specific wins and keeps the class', () => {
    const found = scan('MSEXCH:IMS:Org:Site:SRV 0 (000C05A6) Unknown Recipient');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'ndr', class: 'unknown-recipient', articles: ['Q183588'] });
  });

  it('generic messages are found but weigh little', () => {
    const [m] = errors('Access is denied.');
    expect(m!.articles).toEqual(['Q100001']);
    expect(m!.weight).toBeLessThan(0.5);
  });

  it('returns matches in text order', () => {
    const found = scan('Q227142 first, then Out of memory, then 550 5.7.1 Unable to relay for x@y.z, then KB 191014');
    expect(found.map((m) => m.start)).toEqual([...found.map((m) => m.start)].sort((a, b) => a - b));
    expect(found.map((m) => m.kind)).toEqual(['q', 'error', 'ndr', 'q']);
  });
});

describe('negatives', () => {
  it.each([
    [
      'prose',
      'Hi team, the server was slow this morning after the update. Can someone check the disk space? Thanks, Jane',
    ],
    ['near miss', 'We were unable to deliver the parcel due to a weather failure.'],
    ['code', 'function connect(server) { if (!server) throw new Error("unable to parse"); return 5.5; }'],
    [
      'other language',
      "Die Nachricht konnte nicht zugestellt werden. Le message n'a pas pu être remis. メッセージを配信できませんでした。",
    ],
    ['numbers', 'Call 425-882-8080, order 2271423, dated 2023-06-15, build 5.5.2448.0, v1.2.3'],
  ])('%s finds nothing', (_l, text) => {
    expect(scan(text)).toEqual([]);
  });
});

describe('hostile input finishes with sane results', () => {
  it('10 MB single line with one real error at the end', () => {
    const text =
      'lorem ipsum dolor '.repeat(600_000) + 'Unable to deliver the message due to a communications failure.';
    const found = scan(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.start).toBe(600_000 * 18);
  });
  it('1 MB of "a a a a"', () => {
    expect(scan('a '.repeat(500_000))).toEqual([]);
  });
  it('control characters and NULs between the words still match', () => {
    const found = scan('Unable\u0000to\u0001deliver\u0007the\u001bmessage due\u000bto a communications\u0000failure');
    expect(found[0]!.class).toBe('communication-failure');
  });
  it('unbalanced markup and an endless token', () => {
    const text =
      '<'.repeat(200_000) +
      '<b>Q227142' +
      'x'.repeat(300_000) +
      ' <i>KB 191014</i' +
      '>'.repeat(100_000) +
      '#'.repeat(100_000);
    expect(scan(text).map((m) => m.value)).toEqual(['Q191014']);
  });
  it('pathological regex inputs', () => {
    const text =
      'support.microsoft.com/' +
      '?'.repeat(100_000) +
      ' ' +
      'MSEXCH:' +
      ':'.repeat(100_000) +
      ' reason' +
      ' '.repeat(100_000) +
      'Exchange' +
      ' '.repeat(100_000) +
      '5.5';
    expect(scan(text)).toEqual([]);
  });
  it('caps the number of matches', () => {
    const text = 'see Q227142. '.repeat(5000);
    expect(scanText(text, fixtureDetector(), { maxMatches: 100 })).toHaveLength(100);
  });
});
