/**
 * The release table: which release a product build or a file version is. Built from the archive
 * at index-build time (release-table-build.ts) and shipped as one file of the index. A build
 * names the latest release at or below it, never a later one: 5.5.2591 is "SP2 plus a hotfix",
 * not SP3. What the table does not know it says so; it never guesses.
 */
import { compareServicePacks, compareVersions, parseDotted } from './compare';

export const RELEASES_FORMAT = 1;

/** [service pack ('' for the release itself), build number, the articles that state it (Q digits)]. */
export type LadderRelease = [string, number, number[]];

export interface LadderData {
  /** Index into `products`. */
  product: number;
  /** Product family ("exchange", "other:visual sourcesafe"). */
  family: string;
  /** Dotted major.minor the product's builds start with: "5.5" for Exchange Server 5.5. */
  prefix: string;
  /** Ascending by service pack; builds never decrease. */
  releases: LadderRelease[];
}

/**
 * [version as written, how, product index, service pack, articles]: how is 's' (the release
 * ships this version), 'f' (an article's fix brings it, included in that service pack) or 'h'
 * (a hotfix; the service pack is '').
 */
export type FileEntry = [string, 's' | 'f' | 'h', number, string, number[]];

export interface ReleaseTableData {
  format: typeof RELEASES_FORMAT;
  /** Product names with their version: "Exchange Server 5.5". */
  products: string[];
  ladders: LadderData[];
  /** Lower-case file name -> its versions, ascending. */
  files: Record<string, FileEntry[]>;
}

/** What the table says about one build or file version. */
export interface BuildAnswer {
  /** The build as resolved: "5.5.2448.0"; an abbreviated "2654.89" is given its product's prefix. */
  build: string;
  /** Lower-case file name, when the build was given with one. */
  file?: string;
  /** "Exchange Server 5.5". */
  product: string;
  /** The latest release at or below the build, "Exchange Server 5.5 SP2"; null when the table knows only a later one. */
  release: string | null;
  /** The build is the release's own (not a hotfix on top of it). */
  exact: boolean;
  /** What the table knows of this exact version: "ships in SP2", "fixed in SP3 (Q248838)", "hotfix (Q287056)". */
  facts: string[];
  /** Later releases of the product, oldest first: "SP3 (build 2650)". */
  newer: string[];
  /** Articles whose fix or file table lists this exact version, then those that map builds to releases. */
  articles: string[];
}

export interface BuildQuery {
  version: string;
  /** A file the version belongs to ("Store.exe"). */
  file?: string;
  /** Families the ticket names ("exchange"), to place a bare or abbreviated build. */
  families?: readonly string[];
  /** The product named with the build ("Exchange Server 5.5"): only its ladder applies. */
  product?: string;
}

/** "7.00.0842" and "7.0.842.0" -> "7.0.842": numeric parts, trailing zeros dropped. */
export function versionKey(version: string): string {
  const parts = parseDotted(version);
  if (!parts) return version.toLowerCase();
  while (parts.length > 1 && parts[parts.length - 1] === 0) parts.pop();
  return parts.join('.');
}

const q = (n: number) => `Q${n}`;
const spName = (sp: string) => (sp ? `SP${sp.toUpperCase()}` : 'RTM');
const releaseName = (product: string, sp: string) => `${product} ${spName(sp)}`;

export class ReleaseTable {
  /** Version key -> [article, product index] of every file entry with that version. */
  private readonly byVersion = new Map<string, Array<[number, number]>>();

  constructor(readonly data: ReleaseTableData) {
    for (const entries of Object.values(data.files)) {
      for (const e of entries) {
        const k = versionKey(e[0]);
        let list = this.byVersion.get(k);
        if (!list) this.byVersion.set(k, (list = []));
        for (const n of e[4]) list.push([n, e[2]]);
      }
    }
  }

  /** Figures for the build summary: products with a ladder, their releases, files with versions. */
  coverage(): { products: number; releases: number; files: number; fileVersions: number } {
    const d = this.data;
    return {
      products: d.ladders.length,
      releases: d.ladders.reduce((n, l) => n + l.releases.length, 0),
      files: Object.keys(d.files).length,
      fileVersions: Object.values(d.files).reduce((n, e) => n + e.length, 0),
    };
  }

  /** The ladder of a product ("Exchange Server 5.5"), oldest release first; empty when none. */
  ladderOf(product: string): Array<{ release: string; sp: string; build: number }> {
    const l = this.data.ladders.find((x) => this.data.products[x.product]!.toLowerCase() === product.toLowerCase());
    if (!l) return [];
    const name = this.data.products[l.product]!;
    return l.releases.map(([sp, build]) => ({ release: releaseName(name, sp), sp, build }));
  }

