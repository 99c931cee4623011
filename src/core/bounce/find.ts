/**
 * findBounces: every bounce in a ticket text, read as a whole. Anchors (anchors.ts) say where a
 * report is; anchors close together form one report; the report's text is read per recipient
 * (extract.ts) and each recipient classified (classify.ts). Works on the flattened text, so
 * quoting, re-wrapping and help-desk folding do not matter; offsets map back to the ticket text.
 */
import { ANCHORS, ANY_ANCHOR, type AnchorDef } from './anchors';
import { classify, reasonFromText } from './classify';
import { ADDR, extractPieces, type Piece } from './extract';
import { msexchReason } from './msexch';
import { msmailReason } from './msmail';
import { isNameForm, withoutGluedWord } from './recipient-forms';
import { familyOf } from './family';
import { flatten, foldable, foldWidth, toOriginal, type FlatText } from './flat-text';
import type { Bounce, BounceRecipient, Generation, Reason } from './types';

/** Anchors further apart than this (flattened characters) belong to different reports. */
const GAP = 3000;
/** How far a report may run past its last anchor. */
const TAIL = 2500;
/**
 * Raw text read around each anchor; windows that touch are merged. A report that starts with one of
 * its parts is read back to its paragraph (PARAGRAPH_BACK flattened characters): the raw text before
 * holds those and the indentation flattening drops (Exchange 2003's recipient line and sentence in a
 * language with long sentences lay before a 200-character window).
 */
const WINDOW_BEFORE = 1000;
const WINDOW_AFTER = 12000;
/** Hostile input: at most this much text is flattened, and this many reports returned. */
const MAX_FLAT = 4_000_000;
const MAX_BOUNCES = 200;
/** A report's code and its recipient pasted apart, in reverse order, are at most this far apart. */
const ORPHAN_GAP = 600;

interface AnchorHit {
  def: AnchorDef;
  start: number;
  end: number;
}

interface Cluster {
  anchors: AnchorHit[];
  /** The keys of its anchors: whether one is seen again is asked once per hit, so a set, not a scan. */
  keys: Set<string>;
  start: number;
  lastEnd: number;
}

/** Text between two anchors that already tells of a failed recipient: a later opener starts a new report. */
const EVIDENCE = /(?<![\d.])[245]\.\d{1,3}\.\d{1,3}(?![\d])|(?<!\d)[45]\d\d[ -]|MSEXCH:|Diagnostic-Code:/;

/** Openers that only introduce a list of recipients, in any language. */
const LIST_LEADS = new Set(['dsn-failed', 'dsn-failed-intl', 'gm-perm']);

/** Where a quoted original or a reply to it begins: the report has ended. */
const TERMINATOR =
  /Original message headers|-{2,} ?Original (?:message|Message)|-{3,} ?Forwarded message|Below this line is a copy of the message|-{3,} ?This is a copy of the message|Content-Type: message\/rfc822|-{3,} ?The header of the original message|What should you do\?|Content-Description: Undelivered Message\b|-{3,80} ?Returned [Mm]essage ?-{3}/;

function windows(text: string, fold: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // Cut at a fixed width inside words ("to=<user@yahoo" / ".example>"), the text holds its anchors
  // only once the cuts are joined: it is looked through flattened, and the windows mapped back.
  const flat = fold ? flatten(text, 0, Math.min(text.length, MAX_FLAT), fold) : undefined;
  const scan = flat ? flat.text : text;
  ANY_ANCHOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  let total = 0;
  while ((m = ANY_ANCHOR.exec(scan))) {
    const start = Math.max(0, m.index - WINDOW_BEFORE);
    const stop = Math.min(scan.length, m.index + m[0].length + WINDOW_AFTER);
    const from = flat ? toOriginal(flat, start) : start;
    const to = flat ? toOriginal(flat, stop, true) : stop;
    const last = out[out.length - 1];
    if (last && from <= last[1]) {
      total += to - last[1];
      last[1] = Math.max(last[1], to);
    } else {
      out.push([from, to]);
      total += to - from;
    }
    ANY_ANCHOR.lastIndex = Math.max(ANY_ANCHOR.lastIndex, stop - WINDOW_BEFORE);
    if (total > MAX_FLAT) break;
  }
  return out;
}

function anchorsIn(flat: string): AnchorHit[] {
  const hits: AnchorHit[] = [];
  for (const def of ANCHORS) {
    def.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = def.re.exec(flat))) hits.push({ def, start: m.index, end: m.index + m[0].length });
  }
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

