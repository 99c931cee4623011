/**
 * Does the ticket's installation already have an article's fix? Compares the ticket's file
 * versions, Exchange builds and service-pack levels with the article's fix and file table.
 */
import type { ArticleRecord, Fix } from '../article/types';
import { compareServicePacks, compareVersions, parseDotted } from './compare';
import { exchangeBuildOf } from './exchange-builds';
import { LEVEL, normalLevel } from './levels';
import {
  canonicalProduct,
  comparableVersion,
  findProductMentions,
  otherProductOf,
  productName,
  productOf,
  type ProductMention,
} from './products';
import { suiteOf, withSuites } from './suites';
import type { TicketVersions } from './ticket-versions';
import type { CitedHotfixState } from './cited-hotfixes';
import { absenceHit, absenceText } from './unaffected';
import { namesTerminalServer, sameLine } from './editions';
import { withArticleNames } from './aliases';

/** `not-affected`: the article says the problem does not occur in the ticket's version (it never had it). */
export type Verdict = 'affected' | 'fixed' | 'not-affected' | 'unknown';

export interface VerdictResult {
  verdict: Verdict;
  /** Why, in one short sentence: "the ticket's Store.exe 5.5.2653.0 is at or above the fixed 5.5.2591.0". */
  reason: string;
}

/** How the article's products relate to the ticket's, for ranking. */
export type ProductFit = 'same-version' | 'same-family' | 'other' | 'none';

function spText(sp: string | null): string {
  return sp === null
    ? ''
    : sp === '0'
      ? ' without a service pack'
      : sp === 'latest'
        ? ' with the latest service pack'
        : ` SP${sp}`;
}

/** Products with versions the article applies to (its `versions`, else its fix). */
export function articleProducts(record: ArticleRecord): ProductMention[] {
  const out: ProductMention[] = [];
  for (const v of record.versions) {
    const p = versionLineProduct(v);
    if (p) out.push(p);
  }
  for (const fix of record.fixes) {
    if (!fix.version) continue;
    const p = fixMention(record, fix, false);
    if (p && !out.some((o) => o.family === p.family && o.version === p.version && sameLine(o, p))) out.push(p);
  }
  return out;
}

/**
 * The product a fix is for, at its level (`withLevel`). Where the article names the Terminal Server
 * Edition, a fix is that edition's when its words say so, or when the article lists no other NT 4.0
 * ("Windows NT 4.0 hotfix" in an article about the edition alone).
 */
function fixMention(record: ArticleRecord, fix: Fix, withLevel = true): ProductMention | null {
  const p = productOf(fix.product, fix.version, withLevel ? fix.servicePack : null);
  if (!p || p.family !== 'windows' || p.version !== '4.0' || !tseApart(record)) return p;
  const nt4 = record.versions.filter((v) => /\bNT\b.*\b4\.0\b/.test(v));
  const edition =
    namesTerminalServer(`${fix.product} ${fix.text}`) || (nt4.length > 0 && nt4.every(namesTerminalServer));
  return edition ? { ...p, line: 'tse' } : p;
}

/** The article tells the Terminal Server Edition apart: it names it in a version or a fix. */
function tseApart(record: ArticleRecord): boolean {
  return record.versions.some(namesTerminalServer) || record.fixes.some((f) => namesTerminalServer(f.text));
}

const LINE_LEVEL = new RegExp(`,?\\s+${LEVEL}$`, 'i');

/**
 * The product a Version(s) line names. The line names one product from its start: "Visual Basic
 * Enterprise Edition for Windows 4.0" is Visual Basic 4.0, not the "Windows 4.0" at its end; and
 * "Windows NT Server, Enterprise Edition 4.0" is Windows NT 4.0 once the edition is set aside.
 */
function versionLineProduct(line: string): ProductMention | null {
  const known = findProductMentions(line, 1)[0];
  if (known && known.start === 0)
    return known.family === 'windows' && known.version === '4.0' && namesTerminalServer(line)
      ? { ...known, line: 'tse' }
      : known;
  // "SNA Server 2.11 SP1", "Systems Management Server 2.0 SP2": the level the line lists.
  const level = LINE_LEVEL.exec(line);
  const other = level ? otherProductOf(line.slice(0, level.index)) : otherProductOf(line);
  if (!other) return null;
  if (level) other.sp = normalLevel(level[1]!);
  const name = canonicalProduct(productName(other), other.version).product;
  const same = findProductMentions(`${name} ${other.version}`, 1)[0];
  return same && same.start === 0 ? { ...same, sp: other.sp ?? same.sp, start: 0, end: 0 } : other;
}

