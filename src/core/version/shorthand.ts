/**
 * Products as agents shorten them in tickets: "NT 4.0 Server SP6a", "NT4 SP6a", "W2K SP3",
 * "Win2k", "SQL 7", "IIS5", "Exch 5.5", "E2K", "SMS 2.0 SP1", "VB6 SP5", "VC++ 6", "VFP 6.0 SP3",
 * "SNA 4.0 SP2", "XL97", "Word97", "Outlook98", "O2K", "IE5.5", "WfW 3.11", "TSE 4.0", "eVB 3.0". Each becomes the product the archive's versions and fixes
 * name ("Windows NT 4.0", "Systems Management Server 2.0"), so a ticket's version can be judged
 * against an article's fix. The letters of a two- or three-letter shorthand must be capitals
 * ("vs", "ie" are words); the Windows and NT forms may be written in any case ("win2k", "nt4").
 */
import {
  FAMILIES,
  OFFICE_PROGRAMS,
  OFFICE_YEARS,
  S,
  SO,
  otherProduct,
  readProductTail,
  type ProductMention,
} from './products';

interface Short {
  /** Source with exactly one capture group: the version, possibly glued to the name ("2K3" of "W2K3"). */
  re: string;
  /** A family of the table (FAMILIES) or, for other products, the archive's name of the product. */
  family?: string;
  product?: string;
  /** Whole-number versions are written dotted for this product ("VB6" is Visual Basic 6.0). */
  dotted?: boolean;
  /** The version a name without one stands for (its group then captures nothing). */
  only?: string;
  /** Also a word of the trade ("TSE": a technical support engineer): a product only with its level written after it. */
  withLevel?: boolean;
  /** "XP" is this product's 2002 release (Office XP is Office 2002). */
  xpYear?: boolean;
}

/** Case-insensitive letters without the `i` flag, which would let "vs" and "ie" in. */
const ci = (word: string) => word.replace(/[a-z]/gi, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);

const YEARS_2K = '2[Kk]3?|2000|2003';

/**
 * A program glued to its year, with edges of its own: a name so written is often a path, host, address
 * or file ("C:\\db\\access2000.mdb", "office97.contoso.local", "word97@contoso.com", "word97.dot") or a
 * format's range ("Word97-2003 document"), none a product in use.
 */
const glued = (name: string) => `(?<![\\\\/@.])${name}(${OFFICE_YEARS})(?![-.@]\\w)`;
// A whole number, a dotted version or a year; what the product's ranks know is checked afterwards.
// A maintenance letter may follow a dotted version ("VFP 3.0b", "SMS 1.2a").
const NUMBER = '\\d{1,2}(?:\\.\\d{1,2}[a-z]?)?|9[5-8]|2000|2002|2003|2[Kk]3?';

