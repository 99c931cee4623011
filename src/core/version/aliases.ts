/**
 * A product an article names two ways: its Version(s) line spells it out ("Macro Assembler (MASM)
 * 5.1", "Programmer's Workbench 1.0") and its STATUS sentence or the ticket uses the letters ("fixed
 * in MASM 6.0", "PWB 1.1", "we build with MASM 5.10A"). Both are one product: the verdict reads the
 * letters as the line's name, so the ticket's version meets the article's listed versions and fix.
 */
import type { ArticleRecord, Fix } from '../article/types';
import { canonicalProduct, otherProduct, productName, type ProductMention } from './products';

const SKIP = new Set(['for', 'of', 'and', 'the', 'to', 'in', 'on']);

/**
 * `letters` ("masm") is made of the words of `name` ("macro assembler") in order: each word gives
 * its first letter, every word but a joining one gives one, and only the last word may give more of
 * its letters (Macro ASseMbler, Programmer's WorkBench). An earlier word gives more only from a
 * capital inside it (FrontPage Server Extensions: FPSE) or as "MS" for Microsoft (MSCS); letters
 * from anywhere inside it would read "WINS" as WIndows Nt Server.
 */
export function isAcronym(letters: string, name: string): boolean {
  const a = letters.toLowerCase();
  const cased = name
    .split(/[\s/-]+/)
    .map((w) => w.replace(/[^A-Za-z0-9+]/g, ''))
    .filter(Boolean);
  const words = cased.map((w) => w.toLowerCase());
  if (!/^[a-z+]{3,6}$/.test(a) || words.length < 2 || a.length < words.filter((w) => !SKIP.has(w)).length) return false;
  // The letters an earlier word may give after its initial: its inner capitals, or Microsoft's "S".
  const inner = (w: number): string[] =>
    words[w] === 'microsoft'
      ? ['s']
      : [...cased[w]!.slice(1)].filter((c) => /[A-Z]/.test(c)).map((c) => c.toLowerCase());
  const match = (i: number, w: number): boolean => {
    if (i === a.length) return words.slice(w).every((x) => SKIP.has(x));
    if (w >= words.length) return false;
    const word = words[w]!;
    if (SKIP.has(word) && match(i, w + 1)) return true;
    if (word[0] !== a[i]) return false;
    if (!words.slice(w + 1).every((x) => SKIP.has(x))) {
      let j = i + 1;
      if (match(j, w + 1)) return true;
      for (const c of inner(w)) if (a[j] === c && match(++j, w + 1)) return true;
      return false;
    }
    // The last word gives a[i] and then j more letters, taken in order from the rest of it.
    let at = 1;
    for (let j = i + 1; ; j++) {
      if (match(j, w + 1)) return true;
      if (j >= a.length) return false;
      const k = word.indexOf(a[j]!, at);
      if (k < 0) return false;
      at = k + 1;
    }
  };
  return match(0, 0);
}

const family = (name: string) => `other:${name.toLowerCase()}`;

/**
 * The record and the ticket with every product written in letters that the article's Version(s)
 * lines spell out renamed to the spelled-out name. Unchanged (the same objects) when there is none.
 */
export function withArticleNames(
  record: ArticleRecord,
  lines: readonly ProductMention[],
  products: readonly ProductMention[],
): { record: ArticleRecord; products: ProductMention[] } {
  // Each name as the line writes it, for its capitals ("FrontPage"); the family's is lower case.
  const cased = new Map<string, string>();
  for (const l of lines) {
    if (!l.family.startsWith('other:')) continue;
    const n = l.family.slice(6);
    const written = productName(l);
    if (!cased.has(n) || written.toLowerCase() === n) cased.set(n, written.toLowerCase() === n ? written : n);
  }
  const names = [...cased.keys()];
  const full = (short: string): string | null => {
    if (/\s/.test(short) || names.includes(short)) return null;
    return names.find((n) => isAcronym(short, cased.get(n)!)) ?? null;
  };
  let changed = false;
  const rename = (f: Fix): Fix => {
    if (!f.version) return f;
    const p = otherProduct(canonicalProduct(f.product, f.version).product, f.version);
    const name = p && /^[A-Z+]{3,6}$/.test(f.product.replace(/^Microsoft\s+/i, '')) ? full(p.family.slice(6)) : null;
    if (!name) return f;
    changed = true;
    const spelled = lines.find((l) => l.family === family(name))!;
    return { ...f, product: productName(spelled) };
  };
  const fixes = record.fixes.map(rename);
  const fix = record.fix ? rename(record.fix) : null;
  const out = products.map((p) => {
    const short = p.family.startsWith('other:') ? p.family.slice(6) : '';
    // Only letters written as letters: "MASM 5.1", not a word that happens to fit ("Mail 3.2").
    const name = short && /^[A-Z+]{3,6}\s/.test(p.name) ? full(short) : null;
    if (!name) return p;
    changed = true;
    return { ...p, family: family(name) };
  });
  return changed ? { record: { ...record, fix, fixes }, products: out } : { record, products: [...products] };
}
