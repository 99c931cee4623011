/**
 * What one article says about releases, read from its text at index-build time: build ladders
 * ("5.5 SP2   2448", "Service Pack 1   Build 838.10", "| Exchange Server version 5.0 | Build 1457.10 |")
 * and lists of the file versions each release ships ("Service Pack 1 .exe File Versions" followed
 * by "...\Store.exe  2,635,536  10/22/99  5.5.2232.11"). Fix file tables come from the parsed
 * record instead (release-table-build.ts).
 */
import { LEVEL } from './levels';
import type { ArticleRecord } from '../article/types';
import { parseDotted } from './compare';
import { findProductMentions, otherProductOf, type ProductMention } from './products';
import { articleProducts } from './verdict';

/** One rung of a ladder as an article states it. */
export interface LadderRung {
  product: ProductMention;
  /** Service pack level, '' for the release itself. */
  sp: string;
  build: number;
}

/** One file version an article says a release ships. */
export interface ShippedFile {
  product: ProductMention;
  sp: string;
  name: string;
  version: string;
}

export interface ReleaseEvidence {
  q: string;
  rungs: LadderRung[];
  shipped: ShippedFile[];
}

// A table row: a product or version, a release, then a build and nothing after it.
const RTM_WORDS = 'RTM|no\\s?SP|no\\s+service\\s+pack|release\\s+version|original\\s+release';
const RUNG_RE = new RegExp(
  '^(?:(?<name>[A-Za-z][A-Za-z0-9 /.-]{0,60}?)\\s+)??(?:version\\s+)?(?<ver>\\d{1,2}\\.\\d{1,2})?(?<letter>[a-z])?\\s*' +
    `(?<rel>${RTM_WORDS}|SP\\s?\\d{1,2}[a-z]?|Service\\s+Pack\\s+\\d{1,2}[a-z]?)?(?:\\s+version)?(?:\\s*\\([^)]{0,40}\\))?` +
    // The build: after a gap, a colon or in parentheses; "Build 838.10", "5.5.2232", "(2.0.1380.1000)".
    '\\s*(?:\\s{2,}|:\\s*|\\(\\s*)(?:Build\\s+)?(?<build>\\d{1,2}\\.\\d{1,2}\\.\\d{3,5}(?:\\.\\d{1,5})?|\\d{3,5}(?:\\.\\d{1,5})?)\\)?$',
  'i',
);
const RTM_RE = new RegExp(`^(?:${RTM_WORDS})$`, 'i');
const SP_RE = new RegExp(LEVEL, 'i');
// A heading that names a release, for a list of what it ships.
const SHIP_HEADING_RE =
  /\bno service pack\b|\bbase\b|\bRTM\b|\bservice\s+pack\s*\d{1,2}[a-z]?\b|\bSP\s?\d{1,2}[a-z]?\b/i;
const FILE_LINE_RE =
  /(?:^|[\\\s|])([A-Za-z0-9_$~-]{1,40}\.(?:exe|dll|sys|ocx|cpl|drv|vxd|com|acm|tsp|cnv|flt))\b.*?(?<![\d.])(\d{1,2}\.\d{1,2}\.\d{1,5}\.\d{1,5})(?![\d.])/i;

/** Lines of an article's body without the tab indentation, box rules and cell bars. */
function bodyLines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\|/g, '  ').replace(/\s+$/, '').replace(/^\s+/, ''));
}

function productFor(name: string | undefined, ver: string, fallback: readonly ProductMention[]): ProductMention | null {
  const named = name ? (findProductMentions(`${name} ${ver}`, 1)[0] ?? null) : null;
  if (named) return named;
  const same = fallback.filter((p) => p.version === ver.toLowerCase() || p.rank === ver);
  if (same.length > 0) return same[0]!;
  const first = fallback[0];
  if (first)
    return (
      findProductMentions(`${first.name.replace(/\s\S+$/, '')} ${ver}`, 1)[0] ??
      otherProductOf(`${first.name.replace(/\s\S+$/, '')} ${ver}`)
    );
  return null;
}

