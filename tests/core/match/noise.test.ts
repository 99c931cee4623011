import { describe, expect, it } from 'vitest';
import {
  buildDetectorWithStats,
  countBackground,
  loadDetector,
  scanText,
  type ArticleText,
} from '../../../src/core/match';
import {
  isEventHeader,
  isHeaderLine,
  isProductName,
  isSeparator,
  isVersionBanner,
  productNamesOf,
} from '../../../src/core/match/noise';
import { compilePattern } from '../../../src/core/match/pattern';
import type { ArticleRecord } from '../../../src/core/article/types';
import { record } from './fixture-records';

const quoting = (q: string, products: string[], ...texts: string[]): ArticleRecord =>
  record({
    q,
    title: `Article ${q}`,
    products,
    errors: texts.map((text) => ({ text, kind: 'error' as const, placeholders: [] })),
  });
const EXCHANGE = ['Microsoft Exchange Server'];
const SPECIFIC = 'The Zorblax gateway rejected the frobnicated envelope from the quantum relay.';
const PROSE = 'Make sure that the gazillion service is running';

const records: ArticleRecord[] = [
  quoting('Q900101', EXCHANGE, 'Microsoft Exchange', 'Exchange Server', SPECIFIC),
  quoting(
    'Q900102',
    EXCHANGE,
    'Content-Type: text/html; charset=us-ascii',
    'MIME-Version: 1.0 Content-Transfer-Encoding: quoted-printable',
  ),
  quoting('Q900103', EXCHANGE, '-----Original Message-----', 'Original Message Follows'),
  quoting('Q900104', EXCHANGE, PROSE),
];
// The archive's other articles: ordinary prose that happens to contain PROSE, and the specific message once.
const texts: ArticleText[] = [
  ...Array.from({ length: 40 }, (_, i) => ({
    q: 910000 + i,
    text: `Article ${i}. To fix this, ${PROSE}, then restart the computer.`,
  })),
  { q: 920000, text: `See also: ${SPECIFIC}` },
  ...records.map((r) => ({ q: Number(r.q.slice(1)), text: r.errors.map((e) => e.text).join('\n') })),
];

