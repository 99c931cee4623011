/**
 * Ordering of version strings as the corpus and tickets write them: dotted file versions
 * ("5.5.2591.0", "4.02.0738", "2654.89") and service-pack levels ("3", "6a").
 */

/** "5.5.2591.0" -> [5, 5, 2591, 0]; null when the string is not a dotted number. */
export function parseDotted(version: string): number[] | null {
  const s = version.trim().replace(/^v(?:ersion)?\s*/i, '');
  if (!/^\d{1,6}(?:\.\d{1,6}){0,4}$/.test(s)) return null;
  return s.split('.').map(Number);
}

/**
 * Compares dotted versions part by part, numerically ("4.02" equals "4.2"); a missing part counts
 * as 0, so "5.5.2448" equals "5.5.2448.0". Strings that do not parse sort before any that do.
 */
export function compareVersions(a: string, b: string): number {
  const pa = parseDotted(a);
  const pb = parseDotted(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** "6a" -> [6, 1]; null/"" (no service pack, the release itself) -> [0, 0]; "latest" -> [99, 0]. */
function spParts(sp: string | null | undefined): [number, number] | null {
  if (sp === null || sp === undefined || sp.trim() === '') return [0, 0];
  // A ticket's "with the latest service pack": at or above any level an article names.
  if (sp.trim().toLowerCase() === 'latest') return [99, 0];
  const m = /^(?:sp|service\s*pack)?\s*(\d{1,2})([a-z]?)$/i.exec(sp.trim());
  if (!m) return null;
  const letter = m[2] ? m[2].toLowerCase().charCodeAt(0) - 96 : 0;
  return [Number(m[1]), letter];
}

/**
 * Compares service-pack levels: null or "" is the release without a service pack (lowest),
 * and a letter suffix is a later re-release of the same level ("6a" > "6", "6a" < "7").
 */
export function compareServicePacks(a: string | null | undefined, b: string | null | undefined): number {
  const pa = spParts(a);
  const pb = spParts(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  const d = pa[0] - pb[0] || pa[1] - pb[1];
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}
