/**
 * `build` matches: product builds and file versions a ticket quotes ("Store.exe is 5.5.2448.0",
 * "build 2650", "Exchange 5.5 build 2448", "SQL Server 7.0 build 7.00.842"), each named by the
 * release it is (release-table.ts). They inform the agent and never weigh in the ranking: rank.ts
 * skips them, and a KB number or code found inside a version string gives way to them.
 */
import type { Match } from '../match/scan';
import { findDialogBuilds } from './build-dialogs';
import { findProductNames, type ProductName } from './product-names';
import { findProductMentions } from './products';
import type { BuildAnswer, BuildQuery, ReleaseTable } from './release-table';
import { findWindowsBuilds, isWindowsBuildNumber } from './windows-builds';

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
// A build an operating system the table has no ladder for prints: "OS Build 9600", "Windows 7 build 7601".
const OS_BEFORE_RE =
  /(?:\bOS|\bWin(?:dows)?(?:[\s\u00a0]{1,3}(?:\d{1,2}|server[\s\u00a0]{1,3}\d{4}|vista|xp))?)[\s\u00a0,]{1,3}$/i;
// "ScanMail 3.52 build 1125", "Backup Exec version 8.6 build 3808": a name and its version right
// before a bare build; the build is that program's unless the version is a release of the ticket's
// product the build falls within ("ESM 6.5 build 7638" in an Exchange 2003 ticket).
const NAMED_VERSION_BEFORE_RE =
  /([A-Za-z][\w+-]*)[ \t\u00a0]{1,3}(?:(?:version|ver\.?|v)[ \t\u00a0]{0,3})?v?(\d{1,4}(?:\.\d{1,5}){1,3})[a-z]?[ \t\u00a0]{0,3}[,(]?[ \t\u00a0]{0,3}$/i;
/** How far (in characters, on one line) a file name and the version it has may be apart: a filever row. */
const PAIR_GAP = 60;
// On one line: a list never runs on into the row above.
const LIST_JOIN_RE = /^[ \t\u00a0]{0,3}(?:[,/&+][ \t\u00a0]{0,3}|,?[ \t\u00a0]{0,3}(?:and|or|plus)[ \t\u00a0]{1,3})?$/i;

/** Dotted numbers that are not versions: a date ("5.5.2001"), an IP address ("10.1.2.200"). */
function notAVersion(v: string): boolean {
  const p = v.split('.').map(Number);
  if (p.length === 3 && p[0]! <= 31 && p[1]! <= 31 && p[2]! >= 1980 && p[2]! <= 2039) return true;
  return p.length === 4 && p.every((x) => x <= 255);
}

interface FileToken {
  name: string;
  start: number;
  end: number;
  known: boolean;
}

const MAX = 200;

function info(a: BuildAnswer): BuildInfo {
  return {
    build: a.build,
    ...(a.file ? { file: a.file } : {}),
    product: a.product,
    release: a.release,
    newer: a.newer,
    facts: a.facts,
  };
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
  // Product names without a version ("Exchange", "Windows NT"), looked for only when needed.
  let names: ProductName[] | null = null;
  const namesIn = () => (names ??= findProductNames(text, table));
  let families: string[] | null = null;
  const ticketFamilies = () =>
    (families ??= [...new Set([...mentions.map((p) => p.family), ...namesIn().flatMap((n) => n.families)])]);
  // A ticket repeats its builds (a quoted thread): each distinct one is resolved once.
  const answers = new Map<string, BuildAnswer | null>();
  const resolve = (q: BuildQuery): BuildAnswer | null => {
    const key = `${q.file ?? ''}|${q.version}|${q.product ?? ''}|${(q.families ?? []).join(',')}`.toLowerCase();
    let a = answers.get(key);
    if (a === undefined) answers.set(key, (a = table.resolve(q)));
    return a;
  };
  // The answer is asked for only when the span is free and there is room: resolving costs more than the check.
  const push = (start: number, end: number, answer: BuildAnswer | null | (() => BuildAnswer | null)) => {
    if (!free(start, end) || out.length >= MAX) return;
    const a = typeof answer === 'function' ? answer() : answer;
    if (!a) return;
    taken.push([start, end]);
    out.push({
      kind: 'build',
      text: text.slice(start, end),
      start,
      end,
      value: releaseLabel(a),
      articles: a.articles,
      source: 'build',
      weight: 0,
      build: info(a),
    });
  };

  let m: RegExpExecArray | null;
  const files: FileToken[] = [];
  EXTENSION_RE.lastIndex = 0;
  while ((m = EXTENSION_RE.exec(text)) && out.length < MAX && files.length < 4 * MAX) {
    let start = m.index;
    while (start > 0 && m.index - start < 40 && NAME_CHAR.test(text[start - 1]!)) start--;
    if (start === m.index || (start > 0 && /[\w.-]/.test(text[start - 1]!))) continue;
    const file = text.slice(start, m.index + m[0].length);
    files.push({ name: file, start, end: m.index + m[0].length, known: table.knowsFile(file) });
    VERSION_AFTER_RE.lastIndex = m.index + m[0].length;
    const v = VERSION_AFTER_RE.exec(text);
    if (!v) continue;
    // The families of a file the table does not know come from the ticket.
    const version = v[1]!;
    push(start, v.index + v[0].length, () =>
      resolve({ version, file, families: table.knowsFile(file) ? [] : ticketFamilies() }),
    );
  }
  // "Version 4.0 (Build 1381: Service Pack 6a)": a dialog whose product is unknown still spends its span.
  for (const d of findDialogBuilds(text, table, namesIn)) {
    if (d.answer) push(d.start, d.end, d.answer);
    else if (free(d.start, d.end)) taken.push([d.start, d.end]);
  }
  for (const p of mentions) {
    if (!p.build) continue;
    const version = p.build;
    push(p.start, p.end, () => resolve({ version, families: [p.family], product: p.name }));
  }
  // A version on the line of a file the table knows, either side of it: "5.5.2448.8 shp 2,657,552
  // 10-22-1999 store.exe" (filever), "Store.exe and Emsmta.exe both show 5.5.2653.23".
  const known = files.filter((f) => f.known && free(f.start, f.end));
  if (known.length > 0) pairWithFiles(text, known, free, (s, e, q) => push(s, e, () => resolve(q)));
  // Windows's dialogs and banners ("[Version 5.00.2195]") are the system's (windows-builds.ts).
  for (const w of findWindowsBuilds(text, MAX, false)) if (free(w.start, w.end)) taken.push([w.start, w.end]);
  BARE_BUILD_RE.lastIndex = 0;
  while ((m = BARE_BUILD_RE.exec(text)) && out.length < MAX) {
    if (!free(m.index, m.index + m[0].length) || ticketFamilies().length === 0) continue;
    if (OS_BEFORE_RE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    if (m[1]!.split('.').length >= 3 && notAVersion(m[1]!)) continue;
    const version = m[1]!;
    // A bare Windows build ("build 2195") is the system's, unless the ticket's product has that very
    // build (Exchange 5.5's post-SP2 store is 5.5.2600), not one that merely falls between two releases.
    const known = (a: BuildAnswer | null) =>
      a && (!isWindowsBuildNumber(version) || a.exact || table.lists(a.product, a.build)) ? a : null;
    const written = versionWrittenBefore(text, m.index, namesIn);
    if (written === null) {
      push(m.index, m.index + m[0].length, () => known(resolve({ version, families: ticketFamilies() })));
      continue;
    }
    // A name no product covers ("ESM", "OWA", "Store", "SP4") with a version: the build is the
    // ticket's product's when that version is one of its releases and the build falls within it.
    const families = ticketFamilies();
    const own = table
      .productsAt(written, families)
      .map((product) => known(resolve({ version, product, families })))
      .find(Boolean);
    if (own) push(m.index, m.index + m[0].length, own);
  }
  DOTTED_RE.lastIndex = 0;
  while ((m = DOTTED_RE.exec(text)) && out.length < MAX) {
    if (!free(m.index, m.index + m[0].length) || notAVersion(m[1]!) || ticketFamilies().length === 0) continue;
    const version = m[1]!;
    push(m.index, m.index + m[0].length, () => resolve({ version, families: ticketFamilies() }));
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The version written right before the bare build at `at` after a capitalised name none of the
 * table's product names covers ("ScanMail 3.52 build 1125" -> "3.52"); null when there is none.
 * "Exchange 5.5 build 2650" is a product mention, taken before bare builds are read.
 */
function versionWrittenBefore(text: string, at: number, namesIn: () => ProductName[]): string | null {
  const from = Math.max(0, at - 60);
  const v = NAMED_VERSION_BEFORE_RE.exec(text.slice(from, at));
  if (!v || !/^[A-Z]/.test(v[1]!)) return null;
  const start = from + v.index;
  const end = start + v[1]!.length;
  return namesIn().some((n) => n.start < end && n.end > start) ? null : v[2]!;
}

/**
 * Pairs each dotted version with the nearest known file on its line, PAIR_GAP characters at most
 * apart with no other version between; the files listed before that one with nothing but names
 * and joining words between ("Store.exe and Emsmta.exe both show ...") get the version too.
 */
function pairWithFiles(
  text: string,
  known: readonly FileToken[],
  free: (s: number, e: number) => boolean,
  push: (start: number, end: number, q: BuildQuery) => void,
): void {
  // Only the versions near a known file, found with one pointer walking the files: a big log with
  // thousands of versions and file names stays linear.
  const versions: Array<{ v: string; start: number; end: number }> = [];
  const re = new RegExp(DOTTED_RE.source, 'g');
  let scanned = 0;
  for (const f of known) {
    // Each file's window, once: a slice, so a page without versions costs the windows, not the page per file.
    const from = Math.max(scanned, f.start - PAIR_GAP - 20);
    const to = Math.min(text.length, f.end + PAIR_GAP + 20);
    if (from >= to) continue;
    scanned = to;
    const window = text.slice(from, to);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(window))) {
      const start = from + m.index;
      const end = start + m[0].length;
      // The slice cut the text: its edges are checked on the whole text.
      if (start > 0 && /[\w.]/.test(text[start - 1]!)) continue;
      if (/^\.?\d/.test(text.slice(end, end + 2))) continue;
      if (!notAVersion(m[1]!)) versions.push({ v: m[1]!, start, end });
    }
    if (versions.length >= 4 * MAX) break;
  }
  let j = 0;
  const pairs: Array<{ v: (typeof versions)[number]; file: number; gap: number }> = [];
  const lineBreakBetween = (a: number, b: number) => text.slice(a, b).includes('\n');
  for (let i = 0; i < versions.length; i++) {
    const v = versions[i]!;
    if (!free(v.start, v.end)) continue;
    // No other version between the file and this one: the previous version bounds the files before, the next those after.
    const floor = i > 0 ? versions[i - 1]!.end : 0;
    const ceiling = i + 1 < versions.length ? versions[i + 1]!.start : text.length;
    while (j < known.length && known[j]!.end < v.start - PAIR_GAP) j++;
    let best = -1;
    let bestGap = Infinity;
    for (let k = j; k < known.length && known[k]!.start <= v.end + PAIR_GAP; k++) {
      const f = known[k]!;
      const before = f.end <= v.start;
      const gap = before ? v.start - f.end : f.start >= v.end ? f.start - v.end : -1;
      if (gap < 0 || gap > PAIR_GAP || gap >= bestGap) continue;
      if (before ? f.start < floor : f.end > ceiling) continue;
      if (before ? lineBreakBetween(f.end, v.start) : lineBreakBetween(v.end, f.start)) continue;
      best = k;
      bestGap = gap;
    }
    if (best >= 0) pairs.push({ v, file: best, gap: bestGap });
  }
  // The closest pairs first: in "3.0.455.11 was before; orbstore.exe now 3.0.512.4" the file is the later version's.
  pairs.sort((a, b) => a.gap - b.gap || a.v.start - b.v.start);
  for (const { v, file } of pairs) {
    const f = known[file]!;
    const before = f.end <= v.start;
    if (!free(before ? f.start : v.start, before ? v.end : f.end)) continue;
    push(before ? f.start : v.start, before ? v.end : f.end, { version: v.v, file: f.name });
    if (!before) continue;
    // The names listed before it: "A, B and C show ..." (only names, commas and joining words between).
    let next = f;
    for (let k = file - 1; k >= 0; k--) {
      const g = known[k]!;
      if (!LIST_JOIN_RE.test(text.slice(g.end, next.start))) break;
      push(g.start, g.end, { version: v.v, file: g.name });
      next = g;
    }
  }
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
