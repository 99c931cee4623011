/**
 * The "The information in this article applies to:" block: the real affected products and their
 * versions (the header's Product(s) is only the category). MSPL articles have no block and name
 * their products in a prose sentence instead ("This information applies to Microsoft QuickBASIC
 * versions 4.00, 4.00b, and 4.50 for MS-DOS; ..."), which is read the same way.
 */
import type { BodyLine } from './body-lines';
import { FOR_PLATFORM } from '../version/products';
import { collapse, sentences, uniqueNoCase, withoutMicrosoft } from './text';
import { productVersionsIn } from './product-versions';

export interface AppliesTo {
  /** True when the article has an applies-to block. */
  found: boolean;
  /** Product names as written ("Microsoft Exchange Server"). */
  products: string[];
  /** Normalised "Exchange Server 5.5" strings. */
  versions: string[];
  /** "the operating system:" items. */
  os: string[];
  /** Index into the body lines of the first line after the block (or where it would be). */
  end: number;
}

interface Item {
  indent: number;
  text: string;
}

const LEAD_IN = /\b(?:information in this article|this article) applies to\b/i;
const RULE = /^\s*-{20,}\s*$/;
/** A version as lists write it: "4.0", "5.5", "4.00b", "97", "2000", "3.0a". */
const VERSION = /^(\d+(?:\.\d+)*[a-z]?)(?![\w.])/i;
/** Product model names that act as a version at the end of a name ("Windows 95", "Outlook 98"). */
const MODEL = /^(?:95|97|98|2000|2002|2003|XP|Me|NT|\.NET)$/i;
/** "Windows 2000 Professional", "Word 97 for Windows": a model number, then editions or the platform. */
const MODEL_LINE = new RegExp(
  String.raw`\s(?:95|97|98|2000|2002|2003|XP|Me)(?:\s+(?:(?:Advanced|Datacenter|Small Business)\s+)?(?:Server|Professional|Workstation|Home Edition|Standard Edition|Enterprise Edition|${FOR_PLATFORM}))+$`,
  'i',
);
/**
 * A model number or year inside a product's name, with more words after it: "Windows 98 Second
 * Edition", "Office 97 Developer Edition", "Encarta 96 Encyclopedia for Windows", "SQL Server 2000
 * (all editions)", "Bookshelf 1996-97 for Windows", "Visual C++.NET (2002)". The whole line is then
 * that release, as "Windows 95" is. "NT" is not a model ("Windows NT Advanced Server" has no version).
 */
const MODEL_INSIDE =
  /(?:\s|\.NET\s*)\(?(?:9[5-9]|200[0-3]|XP|Me|Millennium|(?:19[89]\d|20[0-2]\d)|(?:9\d|19[89]\d)-(?:\d{2}|20\d\d))\)?(?=[\s,]|$)/i;
/** "Cinemania for Windows, 1992, 1993, 1996 editions", "Baseball for Windows, 1995 edition": yearly editions, each a release. */
const YEAR_EDITIONS =
  /^(.*?),\s+((?:19|20)\d\d(?:-\d{2,4})?(?:\s*(?:,|,?\s*and|,?\s*or)\s*(?:19|20)\d\d(?:-\d{2,4})?)*)\s+editions?$/i;
/** "2000, 2000 SP1 Professional": the edition after a list of one model's releases belongs to each of them. */
const LIST_EDITION =
  /^((?:2000|XP)\b.*?)\s+((?:(?:Advanced|Datacenter|Small Business)\s+)?(?:Server|Professional|Workstation|Home Edition|Professional Edition))$/i;
/** The archive's editor notes inside a product line: "*EDITOR Please do not choose this product*...* use 241, 265, 225,". */
const EDITOR_NOTE = /^\*EDITOR\b[^*]*\*\s*|\*\s*use\s+\d{3,4}(?:\s*,\s*\d{3,4})*(?=[\s,]|$)/gi;

