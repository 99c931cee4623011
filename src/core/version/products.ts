/**
 * Product names with a version, as tickets and the index's normalised `versions` write them:
 * "Exchange Server 5.5 SP4", "Exchange 2000 Server", "Windows NT Server 4.0 SP6a", "Outlook 98".
 * Every product family maps its marketing versions to a dotted rank so "2000" compares above "5.5".
 */
import { LEVEL, RELEASE_WORDS, levelOfProductAfter, normalLevel, releaseLevel } from './levels';

export { releaseLevel };

export interface ProductFamily {
  family: string;
  /** Display name: "Exchange Server". */
  name: string;
  /** Marketing version -> dotted rank. */
  ranks: Readonly<Record<string, string>>;
}

const EXCHANGE: ProductFamily = {
  family: 'exchange',
  name: 'Exchange Server',
  ranks: {
    '4.0': '4.0',
    '5.0': '5.0',
    '5.5': '5.5',
    '2000': '6.0',
    '2003': '6.5',
    '2007': '8.0',
    '2010': '14.0',
    '2013': '15.0',
    '2016': '15.1',
    '2019': '15.2',
  },
};
const OUTLOOK: ProductFamily = {
  family: 'outlook',
  name: 'Outlook',
  ranks: {
    '97': '8.0',
    '98': '8.5',
    '2000': '9.0',
    '2002': '10.0',
    xp: '10.0',
    '2003': '11.0',
    '2007': '12.0',
    '2010': '14.0',
  },
};
const WINDOWS: ProductFamily = {
  family: 'windows',
  name: 'Windows',
  ranks: { '3.1': '3.1', '3.5': '3.5', '3.51': '3.51', '4.0': '4.0', '2000': '5.0', xp: '5.1', '2003': '5.2' },
};
const WINDOWS_9X: ProductFamily = {
  family: 'windows-9x',
  name: 'Windows',
  ranks: { '95': '4.0', '98': '4.10', me: '4.90' },
};
const SQL: ProductFamily = {
  family: 'sql-server',
  name: 'SQL Server',
  ranks: { '6.0': '6.0', '6.5': '6.5', '7.0': '7.0', '2000': '8.0', '2005': '9.0' },
};
const IIS: ProductFamily = {
  family: 'iis',
  name: 'Internet Information Server',
  ranks: { '2.0': '2.0', '3.0': '3.0', '4.0': '4.0', '5.0': '5.0', '5.1': '5.1', '6.0': '6.0' },
};

export const FAMILIES: readonly ProductFamily[] = [EXCHANGE, OUTLOOK, WINDOWS, WINDOWS_9X, SQL, IIS];

export interface ProductMention {
  family: string;
  /** Readable: "Exchange Server 5.5". */
  name: string;
  /** Marketing version, lower case: "5.5", "2000", "xp". */
  version: string;
  /** Dotted rank for comparisons: "6.0" for Exchange 2000. */
  rank: string;
  /** Service pack level as written ("4", "6a"); null when none is named. */
  sp: string | null;
  /** A build number written with the product ("2653", "5.5.2653.0"); null when none. */
  build: string | null;
  /** The span in the text the mention came from (0/0 for mentions made up from a fix). */
  start: number;
  end: number;
  /** A suite release made from one of its programs (suites.ts): that program's family ("other:word"). */
  program?: string;
  /** Windows NT 4.0's Terminal Server Edition, whose service packs are its own (editions.ts). */
  line?: 'tse';
  /** The level the ticket says was removed ("uninstalled SP4"; removals.ts): the installed one is below it. */
  below?: string;
  /** Named as what an article says or a fix is in ("the KB lists VFP 5.0a", "fixed in 6.0"), not as a machine's. */
  quoted?: true;
  /** Said of a machine of its own ("box 1 has 5.0", "the rest on 5.5"; machine-cues.ts). */
  machine?: true;
  /** In a sentence of a machine gone, past or elsewhere ("we used to run 5.0"; machine-cues.ts). */
  former?: true;
}