function clusters(flat: string, hits: AnchorHit[]): Cluster[] {
  const out: Cluster[] = [];
  let cur: Cluster | null = null;
  for (const h of hits) {
    if (cur && h.start < cur.lastEnd) {
      cur.lastEnd = Math.max(cur.lastEnd, h.end);
      cur.anchors.push(h);
      cur.keys.add(h.def.key);
      continue;
    }
    const seen = !h.def.repeats && cur?.keys.has(h.def.key);
    // From the last anchor's start: a part that prints a recipient's code ("<host #5.4.6>") is itself
    // the evidence that its report told of a failure before the next opener.
    const between = cur ? flat.slice(Math.min(cur.lastEnd, cur.anchors[cur.anchors.length - 1]!.start), h.start) : '';
    const fresh =
      !cur || h.start - cur.lastEnd > GAP || seen || (h.def.open && EVIDENCE.test(between)) || TERMINATOR.test(between);
    if (fresh) {
      cur = { anchors: [h], keys: new Set([h.def.key]), start: h.start, lastEnd: h.end };
      out.push(cur);
    } else {
      cur!.anchors.push(h);
      cur!.keys.add(h.def.key);
      cur!.lastEnd = Math.max(cur!.lastEnd, h.end);
    }
  }
  return out;
}

const EXPIRY_NOTE =
  /(?:could not be delivered|Cannot send message) (?:for|within) \d{1,3} (?:days?|hours?)|in the queue too long|Message will be deleted from queue|retry time(?:out)? (?:exceeded|reached)/i;
const QUEUE_REASONS = new Set<Reason>(['networkerror', 'systemerror', 'undefined']);
/**
 * The report says the server is still trying: a delay notice (Exchange, Postfix's and Sendmail's
 * warnings, Exim's "has not yet been delivered", Gmail's "Delivery incomplete"). Its recipients
 * have not failed, unless their own DSN fields or a permanent code say otherwise.
 */
