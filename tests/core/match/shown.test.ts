import { describe, expect, it } from 'vitest';
import { worthShowing } from '../../../src/core/match/shown';
import type { Match } from '../../../src/core/match/scan';

const code = (articles: string[]): Match => ({
  kind: 'error',
  text: '0xc0000005',
  start: 0,
  end: 10,
  value: '0xc0000005',
  articles,
  source: 'code',
  weight: 0.5,
});
const cited = (q: string): Match => ({
  kind: 'q',
  text: q,
  start: 0,
  end: q.length,
  value: q,
  articles: [q],
  source: 'cited',
  weight: 1,
});
const message = (articles: string[], weight = 1): Match => ({
  kind: 'error',
  text: 'The system cannot find the file specified',
  start: 0,
  end: 41,
  value: 'The system cannot find the file specified.',
  articles,
  source: 'message',
  weight,
});
const eleven = Array.from({ length: 11 }, (_, i) => `Q1000${10 + i}`);
const many = ['Q100001', 'Q100002', 'Q100003', 'Q100004', 'Q100005'];

describe('which matches are highlighted', () => {
  it('a loosely typed citation is shown only when its article is listed (the index has it)', () => {
    const loose: Match = { ...cited('Q10234'), text: 'KB-10234', loose: true };
    expect(worthShowing(loose, new Set())).toBe(false);
    expect(worthShowing(loose, new Set(['Q10234']))).toBe(true);
    // Written as a citation, a number within the archive's range is shown even when the index lacks it.
    expect(worthShowing(cited('Q10234'), new Set())).toBe(true);
  });

  it('a code many articles quote is shown only as evidence for a listed article', () => {
    expect(worthShowing(code(many), new Set())).toBe(false);
    expect(worthShowing(code(many), new Set(['Q100004']))).toBe(true);
    // A code naming a few articles opens a short list of candidates: shown.
    expect(worthShowing(code(many.slice(0, 3)), new Set())).toBe(true);
  });

  it('a message more than ten articles quote is shown only as evidence for a listed article', () => {
    expect(worthShowing(message(eleven), new Set())).toBe(false);
    expect(worthShowing(message(eleven), new Set(['Q100015']))).toBe(true);
    // Ten or fewer: a short list of candidates, shown; and so is an NDR line however many quote it.
    expect(worthShowing(message(eleven.slice(0, 10)), new Set())).toBe(true);
    expect(worthShowing({ ...message(eleven), kind: 'ndr', class: 'unknown-recipient' }, new Set())).toBe(true);
    // A thin message stays shown only for a listed article.
    expect(worthShowing(message(eleven.slice(0, 1), 0.3), new Set())).toBe(false);
  });

  it('in a ticket about later systems, a code or message is shown only for a listed article', () => {
    expect(worthShowing(code(many.slice(0, 1)), new Set(), true)).toBe(false);
    expect(worthShowing(code(many.slice(0, 1)), new Set(['Q100001']), true)).toBe(true);
  });

  it('a cited number is shown within the archive, and outside it only when listed (a team article)', () => {
    expect(worthShowing(cited('Q227142'), new Set())).toBe(true);
    expect(worthShowing(cited('Q5034441'), new Set())).toBe(false);
    expect(worthShowing(cited('Q4471'), new Set())).toBe(false);
    expect(worthShowing(cited('Q900001'), new Set(['Q900001']))).toBe(true);
  });
});
