/**
 * KB references in running text. A number counts only with a KB cue (Q, KB, MSKB, "article",
 * a support.microsoft.com address), so phone, order and ticket numbers, dates and build numbers
 * never do. Every quantifier is bounded: linear on any input.
 */
import { Cue, RegexCursor, type CueLists } from './regex-cues';
import { withPlainSpaces } from './hard-spaces';
import { ERA_MAKERS } from '../vendors';

export interface KbHit {
  start: number;
  end: number;
  /** "Q227142" */
  value: string;
  /**
   * Typed loosely, in the shape other codes also take ("KB-227142" like a tracker's key, "Q 227142"
   * like a question's number): a citation only when the index has the article.
   */
  loose?: true;
}

/**
 * support.microsoft.com addresses of every era, the number in one of four groups:
 * 1 ".../kb/227142", ".../kb/q227142", ".../en-us/help/227142"; 2 "default.aspx?scid=kb;en-us;Q227142"
 * (";" also escaped as "%3B"),
 * "?kbid=227142", "directory/article.asp?ID=KB;EN-US;Q227142"; 3-5 the archive's own era,
 * "/support/kb/articles/Q227/1/42.asp" (the number split as Q227 / 1 / 42); 6
 * "/support/kb/articles/q227142.asp". The archive-era address may itself sit inside a scid= query.
 */
const URL_RE =
  /support\.microsoft\.com(?::\d{1,5})?\/(?:(?:[a-z]{2}-[a-z]{2}\/)?(?:kb|help)\/q?(\d{4,7})(?![\d.]?\d)|[^\s"'<>]{0,100}?(?:scid=kb(?:;|%3b)[a-z-]{0,10}(?:;|%3b)q?|[?&](?:kbid|id)=(?:kb(?:;|%3b)[a-z-]{0,10}(?:;|%3b))?q?)(\d{4,7})(?!\d)|[^\s"'<>]{0,100}?\/kb\/articles\/q(?:(\d{1,4})\/(\d)\/(\d{2})|(\d{4,7}))\.asp(?![a-z0-9]))[^\s"'<>)\]]{0,60}/gi;

/** The number an URL_RE match names. */
function urlDigits(m: RegExpExecArray): string {
  return m[1] ?? m[2] ?? (m[3] !== undefined ? m[3] + m[4]! + m[5]! : m[6]!);
}

// "Q227142", "q227142" (but not "Q248838engi.exe", "Q320376.cab", "FAQ1234"). Q numbers never
// reached seven digits (the prefix was dropped near 330000): "Order Q2271423" is an order number.
// A capital Q typed apart from its number ("Q 227142") still cites it when the number has the five
// or six digits of the archive's articles; "Q 2001" (a quarter, a question) does not.
const Q_RE =
  /(?<![A-Za-z0-9_\-/.$])(?:[Qq]|Q[ \t](?=\d{5,6}(?!\d)))(\d{4,6})(?![A-Za-z0-9_]|\.[A-Za-z]{2,4}\b|[.,]\d)/g;
