/**
 * Builds as product dialogs print them: "Version 5.5 (Build 2650.24: Service Pack 3)" (Exchange
 * Administrator's About box), "Version 4.0 (Build 1381: Service Pack 6a)" (winver under
 * "Microsoft (R) Windows NT (TM)"), "Microsoft Exchange Server 4.0 (Build 994.64)". The dialog
 * gives the major.minor; the product is the nearest name in the dialog (its line or the few lines
 * above) or, for a product with a build ladder that the build fits, anywhere in the ticket. A
 * service pack the dialog states is the release, ladder or not; without one the ladder places the
 * build (never rounded up). A dialog whose product is unknown says nothing.
 */
import { LEVEL } from './levels';
import { compareServicePacks } from './compare';
import { productFor, type ProductName } from './product-names';
import type { BuildAnswer, ReleaseTable } from './release-table';

export interface DialogBuild {
  start: number;
  end: number;
  /** Null: a dialog with its own version whose product KB Lens does not know (the span is spent). */
  answer: BuildAnswer | null;
}

const WS = '[\\s\\u00a0]';
// Anchored on "(Build": cheap on pages without one.
const DIALOG_RE = new RegExp(
  `\\(${WS}{0,3}build${WS}{0,3}[:#]?${WS}{0,3}(\\d{1,5}(?:\\.\\d{1,5}){0,2})` +
    `(?:${WS}{0,3}[:;,]${WS}{0,3}${LEVEL})?${WS}{0,3}\\)`,
  'gi',
);
const VERSION_BEFORE_RE = new RegExp(`(?<![\\w.])(?:version${WS}{1,3}|v)?(\\d{1,2})\\.(\\d{1,2})${WS}{0,3}$`, 'i');
/** How far above its version line a dialog's product name may be: a header and a blank line or two. */
const LINES_ABOVE = 3;

const spLabel = (sp: string) => `SP${sp.replace(/[a-z]$/i, (c) => c.toLowerCase())}`;

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

export function findDialogBuilds(
  text: string,
  table: ReleaseTable,
  names: () => readonly ProductName[],
  limit = 200,
): DialogBuild[] {
  const out: DialogBuild[] = [];
  // A pasted thread repeats its dialogs and names: each name and version is combined once.
  const products = new Map<string, string | null>();
  const productOf = (name: string, dotted: string) => {
    const key = `${name.toLowerCase()}|${dotted}`;
    let p = products.get(key);
    if (p === undefined) products.set(key, (p = productFor(name, dotted, table)));
    return p;
  };
  const placed = new Map<string, BuildAnswer | null>();
  const place = (product: string, version: string, sp: string | null, near: boolean) => {
    const key = `${product}|${version}|${sp}|${near}`;
    let a = placed.get(key);
    if (a === undefined) placed.set(key, (a = placeDialogBuild(table, product, version, sp, near)));
    return a;
  };
  DIALOG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIALOG_RE.exec(text)) && out.length < limit) {
    const lineStart = lineStartOf(text, m.index);
    const before = text.slice(Math.max(lineStart, m.index - 40), m.index);
    const v = VERSION_BEFORE_RE.exec(before);
    if (!v) continue;
    const start = m.index - before.length + v.index;
    const end = m.index + m[0].length;
    const dotted = `${Number(v[1])}.${Number(v[2])}`;
    const build = m[1]!;
    const sp = m[2]?.toLowerCase() ?? null;

    // The dialog's own lines first (nearest above), then the rest of the ticket by distance.
    let top = lineStart;
    for (let i = 0; i < LINES_ABOVE && top > 0; i++) top = lineStartOf(text, top - 1);
    const all = names();
    // The dialog's own names, nearest first; then the ticket's, nearest first (walking out from the dialog).
    const candidates = function* (): Generator<readonly [ProductName, boolean]> {
      let right = all.findIndex((n) => n.end > start);
      if (right < 0) right = all.length;
      let left = right - 1;
      while (left >= 0 && all[left]!.start >= top) yield [all[left--]!, true] as const;
      while (left >= 0 || right < all.length) {
        const l = all[left];
        const r = all[right];
        if (l && (!r || start - l.end <= r.start - start)) {
          left--;
          yield [l, false] as const;
        } else if (r) {
          right++;
          yield [r, false] as const;
        }
      }
    };
    let answer: BuildAnswer | null = null;
    const tried = new Set<string>();
    for (const [n, near] of candidates()) {
      const key = `${near}|${n.name.toLowerCase()}`;
      if (tried.has(key)) continue;
      tried.add(key);
      const product = productOf(n.name, dotted);
      if (!product) continue;
      answer = place(product, `${dotted}.${build}`, sp, near);
      if (answer) break;
    }
    out.push({ start, end, answer });
  }
  return out;
}

/** The release of `version` of `product` with the service pack the dialog states (or none); null when they disagree. */
function placeDialogBuild(
  table: ReleaseTable,
  product: string,
  version: string,
  sp: string | null,
  near: boolean,
): BuildAnswer | null {
  const ladder = table.ladderData(product);
  const placed = ladder ? table.resolve({ version, product }) : null;
  if (sp === null) return placed;
  if (ladder) {
    // The stated service pack must be one the ladder has, at or below this build.
    const rung = ladder.releases.find((r) => r[0] === sp);
    const b = Number(version.split('.')[2]);
    if (!placed || !rung || rung[1] > b) return null;
    const newer = ladder.releases
      .filter((r) => compareServicePacks(r[0], sp) > 0 && r[1] > b)
      .map((r) => `${r[0] ? spLabel(r[0]) : 'RTM'} (build ${r[1]})`);
    return {
      ...placed,
      release: `${product} ${spLabel(sp)}`,
      exact: rung[1] === b,
      newer,
      facts: ['service pack as the dialog states it', ...placed.facts],
    };
  }
  // No ladder: the dialog's own statement names the release, when the dialog names the product.
  if (!near) return null;
  return {
    build: version,
    product,
    release: `${product} ${spLabel(sp)}`,
    exact: true,
    facts: ['service pack as the dialog states it'],
    newer: [],
    articles: [],
  };
}
