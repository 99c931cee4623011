/**
 * What a ticket says about the versions it runs: products with versions and service packs, bare
 * Exchange build numbers ("5.5.2448.0" -> Exchange 5.5 SP2) and file versions ("Store.exe
 * 5.5.2653.0"). Used to judge whether an article's fix is already installed.
 */
import { exchangeReleaseOfBuild, exchangeVersionOfMajor } from './exchange-builds';
import { findOtherProducts, findProductMentions, type ProductMention } from './products';
import { findShorthandProducts } from './shorthand';
import { findLaterReleases } from './later-releases';
import { findWindowsBuilds } from './windows-builds';
import { LEVEL, levelOfProductAfter, normalLevel, serviceReleaseWords } from './levels';
import { suiteLevelNear, takesServiceReleases } from './suites';
import { markTerminalServer } from './editions';
import { applyRemovals, applyUpgrades, hotfixUndone } from './removals';
import { MACHINE_WORDS, NOT_YET_RE, OUT_OF_SERVICE_RE, markMachines } from './machine-cues';
import { expectedVersion, fixOwnFile, levelAfterExpected, quotedStillVersion } from './expected';
import { findCitedHotfixes, type CitedHotfix } from './cited-hotfixes';

export interface FileMention {
  /** Lower case: "store.exe". */
  name: string;
  version: string;
  start: number;
  end: number;
}

/** A version with a service pack and no product name: "5.5 sp4" in a ticket that says "Exchange" nowhere near it. */
export interface BareVersion {
  version: string;
  sp: string;
  start: number;
  end: number;
}

export interface TicketVersions {
  products: ProductMention[];
  files: FileMention[];
  /** Versions with a service pack that no product name claims (verdict.ts reads them as the article's product). */
  bare?: BareVersion[];
  /** The ticket says a hotfix or rollup is installed ("plus the Security Rollup Package", "hotfix applied"). */
  patched?: boolean;
  /** The ticket says no hotfix or rollup is installed ("no hotfixes", "the HRP is not installed"), and none that is. */
  unpatched?: boolean;
  /** What the ticket says of the fixes of articles it cites by number ("the hotfix from Q314696 is installed"). */
  cited?: CitedHotfix[];
  /** Releases later than the archive the ticket names ("Windows 11", "Microsoft 365"); later-releases.ts. */
  later?: string[];
}

