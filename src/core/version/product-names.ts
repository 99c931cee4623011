/**
 * Product names as a ticket writes them, with or without a version: "Exchange", "Exchange
 * Administrator", "Microsoft (R) Windows NT (TM)", "Systems Management Server". They place a
 * build the ticket quotes apart from its product ("Version 4.0 (Build 1381: Service Pack 6a)"
 * under a dialog header; "5.5.2448.8" in a ticket about Exchange).
 */
import { FAMILIES, findProductMentions } from './products';
import type { ReleaseTable } from './release-table';

export interface ProductName {
  /** The name as matched, e.g. "Windows NT", "Exchange". */
  name: string;
  /** The families it names ("exchange"; a table product's own family "other:…"). */
  families: string[];
  start: number;
  end: number;
}

// The families' names as people shorten them ("Exchange" for Exchange Server and its programs).
const FAMILY_WORDS: ReadonlyArray<[string, string]> = [
  ['exchange', 'exchange'],
  ['windows[\\s\\u00a0]{1,3}nt', 'windows'],
  ['sql[\\s\\u00a0]{1,3}server', 'sql-server'],
  ['internet[\\s\\u00a0]{1,3}information[\\s\\u00a0]{1,3}serv(?:er|ices)', 'iis'],
  ['iis', 'iis'],
  ['outlook', 'outlook'],
  // Winver under "Microsoft (R) Windows (R)": "Version 5.0 (Build 2195: Service Pack 4)" is Windows 2000.
  ['windows', 'windows'],
];

const FAMILY_EXACT = FAMILY_WORDS.map(([w, f]) => [new RegExp(`^(?:${w})$`, 'i'), f] as const);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s\\u00a0]{1,3}');
/** "Systems Management Server 2.0" -> "Systems Management Server". */
const baseName = (product: string) => product.replace(/[\s,]+v?\d[\w.]*$/i, '').trim();

interface Names {
  re: RegExp;
  /** Lower-case words (spaces collapsed) of a table ladder's base name -> its families. */
  ladderFamilies: Map<string, string[]>;
}

const cache = new WeakMap<ReleaseTable, Names>();

function namesOf(table: ReleaseTable): Names {
  let n = cache.get(table);
  if (n) return n;
  const ladderFamilies = new Map<string, string[]>();
  for (const l of table.data.ladders) {
    const base = baseName(table.data.products[l.product]!).toLowerCase();
    if (base.length < 4) continue;
    const list = ladderFamilies.get(base) ?? [];
    if (!list.includes(l.family)) list.push(l.family);
    ladderFamilies.set(base, list);
  }
  const alternatives = [...[...ladderFamilies.keys()].map(escape), ...FAMILY_WORDS.map(([w]) => w)].sort(
    (a, b) => b.length - a.length,
  );
  n = { re: new RegExp(`(?<![\\w-])(?:${alternatives.join('|')})(?![\\w-])`, 'gi'), ladderFamilies };
  cache.set(table, n);
  return n;
}

/** Every product name in `text` (capped), in text order. */
export function findProductNames(text: string, table: ReleaseTable, limit = 500): ProductName[] {
  const { re, ladderFamilies } = namesOf(table);
  const out: ProductName[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && out.length < limit) {
    // "exchange the cable", "open windows": a product's name is written capitalised.
    if (!/^[A-Z]/.test(m[0])) continue;
    const words = m[0].toLowerCase().replace(/[\s\u00a0]+/g, ' ');
    const families = [...(ladderFamilies.get(words) ?? [])];
    for (const [re, f] of FAMILY_EXACT) if (re.test(m[0]) && !families.includes(f)) families.push(f);
    out.push({ name: m[0].replace(/[\s\u00a0]+/g, ' '), families, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The product a name and a dotted version make: "Windows NT" + "4.0" is "Windows NT 4.0",
 * "Exchange" + "6.0" is "Exchange Server 2000" (its builds' major.minor), "Systems Management
 * Server" + "2.0" a product of the table; null when they make no product KB Lens knows.
 */
export function productFor(name: string, dotted: string, table: ReleaseTable): string | null {
  const direct = findProductMentions(`${name} ${dotted}`, 1)[0];
  if (direct) return direct.name;
  for (const f of FAMILIES) {
    for (const [v, rank] of Object.entries(f.ranks)) {
      if (rank !== dotted) continue;
      const m = findProductMentions(`${name} ${v}`, 1)[0];
      if (m && m.family === f.family) return m.name;
    }
  }
  const want = `${name} ${dotted}`.toLowerCase();
  return table.data.products.find((p) => p.toLowerCase() === want) ?? null;
}
