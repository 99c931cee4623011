import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { explainMatches, record } from './fixture-records';

const msg = (text: string) => ({ text, kind: 'error' as const, placeholders: [] });
// Two articles quote the same message; one is about it appearing after an update was applied.
const SHARED = 'Gizmo service error 500: the request could not be completed';
const RECORDS = [
  record({ q: 'Q999401', title: 'Troubleshooting Gizmo Service Requests', errors: [msg(SHARED)] }),
  record({
    q: 'Q999402',
    title: 'Gizmo Requests Fail After Q299499 Applied',
    errors: [msg(SHARED)],
    related: ['Q299499'],
  }),
];
const detector = loadDetector(JSON.parse(JSON.stringify(buildDetector(RECORDS))));
const ranked = (text: string) => explainMatches(text, scanText(text, detector), RECORDS).articles;

describe('an update the ticket says is installed', () => {
  it('lifts the article that names it among those quoting the same message', () => {
    const a = ranked(`Since we installed Q299499 the web tier shows:\n${SHARED}\nAny ideas?`);
    expect(a.map((x) => x.q)).toEqual(['Q999402', 'Q999401', 'Q299499']);
    expect(a[0]!.context[0]).toBe('Q299499');
  });

  it('an installed number is not read inside a longer one in a title', () => {
    // Q29949 is installed; Q999402's title names Q299499, which only starts with it.
    const a = ranked(`Since we installed Q29949 the web tier shows:\n${SHARED}\nAny ideas?`);
    expect(a.find((x) => x.q === 'Q999402')!.context).not.toContain('Q29949');
  });

  it('a number merely cited is the article the ticket points to, not a condition of another', () => {
    const a = ranked(`See Q299499:\n${SHARED}\nAny ideas?`);
    expect(a[0]!.q).toBe('Q299499');
    expect(a.find((x) => x.q === 'Q999402')!.context).not.toContain('Q299499');
  });
});
