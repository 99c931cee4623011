/**
 * The products the archive's articles are about, as a ticket names them without a version the
 * family table knows: "Encarta", "Flight Simulator", "Host Integration Server", "Streets and
 * Trips". Made at index-build time from the articles' own product lines (a table of names and
 * article counts, kept in the search head) and read only to scope a described ticket's search
 * (match/described.ts): verdicts keep the family table's products (products.ts).
 */
import type { ArticleRecord } from '../article/types';
import {
  FAMILIES,
  FOR_PLATFORM,
  VERSION_END,
  WILDCARD_VERSION,
  canonicalProduct,
  findProductMentions,
  type ProductMention,
} from './products';

/** Fewest articles a name must be about: a name of one article scopes nothing a search would not find. */
export const MIN_PRODUCT_ARTICLES = 3;
/** Most words and characters of a name: longer ones are a title's wording, never a ticket's. */
const MAX_NAME_WORDS = 5;
const MAX_NAME_CHARS = 40;

const PLATFORM_TAIL = new RegExp(String.raw`,?\s+${FOR_PLATFORM}.*$`, 'i');
/** Where a product line's name ends: its version ("Flight Simulator 2000", "Encarta 96 Encyclopedia"), a subtitle. */
const VERSION_OR_SUBTITLE = /(?:\s+v?(?:\d|\((?:\d|R\)))|\s*[:(]|\s+-\s|,\s).*$/i;

/** The name a ticket would write for one of an article's product lines, or null: "Microsoft Flight Simulator 2000" -> "Flight Simulator". */
export function productNameOf(line: string): string | null {
  const article = /^the\s+microsoft\s/i.test(line);
  let name = line.replace(/^the\s+/i, '').replace(/[®™]|\((?:R|TM)\)/gi, '');
  name = canonicalProduct(name, '').product;
  // "The Microsoft Network": the vendor is part of this name ("Network" alone is the ordinary word).
  if (article) name = `Microsoft ${name}`;
  name = name.replace(PLATFORM_TAIL, '').replace(VERSION_OR_SUBTITLE, '').replace(/\s+/g, ' ').trim();
  if (name.length < 3 || name.length > MAX_NAME_CHARS || name.split(' ').length > MAX_NAME_WORDS) return null;
  // Letters must lead: "32-bit Edition" or a bare number is no name.
  return /^[A-Za-z]/.test(name) ? name : null;
}

/**
 * "Name\tcount" lines, most articles first, of the product names the articles' product lines
 * give (productNameOf), each counted once per article; names of fewer than MIN_PRODUCT_ARTICLES left out.
 */
export function productTable(records: readonly Pick<ArticleRecord, 'products'>[]): string[] {
  const counts = new Map<string, { name: string; n: number }>();
  for (const r of records) {
    const seen = new Set<string>();
    for (const line of r.products) {
      const name = productNameOf(line);
      const key = name?.toLowerCase();
      if (!name || !key || seen.has(key)) continue;
      seen.add(key);
      const c = counts.get(key);
      if (c) c.n++;
      else counts.set(key, { name, n: 1 });
    }
  }
  return [...counts.values()]
    .filter((c) => c.n >= MIN_PRODUCT_ARTICLES)
    .sort((a, b) => b.n - a.n || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((c) => `${c.name}\t${c.n}`);
}

/** One version of each family the family table knows ("Exchange" 4.0, "Windows" 3.51...). */
const FAMILY_VERSIONS = FAMILIES.map((f) => Object.keys(f.ranks)[1] ?? Object.keys(f.ranks)[0]!);

/**
 * Whether a name is one the family table reads ("Exchange", "Windows NT", "SQL Server"): those
 * products are found with their version (products.ts), and without one their articles are too
 * many for a described ticket's scope ("Windows" alone is most of the archive).
 */
export function familyName(name: string): boolean {
  return FAMILY_VERSIONS.some((v) => {
    const m = findProductMentions(`${name} ${v}`, 1)[0];
    return m !== undefined && m.start === 0;
  });
}

interface Scanner {
  re: RegExp;
  /** Lower-case name -> the name as the articles write it. */
  names: Map<string, string>;
}

const scanners = new WeakMap<readonly string[], Scanner>();

function scannerOf(table: readonly string[]): Scanner {
  let s = scanners.get(table);
  if (s) return s;
  const names = new Map<string, string>();
  for (const line of table) {
    const name = line.split('\t')[0]!;
    if (name && !familyName(name)) names.set(name.toLowerCase(), name);
  }
  const alternatives = [...names.values()]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\u00a0]{1,3}'));
  // Longest first, so "Combat Flight Simulator" wins over "Flight Simulator"; a version may follow,
  // and the dot that ends a sentence after it ("... in Encarta 95."), not one a number or a file
  // name runs on from ("2.exe", "1.1.4.2"). A wildcard minor ("Works 3.x") is a version as written.
  const re = new RegExp(
    String.raw`(?<![\w+#-])(${alternatives.join('|')})(?![\w+#-])(?:[ \u00a0]{1,3}(?:version[ \u00a0]{1,3})?v?(\d{1,4}(?:\.\d{1,3}){0,2}[a-z]?|${WILDCARD_VERSION})${VERSION_END})?`,
    'gi',
  );
  s = { re, names };
  scanners.set(table, s);
  return s;
}

/**
 * A "Label: value" line's label ("Mobile Phone: +1 555 0100", "Office: Building 4"): a signature's
 * or header's field, never the product the ticket is about. A label is a few words at a line's start
 * and its value a few more; a name with its version before a sentence ("Flight Simulator 2000: my
 * user can't...") is a subject line's product.
 */
function inLabel(text: string, start: number, end: number, version: string | undefined): boolean {
  if (version || !/^[ \u00a0]*:[ \u00a0]*[^\s\\/:]/.test(text.slice(end, end + 4))) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (!/^[ \t\u00a0>*-]*(?:[A-Za-z][\w.&/-]*[ \u00a0]+){0,3}$/.test(text.slice(lineStart, start))) return false;
  const lineEnd = text.indexOf('\n', end);
  const value = text.slice(text.indexOf(':', end) + 1, lineEnd < 0 ? undefined : lineEnd).trim();
  return value.split(/\s+/).length <= MAX_LABEL_VALUE_WORDS;
}

/** Most words of a field's value ("+1 555 0100", "Building 4, Room 12"); more are a sentence. */
const MAX_LABEL_VALUE_WORDS = 6;

/**
 * A name of ordinary words ("Works", "Money", "Flight Simulator") names the product only when the
 * ticket writes it as a name. A name with a capital inside a word, a digit or a sign ("FoxPro",
 * "MS-DOS", "Schedule+") is one however it is written. A one-word name of plain letters ("Phone",
 * "Video", "Bob", "LINK") needs its version or "Microsoft"/"MS" before it: capitalised it is as often
 * a person, a device or an emphasis ("Mobile Phone: ...", "our Video screen capture"). A longer name
 * counts written with the archive's capitals.
 */
function namedAsProduct(text: string, start: number, written: string, name: string, version: string | undefined) {
  if (version) return true;
  if (/(?:microsoft|\bms)[ \u00a0]{1,3}$/i.test(text.slice(Math.max(0, start - 13), start))) return true;
  // A capital inside a word, a digit or a sign: no English word is written so ("LINK" is "link" in capitals).
  if (/[a-z][A-Z]|[\d+#/!-]/.test(name)) return true;
  if (!name.includes(' ')) return false;
  return written === name || written.replace(/\s+/g, ' ') === name;
}

/**
 * The archive's products a ticket names (table: productTable's lines), longest name first at each
 * place, apart from the products already found in `known`, as mentions whose family is the
 * name's own ("other:flight simulator"); the version is "" when none is written.
 */
export function findArchiveProducts(
  table: readonly string[],
  text: string,
  known: readonly ProductMention[] = [],
  limit = 20,
): ProductMention[] {
  if (table.length === 0 || !text) return [];
  const { re, names } = scannerOf(table);
  const out: ProductMention[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && out.length < limit) {
    const start = m.index;
    const end = start + m[0].length;
    const name = names.get(m[1]!.toLowerCase().replace(/\s+/g, ' '));
    if (!name || known.some((k) => k.start < end && start < k.end)) continue;
    if (!namedAsProduct(text, start, m[1]!, name, m[2]) || inLabel(text, start, end, m[2])) continue;
    const version = (m[2] ?? '').toLowerCase();
    out.push({
      family: `other:${name.toLowerCase()}`,
      name: version ? `${name} ${version}` : name,
      version,
      rank: version,
      sp: null,
      build: null,
      start,
      end,
    });
  }
  return out;
}
