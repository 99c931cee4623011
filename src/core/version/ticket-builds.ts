/**
 * The releases the ticket's builds stand for, as versions the verdict can compare: a winver dialog
 * "Version 4.0 (Build 1381: Service Pack 3)" or "Store.exe 5.5.2448.0" is a product at a service
 * pack even where the ticket writes the product's name nowhere near it. The scan's build matches
 * (build-matches.ts) already placed each build with the release table; this reads their releases.
 */
import { findProductMentions } from './products';
import type { TicketVersions } from './ticket-versions';
import { expectedVersion } from './expected';

export interface PlacedBuild {
  kind: string;
  start: number;
  end: number;
  build?: { release: string | null };
}

/**
 * `ticket` with the releases of its placed builds added (a named version without a service pack gets
 * the build's). A build `text` names as the one to reach ("Store.exe should be 5.5.2651.89") is not installed.
 */
export function withBuildReleases(
  ticket: TicketVersions,
  matches: readonly PlacedBuild[],
  text: string,
): TicketVersions {
  let products = ticket.products;
  for (const m of matches) {
    if (m.kind !== 'build' || !m.build?.release) continue;
    if (expectedVersion(text, m.start, m.end)) continue;
    const r = findProductMentions(m.build.release, 1)[0];
    if (!r || r.sp === null) continue;
    const same = products.filter((p) => p.family === r.family && p.version === r.version);
    if (same.some((p) => p.sp !== null)) continue;
    if (products === ticket.products) products = products.map((p) => ({ ...p }));
    const named = products.filter((p) => p.family === r.family && p.version === r.version);
    if (named.length) for (const p of named) p.sp = r.sp;
    else products.push({ ...r, start: m.start, end: m.end });
  }
  if (products === ticket.products) return ticket;
  products.sort((a, b) => a.start - b.start);
  return { ...ticket, products };
}