const SHORTS: readonly Short[] = [
  // "NT 4.0", "NT4", "WinNT 4", "Windows NT 4" (the table's own pattern wants "4.0"), "NT Server 4.0",
  // "NT Server Version 4.0", "NT 3.1".
  {
    re: `(?:${ci('windows')}${S}|${ci('win')}${SO})?${ci('nt')}(?:${S}(?:(?:${ci('server')}|${ci('workstation')})(?:${SO}\\/${SO}(?:${ci('server')}|${ci('workstation')}))?|${ci('advanced')}${S}${ci('server')}))?${SO}(?:${ci('version')}${S})?(3\\.51|3\\.5|3\\.1|4\\.00?|4)`,
    family: 'windows',
    dotted: true,
  },
  // "Terminal Server Edition 4.0", "TSE 4.0": Windows NT 4.0's Terminal Server Edition, whose service packs are numbered as NT 4.0's.
  {
    re: `(?:${ci('terminal')}${S}${ci('server')}(?:${S}${ci('edition')})?|TSE)${SO}v?(4\\.00?|4)`,
    family: 'windows',
    dotted: true,
  },
  // "TSE with SP6": the edition was only ever 4.0 ("Terminal Server" alone may be Windows 2000's).
  { re: `${ci('terminal')}${S}${ci('server')}${S}${ci('edition')}()`, family: 'windows', only: '4.0' },
  { re: `TSE()`, family: 'windows', only: '4.0', withLevel: true },
  // "W2K", "Win2k", "Win 2000", "WinXP", "Win98", "W2K3"
  { re: `(?:[Ww]|${ci('win')}${SO})(${YEARS_2K}|XP|xp|Xp|95|98|ME|Me)`, family: 'windows' },
  // "XP SP1 clients", "XP Pro SP2": Windows XP, with its level (Office XP is written with its name).
  // Not an Office program's XP ("FrontPage XP SP1", "Visio XP").
  {
    re: `(?<!(?:${[...OFFICE_PROGRAMS.map((p) => p.name), 'Outlook', 'Works'].join('|')})${S})XP()`,
    family: 'windows',
    only: 'xp',
    withLevel: true,
  },
  { re: `${ci('exch')}\\.?${SO}(4\\.0|5\\.0|5\\.5|${YEARS_2K}|2007|2010)`, family: 'exchange' },
  { re: `(?:E|Ex|${ci('exchange')}${SO})(2[Kk]3?)`, family: 'exchange' },
  // "EX 5.5 sp3", "Ex5.5": capitals first, so the word "ex" is not a product.
  { re: `(?:EX|Ex)${SO}(4\\.0|5\\.0|5\\.5)`, family: 'exchange' },
  // "E55 SP4", "E5.5 sp3", "ex5.5 sp2", "Ex55": glued to the version, and only with a level after it
  // ("E55" may be a part or a grid cell).
  { re: `(?:E|EX|Ex|ex)(55|5\\.5)`, family: 'exchange', withLevel: true },
  {
    re: `${ci('sql')}(?:${S}${ci('server')})?${SO}(6\\.5|6\\.0|7\\.0|6|7|2[Kk]|2000|2005)`,
    family: 'sql-server',
    dotted: true,
  },
  { re: `(?:${ci('iis')})${SO}(2\\.0|3\\.0|4\\.0|5\\.0|5\\.1|6\\.0|[2-6])`, family: 'iis', dotted: true },
  { re: `(?:OL|${ci('outlook')}${SO})(2[Kk])`, family: 'outlook' },
  { re: `OL${SO}(97|98|2000|2002|XP|2003)`, family: 'outlook' },
  { re: `SMS${SO}v?(${NUMBER})`, product: 'Systems Management Server', dotted: true },
  { re: `SNA${SO}v?(${NUMBER})`, product: 'SNA Server', dotted: true },
  // "eMbedded VB 3.0", "eVB 3.0", "embedded Visual C++ 4.0": not the desktop products (before VB and VC).
  {
    re: `(?:${ci('embedded')}${S}(?:VB|${ci('visual')}${S}${ci('basic')})|eVB)${SO}v?(${NUMBER})`,
    product: 'eMbedded Visual Basic',
    dotted: true,
  },
  {
    re: `(?:${ci('embedded')}${S}(?:VC\\+\\+|${ci('visual')}${S}C\\+\\+)|eVC(?:\\+\\+)?)${SO}v?(${NUMBER})`,
    product: 'eMbedded Visual C++',
    dotted: true,
  },
  { re: `VB${SO}v?(${NUMBER})`, product: 'Visual Basic', dotted: true },
  { re: `(?:MS)?VC(?:\\+\\+)?${SO}v?(${NUMBER})`, product: 'Visual C++', dotted: true },
  { re: `VFP${SO}v?(${NUMBER})`, product: 'Visual FoxPro', dotted: true },
  { re: `VSS${SO}v?(${NUMBER})`, product: 'Visual SourceSafe', dotted: true },
  { re: `VS${SO}v?(97|6\\.0|6)`, product: 'Visual Studio', dotted: true },
  { re: `VJ\\+\\+${SO}v?(${NUMBER})`, product: 'Visual J++', dotted: true },
  { re: `HIS${SO}v?(2000|2004)`, product: 'Host Integration Server' },
  { re: `(?:MS)?IE${SO}(\\d(?:\\.\\d{1,2})?)`, product: 'Internet Explorer' },
  { re: `XL${SO}(${NUMBER})`, product: 'Excel' },
  // "Word97", "Office97", "Access2000", "Outlook98": the era's programs by year, glued (YEAR_APP_RE
  // in products.ts reads them spaced). Any case: glued to a year the word is the program.
  ...OFFICE_PROGRAMS.map((p) => ({ re: glued(ci(p.name)), product: p.name })),
  { re: glued(ci('outlook')), family: 'outlook' },
  // "Office XP", "O2K", "Word XP": XP is the suite's 2002 release (xpYear).
  { re: `(?:O|${ci('office')}${SO})(2[Kk]|XP)`, product: 'Office', xpYear: true },
  { re: `Word${S}(XP)`, product: 'Word', xpYear: true },
  { re: `Excel${S}(XP)`, product: 'Excel', xpYear: true },
  { re: `PowerPoint${S}(XP)`, product: 'PowerPoint', xpYear: true },
  { re: `Access${S}(XP)`, product: 'Access', xpYear: true },
  { re: `${ci('wfw')}${SO}v?(3\\.11|3\\.1)`, product: 'Windows for Workgroups' },
];

