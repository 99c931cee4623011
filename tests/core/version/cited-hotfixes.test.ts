import { describe, expect, it } from 'vitest';
import { findCitedHotfixes } from '../../../src/core/version/cited-hotfixes';

const state = (text: string, q = 'Q900401') => findCitedHotfixes(text).find((c) => c.q === q)?.state ?? null;

describe('findCitedHotfixes', () => {
  it("installed: the cited article's fix said to be on, the number by the verb", () => {
    expect(state('I installed the hotfix from Q900401 on the server yesterday and rebooted.')).toBe('installed');
    expect(state('Hotfix Q900401 has been applied to both servers.')).toBe('installed');
    expect(state('Applied Q900401 last night.')).toBe('installed');
    expect(state('KB900401 applied.')).toBe('installed');
    expect(state('Q900401 hotfix: installed 12/03.')).toBe('installed');
  });
  it('absent: denied, to come, a status, or removed again', () => {
    expect(state('Hotfix Q900401 not yet applied.')).toBe('absent');
    expect(state('Hotfix Q900401 is not installed on this server.')).toBe('absent');
    expect(state('We will have the Q900401 hotfix applied this weekend.')).toBe('absent');
    expect(state('Hotfixes applied: Q900402 (yes), Q900401 (no).')).toBe('absent');
    expect(state('Hotfix Q900401 installed on Monday. Server fine. Later the hotfix was rolled back.')).toBe('absent');
  });
  it('absent is no misreading of prose that only holds a negative word', () => {
    expect(state('The Q900401 hotfix was installed and has not failed us since.')).toBe('installed');
    expect(state('We never had problems after the Q900401 hotfix was installed.')).not.toBe('absent');
  });
  it("doubted: someone's word about this machine", () => {
    expect(state('The user says the Q900401 hotfix is installed.')).toBe('doubted');
    expect(state('The Q900401 hotfix is installed, I think.')).toBe('doubted');
  });
  it('nothing: the number cited for another reason (X1)', () => {
    expect(state('The crash described in Q900401 happens although SP3 and the Y2K update are installed.')).toBeNull();
    expect(state('We applied the hotfix from Q900402 and now see the crash from Q900401.')).toBeNull();
    expect(state('The registry workaround from Q900401 is in place.')).toBeNull();
    expect(state('The Q900401 hotfix requires that SP3 is installed.')).toBeNull();
    expect(state('We got the Q900401 hotfix from PSS.')).toBeNull();
  });
  it('nothing: an instruction or condition (I1), a question, a quote, another machine or language', () => {
    expect(state('Please confirm the Q900401 hotfix is installed.')).toBeNull();
    expect(state('Once the Q900401 hotfix is installed, reboot the server.')).toBeNull();
    expect(state('Has the Q900401 hotfix been applied?')).toBeNull();
    expect(state('> We have applied the Q900401 hotfix on our servers.')).toBeNull();
    expect(state('Hotfix Q900401 is installed on SERVER2.')).toBeNull();
    expect(state('Installed the Q900401 hotfix on the workstations.')).toBeNull();
    expect(state('Hotfix Q900401 installed - nicht auf dem Produktionsserver.')).toBeNull();
  });
  it('the least favourable statement of one fix stands', () => {
    expect(state('Q900401 hotfix installed. Later: Q900401 is still missing on this one.')).toBe('absent');
  });
  it('reads nothing where no install verb is written', () => {
    expect(findCitedHotfixes('See Q900401 and Q900402; Q900401 pending.')).toEqual([]);
  });
  it('reads a 250 kB ticket with a thousand numbers in linear time', () => {
    const unit =
      'Exchange 5.5 SP4, see Q900401. The user says hotfix Q900402 is installed. We applied the fix from Q900403 ';
    const small = unit.repeat(200);
    const big = unit.repeat(2500);
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