export function readAppliesTo(lines: readonly BodyLine[], from: number, to: number): AppliesTo {
  const out: AppliesTo = { found: false, products: [], versions: [], os: [], end: from };
  let lead = -1;
  // The block sits near the top; a BETA disclaimer or stray header residue can come first.
  for (let i = from; i < Math.min(to, from + 60); i++) {
    if (LEAD_IN.test(lines[i]!.text) && /applies to\s*(?:the following products)?\s*:?\s*$/i.test(lines[i]!.text)) {
      lead = i;
      break;
    }
  }
  if (lead < 0) return out;
  out.found = true;

  const items: Item[] = [];
  let i = lead + 1;
  for (; i < to; i++) {
    const text = lines[i]!.text;
    // A rule or a repeated lead-in before any item (kb/118/Q118694 says the lead-in twice, a
    // rule between) does not end the block.
    if (items.length === 0 && (LEAD_IN.test(text) || (RULE.test(text) && LEAD_IN.test(nextText(lines, i + 1, to)))))
      continue;
    if (RULE.test(text)) {
      i++;
      break;
    }
    if (text.trim() === '') {
      // A blank line after the items without a closing rule ends the block.
      if (items.length > 0 && !/^\s*-\s/.test(lines[i + 1]?.text ?? '')) break;
      continue;
    }
    const bullet = /^(\s*)-\s+(.*)$/.exec(text);
    if (bullet) items.push({ indent: bullet[1]!.length, text: bullet[2]!.trim() });
    else if (items.length > 0 && /^\s+\S/.test(text)) items[items.length - 1]!.text += ' ' + text.trim();
    else if (items.length > 0) break;
  }
  out.end = i;

  const products: string[] = [];
  const versions: string[] = [];
  const os: string[] = [];
  for (const item of items) addItem(item.text, products, versions, os);
  out.products = uniqueNoCase(products);
  out.versions = uniqueNoCase(versions);
  out.os = uniqueNoCase(os);
  return out;
}

/** The next non-blank line's text, or "". */
function nextText(lines: readonly BodyLine[], from: number, to: number): string {
  for (let j = from; j < to; j++) if (lines[j]!.text.trim()) return lines[j]!.text;
  return '';
}

/** One bullet: a product with its versions, a group parent, an operating system or hardware. */
function addItem(raw: string, products: string[], versions: string[], os: string[]): void {
  let text = collapse(raw.replace(EDITOR_NOTE, '')).replace(/[\s,;]+$/, '');
  const osItem = /^the operating system\s*:\s*(.+)$/i.exec(text);
  if (osItem) {
    // Kept as written ("Microsoft Windows NT 4.0", "Mac OS (ALL)"): the version is part of the OS.
    const name = cleanName(osItem[1]!);
    if (name) os.push(name);
    return;
  }
  if (/^the hardware\s*:/i.test(text)) return;
  // Group parents: the children (indented bullets) carry their own product lines.
  text = text
    .replace(
      /,?\s*(?:when )?(?:used with|included with|on (?:the following )?platform\(?s?\)?|as follows)\s*:?\s*$/i,
      '',
    )
    .replace(/\s*:\s*$/, '')
    .replace(/[\s,;]+$/, '');
  if (!text) return;
  const parsed = parseProduct(text);
  if (!parsed.name) return;
  products.push(parsed.name);
  const base = withoutMicrosoft(parsed.name);
  for (const v of parsed.versions) versions.push(v ? `${base} ${v}` : base);
}

export interface ParsedProduct {
  name: string;
  versions: string[];
}

/**
 * "Microsoft Exchange Server, versions 4.0, 5.0, 5.5" -> name + ["4.0", "5.0", "5.5"];
 * "Microsoft Windows NT Server version 4.0 SP4" -> [ "4.0 SP4" ];
 * "Microsoft Internet Information Server 4.0" -> name without the number + ["4.0"];
 * "Microsoft Windows 95" -> the name keeps its model number and is its own version line.
 */
