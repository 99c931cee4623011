/**
 * The archive's own abbreviations, mined at index-build time:
 *
 * - acronyms the articles spell out, "Outlook Web Access (OWA)", "Visual FoxPro (VFP)", either way
 *   round ("WINS (Windows Internet Name Service)"): counted over every article's text (AliasMiner,
 *   fed by the index builder), kept when the archive spells an acronym out one way at least
 *   MIN_MENTIONS times and in most of its mentions;
 * - the short names of tools, contracted from their long names and given beside them, either way
 *   round: "Performance Monitor (Perfmon.exe)", "Registry Editor (Regedt32.exe)", "Dr. Watson
 *   (Drwtsn32.exe)", "Netmon (Network Monitor)": the short name is made of a piece of each word,
 *   each piece starting the word (see contracts());
 * - programs named before their file that they do not spell, "File Manager (Winfile.exe)",
 *   "System Configuration Utility (Msconfig.exe)" (programName());
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
/**
 * Share a second spelling needs to be kept beside the first: the archive spells some acronyms out
 * two ways ("Device Development Kit (DDK)" 98 times, "Driver Development Kit (DDK)" 25), and an
 * agent types either long form or the acronym.
 */
const MIN_OTHER_SHARE = 0.15;
/** Articles a title tag needs, and the share of them its main product must cover. */
const MIN_TAGGED = 20;
const MIN_TAG_SHARE = 0.6;

/**
 * "Systems Management Server (SMS)", "Performance Monitor (Perfmon.exe)": capitalised words (small
 * linking words allowed; "Dr." keeps its dot), then the short form in brackets, ".exe" dropped.
 */
const SPELLED =
  /((?:[A-Z][A-Za-z0-9]*\.?(?:[ -]+(?:for|of|and|on|to|the|in)(?=[ -]))?[ -]+){1,7})\(([A-Za-z][A-Za-z0-9]{1,11})(?:\.exe)?\)/g;
/** "WINS (Windows Internet Name Service)", "Perfmon.exe (Performance Monitor)": the other way round. */
const SHORT_FIRST =
  /(?<![\w.])([A-Za-z][A-Za-z0-9]{1,11})(?:\.exe)? \(([A-Z][A-Za-z0-9]*\.?(?:[ -]+(?:(?:for|of|and|on|to|the|in)[ -]+)?[A-Z][A-Za-z0-9]*\.?){1,6})\)/g;
const SMALL = new Set(['for', 'of', 'and', 'on', 'to', 'the', 'in']);
/** A contracted tool name needs this many letters: "Net" or "Reg" alone is a word, not a name. */
const MIN_CONTRACTED = 5;

export class AliasMiner {
  /** acronym (lowercase) -> long form (lowercase) -> mentions */
  private readonly counts = new Map<string, Map<string, number>>();

  add(text: string): void {
    for (const m of text.matchAll(SPELLED)) {
      const words = m[1]!.trim().split(/[ -]+/).filter(Boolean);
      const long = spelledOut(words, m[2]!) ?? (m[0].endsWith('.exe)') ? programName(words, m[2]!) : null);
      if (long) this.count(m[2]!, long);
    }
    for (const m of text.matchAll(SHORT_FIRST)) {
      const words = m[2]!.split(/[ -]+/).filter(Boolean);
      // The whole bracket must spell the short form, not just its last words.
      const long = spelledOut(words, m[1]!);
      if (long && long.split(' ').length === words.length) this.count(m[1]!, long);
    }
  }

  private count(short: string, long: string): void {
    const acr = short.toLowerCase();
    if (acr === long.replace(/[ .]+/g, '')) return;
    let forms = this.counts.get(acr);
    if (!forms) this.counts.set(acr, (forms = new Map()));
    forms.set(long, (forms.get(long) ?? 0) + 1);
  }

