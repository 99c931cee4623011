import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { explainMatches, record } from './fixture-records';

const msg = (text: string) => ({ text, kind: 'error' as const, placeholders: [] });
/**
 * "The task was completed without a problem." is made of words three or more messages share
 * (every word common among the fixture's messages); "The zorblax handle was completed" has one of its own.
 */
const RECORDS = [
  record({
    q: 'Q999501',
    title: 'Task Done Message After a Failed Copy',
    errors: [msg('The task was completed without a problem.')],
  }),
  record({
    q: 'Q999502',
    title: 'Task Reports Completion Early',
    errors: [msg('The task was completed with a problem.')],
  }),
  record({ q: 'Q999503', title: 'Copy Task Halts', errors: [msg('The task was not completed without a problem.')] }),
  record({
    q: 'Q999504',
    title: 'Zorblax Handle Leak',
    errors: [msg('The zorblax handle was completed without a problem.')],
  }),
  record({
    q: 'Q999505',
    title: 'Task Completes and Asks for Restart',
    errors: [msg('The task was completed without a problem. Restart the task to apply it.')],
  }),
];
const detector = loadDetector(JSON.parse(JSON.stringify(buildDetector(RECORDS))));
const analyse = (text: string) => explainMatches(text, scanText(text, detector), RECORDS);
const quoted = (text: string) => analyse(text).matches.some((m) => m.articles.includes('Q999501'));

describe("a message of everyday words in the agent's running sentence", () => {
  it("is the agent's prose where the sentence runs on from it", () => {
    const r = analyse('The task was completed without a problem but the report stayed empty, please check.');
    expect(r.matches).toHaveLength(0);
    expect(r.articles).toHaveLength(0);
  });

  it("is the product's where it ends its line or its sentence, or is quoted", () => {
    expect(quoted('Backup job log says:\nThe task was completed without a problem.\nYet nothing was copied.')).toBe(
      true,
    );
    expect(quoted('The tool says "The task was completed without a problem" but nothing was copied.')).toBe(true);
    expect(quoted('The task was completed without a problem. Yet nothing was copied.')).toBe(true);
  });

  it("is the product's where its capital stands inside the agent's sentence", () => {
    expect(quoted('the tool shows The task was completed without a problem and then quits')).toBe(true);
  });

  it("a message with a word of its own is the product's wherever it stands", () => {
    const r = analyse('The zorblax handle was completed without a problem but the report stayed empty.');
    expect(r.matches.some((m) => m.articles.includes('Q999504'))).toBe(true);
  });

  it('the longer message it starts, pasted whole, is still matched', () => {
    const r = analyse('The task was completed without a problem. Restart the task to apply it (2).');
    expect(r.matches.some((m) => m.articles.includes('Q999505'))).toBe(true);
  });
});