export function parseProduct(text: string): ParsedProduct {
  const t = collapse(text);
  const listed = /^(.*?),?\s+versions?\s*:?\s+(.+)$/i.exec(t);
  if (listed && /\d/.test(listed[2]!)) {
    // "version 5.5 Service Packs 1, 2": one version at several service pack levels.
    const packs = /^(\d+(?:\.\d+)*[a-z]?)\s+Service\s+Packs\s+(.+)$/i.exec(listed[2]!.trim());
    if (packs) {
      const levels = packs[2]!.split(/\s*,\s*|\s+(?:and|or)\s+/).filter((x) => /^\d+[a-z]?$/i.test(x));
      return { name: cleanName(listed[1]!), versions: levels.map((n) => `${packs[1]} SP${n}`) };
    }
    // "version 4.0, Terminal Server Edition": one version of an edition with its own line.
    const edition = /^(\d+(?:\.\d+)*[a-z]?)\s*,\s*((?:[A-Z][\w-]*\s+){1,3}Edition)$/.exec(listed[2]!.trim());
    if (edition) return { name: cleanName(listed[1]!), versions: [`${edition[1]} ${edition[2]}`] };
    const each = LIST_EDITION.exec(listed[2]!.trim());
    if (each) {
      const releases = versionList(each[1]!).map((v) => v.replace(/^(\S+)/, `$1 ${each[2]!}`));
      return { name: cleanName(listed[1]!), versions: releases };
    }
    return { name: cleanName(listed[1]!), versions: versionList(listed[2]!) };
  }
  const trailing = /^(.*\S)\s+(\d+(?:\.\d+)+[a-z]?)(?:\s*(?:SP|Service Pack)\s*(\d+[a-z]?))?$/i.exec(t);
  if (trailing && /[a-z]/i.test(trailing[1]!)) {
    const v = trailing[2]! + (trailing[3] ? ` SP${trailing[3]}` : '');
    return { name: cleanName(trailing[1]!), versions: [v] };
  }
  const years = YEAR_EDITIONS.exec(t);
  if (years && /[a-z]/i.test(years[1]!)) return { name: cleanName(years[1]!), versions: versionList(years[2]!) };
  // "Microsoft Windows 2000 Professional", "Microsoft Word 97 for Windows": a model number, then
  // the edition or platform; the whole is the product line.
  if (MODEL_LINE.test(t)) {
    return { name: cleanName(t), versions: [''] };
  }
  const words = t.split(' ');
  const last = words[words.length - 1] ?? '';
  if (words.length > 1 && MODEL.test(last) && !/^NT$/i.test(last)) {
    // "Microsoft Windows 95", "Microsoft Outlook 98": the model is part of the product's name.
    return { name: cleanName(t), versions: [''] };
  }
  // A book ("MSPRESS Microsoft Windows 2000 Server Resource Kit ISBN ...") is no release.
  if (MODEL_INSIDE.test(t) && !/^MSPRESS\b|\bISBN\b/i.test(t)) return { name: cleanName(t), versions: [''] };
  return { name: cleanName(t), versions: [] };
}

function cleanName(name: string): string {
  return collapse(name)
    .replace(/^[-\s]+/, '')
    .replace(/[\s,;:]+$/, '');
}

/**
 * "4.0, 5.0, 5.5" / "3.51 and 4.0" / "4.0, 4.0 SP4, Terminal Server Edition" / "4.0SP1" / "1.0 for
 * Windows": version tokens with their SP level; edition and platform words are dropped.
 */
export function versionList(list: string): string[] {
  const out: string[] = [];
  for (const piece of list.replace(/(\d)SP(\d)/gi, '$1 SP$2').split(/\s*[,;|]\s*|\s+(?:and|or|&)\s+/i)) {
    let p = piece.trim().replace(/^(?:and|or)\s+/i, '');
    if (!p) continue;
    // Space-separated lists ("3.00 4.00 5.00") hold several versions in one piece.
    const tokens = p.split(/\s+/);
    if (tokens.length > 1 && tokens.every((x) => VERSION.test(x) && VERSION.exec(x)![1] === x)) {
      out.push(...tokens);
      continue;
    }
    const m =
      /^(\d+(?:\.\d+)*[a-z]?|95|97|98|2000|2002|XP|Me)(?![\w.])\s*(?:\(?\s*(?:SP|Service Pack)\s*(\d+[a-z]?)\)?)?/i.exec(
        p,
      );
    if (!m) continue;
    p = m[1]! + (m[2] ? ` SP${m[2]}` : '');
    out.push(p);
  }
  return out;
}

