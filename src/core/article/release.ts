/**
 * Reads a release out of the words after "corrected in": "Exchange Server 5.5 Service Pack 3",
 * "Service Pack 3 for Microsoft Exchange Server version 4.0", "the latest SNA Server version 3.0
 * US Service Pack", "Visual FoxPro 5.0 for Windows", "Windows NT 4.0 Service Pack 4.0".
 */
import { withoutMicrosoft } from './text';

export interface Release {
  /** Without "Microsoft": "Exchange Server". "" when the words name no product. */
  product: string;
  /** "5.5"; "" when none is named. */
  version: string;
  /** "Terminal Server Edition": its own product line with its own SPs; "" when none. */
  edition: string;
  /** "3", "6a"; null when no number is named. */
  servicePack: string | null;
  /** "the latest service pack", with or without a number. */
  latest: boolean;
  /** The words speak of a service pack at all. */
  mentionsServicePack: boolean;
  /**
   * "Hotfix Rollup Package" of "Service Pack 4 Hotfix Rollup Package": hotfixes gathered after
   * that service pack, not the service pack itself; "" when none.
   */
  rollup: string;
  /**
   * "Service Release" for Office's service releases ("Office 97 Service Release 2 (SR-2)"): a
   * service pack by another name, numbered the same way; "Service Pack" otherwise.
   */
  servicePackName: 'Service Pack' | 'Service Release';
}

const VERSION_TOKEN = /^(?:\d+(?:\.\d+)*[a-z]?|95|97|98|2000|2002|2003|XP|Me|\.NET)$/i;
/** Words that end a product name when walking back from its version. */
const STOP = new Set([
  'in',
  'with',
  'by',
  'the',
  'a',
  'an',
  'latest',
  'this',
  'that',
  'is',
  'was',
  'has',
  'been',
  'and',
  'or',
  'also',
  'now',
  'first',
  'current',
  'installing',
  'applying',
  'upgrading',
  'to',
  'us',
  'u.s.',
  'on',
  'at',
  'from',
  'all',
  'later',
  'pack',
  'service',
  'sp',
  'releases',
  'versions',
  'of',
  'for',
]);
/** Vendors whose "fixed in" releases are not Microsoft fixes. */
const THIRD_PARTY =
  /^(?:Novell|NetWare|IBM|Lotus(?!\s+cc)|Netscape|Sun|Oracle|Apple|Macintosh\s+(?:System|OS)|Mac\s?OS|System\s+7|AppleShare|Compaq|HP|Hewlett|Digital|DEC|Banyan|Symantec|Norton|McAfee|Corel(?:DRAW)?|WordPerfect|Adobe|Borland|Cisco|3Com|Intel|Qualcomm|Eudora|Sybase|Attachmate|Wall Data|Citrix|Seagate|Cheyenne|Veritas|Trend|RealNetworks|Real|AOL|America Online)\b/i;
/**
 * The vendor as a release's owner: its capitalised name, so "Digital Video for Windows version 1.1"
 * is not Digital Equipment's release nor "real mode driver version 2" RealNetworks'.
 */
const VENDOR_RELEASE = new RegExp(THIRD_PARTY.source.replace('|Digital|', '|Digital\\s+Equipment|'));
/** "October 1998": a date, not a product and its version. */
const MONTH = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/i;
/** Targets that are documents, not releases. */
const DOCUMENT =
  /\b(?:help file|online help|documentation|readme|manual|article|books online|guide|resource kit|knowledge base|web site|white paper|sample|technical reference)\b/i;
const GENERIC =
  /^(?:this|the|these|those|it|version|release|product|update|build|windows update|step|service pack|hotfix|fix|patch|following|later|current|method|option|part|phase|example|scenario|solution|workaround|section|chapter|appendix|figure|table|case|issue|problem|note)$/i;

/** A service pack's name: "Service Pack 1", "SP3". */
const PACK = /\b(?:Service\s*Pack|SP\s?\d)/gi;
/** " with ", " included with ": a match starts only at the first space of a run, so the scan is linear. */
const WITH = /(?<!\s)\s+(?:included\s+|supplied\s+|shipped\s+)?with\s+/gi;

/**
 * The text before and after the first "with" that a service pack follows, as
 * [whole, before, after]. A single scan for each: one RegExp over "X with Y with ... SP n" tried
 * the rest of the text from every "with" (quadratic on a long paragraph without a period).
 */
function splitAtWith(whole: string): [string, string, string] | null {
  if (/[\n\r\u2028\u2029]/.test(whole)) return null;
  let lastPack = -1;
  for (const m of whole.matchAll(PACK)) lastPack = m.index;
  if (lastPack < 0) return null;
  for (const m of whole.matchAll(WITH)) {
    const end = m.index + m[0].length;
    if (end > lastPack) return null;
    return [whole, whole.slice(0, m.index), whole.slice(end)];
  }
  return null;
}

export function parseRelease(target: string): Release | null {
  const r = readRelease(target);
  return r === 'vendor' ? null : r;
}