export function productFit(record: ArticleRecord, ticket: TicketVersions): ProductFit {
  if (ticket.products.length === 0) return 'none';
  const mine = articleProducts(record);
  if (mine.length === 0) return 'none';
  // articleProducts lists the Version(s) lines' products first, then the fixing releases.
  const listed = record.versions.filter((v) => versionLineProduct(v) !== null).length;
  let fit: ProductFit = 'other';
  let same = false;
  for (const t of ticket.products) {
    for (const [i, a] of mine.entries()) {
      if (a.family !== t.family) continue;
      if (a.version === t.version) {
        same = true;
        continue;
      }
      // The release that fixes the article's problem, later than the ticket's: the ticket runs a
      // release the problem is in, not another version than the article's.
      if (i >= listed && compareVersions(t.rank, a.rank) < 0) continue;
      fit = 'same-family';
    }
  }
  // Another release of a listed product: the family fits (the loop's 'same-family'), not the version;
  // 'other' would weigh the article as one on an unrelated product, above one on the family alone.
  if (same) return otherVersionOnly(mine.slice(0, listed), ticket) ? fit : 'same-version';
  // A ticket about other products only says nothing against an article about a product it never names.
  if (fit === 'other' && !mine.some((a) => ticket.products.some((t) => t.family === a.family))) return 'none';
  return fit;
}

/**
 * The ticket runs another version of a product the article lists, and none the article lists
 * ("Outlook 2000 / Exchange 5.5" against an article on Outlook 98 with Exchange Server 5.5): the
 * shared product's version fits, the client's does not. Articles on a problem in each release of a
 * program quote the same message, and the one listing every version the ticket runs fits it better.
 * Not Windows: the system a ticket names is often the server's, the article's the client's.
 */
function otherVersionOnly(mine: readonly ProductMention[], ticket: TicketVersions): boolean {
  const machines = ticket.products.filter((t) => !t.quoted && !WINDOWS_FAMILIES.has(t.family));
  return machines.some(
    (t) =>
      mine.some((a) => a.family === t.family) &&
      !mine.some(
        (a) => a.family === t.family && machines.some((o) => o.family === t.family && o.version === a.version),
      ),
  );
}
const WINDOWS_FAMILIES = new Set(['windows', 'windows-9x']);

const WORST: readonly Verdict[] = ['affected', 'unknown', 'not-affected', 'fixed'];

export function verdictFor(written: ArticleRecord, given: TicketVersions): VerdictResult {
  const original = comparableRecord(written);
  const lines = original.versions.map(versionLineProduct).filter((p): p is ProductMention => p !== null);
  // A version named as the article's or a fix's ("the KB lists 5.0a", "fixed in 6.0") is no machine
  // where the ticket names one of that product: that one is judged.
  const machines = given.products.filter(
    (p) => !p.quoted || !given.products.some((o) => o.family === p.family && !o.quoted),
  );
  const named = withArticleNames(original, lines, machines.map(comparableVersion));
  const record = named.record;
  const ticket = { ...given, products: named.products };
  return withCitedHotfix(record, ticket, verdictNamed(record, ticket));
}

/**
 * A ticket that says this article's hotfix is on, by its number, leaves an "affected" verdict open:
 * nothing read off the machine shows it. Its word never makes one "fixed": the number may be cited
 * for another reason, of another machine, or in words this reading does not weigh.
 */
function withCitedHotfix(record: ArticleRecord, ticket: TicketVersions, result: VerdictResult): VerdictResult {
  const cited = ticket.cited?.find((c) => c.q === record.q)?.state;
  if (result.verdict !== 'affected' || (cited !== 'installed' && cited !== 'doubted')) return result;
  // A file of the fix read off the machine outranks what is said of the hotfix.
  if (ticket.files.some((f) => record.files.some((r) => r.name.toLowerCase() === f.name))) return result;
  return { verdict: 'unknown', reason: citedReason(record, cited) };
}

/** The record with its versions in the form comparableVersion gives the ticket's: "MASM 5.10" is 5.1. */
function comparableRecord(record: ArticleRecord): ArticleRecord {
  const line = (v: string) => v.replace(TRAILING_ZERO, '$1$2');
  const fix = (f: Fix): Fix =>
    f.version && TRAILING_ZERO_VERSION.test(f.version) ? { ...f, version: line(` ${f.version}`).trim() } : f;
  const versions = record.versions.map(line);
  if (versions.every((v, i) => v === record.versions[i]) && record.fixes.every((f) => fix(f) === f)) return record;
  return { ...record, versions, fix: record.fix ? fix(record.fix) : null, fixes: record.fixes.map(fix) };
}
const TRAILING_ZERO = /(\s\d{1,4}\.\d)0([a-z]?)(?=$|[\s,])/gi;
const TRAILING_ZERO_VERSION = /^\d{1,4}\.\d0[a-z]?$/i;