// "Store.exe 5.5.2653.0", "Dns.exe is version 4.0.1381.7102", "Mbclean.exe now shows version 5.5.2654.55",
// "Mapi32.dll on the PC is 5.0.1457.3", "Store.exe on both servers reads 5.5.2448.0", "Emsmta.exe version is 5.5.2448.0",
// "Emsmdb32.dll on the OWA box is 5.5.2628.0", "Ccmarch.exe properties show version 5.5.2654.41",
// "lsvmhc.dll is still 5.5.2448.0".
const FILE_RE =
  /(?<![a-z0-9_])([a-z0-9_-]{1,40}\.(?:exe|dll|sys|ocx|cpl))(?:[\s\u00a0]{1,3}(?:on|in)(?:[\s\u00a0]{1,3}(?:the|this|that|our|my|each|every|all|both))?[\s\u00a0]{1,3}[\w\\:$-]{1,30}(?:[\s\u00a0]{1,3}(?:box(?:es)?|servers?|machines?|PCs?|clients?|nodes?|hosts?|DCs?))?(?=[\s\u00a0]{1,3}(?:is|was|shows|reads|reports)[\s\u00a0]))?(?:[\s\u00a0]{1,3}(?:file[\s\u00a0]{1,3})?(?:properties|props)(?:[\s\u00a0]{1,3}(?:dialog|tab|page))?[\s\u00a0]{0,3}(?=[\s\u00a0:]))?(?:[\s\u00a0]{1,3}(?:is|was|now|still|shows?|says?|reads|reports|at))?(?:[\s\u00a0]{1,3}(?:is|now|still|shows?|says?|reads|reports|at))?(?:[\s\u00a0]{1,3}(?:(?:version|ver\.?)(?:[\s\u00a0]{1,3}is(?=[\s\u00a0]))?|v)?[\s\u00a0]{0,3}[:=]?[\s\u00a0]{0,3}|[\s\u00a0]{0,3}\([\s\u00a0]{0,3}(?:version[\s\u00a0]{1,3})?)(\d{1,2}\.\d{1,2}(?:\.\d{1,5}){1,2})(?!\d|\.\d)/gi;

// Build numbers with the Exchange majors only; other products' builds (4.0.1381 is NT 4.0) are not mapped.
const EXCHANGE_BUILD_RE = /(?<![\d.])(4\.0|5\.0|5\.5|6\.0|6\.5)\.(\d{3,4})(?:\.\d{1,5})?(?![.\d])/g;
const EXCHANGE_CUE_RE = /exchange|store\.exe|emsmta\.exe|dsamain\.exe|msexc|mad\.exe/i;

// "SP4 for NT 4.0", "Service Pack 6a on Windows NT 4.0", "got SP4 (NT4)": the service pack written before its product.
const SP_BEFORE_RE = new RegExp(
  `(?<![\\w])${LEVEL}(?:[\\s\\u00a0]{1,3}(?:for|on|of)[\\s\\u00a0]{1,3}(?:the[\\s\\u00a0]{1,3})?(?:Microsoft[\\s\\u00a0]{1,3})?|[\\s\\u00a0]{0,3}\\([\\s\\u00a0]{0,3})$`,
  'i',
);

// "5.5 SP4", and a dialog's "Version 5.5 (Build 2448.4: Service Pack 2)" with no product name on it.
const BARE_RE = new RegExp(
  `(?<![\\w.])(\\d{1,2}\\.\\d{1,2}[a-z]?)[\\s\\u00a0]{0,3}(?:,|\\([\\s\\u00a0]{0,3}build[\\s\\u00a0]{0,3}[:#]?[\\s\\u00a0]{0,3}\\d{1,5}(?:\\.\\d{1,5}){0,2}[\\s\\u00a0]{0,3}[:;,])?[\\s\\u00a0]{0,3}${LEVEL}`,
  'gi',
);

// "the KB lists VFP 5.0a", "it only mentions Exchange 5.0", "applies to MASM 5.1", "fixed in VFP 6.0": a
// version named as the article's or a fix's, right before the mention in its clause.
const QUOTED_BEFORE_RE =
  /(?<![\w])(?:says?|mentions?|lists?|describes?|covers?|applies[\s\u00a0]{1,3}to|affects|(?:fixed|corrected|resolved)[\s\u00a0]{1,3}in|according[\s\u00a0]{1,3}to)(?:[\s\u00a0]{1,3}(?:it|only|just|that|the|this|a))*[\s\u00a0]{1,3}(?:Microsoft[\s\u00a0]{1,3})?$/i;

// "plus the Security Rollup Package", "with a store hotfix", "SP4 + store hotfix", "hotfix applied", "the QFE is installed".
const PATCHED_RE =
  /(?:\b(?:with|plus|installed|applied|put)|\+)[\s\u00a0]{1,3}(?:[\w-]{1,20}[\s\u00a0]{1,3}){0,4}?(?:hotfix(?:es)?|QFEs?|rollup|SRP)\b|\b(?:hotfix(?:es)?|QFEs?|rollup(?:[\s\u00a0]{1,3}package)?|SRP)[\s\u00a0]{1,3}(?:(?:is|was|are|were|has[\s\u00a0]{1,3}been|have[\s\u00a0]{1,3}been|already)[\s\u00a0]{1,3}){0,2}(?:installed|applied)\b/i;

// "no hotfixes installed", "without any QFEs applied", "the HRP is not installed", "not patched": nothing on
// top of the level. Not "no hotfixes needed" nor "no rollup entries in the log" (unpatchedSaid).
const UNPATCHED_RE =
  /\b(?:no|without(?:[\s\u00a0]{1,3}(?:the|any))?)[\s\u00a0]{1,3}(?:hotfix(?:es)?|QFEs?|rollups?|HRP|SRP)(?![\w-])[\s\u00a0]{0,3}(?:(?:is|are|were|was|have[\s\u00a0]{1,3}been|has[\s\u00a0]{1,3}been|yet)[\s\u00a0]{1,3})?(?:installed|applied|on[\s\u00a0]{1,3}(?:it|them|the[\s\u00a0]{1,3}(?:server|box|machine)s?)|at[\s\u00a0]{1,3}all)?(?=[\s\u00a0]{0,3}(?:[.;,!?)\n]|$))|\b(?:hotfix(?:es)?|QFEs?|rollup(?:[\s\u00a0]{1,3}package)?|HRP|SRP)[\s\u00a0]{1,3}(?:is|are|was|were|has|have)[\s\u00a0]{1,3}(?:not|never)[\s\u00a0]{1,3}(?:(?:been|yet)[\s\u00a0]{1,3})?(?:installed|applied)\b|\bnot[\s\u00a0]{1,3}(?:yet[\s\u00a0]{1,3})?patched\b/i;

