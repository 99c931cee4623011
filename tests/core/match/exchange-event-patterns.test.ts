import { describe, expect, it } from 'vitest';
import { buildDetector, explain, loadDetector, scanText } from '../../../src/core/match';
import { SPECIFIC_WEIGHT } from '../../../src/core/match/specificity';
import type { ArticleRecord, QuotedMessage } from '../../../src/core/article/types';
import { record } from './fixture-records';

const quoting = (q: string, versions: string[], ...errors: QuotedMessage[]): ArticleRecord =>
  record({ q, title: `XCON: Article ${q}`, versions, errors });
const event = (text: string): QuotedMessage => ({ text, kind: 'event', placeholders: [] });
const ndr = (text: string): QuotedMessage => ({ text, kind: 'ndr', placeholders: [] });

const detectorOf = (records: ArticleRecord[]) => loadDetector(JSON.parse(JSON.stringify(buildDetector(records))));
const rank = (records: ArticleRecord[], text: string) => {
  const matches = scanText(text, detectorOf(records));
  return { matches, ranked: explain(text, matches, new Map(records.map((r) => [r.q, r]))).articles.map((a) => a.q) };
};

describe("an Exchange event's addresses", () => {
  const records = [
    quoting(
      'Q399401',
      ['Exchange Server 5.5'],
      event(
        'A widget report (reason code widget-failure and diagnostic code widget-omitted) is being generated for message C=US;A= ;P=ORG;L=SERVER-990101Z-12. It was originally destined for DN:/o=ORG/ou=SITE/cn=RECIPIENTS/cn=USER (recipient number 1).',
      ),
    ),
    quoting(
      'Q399402',
      ['Exchange Server 5.5'],
      event(
        'A widget report (reason code widget-failure and diagnostic code widget-omitted) is being generated for message C=GB;A=ATLAS;P=PRMD;L=7705001613031996/A07679. It was originally destined for DN:/o=Acme/ou=London/cn=RECIPIENTS/cn=JBloggs (recipient number 1).',
      ),
    ),
  ];

  it("are placeholders: a ticket's own message ID and DN match the articles that quote the event with others", () => {
    const { matches, ranked } = rank(
      records,
      'MTA event 290: A widget report (reason code widget-failure and diagnostic code widget-omitted) is being generated for message C=DE;A= ;P=CONTOSO;L=EXCH2-000412133201Z-1182. It was originally destined for DN:/o=CONTOSO/ou=HQ/cn=RECIPIENTS/cn=JSMITH (recipient number 1).',
    );
    const m = matches.find((x) => x.articles.length > 0)!;
    expect(m.text).toMatch(/^A widget report .*\(recipient number 1/);
    expect([...m.articles].sort()).toEqual(['Q399401', 'Q399402']);
    expect([...ranked].sort()).toEqual(['Q399401', 'Q399402']);
  });

  it("stay literal in a bounce's text, where every bounce prints them", () => {
    const bounce = [
      quoting(
        'Q399403',
        [],
        ndr('The widget recipient is unknown here. The MTS-ID of the original message is: C=US;A= ;P=ORG;L=SRV-1.'),
      ),
      quoting(
        'Q399404',
        [],
        ndr('The widget recipient is unknown here. The MTS-ID of the original message is: C=GB;A= ;P=XYZ;L=SRV-2.'),
      ),
    ];
    const { matches } = rank(
      bounce,
      'The widget recipient is unknown here. The MTS-ID of the original message is: C=FR;A= ;P=ABC;L=SRV-3.',
    );
    expect(
      matches.some((m) => m.articles.includes('Q399403') && m.articles.includes('Q399404') && /MTS-ID/.test(m.text)),
    ).toBe(false);
  });
});

describe("an Exchange bounce's diagnostic line", () => {
  it('matches, but weighs too little to name an article as a message would', () => {
    const records = [quoting('Q399405', [], ndr('MSEXCH:MSExchangeMTA:SITE:SERVER'))];
    const matches = scanText('The bounce ends with MSEXCH:MSExchangeMTA:PARIS:EXPAR01 as usual.', detectorOf(records));
    const m = matches.find((x) => x.articles.includes('Q399405'))!;
    expect(m).toBeDefined();
    expect(m.weight).toBeLessThan(SPECIFIC_WEIGHT);
  });
});

describe('a message inside a longer match', () => {
  const sentence =
    'The widget service is terminating because the disk where WIDGETDATA is located has less than 10 MB of space.';
  const records = [
    quoting('Q399406', ['Exchange Server 5.5'], event(`Event 9411 ${sentence}`)),
    quoting('Q399407', ['Exchange Server 4.0'], event(sentence)),
  ];

  it("still counts for its own articles: the ticket's version decides between them", () => {
    const { matches, ranked } = rank(records, `Exchange 4.0 stopped. Event 9411 ${sentence} Disk D: is nearly full.`);
    // One highlight, the longer message's.
    expect(matches.filter((m) => m.articles.length > 0)).toHaveLength(1);
    expect(matches[0]!.articles).toEqual(['Q399406']);
    // The 5.5 article, about another version than the ticket's, is not listed at all.
    expect(ranked).toEqual(['Q399407']);
  });

  it('changes nothing when the ticket names no version', () => {
    const { ranked } = rank(records, `Our server stopped. Event 9411 ${sentence} Disk D: is nearly full.`);
    expect(ranked[0]).toBe('Q399406');
  });
});

describe("an old bounce's reason after its numeric reason and diagnostic", () => {
  it('names the article that quotes the codes too, when the ticket shows the sentence only', () => {
    const records = [
      quoting(
        'Q399408',
        [],
        ndr('Reason:1 Diagnostic:5 The widget relay refused delivery of the message to this recipient'),
      ),
      quoting('Q399409', [], ndr('The widget relay refused delivery of the message to this recipient')),
    ];
    const matches = scanText(
      'Bounce says: The widget relay refused delivery of the message to this recipient, then the MSEXCH line.',
      detectorOf(records),
    );
    expect([...matches.find((m) => m.articles.length > 0)!.articles].sort()).toEqual(['Q399408', 'Q399409']);
  });
});

describe("an old bounce's MTS-ID line", () => {
  it('is cut from the reason before it, which then pools with the other articles quoting that reason', () => {
    const records = [
      quoting(
        'Q399410',
        [],
        ndr('The widget recipient is unknown here The MTS-ID of the original message is: <msg-id>'),
      ),
      quoting('Q399411', [], ndr('The widget recipient is unknown here')),
    ];
    const matches = scanText('It said: The widget recipient is unknown here (twice).', detectorOf(records));
    expect([...matches.find((m) => m.articles.length > 0)!.articles].sort()).toEqual(['Q399410', 'Q399411']);
  });
});
