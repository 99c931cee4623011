/**
 * Agreement between article records and the hand-read fix facts (tests/fixtures/fix-facts.json),
 * field by field. Pure: eval/fixes.ts and the floor in npm test both score with it.
 */
import type { ArticleRecord } from '../src/core/article/types';

export interface LabelledArticle {
  q: string;
  /**
   * tuning: read beside the parser's output while fixing it; held-out: read blind afterwards;
   * fresh: a later blind draw (seed `freshSeed`), of articles neither earlier set holds.
   */
  set: 'tuning' | 'held-out' | 'fresh';
  stratum: string;
  family: string;
  era: string;
  lastModified: string | null;
  /** null: no fix; a list: any of them is right; "latest X service pack": only "latest" is stated. */
  fixedIn: string | null | Array<string | null>;
  fixKind: string;
  /** null: not labelled. */
  versions: string[] | null;
  files: Array<{ name: string; version: string | null }>;
}

export interface FixFacts {
  sample: { seed: number; heldOutSeed: number; freshSeed?: number; sets: string; how: string; size: number };
  articles: LabelledArticle[];
}

export interface FieldScore {
  right: number;
  total: number;
  /** right / total, in per cent. */
  pct: number;
  wrong: string[];
}

export interface FactScores {
  fixedIn: FieldScore;
  fixKind: FieldScore;
  versions: FieldScore;
  files: FieldScore;
  /** Of the articles that only say "the latest service pack": how many got a numbered SP, marked inferred. */
  latestResolved: FieldScore;
}

/** "Microsoft Exchange Server 5.5 Service Pack 4.0 (inferred ...)" -> "exchange server 5.5 service pack 4". */
export function normFix(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/\s*\((?:before service pack|inferred|latest)[^)]*\)/g, '')
      .replace(/\bmicrosoft\s+/g, '')
      .replace(/\bu\.?s\.?\s+(?=service pack)/g, '')
      .replace(/\bservice pack (\d+[a-z]?)\.0\b/g, 'service pack $1')
      // One release, two spellings: KB Lens names products "<name> <version>".
      .replace(/\bexchange 2000 server\b/g, 'exchange server 2000')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const LATEST = /^latest (.+) service pack$/i;

function fixedInMatches(label: string | null, record: ArticleRecord): boolean {
  const got = record.fixedIn;
  if (label === null) return got === null;
  if (got === null) return false;
  const latest = LATEST.exec(label);
  if (latest) {
    // Only "the latest service pack for X" is stated: right when the product and version are,
    // whether the number is left open or inferred.
    const base = normFix(latest[1]!);
    const g = normFix(got);
    return g === normFix(label) || new RegExp(`^${escape(base)} service pack \\d+[a-z]?$`).test(g);
  }
  return normFix(got) === normFix(label);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const normName = (v: string) =>
  v
    .toLowerCase()
    .replace(/\bmicrosoft\s+/g, '')
    .replace(/,/g, '')
    .replace(/\s+/g, ' ')
    .trim();

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

function score(): FieldScore {
  return { right: 0, total: 0, pct: 0, wrong: [] };
}

/** Scores `records` (by Q-number) against the labels; a label whose record is missing counts as wrong. */
export function scoreFixFacts(
  labels: readonly LabelledArticle[],
  records: ReadonlyMap<string, ArticleRecord>,
): FactScores {
  const s: FactScores = {
    fixedIn: score(),
    fixKind: score(),
    versions: score(),
    files: score(),
    latestResolved: score(),
  };
  const tally = (f: FieldScore, ok: boolean, why: string) => {
    f.total++;
    if (ok) f.right++;
    else f.wrong.push(why);
  };
  for (const l of labels) {
    const r = records.get(l.q);
    if (!r) {
      for (const f of [s.fixedIn, s.fixKind, s.files]) tally(f, false, `${l.q}: no record`);
      continue;
    }
    const options = Array.isArray(l.fixedIn) ? l.fixedIn : [l.fixedIn];
    tally(
      s.fixedIn,
      options.some((o) => fixedInMatches(o, r)),
      `${l.q}: fixedIn ${JSON.stringify(r.fixedIn)}, expected ${JSON.stringify(l.fixedIn)}`,
    );
    tally(s.fixKind, r.fixKind === l.fixKind, `${l.q}: fixKind ${r.fixKind}, expected ${l.fixKind}`);
    if (l.versions) {
      tally(
        s.versions,
        sameSet(r.versions.map(normName), l.versions.map(normName)),
        `${l.q}: versions ${JSON.stringify(r.versions)}, expected ${JSON.stringify(l.versions)}`,
      );
    }
    const files = (fs: ReadonlyArray<{ name: string; version: string | null }>) =>
      fs.map((f) => `${f.name.toLowerCase()} ${f.version ?? '-'}`);
    tally(
      s.files,
      sameSet(files(r.files), files(l.files)),
      `${l.q}: files ${JSON.stringify(files(r.files))}, expected ${JSON.stringify(files(l.files))}`,
    );
    if (options.length === 1 && typeof options[0] === 'string' && LATEST.test(options[0])) {
      tally(
        s.latestResolved,
        Boolean(r.fix?.servicePack && r.fix.inferred),
        `${l.q}: fixedIn ${JSON.stringify(r.fixedIn)} is not a numbered SP marked inferred`,
      );
    }
  }
  for (const f of Object.values(s)) f.pct = f.total ? (100 * f.right) / f.total : 0;
  return s;
}