const UNPATCHED_ALL_RE = new RegExp(UNPATCHED_RE.source, 'gi');
const CLAUSE_RE = /[.!?](?=[\s\u00a0]|$)|[;,\n]|(?<![\w])(?:but|only|so)(?![\w])/g;
// A word that makes the clause no statement about this machine's fix: need, a log, another place.
const NOT_STATED_RE = /\b(?:need(?:s|ed)?|required?|necessary|logs?|entries|events?|only|test|lab|if|whether)\b/i;
// Capitalised words that name no product: the rest ("SQL has no hotfixes") name another one.
const PLAIN_CAPS_RE =
  /^(?:The|We|Our|It|Its|This|That|They|There|No|Not|Without|I|Microsoft|HRP|SRP|QFEs?|Hotfix(?:es)?|Rollups?|Security|Package|Service|Pack|SP\d*[a-z]?|So|And|Yet|Also|Still|Currently|Now|Server|Servers)$/;
// "... so we put it on last week": the fix went on after all.
const PUT_ON_RE =
  /\b(?:put|applied|installed|added|deployed)[\s\u00a0]{1,3}(?:it|them|the[\s\u00a0]{1,3}(?:hotfix|rollup|fix|patch|QFE|HRP|SRP)\w*)\b/i;

/**
 * Whether the ticket says this machine's fix is not on: a clause that says a hotfix is not
 * installed, names no other product, no need, log or other place, and no later sentence puts it on.
 */
function unpatchedSaid(text: string, products: readonly ProductMention[]): boolean {
  UNPATCHED_ALL_RE.lastIndex = 0;
  for (const m of text.matchAll(UNPATCHED_ALL_RE)) {
    let from = 0;
    for (const c of text.slice(0, m.index).matchAll(CLAUSE_RE)) from = c.index + c[0].length;
    const tail = text.slice(m.index + m[0].length);
    const next = tail.search(CLAUSE_RE);
    const to = next < 0 ? text.length : m.index + m[0].length + next;
    const clause = text.slice(from, to);
    if (NOT_STATED_RE.test(clause)) continue;
    if (PUT_ON_RE.test(text.slice(m.index + m[0].length))) continue;
    const inMention = (at: number) => products.some((p) => p.start <= at && at < p.end);
    const other = [...clause.matchAll(/(?<![\w])[A-Z][\w-]*/g)].some(
      (w) => !PLAIN_CAPS_RE.test(w[0]) && !inMention(from + w.index),
    );
    if (other) continue;
    return true;
  }
  return false;
}

const PATCHED_ALL_RE = new RegExp(PATCHED_RE.source, 'gi');
const HOTFIX_IN_RE = /(?:hotfix(?:es)?|QFEs?|rollup|SRP)(?![\w])/i;

/**
 * A hotfix the ticket says is on and that is not removed again ("+ store hotfix. The IMC hotfix was
 * rolled back"), nor denied where it is named: "No hotfixes installed." holds "hotfixes installed".
 */
function hotfixInstalled(text: string): boolean {
  const denied: [number, number][] = [];
  UNPATCHED_ALL_RE.lastIndex = 0;
  for (const m of text.matchAll(UNPATCHED_ALL_RE)) denied.push([m.index, m.index + m[0].length]);
  PATCHED_ALL_RE.lastIndex = 0;
  let d = 0;
  for (const m of text.matchAll(PATCHED_ALL_RE)) {
    const at = m.index + (m[0].search(HOTFIX_IN_RE) || 0);
    // Both lists run in text order: one pass over the denials.
    while (d < denied.length && denied[d]![1] <= at) d++;
    if (d < denied.length && denied[d]![0] <= at) continue;
    if (!hotfixUndone(text, at)) return true;
  }
  return false;
}

// "upgraded our NT 3.51 boxes to Service Pack 4", "Exchange 5.5 servers, all at SP3": the level a
// few words after the product, in the same clause.
const SP_AFTER_RE = new RegExp(
  `^[^.;:\\n]{0,30}?\\b(?:to|with|at|on|running|plus)[\\s\\u00a0]{1,3}(?:the[\\s\\u00a0]{1,3})?${LEVEL}`,
  'i',
);