// Every quantifier is bounded, so a hostile run of spaces after "Exchange 5.5" costs O(run), not O(run²).
export const S = '[\\s\\u00a0]{1,3}';
export const SO = '[\\s\\u00a0]{0,3}';
const SP_TAIL =
  // "NT4/SP6a", "Exchange 5.5/SP4": a slash between the version and its level too.
  `(?:[\\s,(/\\u00a0]{0,4}(?:with${S}|w/${SO}|plus${S})?(?:the${S})?${LEVEL})?` +
  // "(Build 2448.4: Service Pack 2)": a dialog's build, then its level.
  `(?:[\\s,(\\u00a0]{0,4}build${SO}[:#]?${SO}(\\d{1,4}(?:\\.\\d{1,5}){0,3})(?:${SO}[:;,]${SO}${LEVEL})?)?` +
  // The release itself or the newest level, in words: "Windows 2000 Server RTM", "NT 3.5 without a
  // service pack", "Word 97 (no SR)", "Outlook 2000 original release", "NT 4 with the latest service pack" (service pack "0" / "latest", releaseLevel).
  `(?:[\\s,(\\u00a0]{0,4}(${RELEASE_WORDS}))?`;
// "Workstation/Server", "Server and Workstation": both editions named at once share the level after them.
const BOTH_EDITIONS = `(?:${SO}\\/${SO}|${S}(?:and|or)${S})(?:server|workstation)`;
const EDITION = `(?:${S}(?:advanced${S}server|datacenter${S}server|(?:server|workstation)(?:${BOTH_EDITIONS})?|adv\\.?${SO}server|professional|pro(?![a-z])|as|ads|srv|wks|(?:standard|enterprise)(?:${S}edition)?|terminal${S}server(?:${S}edition)?|tse))?`;

const PRODUCT_RE = new RegExp(
  '(?<![a-z0-9])(?:microsoft' +
    S +
    ')?(?:' +
    `(exchange(?:${S}server)?)${S}(?:version${S})?(4\\.0|5\\.0|5\\.5|2000|2003|2007|2010|2013|2016|2019)(?!\\d|\\.\\d)` +
    `|(outlook)${S}(97|98|2000|2002|xp|2003|2007|2010)(?!\\d|\\.\\d)` +
    // 3.1 only as NT's ("Windows NT 3.1"): "Windows 3.1" is the 16-bit Windows, another product.
    `|(windows(?:${S}nt)?(?:${S}(?:server|workstation)(?:${BOTH_EDITIONS})?)?)${S}(?:version${S})?(3\\.51|3\\.5|(?<=nt${S}(?:(?:server|workstation)${S})?(?:version${S})?)3\\.1|4\\.0|2000|2003|xp|95|98|me)(?!\\d|\\.\\d)` +
    `|(sql${S}server)${S}(?:version${S})?(6\\.0|6\\.5|7\\.0|2000|2005)(?!\\d|\\.\\d)` +
    `|(internet${S}information${S}serv(?:er|ices)|iis)${S}(?:version${S})?(2\\.0|3\\.0|4\\.0|5\\.0|5\\.1|6\\.0)(?!\\d|\\.\\d)` +
    ')' +
    EDITION +
    SP_TAIL,
  'gi',
);

// What may follow a product's version: an edition ("W2K AS SP2": Advanced Server), a service pack, a build and a
// dialog's level after it, release words (groups 1 to 4).
const TAIL_RE = new RegExp(EDITION + SP_TAIL, 'iy');

/** The edition, service pack and build written right after a product's version at `at`. */
export function readProductTail(text: string, at: number): { sp: string | null; build: string | null; end: number } {
  TAIL_RE.lastIndex = at;
  const m = TAIL_RE.exec(text);
  if (!m) return { sp: null, build: null, end: at };
  const end = at + m[0].length;
  // "NT 4.0, with SP2 of the Option Pack": a level ending the tail may be the next product's.
  const sp = m[1] && !m[2] && !m[4] && levelOfProductAfter(text, end) ? undefined : (m[1] ?? m[3]);
  return { sp: sp ? normalLevel(sp) : releaseLevel(m[4]), build: m[2] ?? null, end };
}

