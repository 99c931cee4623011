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
 * `letters` ("sms") are the initials of the words of `name` ("systems management server") in
 * order, one letter a word; a joining word may give its initial or not ("SFU": Services for UNIX).
 * Only initials: letters taken from inside words read "WINS" as Windows NT Server and "MAIL" as
 * Macro Assembler. A name written with letters from inside its words ("Macro Assembler (MASM)") is
 * one only where the article writes the letters beside it (spelledBeside).
 */
export function isAcronym(letters: string, name: string): boolean {
  const a = letters.toLowerCase();
  const words = name
    .toLowerCase()
    .split(/[\s/-]+/)
    .map((w) => w.replace(/[^a-z0-9+]/g, ''))
    .filter(Boolean);
  if (!/^[a-z+]{3,6}$/.test(a) || words.length < 2) return false;
  const match = (i: number, w: number): boolean => {
    if (w === words.length) return i === a.length;
    const word = words[w]!;
    if (SKIP.has(word) && match(i, w + 1)) return true;
    return i < a.length && word[0] === a[i] && match(i + 1, w + 1);
  };
  return match(0, 0);
}

/** The article writes the letters in parentheses beside the name: "Macro Assembler (MASM) 5.1". */
export function spelledBeside(letters: string, lines: readonly string[]): string | null {
  const re = new RegExp(`^(?:Microsoft\\s+)?(.+?)\\s*\\(\\s*${letters.replace(/[^a-z0-9]/gi, '')}\\s*\\)`, 'i');
  for (const l of lines) {
    const m = re.exec(l);
    if (m) return m[1]!.trim().toLowerCase();
  }
  return null;
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
  const names = [...new Set(lines.filter((l) => l.family.startsWith('other:')).map((l) => l.family.slice(6)))];
  const full = (short: string): string | null => {
    if (/\s/.test(short) || names.includes(short)) return null;
    const beside = spelledBeside(short, record.versions);
    if (beside) return names.find((n) => n === beside || n.startsWith(`${beside} `)) ?? null;
    return names.find((n) => isAcronym(short, n)) ?? null;
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
