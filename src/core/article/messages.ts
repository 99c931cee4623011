/**
 * The literal error, NDR and event strings an article quotes: the indented block after a lead-in
 * such as "you receive the following error message:", inline quotes after "error"/"message", and
 * an "Err Msg:" title when the body does not quote the full text.
 */
import type { BodyLine } from './body-lines';
import type { MessageKind, QuotedMessage } from './types';
import { explainedTokens, findPlaceholders } from './placeholders';
import { mailAddressRe } from './mail-addresses';
import { collapse, mendWrapHyphens, sentences } from './text';

/** Longest message kept; longer blocks are cut at a sentence end (they are usually dumps). */
export const MAX_MESSAGE_LENGTH = 300;
/** More than this many quoted strings is a listing, not an article about one message. */
export const MAX_MESSAGES = 40;

const LEAD_WORDS =
  /\b(?:errors?|messages?|NDRs?|non-?\s?delivery|events?|reason codes?|diagnostic codes?|warnings?|stating|alert|undeliverable|bounced?|logged|dialog box|assertions?)\b/i;
/**
 * A crash dialog's second half: "If you click the Details button, you may see the following:" -
 * the button's capitalised name, not "for more details".
 */
const DETAILS_LEAD = /\b(?:click|choose|select|press)\s+(?:the\s+)?Details\b/;
const NDR_WORDS = /\b(?:NDRs?|non-?\s?delivery|reason codes?|undeliverable|diagnostic codes?|bounced?)\b/i;
const EVENT_WORDS = /\bevent\b|\bevent (?:log|viewer)\b|\bevents? (?:is|are) (?:logged|recorded)/i;
/**
 * Lead-ins that introduce code, steps or settings rather than a message. "Type the following"
 * introduces what to type, but "if the field is set to "D:/LIB", LINK fails with the following
 * message" still introduces a message: a message word right after "the following" says so.
 */
const NOT_A_MESSAGE =
  /\b(?:code|sample|registry|command line|syntax|following (?:lines?|steps?|settings?|entries|entry|keys?|values?|commands?|text to))\b|\b(?:add|append|change|set|type|enter|edit|modify)\b.*\bthe following\b(?! (?:(?:error|warning|event) )?(?:messages?|errors?|warnings?|events?)\b)/i;

const BOILERPLATE = [
  /^your message did not reach some or all of the intended recipients\.?$/i,
  /^the following recipient\(?s\)? could not be reached:?$/i,
  /^this message was (?:undeliverable|not delivered)/i,
  /^s e r v p a c k$/i,
];

interface Candidate {
  text: string;
  kind: MessageKind;
  /** Tokens the article explains right after the message ("where x is the drive ..."): placeholders. */
  explained?: string[];
}

/**
 * /\bmessages?\b[^:]*:/i without its backtracking: it matches exactly when some colon follows
 * the first "message(s)". The RegExp retried [^:]* from every "message" of a long paragraph
 * with no colon: seconds on a 150 KB paragraph, growing with its square.
 */
function saysMessageColon(text: string): boolean {
  const m = /\bmessages?\b/i.exec(text);
  return m !== null && text.indexOf(':', m.index + m[0].length) !== -1;
}