function familyFor(groupIndex: number, version: string): ProductFamily {
  switch (groupIndex) {
    case 1:
      return EXCHANGE;
    case 3:
      return OUTLOOK;
    case 5:
      return ['95', '98', 'me'].includes(version) ? WINDOWS_9X : WINDOWS;
    case 7:
      return SQL;
    default:
      return IIS;
  }
}

function displayName(family: ProductFamily, productText: string, version: string): string {
  if (family === WINDOWS && ['4.0', '3.51', '3.5', '3.1'].includes(version)) return `Windows NT ${version}`;
  if (family === WINDOWS || family === WINDOWS_9X)
    return `Windows ${version === 'xp' ? 'XP' : version === 'me' ? 'Me' : version}`;
  if (family === OUTLOOK) return `Outlook ${version === 'xp' ? 'XP' : version}`;
  void productText;
  return `${family.name} ${version}`;
}

/** Every product-with-version mention in `text`, in text order (capped for hostile input). */
export function findProductMentions(text: string, limit = 200): ProductMention[] {
  const out: ProductMention[] = [];
  PRODUCT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PRODUCT_RE.exec(text)) && out.length < limit) {
    let g = 1;
    while (g <= 9 && m[g] === undefined) g += 2;
    const version = (m[g + 1] ?? '').toLowerCase();
    const family = familyFor(g, version);
    const rank = family.ranks[version];
    if (rank === undefined) continue;
    const end = m.index + m[0].length;
    // "NT 4.0, with SP2 of the Option Pack": a level ending the match may be the next product's.
    const level = m[11] && !m[12] && !m[14] && levelOfProductAfter(text, end) ? undefined : (m[11] ?? m[13]);
    out.push({
      family: family.family,
      name: displayName(family, m[g] ?? '', version),
      version,
      rank,
      sp: level ? normalLevel(level) : releaseLevel(m[14]),
      build: m[12] ?? null,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

/** A product named apart from its version, as in a Fix ("Exchange Server", "5.5"); null when unknown. */
export function productOf(product: string, version: string, sp: string | null = null): ProductMention | null {
  const found = findProductMentions(`${product} ${version}`, 1)[0];
  if (!found) return otherProduct(product, version, sp);
  return { ...found, sp: sp ?? found.sp, start: 0, end: 0 };
}

/**
 * A product the family table does not know: one of the archive's many smaller products ("Proxy
 * Server 2.0") or a team's own system ("Orbit Desk 3.2"). Its family is its own name and its
 * version ranks as written, which is enough to tell an installed version from a fixed one.
 */
export function otherProduct(
  name: string,
  version: string,
  sp: string | null = null,
  start = 0,
  end = 0,
): ProductMention | null {
  const clean = name
    .replace(/^microsoft\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!clean || !/^\d{1,4}(?:\.\d{1,5}){0,3}$|^\d{1,4}(?:\.\d{1,5}){1,2}[a-z]$/i.test(version)) return null;
  // One family per product however it is written: "Visual C++, 32-bit Editions" and "Visual C++",
  // "SMS" and "Systems Management Server".
  return {
    family: `other:${canonicalProduct(clean, version).product.toLowerCase()}`,
    name: `${clean} ${version}`,
    version: version.toLowerCase(),
    rank: letteredRank(version),
    sp: sp?.toLowerCase() ?? null,
    build: null,
    start,
    end,
  };
}

/** A mention's product without its version: "Orbit Desk 3.2" -> "Orbit Desk". */
export function productName(m: Pick<ProductMention, 'name'>): string {
  return m.name.replace(/[\s\u00a0]+\S+$/, '').trim();
}

/**
 * The mention with its version in one form for comparing: "MASM 5.10A" is an article's "5.1a",
 * "QuickBASIC 4.50" its "4.5" (a minor version written with a trailing zero is the same one).
 * Only the archive's smaller products: the table's families have their own versions.
 */
export function comparableVersion(m: ProductMention): ProductMention {
  if (!m.family.startsWith('other:')) return m;
  const version = m.version.replace(/^(\d{1,4}\.\d)0(?=[a-z]?$)/, '$1');
  return version === m.version ? m : { ...m, version };
}

/**
 * A maintenance release's letter ranks after its release and before the next: "3.0b" -> "3.0.0.0.2"
 * (compareVersions pads with zeros, so 3.0 < 3.0a < 3.0b < 3.1).
 */
function letteredRank(version: string): string {
  // "4.50" is "4.5" and "2.10" is "2.1": a product's minor version, written with a trailing zero or not.
  version = version.replace(/^(\d{1,4}\.\d)0(?=[a-z]?$)/i, '$1');
  const m = /^(\d[\d.]*?)([a-z])$/i.exec(version);
  if (!m) return version;
  const parts = m[1]!.split('.');
  while (parts.length < 4) parts.push('0');
  return `${parts.join('.')}.${m[2]!.toLowerCase().charCodeAt(0) - 96}`;
}

/** The Windows versions a product name may end with: "Access for Windows 95". */
const WINDOWS_PLATFORM = String.raw`Windows(?:\s+(?:NT|95|98|2000|3\.1x?|for\s+Workgroups))?`;
/** The platform a product is "for" ("Word 97 for Windows", "Excel for the Macintosh"): not part of its name. */
export const FOR_PLATFORM = String.raw`for\s+(?:the\s+)?(?:${WINDOWS_PLATFORM}|Macintosh|MS-DOS|OS\/2)`;
/** Only Windows: a name "for Macintosh" is another product line than the same name for Windows. */
const FOR_WINDOWS = String.raw`for\s+${WINDOWS_PLATFORM}`;
const TRAILING_PLATFORM = new RegExp(String.raw`\s+${FOR_PLATFORM}$`, 'i');
const TRAILING_WINDOWS = new RegExp(String.raw`,?\s+${FOR_WINDOWS}$`, 'i');

/** "Orbit Desk 3.2" as an article's Version(s) line writes it: a name, then a version. */
export function otherProductOf(text: string): ProductMention | null {
  // "Word 97 for Windows": the platform after the version is not part of it.
  const t = text.trim().replace(TRAILING_PLATFORM, '');
  const m = /^(.{1,60}?)\s+v?(\d{1,4}(?:\.\d{1,5}){0,3}|\d{1,4}(?:\.\d{1,5}){1,2}[a-z])$/i.exec(t);
  return m ? otherProduct(m[1]!, m[2]!) : null;
}

// One to four capitalised words, then a dotted version and maybe a service pack: "Orbit Desk 3.2
// SP1". The era's year versions count too ("Visual Studio 97 SP3", "Office 2000 SR-1": a service
// release is that suite's service pack), but only with a service pack: alone, "Room 2000" is not a product.
const OTHER_RE = new RegExp(
  String.raw`(?<![\w./])((?:(?!Version\b)[A-Z][\w+&'/-]{0,30}[ \u00a0]){1,4}(?:for[ \u00a0](?:Windows|Workgroups|MS-DOS|the[ \u00a0]Macintosh|Macintosh)[ \u00a0])?)(?:[Vv]ersion[ \u00a0])?v?` +
    String.raw`(?:(\d{1,3}\.\d{1,3}(?:\.\d{1,5}){0,2}(?:[a-zA-Z](?![\w-]))?)(?![\w-]|\.\d)(?:,?[ \u00a0]{0,2}${LEVEL})?` +
    // A whole number only with a level after it: "Visual Studio 6 SP5" is 6.0 SP5.
    String.raw`|(9[5-8]|2000|2002|2003|[1-9]|1[0-9])(?:,?[ \u00a0]{0,2}${LEVEL}))`,
  'g',
);

/**
 * The era's Office programs, named by year ("Word 97", "Excel 2000"), and whether Office's
 * service releases are theirs (Word 97 SR-2 is Office 97 SR-2, suites.ts); the others were sold
 * apart and have service packs of their own.
 */
export const OFFICE_PROGRAMS: readonly { name: string; inSuite: boolean }[] = [
  { name: 'Office', inSuite: true },
  { name: 'Word', inSuite: true },
  { name: 'Excel', inSuite: true },
  { name: 'PowerPoint', inSuite: true },
  { name: 'Access', inSuite: true },
  { name: 'Project', inSuite: false },
  { name: 'FrontPage', inSuite: false },
  { name: 'Publisher', inSuite: false },
  { name: 'Visio', inSuite: false },
];

/**
 * Where a version ends: no word or hyphen runs on, and a dot only as a sentence's end ("Word 97.",
 * not "2.exe" or "1.1.4.2"). A regex source, for every reader of a version to share.
 */
export const VERSION_END = '(?![\\w-]|\\.\\w)';
/** A major version with a wildcard for the minor ("3.x", "6.X"). A regex source. */
export const WILDCARD_VERSION = '\\d{1,2}\\.[xX]';

/** The years the era's Office programs are named by ("Word 97", "Access2000"). */
export const OFFICE_YEARS = '95|97|98|2000|2002|2003';

// Tickets write the Office programs by year without a service release: these names with a year
// are products even without one; a sentence may end right after the year ("Word 97."), a longer number or a file name not.
const YEAR_APP_RE = new RegExp(
  `(?<![\\w.])(?:Microsoft[ \\u00a0])?(${OFFICE_PROGRAMS.map((p) => p.name).join('|')})[ \\u00a0](${OFFICE_YEARS})${VERSION_END}`,
  'g',
);

/**
 * Products the family table does not know, as a ticket writes them. The name is the run of
 * capitalised words before the version, and a sentence may put one more in front ("Since Orbit
 * Desk 3.2"), so every tail of the run is offered: an article about "Orbit Desk" finds its own.
 */
export function findOtherProducts(text: string, known: readonly ProductMention[], limit = 200): ProductMention[] {
  const out: ProductMention[] = [];
  OTHER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OTHER_RE.exec(text)) && out.length < limit) {
    const start = m.index;
    const end = start + m[0].length;
    if (known.some((k) => k.start < end && start < k.end)) continue;
    const words = m[1]!.trim().split(/[ \u00a0]+/);
    const version = m[2] ?? (/^\d{1,2}$/.test(m[4]!) && !/^9[5-8]$/.test(m[4]!) ? `${m[4]}.0` : m[4]!);
    // "SMS 1.2, no service packs": the release itself, in words.
    const sp = m[3] ?? m[5] ?? readProductTail(text, end).sp;
    for (let i = 0; i < words.length; i++) {
      // "MS Mail for Windows 3.2": the tails are "Mail for Windows" and "Windows", not "for Windows".
      if (!/^[A-Z]/.test(words[i]!)) continue;
      const p = otherProduct(words.slice(i).join(' '), version, sp, start, end);
      if (p) out.push(p);
    }
  }
  YEAR_APP_RE.lastIndex = 0;
  while ((m = YEAR_APP_RE.exec(text)) && out.length < limit) {
    const start = m.index;
    const end = start + m[0].length;
    if ([...known, ...out].some((k) => k.start < end && start < k.end)) continue;
    // "Word 97 (no SR)": the release itself.
    const p = otherProduct(m[1]!, m[2]!, readProductTail(text, end).sp, start, end);
    if (p) out.push(p);
  }
  return out;
}

/**
 * One name per product for fixes, however the sentence wrote it: "Exchange 5.5" and "Microsoft
 * Exchange Server version 5.5" are both "Exchange Server 5.5"; "Windows NT Server 4.0",
 * "Windows NT Workstation 4.0" and "Windows NT 4.00" are "Windows NT 4.0" (their service packs
 * are one line); "SNA Server for Windows NT" is "SNA Server"; "Visual C++, 32-bit Edition" is
 * "Visual C++". An edition with its own service packs (Terminal Server Edition) keeps its name.
 */
export function canonicalProduct(product: string, version: string): { product: string; version: string } {
  let p = product
    .replace(/^(?:the\s+)?(?:Microsoft|MS)\s+/i, '')
    .replace(/\s+(?:US|U\.S\.)$/i, '')
    // "MS-DOS operating system": the category word is not part of the name tickets use.
    .replace(/\s+operating\s+system$/i, '')
    // "Server Appliance Kit (SAK)": the acronym repeats the name.
    .replace(/\s*\([A-Z][A-Za-z]{1,6}\)/g, '')
    // "Visual Basic Enterprise Edition for Windows", "Windows NT Server, Enterprise Edition": one product line.
    .replace(/,?\s+(?:Learning|Professional|Enterprise|Standard|Developer|Personal)\s+Edition\b/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  let v = version;
  for (const [re, name] of CANONICAL) {
    if (re.test(p)) {
      p = name;
      break;
    }
  }
  // "Visual FoxPro for Windows 7.0", "Access for Windows 95": the platform is not part of the name.
  if (!/^Windows\b/i.test(p)) p = p.replace(TRAILING_WINDOWS, '');
  p = p.replace(/,?\s+(?:32-bit|16-bit)(?:\s+(?:Enterprise|Professional|Learning|Standard))?\s+Editions?$/i, '');
  // "Visual SourceSafe, 32-bit, for Windows": the bitness is not part of the name either.
  p = p.replace(/,\s*(?:32|16)-bit$/i, '');
  if (/^(?:Server|Workstation|Advanced Server)$/i.test(p) && /^(?:3\.1|3\.5|3\.51|4\.0)/.test(v)) p = 'Windows NT';
  if (p === 'IIS') p = /^[5-9]/.test(v) ? 'Internet Information Services' : 'Internet Information Server';
  if (DOTTED_FAMILIES.has(p)) v = v.replace(/^(\d)$/, '$1.0').replace(/^(\d+\.\d)0$/, '$1');
  return { product: p, version: v };
}

const CANONICAL: ReadonlyArray<[RegExp, string]> = [
  [/^Exchange(?: Server)?$/i, 'Exchange Server'],
  [/^Windows NT(?: (?:Server|Workstation|Advanced Server))?$/i, 'Windows NT'],
  [/^Windows NT (?:Workstation|Server) (?:or|and) (?:Server|Workstation)$/i, 'Windows NT'],
  [/^SNA Server(?: for Windows NT)?$/i, 'SNA Server'],
  [/^(?:SMS|Systems Management Server)$/i, 'Systems Management Server'],
  [/^(?:MDAC|Data Access Components|Microsoft Data Access Components)$/i, 'Data Access Components'],
  [/^SQL Server$/i, 'SQL Server'],
  [/^(?:ODBC|Open Database Connectivity)$/i, 'Open Database Connectivity'],
];

/** The names canonicalProduct gives a product however it is written: Microsoft's product lines. */
export const CANONICAL_NAMES: readonly string[] = [...new Set(CANONICAL.map(([, name]) => name))];

/** Products whose versions are always dotted: "Windows NT 4.00" is 4.0, "Visual Studio 6" is 6.0. */
export const DOTTED_PRODUCTS: readonly string[] = [
  'Windows NT',
  'Exchange Server',
  'SNA Server',
  'Systems Management Server',
  'Visual Studio',
  'Internet Information Server',
  'Internet Information Services',
  'SQL Server',
  'Host Integration Server',
  'Proxy Server',
  'Site Server',
];
const DOTTED_FAMILIES = new Set(DOTTED_PRODUCTS);