/**
 * The MSPL prose form, in the article's first lines:
 * "This information applies to Microsoft QuickBASIC versions 4.00, 4.00b, and 4.50 for MS-DOS; to
 * Microsoft BASIC Compiler versions 6.00 and 6.00b for MS-DOS; ...".
 */
export function readProseAppliesTo(
  lines: readonly BodyLine[],
  from: number,
  to: number,
): Pick<AppliesTo, 'products' | 'versions'> {
  const text = collapse(
    lines
      .slice(from, Math.min(to, from + 40))
      .map((l) => l.text)
      .join(' '),
  );
  const m = /\b(?:information|article)\s+applies\s+to\s+(.{5,600}?)(?:\.\s|\.$|$)/i.exec(text);
  if (!m) return { products: [], versions: [] };
  const products: string[] = [];
  const versions: string[] = [];
  for (const clause of m[1]!.split(/;\s*(?:and\s+)?(?:to\s+)?/)) {
    const c =
      /^(?:to\s+)?((?:Microsoft|MS)\s+[A-Z][\w+/#().-]*(?:\s+[A-Z0-9][\w+/#().-]*)*?)(?:,)?\s+versions?\s+([\d.a-z,\s]+?)(?:\s+(?:for|on|under|running)\b.*)?$/i.exec(
        clause.trim(),
      );
    if (!c) continue;
    const name = cleanName(c[1]!);
    products.push(name);
    for (const v of versionList(c[2]!)) versions.push(`${withoutMicrosoft(name)} ${v}`);
  }
  return { products: uniqueNoCase(products), versions: uniqueNoCase(versions) };
}

/** "Microsoft has confirmed this to be a problem in <products and versions>": group 1 names them (fixes.ts reads it too). */
export const CONFIRMED_IN = /\bconfirmed (?:this|that this|these) to be (?:a )?(?:problems?|bugs?) in\s+(.+)$/i;

/** "This problem occurs in QuickBASIC Versions 4.00 and 4.00b, and in ...": the same statement, said without "confirmed". */
const OCCURS_CLAUSE_END =
  /\bbut\b|\bdoes(?:\s+not|n't)\b|\bnot\b|\b(?:was|were|is|are|has|have|had)\b|\b(?:because|when|whenever|if|unless|that|which|who|where|while|after|before|since|than|from|earlier|prior)\b|\blater\s+than\b/i;
const OCCURS_IN = /\b(?:problem|bug|behavior|error)s?\s+(?:also\s+)?(?:only\s+)?occurs?\s+(?:only\s+)?in\s+(.+)$/i;

/**
 * An article with no applies-to block or sentence (many MSPL ones): the versions its "Microsoft has
 * confirmed this to be a problem in QuickBASIC Versions 4.00 and 4.00b, and in the BASIC Compiler
 * Version 6.00" sentence names. "... in the products listed at the beginning" names none.
 */
export function readConfirmedVersions(lines: readonly BodyLine[], from: number, to: number): string[] {
  const text = collapse(
    lines
      .slice(from, to)
      .map((l) => l.text)
      .join(' '),
  );
  if (!/\bconfirmed\b|\boccurs?\b/i.test(text)) return [];
  const out: string[] = [];
  for (const sentence of sentences(text)) {
    const confirmed = CONFIRMED_IN.exec(sentence);
    const occurs = confirmed ? null : OCCURS_IN.exec(sentence);
    // "... occurs only in QuickBASIC 4.50; it does not occur in ...", "... occurs in Excel 5.0 and was
    // corrected in Excel 7.0", "... in versions earlier than Word 97", "... in files converted from
    // Word 6.0": the versions it names end where another clause or a comparison starts.
    const named = confirmed ? confirmed[1]! : occurs ? occurs[1]!.split(OCCURS_CLAUSE_END)[0]! : null;
    if (named === null) continue;
    for (const p of productVersionsIn(named)) out.push(`${p.product} ${p.version}`);
  }
  return uniqueNoCase(out);
}