export function readMessages(lines: readonly BodyLine[], title: string): QuotedMessage[] {
  const found: Candidate[] = [];
  const prose: string[] = [];
  let para: BodyLine[] = [];
  let paraIndent = 0;
  /** Where the paragraph's first line starts: left of paraIndent for a list item ("1. Start ..."). */
  let paraBase = 0;
  let paraEnded = false;
  /**
   * The lead-in still in force: a lead-in paragraph, or a block read after one, stays in force
   * across qualifiers ("For version 1.0:") until another paragraph starts.
   */
  let pendingLead: { kind: MessageKind } | null = null;

  const endParagraph = () => {
    if (!para.length) return;
    const joined = para.map((l) => l.text).join(' ');
    // Only paragraphs with a quote or a "message ...:" can hold an inline message.
    if (joined.includes('"') || saysMessageColon(joined)) prose.push(collapse(joined));
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text.trim() === '') {
      if (para.length) paraEnded = true;
      continue;
    }
    const ind = contentIndent(l.text);
    const last = para[para.length - 1]?.text.trim() ?? '';
    // A list item's quote sits under its text, or (the archive wraps "1. " items two columns in)
    // between its number and its text: after a blank line, anything right of the number is quoted.
    // The item's own later paragraphs sit there too, so such a quote is one paragraph.
    const underItem =
      paraEnded &&
      indentOf(l.text) > paraBase &&
      indentOf(l.text) < paraIndent &&
      saysMessageFollows(para) &&
      namesFault(para);
    // A numbered step's quote is what the reader sees while following the procedure ("Click Yes
    // when you receive the following message:"): a prompt or a confirmation, not a symptom, unless
    // the step says it is an error or an event.
    const stepOk = !isStep(para) || namesFault(para);
    if (para.length && stepOk && (indentOf(l.text) > paraIndent || underItem) && (paraEnded || last.endsWith(':'))) {
      const blockStop = underItem ? paragraphEnd(lines, i, indentOf(l.text)) : blockEnd(lines, i, paraIndent);
      const said: { kind: MessageKind } | null =
        leadIn(para) ??
        (paraEnded && !underItem && isQualifier(para) ? pendingLead : null) ??
        (paraEnded && !underItem && describesEvent(para, pendingLead) ? { kind: 'event' as const } : null) ??
        (paraEnded && !underItem ? leadAround(para, lines, blockStop) : null);
      // An entry with no sentence introducing it ("Example 1." / the fields): only its ID and source
      // are sure to be a message; its description may be any status line ("Migration begins.").
      const bare = !said && paraEnded && !underItem && EVENT_BLOCK.test(l.text.trim());
      const lead: { kind: MessageKind } | null = said ?? (bare ? { kind: 'event' as const } : null);
      if (lead) {
        const end = blockStop;
        endParagraph();
        const block = lines.slice(i, end);
        if (block.filter((b) => looksLikeCode(b.text.trim()) || ASM.test(b.text)).length < 2) {
          const read = readBlock(block, lead);
          // Unintroduced, a short line ("Migration begins.", "Help Context: 0") is as likely a status as a message.
          const sure = (c: Candidate) => /^Event ID: \d+, Source: /.test(c.text) || c.text.split(' ').length >= 5;
          found.push(...explain(bare ? read.filter(sure) : read, lines, end));
        }
        para = [];
        paraEnded = false;
        pendingLead = said;
        i = end - 1;
        continue;
      }
    }
    // Inside a bullet or an indented passage, the message after a lead-in sits at the passage's
    // own indentation ("- Pressing F1 displays the following error message:" / blank / the
    // message two columns in, under the bullet's text): one paragraph, to the next blank line.
    if (para.length && paraEnded && paraIndent > 0 && indentOf(l.text) === paraIndent && last.endsWith(':')) {
      const lead = leadIn(para);
      const end = paragraphEnd(lines, i, paraIndent);
      const block = lines.slice(i, end);
      if (
        lead &&
        saysMessageFollows(para) &&
        stepOk &&
        !LIST_ITEM.test(l.text.trim()) &&
        !leadIn(block) &&
        !block.some((b) => looksLikeCode(b.text.trim()) || ASM.test(b.text))
      ) {
        endParagraph();
        found.push(...explain(readBlock(block, lead), lines, end));
        para = [];
        paraEnded = false;
        i = end - 1;
        continue;
      }
    }
    const wrapsItem = indentOf(l.text) > paraBase;
    if (!para.length || paraEnded || (indentOf(l.text) < paraIndent && !wrapsItem)) {
      if (para.length) pendingLead = leadIn(para) ?? (isQualifier(para) ? pendingLead : null);
      endParagraph();
      para = [l];
      paraIndent = ind;
      paraBase = indentOf(l.text);
      paraEnded = false;
    } else {
      // The item's wrapped lines set where its text sits: a quote must go deeper than them.
      if (indentOf(l.text) < paraIndent) paraIndent = indentOf(l.text);
      para.push(l);
    }
  }
  endParagraph();

  for (const p of prose) found.push(...inlineQuotes(p));
  const titleMsg = errMsgTitle(title);
  if (titleMsg && !found.some((f) => sameStart(f.text, titleMsg))) found.push({ text: titleMsg, kind: 'error' });

  const out: QuotedMessage[] = [];
  const seen = new Set<string>();
  for (const found1 of found) {
    const c = withoutExplanation(found1);
    const text = cap(c.text);
    const key = text
      .toLowerCase()
      .replace(/[^a-z0-9%<>]+/g, ' ')
      .trim();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ text, kind: c.kind, placeholders: findPlaceholders(text, c.explained) });
    if (out.length >= MAX_MESSAGES) break;
  }
  return out;
}

/**
 * An explanation the article wrote on the message's own line ("File '<path>:<filename>' not found
 * where <filename> has either a .c or a .d extension") is not part of it: cut, and what it
 * explains is a placeholder.
 */
