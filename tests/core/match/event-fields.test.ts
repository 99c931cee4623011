import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { findEventMentions } from '../../../src/core/match/event-fields';
import type { ArticleRecord } from '../../../src/core/article/types';
import { record } from './fixture-records';

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
