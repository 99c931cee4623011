/**
 * Where the article says its problem does not occur: "This problem does not occur in Exchange
 * Server version 5.0", "... does not occur in later versions of Windows for Workgroups", "This
 * error does not occur in the QB.EXE editor which comes with QuickBASIC Version 4.50". Each is a
 * version a ticket may run without the problem (verdict.ts: not affected), which is not a fix:
 * an earlier version never had the problem.
 *
 * Left out, because they do not say a version is free of the problem: conditions ("in Windows 3.1
 * running in standard mode", "if you ...", "16-color mode"), modes and tools without a version
 * ("the QB.EXE environment"), and any version the article itself lists as affected (the sentence
 * then speaks of a setting within it).
 */
import type { Absence } from './types';
import type { Section } from './sections';
import { collapse, sentences, withoutMicrosoft } from './text';
import { productVersionsIn } from './product-versions';
import { canonicalProduct, otherProduct, otherProductOf } from '../version/products';
import { compareVersions } from '../version/compare';

const ABSENT =
  /\b(?:problems?|behaviou?rs?|errors?|bugs?|issues?|conditions?|symptoms?|this|it)\s+(?:does|do|did)\s*(?:not|n't)\s+(?:occur|happen|exist|appear)\s+(?:in|with|under)\s+(.+)$/i;
/** Where the object of "does not occur in" ends: a reason, a contrast, another clause. */
const CLAUSE_END =
  /[;:(]|\s(?:because|since|as|so|but|which|where|although|though|however|due)\s|,\s+(?:because|since|as|so|but|and|which|where|although|though|however)\s|\.\s*$/i;
/** A condition or a setting inside the version: not a version free of the problem. */
const CONDITIONAL =
  /\b(?:if|when|whenever|unless|while|running|using|used|mode|configured|installed|connected|after|before|without)\b/i;
const RANGE =
  /^(?:(?:all|any)\s+)?(?:the\s+)?(later|newer|subsequent|earlier|previous|prior|older)\s+(?:(.{1,40}?)\s+)?(?:versions?|releases?)(?:\s+of\s+(?:the\s+)?(.{1,60}))?$/i;
/**
 * The absences the article states. `versions` are its normalised affected versions ("Windows for
 * Workgroups 3.1"): a range ("later versions of the product") is bounded by them, and an absence
 * they contradict is dropped.
 */
export function readAbsences(sections: readonly Section[], versions: readonly string[]): Absence[] {
  const listed = versions.map(listedVersion).filter((v): v is { product: string; version: string } => v !== null);
  const out: Absence[] = [];
  const add = (a: Absence) => {
    if (out.some((o) => o.product === a.product && o.version === a.version && o.range === a.range)) return;
    out.push(a);
  };
  for (const section of sections) {
    if (section.name === 'PREAMBLE' && section.lines.length === 0) continue;
    const text = collapse(section.lines.map((l) => l.text).join(' '));
    if (!/\bnot\s+(?:occur|happen|exist|appear)|n't\s+(?:occur|happen)/i.test(text)) continue;
    for (const sentence of sentences(text)) {
      const m = ABSENT.exec(sentence);
      if (!m) continue;
      const object = m[1]!
        // "the editor which comes with QuickBASIC 4.50": the release it comes with, not a clause.
        .replace(/\s(?:which|that)\s+(?:comes?|ships?|is\s+(?:shipped|included|provided))\s+with\s/gi, ' with ')
        .split(CLAUSE_END)[0]!
        .trim()
        .replace(/[.,]+$/, '');
      // A service pack in the object is a fix ("does not exist with ... Service Pack 4"): fixes.ts reads those.
      if (!object || CONDITIONAL.test(object) || /\bservice\s+pack\b|\bSP\s?\d/i.test(object)) continue;
      for (const a of absencesIn(object, listed)) add(a);
    }
  }
  return out;
}

function absencesIn(object: string, listed: readonly { product: string; version: string }[]): Absence[] {
  const range = RANGE.exec(object);
  if (range) return rangeAbsences(range, listed);
  const out: Absence[] = [];
  for (const { product, version, andLater } of productVersionsIn(object)) {
    if (listed.some((l) => sameProduct(l.product, product) && sameVersion(l.version, version))) continue;
    out.push({ product, version, range: 'at' });
    if (andLater) out.push({ product, version, range: 'later' });
  }
  return out;
}

/** "later versions of Windows for Workgroups", "earlier versions of Word", "later versions of the product". */
function rangeAbsences(m: RegExpExecArray, listed: readonly { product: string; version: string }[]): Absence[] {
  const later = /^(?:later|newer|subsequent)$/i.test(m[1]!);
  const named = withoutMicrosoft((m[3] ?? m[2] ?? '').trim());
  // "the product", "this product", none: every product the article lists.
  const anyProduct = !named || /^(?:the\s+|this\s+)?(?:product|software|program|application)s?$/i.test(named);
  if (!anyProduct && !/^[A-Z]/.test(named)) return [];
  const mine = anyProduct ? listed : listed.filter((l) => startsWithName(l.product, named));
  const out: Absence[] = [];
  const byProduct = new Map<string, string[]>();
  for (const l of mine) byProduct.set(l.product, [...(byProduct.get(l.product) ?? []), l.version]);
  for (const [product, vs] of byProduct) {
    const sorted = [...vs].sort((a, b) => compareVersions(rankOf(a), rankOf(b)));
    const bound = later ? sorted[sorted.length - 1]! : sorted[0]!;
    // "later versions of Windows" in a Windows for Workgroups article: the line is Windows.
    const line = anyProduct ? product : canonicalProduct(named, bound).product;
    out.push({ product: line, version: bound, range: later ? 'later' : 'earlier' });
  }
  return out;
}

/** "Windows for Workgroups 3.1" -> its product and version; null for a line without a version. */
function listedVersion(line: string): { product: string; version: string } | null {
  const p = otherProductOf(line);
  if (!p) return null;
  const name = p.name.slice(0, p.name.length - p.version.length).trim();
  return canonicalProduct(name, p.version);
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/\bfor windows\b.*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
function sameProduct(a: string, b: string): boolean {
  return norm(a) === norm(b);
}
function startsWithName(product: string, name: string): boolean {
  const p = norm(product);
  const n = norm(name);
  return p === n || p.startsWith(n + ' ');
}
/** Dotted rank with a maintenance letter after its release ("5.0a" after "5.0"), as products.ts ranks it. */
const rankOf = (v: string) => otherProduct('x', v)?.rank ?? v;
function sameVersion(a: string, b: string): boolean {
  return compareVersions(rankOf(a), rankOf(b)) === 0;
}
