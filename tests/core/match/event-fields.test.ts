import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { findEventMentions } from '../../../src/core/match/event-fields';
import type { ArticleRecord } from '../../../src/core/article/types';
import { record } from './fixture-records';
import { LINEAR_RATIO_LIMIT, settledGrowthRatio } from '../../helpers/growth';

const quotingEvent = (q: string, text: string): ArticleRecord =>
  record({ q, title: q, errors: [{ text, kind: 'event', placeholders: [] }] });

describe('an event the ticket names by its ID and source', () => {
  const records = [
    quotingEvent('Q1000101', 'Event ID: 2077, Source: ZorbServiceMTA'),
    quotingEvent('Q1000102', 'Event ID: 2078, Source: Zorb Gateway'),
  ];
  const det = loadDetector(buildDetector(records));
  const found = (ticket: string) => scanText(ticket, det).map((m) => [m.text, m.articles]);

  it("matches the Event Viewer's copy, source before the ID and other fields between", () => {
    expect(
      found(
        'Event Type:\tError\nEvent Source:\tZorbServiceMTA\nEvent Category:\tInterface\nEvent ID:\t2077\nDate: 1/2/2000',
      ),
    ).toEqual([['ZorbServiceMTA\nEvent Category:\tInterface\nEvent ID:\t2077', ['Q1000101']]]);
    expect(found('Source: Zorb Gateway\nEvent ID: 2078\nDescription: none')).toEqual([
      ['Zorb Gateway\nEvent ID: 2078', ['Q1000102']],
    ]);
  });

  it('matches a sentence naming the event and its source, either side', () => {
    expect(found('app log has event 2077 from ZorbServiceMTA every hour')).toEqual([
      ['event 2077 from ZorbServiceMTA', ['Q1000101']],
    ]);
    expect(found('We get ZorbServiceMTA event ID 2077 at night')).toEqual([
      ['ZorbServiceMTA event ID 2077', ['Q1000101']],
    ]);
    expect(found('events 2070 and 2077 from ZorbServiceMTA')).toEqual([
      ['events 2070 and 2077 from ZorbServiceMTA', ['Q1000101']],
    ]);
  });

  it('names nothing for another ID, another source, or an ID alone', () => {
    expect(found('event 2079 from ZorbServiceMTA')).toEqual([]);
    expect(found('Event Source: OtherService\nEvent ID: 2077')).toEqual([]);
    expect(found('We saw event 2077 twice this morning.')).toEqual([]);
  });

  it('reads the fields of a paste and skips words that are no source', () => {
    expect(findEventMentions('the application event 2077 again').map((e) => e.key)).toEqual([]);
    expect(findEventMentions('Source: Zorb Gateway  Event ID: 12').map((e) => e.key)[0]).toBe(
      'Event ID: 12, Source: Zorb Gateway',
    );
  });
});

describe('an event field belongs to its own record', () => {
  const keys = (t: string) => findEventMentions(t).map((e) => e.key);

  it("never takes the Source: of the entry above, across a blank line or another entry's ID", () => {
    expect(keys('Event ID: 4001\nSource: Alpha Agent\n\nEvent ID: 4002\nDescription: stopped')).toEqual([
      'Event ID: 4001, Source: Alpha Agent',
    ]);
    expect(keys('Source: Alpha Agent\nEvent ID: 4001\nEvent ID: 4002\nCategory: none')).toEqual([
      'Event ID: 4001, Source: Alpha Agent',
    ]);
  });

  it('takes the nearest Source: of the record only, not a farther one too', () => {
    expect(keys('Source: Far Agent\nCategory: none\nUser: N/A\nSource: Near Agent\nEvent ID: 4003')).toEqual([
      'Event ID: 4003, Source: Near Agent',
    ]);
  });

  it('caps the candidates per record, so many mentions above do not hide a later one', () => {
    const text = 'event 1 from Foo, '.repeat(80) + 'then event 4004 from Zeta';
    expect(keys(text)).toContain('Event ID: 4004, Source: Zeta');
  });

  it('reads a run of spaces after "event" in linear time', () => {
    const make = (size: number) => 'event' + ' '.repeat(size) + 'x';
    expect(settledGrowthRatio((t) => findEventMentions(t), make, 4_000)).toBeLessThan(LINEAR_RATIO_LIMIT);
  });
});