/** The archive's names of the products written in shorthand ("Visual Basic", "Host Integration Server"). */
export const SHORTHAND_PRODUCTS: readonly string[] = [
  ...new Set(SHORTS.flatMap((s) => (s.product ? [s.product] : []))),
];

// One regex for all: entry i's version is group i + 1. After the version: no letter or digit,
// except a glued service pack ("NT4SP6a").
const SHORT_RE = new RegExp(
  `(?<![\\w.+-])(?:${SHORTS.map((s) => s.re).join('|')})(?:(?![\\w+]|\\.\\d)|(?=[Ss][Pp]\\d))`,
  'g',
);

// What a number before it counts: licences, not releases ("Terminal Server 4 CALs", "50 per-seat licenses").
const COUNTED_RE =
  /^[\s\u00a0]{1,3}(?:(?:user|device|client|per-seat|per-server|concurrent)[\s\u00a0-]{1,3})?(?:CALs?|client[\s\u00a0]{1,3}access[\s\u00a0]{1,3}licen[cs]es?|licen[cs]es?|seats?)\b/i;

const VERSION_WORDS: Readonly<Record<string, string>> = { '2k': '2000', '2k3': '2003', '55': '5.5' };

function versionOf(raw: string, s: Short): string {
  if (s.only) return s.only;
  let v = raw.toLowerCase();
  v = VERSION_WORDS[v] ?? (s.xpYear && v === 'xp' ? '2002' : v);
  if (s.dotted && /^\d$/.test(v)) v += '.0';
  if (s.dotted && /^\d\.00$/.test(v)) v = v.slice(0, 3);
  return v;
}

/** Shorthand product mentions in `text` that no mention in `known` already covers, in text order. */
export function findShorthandProducts(text: string, known: readonly ProductMention[], limit = 200): ProductMention[] {
  const out: ProductMention[] = [];
  SHORT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SHORT_RE.exec(text)) && out.length < limit) {
    const start = m.index;
    const tail = readProductTail(text, start + m[0].length);
    const end = tail.end;
    if (known.some((k) => k.start < end && start < k.end)) continue;
    let i = 0;
    while (i < SHORTS.length && m[i + 1] === undefined) i++;
    const s = SHORTS[i];
    if (!s) continue;
    // "Terminal Server 4 CALs", "SQL 7 licenses": a whole number before what is counted is a count.
    if (/^\d{1,2}$/.test(m[i + 1]!) && COUNTED_RE.test(text.slice(start + m[0].length, start + m[0].length + 40)))
      continue;
    const version = versionOf(m[i + 1]!, s);
    const { sp, build } = tail;
    if (s.withLevel && sp === null) continue;
    const p = s.family
      ? familyMention(s.family, version, sp, build, start, end)
      : otherProduct(s.product!, version, sp, start, end);
    if (p) out.push(p);
  }
  return out;
}

function familyMention(
  family: string,
  version: string,
  sp: string | null,
  build: string | null,
  start: number,
  end: number,
): ProductMention | null {
  const nine = family === 'windows' && ['95', '98', 'me'].includes(version);
  const f = FAMILIES.find((x) => x.family === (nine ? 'windows-9x' : family));
  const rank = f?.ranks[version];
  if (!f || rank === undefined) return null;
  const shown = version === 'xp' ? 'XP' : version === 'me' ? 'Me' : version;
  const name =
    f.family === 'windows' && (version === '4.0' || version === '3.51' || version === '3.5' || version === '3.1')
      ? `Windows NT ${version}`
      : `${f.name} ${shown}`;
  return { family: f.family, name, version, rank, sp, build, start, end };
}
