/**
 * "The latest service pack" resolved to a number. Articles said "corrected in the latest service
 * pack for Windows NT 4.0" when they were written; the number they meant is the service pack that
 * was current then. The archive knows, per product and version, which service packs articles
 * name as fixes and when those articles were last modified: a service pack named by an article
 * modified on a date existed by that date. From that, at index-build time, a small table: per
 * product and version, each service pack and the first date it is known to exist. No build numbers
 * here (those belong to the release table): only dates.
 */
import type { ArticleRecord, Fix } from '../article/types';
import { compareServicePacks } from './compare';
import { familyKey } from '../article/release';

export interface ServicePackDate {
  servicePack: string;
  /** ISO date by which the archive shows this service pack existed. */
  since: string;
  /** What the product calls it: Office's are "Service Release"s. */
  name: 'Service Pack' | 'Service Release';
}

/** "windows nt|4.0" -> service packs in ascending order with the date each is known to exist by. */
export type ServicePackDates = Map<string, ServicePackDate[]>;

const keyOf = (product: string, version: string) => `${product.toLowerCase()}|${version.toLowerCase()}`;

/**
 * Marks an inferred number: the service pack current when the article was last modified, an upper
 * bound (the verdicts read it so, from `inferred`). The wording is the documented one (README) and
 * is not indexed for search with more words than this.
 */
export const INFERRED_NOTE = '(inferred)';

/** Service-pack levels of the fix's product version that the article lists as affected ("SNA Server 4.0 SP4"). */
function listedLevels(r: ArticleRecord, f: Fix): string[] {
  const line = familyKey(f.product);
  const out: string[] = [];
  for (const v of r.versions) {
    const m = /^(.*\S)\s+(\d[\w.]*)\s+SP\s?(\d+[a-z]?)\b/i.exec(v);
    if (m && m[2] === f.version && familyKey(m[1]!) === line) out.push(m[3]!);
  }
  return out;
}

/** The product and version of a fix that says "the latest service pack", or null. */
function latestOnly(fix: Fix): boolean {
  return fix.servicePack === null && !fix.hotfix && /^latest\b/i.test(fix.text);
}

export function servicePackDates(records: Iterable<ArticleRecord>): ServicePackDates {
  const first = new Map<string, Map<string, string>>();
  const releases = new Set<string>();
  for (const r of records) {
    if (!r.lastModified) continue;
    for (const f of r.fixes) {
      if (!f.servicePack || f.hotfix || f.inferred || !f.version) continue;
      const key = keyOf(f.product, f.version);
      const sps = first.get(key) ?? new Map<string, string>();
      const seen = sps.get(f.servicePack);
      if (!seen || r.lastModified < seen) sps.set(f.servicePack, r.lastModified);
      first.set(key, sps);
      if (f.servicePackName === 'Service Release') releases.add(key);
    }
  }
  const table: ServicePackDates = new Map();
  for (const [key, sps] of first) {
    const name = releases.has(key) ? 'Service Release' : 'Service Pack';
    const list = [...sps.entries()]
      .map(([servicePack, since]): ServicePackDate => ({ servicePack, since, name }))
      .sort((a, b) => compareServicePacks(a.servicePack, b.servicePack));
    // Service packs come in order: one that existed by a date means every earlier one did too.
    for (let i = list.length - 2; i >= 0; i--) {
      if (list[i + 1]!.since < list[i]!.since) list[i]!.since = list[i + 1]!.since;
    }
    table.set(key, list);
  }
  return table;
}

/** The newest service pack of a product version known to exist on `date`; null when none is. */
export function servicePackOn(table: ServicePackDates, product: string, version: string, date: string): string | null {
  return servicePackEntryOn(table, product, version, date)?.servicePack ?? null;
}

function servicePackEntryOn(
  table: ServicePackDates,
  product: string,
  version: string,
  date: string,
): ServicePackDate | null {
  const list = table.get(keyOf(product, version));
  if (!list) return null;
  let found: ServicePackDate | null = null;
  for (const e of list) if (e.since <= date) found = e;
  return found;
}

/**
 * Gives every "latest service pack" fix the number current when its article was last modified,
 * marked inferred; fixedIn follows the main fix. Leaves a fix alone where the table does not know
 * the product version or no service pack of it is known by that date.
 */
export function resolveLatestServicePacks(
  records: ArticleRecord[],
  table: ServicePackDates = servicePackDates(records),
): void {
  for (const r of records) {
    if (!r.lastModified) continue;
    let changed = false;
    for (const f of r.fixes) {
      if (!latestOnly(f) || !f.version) continue;
      const entry = servicePackEntryOn(table, f.product, f.version, r.lastModified);
      if (!entry) continue;
      const sp = entry.servicePack;
      // The article lists that level (or a later one) as affected: the fix came after it, and the
      // table does not know the later number.
      if (listedLevels(r, f).some((l) => compareServicePacks(l, sp) >= 0)) continue;
      f.servicePack = sp;
      f.inferred = true;
      if (entry.name === 'Service Release') f.servicePackName = entry.name;
      // Articles were last modified long after they were written (1997 text, 2001 date), so the
      // number is where the fix is at the latest, not where it first shipped: the text says so.
      f.text = f.text.replace(/^latest\s+(.*?)\s+service pack$/i, `$1 ${entry.name} ${sp} ${INFERRED_NOTE}`);
      changed = true;
    }
    if (changed && r.fixes[0]) {
      r.fix = r.fixes[0];
      r.fixedIn = r.fixes[0].text;
    }
  }
}
