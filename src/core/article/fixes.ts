/**
 * Which release fixes the problem. Evidence, strongest first:
 *
 *  1. A STATUS sentence naming the release ("first corrected in Exchange Server 5.5 Service
 *     Pack 3", "fixed in Visual FoxPro 5.0"). STATUS is where Microsoft recorded the fix, so it
 *     beats everything else, keywords included: kb/221/Q221734 says "Visual Studio 6.0 Service
 *     Pack 3" in STATUS but carries sp1fix/sp2fix/sp3fix keywords.
 *  2. The same kind of sentence elsewhere (RESOLUTION, MORE INFORMATION ...), or a RESOLUTION
 *     instruction naming a numbered SP ("To resolve this problem, install ... Service Pack 4").
 *  3. "The latest service pack for X" with no number (patterns B and F). The number is taken
 *     from a `...spNfix` keyword for the same product, or from another SP the article tells the
 *     reader to install for that product (kb/134/Q134968), because the sentence itself only
 *     said "latest" at the time of writing.
 *  4. A `...spNfix` keyword alone: fixed in that SP, though no sentence says so.
 *  5. Hotfix wording ("A supported fix is now available", "hotfix", QFE) or a `preSPNfix`
 *     keyword: a hotfix exists. It is the main fix only when no SP/upgrade fixes the same
 *     product, since an SP is what most readers can install.
 *
 * Never a fix: future tense ("will be corrected in", "the next service pack"), prerequisites
 * ("this fix requires ... Service Pack 4"), third-party products ("fixed in Novell version 4.0"),
 * documentation fixes ("corrected in the ... Help file"), and "not been corrected".
 */
import type { Fix, FixKind } from './types';
import type { Section } from './sections';
import type { BodyLine } from './body-lines';
import { readFixKeywords, type FixKeyword } from './fix-keywords';
import { familyKey, isVendorRelease, parseRelease, releaseText, type Release } from './release';
import { collapse, sentences, withoutMicrosoft } from './text';
import { CONFIRMED_IN } from './applies-to';
import { canonicalProduct } from '../version/products';
import { namesMicrosoftProduct } from '../version/microsoft-products';
import { ERA_MAKERS } from '../vendors';

export interface FixResult {
  fix: Fix | null;
  fixes: Fix[];
  fixedIn: string | null;
  fixKind: FixKind;
}

export interface FixInput {
  sections: readonly Section[];
  keywords: readonly string[];
  /** The article's normalised affected versions, for a hotfix that names no product. */
  versions: readonly string[];
  title: string;
}

interface Evidence {
  fix: Fix;
  /** "Terminal Server Edition": kept apart from the plain product's fix. */
  edition?: string;
  latest: boolean;
  score: number;
  order: number;
}

const FIX_VERB =
  /\b(?:was|has been|have been|is|are|were|been|being|be)\s+(?:first\s+|now\s+|also\s+|since\s+|subsequently\s+)?(?:corrected|fixed|resolved|addressed|repaired)\s+(?:in|with|by\s+(?:installing|applying|upgrading\s+to|using))\s+(.+)$/i;
const NO_LONGER = /\bno longer (?:occurs?|exists?|happens?|appears?)\s+(?:in|with|under)\s+(.+)$/i;
const FIXES_THIS =
  /^(?:Installing\s+|Applying\s+)?(?:the\s+)?(.{3,90}?)\s+(?:fixes|corrects|resolves)\s+(?:this|the)\s+(?:problem|issue|bug)/i;
// "upgrade your computer to the latest ... service pack": the machine may stand between "upgrade" and "to".
const UPGRADE_TO_WORDS = String.raw`upgrade(?:\s+(?:your|the|this|that|each|all|any|affected)(?:\s+[\w-]+){1,2})?\s+to\b`;
const UPGRADE_TO = new RegExp(String.raw`\b${UPGRADE_TO_WORDS}`, 'i');
const RESOLVE_BY = new RegExp(String.raw`\b(?:obtain|install|apply|download|${UPGRADE_TO_WORDS})\s+(.+)$`, 'i');
const FUTURE =
  /\bwill\b|\bfuture\b|\bnext\s+(?:(?:\w+\s+){0,5})?(?:service pack|release|version|update)\b|\bupcoming\b|\bscheduled\b|\bplanned\b|\bplans\b/i;
const PREREQUISITE =
  /\brequires?\b|\brequired\b|\bprerequisite\b|\bdependenc|\bmust (?:first )?(?:install|apply|have|be)\b|\bbefore (?:you )?(?:can )?(?:apply|install)\b|\bprior to (?:applying|installing)\b/i;
const NEGATED = /\bnot\s+(?:yet\s+|been\s+|be\s+)*(?:corrected|fixed|resolved|addressed)\b/i;
/** "The documents were corrected in ...", "This documentation error has been fixed in ...": doc fixes. */
const DOC_SUBJECT =
  /\bdocument(?:s|ed|ation)?\b|\bhelp (?:file|topic)s?\b|\bonline help\b|\bmanuals?\b|\breadme\b|\bBooks Online\b|\btypo/i;
const HOTFIX =
  /\bsupported fix is (?:now )?available\b|\bhot ?fix(?:es)?\b|\bpost-?SP\s?\d|\bfix has been posted\b|\bobtain (?:this|the) fix\b|\bsupported (?:fix|update)\b.*\bavailable\b/i;
/** "QFE" in capitals, not a folder such as "\Winnt351.qfe". */
const QFE = /(?<![.\\/])\bQFE\b/;
/**
 * Hotfixes and service packs in general, not this problem's fix: "verify that any hotfixes or
 * service packs that you install after you modify the permissions are installed correctly".
 */
const GENERIC_UPDATES =
  /\b(?:any|all|other|future|previous|earlier|subsequent|additional)\s+(?:\w+\s+)?(?:hot ?fix(?:es)?|service packs?|QFEs?)(?:\s+(?:or|and)\s+(?:hot ?fix(?:es)?|service packs?|QFEs?))?\b/gi;
const hotfixWording = (s: string) => {
  const t = s.replace(GENERIC_UPDATES, '');
  return HOTFIX.test(t) || QFE.test(t);
};
/** Hotfix wording strong enough to count outside RESOLUTION/STATUS (MORE INFORMATION of kb/320/Q320376). */
const HOTFIX_STRONG =
  /\bsupported fix is (?:now )?available\b|\bobtain (?:this|the) (?:hot)?fix\b|\bsupported (?:fix|update)\b.*\bavailable\b/i;
