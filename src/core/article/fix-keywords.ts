/**
 * Fix keywords: `<prod><ver>sp<N>fix` (fixed in that SP), `<prod><ver>preSP<N>fix` (a hotfix
 * existed before SP N). A bare `exc55sp3` or a Technology tag `kbExchange550SP3` names the
 * affected level, not the fix, so it is not read here.
 */

export interface FixKeyword {
  keyword: string;
  product: string;
  version: string;
  servicePack: string;
  /** preSP: a hotfix released before `servicePack`. */
  pre: boolean;
}

const PRODUCTS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:exchange|exc)$/i, 'Exchange Server'],
  [/^(?:os)?winnt$/i, 'Windows NT'],
  [/^tse$/i, 'Windows NT Server 4.0, Terminal Server Edition'],
  [/^(?:os)?win$/i, 'Windows'],
  [/^vs$/i, 'Visual Studio'],
  [/^vbp$/i, 'Visual Basic'],
  [/^vfp$/i, 'Visual FoxPro'],
  [/^vc$/i, 'Visual C++'],
  [/^sna$/i, 'SNA Server'],
  [/^sms$/i, 'Systems Management Server'],
  [/^mdac$/i, 'Microsoft Data Access Components'],
  [/^ado$/i, 'ActiveX Data Objects'],
  [/^sqlserv$/i, 'SQL Server'],
  [/^siteserv(?:er)?$/i, 'Site Server'],
  [/^office$/i, 'Office'],
  [/^msxml$/i, 'MSXML'],
  [/^ie$/i, 'Internet Explorer'],
  [/^commserv$/i, 'Commerce Server'],
];

const KEYWORD =
  /^(?:kb)?(exchange|exc|oswinnt|winnt|oswin|win|tse|vs|vbp|vfp|vc|sna|sms|mdac|ado|sqlserv|siteserver|siteserv|office|msxml|ie|commserv)(\d{1,4}|xp|nt)?(pre)?sp(\d{1,2}[a-z]?)fix$/i;

/** "550" -> "5.5", "400" -> "4.0", "351" -> "3.51", "4" -> "4.0", "55" -> "5.5", "2000" -> "2000". */
export function versionFromDigits(d: string): string {
  if (!/^\d+$/.test(d)) return d.toUpperCase() === 'XP' ? 'XP' : d.toUpperCase();
  if (d.length === 4 || /^9\d$/.test(d)) return d;
  if (d.length === 1) return `${d}.0`;
  if (d.length === 2) return `${d[0]}.${d[1]}`;
  const minor = d.slice(1).replace(/0$/, '');
  return `${d[0]}.${minor || '0'}`;
}

export function readFixKeywords(keywords: readonly string[]): FixKeyword[] {
  const out: FixKeyword[] = [];
  for (const keyword of keywords) {
    const m = KEYWORD.exec(keyword);
    if (!m) continue;
    const product = PRODUCTS.find(([re]) => re.test(m[1]!))?.[1];
    if (!product) continue;
    let version = m[2] ? versionFromDigits(m[2]) : '';
    // Windows 2000 and XP carry their version in the name.
    if (product === 'Windows' && !version) continue;
    if (product.includes('Terminal Server')) version = '';
    out.push({ keyword, product, version, servicePack: m[4]!.toLowerCase(), pre: Boolean(m[3]) });
  }
  return out;
}