// "KB227142", "KB 227142", "KB# 227142", "KB: 227142", "KB-227142", "KB #: 227142", "KB article
// 227142", German "KB-Artikel 227142" ("KB-1234", four digits, is a Jira-like key: no article of the
// archive has fewer than five); "MS"/"Microsoft" before it and "Knowledge Base" before
// "article" are taken in afterwards, so each regex starts with a literal.
const KB_RE =
  /(?<![A-Za-z0-9_])(?:MS)?KB[ \t]{0,2}(?:[-\u2010]?(?:article|artikel)[ \t]{1,2}(?:#|no\.?)?|(?:#|no\.?)[ \t]{0,2}:?|:[ \t]{0,2}#?|[-\u2010\u2013](?=[ \t]{0,2}Q?\d{5}))?[ \t]{0,2}(?:Q)?(\d{4,7})(?![A-Za-z0-9_]|[.,]\d)/gi;
// "MS KB", "MS-KB", "Microsoft KB", "Microsoft's KB".
const MS_BEFORE = /(?<![A-Za-z0-9_])(?:MS[ \t-]|Microsoft(?:'s)?[ \t])$/i;
// "article 227142", "article ID: 227142", "article number Q227142"
// "Microsoft Knowledge Base Article - 245273", the header of the articles' later pages
const ARTICLE_RE =
  /(?<![A-Za-z])article(?:[ \t]{1,2}(?:ID|number|no\.?))?[ \t]{0,2}(?:[:#]|-{1,2}|–)?[ \t]{0,2}(?:Q)?(\d{5,7})(?![A-Za-z0-9_]|[.,]\d)/gi;
const KNOWLEDGE_BASE_BEFORE = /(?:(?:Microsoft[ \t]{1,2})?Knowledge[ \t]?Base[ \t]{1,2}|KB[ \t]{1,2})$/i;
// "64 KB 1024" is a size: no KB reference right after a number.
const NUMBER_BEFORE = /\d[ \t]?$/;
// "Size KB: 40960", "Memory KB 524288", "Free KB: 1024": a column or field of a quantity, KB its unit.
// Nouns of quantity count wherever they stand (as they always did); after an article or a possessive
// only "free", "used" and "total" stay units ("the free KB 20480"), the others being the topic of a
// cited article ("the memory KB 171402 lists the cause"). "Used" after a subject or an auxiliary is
// the verb ("we used KB 321064").
const SIZE_BEFORE = new RegExp(
  '(?:\\b(?:free|(?<!\\b(?:I|we|you|they|he|she|who|have|has|had|also|then|just|already|and|never|once|was|were|is|be|been)[ \\t]{1,2})used|total)|(?<!\\b(?:the|a|an|this|that|these|those|our|your|their|its|my|his|her)[ \\t]{1,2})\\b(?:size|quota|max(?:imum)?|min(?:imum)?|limit|memory|mem|ram|space|capacity|usage|allocated|available|length))[ \\t]{0,2}\\(?$',
  'i',
);
// Nouns that are as often a topic ("Outlook cache KB 83888 explains...", "the paged pool KB 245117")
// and "mailbox size in KB 204800" make KB a unit only as a field's label: at a line's or a cell's
// start (after "|", a tab, ";" or "(", or after another field's value: "mem KB 1048576 free, swap KB
// 262144"), with no prose after the number ("per user" is none).
const FIELD_MEASURE =
  '(?:cache|swap|buffers?|heap|pool|paged|nonpaged|committed|reserved|working[ \\t]set|private[ \\t]bytes|page[ \\t]?file|peak|average|avg)';
const FIELD_SIZE_BEFORE = new RegExp(
  `(?:[\\n|\\t;(]|\\d[ \\t]{0,2}(?:[A-Za-z]{1,10}[ \\t]{0,2})?,)[ \\t]{0,3}(?:[A-Za-z]{1,20}[ \\t]{1,2}){0,2}(?:${FIELD_MEASURE}|(?:size|quota|usage|length|capacity|total|limit|space)[ \\t]{1,2}in)[ \\t]{0,2}\\(?[ \\t]{0,2}$`,
  'i',
);
// Prose after the number ("... KB 83888 explains the rebuild"): not a field's value.
const PROSE_AFTER = /^ {1,2}(?!(?:per|each|free|used|total)\b)[a-z]/;
// Tools and desks that number the team's own articles, whether named before the number or after it.
const OWNER_PLACES = String.raw`help[ \t]?cent(?:er|re)|service[ \t]?desk|help[ \t]?desk|confluence|zendesk|freshdesk|servicenow`;
// "our internal KB 20431", "Confluence article 10234", "wiki article 11873": the team's or another
// site's article numbers, not Microsoft's.
const OTHER_OWNER_BEFORE = new RegExp(
  String.raw`\b(?:our|internal|in-house|team|company|intranet|wiki|sharepoint|jira|notion|${OWNER_PLACES}|SOP|policy|procedure|runbook|playbook|news|newsletter|press|blog|magazine|journal|forum)[ \t]{1,2}(?:KB[ \t]{1,2})?$`,
  'i',
);
// "Article 318842 in our Help Center.", "KB 20431 (internal)", "article 48213 of the team's knowledge
// base": the owner written after the number. Only a place that numbers articles, and it ends the
// phrase: "KB 245117 on our servers", "in our help desk lab", "from our service desk share" or "in our
// KB of approved patches" still cite Microsoft's (a place a copy was kept or a patch tested).
const OTHER_OWNER_AFTER = new RegExp(
  String.raw`^[ \t]{0,2}(?:\((?:internal|in-house|ours)\)|,?[ \t]{1,2}(?:in|of)[ \t]{1,2}(?:our|the[ \t]{1,2}(?:team's|company's))[ \t]{1,2}(?:own[ \t]{1,2})?(?:internal[ \t]{1,2})?(?:${OWNER_PLACES}|knowledge[ \t]?base|KB|self[- ]?service[ \t]{1,2}portal|support[ \t]{1,2}portal)(?=[ \t]*(?:[.!?;,)\]]|\r?\n|$)))`,
  'i',
);
// "Sophos knowledge base article 118061", "Citrix KB 12345", "the vendor's article 55120": another
// software or hardware maker's knowledge base, which numbers its articles in the same range.
// A mail or network "gateway KB 12345" is a gateway's topic, not the maker Gateway's article.
const VENDORS = [
  ...ERA_MAKERS.filter((m) => m !== 'Gateway').map((m) => m.toLowerCase().replace(/[ -]/g, '[- ]')),
  'vendor|supplier|manufacturer|third[- ]?party|partner|sophos|vmware|broadcom|norton|trellix|trend[ ]?micro|kaspersky|eset|bitdefender|malwarebytes|crowdstrike|fortinet|cisco|juniper|palo[ ]?alto|check[ ]?point|sonicwall|watchguard|barracuda|hpe|lenovo|sap|red[ ]?hat|suse|google|veeam|veritas|acronis|netapp|synology|qnap|nvidia|canon|ricoh|xerox|epson|brother|lexmark|kyocera|atlassian|salesforce|autodesk|zoom|okta|kaseya|connectwise|datto|solarwinds|ivanti|jamf|teamviewer|avaya|polycom|ubiquiti|aruba|netgear|blackberry|quest|sage|intuit',
  // The archive's era's other makers, and a few of today's.
  'packard[ ]bell|fujitsu|siemens|samsung|asus|acer|nec|emc|nutanix|seagate|cheyenne|arcserve|iomega|adaptec|3com|xircom|matrox|nortel|bay[ ]networks|cabletron|borland|wordperfect|informix|hummingbird|netmanage|f-secure|avast|webroot|proofpoint|mimecast|gfi|kerio|zimbra|mozilla',
].join('|');
const OTHER_VENDOR_BEFORE = new RegExp(`\\b(?:${VENDORS})(?:'s|s')?[ \\t]{1,2}$`, 'i');
// "Opened a case with Sophos, their KB 45512 says...": "their" or "its" before the cue is the
// owner named last before it, within the clause or two an agent writes about it.
const POSSESSIVE_BEFORE = /\b(?:their|its)[ \t]{1,2}(?:own[ \t]{1,2})?$/i;
const OWNER_NAMED = new RegExp(`\\b(?:(${VENDORS})|(microsoft|ms|mskb))\\b`, 'gi');
const OWNER_WINDOW = 160;
// Makers whose names are everyday words ("a partner", "the zoom bug", "intel on it", "sage advice"):
// in prose only the capitalised proper name is the maker.
const EVERYDAY_VENDOR =
  /^(?:partner|zoom|intel|apple|sage|quest|brother|canon|oracle|juniper|lotus|sap|dell|aruba|google|check[ ]?point|red[ ]?hat|palo[ ]?alto)$/i;
// "Microsoft Partner", "MS Partner": a word right after Microsoft's name is Microsoft's.
const MICROSOFT_JUST_BEFORE = /\b(?:microsoft|MS)(?:'s)?[ \t]{1,2}$/i;
// The maker the agent dealt with: "called Veritas", "with Sophos", "Citrix support", "Veeam said".
const DEALT_WITH_BEFORE =
  /\b(?:with|to|from|per|via|called|call|calling|contacted|contact|contacting|asked|emailed|phoned|rang)[ \t]{1,2}(?:the[ \t]{1,2})?$/i;
const DEALT_WITH_AFTER =
  /^(?:'s|s')?[ \t]{1,2}(?:support|tech(?:nical)?|engineers?|reps?|representatives?|team|staff|agents?|helpdesk|said|says|told|tells|confirmed|recommended|replied|responded|suggested|sent|pointed|advised|answered)\b/i;
// "Customer order Q245881", "invoice #Q100234", "Invoice number: KB 318842": a Q or KB number
// right after another kind of number's label is that number (a supplier's prefix, not a KB cue).
// A bare Q is only a letter: after a person's or a return's label ("user q512345", "RMA Q245881")
// or any word with a number label ("Employee no. Q10922", "Badge ID Q20931") it is that number;
// not after a sentence ending in "no." ("The answer is no. Q245881 describes...").
const OTHER_NUMBER_BEFORE =
  /(?:\b(?:order|invoice|PO|purchase|case|ticket|incident|item|part|SKU|serial|room|account|quote|quotation|shipment|tracking|RMA|asset|employee|user|user ?name|user ?id|login|uid|badge|job|SR|request)[ \t]{0,2}(?:no\.?|number|#)?[ \t]{0,2}[:#]?[ \t]{0,2}#?|\b(?!(?:kb|article|base|ms|mskb|fix|hotfix|qfe|patch|is|was|are|were|be|say|said|says|or|and|answer|so|but|still|also|then|now|probably|definitely|unfortunately)\b)[a-z]{2,20}\.?[ \t]{1,2}(?:no\.|nr\.?|number|ID)[ \t]{0,2}[:#]?[ \t]{0,2})$/i;
// Before a KB cue only the labels of trade: "in this case KB 227142 applies" still cites one.
const TRADE_NUMBER_BEFORE =
  /\b(?:order|invoice|PO|purchase|part|SKU|serial|account|quote|quotation|shipment|tracking|RMA|asset|employee|badge)[ \t]{0,2}(?:no\.?|number|#)?[ \t]{0,2}[:#]?[ \t]{0,2}#?$/i;
// "KB-77821" has the shape of a key or reference code (a tracker's "KB-10234", a sender's "ref
// KB-77821"): after such a label, or one of trade, it is that code, not a typed-loose citation.
const KEY_SHAPED = /^(?:MS)?KB[ \t]{0,2}[-\u2010\u2013](?![ \t]{0,2}(?:article|artikel))/i;
// A full stop ends a sentence, not a label: "Closing this case. KB-245117 resolved it." cites.
// Words that are also everyday nouns name a key only as a label: after an article or a possessive
// they are the topic of a cited article ("the issue KB-187147 describes", "this bug KB-113421").
const KEY_LABEL_BEFORE =
  /(?:\b(?:(?:our|your|their)[ \t]{1,2})?(?:ref|keys?|id|tickets?|jira|linked(?:[ \t]{1,2}(?:issues?|items?|tickets?|to))?|blocks|blocked[ \t]{1,2}by|relates[ \t]{1,2}to|duplicates|clones|sub-?tasks?|sprint(?:[ \t]{1,2}\d{1,4})?)|(?<!\b(?:the|a|an|this|that|these|those|our|your|their|its|my|his|her)[ \t]{1,2})\b(?:issues?|tasks?|story|stories|epics?|bugs?|project|incident|request|parent|model|question))[ \t]{0,2}(?:no\.?|number|#)?[ \t]{0,2}[:#]?[ \t]{0,2}$/i;
// A citing word right before a loosely typed number: "see KB-245117", "per Q 245117", "the fix in KB-245117".
const CITING_BEFORE =
  /\b(?:see|per|refer(?:s|red|ring)?[ \t]{1,2}to|article|fix(?:ed)?[ \t]{1,2}in|Microsoft|MS)[ \t]{0,2}[:#]?[ \t]{0,2}$/i;
// The other keys listed right after this one: "KB-10834, KB-10837 and KB-10856 are done".
const KEY_LIST_AFTER =
  /^(?:[ \t]{0,2}(?:[,;&/]|and)[ \t]{0,3}(?:MS)?KB[ \t]{0,2}[-\u2010\u2013][ \t]{0,2}\d{4,7}(?![\d-])){0,8}/i;
// What a tracker writes after its key: a relation or a state ("(blocked by KB-10462)", "; relates to
// ...", "are done", "were merged"), or a ":" before a task's imperative title ("KB-10856: Update the
// wiki page").
const TRACKER_AFTER =
  /^(?:[ \t]{0,2}[(;,:-]?[ \t]{0,2}(?:is[ \t]{1,2}|are[ \t]{1,2}|was[ \t]{1,2}|were[ \t]{1,2}|has[ \t]{1,2}been[ \t]{1,2}|have[ \t]{1,2}been[ \t]{1,2}|got[ \t]{1,2})?(?:blocked[ \t]{1,2}by|blocks|relates[ \t]{1,2}to|related[ \t]{1,2}to|duplicates|duplicated[ \t]{1,2}by|cloned[ \t]{1,2}from|depends[ \t]{1,2}on|done|closed|merged|assigned|reopened|in[ \t]{1,2}progress|in[ \t]{1,2}review|moved[ \t]{1,2}to)\b|[ \t]{0,2}:[ \t]{1,2}(?:Update|Add|Remove|Create|Implement|Migrate|Investigate|Document|Write|Refactor|Review|Deploy|Rename|Clean|Replace|Draft|Prepare|Schedule|Build|Send|Decommission|Onboard|Set[ \t]up|Follow[ \t]up)\b(?![-']))/;
// "Q 10826 - How satisfied were you?", "Q 10826) How...": a number before a question (not "How to ...").
const QUESTION_NUMBER_AFTER =
  /^[ \t]{0,2}[-)\u2013.][ \t]{0,2}(?:How(?![ \t]{1,2}to\b)|What|Why|When|Where|Which|Who|Would|Did|Do|Does|Were|Was|Are|Is|Please[ \t]{1,2}rate|Rate)\b[^\n?]{0,120}\?/;
// The keys listed before this one after that label: "Linked issues: KB-10234, KB-10235".
const KEY_LIST_BEFORE =
  /(?:(?:MS)?KB[ \t]{0,2}[-\u2010\u2013][ \t]{0,2}\d{4,7}[ \t]{0,2}(?:[,;&/]|and)[ \t]{0,3}){1,8}$/i;
// "[KB-10234] Printer queue stuck": a tracker puts its key in square brackets in a subject.
const BRACKETED = (text: string, start: number, end: number) => text[start - 1] === '[' && text[end] === ']';
// "Q 12345: How satisfied were you?": a capital Q apart from its number before a colon numbers a question.
const QUESTION_AFTER = /^[ \t]{0,2}:/;

// "Q270415-B", "Q270415-01", "KB270415-A2": a number with a part suffix is a part or order code.
// "Q270415 - How to...", "Q270415-" at a line's end and "Q270415-How" keep their KB reference.
const PART_SUFFIX = /^[-\u2010\u2011](?:[A-Za-z]|[A-Z]{2}|\d{1,3}|[A-Z]\d{1,2}|\d{1,2}[A-Z])(?![A-Za-z0-9])/;

// The rest of a list: "KB 227142, 191014 and 194022"
const LIST_TAIL_RE = /^([ \t]{0,3}(?:,|and|or|&|\/)[ \t]{0,3})((?:Q|KB[ \t]?)?(\d{5,7}))(?![A-Za-z0-9_]|[.,]\d)/i;

/**
 * A KB number is never written with a leading zero: "KB0012045" is another tool's article (a
 * ServiceNow knowledge base numbers its articles so), not a Microsoft one.
 */
function canonical(digits: string): string | null {
  if (digits.startsWith('0')) return null;
  const n = Number(digits);
  return n >= 1000 ? 'Q' + String(n) : null;
}

/** With `cues` (noted by the tokeniser over all of `text`), the regexes run only where they can match. */
export function findKbRefs(text: string, limit = 1000, cues?: CueLists): KbHit[] {
  // A page's text has a no-break space wherever its HTML wrote "&nbsp;" ("KB&nbsp;227142", what a mail
  // editor makes of a space typed before a number): the same separator as a space, and of the same
  // length, so every offset found in the spaced copy is one in the page's text.
  text = withPlainSpaces(text);
  const found: Found[] = [];
  // Each finder stops at `limit` on its own; overlaps (a URL that also reads as "kb/227142", "KB
  // article 227142" seen by two finders) are settled in one sorted sweep, keeping the longer span.
  const push = (start: number, end: number, digits: string, bare: boolean, loose: boolean) => {
    const value = canonical(digits);
    if (value) found.push(loose ? { start, end, value, bare, loose } : { start, end, value, bare });
  };
  // Numbers the ticket writes as another kind of number somewhere ("order Q270415", "Q270415-B").
  const otherKind = new Set<string>();
  let m: RegExpExecArray | null;
  let n = 0;
  const cursor = (re: RegExp, kind: Cue) =>
    new RegexCursor(re, text, cues?.starts[kind], cues?.lo[kind], cues?.hi[kind]);
  const urls = cursor(URL_RE, Cue.Url);
  while ((m = urls.next()) && n++ < limit) {
    // Trailing punctuation belongs to the sentence, not the address.
    let end = m.index + m[0].length;
    while (end > m.index && /[.,;:!?]/.test(text[end - 1]!)) end--;
    let start = m.index;
    const pre = text.slice(Math.max(0, start - 12), start);
    const scheme = /(?:https?:\/\/)?(?:www\.)?$/i.exec(pre);
    if (scheme) start -= scheme[0].length;
    push(start, end, urlDigits(m), false, false);
  }
  for (const [re, kind] of [
    [ARTICLE_RE, Cue.Article],
    [KB_RE, Cue.Kb],
    [Q_RE, Cue.Q],
  ] as const) {
    const found = cursor(re, kind);
    n = 0;
    while ((m = found.next()) && n++ < limit) {
      let start = m.index;
      const end = m.index + m[0].length;
      if (re !== ARTICLE_RE && PART_SUFFIX.test(text.slice(end, end + 5))) {
        otherKind.add(m[1]!);
        continue;
      }
      const before = text.slice(Math.max(0, start - 30), start);
      const label = re === Q_RE ? OTHER_NUMBER_BEFORE : re === KB_RE ? TRADE_NUMBER_BEFORE : null;
      const keyShaped = re === KB_RE && KEY_SHAPED.test(m[0]);
      const spacedQ = re === Q_RE && m[0].length > m[1]!.length + 1;
      if (label?.test(before) || ((keyShaped || spacedQ) && isTrackerKey(text, start, end))) {
        otherKind.add(m[1]!);
        continue;
      }
      if (spacedQ && QUESTION_AFTER.test(text.slice(end, end + 3))) continue;
      if (re === KB_RE && (NUMBER_BEFORE.test(before) || SIZE_BEFORE.test(before) || isUnitField(text, start, end)))
        continue;
      if (re !== Q_RE) {
        const prefix = (re === KB_RE ? MS_BEFORE : KNOWLEDGE_BASE_BEFORE).exec(before);
        if (prefix) start -= prefix[0].length;
        // "Microsoft KB 245117" names its owner: what stands before "Microsoft" cannot make it another's.
        const microsofts = prefix !== null && /^(?:MS|Microsoft)/i.test(prefix[0]);
        const lead = text.slice(Math.max(0, start - 30), start);
        if (
          !microsofts &&
          (OTHER_OWNER_BEFORE.test(lead) ||
            OTHER_VENDOR_BEFORE.test(lead) ||
            vendorsOwn(text, start) ||
            OTHER_OWNER_AFTER.test(text.slice(end, end + 100)))
        )
          continue;
        if (re === KB_RE && inOtherSitesAddress(text, start)) continue;
      }
      const loose = keyShaped || spacedQ;
      push(start, end, m[1]!, re === Q_RE, loose);
      // A cue covers the numbers listed right after it.
      let at = m.index + m[0].length;
      for (let i = 0; i < 20; i++) {
        const tail = LIST_TAIL_RE.exec(text.slice(at, at + 40));
        if (!tail) break;
        push(at + tail[1]!.length, at + tail[0].length, tail[3]!, false, loose);
        at += tail[0].length;
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: KbHit[] = [];
  const labelled = new Map<string, boolean>();
  for (const h of found) {
    // A bare "Q270415" the ticket labels elsewhere as an order, invoice or part number is that number.
    if (h.bare) {
      const digits = h.value.slice(1);
      let other = labelled.get(digits);
      if (other === undefined) labelled.set(digits, (other = otherKind.has(digits) || labelledElsewhere(text, digits)));
      if (other) continue;
    }
    const last = out[out.length - 1];
    if (last && h.start < last.end) {
      if (h.end - h.start > last.end - last.start) out[out.length - 1] = h;
      continue;
    }
    if (out.length >= limit) break;
    out.push(
      h.loose
        ? { start: h.start, end: h.end, value: h.value, loose: true }
        : { start: h.start, end: h.end, value: h.value },
    );
  }
  return out;
}

interface Found extends KbHit {
  /** Found by a bare "Q" only, with no KB cue. */
  bare: boolean;
}

/**
 * Whether the loosely typed "KB-10234" or "Q 10234" at [start, end) is an issue tracker's key, a
 * sender's reference or another code's number: in square brackets, after a key's or a model's
 * label, listed after such a label with other keys ("Linked issues: KB-10234, KB-10235"), or, with
 * no citing word before it, followed by what a tracker writes after a key or by a question.
 */
function isTrackerKey(text: string, start: number, end: number): boolean {
  if (BRACKETED(text, start, end)) return true;
  let before = text.slice(Math.max(0, start - 160), start);
  if (CITING_BEFORE.test(before.slice(-30))) return false;
  const list = KEY_LIST_BEFORE.exec(before);
  if (list) before = before.slice(0, list.index);
  if (KEY_LABEL_BEFORE.test(before.slice(-30))) return true;
  const after = text.slice(end, end + 300);
  const rest = after.slice(KEY_LIST_AFTER.exec(after)![0].length);
  return TRACKER_AFTER.test(rest) || QUESTION_NUMBER_AFTER.test(after);
}

/** Whether the KB cue at [start, end) is the unit of a field labelled with a quantity (FIELD_SIZE_BEFORE). */
function isUnitField(text: string, start: number, end: number): boolean {
  if (PROSE_AFTER.test(text.slice(end, end + 12))) return false;
  const from = Math.max(0, start - 60);
  // The text's own start is a line's start.
  return FIELD_SIZE_BEFORE.test((from === 0 ? '\n' : '') + text.slice(from, start));
}

/** Whether the ticket writes `digits` somewhere after an order, invoice, case... label ("PO #270415"). */
function labelledElsewhere(text: string, digits: string): boolean {
  let n = 0;
  for (let at = text.indexOf(digits); at >= 0 && n < 20; at = text.indexOf(digits, at + 1), n++) {
    if (/\d/.test(text[at + digits.length] ?? '')) continue;
    let b = at;
    if (b > 0 && (text[b - 1] === 'Q' || text[b - 1] === 'q')) b--;
    if (/\w/.test(text[b - 1] ?? '')) continue;
    if (OTHER_NUMBER_BEFORE.test(text.slice(Math.max(0, b - 30), b))) return true;
  }
  return false;
}

/**
 * Whether the cue at `at` follows "their"/"its" whose owner is another vendor: the owner named last
 * before it, when Microsoft is not named there too. With Microsoft in the lead ("Opened a case with
 * Microsoft. Intel drivers are not the issue, their KB ..."), a vendor named only as a topic is not
 * the owner; one the agent dealt with ("then called Veritas support; their KB ...") still is.
 */
function vendorsOwn(text: string, at: number): boolean {
  const lead = text.slice(Math.max(0, at - OWNER_WINDOW), at);
  const pronoun = POSSESSIVE_BEFORE.exec(lead);
  if (!pronoun) return false;
  const named = lead.slice(0, pronoun.index);
  let vendor: { start: number; end: number } | null = null;
  let microsoft = false;
  for (const m of named.matchAll(OWNER_NAMED)) {
    // "500 ms" is a duration, not Microsoft.
    if (m[2] !== undefined && (m[2].toLowerCase() !== 'ms' || m[2] === 'MS')) {
      microsoft = true;
      vendor = null;
      continue;
    }
    if (m[1] === undefined) continue;
    if (EVERYDAY_VENDOR.test(m[1]) && !/^[A-Z]/.test(m[1])) continue;
    if (MICROSOFT_JUST_BEFORE.test(named.slice(0, m.index))) continue;
    vendor = { start: m.index!, end: m.index! + m[0].length };
  }
  if (!vendor) return false;
  if (!microsoft) return true;
  const { start, end } = vendor;
  return DEALT_WITH_BEFORE.test(named.slice(0, start)) || DEALT_WITH_AFTER.test(named.slice(end, end + 30));
}

/** Microsoft's own hosts: a KB number in their addresses (a hotfix download) is a KB reference. */
const MICROSOFT_HOST = /(?:^|\.)microsoft\.com$/i;

/**
 * Whether the KB cue at `at` sits inside the address of a site other than Microsoft's
 * ("https://files.contoso.com/share/KB123456/setup.zip"): there it names that site's folder or
 * page, and its card would be a guess. Reads back to the start of the address only (at most 200
 * characters), and only for a KB cue right after a path or query separator.
 */
function inOtherSitesAddress(text: string, at: number): boolean {
  if (!/[/=?&]/.test(text[at - 1] ?? '')) return false;
  let b = at;
  while (b > 0 && at - b < 200 && !/[\s"'<>()[\]]/.test(text[b - 1]!)) b--;
  const host = /^(?:[a-z][a-z0-9+.-]{1,10}:\/\/|www\.)([^/\s?#:]+)/i.exec(text.slice(b, at));
  return host !== null && !MICROSOFT_HOST.test(host[1]!);
}