/**
 * A downloadable update from Microsoft that is neither a service pack nor a new version: "An
 * update has been created to resolve this issue", "An updated version of Winfile.exe is
 * available", "corrected in version 3.4.041 of Pwabfrd.exe". Counted as a hotfix.
 */
const UPDATE =
  /\b(?:an?|this)\s+update\s+(?:has been|is|was)\s+(?:created|released|made available|available)\b|\bupdated (?:version|copy|file|driver)s?\s+of\s+\S+\s+(?:is|are)\s+available\b|\b(?:corrected|fixed|resolved)\s+in\s+version\s+[\d.]+\s+of\s+\S+\.(?:exe|dll|sys|drv|386|vxd|com|ocx)\b/i;
/** Other vendors an article sends the reader to for their own update (both sentences below). */
const OTHER_VENDORS = ERA_MAKERS.join('|');
/**
 * Another vendor's update: "Contact Symantec and obtain an updated version of Norton Antivirus",
 * "Consult your hardware vendor about upgrading your system BIOS", "fixed in Novell version 4.0",
 * "contact Citrix to obtain the Me0001.exe hotfix" (a file name's dot does not end the clause).
 */
const THIRD_PARTY_UPDATE = new RegExp(
  String.raw`\b(?:contact|consult|call|check with|obtain [^.]{0,40}\bfrom)\s+(?:your\s+|the\s+)?(?:respective\s+)?(?:(?:hardware|software|computer|system|BIOS|printer|network|device|third[- ]party|original)\s+)?(?:vendor|manufacturer|OEM|supplier|maker)s?\b[^.]{0,120}\b(?:update|upgrad|newer|later version|latest version|new version|BIOS|driver|fix)|\b(?:contact|consult)\s+(?:${OTHER_VENDORS})\b(?:[^.]|\.(?=\w)){0,120}\b(?:update|upgrad|newer|later version|latest version|new version|updated version|fix|hotfix|patch)|\b(?:fixed|corrected|resolved)\s+in\s+(?:the\s+)?(?:Novell|NetWare|IBM|Lotus|Netscape|Apple|Macintosh\s+(?:System|OS)|Mac\s?OS|Compaq|Symantec|Banyan|Citrix|Adobe|Corel)\b`,
  'i',
);
/**
 * A hardware maker's driver as the remedy: "install the latest video driver for your video
 * adapter", "Check with Hewlett-Packard about obtaining an updated Windows 95 driver for your
 * printer". Microsoft's own drivers (ODBC, OLE DB, Jet) are named otherwise and do not match.
 */
const HARDWARE_DRIVER =
  /\b(?:latest|updated?|newer|current)\s+(?:version\s+of\s+(?:the\s+|your\s+)?)?(?:[\w-]+\s+){0,3}?(?:video|display|graphics|printer|sound|audio|modem|SCSI|CD-ROM|mouse|joystick|scanner|adapter|card|chipset)\s+(?:card\s+|adapter\s+)?drivers?\b|\b(?:latest|updated?|newer|current)\s+(?:[\w-]+\s+){0,2}?drivers?\s+(?:for|from)\s+(?:your|the)\s+(?:[\w-]+\s+){0,3}?(?:video|display|graphics|sound|audio|modem|SCSI|printer|adapter|card|manufacturer|vendor|hardware)\b/i;
/** "An update is available from Lotus": another vendor's update, said the other way round. */
const AVAILABLE_FROM_VENDOR = new RegExp(
  String.raw`\b(?:update|upgrade|fix|patch|new version|newer version|updated version)s?\s+(?:is|are)\s+available\s+from\s+(?:${OTHER_VENDORS}|Quarterdeck|your (?:hardware |software )?(?:vendor|manufacturer))\b`,
  'i',
);
/**
 * "Contact Sygate Technical Support for information about ... obtaining Personal Firewall 5.0": a
 * named company's support desk (not Microsoft's) for that company's update. The name is matched
 * case-sensitively so "contact your support provider" is not a company.
 */
