/**
 * How the words of a query count: function words ("under", "vs") that tie the others together
 * count for less than the words that say what the article is about.
 */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, parseQuery, search, type SearchIndex } from '../../../src/core/search';
import { record } from '../../fixtures/search/records';

const FILLER = [
  'Mouse Pointer Jumps on Laptop Screen',
  'Mouse Wheel Does Not Scroll in Spreadsheet',
  'Tape Backup Skips Open Files',
  'Modem Hangs Up After Ten Minutes',
  'Print Queue Stalls With Large Jobs',
  'Clock Loses Time on Battery',
  'Font Cache Grows Without Limit',
  'Screen Saver Password Ignored',
  'Keyboard Layout Resets at Logon',
  'Sound Card Driver Conflicts with Network Card',
];

/** Articles about other things, so that a word in one or two titles is a rare one. */
const OTHERS = Array.from({ length: 40 }, (_, i) => `Setting ${i} Lost After Restart`);

function load(extra: { q: string; title: string }[]): SearchIndex {
  const records = [...FILLER, ...OTHERS].map((title, i) => ({ q: `Q${900001 + i}`, title }));
  records.push(...extra);
  return loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(records.map((r) => record(r))))));
}

const first = (ix: SearchIndex, query: string) => search(ix, query)[0]?.q;

describe('function words', () => {
  const ix = load([
    { q: 'Q100001', title: 'Mouse Driver Installation with OS2' },
    // Shares the rare "under" but not what was asked about (the mouse).
    { q: 'Q100002', title: 'Video Driver Fails Under OS2' },
  ]);

  it('count for less than the words about the article', () => {
    expect(first(ix, 'mouse driver under os2 ')).toBe('Q100001');
  });

  it('still count: of two articles otherwise alike, the one that has it ranks first', () => {
    const ix2 = load([
      { q: 'Q100003', title: 'Backup Fails Over the Network' },
      { q: 'Q100004', title: 'Backup Fails on the Network' },
    ]);
    expect(first(ix2, 'backup fails over network ')).toBe('Q100003');
  });

  it('stay in the parsed query', () => {
    expect(parseQuery('buffers vs smartdrv').words.map((w) => w.text)).toEqual(['buffers', 'vs', 'smartdrv']);
  });
});

describe('short overview queries', () => {
  const ix = load([
    { q: 'Q100011', title: "What's New in Widget Server Version 5.5" },
    // As many of the words, literally.
    { q: 'Q100012', title: 'New Features of the Widget Client' },
    { q: 'Q100013', title: 'Common File Extensions Used by Visual C++' },
    { q: 'Q100014', title: 'Notepad File Extensions' },
  ]);

  it('read "new features" as the "What\'s New" of a title', () => {
    expect(first(ix, 'widget server new features')).toBe('Q100011');
  });

  it('read "vc++" as Visual C++', () => {
    expect(first(ix, 'vc++ file extensions')).toBe('Q100013');
  });
});

describe('a long description', () => {
  // Fourteen words; the ones naming the thing come last, as agents write them.
  const long = 'users say every time they go over to the other office under load the modem hangs up at the dialer';

  it('keeps its last words over the word limit: the words that tie the others go first', () => {
    const words = parseQuery(long).words.map((w) => w.text);
    expect(words).toHaveLength(12);
    expect(words.slice(-3)).toEqual(['hangs', 'up', 'dialer']);
    expect(words).not.toContain('over');
    expect(words).not.toContain('under');
  });

  it('finds the article its last words name', () => {
    const ix = load([{ q: 'Q100021', title: 'Dialer Hangs Up on Busy Office Line' }]);
    expect(first(ix, long)).toBe('Q100021');
  });

  it('keeps a short query as typed, function words and all', () => {
    expect(parseQuery('mouse under os/2').words.map((w) => w.text)).toEqual(['mouse', 'under', 'os/2']);
  });
});

describe('a contraction', () => {
  const ix = load([
    { q: 'Q100101', title: 'Scanner Program Does Not Print' },
    // Share only the contraction with the query: "Doesn't" is cut into "doesn" and "t".
    { q: 'Q100102', title: "Scanner Lamp Doesn't Turn Off" },
    { q: 'Q100103', title: "Scanner Lid Won't Close" },
  ]);

  it('is the negation it spells, filler like "not", not the words "doesn" and "t"', () => {
    expect(parseQuery("scanner program doesn't print").words.map((w) => w.text)).toEqual([
      'scanner',
      'program',
      'print',
    ]);
    expect(parseQuery("outlook can't open pst").words.map((w) => w.text)).toEqual(['outlook', 'open', 'pst']);
    // "won" is a word of its own (the articles about games); "won't" is not it.
    expect(parseQuery("it won't print").words.map((w) => w.text)).toEqual(['print']);
  });

  it('ending the query is finished, not a word begun', () => {
    const words = parseQuery("scanner doesn't").words;
    expect(words.map((w) => w.text)).toEqual(['scanner']);
  });

  it('does not rank the titles that only share the contraction first', () => {
    expect(first(ix, "scanner program doesn't print")).toBe('Q100101');
    expect(first(ix, "scanner program won't print")).toBe('Q100101');
  });
});