function verdictNamed(record: ArticleRecord, ticket: TicketVersions): VerdictResult {
  const apart = versionsApart(record, ticket);
  if (apart) return worst(apart.map((products) => verdictNamed(record, { ...ticket, products })));
  // Machines on both NT 4.0 lines, in an article that tells them apart: each line is judged by its
  // own fix, and the worse verdict decides (as the lowest level does within one line).
  const nt4 = (p: ProductMention) => p.family === 'windows' && p.version === '4.0';
  const tse = ticket.products.filter((p) => nt4(p) && p.line === 'tse');
  if (tse.length > 0 && tse.length < ticket.products.filter(nt4).length && tseApart(record)) {
    const results = [true, false].map((onTse) =>
      verdictOnce(record, {
        ...ticket,
        products: ticket.products.filter((p) => !nt4(p) || (p.line === 'tse') === onTse),
      }),
    );
    return worst(results);
  }
  return verdictOnce(record, ticket);
}

function worst(results: VerdictResult[]): VerdictResult {
  return results.sort((a, b) => WORST.indexOf(a.verdict) - WORST.indexOf(b.verdict))[0]!;
}

/**
 * Machines on several versions of one product, each a version the article lists or fixes ("one
 * Exchange 5.0 SP2 box, the rest on 5.5 SP3"; "MASM 5.1 on one build box, 6.0 on the other"): each
 * version is judged alone, by its own fix, and the worse verdict decides, as the lowest level does
 * within one version. One judgement of both took the fix of one version and dropped the other machine.
 */
function versionsApart(record: ArticleRecord, ticket: TicketVersions): ProductMention[][] | null {
  const mine = articleProducts(record);
  const covered = (p: ProductMention) => mine.some((a) => a.family === p.family && a.version === p.version);
  const versions = new Map<string, Set<string>>();
  // Only versions each said of a machine of its own, none gone or elsewhere: a version named in
  // passing ("we used to run 5.0") is no machine, and the single judgement stays.
  for (const p of ticket.products) {
    if (!covered(p) || p.quoted || !p.machine || p.former) continue;
    const set = versions.get(p.family) ?? new Set<string>();
    set.add(p.version);
    versions.set(p.family, set);
  }
  for (const [family, set] of versions) {
    if (set.size < 2) continue;
    return [...set].map((version) =>
      ticket.products.filter((p) => p.family !== family || p.version === version || !covered(p) || p.quoted),
    );
  }
  return null;
}