  /**
   * "acronym\tlong form" lines, sorted: the acronym's main spelling, and any other the archive
   * uses often enough (MIN_MENTIONS, MIN_OTHER_SHARE) while the main one holds MIN_SHARE.
   */
  table(): string[] {
    const out: string[] = [];
    for (const [acr, forms] of this.counts) {
      let bestN = 0;
      let total = 0;
      for (const n of forms.values()) {
        total += n;
        if (n > bestN) bestN = n;
      }
      if (bestN < MIN_MENTIONS || bestN < MIN_SHARE * total) continue;
      for (const [long, n] of forms) {
        if (n >= MIN_MENTIONS && (n === bestN || n >= MIN_OTHER_SHARE * total)) out.push(`${acr}\t${long}`);
      }
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
 * The shortest run of trailing words that spells the short form, by initials ("Outlook Web Access"
 * -> OWA), by capitals ("Visual FoxPro" -> VFP) or, for a name in small letters, by contraction
 * ("Performance Monitor" -> Perfmon), lowercased; null when none does.
 */
export function spelledOut(words: readonly string[], acronym: string): string | null {
  const want = acronym.toUpperCase();
  // A name with small letters ("Perfmon", "Regedt32") may be contracted; digits are its version.
  const letters = acronym === want ? '' : acronym.toLowerCase().replace(/\d+$/, '');
  const contracted = letters.length >= MIN_CONTRACTED && /^[a-z]+$/.test(letters);
  for (let k = 1; k <= words.length; k++) {
    const run = words.slice(words.length - k);
    if (SMALL.has(run[0]!)) continue;
    const content = run.filter((w) => !SMALL.has(w));
    const initials = content.map((w) => w[0]!.toUpperCase()).join('');
    const capitals = content.map((w) => w[0]!.toUpperCase() + w.slice(1).replace(/[^A-Z0-9]/g, '')).join('');
    if ((initials === want || capitals === want) && content.length >= 2) return run.join(' ').toLowerCase();
    if (
      contracted &&
      content.length >= 2 &&
      contracts(
        letters,
        content.map((w) => w.toLowerCase().replace(/\.$/, '')),
      )
    ) {
      return run.join(' ').toLowerCase();
    }
    if (initials.length > want.length) break;
  }
  return null;
}

/** Words that start a sentence before a program's name ("Use File Manager (Winfile.exe)"). */
const LEAD_VERBS = new Set(['start', 'run', 'use', 'open', 'click', 'type', 'launch', 'using', 'with', 'from', 'see']);
/** Words of a program's name given before its file, at most. */
const MAX_PROGRAM_WORDS = 3;

/**
 * A program's name given before its file that it does not spell ("File Manager (Winfile.exe)",
 * "System Configuration Utility (Msconfig.exe)"): its last two or three words, a leading verb or
 * linking word dropped, lowercased; null for a one-word name, one with a linking word inside, or one
 * that has the file's name in it ("Windows Explorer (Explorer.exe)"). Agents type the file's name, the titles say the program's.
 */
export function programName(words: readonly string[], file: string): string | null {
  let run = words.slice(-MAX_PROGRAM_WORDS).map((w) => w.toLowerCase());
  while (run.length > 0 && (LEAD_VERBS.has(run[0]!) || SMALL.has(run[0]!))) run = run.slice(1);
  // "Migration Tool for NetWare (Nwconv.exe)": cut inside a longer name, its last words name nothing.
  if (run.length < 2 || run.includes(file.toLowerCase()) || run.some((w) => SMALL.has(w))) return null;
  return run.join(' ');
}

/**
 * Whether `short` is made of one piece of each word in turn, each piece starting with the word's
 * first letter and taking the rest of its letters in order ("perf|mon", "reg|edt", "dr|wtsn").
 */
export function contracts(short: string, words: readonly string[]): boolean {
  const from = (si: number, wi: number): boolean => {
    if (wi === words.length) return si === short.length;
    const w = words[wi]!;
    if (si >= short.length || short[si] !== w[0]) return false;
    // Grow the piece one letter at a time along the word; try the next word after each length.
    let at = 1;
    for (let j = si + 1; ; j++) {
      if (from(j, wi + 1)) return true;
      if (j >= short.length) return false;
      while (at < w.length && w[at] !== short[j]) at++;
      if (at >= w.length) return false;
      at++;
    }
  };
  return from(0, 0);
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
    const product = r.products[0]
      ?.replace(/^Microsoft\s+/i, '')
      .trim()
      .toLowerCase();
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
    if (bestN >= MIN_TAG_SHARE * n && best.toLowerCase() !== tag.toLowerCase())
      out.push(`${tag.toLowerCase()}\t${best}`);
  }
  return out.sort();
}