  /** Families the table knows a file in: "store.exe" -> ["exchange"]. */
  familiesOfFile(file: string): string[] {
    const entries = this.data.files[file.toLowerCase()];
    if (!entries) return [];
    const names = new Set(entries.map((e) => this.data.products[e[2]]!));
    return [
      ...new Set(this.data.ladders.filter((l) => names.has(this.data.products[l.product]!)).map((l) => l.family)),
    ];
  }

  /** The product's ladder ("Exchange Server 5.5"), or null. */
  ladderData(product: string): LadderData | null {
    const want = product.toLowerCase();
    return this.data.ladders.find((x) => this.data.products[x.product]!.toLowerCase() === want) ?? null;
  }

  /** The products of `families` whose builds start with `version`: "6.5" of exchange is Exchange Server 2003. */
  productsAt(version: string, families: readonly string[]): string[] {
    const key = versionKey(version);
    return this.data.ladders
      .filter((l) => families.includes(l.family) && versionKey(l.prefix) === key)
      .map((l) => this.data.products[l.product]!);
  }

  knowsFile(file: string): boolean {
    return this.data.files[file.toLowerCase()] !== undefined;
  }

  /** Whether some article's fix or file table lists this exact version ("5.5.2600") of the product. */
  lists(product: string, version: string): boolean {
    return this.listing(product, version).length > 0;
  }

  /** The articles whose fix or file table lists this exact version of the product, by number. */
  private listing(product: string, version: string): number[] {
    const p = this.data.products.indexOf(product);
    if (p < 0) return [];
    return [...new Set((this.byVersion.get(versionKey(version)) ?? []).filter(([, x]) => x === p).map(([n]) => n))];
  }

  /** What the table says about a build or file version; null when it is not in the release table. */
  resolve(query: BuildQuery): BuildAnswer | null {
    const parts = parseDotted(query.version);
    if (!parts) return null;
    const file = query.file?.toLowerCase();
    const entries = file ? this.data.files[file] : undefined;
    // A file the table knows belongs to its products; otherwise the ticket's families place it.
    const fileProducts = entries ? new Set(entries.map((e) => e[2])) : null;
    const families = new Set(query.families ?? []);
    const named = query.product
      ? this.data.products.findIndex((p) => p.toLowerCase() === query.product!.toLowerCase())
      : -1;
    const ladder = this.ladderFor(parts, named >= 0 ? new Set([named]) : fileProducts, families, file !== undefined);
    if (!ladder && !entries) return null;

    let build = query.version;
    let answer: BuildAnswer | null = null;
    if (ladder) {
      const { data: l, build: b, full } = ladder;
      build = full;
      const product = this.data.products[l.product]!;
      let at = -1;
      l.releases.forEach((r, i) => {
        if (r[1] <= b) at = i;
      });
      if (at >= 0) {
        const r = l.releases[at]!;
        answer = {
          build,
          product,
          release: releaseName(product, r[0]),
          exact: r[1] === b,
          facts: [],
          newer: l.releases
            .slice(at + 1)
            .filter((x) => x[1] > b)
            .map((x) => `${spName(x[0])} (build ${x[1]})`),
          articles: [],
        };
        if (r[1] !== b)
          answer.facts.push(
            `build ${b} is above ${spName(r[0])} (build ${r[1]})${answer.newer.length ? `, below ${answer.newer[0]}` : ''}`,
          );
        for (const x of l.releases)
          for (const n of x[2]) if (!answer.articles.includes(q(n))) answer.articles.push(q(n));
      }
    }
    if (entries) answer = this.fromFile(entries, build, answer);
    if (!answer) return null;
    // Without a file: the articles that list this exact version of any file, then the ladder's.
    if (!entries) {
      const exact = this.listing(answer.product, answer.build)
        .sort((a, b) => a - b)
        .map(q);
      answer.articles = [...new Set([...exact, ...answer.articles])];
    }
    if (file) answer.file = file;
    return answer;
  }

  /**
   * A build can sit above its product's last release (the hotfixes after it), but not far: 4.0.1381
   * is Windows NT 4.0, not a build of Exchange Server 4.0 (whose ladder ends at 996).
   */
  private static reaches(l: LadderData, build: number): boolean {
    const last = l.releases[l.releases.length - 1]![1];
    return build <= last + Math.max(50, Math.round(last * 0.15));
  }