function verdictOnce(record: ArticleRecord, ticket: TicketVersions): VerdictResult {
  // 1. A file version the ticket quotes, against the article's fixed file (its file table's, or a
  //    fix that names a file: "corrected in VFORMS.DLL version 3.2.0.4064").
  const fixedFiles = [...record.files, ...fileFixes(record)].filter((f) => f.version && parseDotted(f.version));
  for (const f of fixedFiles) {
    const seen = ticket.files.find(
      (t) =>
        t.name === f.name.toLowerCase() &&
        // A table with the file for several releases: the ticket's is judged by its own release's row.
        (sameRelease(t.version, f.version!) ||
          !fixedFiles.some((o) => o.name.toLowerCase() === t.name && sameRelease(t.version, o.version!))),
    );
    if (!seen) continue;
    return compareVersions(seen.version, f.version!) >= 0
      ? { verdict: 'fixed', reason: `the ticket's ${f.name} ${seen.version} is at or above the fixed ${f.version}` }
      : { verdict: 'affected', reason: `the ticket's ${f.name} ${seen.version} is older than the fixed ${f.version}` };
  }

  // 1b. A version the article says the problem does not occur in.
  const absent = absenceHit(record, withSuites(ticket.products), withSuites(articleProducts(record)));
  if (absent)
    return {
      verdict: 'not-affected',
      reason: `the article says the problem does not occur in ${absenceText(absent.absence)}; the ticket names ${absent.mention.name}`,
    };

  const fix = fixTheTicketNames(record, ticket) ?? record.fix;
  // This article's own fix said to be off by its number ("Q314696 not yet applied") leaves no unnamed
  // hotfix that may be it.
  const patched = ticket.patched === true && !ticket.cited?.some((c) => c.q === record.q && c.state === 'absent');
  const named = fix && fix.version ? fixMention(record, fix) : null;
  // An Office program's or Visual Studio tool's fix is judged as the suite's: their service packs are
  // one line. A later release of the program itself (Visual FoxPro 5.0a) is not: the suite's
  // release holds both it and the version before it.
  const fixProduct = named ? ((fix && isUpgrade(fix) ? null : suiteOf(named)) ?? named) : null;
  // No fix: the article's product the ticket names decides, else its first.
  const mine = articleProducts(record);
  const family =
    fixProduct?.family ??
    mine.find((a) => withSuites(ticket.products).some((t) => t.family === a.family))?.family ??
    mine[0]?.family;
  let mentions = withSuites(ticket.products).filter((p) => p.family === family);
  if (family && mentions.length === 0) mentions = bareMentions(record, fixProduct, family, ticket);
  if (!family || mentions.length === 0) {
    // A fix that is a later release (or none at all) says nothing the ticket could already have;
    // a version the article lists as affected, of any of its products, is affected.
    const hit =
      !fix || isUpgrade(fix)
        ? listedHit(record, withSuites(ticket.products))
        : fixProduct
          ? otherVersionOfLine(record, fixProduct, ticket.products)
          : null;
    if (hit) return affectedListed(hit, fix);
    return {
      verdict: 'unknown',
      reason: family ? 'the ticket names no version of the product' : 'the article names no product version',
    };
  }

  if (fixProduct) {
    // Several machines at several levels: the lowest decides (one that predates the fix is affected).
    // The same line too: a ticket's NT 4.0 SP6a is not the Terminal Server Edition's SP6.
    const same = mentions
      .filter((p) => p.version === fixProduct.version && (!tseApart(record) || sameLine(p, fixProduct)))
      .sort((a, b) => compareServicePacks(levelOf(a), levelOf(b)));
    // 2. An Exchange build in the ticket against the article's fixed Exchange file versions
    //    (Exchange files carry the product build: Store.exe 5.5.2448.0 is SP2).
    for (const p of same) {
      const build = p.build
        ? buildNumber(p.build)
        : p.sp !== null
          ? exchangeBuildOf(p.version, p.sp === '0' ? null : p.sp)
          : null;
      if (family !== 'exchange' || build === null) continue;
      const fixed = record.files.find((f) => f.version && f.version.startsWith(p.rank + '.'));
      if (!fixed || !fixed.version) continue;
      const fixedBuild = parseDotted(fixed.version)?.[2];
      if (fixedBuild === undefined) continue;
      // A level's build is the service pack's own files: a ticket that says a hotfix is on top of it
      // may have the fixed file already.
      if (build < fixedBuild && !p.build && patched)
        return {
          verdict: 'unknown',
          reason: `the ticket's ${p.name}${spText(p.sp)} predates the fixed ${fixed.name} ${fixed.version}, but the ticket says a hotfix is installed`,
        };
      return build >= fixedBuild
        ? {
            verdict: 'fixed',
            reason: `the ticket's ${p.name}${spText(p.sp)} (build ${build}) is at or above the fixed ${fixed.name} ${fixed.version}`,
          }
        : {
            verdict: 'affected',
            reason: `the ticket's ${p.name}${spText(p.sp)} (build ${build}) is older than the fixed ${fixed.name} ${fixed.version}`,
          };
    }
    // 3. Service-pack level against the fixing service pack. An inferred number (the article
    //    said "the latest service pack") is where the fix is at the latest: a level below it may
    //    already have the fix, so it is not called affected.
    if (fix!.servicePack) {
      for (const p of same) {
        if (p.sp === null) continue;
        const has = compareServicePacks(p.sp === '0' ? null : p.sp, fix!.servicePack) >= 0;
        if (has)
          return { verdict: 'fixed', reason: `the ticket's ${p.name}${spText(p.sp)} includes the fix (${fix!.text})` };
        const above = belowListed(record, p);
        if (above)
          return {
            verdict: 'unknown',
            reason: `the article lists ${p.name} only at ${levelsText(above)}; the ticket's${spText(p.sp)} is earlier, which it does not say has the problem`,
          };
        if (fix!.inferred) {
          // The release itself, or a level the article lists as affected, predates the fix however it is numbered.
          if (p.sp === '0' || listedAtLevel(record, p))
            return {
              verdict: 'affected',
              reason: `the ticket's ${p.name}${spText(p.sp)} is ${p.sp === '0' ? 'the release before any service pack' : 'listed as affected'}; fixed in ${fix!.text}`,
            };
          return {
            verdict: 'unknown',
            reason: `the ticket's ${p.name}${spText(p.sp)} may predate the fix: the article says the latest service pack, Service Pack ${fix!.servicePack} when it was last modified`,
          };
        }
        return { verdict: 'affected', reason: `the ticket's ${p.name}${spText(p.sp)} predates the fix (${fix!.text})` };
      }
      // A later version of the same line (MDAC 2.5 after 2.1 SP2) has the fix, unless the article
      // lists it as affected too; a later major version is another code base, not judged here.
      const later = mentions.find((p) => laterInLine(p, fixProduct) && !listedAffected(record, p));
      if (later) return { verdict: 'fixed', reason: `the ticket's ${later.name} is later than ${fix!.text}` };
      // A level removed ("uninstalled SP4") leaves one below it: below the fix's own level, or a
      // lower one, that predates the fix. An inferred number is only an upper bound of the fix.
      const under = same.find((p) => p.below && !fix!.inferred && compareServicePacks(p.below, fix!.servicePack) <= 0);
      if (under)
        return {
          verdict: 'affected',
          reason: `the ticket's ${under.name} is below SP${under.below}, which it removed; fixed in ${fix!.text}`,
        };
      if (same.length > 0) {
        return {
          verdict: 'unknown',
          reason: `the ticket names ${same[0]!.name} but not its service pack; fixed in ${fix!.text}`,
        };
      }
    }
    // 4. "The latest service pack for X" with no number is a service pack of X, not an upgrade
    //    to X: the ticket's X itself does not have it; only a later version does.
    if (!fix!.servicePack && isLatestServicePack(fix!)) {
      const later = mentions.find((p) => compareVersions(p.rank, fixProduct.rank) > 0);
      if (later)
        return {
          verdict: 'fixed',
          reason: `the ticket's ${later.name} is later than ${fixProduct.name}, fixed in its ${fix!.text}`,
        };
      // A ticket "with the latest service pack" has whatever number the article's latest one had.
      if (same.length > 0 && same.every((p) => p.sp === 'latest'))
        return { verdict: 'fixed', reason: `the ticket's ${same[0]!.name} has the latest service pack (${fix!.text})` };
      // The release itself ("no service pack", "RTM") has none, whatever the latest one's number.
      const bare = same.find((p) => p.sp === '0');
      if (bare)
        return {
          verdict: 'affected',
          reason: `the ticket's ${bare.name}${spText(bare.sp)} predates any service pack; fixed in the ${fix!.text}`,
        };
      // A level the article lists as affected predates its fix, whatever the fix's number.
      const listedLevel = same.find((p) => p.sp !== 'latest' && listedAtLevel(record, p));
      if (listedLevel)
        return {
          verdict: 'affected',
          reason: `the ticket's ${listedLevel.name}${spText(listedLevel.sp)} is listed as affected; fixed in the ${fix!.text}`,
        };
      if (same.length > 0) {
        return {
          verdict: 'unknown',
          reason: `fixed in the ${fix!.text}, which the article does not number; the ticket names ${same[0]!.name}${spText(same[0]!.sp)}`,
        };
      }
    } else if (fix!.hotfix) {
      const v = hotfixVerdict(record, fix!, fixProduct, mentions, same, patched, ticket.unpatched === true);
      if (v) return v;
    } else if (!fix!.servicePack) {
      // 5. An upgrade fix: a later product version has it.
      const later = mentions.find((p) => compareVersions(p.rank, fixProduct.rank) >= 0);
      if (later) return { verdict: 'fixed', reason: `the ticket's ${later.name} is at or above ${fix!.text}` };
    }
  }

  // 6. The ticket's version is one the article lists as affected and no fix applies to it. A fix
  //    that is a later release (or none) leaves every listed product's version affected.
  const listed = withSuites(articleProducts(record));
  const hit =
    listedHit(record, mentions) ?? (!fix || isUpgrade(fix) ? listedHit(record, withSuites(ticket.products)) : null);
  if (hit) return affectedListed(hit, fix);
  const other = mentions.find((p) => otherLevel(record, p));
  if (other) {
    return {
      verdict: 'unknown',
      reason: `the article lists ${other.name} only at ${listedLevelsText(record, other)}; the ticket names${spText(other.sp) || ' no service pack'}`,
    };
  }
  return {
    verdict: 'unknown',
    reason: `the article covers ${listed.map((a) => a.name).join(', ') || 'other versions'}; the ticket names ${mentions[0]!.name}`,
  };
}

