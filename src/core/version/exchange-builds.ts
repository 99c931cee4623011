/**
 * Exchange Server build numbers and the release each one is, for the verdicts and the ticket's
 * versions. The ladders come from the release table derived from the archive (release-table.ts:
 * Q166349, Q158530, Q163294, Q257618 state 4.0 to 5.5); the table in use is the one the index
 * loaded (`useReleaseTable`), which also carries the hand supplement's Exchange 2000 and 2003
 * rungs (release-supplement.ts): the archive states no ladder for them.
 */
import type { ReleaseTable } from './release-table';
import { SUPPLEMENT } from './release-supplement';

export interface ExchangeRelease {
  /** Product version as people write it: "5.5", "2000". */
  version: string;
  /** Dotted major.minor of the builds: "5.5", "6.0". */
  major: string;
  build: number;
  /** Service pack level; null for the release itself (RTM). */
  sp: string | null;
}

/** Before a table is loaded: the hand supplement's Exchange rungs (release-supplement.ts names the source). */
const NOT_IN_ARCHIVE: readonly ExchangeRelease[] = SUPPLEMENT.filter((r) => r.family === 'exchange').map((r) => ({
  version: /(\S+)$/.exec(r.product)![1]!,
  major: r.prefix,
  build: r.build,
  sp: r.sp || null,
}));

let releases: readonly ExchangeRelease[] = NOT_IN_ARCHIVE;

/** Makes `table`'s Exchange ladders the ones the lookups below use (the index calls this on load). */
export function useReleaseTable(table: ReleaseTable): void {
  const derived: ExchangeRelease[] = [];
  for (const l of table.data.ladders) {
    if (l.family !== 'exchange') continue;
    const version = /(\S+)$/.exec(table.data.products[l.product]!)![1]!;
    for (const [sp, build] of l.releases) derived.push({ version, major: l.prefix, build, sp: sp || null });
  }
  const stated = new Set(derived.map((r) => r.major));
  releases = [...derived, ...NOT_IN_ARCHIVE.filter((r) => !stated.has(r.major))];
}

/** Every Exchange release known, derived first. */
export function exchangeReleases(): readonly ExchangeRelease[] {
  return releases;
}

/**
 * The service-pack level a build number belongs to: the latest release at or below it (a hotfix
 * build such as 5.5.2591 sits on top of SP2). `major` is "5.5" or the product version "2000";
 * null when the major is unknown or the build predates its first release.
 */
export function exchangeReleaseOfBuild(major: string, build: number): ExchangeRelease | null {
  let best: ExchangeRelease | null = null;
  for (const r of releases) {
    if (r.major !== major && r.version !== major) continue;
    if (r.build <= build && (!best || r.build > best.build)) best = r;
  }
  return best;
}

/** The build an Exchange release shipped with, e.g. ("5.5", "3") -> 2650; null when unknown. */
export function exchangeBuildOf(version: string, sp: string | null): number | null {
  const want = (sp ?? '').toLowerCase() || null;
  const r = releases.find((x) => (x.version === version || x.major === version) && x.sp === want);
  return r ? r.build : null;
}

/** "6.0" -> "2000", "5.5" -> "5.5": the name people use for a dotted Exchange major. */
export function exchangeVersionOfMajor(major: string): string | null {
  return releases.find((r) => r.major === major)?.version ?? null;
}