function buildOf(build: string, product: ProductMention): number | null {
  const parts = parseDotted(build);
  if (!parts) return null;
  if (parts.length >= 3) {
    const rank = parseDotted(product.rank);
    if (!rank || rank[0] !== parts[0] || (rank[1] ?? 0) !== parts[1]) return null;
    return parts[2]!;
  }
  return parts[0]!;
}

/** Ladder rows: at least two in the article, naming at least two releases. */
function findRungs(lines: readonly string[], products: readonly ProductMention[]): LadderRung[] {
  const rungs: LadderRung[] = [];
  let ver: string | null = null;
  let name: string | undefined;
  for (const line of lines) {
    if (line.length > 110) continue;
    const m = RUNG_RE.exec(line);
    if (!m?.groups) continue;
    const g = m.groups;
    if (!g.ver && !g.rel) continue;
    if (g.ver) {
      ver = g.ver;
      name = g.name?.replace(/\bversion$/i, '').trim() || undefined;
    } else if (g.name && !/^(?:version|microsoft)$/i.test(g.name.trim())) continue;
    // A row with no version names its line in the build: "SP1 version (build 1380): 2.00.1380.1000".
    const dotted = /^(\d{1,2})\.(\d{1,2})\.\d/.exec(g.build!);
    if (!g.ver && dotted) ver = `${Number(dotted[1])}.${Number(dotted[2])}`;
    if (!ver) continue;
    // "4.0a" with no service pack is a re-release named apart from the ladder: not a rung.
    if (g.letter && !g.rel) continue;
    const product = productFor(name, ver, products);
    if (!product) continue;
    const build = buildOf(g.build!, product);
    if (build === null) continue;
    const sp = g.rel && !RTM_RE.test(g.rel) ? SP_RE.exec(g.rel)![1]!.toLowerCase() : '';
    rungs.push({ product: { ...product, sp: null, build: null, start: 0, end: 0 }, sp, build });
  }
  const releases = new Set(rungs.map((r) => `${r.product.name}|${r.sp}`));
  return rungs.length >= 2 && releases.size >= 2 ? rungs : [];
}

/** Per-release file lists: at least two headings, each followed by at least three file lines. */
function findShipped(lines: readonly string[], products: readonly ProductMention[]): ShippedFile[] {
  const groups: { product: ProductMention; sp: string; files: { name: string; version: string }[] }[] = [];
  let current: (typeof groups)[number] | null = null;
  for (const line of lines) {
    const file = FILE_LINE_RE.exec(line);
    if (file) {
      if (current) current.files.push({ name: file[1]!.toLowerCase(), version: file[2]! });
      continue;
    }
    if (line.length === 0 || /^[-=+ ]+$/.test(line)) continue;
    current = null;
    if (line.length > 100 || !SHIP_HEADING_RE.test(line)) continue;
    const named = findProductMentions(line, 1)[0];
    const product =
      named ?? (products.length > 0 && new Set(products.map((p) => p.name)).size === 1 ? products[0]! : null);
    if (!product) continue;
    const sp =
      named?.sp ?? SP_RE.exec(line)?.[1]?.toLowerCase() ?? (/no service pack|\bbase\b|\brtm\b/i.test(line) ? '' : null);
    if (sp === null || sp === '0') continue;
    current = { product: { ...product, sp: null, build: null, start: 0, end: 0 }, sp, files: [] };
    groups.push(current);
  }
  const full = groups.filter((g) => g.files.length >= 3);
  if (new Set(full.map((g) => g.sp)).size < 2) return [];
  return full.flatMap((g) => g.files.map((f) => ({ product: g.product, sp: g.sp, name: f.name, version: f.version })));
}

// Cheap test before reading an article line by line: most articles state no ladder or list.
const CUE_RE = /\bbuild\b|\bSP\s?\d|service pack/i;

/** What the article states about releases; null when nothing. */
export function releaseEvidenceOf(text: string, record: ArticleRecord): ReleaseEvidence | null {
  if (!CUE_RE.test(text)) return null;
  const products = articleProducts(record).map((p) => ({ ...p, sp: null }));
  const lines = bodyLines(text);
  const rungs = findRungs(lines, products);
  const shipped = findShipped(lines, products);
  return rungs.length || shipped.length ? { q: record.q, rungs, shipped } : null;
}