/** The mention's level for ordering: "0" is the release itself; an unnamed level sorts last. */
function levelOf(m: ProductMention): string | null {
  return m.sp === null ? 'latest' : m.sp === '0' ? null : m.sp;
}

function affectedListed(hit: ProductMention, fix: Fix | null): VerdictResult {
  return {
    verdict: 'affected',
    reason: `the ticket's ${hit.name}${spText(hit.sp)} is listed as affected; ${fix ? `fixed in ${fix.text}` : 'no fix is named'}`,
  };
}

/** A fix that is a later release (not a service pack, a hotfix or "the latest service pack"). */
function isUpgrade(fix: Fix): boolean {
  return !fix.servicePack && !fix.hotfix && !isLatestServicePack(fix);
}

/**
 * The service-pack levels at which the article's Version lines list the mention's version
 * ("Exchange Server 5.5 SP3" -> ["3"]); null when a line lists the version as a whole or none lists it.
 */
function listedLevels(record: ArticleRecord, m: ProductMention): string[] | null {
  const same = listedLines(record).filter((a) => a.family === m.family && a.version === m.version);
  if (same.length === 0 || same.some((a) => a.sp === null)) return null;
  return same.map((a) => a.sp!);
}

/**
 * The Version(s) lines' products. A version listed bare beside the same version at levels ("5.5,
 * 5.5 SP1", "SNA Server 3.0, 3.0 SP1, 3.0 SP2") is the release itself in that enumeration
 * (level "0"), not the version whole: 5.5 SP3 is not listed there.
 */