const SAME_LINE_WHERE =
  /\s+\(?where\s+(<[^<>]{1,30}>|[A-Za-z]|x{2,8}|X{2,8}|n{2,8}|N{2,8}|#{1,8})\s+(?:is|are|has|have|represents?|stands for|refers to)\s.*$/i;

function withoutExplanation(c: Candidate): Candidate {
  const m = SAME_LINE_WHERE.exec(c.text);
  if (!m || m.index < 8 || !c.text.slice(0, m.index).includes(m[1]!)) return c;
  return { ...c, text: c.text.slice(0, m.index), explained: [...(c.explained ?? []), m[1]!] };
}

/**
 * The messages of a block, with the tokens the paragraph right after it explains ("where x is the
 * drive where Systems Management Server 1.1 is installed").
 */
function explain(messages: Candidate[], lines: readonly BodyLine[], end: number): Candidate[] {
  let i = end;
  while (i < lines.length && lines[i]!.text.trim() === '' && i - end < 2) i++;
  const para: string[] = [];
  for (; i < lines.length && lines[i]!.text.trim() !== '' && para.length < 4; i++) para.push(lines[i]!.text);
  const tokens = explainedTokens(collapse(para.join(' ')));
  if (tokens.length > 0) for (const m of messages) m.explained = tokens;
  return messages;
}

function indentOf(text: string): number {
  return /^ */.exec(text)![0].length;
}

/** Where a paragraph's text starts: a "- " bullet's text is two columns further in. */
function contentIndent(text: string): number {
  const m = /^( *)(?:- |\d+\.\s|[a-z]\.\s)?/.exec(text)!;
  return m[0].length;
}

/**
 * A short qualifier between a lead-in and its quote, or between two quotes: "For version 1.0:",
 * "In Windows NT:". It names where the message shows, not what follows.
 */
const QUALIFIER = /^(?:For|In|On|Under|With|From|Using)\s(?:[^.:;!?]|\.(?=\d)){1,80}:$/;
const NOT_QUALIFIER = /\b(?:example|information|instance|details?|more|following|steps?|workaround|resolve|fix)\b/i;

function isQualifier(para: readonly BodyLine[]): boolean {
  const text = collapse(para.map((l) => l.text).join(' '));
  return QUALIFIER.test(text) && !NOT_QUALIFIER.test(text);
}

/**
 * "The description is:" under a quoted entry's fields (or after a sentence naming the event): the
 * entry's description follows, which is the text a ticket pastes from Event Viewer.
 */
const DESCRIPTION_LEAD =
  /^(?:(?:the|its|with (?:the|a)) )?(?:following )?(?:event )?description(?: (?:is|reads|says)(?: as follows)?)?\s*:$/i;

function describesEvent(para: readonly BodyLine[], pending: { kind: MessageKind } | null): boolean {
  const all = sentences(collapse(para.map((l) => l.text).join(' ')));
  const last = all[all.length - 1] ?? '';
  if (!DESCRIPTION_LEAD.test(last)) return false;
  // A bare "Description:" label is an event's only under its fields: elsewhere it heads the
  // article's own explanation, and after "Error Message:" the prose that explains the message.
  if (!/\b(?:is|reads|says)\b/i.test(last)) return pending?.kind === 'event';
  return pending !== null || all.slice(0, -1).some((x) => /\bevents?\b/i.test(x));
}

/** A numbered step ("6. Click Yes when ..."). */
function isStep(para: readonly BodyLine[]): boolean {
  return /^\d{1,2}\.\s/.test(para[0]?.text.trim() ?? '');
}

/** The paragraph's last sentence says what follows is a fault: an error, a warning, an event. */
function namesFault(para: readonly BodyLine[]): boolean {
  const all = sentences(collapse(para.map((l) => l.text).join(' ')));
  return /\b(?:errors?|warnings?|events?|NDRs?|non-?\s?delivery|stop)\b/i.test(all[all.length - 1] ?? '');
}

/**
 * The clause a lead-in ends with. Code or command-line words before it ("when the linker command
 * line includes /INC, the linker generates one of the following messages:") set the scene; only
 * the words that introduce the quote say whether it is code.
 */
function lastClause(sentence: string): string {
  const at = sentence.lastIndexOf(', ');
  const clause = sentence.slice(at + 2);
  return at >= 0 && MESSAGE_FOLLOWS.test(clause) ? clause : sentence;
}

/**
 * "errors" (plural) that names the quote itself ("Building the code results in the following errors:",
 * "errors such as the following:"): the diagnostics follow, though the sentence speaks of code. Any
 * other "errors" does not: "no errors", "not cause any errors:" before code, or a clause that goes
 * on to name a key, a command or a line.
 */
const ERRORS_QUOTED =
  /(?<!(?:\bnot|\bnever|n't)\s+)\b(?:results?\s+in|resulted\s+in|produces?|produced|generates?|generated|gives?|gave|returns?|returned|reports?|reported|raises?|raised)\s+the\s+following\s+(?:(?!no\b|any\b)[\w-]+\s+){0,2}errors\s*:\s*$|\berrors\s+(?:such\s+as|like)\s+(?:the\s+following|these)\s*:\s*$/i;

/** The lead-in's kind when the paragraph introduces a quoted message, else null. */
function leadIn(para: readonly BodyLine[]): { kind: MessageKind } | null {
  const text = collapse(para.map((l) => l.text).join(' '));
  const all = sentences(text);
  const last = all[all.length - 1] ?? text;
  const colon = /:\s*$/.test(last);
  if (!LEAD_WORDS.test(last) && !(colon && DETAILS_LEAD.test(last))) return null;
  // "If ... no message ..., do one of the following:" introduces things to do, not a quote.
  if (/\b(?:do|try|use|perform)\s+(?:one|any|either|all|each|some|both)\s+of\s+the\s+following\s*:\s*$/i.test(last))
    return null;
  if (!colon && !/\bfollowing\b.*\b(?:error|message)s?\b|\b(?:error|message)s?\b.*\bfollowing\b/i.test(last))
    return null;
  // "displays a message box containing the following lines:" quotes the box's lines (not code that displays one).
  const boxLines =
    /\b(?:message|dialog) box (?:(?:that|which) )?(?:contain(?:s|ing)?|read(?:s|ing)?|say(?:s|ing)?|with)\b[^.]*\bfollowing\b/i.test(
      last,
    ) && !/\b(?:code|sample|syntax|macro|statement)\b/i.test(last);
  // A quoted name ("a dialog entitled "Code Page"") is no word of the lead-in's own.
  if (
    NOT_A_MESSAGE.test(lastClause(last.replace(/"[^"]*"/g, '""'))) &&
    !/\b(?:error|NDR|non-?\s?delivery)\b/i.test(last) &&
    !ERRORS_QUOTED.test(last) &&
    !boxLines
  )
    return null;
  if (NDR_WORDS.test(last)) return { kind: 'ndr' };
  if (EVENT_WORDS.test(last) && !/\berror messages?\b/i.test(last)) return { kind: 'event' };
  return { kind: 'error' };
}

/**
 * A sentence the message interrupts: "..., the message" / the message indented / "is displayed
 * when ...". Its lead-in has no colon and no "following"; the sentence resuming after the block
 * with its verb is what says the block is the message.
 */
const LEAD_ENDS_IN_MESSAGE = /\b(?:the|an?|this)\s+(?:[\w-]+\s+){0,2}(?:messages?|errors?|warnings?|alerts?)\s*$/i;
const RESUMES_WITH_VERB =
  /^(?:is|are|was|were|will|may|might|can|could|appears?|occurs?)\b(?:\s+(?:be\s+)?(?:displayed|shown|generated|returned|logged|reported|received|appear|occur))?/;

function leadAround(para: readonly BodyLine[], lines: readonly BodyLine[], end: number): { kind: MessageKind } | null {
  const all = sentences(collapse(para.map((l) => l.text).join(' ')));
  const last = all[all.length - 1] ?? '';
  if (!LEAD_ENDS_IN_MESSAGE.test(last) || NOT_A_MESSAGE.test(last)) return null;
  let k = end;
  while (k < lines.length && lines[k]!.text.trim() === '' && k - end < 2) k++;
  const next = lines[k]?.text.trim() ?? '';
  if (!RESUMES_WITH_VERB.test(next)) return null;
  if (NDR_WORDS.test(last)) return { kind: 'ndr' };
  if (EVENT_WORDS.test(last) && !/\berror messages?\b/i.test(last)) return { kind: 'event' };
  return { kind: 'error' };
}

/** The indented block runs while lines are indented past the lead-in, across short blank gaps. */
function blockEnd(lines: readonly BodyLine[], start: number, baseIndent: number): number {
  let end = start;
  for (let j = start; j < lines.length; j++) {
    const t = lines[j]!.text;
    if (t.trim() === '') {
      let k = j + 1;
      while (k < lines.length && lines[k]!.text.trim() === '' && k - j < 3) k++;
      if (k >= lines.length || lines[k]!.text.trim() === '' || indentOf(lines[k]!.text) <= baseIndent) break;
      continue;
    }
    if (indentOf(t) <= baseIndent) break;
    end = j + 1;
  }
  return Math.max(end, start + 1);
}

/**
 * A lead-in that names a message right before its colon ("the following error message:", "this
 * error is displayed:"). Without a deeper indent to mark the quote, a vaguer one ("try the
 * following:", "enter the following line of code in its click event:") introduces steps or code.
 */
const MESSAGE_FOLLOWS =
  /\b(?:following|this|these) (?:[\w-]+ ){0,2}(?:messages?|errors?|warnings?|prompts?)\b[^.:]{0,40}:\s*$|\b(?:messages?|errors?|warnings?|prompts?) (?:similar to|like|such as) (?:the following|this)\s*:\s*$|\b(?:messages?|errors?|warnings?) (?:is|are) (?:displayed|shown|logged|returned|generated|received)[^.:]{0,20}:\s*$|\b(?:messages?|errors?|warnings?)\b(?: (?:occurs?|appears?|is displayed))? (?:that|which) (?:states|says|reads)\s*:\s*$/i;
const LIST_ITEM = /^(?:\d{1,2}\.|[a-z]\.|-)\s/;

function saysMessageFollows(para: readonly BodyLine[]): boolean {
  const all = sentences(collapse(para.map((l) => l.text).join(' ')));
  return MESSAGE_FOLLOWS.test(all[all.length - 1] ?? '');
}

/** One paragraph from `start`: to the next blank line or a line indented less than `indent`. */
function paragraphEnd(lines: readonly BodyLine[], start: number, indent: number): number {
  let end = start + 1;
  while (end < lines.length && lines[end]!.text.trim() !== '' && indentOf(lines[end]!.text) >= indent) end++;
  return end;
}

/** An Event Viewer entry quoted as such ("Example 1." / the entry): its first field says what it is. */
const EVENT_BLOCK = /^Event(?: ID| Type)?\s*[:=]\s*\S/i;
const EVENT_FIELD = /^(Event ID|Event|Source|Type|Category|Date|Time|User|Computer|Description)\s*[:=]\s*(.*)$/i;
const SEPARATOR = /^-?\s*(?:or|and)\s*-?$/i;

/** Splits a quoted block into messages: at blank lines, indentation changes and -or- lines. */
function readBlock(block: readonly BodyLine[], lead: { kind: MessageKind }): Candidate[] {
  const out: Candidate[] = [];
  let seg: string[] = [];
  let segIndent = -1;
  let segBullet = false;
  let segKind: MessageKind = lead.kind;
  let eventId: string | null = null;
  let source: string | null = null;
  let inDescription = false;
  let fieldOpen = false;

  const flush = () => {
    if (seg.length) {
      for (const text of odbcErrorTexts(mendWrapHyphens(collapse(seg.join(' '))))) {
        if (!keep(text)) continue;
        out.push({ text, kind: segKind });
        // Windows' fault dialog names the program without its extension ("GUIDE caused an invalid
        // page fault in module ..."); an article writing "Guide.exe caused ..." is quoted that way too.
        const bare = text.replace(FAULTING_PROGRAM, '$1$2');
        if (bare !== text) out.push({ text: bare, kind: segKind });
      }
      // A dialog's caption on the first line ("Remote Tools", "Uninstaller Error") is glued to the
      // message by the join; tickets often quote the message without it, so it is kept alone too.
      if (seg.length > 1 && isCaption(seg[0]!, seg[1]!)) {
        const rest = mendWrapHyphens(collapse(seg.slice(1).join(' ')));
        if (keep(rest)) out.push({ text: rest, kind: segKind });
      }
    }
    seg = [];
    segIndent = -1;
    segBullet = false;
    segKind = inDescription ? 'event' : lead.kind;
  };
  const flushEvent = () => {
    if (eventId) out.push({ text: `Event ID: ${eventId}` + (source ? `, Source: ${source}` : ''), kind: 'event' });
    eventId = null;
    source = null;
  };

  for (const l of block) {
    const raw = l.text;
    const t = raw.trim();
    if (!t) {
      flush();
      continue;
    }
    if (SEPARATOR.test(t)) {
      flush();
      continue;
    }
    // "In Microsoft Windows 95 or Microsoft Windows 98:" between two quotes says where the next one
    // shows; it is no message, whatever its length.
    if (QUALIFIER.test(collapse(t)) && !NOT_QUALIFIER.test(t)) {
      flush();
      continue;
    }
    // An Event Viewer layout in columns ("Date  11/24/01   Event ID  1027"): keep the ID and source only.
    if (/\S(?:\s{3,}|\t)\S/.test(t) && /^(?:Date|Time|User|Computer|Event ID|Source|Type|Category)\b/i.test(t)) {
      flush();
      const id = /\bEvent ID\s+(\d+)/i.exec(t);
      const src = /\bSource\s+([A-Za-z][\w.-]*(?: [A-Z][\w.-]*)?)/.exec(t);
      if (id) eventId = id[1]!;
      if (src) source = src[1]!.trim();
      continue;
    }
    // A field wrapped after its name ("Type: Error Category:" / "Context Wrapper"): the value, no message.
    const prevField = fieldOpen;
    fieldOpen = /^(?:Type|Category|Source|User|Computer)\s*:.*(?:Category|Source|User|Computer)\s*:$/i.test(t);
    if (prevField && !seg.length && t.split(/\s+/).length <= 3 && !/[.!?:]$/.test(t)) continue;
    const field = EVENT_FIELD.exec(t);
    if (field) {
      flush();
      const name = field[1]!.toLowerCase();
      const value = field[2]!.trim();
      if (name === 'event id' || (name === 'event' && /^\d+$/.test(value))) eventId = /\d+/.exec(value)?.[0] ?? eventId;
      else if (name === 'source') source = value || source;
      else if (name === 'description') {
        inDescription = true;
        segKind = 'event';
        if (value) {
          seg = [value];
          segIndent = indentOf(raw);
        }
      }
      continue;
    }
    if (/^(?:Subject|Sent|To|From|Cc|Bcc|Date)\s*:(?:\s|$)/i.test(t)) {
      flush();
      continue;
    }
    // An old Exchange NDR's recipient line ("Citizen Caine on 9/11/96 10:55:36 AM") names the user
    // and the time; the reason line under it is a message of its own.
    if (NDR_RECIPIENT_LINE.test(t)) {
      flush();
      continue;
    }
    const ind = indentOf(raw);
    const bullet = /^- (.*)$/.exec(t);
    const lineText = (bullet ? bullet[1]! : t).replace(SOURCE_LOCATION, '');
    // A new message starts at an indentation change, a bullet, or an Exchange diagnostic line.
    if (seg.length && (ind !== segIndent || bullet || /^MSEXCH:/i.test(t))) {
      // A deeper-indented lower-case line after an unfinished one is the same message wrapped; so is
      // one left of a bullet's text ("   - An error ... has" / "  been canceled."): the archive
      // wraps an item's later lines back to the block's margin.
      const wrapped =
        (ind > segIndent || segBullet) &&
        !bullet &&
        (/^[a-z([]/.test(lineText) || (segBullet && /^['"]/.test(lineText))) &&
        !/[.:!?]$/.test(seg[seg.length - 1]!);
      // A diagnostic's code alone on its line ("x.c(4) : error C2664:") is followed by its text.
      const codeWrapped = seg.length === 1 && BARE_CODE.test(seg[0]!) && !bullet && !CODED_LINE.test(lineText);
      if (!wrapped && !codeWrapped) flush();
    }
    // Lines of the same shape, each a whole sentence ("'a.ocx' could not be loaded -- Continue?",
    // "'b.ocx' could not be loaded -- Continue?"), are a list of messages, not one wrapped message.
    if (seg.length && parallelLines(seg[seg.length - 1]!, lineText)) flush();
    // Lines that each open with a message number ("L4013: ...", "L4014: ...") are a list of messages.
    // A compiler's output may name the file compiled first ("macro.c"): the name is no part of
    // the first diagnostic, and the diagnostics under it are still one message a line.
    if (seg.length && CODED_LINE.test(lineText) && seg.every((x) => FILE_NAME_LINE.test(x))) seg = [];
    if (seg.length && CODED_LINE.test(lineText) && CODED_LINE.test(seg[0]!)) flush();
    if (!seg.length) {
      segIndent = ind;
      segBullet = bullet !== null;
    }
    seg.push(lineText);
  }
  flush();
  flushEvent();
  return out;
}

/**
 * An ODBC call's printed return values ('szSqlState = "S1C00", *pfNativeError = 0, szErrorMsg =
 * "[Microsoft][ODBC ...] Driver not capable"'): the message is the szErrorMsg value; the variable
 * names and the state before it are the program's, and a ticket quotes the message alone.
 */
function odbcErrorTexts(text: string): string[] {
  const parts = text.split(/\*?\bszErrorMsg\s*=\s*/);
  if (parts.length === 1) return [text];
  const values = parts.slice(1).map((p) =>
    p
      .split(/"?\s*[,;]?\s*\*?\b(?:szSqlState|pfNativeError)\b/)[0]!
      .trim()
      .replace(/^"/, '')
      .replace(/"\s*[,;]?$/, '')
      .trim(),
  );
  // The driver's bracketed name alone ("[Microsoft][ODBC Microsoft Access 97 Driver] ") says no error.
  return values.filter((p) => /[A-Za-z]/.test(p.replace(/\[[^\]]*\]/g, '')));
}

const FAULTING_PROGRAM = /^([\w$~-]{1,64})\.exe(\s+caused\s+(?:an?|the)\s)/i;

/** A compiler's "file.asm(3): " before its diagnostic: the user's own file and line, not the message. */
const SOURCE_LOCATION =
  /^[\w.\\/:-]+\(\d+(?:,\d+)?\)\s?:\s*(?=(?:fatal\s+)?(?:error|warning)\s+[A-Z]{1,4}\d{3,5}\s?:)/i;
/** A diagnostic's code with nothing after it: "error C2664:" once its file and line are gone. */
const BARE_CODE = /^(?:(?:fatal\s+)?(?:error|warning)\s+[A-Z]{1,4}\d{3,5}\s?:?|[A-Z]{1,4}\d{3,5}\s?:)$/i;
/** A line that is only a file's name ("macro.c", "C:\\src\\demo.asm"). */
const FILE_NAME_LINE = /^[\w.\\/:~-]{1,200}\.[a-z]\w{0,3}$/i;
const CODED_LINE = /^(?:(?:fatal\s+)?(?:error|warning)\s+)?[A-Z]{1,4}\d{3,5}\s?:\s|^Event\s+\d{1,5}\s?:\s/i;

/** Two lines ending in the same words (at least three, the sentence's end included): one message each. */
function parallelLines(prev: string, line: string): boolean {
  if (!/[.!?]$/.test(prev) || !/[.!?]$/.test(line) || prev === line) return false;
  const a = prev.split(/\s+/);
  const b = line.split(/\s+/);
  let same = 0;
  while (same < a.length && same < b.length && a[a.length - 1 - same] === b[b.length - 1 - same]) same++;
  return same >= 3 && same < a.length && same < b.length;
}

/**
 * A dialog caption: a short first line (at most four words, no sentence punctuation) above a
 * line that starts a sentence of its own. Not a wrapped sentence (its first line is long).
 */
function isCaption(first: string, next: string): boolean {
  const words = first.split(/\s+/);
  return (
    words.length <= 4 &&
    first.length <= 40 &&
    /^[A-Z]/.test(first) &&
    !/[.:;,!?]$/.test(first) &&
    /^[A-Z]/.test(next) &&
    // An Event Viewer or NDR field line is no caption.
    !/^(?:Event|Source|Type|Category|Description|Subject|To|From|Date)\b/i.test(first)
  );
}

const NDR_RECIPIENT_LINE =
  /^\S.{0,100}?\son \d{1,2}\/\d{1,2}\/\d{2,4}(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AP]M)?)?[ \t]*$/i;

const ASM = /^\s*(?:mov|pop|push|call|jmp|jnz|jz|je|jne|cmp|int|lea|ret|xor|add|sub|inc|dec|or|and)\s+[\w[]/i;

function keep(text: string): boolean {
  if (text.length < 4 || !/[A-Za-z]{2}/.test(text)) return false;
  // One plain word ("Next", "Symptoms") is not a message; codes (ERROR_X, C1001, ODXOINIU) are.
  if (!/\s/.test(text) && !/[_0-9:\\/.]/.test(text) && !(text === text.toUpperCase() && text.length >= 6)) return false;
  if (BOILERPLATE.some((re) => re.test(text))) return false;
  if (/^Q\d{4,6}\b/.test(text) || /^ARTICLE-ID\s*:/i.test(text) || /^TITLE\s*:/i.test(text)) return false;
  if (/^(?:https?|ftp|file):\/\//i.test(text) || /^www\./i.test(text)) return false;
  // A recipient line of an NDR ("user@example.com on 11/3/97 12:03 PM") or a bare address.
  if (/\bon \d{1,2}\/\d{1,2}\/\d{2,4}\b/.test(text) || (!/\s/.test(text) && /@/.test(text))) return false;
  if (looksLikeCode(text)) return false;
  if (BARE_CODE.test(text)) return false;
  // A printout's fields with bare numbers ("Number: 1002", "Line: 2 Column: 16", "Help Context: 0")
  // name values, not a message: any ticket listing the same fields would read as quoting it.
  if (text.replace(/[A-Za-z][A-Za-z ]{0,24}:[ \t]{0,20}(?:0x)?[\d.,]{0,12}/g, '').trim() === '') return false;
  return true;
}

const MAIL_ADDRESS_RE = mailAddressRe();

function looksLikeCode(text: string): boolean {
  // A line opening with an apostrophe is a Basic comment, unless it closes one too: a quoted
  // value wrapped onto its own line ("'struct ADODB::_Recordset *const ' to 'struct IUnknown *'"),
  // or a quoted name the message goes on about ("'comdlg32.ocx' could not be loaded"), or one that
  // ends the message's sentence on a wrapped line ("'Orders_PK'. Cannot insert ...").
  if (
    /[{};]\s*$/.test(text) ||
    /^\s*(?:#include|#define|#if|Dim |Sub |End Sub|Function |Private |Public |Declare |int |void |char |return\b|if\s*\(|for\s*\(|while\s*\(|\/\/|'(?![^'\s]{1,80}'(?:\s+\w|[.,;:)~]))(?!.*'\s*$)|REM\b|SET |ECHO )/i.test(
      text,
    )
  )
    return true;
  // An X.400 or X.500 address ("C=US;A= ;P=ORG;L=SRV-9908", "/o=ORG/ou=SITE/cn=USER") is an Exchange
  // event's value, not an assignment.
  const plain = text.replace(MAIL_ADDRESS_RE, ' ');
  if (/\b\w+\s*=\s*[\w"'(&]/.test(plain) && /[()]/.test(plain) && !/\s(?:is|was|the|to)\s/i.test(plain)) return true;
  if (/^(?:HKEY_|HKLM\\|\[HKEY)/i.test(text)) return true;
  return false;
}

/** The quote follows the word directly: `error "x"`, `message: "x"`, `an error stating "x"`. */
const BEFORE_QUOTE =
  /\b(?:error(?: message)?|message|warning)s?\s*[:,]?\s*(?:(?:that|which)\s+(?:says|reads|states)|stating|saying|reading|similar to|like|such as|of)?\s*:?\s*$/i;
/** Or comes right before it: `an "access denied" error`. */
const AFTER_QUOTE = /^\s+(?:error(?: message)?|message|warning)s?\b/i;

/** A paragraph that lists another article by number and title. */
const CROSS_REFERENCE = /^\s*Q\d{4,6}\b/;

/** Double-quoted spans, paired in order, so a closing quote is never read as an opening one. */
function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (open < 0) open = i;
    else {
      spans.push([open, i]);
      open = -1;
    }
  }
  return spans;
}

function inlineQuotes(paragraph: string): Candidate[] {
  const out: Candidate[] = [];
  // A reference to another article ("Q246459 Error Message: Unable to Enumerate Web Sites...",
  // 'Q175421 XADM: "Error 1053" When ...') quotes that article's title: a ticket quoting the
  // message is about that article, which quotes it itself.
  if (CROSS_REFERENCE.test(paragraph)) return out;
  const kind: MessageKind = NDR_WORDS.test(paragraph) && /\bNDR|non-?\s?delivery/i.test(paragraph) ? 'ndr' : 'error';
  for (const [a, b] of quotedSpans(paragraph)) {
    const inner = paragraph.slice(a + 1, b);
    if (inner.length < 4 || inner.length > 300) continue;
    const before = paragraph.slice(Math.max(0, a - 60), a);
    const after = paragraph.slice(b + 1, b + 30);
    if (!BEFORE_QUOTE.test(before) && !(inner.length <= 120 && AFTER_QUOTE.test(after))) continue;
    const text = mendWrapHyphens(collapse(inner)).replace(/^[\s,]+|[\s,]+$/g, '');
    if (text.length < 4 || (!/\s/.test(text) && text.length < 8)) continue;
    if (!keep(text)) continue;
    const tokens = explainedTokens(paragraph.slice(b + 1).replace(/^[\s,.;:)]+/, ''));
    out.push(tokens.length > 0 ? { text, kind, explained: tokens } : { text, kind });
  }
  // "...warning message for unused variables: warning FOR4280: unused local variable <name>"
  const sameLine = /\b(?:error|warning) messages?\b[^:."]{0,80}:\s+([^"\s].{5,200})$/i.exec(paragraph);
  if (sameLine && !/:\s*$/.test(sameLine[1]!)) {
    const text = mendWrapHyphens(collapse(sameLine[1]!));
    if (keep(text) && !/\b(?:the|this|you|your)\b.*\b(?:the|this|you|your)\b/i.test(text)) out.push({ text, kind });
  }
  return out;
}

/** "XADM: Err Msg: Originator Does Not Have Permission" -> the text after "Err Msg:". */
function errMsgTitle(title: string): string | null {
  const m = /\bErr(?:or)?\s*Msg\s*:\s*(.+)$/i.exec(title);
  if (!m) return null;
  const text = m[1]!.trim().replace(/^["']|["']$/g, '');
  return text.length >= 4 ? text : null;
}

/** The body quotes the title's message (the title is cut at 64 characters, so compare the start). */
function sameStart(body: string, titleText: string): boolean {
  // Placeholders differ between title and body ("<Server>" vs "<server name>"), so they go.
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/<[^<>]*>/g, ' ')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const b = norm(body);
  const t = norm(titleText);
  if (!t) return true;
  const prefix = t.slice(0, Math.max(12, Math.min(t.length, 40)));
  return b.includes(prefix) || (b.length >= 8 && t.includes(b) && b.length >= t.length * 0.6);
}

function cap(text: string): string {
  if (text.length <= MAX_MESSAGE_LENGTH) return text;
  const cut = text.slice(0, MAX_MESSAGE_LENGTH);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  if (end > 80) return cut.slice(0, end + 1);
  return cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : MAX_MESSAGE_LENGTH);
}
