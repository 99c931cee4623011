import { describe, expect, it } from 'vitest';
import { findCitedHotfixes } from '../../../src/core/version/cited-hotfixes';

const state = (text: string, q = 'Q900401') => findCitedHotfixes(text).find((c) => c.q === q)?.state ?? null;

describe('findCitedHotfixes', () => {
  it("installed: the cited article's fix said to be on, by its number", () => {
    expect(state('I installed the hotfix from Q900401 on the server yesterday and rebooted.')).toBe('installed');
    expect(state('Hotfix Q900401 has been applied to both servers.')).toBe('installed');
    expect(state('The MS99-123 patch (KB900401) is installed on every box.')).toBe('installed');
    expect(state('Applied Q900401 last night.')).toBe('installed');
  });
  it('absent: not yet, to come, failed, or removed again', () => {
    expect(state('Hotfix Q900401 not yet applied.')).toBe('absent');
    expect(state('The hotfix in Q900401 is scheduled to be applied this weekend.')).toBe('absent');
    expect(state('We applied the Q900401 hotfix, but it was removed again after it broke WINS.')).toBe('absent');
    expect(state('The Q900401 fix was applied then uninstalled because the MTA would not start.')).toBe('absent');
    expect(state('The customer says the Q900401 hotfix is installed, but I could not find it.')).toBe('absent');
  });
  it('doubted: a claim, a question, another machine', () => {
    expect(state('The user says the Q900401 hotfix is installed.')).toBe('doubted');
    expect(state('Has the Q900401 hotfix been applied?')).toBe('doubted');
    expect(state('The Q900401 hotfix was applied on my own test box.')).toBe('doubted');
    expect(state('The fix from Q900401 is installed on the lab server only.')).toBe('doubted');
  });
  it('doubted: only some machines, one left out, or anything denied after it', () => {
    expect(state('The Q900401 hotfix was installed on 3 of 5 servers.')).toBe('doubted');
    expect(state('Q900401 fix applied on EXCH01, EXCH02 is still plain SP4.')).toBe('doubted');
    expect(state('We installed the Q900401 hotfix on the workstations; the server is without it.')).toBe('doubted');
  });
  it('nothing: the number names no fix put on', () => {
    expect(state('Q900401 describes the error; SP4 is installed.')).toBeNull();
    expect(state('We got the Q900401 hotfix from PSS.')).toBeNull();
    expect(state('The Q900401 hotfix files are copied to C:\\temp.')).toBeNull();
    expect(state('Should we apply the Q900401 hotfix?')).toBeNull();
  });
  it('the least favourable statement of one fix stands', () => {
    expect(state('Q900401 hotfix installed. Later: the Q900401 hotfix is not installed on this one.')).toBe('absent');
  });
  it('reads a 250 kB ticket in linear time', () => {
    const unit =
      'Exchange 5.5 SP4. The Q900401 hotfix files are copied; the user says hotfix Q900402 is installed. We applied the fix from Q900403 ';
    const small = unit.repeat(200);
    const big = unit.repeat(2000);
    const time = (t: string) => {
      const s = performance.now();
      findCitedHotfixes(t);
      return performance.now() - s;
    };
    time(small);
    const a = time(small);
    const b = time(big);
    expect(big.length).toBeGreaterThan(250_000);
    expect(b).toBeLessThan(Math.max(50, a * 30));
  });
});