function servicePackAfter(text: string, p: ProductMention, next: number): string | null {
  const from = p.end;
  const m = SP_AFTER_RE.exec(text.slice(from, Math.min(next, from + 60)));
  if (!m || NOT_YET_RE.test(m[0])) return null;
  // "we plan to upgrade Exchange 5.5 to SP4", "need to bring W2K to SP3": the level a move goes to,
  // which the clause before the product says is to come.
  if (/\bto\b/i.test(m[0]) && NOT_YET_RE.test(clauseBefore(text, p.start))) return null;
  const after = from + m.index + m[0].length;
  return levelOfProductAfter(text, after) ? null : normalLevel(m[1]!);
}

/** The words of the clause that ends at `at`, at most 60 characters back. */
function clauseBefore(text: string, at: number): string {
  const lead = text.slice(Math.max(0, at - 60), at);
  return lead.slice(lead.search(/[^.;!?\n]*$/));
}

function servicePackBefore(text: string, start: number, products: readonly ProductMention[]): string | null {
  if (start === 0) return null;
  const from = Math.max(0, start - 48);
  const m = SP_BEFORE_RE.exec(text.slice(from, start));
  if (!m) return null;
  // "Exchange 2000 SP3 on Windows 2000 Server", "Exch 5.5 SP4 (NT4)": the level is the product's before it.
  const at = from + m.index;
  if (products.some((p) => p.start <= at && at < p.end)) return null;
  // "We will install SP3 on Exchange 5.5": a level to come.
  if (toBeInstalled(text, at)) return null;
  return normalLevel(m[1]!);
}

// "we plan to install", "should we apply", "going to upgrade to", "if we deploy": what follows is to
// come, not installed. Only where the words after the verb lead straight to what it installs: "update
// our ...", "upgrade all ...", "update them" name machines already in place, whose level is installed;
// only "to"/"with" after them names the level to come ("upgrade them to SP6a").
const TO_COME_RE = new RegExp(
  `(?:${NOT_YET_RE.source}|\\b(?:if|whether|once)\\b)[^.;!?\\n,]{0,30}?\\b(?:install|apply|deploy|upgrade|update|move|go|put|push|roll[\\s\\u00a0]{1,3}out)(?:ing)?[\\s\\u00a0]{1,3}(?:(?:(?:it|them|all|both|our)[\\s\\u00a0]{1,3}(?:(?:the|of)[\\s\\u00a0]{1,3})?)?(?:to|onto|with)[\\s\\u00a0]{1,3})?(?:the[\\s\\u00a0]{1,3})?$`,
  'i',
);
// "update the Exchange 5.5 SP4 servers", "cannot update NT 4.0 SP6a machines": a level written as the
// machines' own is the one they have, whatever is to be done to them. Not "install SP5 on servers".
const MACHINES_AFTER_RE =
  /^[\s\u00a0]{1,3}(?:(?!(?:on|to|onto|at|in|for|across|of)[\s\u00a0])[\w-]{1,20}[\s\u00a0]{1,3})?(?:servers?|machines?|box(?:es)?|workstations?|clients?|PCs?|computers?|hosts?|DCs?|nodes?|desktops?|laptops?|systems?|installs?|installations?|fleet|estate)(?![\w])/i;

/** "VB 6.0 with Visual Studio SP2": the level the suite's unversioned name gives, unless it is to come. */
function suiteLevel(text: string, p: ProductMention): string | null {
  const s = suiteLevelNear(text, p);
  return s && !toBeInstalled(text, s.at) ? s.level : null;
}

const MOVE_ON_RE = new RegExp(
  `^[\\s\\u00a0]{1,3}(?:to|onto)[\\s\\u00a0]{1,3}(?:the[\\s\\u00a0]{1,3})?(?:[A-Z][\\w+.]{0,15}[\\s\\u00a0]{1,3}){0,3}${LEVEL}`,
);

/** The words right before `at` say what is written there is to be installed, not installed. */
function toBeInstalled(text: string, at: number, end?: number): boolean {
  if (end !== undefined && MACHINES_AFTER_RE.test(text.slice(end, end + 40))) return false;
  // A name between the verb and the level ("will install Visual Studio SP3") is set aside.
  return TO_COME_RE.test(clauseBefore(text, at).replace(/(?:[A-Z][\w+.]{0,15}[\s\u00a0]{1,3}){1,3}$/, ''));
}