describe('noise', () => {
  const { data, stats } = buildDetectorWithStats(records, { background: countBackground(texts) });
  const det = loadDetector(JSON.parse(JSON.stringify(data)));
  const scan = (t: string) => scanText(t, det).map((m) => m.text);

  it('builds no pattern for bare product names, mail header lines or reply separators', () => {
    expect(stats.furniture).toBe(6);
    const ticket = [
      '-----Original Message-----',
      'From: Lee, Dana',
      'Microsoft Exchange',
      'Microsoft-Exchange',
      'Exchange Server',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=us-ascii',
      'Content-Transfer-Encoding: quoted-printable',
      '----- Original Message Follows -----',
    ].join('\n');
    expect(scan(ticket)).toEqual([]);
  });

  it('leaves out a pattern common in articles that do not quote it, and keeps a specific one', () => {
    expect(stats.prose).toBe(1);
    expect(scan(`Hi, ${PROSE}? Also: ${SPECIFIC}`)).toEqual([SPECIFIC.replace(/\.$/, '')]);
  });

  it('tells furniture from messages', () => {
    const words = (t: string) => compilePattern(t).words;
    const products = productNamesOf([
      'Microsoft Exchange Server',
      'Microsoft Windows NT Server',
      'Microsoft Internet Explorer',
      'Microsoft Office File Manager',
      'Object Linking',
    ]);
    expect(isProductName(words('Microsoft Exchange'), products)).toBe(true);
    expect(isProductName(words('Windows NT Server 4.0'), products)).toBe(true);
    expect(isProductName(words('Microsoft-Exchange'), products)).toBe(true);
    expect(isProductName(words('Internet Explorer 5.5 SP2'), products)).toBe(true);
    expect(isProductName(words('Exchange Server is not responding'), products)).toBe(false);
    // Short messages made of words that product names also use are messages.
    for (const m of [
      'File in Use',
      'Out of Environment Space',
      'Object in Use',
      'Not a directory',
      'Code 10',
      'Internet Explorer 0115',
      'Microsoft Exchange client - 10083 - [81002763]',
    ])
      expect(isProductName(words(m), products), m).toBe(false);
    expect(
      isHeaderLine(
        'Content-Type: multipart/mixed; boundary="----=_NextPart_000_01BA6275.348C1000"',
        words('Content-Type: multipart/mixed; boundary="----=_NextPart_000_01BA6275.348C1000"'),
      ),
    ).toBe(true);
    expect(isHeaderLine('Content-type unsupported.', words('Content-type unsupported.'))).toBe(false);
    const sent = 'The message you sent on <date> <time> could not be delivered to:';
    expect(isHeaderLine(sent, words(sent))).toBe(false);
    expect(isHeaderLine('MIME-Version: 1.0', words('MIME-Version: 1.0'))).toBe(true);
    expect(
      isHeaderLine(
        'Subject: The message could not be converted to the Zorblax format',
        words('Subject: The message could not be converted to the Zorblax format'),
      ),
    ).toBe(false);
    expect(isSeparator('-----Original Message-----')).toBe(true);
    expect(isSeparator('_____ Forwarded message _____')).toBe(true);
    expect(isSeparator('The original message could not be delivered')).toBe(false);
    // A version banner (winver, Help > About) says which build runs: a build match, not an error.
    expect(
      isVersionBanner(words('Microsoft (R) Windows NT (TM) Version 4.0 (Build 1381: Service Pack 6).'), products),
    ).toBe(true);
    expect(isVersionBanner(words('Microsoft Exchange Server Version 5.5 (Build 2650.24)'), products)).toBe(true);
    expect(isVersionBanner(words('Windows NT version 4.0 cannot find the build 1381 boot files'), products)).toBe(
      false,
    );
    expect(isVersionBanner(words('Microsoft Exchange Server'), products)).toBe(false);
  });

  it('builds no pattern for an event record header, and keeps the event ID and the description', () => {
    const HEADER = 'Event Type: Error Event Source: ZorbStore Event Category: General';
    const DESCRIPTION = 'The Zorblax store could not write the frobnicated checkpoint to the quantum log.';
    const built = buildDetectorWithStats([
      quoting('Q900201', EXCHANGE, HEADER, 'Event ID: 4711, Source: ZorbStore', DESCRIPTION),
      quoting('Q900202', EXCHANGE, 'Event Source: ZorbStore Gateway', 'Event Category: Logging/Recovery'),
    ]);
    expect(built.stats.furniture).toBe(3);
    const det = loadDetector(JSON.parse(JSON.stringify(built.data)));
    // An event log as Event Viewer exports it: only the event ID line and the description name the event.
    const ticket = [
      'Event Type:\tError',
      'Event Source:\tZorbStore',
      'Event Category:\tGeneral',
      'Event ID: 4711, Source: ZorbStore',
      'Description:',
      DESCRIPTION,
      '',
      'Event Type: Error Event Source: ZorbStore Gateway Event Category: Logging/Recovery',
    ].join('\n');
    expect(scanText(ticket, det).map((m) => m.text)).toEqual([
      'Event ID: 4711, Source: ZorbStore',
      DESCRIPTION.replace(/\.$/, ''),
    ]);
  });

  it('tells an event record header from a message that starts with a field name', () => {
    for (const h of [
      'Event Type: Warning',
      'Event Source: SNA Host Security',
      'Event Type:Error Event Source:Perflib Event Category:None',
      'Event Type: Error Event Source: MSExchange <Protocol> Interface Event Category: Authentication',
      'Event Type: Warning Event Source: MSADC Event Category: (1)',
      'Source: Zorb Gateway Category: None Type: Error User: N/A Computer: SRV07',
    ])
      expect(isEventHeader(h), h).toBe(true);
    for (const m of [
      'Event ID: 7001, Source: Service Control Manager',
      'Event Type: Error Event Source: ESE97 Event Category: General Event ID: 125',
      'Source: The Zorblax service could not start because the frobnicated store is missing',
      'Event Source: MSExchangeMig IMAP server returned an error response while migrating mailbox',
      'Type mismatch',
      'Invalid event type: check the category',
    ])
      expect(isEventHeader(m), m).toBe(false);
  });
});