function listedLines(record: ArticleRecord): ProductMention[] {
  const lines: ProductMention[] = [];
  for (const line of record.versions) {
    const a = versionLineProduct(line);
    if (!a) continue;
    // Only the same words with a level after them: "Windows NT Server 4.0 Terminal Server Edition"
    // beside "Windows NT Server 4.0 SP4" is another edition, listed whole.
    const release =
      a.sp === null &&
      record.versions.some(
        (b) => b.length > line.length && b.startsWith(line) && LINE_LEVEL.test(b.slice(line.length)),
      );
    lines.push(release ? { ...a, sp: '0' } : a);
  }
  return withSuites(lines);
}

/** The ticket's level is one the article lists ("5.5 SP3" for a ticket at 5.5 SP3). */
function listedAtLevel(record: ArticleRecord, m: ProductMention): boolean {
  if (m.sp === null) return false;
  // A lettered level is its service pack re-issued: SP6a is in the listed SP6's line where the
  // article lists earlier levels too (a problem through the service packs). Listed at SP6 alone,
  // the problem may be what SP6a was re-issued for.
  const number = (sp: string) => sp.replace(/[a-z]$/i, '');
  const lines = listedLines(record).filter((a) => a.family === m.family && a.version === m.version && a.sp !== null);
  const levels = new Set(lines.map((a) => a.sp));
  return lines.some(
    (a) =>
      compareServicePacks(a.sp, m.sp) === 0 || (a.sp !== '0' && levels.size > 1 && number(a.sp!) === number(m.sp!)),
  );
}

/**
 * The article lists the mention's version only at levels above the ticket's ("Windows NT 4.0
 * SP4, SP5" for a ticket at SP3): the problem may have come with a later level, so an earlier
 * one is not known to have it.
 */
function belowListed(record: ArticleRecord, m: ProductMention): string[] | null {
  if (m.sp === null || m.sp === 'latest') return null;
  const levels = listedLevels(record, m);
  if (!levels) return null;
  const level = m.sp === '0' ? null : m.sp;
  return levels.every((l) => compareServicePacks(l === '0' ? null : l, level) > 0) ? levels : null;
}

/** The article lists the version only at other levels than the ticket's (or the ticket names none). */
function otherLevel(record: ArticleRecord, m: ProductMention): boolean {
  const levels = listedLevels(record, m);
  return levels !== null && !listedAtLevel(record, m);
}

function listedLevelsText(record: ArticleRecord, m: ProductMention): string {
  return levelsText(listedLevels(record, m) ?? []);
}

const levelsText = (levels: readonly string[]) =>
  [...new Set(levels)].map((l) => (l === '0' ? 'the release itself' : `SP${l}`)).join(', ');

/**
 * The first mention whose version (and level, where the article lists levels) the article lists as
 * affected. Two programs of one suite are not each other: Word 2000 is not a listed Outlook 2000,
 * though both are Office 2000 (the suite named whole is each of its programs).
 */
function listedHit(record: ArticleRecord, mentions: readonly ProductMention[]): ProductMention | null {
  const listed = withSuites(articleProducts(record));
  const lists = (a: ProductMention, p: ProductMention) =>
    a.family === p.family &&
    a.version === p.version &&
    !(a.program && p.program && a.program !== p.program) &&
    (!tseApart(record) || sameLine(a, p));
  return mentions.find((p) => listed.some((a) => lists(a, p)) && !otherLevel(record, p)) ?? null;
}

/**
 * A listed version of a program whose fix came in its suite's service pack for another version:
 * Visual FoxPro 5.0a in an article fixed in Visual Studio 6.0 SP3 (which has Visual FoxPro 6.0).
 */
function otherVersionOfLine(
  record: ArticleRecord,
  fixProduct: ProductMention,
  products: readonly ProductMention[],
): ProductMention | null {
  const listed = articleProducts(record);
  for (const m of products) {
    if (!listed.some((a) => a.family === m.family && a.version === m.version) || otherLevel(record, m)) continue;
    const inSuite = listed.some((b) => b.family === m.family && suiteOf(b)?.family === fixProduct.family);
    if (inSuite && suiteOf(m)?.version !== fixProduct.version) return m;
  }
  return null;
}