// "Win2000 SP3 and one still on SP1": a level written alone, after a product on the same line.
const LONE_SP_RE = new RegExp(`(?<![\\w.])${LEVEL}`, 'gi');
const LEVEL_CUE_RE = /(?:(?<![\w])(?:on|at|is|are|running|runs|has|have|with|and|still)|[,/(:])[\s\u00a0]{0,3}$/i;
const BARE_VERSION_BEFORE_RE = /\d\.\d{1,2}[a-z]?[\s\u00a0]{0,3},?[\s\u00a0]{0,3}$/;
// Between the product and the level: a name ("Exchange at SP2", "SQL on SP2") owns the level; a
// host or a letter ("DC2", "node B") does not.
const NAME_RE = /(?<![\w])[A-Z][A-Za-z]+(?![\w])/;
// A level that was, or a fix: "it was on SP2 until", "it is fixed with SP2".
const PAST_OR_FIX_RE = /\b(?:was|were|used|previously|formerly|earlier|originally|fix(?:ed|es)?|resolved|corrected)\b/i;

/**
 * The words between a product written with its level (ending at `from`) and a level at `at` say
 * that level of another machine of it, in the same clause: close, on the same line, no name or
 * "was"/"to come" in between ("Exchange 5.5 SP3; the branch server is still at 5.5 SP1").
 */
function saidOfAnotherMachine(text: string, from: number, at: number, machineNames = false): boolean {
  if (at - from > 80) return false;
  let gap = text.slice(from, at);
  // With the version written again, a domain controller's name is the machine, not a product ("the BDC ... still 4.0 SP3").
  if (machineNames) gap = gap.replace(MACHINE_NAME_RE, ' ');
  // The excepted machine's own name ("except the Denver secondary", "except the OWA box") is no
  // product, unless the word names one ("except the Exchange server, which is on SP3": Exchange's level).
  if (outOfService(text, from, at)) return false;
  gap = gap.replace(NAMED_MACHINE_RE, (name) => (namesProduct(name) ? name : ' '));
  return !(gap.includes('\n') || NAME_RE.test(gap) || NOT_YET_RE.test(gap) || PAST_OR_FIX_RE.test(gap));
}

/** The level at `at` is a lab or test machine's, or one not in production, said between `from` and the clause's end. */
function outOfService(text: string, from: number, at: number): boolean {
  const rest = text.slice(at, at + 80);
  const stop = rest.search(/[.!?;](?=[\s\u00a0]|$)|\n/);
  return OUT_OF_SERVICE_RE.test(text.slice(from, at) + (stop < 0 ? rest : rest.slice(0, stop)));
}

const MACHINE_NAME_RE = /(?<![\w])(?:[PB]DCs?|DCs?\d{0,2})(?![\w])/g;
// A capitalised name right after "except (the)" or right before a machine word: the machine's own name.
const NAMED_MACHINE_RE = new RegExp(
  String.raw`(?<=(?<![\w])(?:except|besides|but)(?:[\s\u00a0]{1,3}for)?(?:[\s\u00a0]{1,3}(?:the|our|that|one))?[\s\u00a0]{1,3})[A-Z][\w-]*(?![\w])|(?<![\w])[A-Z][\w-]*(?=[\s\u00a0]{1,3}${MACHINE_WORDS}(?![\w]))`,
  'g',
);
// Versions a product name is written with, to ask the product tables whether a word names one.
const PROBE_VERSIONS = ['4.0', '5.5', '2.0', '7.0', '2000'];

/** The word names a product the tables know ("Exchange", "SQL", "SMS", "NT"), as a ticket writes it with a version. */
function namesProduct(word: string): boolean {
  return PROBE_VERSIONS.some((v) => {
    const probe = `${word} ${v}`;
    return findProductMentions(probe, 1).length > 0 || findShorthandProducts(probe, [], 1).length > 0;
  });
}
// Before a machine's version and level: a level cue, or "still" ("the BDC still 4.0 SP3").
const STILL_RE = /(?<![\w])still[\s\u00a0]{1,3}$/i;

/**
 * A service pack no product claims, after a product on its line written with its level: another
 * machine at another level of that product ("servers are Win2000 SP3 and one still on SP1"). The
 * verdict lets the lowest level decide, so a machine the ticket mentions in passing is not dropped.
 * Not one that a product right after it claims ("SP4 for NT 4.0"), a bare "5.5 SP4", one a name in
 * between owns ("Exchange at SP2"), nor one that was or is to come.
 */
function loneLevels(text: string, products: readonly ProductMention[]): ProductMention[] {
  const out: ProductMention[] = [];
  LONE_SP_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = LONE_SP_RE.exec(text)) && seen++ < 100) {
    const start = m.index;
    const end = start + m[0].length;
    if (products.some((p) => p.start <= start && end <= p.end)) continue;
    const before = text.slice(Math.max(0, start - 12), start);
    // A machine's level ("one still on SP1", "DC2 is SP1", ", SP1 on the old node"), not a fix or an
    // upgrade's start ("fixed in SP4", "from SP2 to SP4", "need SP4").
    if (BARE_VERSION_BEFORE_RE.test(before) || !LEVEL_CUE_RE.test(before)) continue;
    const next = products.find((p) => p.start >= end);
    if (next && next.start - end <= 30 && !text.slice(end, next.start).includes('\n')) continue;
    let prevEnd = -1;
    for (const p of products) if (p.end <= start && p.end > prevEnd) prevEnd = p.end;
    if (prevEnd < 0 || start - prevEnd > 80) continue;
    if (!saidOfAnotherMachine(text, prevEnd, start)) continue;
    const level = normalLevel(m[1]!);
    for (const p of products) {
      // Another machine only beside one whose level is stated: after a product without one, a lone
      // level is its own (servicePackAfter reads that, with its cues) or one to come.
      if (p.end !== prevEnd || p.sp === null || p.sp === level) continue;
      if (products.some((o) => o.family === p.family && o.version === p.version && o.sp === level)) continue;
      out.push({ ...p, sp: level, build: null, start, end });
    }
  }
  return out;
}

