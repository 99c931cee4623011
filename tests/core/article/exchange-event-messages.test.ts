import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/article/parse-article';
import { articleHeader, makeArticle } from './fixture';

const article = (q: string, body: string[]) =>
  makeArticle(q, 'XCON: Widget Connector Returns Mail', [
    ...articleHeader(q, 'Microsoft Exchange', '5.5', null, '1-MAR-2000'),
    'SYMPTOMS',
    '========',
    '',
    ...body,
  ]);

const errorsOf = (text: string) => {
  const r = parseArticle(text, 'a.md');
  expect(r.ok).toBe(true);
  return r.ok ? r.record.errors.map((e) => e.text) : [];
};

describe('messages of old Exchange bounces and events', () => {
  it("keeps the reason under an NDR's recipient line, without the line's name and date", () => {
    const texts = errorsOf(
      article('Q399301', [
        'Senders receive a non-delivery report (NDR) similar to the following:',
        '',
        '  The following recipient(s) could not be reached:',
        '',
        '  Ada Lovelace on 3/4/98 9:12:44 AM',
        '  The widget gateway refused the recipient address format',
        '  MSEXCH:MSExchangeIS:Widgets:WIDGET01',
      ]),
    );
    expect(texts).toContain('The widget gateway refused the recipient address format');
    expect(texts.some((t) => /Ada Lovelace|3\/4\/98/.test(t))).toBe(false);
  });

  it('keeps an event description with an X.400 message ID and a closing diagnostic in brackets', () => {
    const texts = errorsOf(
      article('Q399302', [
        'The following event is logged:',
        '',
        '  Event ID: 210',
        '  Source: MSExchangeMTA',
        '  Description:',
        '  A widget conversion for message C=NZ;A= ;P=WIDGETS;L=SRV7-0003 failed.',
        '  Widget error: 7, Object at fault: 0A0B0C0D. [MTA DISP:FANOUT 26 9] (14)',
      ]),
    );
    expect(
      texts.some((t) => t.startsWith('A widget conversion for message C=NZ;A= ;P=WIDGETS;L=SRV7-0003 failed.')),
    ).toBe(true);
  });
});
