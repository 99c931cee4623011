// Types for scripts/browsers.mjs (plain Node, run without a build step), so tests can import it.
export interface Browser {
  name: string;
  env: string;
  path: string;
  apt: string;
}
export const BROWSERS: Browser[];
export function missingBrowsers(
  env?: Record<string, string | undefined>,
  exists?: (path: string) => boolean,
): Browser[];
export function installPlan(
  missing: Browser[],
  where: { isRoot: boolean; hasApt: boolean },
):
  { action: 'none' } | { action: 'install'; packages: string[]; command: string } | { action: 'stop'; command: string };
