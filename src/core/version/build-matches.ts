/**
 * `build` matches: product builds and file versions a ticket quotes ("Store.exe is 5.5.2448.0",
 * "build 2650", "Exchange 5.5 build 2448", "SQL Server 7.0 build 7.00.842"), each named by the
 * release it is (release-table.ts). They inform the agent and never weigh in the ranking: rank.ts
 * skips them, and a KB number or code found inside a version string gives way to them.
 */
import type { Match } from '../match/scan';
import { findProductMentions } from './products';
import type { BuildAnswer, BuildQuery, ReleaseTable } from './release-table';

/** What a build match carries besides its value (the release). */
export interface BuildInfo {
  build: string;
  file?: string;
  product: string;
  release: string | null;
  /** Later releases of the product: "SP3 (build 2650)". */
  newer: string[];
  facts: string[];
}

// "Store.exe is 5.5.2448.0", "Tcpip.sys version 4.0.1381.164", "Mlmig32.dll (2654.89)": found from the
// extension outwards (a name-first regex retries up to 40 characters at every position of a big ticket).
const EXTENSION_RE = /\.(?:exe|dll|sys|ocx|cpl|drv|vxd)(?![\w-])/gi;
const VERSION_AFTER_RE =
  /(?:[\s\u00a0]{1,3}(?:is(?:[\s\u00a0]{1,3}(?:now|at))?|version|ver\.?|v|build)?[\s\u00a0]{0,3}(?:version[\s\u00a0]{1,3})?[:=]?[\s\u00a0]{0,3}|[\s\u00a0]{0,3}\([\s\u00a0]{0,3}(?:version[\s\u00a0]{1,3})?)v?(\d{1,4}(?:\.\d{1,5}){1,3})(?!\.?\d)/iy;
const NAME_CHAR = /[A-Za-z0-9_$~-]/;
// "build 2650", "Build: 2448.4", "build 7.00.842".
const BARE_BUILD_RE = /(?<![\w.])build[\s\u00a0]{0,3}[:#]?[\s\u00a0]{0,3}(\d{1,4}(?:\.\d{1,5}){0,3})(?!\.?\d)/gi;
// A full dotted build with nothing before it: "5.5.2448.0".
const DOTTED_RE = /(?<![\w.])(\d{1,2}\.\d{1,2}\.\d{3,5}(?:\.\d{1,5})?)(?!\.?\d)/g;

const MAX = 200;

function info(a: BuildAnswer): BuildInfo {
  return { build: a.build, ...(a.file ? { file: a.file } : {}), product: a.product, release: a.release, newer: a.newer, facts: a.facts };
}

/** The release a build match names: "Exchange Server 5.5 SP2", or the product and what bounds it. */
export function releaseLabel(a: BuildAnswer): string {
  if (a.release) return a.release;
  if (a.newer.length) return `${a.product}, before ${a.newer[0]!.replace(/ \(.*$/, '')}`;
  // The version a service pack's fix brought: that service pack, or a hotfix before it.
  const fixedIn = a.facts.map((f) => /^fixed in .* (SP\w+) \(/.exec(f)?.[1]).find(Boolean);
  return fixedIn ? `${a.product}, ${fixedIn} or a hotfix before it` : a.product;
}

/** Every build or file version in `text` that the release table places, in text order. */
export function findBuildMatches(text: string, table: ReleaseTable): Match[] {
  const out: Match[] = [];
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => a < e && s < b);
  const mentions = findProductMentions(text);
  const families = [...new Set(mentions.map((p) => p.family))];
  // A ticket repeats its builds (a quoted thread): each distinct one is resolved once.
  const answers = new Map<string, BuildAnswer | null>();
  const resolve = (q: BuildQuery): BuildAnswer | null => {
    const key = `${q.file ?? ''}|${q.version}|${q.product ?? ''}|${(q.families ?? []).join(',')}`.toLowerCase();
    let a = answers.get(key);
    if (a === undefined) answers.set(key, (a = table.resolve(q)));
    return a;
  };
  const push = (start: number, end: number, a: BuildAnswer | null) => {
    if (!a || !free(start, end) || out.length >= MAX) return;
    taken.push([start, end]);
    out.push({
      kind: 'build', text: text.slice(start, end), start, end, value: releaseLabel(a), articles: a.articles,
      source: 'build', weight: 0, build: info(a),
    });
  };

  let m: RegExpExecArray | null;
  EXTENSION_RE.lastIndex = 0;
  while ((m = EXTENSION_RE.exec(text)) && out.length < MAX) {
    let start = m.index;
    while (start > 0 && m.index - start < 40 && NAME_CHAR.test(text[start - 1]!)) start--;
    if (start === m.index || (start > 0 && /[\w.-]/.test(text[start - 1]!))) continue;
    VERSION_AFTER_RE.lastIndex = m.index + m[0].length;
    const v = VERSION_AFTER_RE.exec(text);
    if (!v) continue;
    const file = text.slice(start, m.index + m[0].length);
    // The families of a file the table does not know come from the ticket.
    push(start, v.index + v[0].length, resolve({ version: v[1]!, file, families: table.knowsFile(file) ? [] : families }));
  }
  for (const p of mentions) {
    if (!p.build) continue;
    push(p.start, p.end, resolve({ version: p.build, families: [p.family], product: p.name }));
  }
  BARE_BUILD_RE.lastIndex = 0;
  while ((m = BARE_BUILD_RE.exec(text)) && out.length < MAX) {
    if (families.length === 0) continue;
    push(m.index, m.index + m[0].length, resolve({ version: m[1]!, families }));
  }
  DOTTED_RE.lastIndex = 0;
  while ((m = DOTTED_RE.exec(text)) && out.length < MAX) {
    if (families.length === 0) continue;
    push(m.index, m.index + m[0].length, resolve({ version: m[1]!, families }));
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * `matches` with the text's build matches added, in text order. A build match wins over a code or
 * a KB number inside its span (a number inside a dotted version is neither); a quoted message
 * wins over a build inside it.
 */
export function withBuildMatches(text: string, matches: readonly Match[], table: ReleaseTable): Match[] {
  const builds = findBuildMatches(text, table);
  if (builds.length === 0) return [...matches];
  const inside = (m: Match, b: Match) => m.start >= b.start && m.end <= b.end;
  const kept = matches.filter((m) => m.source === 'message' || !builds.some((b) => inside(m, b)));
  const free = builds.filter((b) => !kept.some((m) => m.start < b.end && b.start < m.end));
  return [...kept, ...free].sort((a, b) => a.start - b.start || b.end - a.end);
}