/** The words name another vendor's release ("Novell version 4.0", "Norton Utilities version 6.01"), not Microsoft's. */
export function isVendorRelease(target: string): boolean {
  // "the Microsoft Oracle ODBC Driver version 2.5": Microsoft's product for another's.
  return !/^\s*(?:the\s+)?Microsoft(?:'s)?\s/i.test(target) && readRelease(target) === 'vendor';
}

function readRelease(target: string): Release | 'vendor' | null {
  // The release ends at the first clause break; "(fixlist7.00)" and "for Windows" tails go too.
  const whole = target
    // "Visual C++ 32- bit Edition": a hyphen the line wrap split.
    .replace(/\b(\d+)-\s+bit\b/g, '$1-bit')
    .replace(/\bU\.?S\.?\s+(?=Service\s+Pack)/gi, '')
    .replace(/\bUS\s+(?=Service\s+Pack)/g, '')
    // "(PDS)", "(fixlist7.00)", "(SP3)": asides, except an SP level in brackets.
    .replace(/\((?:SP|Service Pack)\s*(\d+[a-z]?)\)/gi, 'Service Pack $1')
    .replace(/\([^)]*\)/g, ' ')
    .split(
      /[;:(]|\s(?:because|which|where|when|if|so that|but|that|as well as|and later|or later|and above)\s|,\s+(?:which|and|but|so)\s|\.\s|\.$/i,
    )[0]!
    .trim();
  // "Windows 95 with Internet Explorer 4.01 Service Pack 1 installed": the service pack is the
  // release after "with", not a service pack of the product before it.
  const withPack = splitAtWith(whole);
  // "Exchange Server 5.5 with Service Pack 3" stays the product's own service pack.
  const t =
    withPack &&
    !/\bService\s*Pack\b|\bSP\s?\d/i.test(withPack[1]!) &&
    /^(?:Microsoft\s+)?[A-Z][\w.+-]*\s/.test(withPack[2]!) &&
    !/^(?:the\s+)?(?:latest\s+)?(?:Service\s*Pack|SP\s?\d)/i.test(withPack[2]!)
      ? withPack[2]!.trim()
      : whole;
  if (!t || DOCUMENT.test(t) || (t !== whole && DOCUMENT.test(whole))) return null;
  // "resolved by the following updated files for Windows 95": an update, not a release.
  if (
    /^(?:the\s+|an?\s+)?(?:following|updated?|new(?:er)?\s+(?:files?|drivers?|versions? of))\b|\b(?:files?|drivers?|updates?|patch(?:es)?|fix(?:es)?)\s+(?:for|to)\b/i.test(
      t,
    ) ||
    // "corrected in the October 1998 Visual FoxPro 6.0 Gallery and FFC updates": downloads; a
    // named patch ("the Visual C++ 4.1b patch") is a release.
    /\b(?:updates|patches)$/i.test(t)
  )
    return null;
  const latest = /\blatest\b/i.test(t);
  const spMatch =
    /\bService\s*Pack\s*(\d{1,2}[a-z]?)(?:\.0)?(?![\d.]*\d)|\bSP\s?(\d{1,2}[a-z]?)\b/i.exec(t) ??
    // "Office 97 Service Release 2", "SR-1"; not Windows 95's "OEM Service Release 2", a release of its own.
    /(?<!\bOEM\s{1,3})\bService\s+Release\s*(\d{1,2}[a-z]?)(?:\.0)?(?![\d.]*\d)|(?<!\bOEM\s{1,3})\bSR-?(\d{1,2}[a-z]?)\b/.exec(
      t,
    );
  const mentionsServicePack = /\bservice\s*pack\b|\bSP\s?\d/i.test(t) || Boolean(spMatch);
  const servicePack = spMatch ? (spMatch[1] ?? spMatch[2]!).toLowerCase() : null;
  const servicePackName = spMatch && /^(?:Service\s+Release|SR)/i.test(spMatch[0]) ? 'Service Release' : 'Service Pack';
  const rollupMatch = servicePack
    ? /\b(?:Service\s*Pack|SP)\s?\d{1,2}[a-z]?(?:\.0)?\s+((?:Hotfix|Security)\s+Roll-?up(?:\s+Package)?)/i.exec(t)
    : null;
  const rollup = rollupMatch ? rollupMatch[1]!.replace(/\s+/g, ' ') : '';

  // Find the first version token that is not the service pack's number, and walk back over the
  // product's words.
  const words = t.split(/\s+/);
  let product = '';
  let version = '';
  let edition = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/[,.]$/, (m) => (words[i] === '.NET' ? m : ''));
    const prev = (words[i - 1] ?? '').toLowerCase();
    if (!VERSION_TOKEN.test(w) || prev === 'pack' || prev === 'sp' || (prev === 'release' && servicePack)) continue;
    // "Access Developer's Toolkit for Windows 95 version 7.0": the platform's number, when the
    // product's own version follows.
    if (prev === 'windows' && (words[i - 2] ?? '').toLowerCase() === 'for' && laterVersion(words, i + 1)) continue;
    const name: string[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const raw = words[j]!;
      const lw = raw.toLowerCase().replace(/,$/, '');
      if (lw === 'version' || lw === 'versions' || lw === 'release' || lw === 'maintenance' || lw === 'build') {
        if (name.length) break;
        continue;
      }
      // "SNA Server for Windows NT, 2.11": "for" joins two capitalised names, not "Pack 3 for".
      const before = words[j - 1] ?? '';
      if (
        lw === 'for' &&
        name.length &&
        /^[A-Z]/.test(before) &&
        !STOP.has(before.toLowerCase()) &&
        !/^(?:Pack|SP)$/i.test(before)
      ) {
        name.unshift(raw);
        continue;
      }
      // "Windows NT Workstation or Server 4.0": the edition after "or" belongs to the name before it.
      if (
        (lw === 'or' || lw === 'and') &&
        name.length === 1 &&
        /^(?:Server|Workstation)$/.test(name[0]!) &&
        /^[A-Z]/.test(before)
      ) {
        name.unshift(raw);
        continue;
      }
      // "File and Print Services for NetWare 4.0": "and" inside a name that starts the target.
      if (lw === 'and' && j === 1 && name.length > 0 && /^[A-Z][a-z]/.test(before) && !STOP.has(before.toLowerCase())) {
        name.unshift(raw);
        continue;
      }
      if (STOP.has(lw)) break;
      if (raw.endsWith(',') && name.length === 0 && /^[A-Z]/.test(raw)) {
        name.unshift(raw.replace(/,$/, ''));
        continue;
      }
      if (!/^[A-Z0-9(]/.test(raw) && !/^(?:for|of)$/.test(lw)) break;
      name.unshift(raw);
    }
    product = withoutMicrosoft(name.join(' '))
      .replace(/^(?:the|a|an)\s+/i, '')
      .replace(/,+$/, '');
    version = w;
    const tail = /^,?\s*((?:[A-Z][\w-]*\s+){1,3}Edition)\b/.exec(
      words
        .slice(i + 1)
        .join(' ')
        .replace(/^,/, ''),
    );
    if (tail) edition = tail[1]!;
    if (product) break;
  }
  if (!product) {
    // "the latest Microsoft Exchange Service Pack", "Service Pack 3 for Microsoft Exchange Server",
    // "Service Pack 2.0 for Microsoft Windows NT" (the level written as a version).
    const before = /((?:[A-Z][\w+#&/-]*\s+){1,5})(?:US\s+)?Service\s*Pack/.exec(t);
    const after = /Service\s*Pack(?:\s+\d{1,2}[a-z]?(?:\.0)?)?\s+for\s+((?:[A-Z][\w+#&/-]*\s*){1,5})/.exec(t);
    const picked = (after?.[1] ?? before?.[1] ?? '').trim();
    product = withoutMicrosoft(picked.replace(/\s+(?:US|Service)$/i, '')).replace(/^(?:the|a|an|latest)\s+/i, '');
    if (/^(?:The|This|Latest|US)$/i.test(product)) product = '';
  }
  product = product.replace(/\s+(?:US|U\.S\.)$/, '').trim();
  // A name must start with a letter: "1.0, 1.1" is a version list, not a product.
  if (product && !/^[A-Za-z]/.test(product)) product = '';
  if (product && VENDOR_RELEASE.test(product) && (version || servicePack)) return 'vendor';
  if (
    product &&
    (THIRD_PARTY.test(product) || GENERIC.test(product) || MONTH.test(product) || product.split(' ').length > 7)
  )
    return null;
  if (!product && !servicePack && !latest) return null;
  if (!servicePack && !latest && !version) return null;
  return { product, version, edition, servicePack, latest, mentionsServicePack, rollup, servicePackName };
}

/** "..., version 7.0" right after position `from`. */
function laterVersion(words: readonly string[], from: number): boolean {
  const next = (words[from] ?? '').replace(/,$/, '').toLowerCase();
  return next === 'version' && /^\d+(?:\.\d+)+[a-z]?[,.]?$/.test(words[from + 1] ?? '');
}

/** "Exchange Server 5.5 Service Pack 3", "latest Exchange Server 4.0 service pack", "Visual FoxPro 5.0". */
export function releaseText(
  product: string,
  version: string,
  servicePack: string | null,
  latest: boolean,
  edition = '',
  servicePackName: Release['servicePackName'] = 'Service Pack',
): string {
  const base = [product, version].filter((x) => x).join(' ') + (edition ? `, ${edition}` : '');
  if (servicePack) return `${base} ${servicePackName} ${servicePack}`.trim();
  if (latest) return `latest ${base} service pack`.replace(/\s+/g, ' ').trim();
  return base;
}

/** Product family key used to pair fixes, keywords and contexts: "exchange", "windows nt", "visual studio". */
export function familyKey(product: string): string {
  return withoutMicrosoft(product)
    .toLowerCase()
    .replace(/,.*$/, '')
    .replace(
      /\b(?:server|workstation|client|for windows|for ms-dos|professional|enterprise|edition|standard|(?:32|16)-bit)\b/g,
      '',
    )
    .replace(/\s+/g, ' ')
    .trim();
}
