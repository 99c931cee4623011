import { describe, expect, it } from 'vitest';
import { buildDetector, explain, loadDetector, scanText } from '../../../src/core/match';
import { titleRestates } from '../../../src/core/match/rank';
import type { ArticleRecord } from '../../../src/core/article/types';
import { record, recordMap } from './fixture-records';

const quoting = (q: string, title: string, ...texts: string[]): ArticleRecord =>
  record({ q, title, errors: texts.map((text) => ({ text, kind: 'error' as const, placeholders: [] })) });

const ranked = (records: ArticleRecord[], ticket: string) => {
  const matches = scanText(ticket, loadDetector(buildDetector(records)));
  return explain(ticket, matches, recordMap(records)).articles.map((a) => a.q);
};

describe('the article about a message before one that quotes it among others', () => {
  it('a title restates a message when it has most of its words', () => {
    expect(
      titleRestates(
        'PRB: Unable to Load File to Register It During Setup',
        'Unable to load file "zorb.dll" to register it',
      ),
    ).toBe(true);
    expect(
      titleRestates(
        'INFO: Deploy Database Applications with the Wizard',
        'Unable to load file "zorb.dll" to register it',
      ),
    ).toBe(false);
    // Too few words to say so.
    expect(titleRestates('Zorb Failed', 'Zorb failed')).toBe(false);
  });

  it('an overview quoting the same two messages ranks after the article whose title is the message', () => {
    const records = [
      quoting(
        'Q1000101',
        'INFO: Deploying Zorb Applications with the Packaging Wizard',
        'Unable to load file "zorbdc.dll" to register it',
        'Zorb registration failed',
        'Zorb provider missing',
      ),
      quoting(
        'Q1000102',
        'PRB: Unable to Load File to Register It During Zorb Setup',
        'Unable to load file "zorbdc.dll" to register it',
        'Zorb registration failed',
      ),
    ];
    const text =
      'The Zorb setup built by the Wizard fails on the new PCs:\nUnable to load file "zorbdc.dll" to register it\nthen Zorb registration failed.';
    expect(ranked(records, text)).toEqual(['Q1000102', 'Q1000101']);
    // Listed the other way round, the same answer: it is not the order of the records.
    expect(ranked([...records].reverse(), text)).toEqual(['Q1000102', 'Q1000101']);
    // Not only a tie-break: with nothing else in the ticket, the message is worth more to it.
    const bare = 'Unable to load file "zorbdc.dll" to register it\nZorb registration failed';
    const [first, second] = explain(
      bare,
      scanText(bare, loadDetector(buildDetector(records))),
      recordMap(records),
    ).articles;
    expect(first!.q).toBe('Q1000102');
    expect(first!.score).toBeGreaterThan(second!.score);
  });

  it('a tie nothing in the ticket breaks goes to the "Err Msg" article', () => {
    const records = [
      quoting('Q1000111', 'Zorb Pack Installation Deletes Other Groups', 'Cannot Open Zorb Group File "filename"'),
      quoting('Q1000112', 'Zorb Err Msg: Group File Error...', 'Cannot Open Zorb Group File "filename"'),
    ];
    expect(ranked(records, 'At startup:\n> Cannot Open Zorb Group File C:\\ZORB\\SALES.GRP\nhelp')[0]).toBe('Q1000112');
  });

  it('an "Error Message" title about something else does not take the tie', () => {
    const records = [
      quoting(
        'Q1000121',
        'ZW97: Memory Warning When Document Saved in Zorb 95 Format',
        'There is not enough zorb memory to convert this document.',
      ),
      quoting(
        'Q1000122',
        'ZW97: Error Message or IPF Saving to Nearly Full Disk',
        'There is not enough zorb memory to convert this document.',
      ),
    ];
    expect(ranked(records, 'Saving fails:\n> There is not enough zorb memory to convert this document.')[0]).toBe(
      'Q1000121',
    );
  });
});
