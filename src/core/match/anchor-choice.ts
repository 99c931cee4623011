/**
 * Build time: which run of a pattern's literal tokens the scan looks up (its anchor). The scan
 * verifies a pattern only where its anchor occurs, so the anchor is the rarest run, in the
 * messages and in the prose around them.
 */
import { MAX_ITEMS, compilePattern } from './pattern';

/** A run estimated this common (see rarerRun) is worth trading for a rarer one. */
const COMMON_RUN = 50;

/** Words that head the messages of a ticket's e-mail thread. */
const HEADER_WORDS = 'From Sent To Cc Subject Date Re Fw';

/**
 * Per pattern (its items), its anchor (first item * 4 + length): the usual run (chooseAnchor), or
 * a far rarer one (rarerRun) where the usual run is common in prose. Each anchor hit costs a
 * verification, and most fail: "Subject '<subject>', Account '<sender>', server '<server name>',
 * Protocol:" on "Subject" was verified at every e-mail header of a ticket thread (1.5k times per
 * MB of the bench ticket), on "Protocol" it is not. Only a pattern that no other can match on the
 * same span changes: such hits come out in the order of their anchors (pattern-hits.ts), and that
 * order decides which one's text and articles the scan shows. `titles` are the index's own prose.
 */
export function chooseAnchors(patterns: readonly (readonly number[])[], titles: readonly string[]): number[] {
  // Anchor on the rarest run of literal tokens: fewer patterns share a key and fewer text positions hit it.
  const df = new Map<number, number>();
  for (const items of patterns) for (const h of new Set(items)) if (h >= 0) df.set(h, (df.get(h) ?? 0) + 1);
  const all = patterns.map((items) => items.slice(0, MAX_ITEMS));
  // How common a token is in prose, beside the messages: the titles are the index's own prose, and
  // e-mail header words head every message of a ticket thread (though few error messages use them).
  const common = new Map<number, number>();
  for (const t of titles)
    for (const h of new Set(compilePattern(t).items)) if (h >= 0) common.set(h, (common.get(h) ?? 0) + 1);
  for (const h of new Set(compilePattern(HEADER_WORDS).items))
    if (h >= 0) common.set(h, (common.get(h) ?? 0) + titles.length);
  for (const [h, n] of df) common.set(h, (common.get(h) ?? 0) + n);
  const usual = all.map((items) => chooseAnchor(items, df));
  // A pattern's match starts and ends on its first and last items' tokens where they are literal,
  // so another pattern can match the same span only with the same ends, or with a wildcard end
  // and its literals among the tokens of the span (taken here as the pattern's own literals).
  const sameEnds = new Map<string, number>();
  /** Patterns with a wildcard end, by their least used literal. */
  const openByToken = new Map<number, number[]>();
  all.forEach((items, q) => {
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (first >= 0 && last >= 0) {
      const k = `${first} ${last}`;
      sameEnds.set(k, (sameEnds.get(k) ?? 0) + 1);
      return;
    }
    let key = 0;
    let least = Infinity;
    for (const h of items)
      if (h >= 0 && (df.get(h) ?? 0) < least) {
        least = df.get(h) ?? 0;
        key = h;
      }
    const list = openByToken.get(key);
    if (list) list.push(q);
    else openByToken.set(key, [q]);
  });
  const twinless = (p: number): boolean => {
    const items = all[p]!;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (first < 0 || last < 0 || items.length >= MAX_ITEMS) return false;
    if (sameEnds.get(`${first} ${last}`)! > 1) return false;
    const own = new Set(items);
    for (const t of own) {
      for (const q of openByToken.get(t) ?? []) {
        const other = all[q]!;
        const qFirst = other[0]!;
        const qLast = other[other.length - 1]!;
        if (
          (qFirst < 0 || qFirst === first) &&
          (qLast < 0 || qLast === last) &&
          other.every((h) => h < 0 || own.has(h))
        )
          return false;
      }
    }
    return true;
  };
  return usual.map((a, p) => {
    const r = rarerRun(all[p]!, a, common);
    return r >= 0 && twinless(p) ? r : a;
  });
}

/** The rarest run of literal tokens by document frequency, as long as the longest run allows (up to 3). */
function chooseAnchor(items: readonly number[], df: ReadonlyMap<number, number>): number {
  let maxRun = 0;
  let run = 0;
  for (const x of items) {
    run = x >= 0 ? run + 1 : 0;
    if (run > maxRun) maxRun = run;
  }
  const len = Math.min(3, maxRun);
  let best = 0;
  let bestCost = Infinity;
  for (let i = 0; i + len <= items.length; i++) {
    let cost = 0;
    let ok = true;
    for (let j = 0; j < len; j++) {
      const h = items[i + j]!;
      if (h < 0) {
        ok = false;
        break;
      }
      cost += df.get(h) ?? 0;
    }
    if (ok && cost < bestCost) {
      bestCost = cost;
      best = i;
    }
  }
  return best * 4 + len;
}

/**
 * A run far rarer in prose than the usual anchor `usual`, or -1. A run is at most as frequent as
 * its rarest token, and each further token divides the estimate by 4.
 */
function rarerRun(items: readonly number[], usual: number, common: ReadonlyMap<number, number>): number {
  const len = usual & 3;
  if (len === 0) return -1;
  const estimate = (at: number, l: number) => {
    let min = Infinity;
    for (let j = 0; j < l; j++) min = Math.min(min, common.get(items[at + j]!) ?? 0);
    return min / 4 ** (l - 1);
  };
  const before = estimate(usual >> 2, len);
  if (before < COMMON_RUN) return -1;
  let alt = -1;
  let altEstimate = Infinity;
  for (let l = 1; l <= len; l++) {
    for (let i = 0; i + l <= items.length; i++) {
      let ok = true;
      for (let j = 0; j < l; j++)
        if (items[i + j]! < 0) {
          ok = false;
          break;
        }
      if (!ok) continue;
      const e = estimate(i, l);
      if (e < altEstimate) {
        altEstimate = e;
        alt = i * 4 + l;
      }
    }
  }
  return altEstimate * 4 < before ? alt : -1;
}
