import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { findBounces, withoutOtherEraArticles } from '../../../src/core/bounce';
import type { ArticleRecord } from '../../../src/core/article/types';
import { record } from '../match/fixture-records';

const quoting = (q: string, versions: string[], text: string): ArticleRecord =>
  record({
    q,
    title: q,
    products: ['Microsoft Exchange Server'],
    versions,
    errors: [{ text, kind: 'ndr', placeholders: [] }],
  });

const RECORDS = [
  quoting('Q1100001', ['Exchange Server 5.5'], 'Recipient not found'),
  quoting('Q1100002', ['Exchange Server 2007'], 'Recipient not found'),
  quoting('Q1100003', [], 'Recipient not found'),
];
const byQ = new Map(RECORDS.map((r) => [r.q, r]));
const detector = loadDetector(buildDetector(RECORDS));

function articlesOf(text: string): string[][] {
  const matches = scanText(text, detector);
  return withoutOtherEraArticles(matches, findBounces(text), byQ)
    .filter((m) => m.kind === 'ndr' && m.source === 'message')
    .map((m) => [...m.articles].sort());
}

const online = (diagnostic: string) =>
  [
    "Your message to ana@fabrikam.example couldn't be delivered.",
    "ana wasn't found at fabrikam.example.",
    'Office 365',
    '',
    'Diagnostic information for administrators:',
    'Generating server: DB7PR03MB4410.eurprd03.prod.outlook.com',
    '',
    'ana@fabrikam.example',
    `Remote Server returned '${diagnostic}'`,
  ].join('\n');

describe('NDR matches inside a bounce written by Exchange 2007 or later', () => {
  it('drop articles about Exchange 4.0-2003 only; keep those about 2007 on and those naming no version', () => {
    const text = online('550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup');
    expect(findBounces(text).map((b) => b.generation)).toEqual(['exchange-online']);
    expect(articlesOf(text)).toEqual([['Q1100002', 'Q1100003']]);
  });

  it('keep every article outside such a bounce (an Exchange 5.5 ticket quoting the phrase)', () => {
    const text = 'Exchange 5.5 IMS, user reports:\n\n  Recipient not found\n';
    expect(articlesOf(text)).toEqual([['Q1100001', 'Q1100002', 'Q1100003']]);
  });
});
