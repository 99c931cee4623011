/**
 * Exchange Server build numbers and the release each one is. These are published facts:
 * 4.0-5.5 from the Exchange version table in KB Q166349 (corpus-notes §10); 2000 and 2003 from
 * Microsoft's "Exchange Server build numbers and release dates" list.
 */

export interface ExchangeRelease {
  /** Product version as people write it: "5.5", "2000". */
  version: string;
  /** Dotted major.minor of the builds: "5.5", "6.0". */
  major: string;
  build: number;
  /** Service pack level; null for the release itself (RTM). */
  sp: string | null;
}

export const EXCHANGE_RELEASES: readonly ExchangeRelease[] = [
  { version: '4.0', major: '4.0', build: 837, sp: null },
  { version: '4.0', major: '4.0', build: 838, sp: '1' },
  { version: '4.0', major: '4.0', build: 993, sp: '2' },
  { version: '4.0', major: '4.0', build: 994, sp: '3' },
  { version: '4.0', major: '4.0', build: 995, sp: '4' },
  { version: '5.0', major: '5.0', build: 1457, sp: null },
  { version: '5.0', major: '5.0', build: 1458, sp: '1' },
  { version: '5.0', major: '5.0', build: 1460, sp: '2' },
  { version: '5.5', major: '5.5', build: 1960, sp: null },
  { version: '5.5', major: '5.5', build: 2232, sp: '1' },
  { version: '5.5', major: '5.5', build: 2448, sp: '2' },
  { version: '5.5', major: '5.5', build: 2650, sp: '3' },
  { version: '5.5', major: '5.5', build: 2653, sp: '4' },
  { version: '2000', major: '6.0', build: 4417, sp: null },
  { version: '2000', major: '6.0', build: 4712, sp: '1' },
  { version: '2000', major: '6.0', build: 5762, sp: '2' },
  { version: '2000', major: '6.0', build: 6249, sp: '3' },
  { version: '2003', major: '6.5', build: 6944, sp: null },
  { version: '2003', major: '6.5', build: 7226, sp: '1' },
  { version: '2003', major: '6.5', build: 7638, sp: '2' },
];

/**
 * The service-pack level a build number belongs to: the latest release at or below it (a hotfix
 * build such as 5.5.2591 sits on top of SP2). `major` is "5.5" or the product version "2000";
 * null when the major is unknown or the build predates its first release.
 */
export function exchangeReleaseOfBuild(major: string, build: number): ExchangeRelease | null {
  let best: ExchangeRelease | null = null;
  for (const r of EXCHANGE_RELEASES) {
    if (r.major !== major && r.version !== major) continue;
    if (r.build <= build && (!best || r.build > best.build)) best = r;
  }
  return best;
}

/** The build an Exchange release shipped with, e.g. ("5.5", "3") -> 2650; null when unknown. */
export function exchangeBuildOf(version: string, sp: string | null): number | null {
  const want = (sp ?? '').toLowerCase() || null;
  const r = EXCHANGE_RELEASES.find((x) => (x.version === version || x.major === version) && x.sp === want);
  return r ? r.build : null;
}

/** "6.0" -> "2000", "5.5" -> "5.5": the name people use for a dotted Exchange major. */
export function exchangeVersionOfMajor(major: string): string | null {
  return EXCHANGE_RELEASES.find((r) => r.major === major)?.version ?? null;
}
