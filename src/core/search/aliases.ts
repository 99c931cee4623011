/**
 * The archive's own abbreviations, mined at index-build time:
 *
 * - acronyms the articles spell out, "Outlook Web Access (OWA)", "Visual FoxPro (VFP)": counted
 *   over every article's text (AliasMiner, fed by the index builder), kept when the archive
 *   spells an acronym out one way at least MIN_MENTIONS times and in most of its mentions;
 * - title tags ("XCLN:", "XADM:", "WD97:"): each stands for the product most of its articles
 *   apply to (titlePrefixAliases, from the records).
 *
 * The result is a list of "short\tlong form" lines stored in the search index; the query side
 * treats both forms as one (thesaurus.ts).
 */
import type { ArticleRecord } from '../article/types';

/** Mentions an acronym's spelled-out form needs before it counts. */
const MIN_MENTIONS = 3;
/** Share of the acronym's mentions that one spelling must have. */
const MIN_SHARE = 0.5;
/** Articles a title tag needs, and the share of them its main product must cover. */
const MIN_TAGGED = 20;
const MIN_TAG_SHARE = 0.6;

/** "Systems Management Server (SMS)": capitalised words (small linking words allowed), then the acronym in brackets. */
const SPELLED = /((?:[A-Z][A-Za-z0-9]*(?:[ -]+(?:for|of|and|on|to|the|in)(?=[ -]))?[ -]+){1,7})\(([A-Z][A-Za-z0-9]{1,7})\)/g;
const SMALL = new Set(['for', 'of', 'and', 'on', 'to', 'the', 'in']);

export class AliasMiner {
  /** acronym (lowercase) -> long form (lowercase) -> mentions */
  private readonly counts = new Map<string, Map<string, number>>();

  add(text: string): void {
    for (const m of text.matchAll(SPELLED)) {
      const long = spelledOut(m[1]!.trim().split(/[ -]+/).filter(Boolean), m[2]!);
      if (!long) continue;
      const acr = m[2]!.toLowerCase();
      let forms = this.counts.get(acr);
      if (!forms) this.counts.set(acr, (forms = new Map()));
      forms.set(long, (forms.get(long) ?? 0) + 1);
    }
  }

  /** "acronym\tlong form" lines, sorted, one per acronym. */
  table(): string[] {
    const out: string[] = [];
    for (const [acr, forms] of this.counts) {
      let best = '';
      let bestN = 0;
      let total = 0;
      for (const [long, n] of forms) {
        total += n;
        if (n > bestN || (n === bestN && long < best)) [best, bestN] = [long, n];
      }
      if (bestN >= MIN_MENTIONS && bestN >= MIN_SHARE * total) out.push(`${acr}\t${best}`);
    }
    return out.sort();
  }
}

/** The acronym table of a set of article texts. */
export function mineAliases(texts: Iterable<string>): string[] {
  const m = new AliasMiner();
  for (const t of texts) m.add(t);
  return m.table();
}

/**
 * The shortest run of trailing words that spells the acronym, by initials ("Outlook Web Access"
 * -> OWA) or by capitals ("Visual FoxPro" -> VFP), lowercased; null when none does.
 */
export function spelledOut(words: readonly string[], acronym: string): string | null {
  const want = acronym.toUpperCase();
  for (let k = 1; k <= words.length; k++) {
    const run = words.slice(words.length - k);
    if (SMALL.has(run[0]!)) continue;
    const content = run.filter((w) => !SMALL.has(w));
    const initials = content.map((w) => w[0]!.toUpperCase()).join('');
    const capitals = content.map((w) => w[0]!.toUpperCase() + w.slice(1).replace(/[^A-Z0-9]/g, '')).join('');
    if ((initials === want || capitals === want) && content.length >= 2) return run.join(' ').toLowerCase();
    if (initials.length > want.length) break;
  }
  return null;
}

const TAG = /^([A-Z][A-Z0-9]{1,6}):/;

/** "xcln\texchange" lines: each frequent title tag and the product most of its articles apply to. */
export function titlePrefixAliases(records: readonly ArticleRecord[]): string[] {
  const byTag = new Map<string, Map<string, number>>();
  const tagged = new Map<string, number>();
  for (const r of records) {
    const tag = TAG.exec(r.title)?.[1];
    if (!tag) continue;
    tagged.set(tag, (tagged.get(tag) ?? 0) + 1);
    const product = r.products[0]?.replace(/^Microsoft\s+/i, '').trim().toLowerCase();
    if (!product) continue;
    let m = byTag.get(tag);
    if (!m) byTag.set(tag, (m = new Map()));
    m.set(product, (m.get(product) ?? 0) + 1);
  }
  const out: string[] = [];
  for (const [tag, n] of tagged) {
    if (n < MIN_TAGGED) continue;
    let best = '';
    let bestN = 0;
    for (const [p, c] of byTag.get(tag) ?? []) if (c > bestN || (c === bestN && p < best)) [best, bestN] = [p, c];
    if (bestN >= MIN_TAG_SHARE * n && best.toLowerCase() !== tag.toLowerCase()) out.push(`${tag.toLowerCase()}\t${best}`);
  }
  return out.sort();
}