/**
 * "5.5 sp4" in a ticket that names no product there: the version of the article's product (its
 * fix's, else the one it lists) at that service pack.
 */
function bareMentions(
  record: ArticleRecord,
  fixProduct: ProductMention | null,
  family: string,
  ticket: TicketVersions,
): ProductMention[] {
  if (!ticket.bare?.length) return [];
  const own = [...(fixProduct ? [fixProduct] : []), ...withSuites(articleProducts(record))].filter(
    (a) => a.family === family,
  );
  const out: ProductMention[] = [];
  for (const b of ticket.bare) {
    const a = own.find((o) => o.version === b.version);
    if (a) out.push({ ...a, sp: b.sp, build: null, start: b.start, end: b.end });
  }
  return out;
}

/**
 * A later version with the same major number: 2.5 after 2.1, 3.51 after 3.5, 5.5 after 5.0. Only
 * versions written as numbers: a release named by year or letters (Windows 2000, XP, 2003; Office
 * 97, 2000) is its own product, whatever its internal number (XP shipped before 2000's SP3).
 */
function laterInLine(m: ProductMention, fixed: ProductMention): boolean {
  const numbered = (p: ProductMention) => /^\d{1,2}\.\d/.test(p.version);
  return (
    numbered(m) &&
    numbered(fixed) &&
    compareVersions(m.rank, fixed.rank) > 0 &&
    m.rank.split('.')[0] === fixed.rank.split('.')[0]
  );
}

/** The article lists the mention's product version among the affected ones. */
function listedAffected(record: ArticleRecord, m: ProductMention): boolean {
  return withSuites(articleProducts(record)).some((a) => a.family === m.family && a.version === m.version);
}

/**
 * 5b. A hotfix is made for one version and is in it only once installed, which a ticket that
 * names the version does not say: that version is affected. A later version has the fix; so does
 * the service pack that took the hotfix in ("... hotfix (before Service Pack 4)"). A rollup on a
 * service pack ("Service Pack 4 Hotfix Rollup Package") is not in that service pack itself, only
 * in later ones: at that level the ticket may or may not have it.
 */
function hotfixVerdict(
  record: ArticleRecord,
  fix: Fix,
  fixProduct: ProductMention,
  mentions: readonly ProductMention[],
  same: readonly ProductMention[],
  patched: boolean,
  unpatched = false,
): VerdictResult | null {
  const later = mentions.find((p) => laterInLine(p, fixProduct) && !listedAffected(record, p));
  if (later) return { verdict: 'fixed', reason: `the ticket's ${later.name} is later than ${fix.text}` };
  const takenIn = fix.takenIn ?? null;
  const rollupOn = fix.rollupOn ?? null;
  for (const p of same) {
    if (p.sp === null) continue;
    // "The latest service pack" is not a level a hotfix's later service pack can be compared with.
    if (p.sp === 'latest') return hotfixDoubt(record, p, fix, false);
    const level = p.sp === '0' ? null : p.sp;
    if (takenIn && compareServicePacks(level, takenIn) >= 0)
      return {
        verdict: 'fixed',
        reason: `the ticket's ${p.name}${spText(p.sp)} includes the fix (Service Pack ${takenIn} took in the hotfix)`,
      };
    if (rollupOn) {
      const c = compareServicePacks(level, rollupOn);
      if (c > 0) return { verdict: 'fixed', reason: `the ticket's ${p.name}${spText(p.sp)} is later than ${fix.text}` };
      // "SP4, the HRP is not installed": the level alone, without the rollup.
      if (c === 0 && unpatched)
        return {
          verdict: 'affected',
          reason: `the ticket's ${p.name}${spText(p.sp)} is fixed only with ${fix.text} installed, which the ticket says is not`,
        };
      if (c === 0)
        return {
          verdict: 'unknown',
          reason: `the ticket's ${p.name}${spText(p.sp)} has the fix only with ${fix.text} installed`,
        };
    }
    // A hotfix made after Service Pack N: a later service pack may have taken it in, but the article does not say.
    if (fix.builtOn && compareServicePacks(level, fix.builtOn) > 0)
      return {
        verdict: 'unknown',
        reason: `the ${fix.text} was made after Service Pack ${fix.builtOn}; the article does not say which later service pack has it`,
      };
    const doubt = hotfixDoubt(record, p, fix, patched);
    if (doubt) return doubt;
    return {
      verdict: 'affected',
      reason: `the ticket's ${p.name}${spText(p.sp)} is fixed only with the ${fix.text} installed`,
    };
  }
  if (same.length > 0) {
    const doubt = hotfixDoubt(record, same[0]!, fix, patched);
    if (doubt) return doubt;
    // A service pack took the hotfix in, or a later one may have: the ticket's unstated level may be it.
    const later = takenIn ?? rollupOn ?? fix.builtOn ?? null;
    if (later !== null)
      return {
        verdict: 'unknown',
        reason: `the ticket names ${same[0]!.name} but not its service pack; ${takenIn ? `Service Pack ${takenIn} took in the ${fix.text}` : `a service pack after ${later} may have the ${fix.text}`}`,
      };
    return {
      verdict: 'affected',
      reason: `the ticket's ${same[0]!.name} is fixed only with the ${fix.text} installed`,
    };
  }
  return null;
}