  /** The product ladder a build belongs to, and the build number within it. */
  private ladderFor(
    parts: number[],
    fileProducts: Set<number> | null,
    families: Set<string>,
    withFile: boolean,
  ): { data: LadderData; build: number; full: string } | null {
    const fits = (l: LadderData) =>
      fileProducts ? fileProducts.has(l.product) : families.size === 0 ? !withFile : families.has(l.family);
    if (parts.length >= 3) {
      const found = this.data.ladders.filter((l) => {
        const p = parseDotted(l.prefix)!;
        return p[0] === parts[0] && (p[1] ?? 0) === parts[1] && fits(l) && ReleaseTable.reaches(l, parts[2]!);
      });
      if (found.length !== 1) return null;
      return { data: found[0]!, build: parts[2]!, full: parts.join('.') };
    }
    // An abbreviated build ("2654.89", "2650"): the ladder whose builds it falls among, within
    // the product the file or the ticket names.
    if (!fileProducts && families.size === 0) return null;
    const b = parts[0]!;
    const candidates = this.data.ladders.filter((l) => fits(l) && l.releases[0]![1] <= b);
    // Of one family, the latest product at or below the build: 2654 is Exchange 5.5, not 5.0.
    const best = new Map<string, LadderData>();
    for (const l of candidates) {
      const prev = best.get(l.family);
      if (!prev || l.releases[0]![1] > prev.releases[0]![1]) best.set(l.family, l);
    }
    if (best.size !== 1) return null;
    const l = [...best.values()][0]!;
    if (!ReleaseTable.reaches(l, b)) return null;
    return { data: l, build: b, full: `${l.prefix}.${parts.join('.')}` };
  }

  /** The file's own entries: what ships or fixes this version, and the release below it. */
  private fromFile(entries: readonly FileEntry[], version: string, fromLadder: BuildAnswer | null): BuildAnswer | null {
    const products = this.data.products;
    const parts = parseDotted(version)!;
    const abbreviated = parts.length <= 2;
    // Only versions of the same line compare: 5.0.1461 and 5.5.2448 are two products' Store.exe.
    // A table's abbreviated "2654.89" stands for the queried line's "5.5.2654.89".
    const full = (e: FileEntry): FileEntry => {
      const p = parseDotted(e[0]);
      return !abbreviated && p && p.length <= 2 ? [`${parts[0]}.${parts[1]}.${e[0]}`, e[1], e[2], e[3], e[4]] : e;
    };
    const line = abbreviated
      ? entries.filter((e) => e[0] === version || e[0].endsWith('.' + version))
      : entries.map(full).filter((e) => {
          const p = parseDotted(e[0]);
          return !!p && p[0] === parts[0] && p[1] === parts[1];
        });
    if (line.length === 0) return fromLadder;
    const shown = abbreviated ? line[0]![0] : version;
    const cmp = (e: FileEntry) => compareVersions(e[0], shown);
    const describe = (e: FileEntry) => {
      const refs = e[4].map(q).join(', ');
      if (e[1] === 's') return `ships in ${releaseName(products[e[2]]!, e[3])}`;
      if (e[1] === 'f') return `fixed in ${releaseName(products[e[2]]!, e[3])} (${refs})`;
      return `hotfix for ${products[e[2]]!} (${refs})`;
    };
    const exact = line.filter((e) => cmp(e) === 0);
    const facts = exact.map(describe);
    const fixBelow = line.filter((e) => e[1] !== 's' && cmp(e) < 0).pop();
    const fixAbove = line.find((e) => e[1] !== 's' && cmp(e) > 0);
    const placed = fromLadder?.exact === true;
    if (exact.length === 0 && fixBelow && !placed) facts.push(`at or above ${fixBelow[0]}, ${describe(fixBelow)}`);
    if (exact.length === 0 && fixAbove && !placed) facts.push(`older than ${fixAbove[0]}, ${describe(fixAbove)}`);
    const articles = exact.flatMap((e) => e[4].map(q));
    if (fromLadder) {
      return {
        ...fromLadder,
        facts: [...new Set([...facts, ...fromLadder.facts])],
        articles: [...new Set([...articles, ...fromLadder.articles])],
      };
    }
    // Without a ladder: the latest release known to ship a version at or below this one.
    let shipped: FileEntry | null = null;
    for (const e of line) {
      if (e[1] !== 's' || cmp(e) > 0) continue;
      if (!shipped || compareVersions(e[0], shipped[0]) > 0) shipped = e;
    }
    const product = products[(shipped ?? exact[0] ?? fixAbove ?? line[line.length - 1]!)[2]]!;
    const later = line.filter((e) => e[1] !== 'h' && e[3] && products[e[2]] === product && cmp(e) > 0);
    const newer = [...new Set(later.map((e) => spName(e[3])))]
      .sort((a, b) => compareServicePacks(a.slice(2), b.slice(2)))
      .filter((n) => !shipped || compareServicePacks(n.slice(2), shipped[3]) > 0);
    return {
      build: shown,
      product,
      release: shipped ? releaseName(products[shipped[2]]!, shipped[3]) : null,
      exact: !!shipped && compareVersions(shipped[0], shown) === 0,
      facts,
      newer,
      articles,
    };
  }
}
