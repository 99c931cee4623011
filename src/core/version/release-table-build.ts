/**
 * Builds the release table (release-table.ts) at index-build time from what the articles state:
 * their build ladders and per-release file lists (release-evidence.ts) and the file tables of
 * their fixes. Deterministic: the same articles in any order give the same table.
 */
import type { ArticleRecord } from '../article/types';
import { kbDigits } from '../kb-number';
import { compareServicePacks, compareVersions, parseDotted } from './compare';
import { productOf } from './products';
import type { ReleaseEvidence } from './release-evidence';
import { SUPPLEMENT } from './release-supplement';
import { RELEASES_FORMAT, versionKey, type FileEntry, type LadderData, type ReleaseTableData } from './release-table';

const byNumber = (a: number, b: number) => a - b;

/** Service packs as the table writes them: "" for the release itself, "6a" lower case. */
function spKey(sp: string | null | undefined): string {
  return (sp ?? '').toLowerCase().replace(/^0$/, '');
}

export function buildReleaseTable(
  evidence: readonly ReleaseEvidence[],
  records: readonly ArticleRecord[],
): ReleaseTableData {
  const products: string[] = [];
  const productId = new Map<string, number>();
  const idOf = (name: string) => name;

  // 1. Ladders: per product and release, the build most articles give (ties: the lower build).
  const votes = new Map<
    string,
    { family: string; prefix: string; product: string; sp: string; builds: Map<number, number[]> }
  >();
  for (const e of evidence) {
    for (const r of e.rungs) {
      const key = `${r.product.name}|${r.sp}`;
      let v = votes.get(key);
      if (!v)
        votes.set(
          key,
          (v = {
            family: r.product.family,
            prefix: r.product.rank,
            product: idOf(r.product.name),
            sp: r.sp,
            builds: new Map(),
          }),
        );
      const qs = v.builds.get(r.build) ?? [];
      if (!qs.includes(kbDigits(e.q))) qs.push(kbDigits(e.q));
      v.builds.set(r.build, qs);
    }
  }
  // What no article states, from the hand supplement (each rung names its source there).
  for (const r of SUPPLEMENT) {
    const key = `${r.product}|${r.sp}`;
    if (!votes.has(key))
      votes.set(key, {
        family: r.family,
        prefix: r.prefix,
        product: r.product,
        sp: r.sp,
        builds: new Map([[r.build, []]]),
      });
  }
  const ladders = new Map<string, Omit<LadderData, 'product'> & { product: string }>();
  for (const v of [...votes.values()].sort(
    (a, b) => a.product.localeCompare(b.product) || compareServicePacks(a.sp, b.sp),
  )) {
    const [build, qs] = [...v.builds].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0]!;
    let ladder = ladders.get(v.product);
    if (!ladder)
      ladders.set(v.product, (ladder = { product: v.product, family: v.family, prefix: v.prefix, releases: [] }));
    // A rung lower than the release before it is a misread row, not a release.
    const last = ladder.releases[ladder.releases.length - 1];
    if (last && last[1] > build) continue;
    ladder.releases.push([v.sp, build, qs.sort(byNumber)]);
  }

  // 2. Files: what ships each version (per-release lists) and which fix brought it (file tables).
  const entries = new Map<string, Map<string, { how: FileEntry[1]; product: string; sp: string; qs: Set<number> }>>();
  const add = (name: string, version: string, how: FileEntry[1], product: string, sp: string, q: string) => {
    const file = name.toLowerCase();
    let m = entries.get(file);
    if (!m) entries.set(file, (m = new Map()));
    const key = `${versionKey(version)}|${how}|${product}|${sp}`;
    let e = m.get(key);
    if (!e) m.set(key, (e = { how, product: idOf(product), sp, qs: new Set() }));
    e.qs.add(kbDigits(q));
  };
  const shownVersion = new Map<string, string>();
  const remember = (name: string, version: string) => {
    const k = `${name.toLowerCase()}|${versionKey(version)}`;
    const seen = shownVersion.get(k);
    // The fullest spelling wins ("5.5.2448.0" over "5.5.2448"), then the first in order.
    if (!seen || version.length > seen.length || (version.length === seen.length && version < seen))
      shownVersion.set(k, version);
  };
  for (const e of evidence) {
    for (const s of e.shipped) {
      add(s.name, s.version, 's', s.product.name, s.sp, e.q);
      remember(s.name, s.version);
    }
  }
  for (const r of records) {
    if (r.files.length === 0) continue;
    const fix = r.fix;
    // An inferred service pack ("the latest service pack", dated) is a bound, not what the article states.
    if (!fix || !fix.version || fix.inferred) continue;
    const product = productOf(fix.product, fix.version);
    if (!product) continue;
    const how: FileEntry[1] = fix.servicePack ? 'f' : fix.hotfix ? 'h' : 'f';
    if (!fix.servicePack && !fix.hotfix) continue; // an upgrade says nothing about one file version
    for (const f of r.files) {
      if (!f.version || !parseDotted(f.version)) continue;
      add(f.name, f.version, how, product.name, spKey(fix.servicePack), r.q);
      remember(f.name, f.version);
    }
  }

  const used = [
    ...new Set([...ladders.keys(), ...[...entries.values()].flatMap((m) => [...m.values()].map((e) => e.product))]),
  ].sort();
  used.forEach((name, i) => {
    products.push(name);
    productId.set(name, i);
  });

  const files: Record<string, FileEntry[]> = {};
  for (const name of [...entries.keys()].sort()) {
    const list: FileEntry[] = [];
    for (const [key, e] of entries.get(name)!) {
      const version = shownVersion.get(`${name}|${key.split('|')[0]}`)!;
      list.push([version, e.how, productId.get(e.product)!, e.sp, [...e.qs].sort(byNumber)]);
    }
    list.sort(
      (a, b) =>
        compareVersions(a[0], b[0]) || a[1].localeCompare(b[1]) || a[2] - b[2] || compareServicePacks(a[3], b[3]),
    );
    files[name] = list;
  }
  return {
    format: RELEASES_FORMAT,
    products,
    ladders: [...ladders.values()]
      .filter((l) => l.releases.length >= 2)
      .map((l) => ({ ...l, product: productId.get(l.product)! })),
    files,
  };
}