const DELAY_NOTE =
  /Delivery is delayed to these recipients|This message hasn['’]t been delivered yet|THIS IS A WARNING (?:MESSAGE )?ONLY|YOU DO NOT NEED TO RESEND YOUR MESSAGE|has not yet been delivered to one or more of its\s?recipients|Delivery incomplete|There was a temporary problem delivering your message|Delivery to the following recipients? has been delayed|had transient non-fatal errors|message still undelivered after|will retry for \d{1,3} more hours|recipients has not been delivered yet|verzögert sich|wurde noch nicht zugestellt/i;
/**
 * Postfix's words for a recipient it is still retrying: a delay, unless the report says the message
 * was returned (Postfix's failure report, sent when the queue gave up, keeps the last such reason).
 */
const SUSPENDED = /delivery temporarily suspended/i;
/**
 * A report saying it gave up: its recipients' temporary codes are the last ones tried, not a delay.
 * Not Postfix's warning "Your message could not be delivered for more than 4 hour(s)".
 */
const RETURNED_NOTE =
  /could not\s?be\s?delivered\s?to\s?one\s?or\s?more\s?(?:of\s?its\s?)?recipients|Delivery has failed to these recipients|Your message (?:to \S{1,200}\s)?(?:couldn['’]t be|could not be|wasn['’]t) delivered(?!\s?for\s?more\s?than)/i;

/** SES bounceSubType values, for recipients SES describes with no status or reply. */
const SES_SUBTYPE: Readonly<Record<string, Reason>> = {
  NoEmail: 'userunknown',
  Suppressed: 'userunknown',
  OnAccountSuppressionList: 'userunknown',
  MailboxFull: 'mailboxfull',
  MessageTooLarge: 'exceedlimit',
  ContentRejected: 'contenterror',
  AttachmentRejected: 'policyviolation',
};

type Draft = Omit<BounceRecipient, 'reason'> & { human?: string; action?: string; listed?: boolean; end: number };

/** Pieces about the same address become one recipient; pieces with no address join the only recipient, or stand alone. */
function mergePieces(pieces: Piece[], text: string): Draft[] {
  const byAddr = new Map<string, Draft>();
  const loose: Draft[] = [];
  const fill = (d: Draft, p: Piece) => {
    for (const k of ['address', 'status', 'replyCode', 'diagnostic', 'remoteMta', 'date', 'human', 'action'] as const) {
      if (p[k] !== undefined && d[k] === undefined) (d as unknown as Record<string, string>)[k] = p[k]!;
    }
    if (p.listed) d.listed = true;
    d.end = Math.max(d.end, p.end);
  };
  for (const p of pieces) {
    if (p.address) p.address = withoutGluedWord(p.address, text);
    if (!p.address) {
      const d = { end: p.end } as Draft;
      fill(d, p);
      loose.push(d);
      continue;
    }
    const key = p.address.toLowerCase();
    const d = byAddr.get(key) ?? ({ end: p.end } as Draft);
    fill(d, p);
    byAddr.set(key, d);
  }
  let named = [...byAddr.values()];
  // A recipient the report lists by name (display name, X.500, X.400, Notes name) and an SMTP address
  // only its other parts give (the DSN's Final-Recipient, the server reply quoted in its line) are one
  // recipient when the pairing is plain: the reply quotes that address, or there is one of each.
  // The SMTP address is kept; the name's line fills what the address's parts did not say.
  const byName = named.filter((d) => d.address && isNameForm(d.address));
  const elsewhere = named.filter((d) => d.address && !isNameForm(d.address) && !d.listed);
  for (const n of byName) {
    const said = (n.diagnostic ?? '').toLowerCase();
    const pair =
      elsewhere.find((s) => said.includes(s.address!.toLowerCase())) ??
      (byName.length === 1 && elsewhere.length === 1 ? elsewhere[0] : undefined);
    if (!pair) continue;
    fill(pair, { ...n, address: pair.address } as Piece);
    elsewhere.splice(elsewhere.indexOf(pair), 1);
    n.address = undefined;
  }
  named = named.filter((d) => d.address !== undefined);
  // A server reply with no address (Exchange's "#550 5.1.1 ...##" pasted alone) belongs to the single named recipient.
  for (const d of loose) {
    if (!d.status && !d.diagnostic && !d.replyCode) continue;
    const only = named.length === 1 ? named[0]! : named.find((n) => n.status && n.status === d.status);
    if (only) {
      for (const k of ['status', 'replyCode', 'diagnostic', 'remoteMta', 'date'] as const) {
        if (d[k] !== undefined && only[k] === undefined) only[k] = d[k];
      }
      only.end = Math.max(only.end, d.end);
    } else if (!named.length) named.push(d);
  }
  // Only recipients the report says something about: a bare address in a list with nothing said is kept only when it is all there is.
  return named;
}

function toRecipient(d: Draft, sesSubType: string | undefined): BounceRecipient {
  let reason: Reason = classify({
    ...(d.status ? { status: d.status } : {}),
    ...(d.replyCode ? { replyCode: d.replyCode } : {}),
    ...(d.action ? { action: d.action } : {}),
    ...(d.diagnostic ? { diagnostic: d.diagnostic } : {}),
    ...(d.human ? { human: d.human } : {}),
  });
  const msmail = d.status ? undefined : msmailReason(d.diagnostic);
  if (msmail) reason = msmail;
  if (reason === 'undefined' || (!d.status && !d.replyCode && reason === 'rejected')) {
    reason = msexchReason(d.diagnostic) ?? (sesSubType ? SES_SUBTYPE[sesSubType] : undefined) ?? reason;
  }
  if (d.diagnostic) {
    const hex = msexchReason(d.diagnostic);
    if (hex && !d.status) reason = hex;
  }
  // Key order is the --json contract's.
  return {
    ...(d.address ? { address: d.address } : {}),
    ...(d.status ? { status: d.status } : {}),
    ...(d.replyCode ? { replyCode: d.replyCode } : {}),
    reason,
    ...(d.diagnostic ? { diagnostic: d.diagnostic } : {}),
    ...(d.remoteMta ? { remoteMta: d.remoteMta } : {}),
    ...(d.date ? { date: d.date } : {}),
  };
}

/** Whether a recipient of a report is only delayed: its DSN says so, or the report is a delay notice and no field says it failed. */
function isDelayed(d: Draft, delayNotice: boolean, generation: Generation, returned: boolean): boolean {
  if (d.action) return d.action === 'delayed';
  if (d.status?.startsWith('5.') || /^5/.test(d.replyCode ?? '')) return false;
  // Exchange's delay notice in any language: "#< #4.4.7 smtp;400 4.4.7 Message delayed> #SMTP#";
  // not under a report that says delivery failed, which quotes the last "Message delayed" it got.
  if (delayNotice || (!returned && !!d.status?.startsWith('4.') && /\bdelayed\b/i.test(d.diagnostic ?? '')))
    return true;
  // Exchange 2007+ and Exchange Online give up with a 5xx reply even for a temporary status ("550
  // 4.4.7 QUEUE.Expired"): a 4xx reply with a 4.x.x status is the one they still retry, in any
  // language, unless the report says delivery failed.
  return (
    !returned &&
    (generation === 'exchange-2007+' || generation === 'exchange-online') &&
    /^4/.test(d.replyCode ?? '') &&
    !!d.status?.startsWith('4.')
  );
}

const ADDRESS_AT = new RegExp(`(?:${ADDR})$`);
const DOMAIN_AFTER = /^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63}){1,8}/;
/** How many "@" a text may hold for onlyAddress to look: a report naming one address holds few. */
const MAX_AT = 50;
/** Senders of reports and of auto-replies, never the failed recipient. */
const ROLE = /^(?:mailer-daemon|postmaster|MicrosoftExchange[0-9a-f]{0,40}|no-?reply|do-?not-?reply)$/i;
/**
 * A message header's line: the report's own "To:" is its sender, "From:" a system or the sender;
 * neither is the failed recipient ("Von:", "An:", "De :", "À :", "Para:", "Aan:" as mail clients translate them).
 */
