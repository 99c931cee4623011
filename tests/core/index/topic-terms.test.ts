import { describe, expect, it } from 'vitest';
import { TopicTermStats } from '../../../src/core/index/topic-terms';
import { countTopicWords, frequentWords, LEAD_WORDS, leadWords, singular } from '../../../src/core/article/topic-words';
import type { Section } from '../../../src/core/article/sections';
import { wordsOf } from '../../../src/core/match/context';

const section = (name: Section['name'], text: string): Section => ({
  name,
  lines: text.split('\n').map((t, i) => ({ text: t, line: i + 1 })),
  blocks: [],
});

describe('topic words', () => {
  it('counts the problem sections, symptoms and cause double, and skips stopwords, hex codes and other sections', () => {
    const counts = countTopicWords([
      section('SYMPTOMS', 'Journaling fails for recipients with attachments. Error 0x8004011d c05a6'),
      section('RESOLUTION', 'Restart the journaling service.'),
      section('REFERENCES', 'Outlook outlook outlook'),
    ]);
    expect(counts.get('journaling')).toBe(3);
    expect(counts.get('recipient')).toBe(2);
    expect(counts.get('attachment')).toBe(2);
    expect(counts.has('the')).toBe(false);
    expect(counts.has('x8004011d')).toBe(false);
    expect(counts.has('c05a6')).toBe(false);
    expect(counts.has('outlook')).toBe(false);
    expect(frequentWords(counts, 1)).toEqual(['journaling']);
  });

  it('keeps a file name whole at the end of a sentence, in the article and in the ticket alike', () => {
    const text = 'The server stops in module Findstuff.dll. Renaming Mapi32.dll, then v1.2.3 and example.com.au';
    const counts = countTopicWords([section('SYMPTOMS', text)]);
    expect(counts.has('findstuff.dll')).toBe(true);
    expect(counts.has('findstuff')).toBe(false);
    expect(counts.has('mapi32.dll')).toBe(true);
    const ticket = wordsOf(text);
    expect(ticket.has('findstuff.dll')).toBe(true);
    expect(ticket.has('mapi32.dll')).toBe(true);
    // A further dotted part is no file name: an address's labels stay words.
    expect(ticket.has('example.com')).toBe(false);
  });

  it('folds a plain plural but not -ss, -us, -is or file names', () => {
    expect(singular('recipients')).toBe('recipient');
    expect(['address', 'status', 'analysis', 'store.exe', 'bits'].map(singular)).toEqual([
      'address',
      'status',
      'analysis',
      'store.exe',
      'bits',
    ]);
  });
});

describe('topic terms across the archive', () => {
  it('prefers the words that set an article apart from the others over words every article uses', () => {
    const stats = new TopicTermStats();
    const docs: number[] = [];
    // 200 articles about "server" (in every one, so it says nothing), two about journaling.
    for (let i = 0; i < 200; i++) {
      docs.push(
        stats.add(
          new Map([['server', 5], [`topic${i % 50}`, 1], ...(i < 2 ? [['journaling', 1] as [string, number]] : [])]),
        ),
      );
    }
    const terms = stats.terms(docs[0]!, 3);
    expect(terms[0]).toBe('journaling');
    expect(terms).not.toContain('server');
  });

  it('is deterministic: equal scores are ordered by word', () => {
    const stats = new TopicTermStats();
    const a = stats.add(
      new Map([
        ['beta', 1],
        ['alpha', 1],
      ]),
    );
    stats.add(new Map([['gamma', 1]]));
    expect(stats.terms(a)).toEqual(['alpha', 'beta']);
  });
});