const VENDOR_SUPPORT =
  /\b[Cc]ontact\s+([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+(?:[Tt]echnical\s+|[Cc]ustomer\s+|[Pp]roduct\s+)?[Ss]upport\b(?:[^.]|\.(?=\w)){0,160}\b(?:update|upgrad|newer|later version|latest version|new version|updated version|obtain)/;
/**
 * A named company as the remedy itself, no update named: "To resolve this problem, contact Chili
 * Pepper Software", "To correct this problem, contact Syquest for version 7.40 of the driver",
 * "Contact Novell to inquire about a possible resolution". The name is matched case-sensitively so
 * "contact your hardware vendor" and "contact the administrator" are not a company.
 */
const VENDOR_REMEDY =
  /\b(?:[Tt]o\s+(?:resolve|correct|fix|work\s?around)\s+(?:this|the)\s+(?:problem|issue|behaviou?r|error)s?,?\s+(?:please\s+)?[Cc]ontact\s+([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})|[Cc]ontact\s+([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s+to\s+inquire\s+about)/;
/** Microsoft's own desks ("Product Support Services", "Premier Support", "Billing Support", "FastTips"): not a company's name. */
const MICROSOFT_DESK =
  /^(?:Microsoft|MS|MSN|MSDN|PSS|Technical|Product|Customer|Premier|Professional|Developer|Global|Online|Billing|Sales|FastTips)\b/;
/** "Your Network Administrator", "Local Dealer": a role, not a company ("The" alone may start one). */
const DETERMINER = /^(?:Your|Our|Their|A|An|Any|Each|This|That|Local)\b/;
/**
 * Words that name a role or a desk, not a maker: a name made of these only ("System Administrator",
 * "Help Desk", "Internet Service Provider", "Macintosh Product Support") is nobody's company, while
 * "Network Associates" and "Starlight Network Technical Support" are.
 */
const ROLE_WORD =
  /^(?:system|systems|network|administrators?|help|desk|support|services?|internet|providers?|hardware|software|licensing|macintosh|mac|technical|product|products|customer|sales|account|representatives?|department|team|group|center|centre|staff|personnel|member|line|information|site|local|subsidiary|office|vendor|dealer|reseller|manufacturer|consulting|it|mis)$/i;
/**
 * A short all-capital acronym sent to as the remedy ("contact WHQL", "contact MCS") is an office or a
 * program, unless a known maker's ("contact NEC"); before "Support" it is a company's desk ("ATI").
 */
const ACRONYM = /^[A-Z]{2,5}$/;
const KNOWN_MAKER = new RegExp(String.raw`^(?:${OTHER_VENDORS})$`);
/** A company's name, not a role, nor one of Microsoft's desks or products ("Contact Windows NT Technical Support"). */
function otherCompany(name: string | undefined, asRemedy = false): boolean {
  if (!name || /\bMicrosoft\b/.test(name) || DETERMINER.test(name)) return false;
  const bare = name.replace(/^The\s+/, '');
  if (bare.split(/\s+/).every((w) => ROLE_WORD.test(w))) return false;
  if (asRemedy && ACRONYM.test(bare) && !KNOWN_MAKER.test(bare)) return false;
  return !MICROSOFT_DESK.test(bare) && !namesMicrosoftProduct(bare);
}
/** "If you use a Compaq modem, contact Compaq ...": a side case, not the article's remedy. */
const CONDITION = /^\s*If\b/;
/** A named company's support desk for its own update, or that company as the remedy. */
function vendorSupport(sentence: string): boolean {
  if (otherCompany(VENDOR_SUPPORT.exec(sentence)?.[1])) return true;
  const remedy = VENDOR_REMEDY.exec(sentence);
  return !!remedy && !CONDITION.test(sentence) && otherCompany(remedy[1] ?? remedy[2], true);
}
/** The version a vendor sentence tells the reader to get: "call your manufacturer for an upgrade to version 2.3". */
const VENDOR_VERSION = /\bversion\s+(\d+(?:\.\d+)+[a-z]?)/gi;
/** "Windows NT 4.0 Readme.wri File (Part 5 of 5)", "APPNOTES.TXT: ...": a compilation of notes. */
const COMPILATION_TITLE = /\bread ?me\b|\.(?:txt|wri)\b|\(part \d+ of \d+\)|\bappnotes\b|\brelease notes\b/i;
const WAIT_NEXT = /\bwait for the next\s+(.+?)\s+service pack\b/i;
/**
 * The archive's note that products an article names are other vendors' ("The products included
 * here are manufactured by vendors independent of Microsoft"), or its kb3rdparty keyword.
 */
const THIRD_PARTY_NOTE =
  /\bindependent of Microsoft\b|\bthird-party products?\s+(?:that\s+(?:this|the)\s+article\s+discusses|discussed|included|mentioned)\b/i;
const THIRD_PARTY_KEYWORD = /^(?:kb)?3rdparty$/i;
/** "Installing SMS Hotfixes Fails", "After you apply the hotfix ...": a hotfix is what the article is about. */
const HOTFIX_WORD = /\bhot ?fix(?:es)?\b/i;
const SUBJECT_SECTIONS = new Set(['SYMPTOMS', 'SUMMARY']);
/** "Hotfix for GPF in the TCPIP_NODE Service": a title naming the fix itself. */
const HOTFIX_FOR = /\bhot ?fix(?:es)?\s+(?:for|available)\b/i;
/** "A hotfix is available that resolves this problem", "a hotfix that corrects it": the fix offered, not the subject. */
const HOTFIX_OFFERED =
  /\bhot ?fix(?:es)?\s+(?:is\s+(?:now\s+)?available|that\s+(?:is\s+(?:now\s+)?available|resolves|corrects|fixes))\b/gi;
/** "install the updated hotfix Q999002": a new hotfix, this problem's fix even where a hotfix is the subject. */
const NEW_HOTFIX =
  /\b(?:install|apply|obtain|download)\s+(?:the\s+)?(?:(?:updated|new|newer|latest)\s+hot ?fix|hot ?fix\s+Q\d{6}|Q\d{6}\s+hot ?fix)\b/i;

const RELEVANT =
  /correct|fix|resolv|address|repair|no longer|obtain|install|apply|download|upgrad|updat|vendor|manufacturer|contact|consult|confirmed|QFE|wait for/i;
const MAYBE_FIX = /correct|fixe|resolv|address|repair|no longer|obtain|install|apply|download|upgrade|\bfix\b/i;
/**
 * Whether what a fix is said to be available in names a release: not "the latest Proxy Server 2.0
 * patch" (an update after the service release, which a ticket at that release does not have), nor
 * "SP5 for Proxy Server 2.0", whose short form would be read as a product named "SP5 for Proxy Server".
 */
function namesRelease(text: string): boolean {
  return !/\b(?:patch|update|hot ?fix|QFE|rollup)\b/i.test(text) && !/^\s*(?:the\s+)?SP\s?\d/i.test(text);
}
const AVAILABLE_IN =
  /\b(?:fix|correction)\s+(?:for\s+(?:this|the)\s+(?:problem|issue|bug)\s+)?(?:is|was|has been)\s+(?:now\s+)?(?:available|included|contained)\s+in\s+(.+)$/i;

const SCORE = { status: 5, resolution: 4, body: 3, keyword: 1.5 } as const;
/** Puts an "also corrected in" release below an unnumbered "latest service pack" said in the same section. */
const ALSO_PENALTY = 3;
const FIX_SECTIONS = new Set(['STATUS', 'RESOLUTION', 'WORKAROUND', 'SYMPTOMS', 'CAUSE']);
/**
 * The sections that state the remedy. SYMPTOMS and CAUSE mention a hotfix as what brought the
 * problem on ("After you apply an information store hotfix", "files that may have been replaced
 * as a hotfix ... are the cause"): there only the wording that a fix is available counts.
 */
const REMEDY_SECTIONS = new Set(['STATUS', 'RESOLUTION', 'WORKAROUND']);

export function detectFixes(input: FixInput): FixResult {
  const keywordFixes = readFixKeywords(input.keywords);
  const evidence: Evidence[] = [];
  const donors: Release[] = [];
  // "This problem has been resolved in Service Pack 3 and later": a number with no product named.
  const barePacks = new Set<string>();
  let hotfixSeen = false;
  let thirdPartySeen = false;
  let order = 0;
  const hotfixContexts: Array<{ product: string; version: string; order: number }> = [];

  // A "DOC:" article is about a documentation error; "fixed in Visual C++ 5.0" there is a corrected manual.
  const docArticle = /^DOC(?:ERR)?\s*:/i.test(input.title);
  // A read-me or a long guide in parts holds many notes, each with its own remedy: "This problem is
  // fixed in SQL Server 6.0" under one of them is not the article's fix. One written as a problem
  // article (SYMPTOMS, STATUS ...) is read as usual.
  const compilation =
    COMPILATION_TITLE.test(input.title) &&
    !input.sections.some((s) => s.name === 'SYMPTOMS' || s.name === 'CAUSE' || REMEDY_SECTIONS.has(s.name));
  const vendorVersions = new Set<string>();
  let text: string | null = null;
  const articleText = () =>
    (text ??= collapse(input.sections.map((s) => s.lines.map((l) => l.text).join(' ')).join(' ')));
  const disclaimed =
    input.keywords.some((k) => THIRD_PARTY_KEYWORD.test(k)) ||
    input.sections.some((s) => THIRD_PARTY_NOTE.test(collapse(s.lines.map((l) => l.text).join(' '))));
  // Where the article is about a hotfix (installing one, or a problem one brought), "the hotfix" in
  // its steps is that hotfix, not this problem's fix: only wording that a fix is available counts.
  const hotfixSubject =
    (HOTFIX_WORD.test(input.title) && !HOTFIX_FOR.test(input.title)) ||
    input.sections.some(
      (s) =>
        SUBJECT_SECTIONS.has(s.name) &&
        HOTFIX_WORD.test(collapse(s.lines.map((l) => l.text).join(' ')).replace(HOTFIX_OFFERED, '')),
    );
  for (const section of input.sections) {
    if (section.name === 'REFERENCES' || docArticle) continue;
    const source: Fix['source'] =
      section.name === 'STATUS'
        ? 'status'
        : section.name === 'RESOLUTION' || section.name === 'WORKAROUND'
          ? 'resolution'
          : 'body';
    // Release notes, read-me and how-to articles mention hotfixes and vendors in passing; only
    // the sections that state the remedy (and the problem's own sections) count for those.
    const fixSection = FIX_SECTIONS.has(section.name);
    if (compilation && source === 'body') continue;
    for (const block of section.blocks) {
      // A per-product sub-block ("Exchange Server 5.0") is the context for a bare "Service Pack 2".
      let context: Release | null = block.heading ? parseRelease(block.heading) : null;
      // The product a bare "corrected in version 3.2a" is of: also read from "confirmed ... in version
      // 3.2 of Microsoft Mail for PC Networks", which names no product for other uses of the context.
      let versionContext: Release | null = context;
      for (const paragraph of paragraphs(block.lines)) {
        for (const sentence of sentences(paragraph)) {
          order++;
          const confirmed = CONFIRMED_IN.exec(sentence);
          if (confirmed) {
            const r = parseRelease(confirmed[1]!);
            if (r && r.product) context = listedVersionOf(r, confirmed[1]!, input.versions);
            const v = r ?? parseRelease(versionOfProduct(confirmed[1]!, input.versions));
            if (v && v.product) versionContext = v;
          }
          const vendorSentence =
            THIRD_PARTY_UPDATE.test(sentence) || AVAILABLE_FROM_VENDOR.test(sentence) || vendorSupport(sentence);
          if (vendorSentence && fixSection) thirdPartySeen = true;
          // "Service Pack 1 contains updated printer drivers", "from the Microsoft Web site": Microsoft's own.
          if (
            REMEDY_SECTIONS.has(section.name) &&
            HARDWARE_DRIVER.test(sentence) &&
            !/\bMicrosoft\b|\bservice pack\b/i.test(sentence)
          )
            thirdPartySeen = true;
          if (vendorSentence) for (const m of sentence.matchAll(VENDOR_VERSION)) vendorVersions.add(normVersion(m[1]!));
          // "An update is available from Lotus" is the vendor's update, not a Microsoft one.
          const update = UPDATE.test(sentence) && !AVAILABLE_FROM_VENDOR.test(sentence);
          const hotfixWords =
            REMEDY_SECTIONS.has(section.name) && !hotfixSubject
              ? hotfixWording(sentence) || update
              : HOTFIX_STRONG.test(sentence) ||
                (fixSection && update) ||
                (REMEDY_SECTIONS.has(section.name) && NEW_HOTFIX.test(sentence) && !NEGATED.test(sentence));
          // "This problem has been corrected in Norton Utilities version 6.01": the vendor's release.
          const vendorFix = FIX_VERB.exec(sentence);
          if (vendorFix && !FUTURE.test(sentence) && !NEGATED.test(sentence) && isVendorRelease(vendorFix[1]!))
            thirdPartySeen = true;
          // "Contact Citrix to obtain the ... hotfix": the vendor's fix, not a Microsoft hotfix.
          if (hotfixWords && !vendorSentence && !FUTURE.test(sentence.replace(WAIT_NEXT, ''))) {
            hotfixSeen = true;
            const wait = WAIT_NEXT.exec(sentence);
            const fromWait = wait ? parseRelease(wait[1]!) : null;
            const fixFor =
              /\b(?:fix|hotfix|update|QFE)\s+for\s+(?:the\s+)?(.+?)\s+(?:that|which|is|has|to|was)\b/i.exec(sentence);
            const fromFixFor = fixFor ? parseRelease(fixFor[1]!) : null;
            const ctx =
              fromWait && fromWait.product ? fromWait : fromFixFor && fromFixFor.product ? fromFixFor : context;
            if (ctx && ctx.product) hotfixContexts.push({ product: ctx.product, version: ctx.version, order });
          } else if (WAIT_NEXT.test(sentence)) {
            const r = parseRelease(WAIT_NEXT.exec(sentence)![1]!);
            if (r && r.product && hotfixSeen) hotfixContexts.push({ product: r.product, version: r.version, order });
          }
          for (const found of fixStatements(sentence, source === 'resolution', input.versions)) {
            const release = found.release;
            if (!release.product && found.bare && versionContext) release.product = versionContext.product;
            // Only a product line the article lists: "Flight Simulator for the Macintosh" reads as "Macintosh".
            if (
              found.bare &&
              !input.versions.some((v) => firstWord(v) === firstWord(release.product || context?.product || ''))
            )
              continue;
            if (!release.product && context) {
              release.product = context.product;
              if (!release.version) release.version = context.version;
            }
            // "the latest US Service Pack for Systems Management Server" after "confirmed ... in
            // Systems Management Server version 1.1": the version is the context's.
            if (
              release.product &&
              !release.version &&
              context?.version &&
              sameFamily(context.product, release.product)
            ) {
              release.version = context.version;
            }
            if (!release.product) {
              if (release.servicePack && (!found.donorOnly || found.numbered) && !release.rollup)
                barePacks.add(release.servicePack);
              continue;
            }
            if (found.donorOnly) {
              if (release.servicePack) donors.push(release);
              continue;
            }
            const isUpgrade = !release.servicePack && !release.latest;
            if (isUpgrade && !release.version) continue;
            // "To work around this problem, upgrade to Exchange Server 5.0, and then upgrade to
            // 5.5": a step through an earlier version than the affected one, not a fix.
            if (isUpgrade && found.weak && notLaterThanAffected(release, input.versions)) continue;
            const name = release.edition
              ? { product: release.product, version: release.version }
              : canonicalProduct(release.product, release.version);
            if (release.rollup) {
              // "first corrected in the SMS 2.0 Service Pack 4 Hotfix Rollup Package": a hotfix
              // on top of SP4, which SP4 alone does not have.
              const base = releaseText(
                name.product,
                name.version,
                release.servicePack,
                false,
                '',
                release.servicePackName,
              );
              evidence.push({
                fix: {
                  ...hotfixFix(name.product, name.version, null, source),
                  text: `${base} ${release.rollup}`,
                  ...(release.servicePack ? { rollupOn: release.servicePack } : {}),
                  ...(release.servicePackName === 'Service Release'
                    ? { servicePackName: release.servicePackName }
                    : {}),
                },
                latest: false,
                score: SCORE[source] - (found.weak ? 0.5 : 0),
                order,
              });
              continue;
            }
            evidence.push({
              fix: {
                text: releaseText(
                  name.product,
                  name.version,
                  release.servicePack,
                  release.latest,
                  release.edition,
                  release.servicePackName,
                ),
                product: name.product,
                version: name.version,
                servicePack: release.servicePack,
                hotfix: false,
                source,
                ...(release.servicePack && release.servicePackName === 'Service Release'
                  ? { servicePackName: release.servicePackName }
                  : {}),
              },
              latest: release.latest && !release.servicePack,
              edition: release.edition,
              score:
                SCORE[source] -
                (release.latest && !release.servicePack ? 2.5 : 0) -
                (found.weak ? 0.5 : 0) -
                (found.also ? ALSO_PENALTY : 0),
              order,
            });
          }
        }
      }
    }
  }

  fillLatestNumbers(evidence, keywordFixes, donors, barePacks, input.versions);

  for (const k of keywordFixes.filter((k) => !k.pre)) {
    const name = canonicalProduct(k.product, k.version);
    evidence.push({
      fix: {
        text: releaseText(name.product, name.version, k.servicePack, false),
        product: name.product,
        version: name.version,
        servicePack: k.servicePack,
        hotfix: false,
        source: 'keyword',
      },
      latest: false,
      // Several spNfix keywords: the lowest is where the fix first shipped.
      score: SCORE.keyword - Number.parseInt(k.servicePack, 10) / 100,
      order: 100000,
    });
  }

  // Hotfixes: from a preSPnfix keyword (product known), else from the hotfix wording's context.
  for (const k of keywordFixes.filter((k) => k.pre)) {
    evidence.push({
      fix: hotfixFix(k.product, k.version, k.servicePack, 'keyword'),
      latest: false,
      score: 1,
      order: 100001,
    });
  }
  if (hotfixSeen) {
    const listed = firstListedProduct(input.versions);
    const contexts = hotfixContexts.length ? hotfixContexts : listed ? [{ ...listed, order: 0 }] : [];
    for (const c of contexts) {
      evidence.push({ fix: hotfixFix(c.product, c.version, null, 'body'), latest: false, score: 0.9, order: c.order });
    }
  }

  // "This problem has been corrected in PCPanel version 2.3" next to "call your manufacturer for an
  // upgrade to version 2.3": the release the vendor supplies is not a Microsoft upgrade.
  const vendorRelease = (e: Evidence) =>
    !e.fix.servicePack &&
    !e.fix.hotfix &&
    !e.latest &&
    ((vendorVersions.has(normVersion(e.fix.version)) &&
      !input.versions.some((v) => familyKey(v) === familyKey(e.fix.product))) ||
      (disclaimed && othersProduct(e.fix.product, input.versions, articleText())));
  if (evidence.some(vendorRelease)) {
    thirdPartySeen = true;
    evidence.splice(0, evidence.length, ...evidence.filter((e) => !vendorRelease(e)));
  }
  const chosen = choose(evidence);
  const builtOn = postServicePack(input.sections);
  const fixes = builtOn ? chosen.map((f) => withBuiltOn(f, builtOn)) : chosen;
  const main = fixes[0] ?? null;
  let fixKind: FixKind;
  if (main)
    fixKind = main.hotfix ? 'hotfix' : main.servicePack || /service pack/i.test(main.text) ? 'service-pack' : 'upgrade';
  else if (hotfixSeen) fixKind = 'hotfix';
  else if (thirdPartySeen) fixKind = 'other';
  else if (hasWorkaround(input.sections)) fixKind = 'workaround-only';
  else fixKind = 'none';
  return { fix: main, fixes, fixedIn: main ? main.text : null, fixKind };
}

interface Statement {
  release: Release;
  /** An instruction ("install Service Pack 2"): only lends its number to a "latest SP" fix. */
  donorOnly: boolean;
  /** A statement that the fix is in a numbered service pack, even where it names no product. */
  numbered?: boolean;
  weak: boolean;
  /** A version alone ("corrected in version 3.2a"): its product is the confirming sentence's. */
  bare?: boolean;
  /** Said as a second release that "also" has the fix: never the main fix over the first-named one. */
  also?: boolean;
}

/** The releases one sentence names as fixing the problem. */
/**
 * `own`: the article's affected versions. A release written version first ("version 3.2 of ...")
 * counts only for a product line the article lists, so another vendor's ("version 3.0h of the WISE
 * Setup Toolkit") is not taken for Microsoft's fix.
 */
export function fixStatements(sentence: string, inResolution: boolean, own: readonly string[] = []): Statement[] {
  // Sentences come from collapsed paragraphs; most name no fix at all, so one cheap test first.
  const s = sentence;
  if (!MAYBE_FIX.test(s) || NEGATED.test(s)) return [];
  const out: Statement[] = [];
  const verb = FIX_VERB.exec(s) ?? NO_LONGER.exec(s);
  if (verb) {
    const lead = s.slice(0, verb.index);
    // Future tense and prerequisites are judged on the words up to the fix verb, so "fixed in
    // Windows 2000 and will be fixed in ..." keeps its first half.
    if (!FUTURE.test(lead + ' ' + verb[0].slice(0, 30)) && !PREREQUISITE.test(lead) && !DOC_SUBJECT.test(lead)) {
      // "This problem was also corrected in Windows NT 3.51" after "corrected in the latest
      // service pack for 3.5": another release that has the fix, not the article's remedy.
      const also = /\balso\b/i.test(verb[0].slice(0, verb[0].length - verb[1]!.length));
      for (const part of splitTargets(verb[1]!)) {
        if (
          FUTURE.test(part.split(/\s+(?:and|but)\s+(?:will|is|was)\b/)[0]!.slice(0, 40)) &&
          /^\s*(?:the\s+)?next\b/i.test(part)
        )
          continue;
        const named = parseRelease(versionOfProduct(part, own));
        // A version alone is this problem's fix only when the sentence is about this problem: not
        // "The Gadget gateway problem was corrected in version 3.5", another thing's.
        const r = named ?? (BARE_SUBJECT.test(lead) ? bareVersion(part) : null);
        if (r)
          out.push({
            release: r,
            donorOnly: false,
            weak: !named,
            ...(named ? {} : { bare: true }),
            ...(also ? { also } : {}),
          });
      }
    }
    return out;
  }
  // "A fix for this problem is available in Service Pack 3 for Windows NT 4.0": the number of a
  // release, lent to a "latest service pack" fix like an install instruction's.
  const availableIn = AVAILABLE_IN.exec(s);
  if (availableIn && !FUTURE.test(s) && !PREREQUISITE.test(s)) {
    const r = namesRelease(availableIn[1]!) ? parseRelease(availableIn[1]!) : null;
    if (r && r.servicePack && !r.rollup) out.push({ release: r, donorOnly: true, weak: true, numbered: true });
    return out;
  }
  // Hotfix wording ("A supported fix for Visual C++ 6.0 that corrects this problem is now
  // available") names the product of a hotfix, not a release.
  if (hotfixWording(s)) return out;
  const fixesThis = FIXES_THIS.exec(s);
  if (fixesThis && !FUTURE.test(s) && !PREREQUISITE.test(s)) {
    const r = parseRelease(fixesThis[1]!);
    if (r && (r.servicePack || r.version)) out.push({ release: r, donorOnly: false, weak: true });
    return out;
  }
  if (inResolution) {
    const by = RESOLVE_BY.exec(s);
    if (by && !FUTURE.test(s) && !PREREQUISITE.test(s)) {
      const r = parseRelease(by[1]!);
      if (!r) return out;
      // "To work around this problem, apply the latest service pack": the service pack is the remedy.
      const resolves = /\bto (?:resolve|correct|fix|remedy|work ?around)\b|\bresolve this\b/i.test(s);
      // "To resolve this problem, obtain the latest service pack for X" (pattern F) is a fix; a
      // bare "Install Windows NT Service Pack 2" under a bullet only lends its number.
      if (resolves && (r.latest || r.servicePack || UPGRADE_TO.test(s)))
        out.push({ release: r, donorOnly: false, weak: true });
      else out.push({ release: r, donorOnly: true, weak: true });
    }
  }
  return out;
}

/**
 * "This problem was corrected in version 3.2a" after "confirmed ... in version 3.2 of Microsoft Mail
 * for PC Networks": a version alone, whose product the caller takes from the confirming sentence
 * (kept only for a product line the article lists, and later than its affected version). Not
 * "version 2.0 and later of the Avery Wizard".
 */
/** "This problem", "The bug", "It": the sentence's subject is the article's own problem. */
const BARE_SUBJECT = /^\s*(?:(?:This|The)\s+(?:problem|bug|issue)|It)\s+$/i;
const BARE_VERSION = /^versions?\s+(\d{1,2}(?:\.\d{1,3}){1,2}[a-z]?)(?=\s*(?:\.?$|[(,;]|(?:and|or)\s+later\b))/i;
function bareVersion(part: string): Release | null {
  const m = BARE_VERSION.exec(part.trim());
  if (!m || /\bof\b/i.test(part)) return null;
  return {
    product: '',
    version: m[1]!,
    edition: '',
    servicePack: null,
    latest: false,
    mentionsServicePack: false,
    rollup: '',
    servicePackName: 'Service Pack',
  };
}

// "version 3.2 of Microsoft Mail for Windows": the release written version first. Only a product's
// name (Microsoft's, or two capitalised words) whose first word the article's own versions use, not
// "version 5.0 of the Client" nor a file's version.
const VERSION_OF =
  /^(?:the\s+)?version\s+(\d{1,2}(?:\.\d{1,3}){1,2}[a-z]?)\s+of\s+(?:the\s+)?((?:Microsoft\s+)?[A-Z][\w+-]*(?:\s+(?:for\s+)?[A-Z][\w+/-]*)+|Microsoft\s+[A-Z][\w+-]*)(?![\w]|\.\w)/;

function versionOfProduct(part: string, own: readonly string[]): string {
  const m = VERSION_OF.exec(part);
  if (!m || /\.(?:exe|dll|sys|drv|386|vxd|com|ocx)\b/i.test(m[2]!)) return part;
  const first = m[2]!
    .replace(/^Microsoft\s+/i, '')
    .split(/\s+/)[0]!
    .toLowerCase();
  return own.some((v) =>
    v
      .toLowerCase()
      .split(/[\s,]+/)
      .includes(first),
  )
    ? `${m[2]} ${m[1]}`
    : part;
}

/** "Windows NT 4.0 Service Pack 4.0 and Windows NT Server 4.0, Terminal Server Edition Service Pack 4". */
function splitTargets(target: string): string[] {
  const parts = target.split(
    /\s+(?:and|as well as|or)\s+(?:in\s+)?(?=(?:the\s+)?(?:latest\s+)?(?:Microsoft\s+)?[A-Z])/,
  );
  // "the latest Service Pack for Windows NT and Windows NT Advanced Server version 3.1": the
  // service pack is each product's, not an upgrade to the second.
  const frame = SP_FOR.exec(parts[0] ?? '')?.[0];
  if (frame) return parts.map((p, i) => (i > 0 && !HAS_LEVEL.test(p) ? frame + p : p));
  // "Windows NT 4.0 and Windows NT Server 4.0, Terminal Server Edition Service Pack 4": the level
  // ending the list is each part's of the same product line, not an upgrade to the first.
  const level = TRAILING_SP.exec(parts[parts.length - 1] ?? '')?.[1];
  if (!level || parts.length < 2) return parts;
  const line = (p: string) =>
    p
      .replace(/^(?:Microsoft\s+)?/, '')
      .split(/\s+/)
      .slice(0, 2)
      .join(' ')
      .toLowerCase();
  const last = line(parts[parts.length - 1]!);
  return parts.map((p, i) =>
    i < parts.length - 1 && !HAS_LEVEL.test(p) && /\d\s*$/.test(p) && line(p) === last ? `${p} ${level}` : p,
  );
}
const HAS_LEVEL = /\bservice\s*pack\b|\bSP\s?\d/i;
const TRAILING_SP = /\s(Service\s*Pack\s+\d{1,2}[a-z]?)[\s.]*$/i;
const SP_FOR = /^(?:the\s+)?(?:latest\s+)?(?:U\.?S\.?\s+)?Service\s*Pack(?:\s+\d{1,2}[a-z]?)?\s+for\s+/i;

/**
 * "Latest SP" fixes get their number from a matching spNfix keyword or an install instruction, else
 * from a fix sentence that names only a number ("resolved in Service Pack 3 and later"), when the
 * article lists one product line (the fix's) and names no other such number.
 */
function fillLatestNumbers(
  evidence: Evidence[],
  keywords: readonly FixKeyword[],
  donors: readonly Release[],
  barePacks: ReadonlySet<string>,
  versions: readonly string[],
): void {
  for (const e of evidence) {
    if (!e.latest) continue;
    const fam = familyKey(e.fix.product);
    const sameProduct = (p: string, v: string) =>
      (familyKey(p) === fam || familyKey(p).startsWith(fam) || fam.startsWith(familyKey(p))) &&
      (!v || !e.fix.version || v === e.fix.version);
    const fromKeyword = keywords
      .filter((k) => !k.pre && sameProduct(k.product, k.version))
      .sort((a, b) => Number.parseInt(a.servicePack, 10) - Number.parseInt(b.servicePack, 10))[0];
    const fromDonor = donors.find((d) => sameProduct(d.product, d.version));
    const bare = barePacks.size === 1 && oneProductLine(versions, fam) ? [...barePacks][0]! : null;
    const sp = fromKeyword?.servicePack ?? fromDonor?.servicePack ?? bare;
    if (!sp) continue;
    if (!e.fix.version) e.fix.version = fromKeyword?.version ?? fromDonor?.version ?? '';
    e.fix.servicePack = sp;
    e.fix.text = releaseText(e.fix.product, e.fix.version, sp, false, e.edition);
    e.latest = false;
    e.score += 2;
  }
}

/**
 * Every affected version is of the product line `fam` (family key), and there is at least one. The
 * keys must be equal: a name that begins another ("Windows" of "Windows NT") is another line, and a
 * bare "Service Pack 1" of an article on Windows 95 and Windows NT 4.0 names neither's.
 */
function oneProductLine(versions: readonly string[], fam: string): boolean {
  const lines = versions.map((v) => familyKey(v.replace(/\s+\d[\w.]*(?:\s+SP\w+)?(?:\s+.*)?$/i, '')));
  return lines.length > 0 && lines.every((l) => l === fam);
}

function hotfixFix(rawProduct: string, rawVersion: string, beforeSp: string | null, source: Fix['source']): Fix {
  const { product, version } = canonicalProduct(rawProduct, rawVersion);
  const base = [product, version].filter((s) => s).join(' ');
  return {
    text: `${base} hotfix` + (beforeSp ? ` (before Service Pack ${beforeSp})` : ''),
    product,
    version,
    servicePack: null,
    hotfix: true,
    source,
    ...(beforeSp ? { takenIn: beforeSp } : {}),
  };
}

/**
 * "Confirmed ... in Windows NT version 3.51 and 4.0" where the article lists only 4.0: the
 * listed version is the one the article's fixes are for. Otherwise the first version named.
 */
function listedVersionOf(r: Release, words: string, versions: readonly string[]): Release {
  const family = familyKey(r.product);
  const listed = new Set(
    versions
      .map((v) => /^(.*\S)\s+(\d[\w.]*)(?:\s+SP\w+)?$/i.exec(v))
      .filter((m): m is RegExpExecArray => m !== null && familyKey(m[1]!) === family)
      .map((m) => normVersion(m[2]!)),
  );
  if (listed.size === 0 || listed.has(normVersion(r.version))) return r;
  for (const m of words.matchAll(/(?<![\w.])(\d{1,2}\.\d{1,2}[a-z]?)(?!\w|\.\d)/gi)) {
    if (listed.has(normVersion(m[1]!))) return { ...r, version: m[1]! };
  }
  return r;
}

// "hotfixes-postSP2" (the download folder), "a post-SP3 hotfix", "post-Service Pack 5 fix".
const POST_SP = /\bpost-?(?:SP|Service\s*Pack\s*)(\d{1,2}[a-z]?)(?![\w])/gi;
const POST_SP_SECTIONS = new Set(['STATUS', 'RESOLUTION', 'WORKAROUND', 'MORE INFORMATION']);

/** The one service pack the article's hotfix was built on ("post-SP2"); null when none or several are named. */
function postServicePack(sections: readonly Section[]): string | null {
  const seen = new Set<string>();
  for (const section of sections) {
    if (!POST_SP_SECTIONS.has(section.name)) continue;
    for (const line of section.lines) for (const m of line.text.matchAll(POST_SP)) seen.add(m[1]!.toLowerCase());
  }
  return seen.size === 1 ? [...seen][0]! : null;
}

/** A hotfix that no later service pack is known to have taken in: the service pack it was built on. */
function withBuiltOn(f: Fix, builtOn: string): Fix {
  return f.hotfix && !f.takenIn && !f.rollupOn ? { ...f, builtOn } : f;
}

/** "Exchange Server 5.5" -> product + version. */
function splitVersion(v: string): { product: string; version: string } | null {
  const m =
    /^(.*\S)\s+(\d+(?:\.\d+)*[a-z]?|95|97|98|2000|XP)(?:\s+SP\d+[a-z]?)?(?:\s+(?:[A-Z][\w-]*\s+){1,3}Edition)?$/i.exec(
      v,
    );
  return m ? { product: m[1]!, version: m[2]! } : null;
}

/**
 * One fix per product and version, the strongest evidence winning; the main fix is the
 * strongest overall, ties going to the first mention.
 */
function choose(evidence: readonly Evidence[]): Fix[] {
  const best = new Map<string, Evidence>();
  for (const e of evidence) {
    const key =
      familyKey(e.fix.product) + (e.edition ? ` ${e.edition.toLowerCase()}` : '') + '|' + normVersion(e.fix.version);
    const cur = best.get(key);
    if (!cur || e.score > cur.score || (e.score === cur.score && e.order < cur.order)) best.set(key, e);
  }
  // A version-less fix for a family that also has a versioned one is the same fix said vaguely.
  for (const [key, e] of best) {
    if (!key.endsWith('|')) continue;
    const fam = key.slice(0, -1);
    const versioned = [...best.entries()].find(([k, o]) => k !== key && k.startsWith(fam) && o.score >= e.score - 1);
    if (versioned) best.delete(key);
  }
  const all = [...best.values()];
  const main = [...all].sort((a, b) => b.score - a.score || a.order - b.order)[0];
  const rest = all.filter((e) => e !== main).sort((a, b) => a.order - b.order);
  return (main ? [main, ...rest] : []).map((e) => e.fix);
}

function normVersion(v: string): string {
  return v.replace(/^(\d+)\.(\d)0$/, '$1.$2').toLowerCase();
}

function paragraphs(lines: readonly BodyLine[]): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  const flush = () => {
    const joined = cur.join(' ');
    // Most paragraphs say nothing about fixes; skip them before the costlier sentence work.
    if (cur.length && RELEVANT.test(joined)) out.push(collapse(joined));
    cur = [];
  };
  for (const l of lines) {
    const t = l.text;
    if (t.trim() === '') {
      flush();
      continue;
    }
    // Indented blocks are quotes and reference lists ("  Q191014 XGEN: How to Obtain the Latest
    // Exchange Server 5.5 Service Pack"), not statements; indented bullets are kept.
    if (/^ {2,}(?!- )/.test(t) && cur.length === 0) continue;
    cur.push(t.trim().replace(/^- /, ''));
  }
  flush();
  return out;
}

/**
 * Steps without a product fix. A WORKAROUND section, or a RESOLUTION that says what to do when no
 * release, hotfix or vendor update fixes the problem (with or without the word "workaround"),
 * or "to work around" in the problem's own sections. In MORE INFORMATION only a "Workaround"
 * heading counts: read-me and how-to articles say "to work around" in passing.
 */
function hasWorkaround(sections: readonly Section[]): boolean {
  const said = (s: Section) => s.lines.some((l) => l.text.trim());
  if (sections.some((s) => (s.name === 'WORKAROUND' || s.name === 'RESOLUTION') && said(s) && !onlyResearching(s)))
    return true;
  return sections.some(
    (s) =>
      s.blocks.some((b) => /^workaround/i.test(b.heading)) ||
      ((s.name === 'STATUS' || s.name === 'CAUSE' || s.name === 'SYMPTOMS') &&
        s.lines.some((l) => /\bto work ?around\b|\bworkaround\b/i.test(l.text))),
  );
}

/**
 * In an article that says it names other vendors' products, "corrected in Legacy version 2.0" is
 * that vendor's release: a product that is not Microsoft's, nor starts with a Microsoft product's
 * name ("Windows PostScript Driver"), nor shares its first word with a product the article lists,
 * nor is written "Microsoft DirectX" in the article (in the fix sentence or elsewhere).
 */
function othersProduct(product: string, versions: readonly string[], text: string): boolean {
  const head = firstWord(product);
  return (
    !namesMicrosoftProduct(product) &&
    !namedAsMicrosofts(withoutMicrosoft(product), text) &&
    !namesMicrosoftProduct(withoutMicrosoft(product).split(/\s+/)[0]!) &&
    !versions.some((v) => firstWord(v) === head)
  );
}

/** The article writes the product with Microsoft's name before it: "Microsoft NetShow", "Microsoft's Interix". */
function namedAsMicrosofts(product: string, text: string): boolean {
  const name = product
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return name !== '' && new RegExp(String.raw`\bMicrosoft(?:'s)?\s+(?:\(R\)\s*)?${name}(?![\w+])`).test(text);
}

/** "Mail for PC Networks 3.2" -> "mail". */
function firstWord(product: string): string {
  return withoutMicrosoft(product).split(/\s+/)[0]!.toLowerCase();
}

/** The release is no later than a version the article lists as affected, in the same product line. */
function notLaterThanAffected(release: Release, versions: readonly string[]): boolean {
  const fam = familyKey(canonicalProduct(release.product, release.version).product);
  return versions.some((v) => {
    const p = splitVersion(v);
    return (
      p !== null &&
      familyKey(canonicalProduct(p.product, p.version).product) === fam &&
      compareLoose(release.version, p.version) <= 0
    );
  });
}

function sameFamily(a: string, b: string): boolean {
  return familyKey(canonicalProduct(a, '').product) === familyKey(canonicalProduct(b, '').product);
}

/** "We are researching this problem ...", "This behavior is by design.", "will be fixed in a future release": no steps. */
function onlyResearching(section: Section): boolean {
  const text = collapse(section.lines.map((l) => l.text).join(' '));
  return (
    text.length < 400 &&
    /\bresearching\b|\bby design\b|\bno (?:known )?(?:workaround|resolution)\b|\bnot (?:currently )?available\b|\bwill be (?:corrected|fixed|resolved|addressed)\b|\bfuture (?:release|version)\b/i.test(
      text,
    ) &&
    !/\b(?:to|then|click|type|set|use|run|change|add|remove|delete|install)\b/i.test(
      text.replace(/\b(?:researching|information|post)\b/gi, ''),
    )
  );
}

/** The first product an article lists, at the highest version it lists for it: a hotfix's product. */
function firstListedProduct(versions: readonly string[]): { product: string; version: string } | null {
  const parsed = versions.map((v) => splitVersion(v) ?? { product: v, version: '' }).filter((p) => p.product);
  const first = parsed[0];
  if (!first) return null;
  const same = parsed.filter((p) => p.product === first.product).map((p) => p.version);
  const version = [...same].sort((a, b) => compareLoose(b, a))[0] ?? '';
  return { product: first.product, version };
}

function compareLoose(a: string, b: string): number {
  const pa = a.split(/[.]/);
  const pb = b.split(/[.]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = Number.parseInt(pa[i] ?? '0', 10) || 0;
    const y = Number.parseInt(pb[i] ?? '0', 10) || 0;
    if (x !== y) return x - y;
    const sx = (pa[i] ?? '').replace(/^\d+/, '');
    const sy = (pb[i] ?? '').replace(/^\d+/, '');
    if (sx !== sy) return sx < sy ? -1 : 1;
  }
  return 0;
}
