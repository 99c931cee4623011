import { beforeAll, describe, expect, it } from 'vitest';
import { useReleaseTable } from '../../../src/core/version';
import { exchangeReleaseTable } from '../../fixtures/releases';
import { compareServicePacks, compareVersions, parseDotted } from '../../../src/core/version';
import { exchangeBuildOf, exchangeReleaseOfBuild } from '../../../src/core/version';

describe('compareVersions', () => {
  it.each([
    ['5.5.2591.0', '5.5.2448', 1],
    ['5.5.2448', '5.5.2448.0', 0],
    ['4.02.0738', '4.2.738', 0],
    ['5.5.2653.0', '5.5.2650.0', 1],
    ['6.0.4417.0', '5.5.2653.0', 1],
    ['2654.89', '2654.100', -1],
    ['3.2.7', '3.10', -1],
  ])('%s vs %s -> %i', (a, b, want) => {
    expect(compareVersions(a, b)).toBe(want);
    expect(compareVersions(b, a)).toBe(-want || 0);
  });
  it('rejects what is not a dotted version', () => {
    expect(parseDotted('N/A')).toBeNull();
    expect(parseDotted('5.5 SP3')).toBeNull();
    expect(compareVersions('N/A', '1.0')).toBe(-1);
  });
});

describe('compareServicePacks', () => {
  it.each([
    ['6a', '6', 1],
    ['6a', '7', -1],
    ['SP4', '3', 1],
    [null, '1', -1],
    ['', null, 0],
    ['Service Pack 2', '2', 0],
  ] as const)('%s vs %s -> %i', (a, b, want) => {
    expect(compareServicePacks(a, b)).toBe(want);
  });
});

describe('Exchange builds', () => {
  // The ladders come from the release table the index loaded; here one built from a composed article.
  beforeAll(() => useReleaseTable(exchangeReleaseTable()));
  it('maps a build to the service pack it is at or above', () => {
    expect(exchangeReleaseOfBuild('5.5', 2448)?.sp).toBe('2');
    expect(exchangeReleaseOfBuild('5.5', 2591)?.sp).toBe('2'); // a hotfix on top of SP2
    expect(exchangeReleaseOfBuild('5.5', 2653)?.sp).toBe('4');
    expect(exchangeReleaseOfBuild('5.5', 1960)?.sp).toBeNull();
    expect(exchangeReleaseOfBuild('6.0', 6249)?.version).toBe('2000');
    expect(exchangeReleaseOfBuild('5.5', 100)).toBeNull();
  });
  it('knows the build of a release', () => {
    expect(exchangeBuildOf('5.5', '3')).toBe(2650);
    expect(exchangeBuildOf('2003', '2')).toBe(7638);
    expect(exchangeBuildOf('5.5', null)).toBe(1960);
  });
});