describe('search words across the archive', () => {
  it('adds the words the problem sections repeat, rarity capped, beyond the terms and without them', () => {
    const stats = new TopicTermStats();
    // 1,000 articles: "delay" and "script" in 40 of them (common-ish), "rst" and "syn" in 2.
    const docs: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const words: [string, number][] = [
        ['server', 2],
        [`filler${i}`, 2],
      ];
      if (i < 40) words.push(['delay', 4], ['script', 2]);
      if (i < 2) words.push(['rst', 2], ['syn', 2], ['once', 1]);
      docs.push(stats.add(new Map(words)));
    }
    const terms = stats.terms(docs[0]!, 2);
    // The distinctive terms go to the rarest words...
    expect(terms).toEqual(['rst', 'syn']);
    const more = stats.searchWords(docs[0]!, terms);
    // ...the search words to those the article says often enough, more often first.
    expect(more.slice(0, 2)).toEqual(['delay', 'script']);
    expect(more).not.toContain('rst');
    // Said once outside SYMPTOMS and CAUSE: not enough.
    expect(more).not.toContain('once');
    // In every article: says nothing.
    expect(more).not.toContain('server');
  });
});

describe('the lead of an article', () => {
  it('is the first words of SYMPTOMS, each once, in order', () => {
    const sections = [
      section('SUMMARY', 'Briefly about something else entirely.'),
      section('SYMPTOMS', 'Connecting to a computer with a space in its name gives a syntax error.\nSpaces again.'),
      section('CAUSE', 'The redirector reads the space as the end of the name.'),
    ];
    expect(leadWords(sections, 5)).toEqual(['connecting', 'computer', 'space', 'name', 'give']);
    expect(leadWords(sections)).toContain('syntax');
    expect(leadWords(sections)).not.toContain('redirector');
  });

  it('reaches a detail given in the third sentence, not the words of a long paragraph after it', () => {
    const symptoms = section(
      'SYMPTOMS',
      'Printing from the print server stops suddenly after reinstalling the operating system with ' +
        'updated drivers. The print monitor reports an access error for each shared queue. It happens ' +
        'only when the server has two network adapters. Later sentences describe registry values, ' +
        'service dependencies, trace options, timeout settings and a long list of printers tested.',
    );
    const lead = leadWords([symptoms]);
    expect(lead.length).toBeLessThanOrEqual(LEAD_WORDS);
    expect(lead).toContain('adapter');
    expect(lead).not.toContain('printer');
  });

  it('is the SUMMARY where there is no SYMPTOMS, and nothing from the applies-to list', () => {
    expect(
      leadWords([
        section('PREAMBLE', 'Microsoft Windows NT Server 3.51'),
        section('SUMMARY', 'Offline folder sync codes.'),
      ]),
    ).toEqual(['offline', 'folder', 'sync', 'code']);
  });

  it('is the only text of an old article that has no headings, which counts as a summary', () => {
    const old = [section('PREAMBLE', 'If the disk fills, setvbuf buffering hides the error.')];
    expect(leadWords(old)).toEqual(['disk', 'fill', 'setvbuf', 'buffering', 'hide', 'error']);
    expect(countTopicWords(old).get('setvbuf')).toBe(1);
    // Its applies-to list, between two rules, is no part of it.
    const listed = section(
      'PREAMBLE',
      '-----------\nThe information applies to:\n- Windows 3.1\n-----------\nSetvbuf hides errors.',
    );
    expect(leadWords([listed])).toEqual(['setvbuf', 'hide', 'error']);
    // With headings, the text before them is the applies-to list.
    expect(countTopicWords([...old, section('SUMMARY', 'Other words.')]).has('setvbuf')).toBe(false);
  });
});

describe('lead words for search', () => {
  it('are added to the search words, said once or not, within the same share of articles', () => {
    const stats = new TopicTermStats();
    const docs: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const words: [string, number][] = [
        ['server', 2],
        [`filler${i}`, 2],
      ];
      if (i < 3) words.push(['syntax', 1], ['space', 1]);
      docs.push(stats.add(new Map(words), i === 0 ? ['server', 'syntax', 'space', 'unknownword'] : []));
    }
    const more = stats.searchWords(docs[0]!, []);
    expect(more).toEqual(expect.arrayContaining(['syntax', 'space']));
    // In every article, or in none the archive counted: not a search word.
    expect(more).not.toContain('server');
    expect(more).not.toContain('unknownword');
    expect(stats.searchWords(docs[1]!, [])).not.toContain('syntax');
  });
});