/**
 * A level written alone after a bare "5.5 SP3" that no product claims, said of another machine
 * ("all servers on 5.5 SP3 except the bridgehead, which is still on SP1"): that version at that
 * level too, so the lowest decides as it does after a named product (loneLevels).
 */
function loneBareLevels(
  text: string,
  bare: readonly BareVersion[],
  products: readonly ProductMention[],
): BareVersion[] {
  const out: BareVersion[] = [];
  if (bare.length === 0) return out;
  LONE_SP_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let seen = 0;
  let b = 0;
  while ((m = LONE_SP_RE.exec(text)) && seen++ < 100) {
    const start = m.index;
    const end = start + m[0].length;
    // Both run in text order: the last bare version before this level, in one pass.
    while (b + 1 < bare.length && bare[b + 1]!.end <= start) b++;
    const anchor = bare[b]!;
    if (anchor.end > start || start - anchor.end > 80) continue;
    if (products.some((p) => p.start < end && start < p.end) || bare.some((o) => o.start <= start && end <= o.end))
      continue;
    const before = text.slice(Math.max(0, start - 12), start);
    if (BARE_VERSION_BEFORE_RE.test(before) || !LEVEL_CUE_RE.test(before)) continue;
    // A product named in between owns the level.
    if (products.some((p) => p.start >= anchor.end && p.end <= start)) continue;
    if (!saidOfAnotherMachine(text, anchor.end, start)) continue;
    const sp = normalLevel(m[1]!);
    if (sp === anchor.sp || out.some((o) => o.sp === sp && o.version === anchor.version)) continue;
    out.push({ version: anchor.version, sp, start, end });
  }
  return out;
}

/**
 * The words before a bare "5.5 SP1" in its clause say it is a level the product was at or is to go
 * to ("upgraded from 5.5 SP1", "previously 5.5 SP1", "plan to move to 5.5 SP4"), not another machine.
 */
function formerOrFuture(lead: string): boolean {
  const clause = lead.slice(lead.search(/[^.;!?\n]*$/));
  return PAST_OR_FIX_RE.test(clause) || NOT_YET_RE.test(clause) || /\bfrom\b/i.test(clause);
}

/**
 * The product a level word at [start, end) belongs to: the mention it is part of, else the last
 * one before it in its sentence, else one right after it ("SR-1 for Office 97").
 */
function ownerOfLevel(
  text: string,
  start: number,
  end: number,
  products: readonly ProductMention[],
): ProductMention | null {
  const inside = products.find((p) => p.start <= start && end <= p.end);
  if (inside) return inside;
  let before: ProductMention | null = null;
  for (const p of products) if (p.end <= start && start - p.end <= 40 && (!before || p.end > before.end)) before = p;
  if (before && !/[.;!?\n]/.test(text.slice(before.end, start))) return before;
  const after = products.find(
    (p) => p.start >= end && p.start - end <= 30 && !/[.;!?\n]/.test(text.slice(end, p.start)),
  );
  return after ?? null;
}