const HEADER_FIELD =
  /^[\s>|]*(?:From|To|Cc|Bcc|Reply-To|Return-Path|Sender|Von|An|Kopie|De|À|Para|Van|Aan|Da|A|Från|Till|Fra|Til)\s?:/i;
/** How far before a report's first part its opening lines, naming the recipient, may be. */
const ADDRESS_BACK = 1500;
/**
 * A header-like line, "Label: [Name] [<|[mailto:]addr[>|]]" in any language (From:, To:, Von:, De :,
 * Sender Address:): a mail header of the ticket or of the forwarded report, naming the sender or
 * the agent, or a label whose role the reader cannot tell ("Adresse de l'expéditeur :"). Never read
 * as a lone reply's recipient.
 */
const HEADER_LABEL = /^[ \t>|]*[^\n:@<>"[\]]{1,30}:[ \t]/;
const HEADER_LINE_MAX = 400;

/** `raw` without its header-like lines naming one address (HEADER_LABEL). Line by line: linear on any input. */
function withoutHeaderAddresses(raw: string): string {
  return raw
    .split('\n')
    .map((line) => {
      if (line.length > HEADER_LINE_MAX || !HEADER_LABEL.test(line)) return line;
      const at = line.indexOf('@');
      return at >= 0 && line.indexOf('@', at + 1) < 0 ? '' : line;
    })
    .join('\n');
}
const EXCHANGE_CARD = new Set<Generation | undefined>(['exchange-online', 'exchange-2007+']);

/** The one SMTP address a text names (several times, any case), or undefined: none, several, or too many "@" to read. */
function onlyAddress(t: string): string | undefined {
  let found: string | undefined;
  let n = 0;
  for (let i = t.indexOf('@'); i >= 0; i = t.indexOf('@', i + 1)) {
    if (++n > MAX_AT) return undefined;
    const domain = DOMAIN_AFTER.exec(t.slice(i, i + 600));
    const local = domain ? /[A-Za-z0-9][A-Za-z0-9._%+'=-]{0,199}$/.exec(t.slice(Math.max(0, i - 200), i)) : null;
    if (!domain || !local || !ADDRESS_AT.test(local[0] + domain[0]) || ROLE.test(local[0])) continue;
    const lineStart = t.lastIndexOf('\n', i) + 1;
    if (HEADER_FIELD.test(t.slice(Math.max(lineStart, i - 300), i - local[0].length))) continue;
    const a = local[0] + domain[0];
    if (found && found.toLowerCase() !== a.toLowerCase()) return undefined;
    found ??= a;
  }
  return found;
}

/** A reply about the sender, whose address it may quote ("<from@x>... Domain of sender address does not exist"). */
const SENDER_WORDS = /\bsender\b|\bfrom\b|\boriginator\b/i;

/** How far back a report that starts with one of its parts (no opening sentence) may begin: its paragraph. */
const PARAGRAPH_BACK = 400;

/**
 * Where a report's text begins: at its opening sentence, or, when the paste starts with one of its
 * parts (Exchange's "addr host #550 5.1.1 ... ##" under a header in a language no anchor knows,
 * Outlook's "addr#< #5.7.1 ...> #SMTP#"), at the start of that part's paragraph, where the
 * recipient is printed.
 */
function readStart(flat: FlatText, c: Cluster, floor: number): number {
  if (c.anchors[0]!.def.open) return c.start;
  const from = Math.max(floor, c.start - PARAGRAPH_BACK);
  // Only the stretch it may begin in is searched: a page of anchors without line breaks (flattened)
  // would otherwise be searched back to its start from each one.
  const back = flat.text.slice(from, c.start);
  const para = back.lastIndexOf('\n');
  if (para >= 0) return from + para + 1;
  if (from === floor) return from;
  const space = back.indexOf(' ');
  return space >= 0 ? from + space + 1 : c.start;
}

/** A report read, and where it ends in the flattened text. */
interface Read {
  bounce: Bounce;
  flatEnd: number;
}

function readCluster(text: string, flat: FlatText, c: Cluster, limit: number, floor: number): Read | null {
  c = { ...c, start: readStart(flat, c, floor) };
  let stopAt = Math.min(limit, c.lastEnd + TAIL);
  const tail = flat.text.slice(c.lastEnd, stopAt);
  const term = tail.search(TERMINATOR);
  if (term >= 0) stopAt = c.lastEnd + term;
  const t = flat.text.slice(c.start, stopAt);
  const { pieces, reportingMta, sesSubType } = extractPieces(t);
  const drafts = mergePieces(pieces, text);
  // The report says the message sat in the queue until it gave up: a connection failure then is an expiry.
  const queuedOut = EXPIRY_NOTE.test(t);
  // Also an opener that says so in the report's language ("Fehler bei der Zustellung ...").
  const returned = RETURNED_NOTE.test(t) || c.anchors.some((a) => a.def.failed);
  const delayNotice = DELAY_NOTE.test(t) || (SUSPENDED.test(t) && !returned);
  if (!drafts.length) return null;
  // One reply and no recipient named next to it (Exchange Online's card in a language no lead
  // sentence is known for, or with its words mangled): the recipient is the one address the
  // report and its opening lines name.
  // Not when another report's part follows closely: that may be this reply's own report, pasted
  // below it (findBounces joins the two).
  const orphan = limit < flat.text.length && limit - c.lastEnd <= ORPHAN_GAP;
  const alone = c.anchors.some((a) => a.def.replyAlone && pastedLine(text, toOriginal(flat, a.start)));
  if (
    drafts.length === 1 &&
    !drafts[0]!.address &&
    !orphan &&
    (alone || c.anchors.some((a) => EXCHANGE_CARD.has(a.def.family!)))
  ) {
    // Named outside the reply: a reply quoting its address, pasted above the report's opener
    // (findBounces joins the two), is not read as a whole report on its own.
    // The opening lines may lie before the flattened window (findBounces reads a little before each anchor).
    // Read in the ticket's own lines, up to the reply: header lines ("From: agent", the report's
    // "To: sender") and a signature below the report name other people.
    const rawStart = toOriginal(flat, c.start);
    const rawEnd = toOriginal(flat, c.start + drafts[0]!.end, true);
    const raw = text.slice(Math.max(0, rawStart - ADDRESS_BACK), rawEnd);
    const around = flatten(withoutHeaderAddresses(raw)).text;
    const diagnostic = drafts[0]!.diagnostic;
    // Else the one address the reply itself names as its recipient ("Recipient x@y not found by SMTP
    // address lookup"): a card folded onto one line keeps its "Sender Address:" on the same line as
    // everything else, where no header line can be told apart.
    const only =
      onlyAddress(diagnostic ? around.replace(diagnostic, ' ') : around) ??
      (diagnostic && !SENDER_WORDS.test(diagnostic) ? onlyAddress(diagnostic) : undefined);
    if (only) drafts[0]!.address = only;
  }
  // A report must say something about a failure: a status, a reply or the server's words.
  if (!drafts.some((d) => d.status || d.replyCode || d.diagnostic || d.human) && !c.anchors.some((a) => a.def.open))
    return null;
  // "Delivery to the following recipients failed: a@b" says nothing of why: an agent's sentence
  // quoting it about a mailbox is no report. With no status, reply or Reason line for any recipient,
  // it is one only where the phrase begins a pasted line, or beside another part of the report (an
  // other opener, Reporting-MTA, a code anywhere in it).
  if (
    c.anchors.every((a) => LIST_LEADS.has(a.def.key)) &&
    !reportingMta &&
    !EVIDENCE.test(t) &&
    !drafts.some((d) => d.status || d.replyCode || d.diagnostic || d.human) &&
    !c.anchors.some((a) => pastedLine(text, toOriginal(flat, a.start)))
  )
    return null;
  // Parts any mail system prints ("Remote host said:", "unable to deliver to") make a report only
  // with a recipient and the server's code for it.
  // A line that introduces the server's reply ("Remote server replied: 554 ...") is one with its
  // failure code alone, where it was pasted (pastedLine), not where an agent's sentence uses the words.
  if (
    c.anchors.every((a) => !a.def.family || a.def.needsCode) &&
    !drafts.some((d) => d.address && (d.status || d.replyCode)) &&
    !(alone && drafts.some((d) => /^[45]/.test(d.replyCode ?? '')))
  )
    return null;
  const end = Math.max(c.lastEnd - c.start, ...drafts.map((d) => d.end));
  const first = c.anchors.find((a) => a.def.open && a.def.family) ?? c.anchors.find((a) => a.def.family);
  const raw = text.slice(toOriginal(flat, c.start), toOriginal(flat, stopAt, true));
  const generation = familyOf(
    { first: first?.def.family, all: new Set(c.anchors.map((a) => a.def.family)) },
    t,
    raw,
    reportingMta,
  );
  const recipients = drafts.map((d) => {
    const r = toRecipient(d, sesSubType);
    if (isDelayed(d, delayNotice, generation, returned)) return { ...r, delayed: true as const };
    // A DSN that reports a connection failure's temporary status as final ("Action: failed",
    // "Status: 4.4.1"): the retries ran out. A server's temporary refusal keeps its own reason.
    const gaveUp =
      (queuedOut && QUEUE_REASONS.has(r.reason)) ||
      (d.action === 'failed' &&
        d.status?.startsWith('4.') &&
        (r.reason === 'networkerror' || r.reason === 'undefined'));
    return gaveUp ? { ...r, reason: 'expired' as const } : r;
  });
  // A success notice ("Your message was successfully delivered"): every recipient delivered is no bounce.
  if (recipients.every((r) => r.reason === 'delivered')) return null;
  const flatEnd = c.start + Math.min(end, t.length);
  const bounce: Bounce = {
    start: toOriginal(flat, c.start),
    end: toOriginal(flat, flatEnd, true),
    recipients,
    ...(reportingMta ? { reportingMta } : {}),
    generation,
  };
  return { bounce, flatEnd };
}

/**
 * Whether the phrase at original offset `at` begins a pasted line: only white space and quote markers
 * before it on its line, or an opening quote mark (an agent quoting the report in a sentence).
 */
function pastedLine(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(Math.max(lineStart, at - 200), at);
  return /^[ \t>|]*$/.test(before) || /["'“‘]\s?$/.test(before);
}

/** Every bounce in `text`, in text order. */
export function findBounces(text: string): Bounce[] {
  const plain = readBounces(text, 0);
  const fold = foldWidth(text);
  if (!fold) return plain;
  // Lines cut at one width may still have been wrapped at word ends: the cuts joined are kept only
  // where they read more of the reports (recipients with an address, a code, a known reason).
  // Only windows holding a line cut at that width read differently joined: the rest are not read twice.
  const spans: Array<[number, number]> = [];
  const joined = readBounces(text, fold, spans);
  if (!spans.length) return plain;
  const inSpans = (b: Bounce) => spans.some(([from, to]) => b.start < to && b.end > from);
  if (told(joined) <= told(plain.filter(inSpans))) return plain;
  return [...plain.filter((b) => !inSpans(b)), ...joined].sort((a, b) => a.start - b.start).slice(0, MAX_BOUNCES);
}

/** Whether src[from, to) holds a line of exactly `width` that folding would join (flatten's glue). */
function hasFoldedLine(src: string, from: number, to: number, width: number): boolean {
  for (let start = from; start < to;) {
    let end = src.indexOf('\n', start);
    if (end < 0 || end > to) end = to;
    const len = end - start - (src.charCodeAt(end - 1) === 13 ? 1 : 0);
    if (len === width && foldable(src, start, len)) return true;
    start = end + 1;
  }
  return false;
}

function told(bounces: readonly Bounce[]): number {
  let n = 0;
  for (const b of bounces)
    for (const r of b.recipients)
      n += (r.address ? 2 : 0) + (r.status || r.replyCode ? 1 : 0) + (r.reason !== 'undefined' ? 1 : 0);
  return n;
}

/** `spans`, when given (a joined read): only windows with a line at the `fold` width are read, and listed there. */
function readBounces(text: string, fold: number, spans?: Array<[number, number]>): Bounce[] {
  const out: Bounce[] = [];
  for (const [from, to] of windows(text, fold)) {
    if (out.length >= MAX_BOUNCES) break;
    if (spans) {
      if (!hasFoldedLine(text, from, to, fold)) continue;
      spans.push([from, to]);
    }
    const flat = flatten(text, from, to, fold);
    const cs = clusters(flat.text, anchorsIn(flat.text));
    // Where the last report read ends: a report that opens with one of its parts (no opening
    // sentence) and no paragraph break before it begins there, not inside the reply that ended it.
    let readTo = 0;
    for (let i = 0; i < cs.length && out.length < MAX_BOUNCES; i++) {
      const c = cs[i]!;
      const floor = Math.max(cs[i - 1]?.lastEnd ?? 0, Math.min(readTo, c.start));
      let b = readCluster(text, flat, c, cs[i + 1]?.start ?? flat.text.length, floor);
      // Pasted out of order ("Remote Server returned '550 ...'" above the report's opener and its
      // address): a report that names no recipient and the next one that gives its recipient no
      // code are one report.
      const next = cs[i + 1];
      if (b && next && !b.bounce.recipients.some((r) => r.address) && next.start - c.lastEnd <= ORPHAN_GAP) {
        const whole = { ...c, anchors: [...c.anchors, ...next.anchors], lastEnd: next.lastEnd };
        const joined = readCluster(text, flat, whole, cs[i + 2]?.start ?? flat.text.length, floor);
        if (joined?.bounce.recipients.some((r) => r.address && (r.status || r.replyCode))) {
          b = joined;
          i++;
        }
      }
      if (b && !(out.length && b.bounce.start < out[out.length - 1]!.end)) {
        out.push(b.bounce);
        readTo = b.flatEnd;
      }
    }
  }
  return out;
}

/** The bounce recipient an NDR match belongs to: its address itself, same status code, inside its diagnostic, or named just before it. */
export function recipientForMatch(
  m: { start: number; end: number; value: string; text: string },
  bounces: readonly Bounce[],
  text: string,
): BounceRecipient | undefined {
  const b = bounces.find((x) => m.start >= x.start && m.start < x.end);
  if (!b || !b.recipients.length) return undefined;
  const look = lookupOf(b, text);
  const byAddress = look.byAddress.get(m.text.trim());
  if (byAddress) return byAddress;
  // Several recipients with the same code (or the same sentence: "The recipient name is not
  // recognized" twice) are told apart by which of them is named last before the match.
  const sameCode = look.byStatus.get(m.value);
  if (sameCode)
    return sameCode.size === 1
      ? sameCode.values().next().value
      : nearestBefore(look, look.mentionsByStatus.get(m.value)!, sameCode, m.start - b.start);
  const words = m.text.replace(/\s+/g, ' ').trim().slice(0, 60);
  const same = sameWordsOf(look, words);
  if (same)
    return same.among.size === 1 ? same.first : nearestBefore(look, same.mentions, same.among, m.start - b.start);
  if (b.recipients.length === 1) return b.recipients[0];
  return nearestBefore(look, look.mentions, undefined, m.start - b.start);
}

/** Per bounce, built once: its recipients by address and by status, and every place an address is named, in text order. */
interface Lookup {
  byAddress: Map<string, BounceRecipient>;
  byStatus: Map<string, Set<BounceRecipient>>;
  /** Mentions sorted by start (then by the recipient's order in the report): [start, end, recipient index]. */
  mentions: Array<[number, number, number]>;
  /** The mentions of the recipients of each status, in the same order. */
  mentionsByStatus: Map<string, Array<[number, number, number]>>;
  recipients: readonly BounceRecipient[];
  /** Per match text: the recipients whose diagnostic holds it, and their mentions (sameWordsOf). */
  byWords: Map<string, SameWords | null>;
}
interface SameWords {
  first: BounceRecipient;
  among: Set<BounceRecipient>;
  mentions: Array<[number, number, number]>;
}

/**
 * The recipients whose diagnostic holds `words`, asked once per distinct text: an export repeating
 * one reply for thousands of recipients asked it of every recipient per match.
 */
function sameWordsOf(look: Lookup, words: string): SameWords | null {
  const hit = look.byWords.get(words);
  if (hit !== undefined) return hit;
  const list = look.recipients.filter((r) => r.diagnostic && r.diagnostic.includes(words));
  const among = new Set(list);
  const same = list.length
    ? { first: list[0]!, among, mentions: look.mentions.filter(([, , i]) => among.has(look.recipients[i]!)) }
    : null;
  look.byWords.set(words, same);
  return same;
}
const lookupCache = new WeakMap<Bounce, { text: string; look: Lookup }>();

function lookupOf(b: Bounce, text: string): Lookup {
  const hit = lookupCache.get(b);
  if (hit && hit.text === text) return hit.look;
  const byAddress = new Map<string, BounceRecipient>();
  const byStatus = new Map<string, Set<BounceRecipient>>();
  const at = addressMentions(b, text);
  const mentions: Array<[number, number, number]> = [];
  b.recipients.forEach((r, i) => {
    if (r.address && !byAddress.has(r.address)) byAddress.set(r.address, r);
    if (r.status) {
      const set = byStatus.get(r.status);
      if (set) set.add(r);
      else byStatus.set(r.status, new Set([r]));
    }
    if (r.address) for (const s of at.get(r) ?? []) mentions.push([s, s + r.address.length, i]);
  });
  mentions.sort((x, y) => x[0] - y[0] || x[2] - y[2]);
  const mentionsByStatus = new Map<string, Array<[number, number, number]>>();
  for (const mention of mentions) {
    const status = b.recipients[mention[2]]!.status;
    if (!status) continue;
    const list = mentionsByStatus.get(status);
    if (list) list.push(mention);
    else mentionsByStatus.set(status, [mention]);
  }
  const look = { byAddress, byStatus, mentions, mentionsByStatus, recipients: b.recipients, byWords: new Map() };
  lookupCache.set(b, { text, look });
  return look;
}

/**
 * Of `among` (all recipients when undefined), the one whose address is named last, ending at or
 * before `rel` (Exchange prints the address, then its sentence), else the first of them. `ms` are
 * the mentions of `among` alone (Lookup), so the walk back from `rel` passes only the few that
 * overlap it: a report of thousands of recipients, two of them sharing a code its other lines
 * quote, is read in linear time.
 */
function nearestBefore(
  look: Lookup,
  ms: ReadonlyArray<readonly [number, number, number]>,
  among: ReadonlySet<BounceRecipient> | undefined,
  rel: number,
): BounceRecipient | undefined {
  let lo = 0;
  let hi = ms.length - 1;
  let i = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid]![0] <= rel) {
      i = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (; i >= 0; i--) {
    const [, end, idx] = ms[i]!;
    const r = look.recipients[idx]!;
    if (end > rel || (among && !among.has(r))) continue;
    // Mentions starting at the same place: the recipient listed first in the report wins.
    let best = idx;
    for (let j = i - 1; j >= 0 && ms[j]![0] === ms[i]![0]; j--) {
      const [, e2, k] = ms[j]!;
      if (e2 <= rel && (!among || among.has(look.recipients[k]!)) && k < best) best = k;
    }
    return look.recipients[best];
  }
  return among ? look.recipients.find((r) => among.has(r)) : look.recipients[0];
}

/** Per bounce, computed once: where each recipient's address sits in the bounce (offsets from its start, ascending, case ignored). */
const mentionCache = new WeakMap<Bounce, { text: string; at: Map<BounceRecipient, number[]> }>();

/**
 * Where each recipient's address is named in the bounce. A scan asks "who was named last before
 * here" once per match and per try; lowercasing and searching the bounce each time made a DSN
 * with hundreds of recipients sharing one code take seconds, so the bounce is read once.
 */
export function addressMentions(b: Bounce, text: string): ReadonlyMap<BounceRecipient, readonly number[]> {
  const hit = mentionCache.get(b);
  if (hit && hit.text === text) return hit.at;
  const span = text.slice(b.start, b.end);
  const folded = span.toLowerCase();
  // Offsets must stay those of the text: where lowercasing changes the length, fold ASCII only.
  const lower = folded.length === span.length ? folded : span.replace(/[A-Z]+/g, (w) => w.toLowerCase());
  const at = new Map<BounceRecipient, number[]>();
  const byAddress = new Map<string, number[]>();
  let tokens: Map<string, number[]> | undefined;
  for (const r of b.recipients) {
    if (!r.address) continue;
    const needle = r.address.toLowerCase();
    let list = byAddress.get(needle);
    if (!list) {
      // SMTP addresses are looked up among the span's addresses, read once; searching the span for
      // each made a report of thousands of recipients quadratic. Names (display, X.500) are searched.
      if (!isNameForm(needle)) list = (tokens ??= addressTokens(lower)).get(needle) ?? [];
      else {
        list = [];
        for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) list.push(i);
      }
      byAddress.set(needle, list);
    }
    at.set(r, list);
  }
  mentionCache.set(b, { text, at });
  return at;
}

/** Characters of an address's local part and of its domain (ADDR), on lowercased text. */
const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isLocal = (c: number) =>
  isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 39 || c === 61 || c === 45;
const isDomain = (c: number) => isAlnum(c) || c === 46 || c === 45;

/**
 * Every SMTP address written in `lower` (lowercased), with where it starts: from each "@", its local
 * part back and its domain on, as far as their characters go (at most ADDR's lengths), without a
 * sentence's closing dot. Each "@" is read once: linear in the text.
 */
function addressTokens(lower: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = lower.indexOf('@'); i >= 0; i = lower.indexOf('@', i + 1)) {
    let s = i;
    while (s > 0 && i - s < 200 && isLocal(lower.charCodeAt(s - 1))) s--;
    while (s < i && !isAlnum(lower.charCodeAt(s))) s++;
    let e = i + 1;
    while (e < lower.length && e - i <= 600 && isDomain(lower.charCodeAt(e))) e++;
    while (e > i + 1 && lower.charCodeAt(e - 1) === 46) e--;
    if (s === i || e === i + 1) continue;
    const key = lower.slice(s, e);
    const list = out.get(key);
    if (list) list.push(s);
    else out.set(key, [s]);
  }
  return out;
}

/**
 * The reason for an NDR match of the scanner: the reason of the bounce recipient it belongs to
 * (same status code, or inside its diagnostic), else of the match's own code and words.
 */
export function reasonForMatch(
  m: { start: number; end: number; value: string; text: string },
  bounces: readonly Bounce[],
  text: string,
): Reason {
  const pick = recipientForMatch(m, bounces, text);
  if (pick) return pick.reason;
  // A match outside any report (or not tied to one recipient): its code with the rest of its line.
  const lineEnd = text.indexOf('\n', m.end);
  const context = text.slice(
    m.start,
    lineEnd < 0 ? Math.min(text.length, m.end + 200) : Math.min(lineEnd, m.end + 200),
  );
  const status = /^[245]\.\d{1,3}\.\d{1,3}$/.test(m.value) ? m.value : undefined;
  const reply = /(?<!\d)([245]\d\d)[ -]/.exec(m.text)?.[1];
  const r = classify({
    ...(status ? { status } : {}),
    ...(reply ? { replyCode: reply } : {}),
    diagnostic: `${m.value} ${context}`,
  });
  return r === 'undefined' ? (reasonFromText(m.value) ?? 'undefined') : r;
}