function citedReason(record: ArticleRecord, cited: CitedHotfixState): string {
  return cited === 'installed'
    ? `the ticket says the ${record.q} hotfix is installed, but nothing read off the machine shows it`
    : `the ticket says the ${record.q} hotfix is installed only as someone's claim`;
}

/**
 * Why a ticket at the hotfix's version may have it after all: the ticket says a hotfix or rollup
 * is installed; it names "the latest service pack"; or the article lists the version only at
 * other service-pack levels than the ticket's (the problem may not be there at all).
 */
function hotfixDoubt(record: ArticleRecord, p: ProductMention, fix: Fix, patched: boolean): VerdictResult | null {
  if (patched)
    return {
      verdict: 'unknown',
      reason: `the ticket says a hotfix or rollup is installed; it may include the ${fix.text}`,
    };
  if (p.sp === 'latest')
    return {
      verdict: 'unknown',
      reason: `the article does not say which service pack took in the ${fix.text}`,
    };
  if (otherLevel(record, p))
    return {
      verdict: 'unknown',
      reason: `the article lists ${p.name} only at ${listedLevelsText(record, p)}; the ticket names${spText(p.sp) || ' no service pack'}`,
    };
  return null;
}

/**
 * The fix to judge by: an article fixed in several products ("COMCTL32.OCX 5.00.3828", "Visual
 * Studio 97 Service Pack 1") is judged by a fix for a product the ticket names. An article fixed in
 * several versions of one product ("Exchange Server 4.0 Service Pack 4" and "5.0 Service Pack 1")
 * is judged by the fix for the ticket's version, else for its major version, else the first of the
 * family: 5.0 SP1 judged against 4.0 SP4 was called affected.
 */
function fixTheTicketNames(record: ArticleRecord, ticket: TicketVersions): Fix | null {
  if (ticket.products.length === 0) return null;
  const products = withSuites(ticket.products);
  const candidates: { fix: Fix; p: ProductMention }[] = [];
  for (const f of record.fix ? [record.fix, ...record.fixes] : record.fixes) {
    if (!f.version) continue;
    const p = fixMention(record, f);
    if (p && products.some((t) => t.family === p.family)) candidates.push({ fix: f, p });
  }
  const major = (rank: string) => rank.split('.')[0];
  return (
    (
      candidates.find(({ p }) =>
        products.some((t) => t.family === p.family && t.version === p.version && sameLine(t, p)),
      ) ??
      candidates.find(({ p }) => products.some((t) => t.family === p.family && t.version === p.version)) ??
      candidates.find(({ p }) => products.some((t) => t.family === p.family && major(t.rank) === major(p.rank))) ??
      candidates[0]
    )?.fix ?? null
  );
}

/** Two versions of one file from the same release line (same major number): Asp.dll 5.0.2195.2966 and 5.0.2195.3649. */
function sameRelease(a: string, b: string): boolean {
  const x = parseDotted(a);
  const y = parseDotted(b);
  return !!x && !!y && x[0] === y[0];
}

const FILE_NAME = /^[\w-]{1,40}\.(?:exe|dll|sys|ocx|cpl|drv|vxd|386)$/i;

/** Fixes that are a file at a version ("VFORMS.DLL 3.2.0.4064"), as file-table rows. */
function fileFixes(record: ArticleRecord): { name: string; version: string }[] {
  return record.fixes
    .filter((f) => FILE_NAME.test(f.product) && parseDotted(f.version))
    .map((f) => ({ name: f.product, version: f.version }));
}

/** "latest Exchange Server 5.5 service pack": a service pack, its number unknown. */
function isLatestServicePack(fix: Fix): boolean {
  return fix.servicePack === null && !fix.hotfix && /^latest\b.*\bservice pack$/i.test(fix.text);
}

function buildNumber(build: string): number | null {
  const parts = build.split('.').map(Number);
  const n = parts.length > 2 ? parts[2] : parts[0];
  return n === undefined || Number.isNaN(n) ? null : n;
}