/**
 * "SR" is a level only of Office's programs. After another product, or none, it is a support
 * request ("opened SR 4 with PSS", "Exchange 5.5, SR 1234567"): its word is blanked (positions
 * kept) so no pattern reads a service pack from it.
 */
function withoutForeignServiceReleases(text: string): string {
  const words = serviceReleaseWords(text);
  if (words.length === 0) return text;
  const products = findProductMentions(text);
  products.push(...findShorthandProducts(text, products));
  products.push(...findOtherProducts(text, products));
  // The words come in order and apart: the text is cut once, not copied whole for each word.
  const pieces: string[] = [];
  let at = 0;
  for (const w of words) {
    const owner = ownerOfLevel(text, w.start, w.end, products);
    if (owner && takesServiceReleases(owner)) continue;
    pieces.push(text.slice(at, w.start), '#'.repeat(w.end - w.start));
    at = w.end;
  }
  return at === 0 ? text : pieces.join('') + text.slice(at);
}

export function findTicketVersions(original: string): TicketVersions {
  const text = withoutForeignServiceReleases(original);
  const products = findProductMentions(text);
  products.push(...findShorthandProducts(text, products));
  const files: FileMention[] = [];
  // File versions that are not the machine's: their numbers are no Exchange build of it either.
  const notRead: number[] = [];
  FILE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FILE_RE.exec(text)) && files.length < 200) {
    const end = m.index + m[0].length;
    if (
      // "Store.exe should be 5.5.2651.89": the version to reach, not the one installed.
      expectedVersion(text, m.index + m[0].lastIndexOf(m[2]!), end) ||
      // "Doc says Gapi32.dll is still 5.5.2448.0 in SP2": quoted, not read off this machine.
      (/(?<![\w])still(?![\w])/i.test(m[0]) && quotedStillVersion(text, m.index, end)) ||
      // "The hotfix files (Emsmta.exe 5.5.2654.22)", "the KB says the fixed Lsvmhc.dll is ...": the fix's.
      fixOwnFile(text, m.index)
    ) {
      if (notRead.length < 400) notRead.push(end);
      continue;
    }
    files.push({ name: m[1]!.toLowerCase(), version: m[2]!, start: m.index, end: m.index + m[0].length });
  }

  // A build number alone says nothing about the product unless the ticket is about Exchange.
  const aboutExchange = products.some((p) => p.family === 'exchange') || EXCHANGE_CUE_RE.test(text);
  for (const p of products) {
    if (p.family !== 'exchange' || p.sp !== null || p.build === null) continue;
    const build = Number(p.build.split('.').length > 2 ? p.build.split('.')[2] : p.build.split('.')[0]);
    const release = exchangeReleaseOfBuild(p.version, build);
    if (release) p.sp = release.sp ?? '0';
  }
  if (aboutExchange) {
    EXCHANGE_BUILD_RE.lastIndex = 0;
    let seen = 0;
    while ((m = EXCHANGE_BUILD_RE.exec(text)) && seen++ < 200) {
      const major = m[1]!;
      if (expectedVersion(text, m.index, m.index + m[0].length)) continue;
      if (notRead.includes(m.index + m[0].length)) continue;
      const release = exchangeReleaseOfBuild(major, Number(m[2]));
      const version = exchangeVersionOfMajor(major);
      if (!release || !version) continue;
      const sp = release.sp ?? '0';
      const same = products.filter((p) => p.family === 'exchange' && p.version === version);
      for (const p of same) {
        if (p.sp === null) p.sp = sp;
        if (p.build === null) p.build = m[0];
      }
      if (same.length === 0) {
        products.push({
          family: 'exchange',
          name: `Exchange Server ${version}`,
          version,
          rank: major,
          sp,
          build: m[0],
          start: m.index,
          end: m.index + m[0].length,
        });
      }
    }
  }
  // Windows given by its build alone ("Version 4.0 (Build 1381: Service Pack 4)", "[Version 5.00.2195]").
  for (const w of findWindowsBuilds(text)) {
    if (expectedVersion(text, w.start, w.end)) continue;
    const own = products.filter((p) => p.start < w.end && w.start < p.end);
    if (own.length > 0) {
      if (w.sp !== null) for (const p of own) if (p.family === w.family && p.sp === null) p.sp = w.sp;
      continue;
    }
    // A dialog apart from the product's mention may be another machine ("Server B: Version 5.0 (Build
    // 2195: Service Pack 2)"): kept beside it, the lowest level decides; without a level it adds nothing.
    if (w.sp !== null || !products.some((p) => p.family === w.family && p.version === w.version)) products.push(w);
  }
  products.push(...findOtherProducts(text, products));
  products.sort((a, b) => a.start - b.start);
  markTerminalServer(text, products);
  products.forEach((p, i) => {
    // "it should be on NT 4.0 SP4": a level to reach, not the installed one.
    if (p.sp !== null && p.sp !== '0' && expectedVersion(text, p.start, p.end)) {
      // "... but only has SP3": the level set against the expected one is the installed one.
      p.sp = levelAfterExpected(text, p.end);
      p.build = null;
      if (p.sp !== null) return;
    }
    // "We plan to install NT 4.0 SP6a": the level written with the product is the one to come.
    // Not "should we update Windows 2000 SP2 to SP3": a level a move starts from is the installed one.
    if (
      p.sp !== null &&
      p.sp !== '0' &&
      toBeInstalled(text, p.start, p.end) &&
      !MOVE_ON_RE.test(text.slice(p.end, p.end + 40))
    ) {
      p.sp = null;
      p.build = null;
    }
    if (p.sp !== null) return;
    // The next product after this one's end: "SNA Server 3.0" is also offered as "Server 3.0", same span.
    const next = products.slice(i + 1).find((o) => o.start >= p.end)?.start ?? text.length;
    p.sp = servicePackBefore(text, p.start, products) ?? servicePackAfter(text, p, next) ?? suiteLevel(text, p);
  });
  products.push(...loneLevels(text, products));
  products.sort((a, b) => a.start - b.start);
  const bare: BareVersion[] = [];
  const extra: ProductMention[] = [];
  BARE_RE.lastIndex = 0;
  while ((m = BARE_RE.exec(text)) && bare.length + extra.length < 50) {
    const start = m.index;
    const end = start + m[0].length;
    if (products.some((p) => p.start < end && start < p.end)) continue;
    const version = m[1]!.toLowerCase();
    if (expectedVersion(text, start, end)) {
      // "should be at 5.5 SP4; currently at SP3": that version at the level set against the expected one.
      const installed = levelAfterExpected(text, end);
      if (installed !== null) bare.push({ version, sp: installed, start, end });
      continue;
    }
    const sp = normalLevel(m[2]!);
    // "Exchange 5.5 SP3, the branch server still at 5.5 SP1": the same version again, another
    // machine of the product named before it (the verdict's lowest level decides).
    let named: ProductMention | undefined;
    for (const p of products) if (p.end <= start && p.version === version && p.sp !== null) named = p;
    // Only said of a machine ("the branch server is still at 5.5 SP1"): not a signature's or another
    // program's "5.5 SP1", nor a browser "updated to 5.5 SP2".
    if (
      named &&
      (LEVEL_CUE_RE.test(text.slice(Math.max(0, start - 12), start)) ||
        STILL_RE.test(text.slice(Math.max(0, start - 12), start))) &&
      saidOfAnotherMachine(text, named.end, start, true) &&
      !products.some((p) => p.start > named!.end && p.end <= start && p.family !== named!.family) &&
      !formerOrFuture(text.slice(Math.max(named.end, start - 60), start))
    ) {
      extra.push({ ...named, sp, build: null, start, end });
      continue;
    }
    bare.push({ version, sp, start, end });
  }
  bare.push(...loneBareLevels(text, bare, products));
  if (extra.length) {
    products.push(...extra);
    products.sort((a, b) => a.start - b.start);
  }
  for (const p of products) if (QUOTED_BEFORE_RE.test(text.slice(Math.max(0, p.start - 40), p.start))) p.quoted = true;
  const later = [...new Set(findLaterReleases(text).map((l) => l.name.toLowerCase()))];
  const cited = findCitedHotfixes(text);
  return {
    products: markMachines(text, applyUpgrades(text, applyRemovals(text, products))),
    files,
    ...(later.length ? { later } : {}),
    ...(bare.length ? { bare } : {}),
    ...(cited.length ? { cited } : {}),
    ...(hotfixInstalled(text) ? { patched: true } : unpatchedSaid(text, products) ? { unpatched: true } : {}),
  };
}
