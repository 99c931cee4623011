/**
 * Per-recipient facts from one bounce's text (flattened: see flat-text.ts), by the layouts each
 * mail system prints: DSN fields, Exchange's administrator section and recipient lines, "<addr>:"
 * paragraphs (Postfix, qmail), Sendmail's reason lines, Exim's failed-address list, Domino's
 * "was not delivered to ... because", Gmail's response block and Amazon SES's JSON notification.
 * Only what the text says is kept; nothing is inferred from the other recipients.
 */

import {
  DSN_FAILED_INTL,
  DSN_LEADS_INTL,
  EXO_LEAD_INTL,
  EXO_SERVER,
  GENERATING_SERVER_LABELS,
  GMAIL_LEADS_INTL,
  GMAIL_RESPONSE_INTL,
  NOT_HEADER_FIELD,
} from './anchors';
import { reasonFromText } from './classify';
import { ADDR, recipientIn } from './recipient-forms';

export { ADDR };

export interface Piece {
  address?: string;
  status?: string;
  replyCode?: string;
  diagnostic?: string;
  /** Words for the agent, not the server's reply (Exchange's and Gmail's human sentence): used to classify only. */
  human?: string;
  remoteMta?: string;
  date?: string;
  action?: string;
  /** Read from the report's own list of failed recipients (Exchange's "RECIPIENT on DATE", Domino's "was not delivered to:"). */
  listed?: boolean;
  /** End of the piece in the flattened bounce text. */
  end: number;
}

const HOST = String.raw`[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63}){1,10}`;
const STATUS = String.raw`[245]\.\d{1,3}\.\d{1,3}`;
const DAY = String.raw`(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6},?\s)?`;
const DATE = String.raw`${DAY}(?:\d{1,2}\s[A-Z][a-z]{2,8}\s\d{2,4}|[A-Z][a-z]{2,8}\s\d{1,2},?\s\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}-\d{1,2}-\d{2,4})(?:[\sT]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?)?(?:\s?(?:[+-]\d{4}|GMT|UTC|Z))?(?:\s\([A-Z]{2,5}\))?`;

const DSN_FIELDS =
  'Final-Recipient|Original-Recipient|Action|Status|Remote-MTA|Diagnostic-Code|Last-Attempt-Date|Will-Retry-Until|Reporting-MTA|Arrival-Date|Received-From-MTA|X-[A-Za-z-]{2,40}';
const FIELD_AHEAD = `(?=\\s(?:${DSN_FIELDS}):|\\n|$)`;

/** A reply code and status at the start of a server reply: "550 5.1.1 ...", "550-5.1.1 ...", "#550 5.1.1". */
const REPLY_RE = new RegExp(String.raw`(?<![\d.])#?([245]\d\d)(?:[ -]#?(${STATUS}))?(?![\d.])`);
const STATUS_RE = new RegExp(String.raw`(?<![\d.])#?\(?#?(${STATUS})(?![\d]|\.\d)`);

export function codesOf(text: string): { replyCode?: string; status?: string } {
  const out: { replyCode?: string; status?: string } = {};
  const r = REPLY_RE.exec(text);
  if (r && r.index < 40) {
    out.replyCode = r[1]!;
    if (r[2]) out.status = r[2];
  }
  if (!out.status) {
    const s = STATUS_RE.exec(text);
    if (s) out.status = s[1]!;
  }
  return out;
}

/** A phrase as a literal pattern. */
function esc(p: string): string {
  return p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
}

function clean(s: string, max = 400): string {
  let t = s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^['"]|['"]$/g, '')
    .trim();
  if (t.length > max) t = t.slice(0, max - 1).trimEnd() + '…';
  return t;
}

/**
 * A module-level pattern, ready to be read from the start. findBounces reads one report per anchor
 * cluster, and a long export holds thousands: building each pattern per report (with its lists
 * escaped and joined) cost more than reading with it.
 */
function from0(re: RegExp): RegExp {
  re.lastIndex = 0;
  return re;
}
/** Global patterns for one address or several, shared: used only by match() and replace(), which reset them. */
const ADDR_G = new RegExp(ADDR, 'g');
const ADDR_1 = new RegExp(ADDR);

function fromReply(text: string, end: number, extra: Partial<Piece> = {}): Piece {
  const diagnostic = clean(text);
  return { ...codesOf(diagnostic), ...(diagnostic ? { diagnostic } : {}), ...extra, end };
}

const DSNBLOCKS_RE1 = new RegExp(`^Final-Recipient:\\s?(?:rfc822|RFC822)?\\s?;?\\s?<?(${ADDR})`);
const DSNBLOCKS_RE2 = new RegExp(`Original-Recipient:\\s?(?:rfc822|RFC822)\\s?;\\s?<?(${ADDR})>?\\s?$`);
const DSNBLOCKS_RE3 = new RegExp(`\\bOriginal-Recipient:\\s?(?:rfc822|RFC822)\\s?;\\s?<?(${ADDR})`);
const DSNBLOCKS_RE4 = new RegExp(`\\bStatus:\\s?(${STATUS})`);
const DSNBLOCKS_RE5 = new RegExp(
  `\\bRemote-MTA:\\s?(?:dns|DNS|X-[\\w-]+)\\s?;\\s?\\[?(${HOST}|[\\d.]{7,15}|[0-9a-fA-F:]{3,39})\\]?`,
);
const DSNBLOCKS_RE6 = new RegExp(`\\bLast-Attempt-Date:\\s?(${DATE})`);
/** DSN (RFC 3464) per-recipient blocks, also inside Exchange, Postfix, Exim and SES messages. */
function dsnBlocks(t: string): Piece[] {
  const out: Piece[] = [];
  const starts: number[] = [];
  const re = /Final-Recipient:\s?(?:rfc822|RFC822)?\s?;?\s?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) starts.push(m.index);
  starts.forEach((s, i) => {
    const block = t.slice(s, starts[i + 1] ?? t.length);
    const p: Piece = { end: s };
    const addr = DSNBLOCKS_RE1.exec(block);
    if (addr) p.address = addr[1]!;
    // The address the sender wrote, where an alias or forward led elsewhere: "Original-Recipient:"
    // right before its Final-Recipient (RFC 3464's order) or after it, before its Action (Postfix's).
    const actionAt = block.search(/\bAction:/);
    const before = t.slice(i === 0 ? Math.max(0, s - 300) : Math.max(s - 300, starts[i - 1]!), s);
    const original =
      DSNBLOCKS_RE2.exec(before) ?? DSNBLOCKS_RE3.exec(block.slice(0, actionAt < 0 ? undefined : actionAt));
    if (original && p.address && original[1]!.toLowerCase() !== p.address.toLowerCase()) p.address = original[1]!;
    const field = (name: string, value: string) =>
      new RegExp(`\\b${name}:\\s?(${value})${FIELD_AHEAD}`, 'i').exec(block);
    const action = /\bAction:\s?([a-z]{4,10})\b/i.exec(block);
    if (action) p.action = action[1]!.toLowerCase();
    const status = DSNBLOCKS_RE4.exec(block);
    if (status) p.status = status[1]!;
    const remote = DSNBLOCKS_RE5.exec(block);
    if (remote) p.remoteMta = remote[1]!;
    const diag = field('Diagnostic-Code', String.raw`[\w-]{1,20}\s?;\s?[^\n]*?`);
    if (diag) {
      const text = clean(diag[1]!.replace(/^[\w-]{1,20}\s?;\s?/, ''));
      if (text) {
        p.diagnostic = text;
        const codes = codesOf(text);
        if (codes.replyCode) p.replyCode = codes.replyCode;
        if (!p.status && codes.status) p.status = codes.status;
      }
    }
    const date = DSNBLOCKS_RE6.exec(block);
    if (date) p.date = date[1]!;
    const last = [addr, action, status, remote, diag, date].reduce(
      (e, x) => (x ? Math.max(e, x.index + x[0].length) : e),
      0,
    );
    p.end = s + last;
    out.push(p);
  });
  return out;
}

/** A line naming an Exchange report's server: a known label, or an Exchange Online datacenter name after any label. */
const EXCHANGE_SERVER_LINE = new RegExp(
  `(?:${GENERATING_SERVER_LABELS.map(esc).join('|')})\\s?:|[^\\s:/]\\s?:${NOT_HEADER_FIELD}\\s?${EXO_SERVER}`,
  'i',
);

/** Inside the quoted reply an apostrophe before a small letter ("Recipient's", "couldn't") is no closing quote.
 * A reply cut off by a truncated paste has no closing quote: it ends with its line. Only after Exchange's
 * own "Remote Server returned" label, and only in a text with Exchange's report structure (see below).
 */
const EX_ADMIN_REPLY = new RegExp(
  String.raw`#(\d{3}\s${STATUS}[^#\n]{0,300}?)\s?##|Remote Server (?:at (${HOST})(?: \([^)]{1,60}\))? )?returned '((?:[^'\n]|'(?=[a-z])){1,400})(?:'|(?=\n|$))`,
  'gi',
);
/** "addr [remote host] " printed right before the reply. */
const ADDR_HOST_BEFORE = new RegExp(String.raw`(${ADDR})\s(?:(${HOST})\s)?$`, 'i');
/** "addr" printed right before Outlook's "#< #5.1.1 ...> #SMTP#", with or without a space. */
const ADDR_BEFORE = new RegExp(String.raw`(${ADDR})\s?$`);
const EX_ADMIN_AFTER = new RegExp(String.raw`^\s?(${ADDR})\s?(?:\n|$)`);
const EX_OUTLOOK = new RegExp(String.raw`#<\s?#(${STATUS})\s(?:[\w-]{1,20};\s?)?([^>\n]{0,300})>\s?#SMTP#`, 'g');
const EX_REPORTED = new RegExp(
  String.raw`Reported error:\s?(\d{3}[ -]${STATUS}.{0,400}?)(?=\sDSN generated by:|\sRemote server:|\n|$)(?:\sDSN generated by:\s?${HOST})?(?:\sRemote server:\s?(${HOST}))?`,
  'g',
);
/**
 * The card's next label after a reply: a few words before a colon, "DSN generated by" (kept whole in
 * its translations, "DSN gegenereerd door") however the words of the reply before it end.
 */
const NEXT_LABEL = String.raw`(?:DSN(?: [^\s:]{2,30}){1,3}|[^\s:]{2,30}(?: [^\s:]{2,30}){0,2})`;
const EX_COMPONENT = new RegExp(
  String.raw`(?<=[^\s\d]\s?:\s?)(\d{3}[ -]${STATUS} (?:RESOLVER|STOREDRV|SMTPSEND|ROUTING|QUEUE|CAT)\.[^\n]{1,400}?)(?=\s${NEXT_LABEL}\s?:\s|\n|$)`,
  'g',
);
/**
 * Exchange Online's newer layout in any language, by its structure: a label, the server's reply, then
 * the label naming the datacenter server that wrote the report ("Erreur signalée : 550 5.4.1 ...
 * DSN généré par : PR1P264MB2233.FRAP264.PROD.OUTLOOK.COM"), whatever words the reply holds.
 */
const EX_REPORTED_ANY = new RegExp(
  String.raw`(?<=[^\s\d]\s?:\s?)(\d{3}[ -]${STATUS} [^\n]{1,400}?)\s${NEXT_LABEL}\s?:\s?${EXO_SERVER}`,
  'gi',
);
const EX_QUOTED = new RegExp(String.raw`(${ADDR})\s[^'\n@]{0,80}?'(\d{3}[ -]${STATUS}[^'\n]{0,400})'`, 'g');
const EX_DQUOTED = new RegExp(String.raw`(${ADDR})\s[^'"\n@]{0,80}?"(\d{3}[ -]${STATUS}[^"\n]{0,400})"`, 'g');
const QUOTE_OPEN = new RegExp(String.raw`'(?=\d{3}[ -]${STATUS})`, 'g');
const DQUOTE_OPEN = new RegExp(String.raw`"(?=\d{3}[ -]${STATUS})`, 'g');
/** How far before a quoted reply its address may start (the address, a space, 80 characters), and after it its end. */
const QUOTE_BACK = 600;
const QUOTE_AHEAD = 460;

/**
 * The stretches of `t` around each quoted reply ("'550 5.1.1 ...'"), merged where they touch.
 * EX_QUOTED and EX_DQUOTED open with an address, tried at every character: over a long run of
 * letters (a report's base64 attachment) that is 200 steps each, so they read these stretches only.
 */
function nearQuotes(t: string, open: RegExp): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  open.lastIndex = 0;
  let q: RegExpExecArray | null;
  while ((q = open.exec(t))) {
    const from = Math.max(0, q.index - QUOTE_BACK);
    const to = Math.min(t.length, q.index + QUOTE_AHEAD);
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else out.push([from, to]);
  }
  return out;
}
const EX_BARE = new RegExp(
  String.raw`(?<![^\n])(${ADDR}) ([^\d'\n@]{3,60}?) (\d{3}[ -]${STATUS} (?:RESOLVER|STOREDRV|SMTPSEND|ROUTING|QUEUE|CAT)\.[^\n]{0,400})`,
  'g',
);

/**
 * Where the last `words` whitespace-separated words before `at` begin, not before `floor`. A pattern
 * that opens with an optional address is tried at every character of a report; an address printed
 * before a reply is looked for only in the words right before it, which finds the same address.
 */
function wordsBefore(t: string, at: number, floor: number, words: number): number {
  let i = at;
  for (let k = 0; k < words && i > floor; k++) {
    while (i > floor && /\s/.test(t[i - 1]!)) i--;
    while (i > floor && !/\s/.test(t[i - 1]!)) i--;
  }
  return i;
}

/** Exchange 2007+: "addr [remote host] #550 5.1.1 RESOLVER...; text ##" and "Remote Server returned '...'". */
function exchangeAdmin(t: string): Piece[] {
  const out: Piece[] = [];
  let m: RegExpExecArray | null;
  for (const re of [
    EX_ADMIN_REPLY,
    EX_OUTLOOK,
    EX_REPORTED,
    EX_COMPONENT,
    EX_REPORTED_ANY,
    EX_QUOTED,
    EX_DQUOTED,
    EX_BARE,
  ])
    from0(re);
  // Copied out of order, the address may come right after its reply, ending the paste or its paragraph.
  let floor = 0;
  // A cut-off reply only where the text has Exchange's report around it, not an agent's retelling.
  const exchangeReport = /Diagnostic information for administrators|Generating server:/i.test(t);
  while ((m = EX_ADMIN_REPLY.exec(t))) {
    if (m[3] !== undefined && !m[0].endsWith("'") && !exchangeReport) continue;
    const before = ADDR_HOST_BEFORE.exec(t.slice(wordsBefore(t, m.index, floor, 2), m.index));
    const remote = m[2] ?? before?.[2];
    const end = m.index + m[0].length;
    floor = end;
    const late = before ? null : EX_ADMIN_AFTER.exec(t.slice(end, end + 300));
    const address = before?.[1] ?? late?.[1];
    out.push(
      fromReply(m[1] ?? m[3]!, end + (late ? late[0].length : 0), {
        ...(address ? { address } : {}),
        ...(remote ? { remoteMta: remote } : {}),
      }),
    );
  }
  // Outlook's rendering: "addr #< #5.1.1 smtp;550 5.1.1 ...> #SMTP#".
  floor = 0;
  while ((m = EX_OUTLOOK.exec(t))) {
    const before = ADDR_BEFORE.exec(t.slice(wordsBefore(t, m.index, floor, 1), m.index));
    floor = m.index + m[0].length;
    const p = fromReply(m[2]!, floor, before ? { address: before[1]! } : {});
    out.push({ ...p, status: p.status ?? m[1]! });
  }
  // Exchange Online's newer layout names no address next to the reply: it belongs to the report's recipient.
  while ((m = EX_REPORTED.exec(t))) out.push(fromReply(m[1]!, m.index + m[0].length, m[2] ? { remoteMta: m[2] } : {}));
  // Exchange Online's newer layout in another language ("Gemeldeter Fehler: 550 5.1.10 RESOLVER.ADR..."):
  // a reply carrying Exchange's component code (RESOLVER, STOREDRV, ...) right after a label.
  while ((m = EX_COMPONENT.exec(t))) {
    if (/Reported error:\s?$/.test(t.slice(Math.max(0, m.index - 20), m.index))) continue;
    out.push(fromReply(m[1]!, m.index + m[0].length));
  }
  // Only where a datacenter server is named: each reply after a label would otherwise be read 400 characters on.
  const datacenter = /\.prod\.outlook\.com/i.test(t);
  while (datacenter && (m = EX_REPORTED_ANY.exec(t))) {
    if (/Reported error:\s?$/.test(t.slice(Math.max(0, m.index - 20), m.index))) continue;
    out.push(fromReply(m[1]!, m.index + m[1]!.length));
  }
  // Any language: the address, then a sentence quoting the server's reply ("Vom Remoteserver wurde '550 5.1.1 ...' zurückgegeben").
  for (const [from, to] of nearQuotes(t, QUOTE_OPEN)) {
    const part = t.slice(from, to);
    EX_QUOTED.lastIndex = 0;
    while ((m = EX_QUOTED.exec(part))) out.push(fromReply(m[2]!, from + m.index + m[0].length, { address: m[1]! }));
  }
  // The same in double or CJK quotes (“...” is read as "...").
  for (const [from, to] of nearQuotes(t, DQUOTE_OPEN)) {
    const part = t.slice(from, to);
    EX_DQUOTED.lastIndex = 0;
    while ((m = EX_DQUOTED.exec(part))) out.push(fromReply(m[2]!, from + m.index + m[0].length, { address: m[1]! }));
  }
  // The same with the quotes lost (a translation or a help-desk tool dropped them): a paragraph that
  // is the address, a few words and the reply ("addr Ekstern server returnerte 550 5.1.1 ..."). Only
  // under an Exchange reporting server's line, and only a reply carrying Exchange's component code
  // (RESOLVER, STOREDRV, ...): "addr gets 550 5.7.708 since Monday" is an agent's note, under a
  // report or under a ticket's "server: ...prod.outlook.com".
  if (EXCHANGE_SERVER_LINE.test(t)) {
    while ((m = EX_BARE.exec(t))) out.push(fromReply(m[3]!, m.index + m[0].length, { address: m[1]! }));
  }
  return out;
}

const EXCHANGEHUMAN_RE1 = new RegExp(`(${ADDR})\\)?\\s?(?:\\n)?([^\\n]{0,400})`, 'g');
/** Exchange 2007+ and Exchange Online, the part for the sender: "addr\nThe e-mail address you entered couldn't be found...". */
function exchangeHuman(t: string): Piece[] {
  const out: Piece[] = [];
  const lead =
    /Delivery has failed to these recipients or groups:?|Delivery is delayed to these recipients or groups:?|Fehler bei der Zustellung an folgende Empfänger oder Gruppen:?|La remise aux destinataires ou groupes suivants a échoué\s?:?|Error en la entrega a estos destinatarios o grupos:?|Bezorging is mislukt voor deze ontvangers of groepen:?|Recapito non riuscito per i seguenti destinatari o gruppi:?|Falha na entrega para estes destinatários ou grupos:?/i.exec(
      t,
    );
  const stop = !lead
    ? -1
    : t
        .slice(lead.index)
        .search(
          /Original Message Details|Error Details|More Info for Email Admins|How to Fix It|Diagnostic information for administrators|Diagnoseinformationen für Administratoren|Informations de diagnostic pour les administrateurs|Información de diagnóstico para administradores|Diagnostische gegevens voor beheerders|Informazioni di diagnostica per gli amministratori|Informações de diagnóstico para administradores|Generating server:|Genererende server:|Server di generazione:|Servidor de geração:|Original message headers|#<\s?#[245]\./i,
        );
  if (lead) {
    const part = t.slice(lead.index + lead[0].length, stop < 0 ? undefined : lead.index + stop);
    const re = from0(EXCHANGEHUMAN_RE1);
    let m: RegExpExecArray | null;
    while ((m = re.exec(part))) {
      const human = clean(m[2]!.replace(ADDR_G, ' '));
      out.push({
        address: m[1]!,
        ...(human ? { human } : {}),
        end: lead.index + lead[0].length + m.index + m[0].length,
      });
    }
  }
  // Exchange Online's "Your message to X couldn't be delivered." names its one recipient; the
  // addresses further down (sender, "Recipient Address:") are details of the original message.
  const exoHuman = /Your message to (\S{1,120}) couldn['’]t be delivered\.?\s?([^\n]{0,300})/i.exec(t);
  if (exoHuman) {
    const a = ADDR_1.exec(exoHuman[1]!);
    if (a) out.push({ address: a[0], human: clean(exoHuman[2]!), end: exoHuman.index + exoHuman[0].length });
  }
  // The same sentence translated: its words are for the sender, the card's codes say why.
  const intl = EXO_LEAD_INTL_RE.exec(t);
  if (!exoHuman && intl) {
    const a = ADDR_1.exec(intl[1]!);
    if (a) out.push({ address: a[0], end: intl.index + intl[0].length });
  }
  return out;
}

const EXO_LEAD_INTL_RE = new RegExp(EXO_LEAD_INTL, 'i');
/** The card's "Status code: 550 5.1.10" (any language: a label, then the reply code and status alone). */
const EXO_STATUS_LINE = new RegExp(String.raw`[^\s\d:]\s?:\s?([45]\d\d)[ -](${STATUS})(?![\d.])`);

/**
 * Exchange Online's card read for its codes only, after every richer reading: the "Status code"
 * line of a card pasted without its "Error Details" part.
 */
function exoStatusLine(t: string): Piece[] {
  if (!/Your message to \S{1,120} couldn['’]t be delivered/i.test(t) && !EXO_LEAD_INTL_RE.test(t)) return [];
  const m = EXO_STATUS_LINE.exec(t);
  return m ? [{ replyCode: m[1]!, status: m[2]!, end: m.index + m[0].length }] : [];
}

/** The names Exchange 4.0-5.5 gives its connector codes, printed after "(000C05A6)". */
const MSEXCH_NAMES =
  /^(?:Unknown Recipient|Ambiguous Recipient|Too Many Hops|No proxy for recipient|Conversion to Internet format failed|Too many recipients|Host Unknown|Message exceeds size limit|Server does not support AUTH)\.?\s/i;

/**
 * The text before a later recipient's " on DATE" still holds the end of the previous recipient's
 * part (folded, nothing else separates them): its server line, X.400 reason and diagnostic codes,
 * the code's name, its last sentence. What is left is the recipient as printed.
 */
function afterPreviousRecipient(segment: string): string {
  return segment
    .replace(/^.*MSEXCH:(?:[^:\n]{1,64}:){1,5}\S+\s/, '')
    .replace(/^.*?\bReason(?:\s?code)?:?\s?\d{1,3}\s?Diagnostic(?:\s?code)?:?\s?\d{1,3}\s/i, '')
    .replace(MSEXCH_NAMES, '')
    .replace(/^.*[.!?]\s(?=\S)/, '')
    .trim();
}

/**
 * "MSEXCH:IMC:ORG:SITE:SERVER 3553 553 5.1.1 ...": Exchange 4.0-5.0's connector code, then the
 * remote reply (group 1), up to the next code, the end of its paragraph or where the agent's own
 * words start ("(The custom recipient was ...", "... user here. We checked ...").
 */
const IMC_REPLY =
  /MSEXCH:[\w:.\- ]{1,120}?\s\d{1,5}\s([245]\d\d[ -][^\n]{1,200}?)(?=\s(?:MSEXCH:|The MTS-ID|\([A-Z][a-z])|[.!?]\s[A-Z][a-z]|\n|$)/;

/** Exchange 2000/2003's per-recipient line ends in "<host #5.1.1>" or "<host #5.2.2 smtp;552 ...>", in every language. */
const EX03_BRACKET = new RegExp(String.raw`<${HOST}\s#${STATUS}(?:\s[\w-]{1,20};[^>\n]{0,300})?>`);
/**
 * The word between a recipient and its date in "RECIPIENT on DATE": English, and the localized
 * reports' (German "am", French "le", Spanish "el", Portuguese "em", Dutch "op", Italian "il",
 * Swedish "på", Polish "dnia").
 */
const ON_DATE = String.raw`(?:on|am|le|el|em|op|il|på|dnia)`;

const EXCHANGELEGACY_RE1 = new RegExp(`\\s${ON_DATE}\\s(${DATE})`, 'g');
const EXCHANGELEGACY_RE3 = new RegExp(
  `<(${HOST})\\s#(${STATUS})(?:\\s(?:[\\w-]{1,20});\\s?((?:[^<>]|<[^<>\\s]{1,200}>){1,300}))?>`,
);
/** Exchange 4.0-5.5 and 2000/2003: "addr on DATE\n  text\n  <host #5.1.1>" or "... MSEXCH:IMS:... (000C05A6) Unknown Recipient". */
function exchangeLegacy(t: string): { pieces: Piece[]; reportingMta?: string } {
  const pieces: Piece[] = [];
  let reportingMta: string | undefined;
  const listLine =
    /did not reach the following recipient\(s\):|The following recipient\(s\) (?:could not|cannot) be reached:|Folgende\(r\) Empfänger konnte\(n\) nicht erreicht werden:/i.exec(
      t,
    );
  // A report in a language no list line here knows still prints "<host #5.1.1>" per recipient:
  // then its recipients are read from where the report's text begins.
  const list = listLine ?? (/\s#[245]\.\d/.test(t) && EX03_BRACKET.test(t) ? { index: 0, 0: '' } : null);
  if (!list) return { pieces };
  const body = t.slice(list.index + list[0].length);
  const base = list.index + list[0].length;
  const onDate = from0(EXCHANGELEGACY_RE1);
  const hits: { labelFrom: number; at: number; end: number; date: string }[] = [];
  let m: RegExpExecArray | null;
  while ((m = onDate.exec(body))) hits.push({ labelFrom: 0, at: m.index, end: m.index + m[0].length, date: m[1]! });
  hits.forEach((h, i) => {
    const prevEnd = i === 0 ? 0 : hits[i - 1]!.end;
    const rawLabel = body.slice(prevEnd, h.at);
    const segment = rawLabel
      .split(/\n|\)\s|>\s|##\s/)
      .pop()!
      .trim();
    // The first recipient follows the list line's colon, which a report folded onto one line (and
    // in a language no list line here knows) keeps on the same line as the name.
    const label = i === 0 ? segment.split(/:\s/).pop() || segment : afterPreviousRecipient(segment);
    const bodyEnd = hits[i + 1] ? hits[i + 1]!.at : Math.min(body.length, h.end + 1200);
    // Pasted from a page, every line may come with a blank line after it: skip the ones right after the date.
    const lead = /^\s*/.exec(body.slice(h.end, bodyEnd))![0].length;
    const text = body.slice(h.end + lead, bodyEnd);
    const stop = text.search(/\n|Original message headers|-{3,}|Original Message|MSEXCH:/i);
    const p: Piece = { date: h.date, listed: true, end: base + h.end };
    const recipient = recipientIn(label) ?? ADDR_1.exec(segment)?.[0];
    if (recipient) p.address = recipient;
    else if (i === 0 && label.length > 60) return; // not a recipient line
    // The reply may quote the address in angle brackets: "<host #5.7.1 smtp;550 5.7.1 <addr>... Relaying denied>".
    const ex03 = EXCHANGELEGACY_RE3.exec(text);
    // The words after the code may quote the remote reply, addresses in angle brackets included ("550 <addr>... We do not relay").
    const msexch =
      /MSEXCH:[\w:.\- ]{1,120}?\s(\d{1,5})\s\(([0-9A-Fa-f]{8})\)\s?((?:[^\n<]|<(?!\S{1,120} #[245]\.)){0,160}?)(?=\s(?:MSEXCH:|The MTS-ID)|\n|$)/.exec(
        text,
      );
    const imc = msexch ? null : IMC_REPLY.exec(text);
    const mtsId = /The MTS-ID of the original message is:?/i.exec(text);
    const cut = [ex03?.index, msexch?.index, imc?.index, mtsId?.index, stop >= 0 ? stop : undefined].filter(
      (x): x is number => x !== undefined,
    );
    const humanEnd = cut.length ? Math.min(...cut) : text.length;
    const human = clean(text.slice(0, humanEnd), 300);
    if (ex03) {
      reportingMta ??= ex03[1]!;
      p.status = ex03[2]!;
      if (ex03[3]) {
        p.diagnostic = clean(ex03[3]);
        const c = codesOf(p.diagnostic);
        if (c.replyCode) p.replyCode = c.replyCode;
      }
      p.end = base + h.end + lead + ex03.index + ex03[0].length;
    }
    // "MSEXCH:IMS:ORG:SITE:SERVER" (names may hold spaces, the server's none): the server reported it.
    const server = /MSEXCH:(?:[^:\n(]{1,64}:){1,5}([A-Za-z0-9][\w.-]{0,63})/.exec(text);
    if (server) {
      reportingMta ??= server[1]!;
      p.end = Math.max(p.end, base + h.end + lead + server.index + server[0].length);
    }
    if (msexch) {
      p.diagnostic = clean(`${human ? human + ' ' : ''}(${msexch[2]!.toUpperCase()}) ${msexch[3] ?? ''}`);
      p.end = Math.max(p.end, base + h.end + lead + msexch.index + msexch[0].length);
    } else if (imc) {
      p.diagnostic = clean(`${human ? human + ' ' : ''}${imc[1]!}`);
      const c = codesOf(imc[1]!);
      if (c.replyCode) p.replyCode = c.replyCode;
      if (c.status) p.status ??= c.status;
      p.end = Math.max(p.end, base + h.end + lead + imc.index + imc[0].length);
    } else if (!p.diagnostic && human) {
      p.diagnostic = human;
      // An Exchange 2000/2003 report may print the remote reply alone: "550 Relaying mail to ... not allowed".
      const c = /^[245]\d\d[ -]/.test(human) ? codesOf(human) : {};
      if (c.replyCode) p.replyCode = c.replyCode;
      if (c.status) p.status ??= c.status;
      p.end = Math.max(p.end, base + h.end + lead + humanEnd);
    } else if (human) p.human = human;
    const x400 = /\b[Rr]eason(?:\s?[Cc]ode)?:?\s?(\S{1,40}).{0,40}?[Dd]iagnostic(?:\s?[Cc]ode)?:?\s?(\S{1,40})/.exec(
      text.slice(0, 400),
    );
    if (x400 && !p.diagnostic?.includes(x400[0])) p.diagnostic = clean(`${p.diagnostic ?? ''} ${x400[0]}`);
    if (x400) p.end = Math.max(p.end, base + h.end + lead + x400.index + x400[0].length);
    pieces.push(p);
  });
  return { pieces, ...(reportingMta ? { reportingMta } : {}) };
}

const CODE_ONLY_SO_FAR = /said:(?:\s?[245]\d\d(?:[ -][245]\.\d{1,3}\.\d{1,3})?)?\s?$/;

// "<addr>:554: ..." where a paste lost the line break after the colon: glued to a reply code only.
const ANGLECOLON_RE1 = new RegExp(
  `<(${ADDR})>(?:\\s\\(expanded from <[^>]{1,200}>\\))?:(?:\\s|(?=[245]\\d\\d\\b))`,
  'g',
);
const ANGLECOLON_RE2 = new RegExp(
  `^host (${HOST})\\[[^\\]]{1,45}\\] said:\\s?(.*?)(?:\\s?\\(in reply to [^)]{1,60}\\))?\\.?$`,
);
const ANGLECOLON_RE3 = new RegExp(
  `^(${HOST}) \\[[^\\]]{1,45}\\]:\\s?(?:>>>\\s?)?(?:[A-Z][A-Za-z]{1,7}\\b[^\\n]{0,200}?)?<<<\\s?(.*)$`,
);
const ANGLECOLON_RE4 = new RegExp(`^connect to (${HOST})\\[`);
/** Postfix and qmail: "<addr>: host mx[ip] said: 550 ...", "<addr>:\nip does not like recipient.\nRemote host said: ...". */
function angleColon(t: string): Piece[] {
  const out: Piece[] = [];
  const re = from0(ANGLECOLON_RE1);
  const hits: { addr: string; at: number; end: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) {
    const prev = hits[hits.length - 1];
    // The same address again inside its own paragraph ("said: 550 <addr>: Recipient address rejected") continues it.
    if (prev && prev.addr.toLowerCase() === m[1]!.toLowerCase() && !t.slice(prev.end, m.index).includes('\n')) continue;
    // Inside a DSN Diagnostic-Code, an SES JSON string or a Sendmail reason, it is not a paragraph of its own.
    const before = t.slice(Math.max(0, m.index - 120), m.index);
    // Inside a server reply ("550 5.1.1 <addr>: ...") or an SMTP command ("RCPT TO:<addr>:").
    if (/(?:[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}\s?)?|(?:TO|FROM):\s?)$/i.test(before)) continue;
    if (
      /(?:Diagnostic-Code:|"diagnosticCode"|\(reason:)[^\n]*$/i.test(before) &&
      !/\n/.test(before.slice(before.search(/Diagnostic-Code:|"diagnosticCode"|\(reason:/i)))
    )
      continue;
    hits.push({ addr: m[1]!, at: m.index, end: m.index + m[0].length });
  }
  hits.forEach((h, i) => {
    const next = hits[i + 1]?.at ?? t.length;
    let body = t.slice(h.end, next);
    const STOP =
      /\n|Reporting-MTA:|Final-Recipient:|-{2,} ?Below this line|-{3,}|Original message|Content-Description:|Content-Type:/i;
    let stop = body.search(STOP);
    // A page that spaced out every line breaks the server's reply into paragraphs: a reply that is
    // its code alone, or a Postfix reply whose "(in reply to ... command)" is still to come within a
    // few lines, goes on in the next paragraph.
    const closing = /^\s?host \S{3,200} said:/.test(body)
      ? /\(in reply to [^)\n]{1,60}\)/.exec(body.slice(0, 800))
      : null;
    const closes = closing ? closing.index : -1;
    while (stop >= 0 && body[stop] === '\n' && (stop < closes || CODE_ONLY_SO_FAR.test(body.slice(0, stop)))) {
      const more = body.slice(stop + 1).search(STOP);
      stop = more < 0 ? -1 : stop + 1 + more;
    }
    // The reply ends with its "(in reply to ... command)", even where the page ran the next
    // paragraph onto the same line (a ticket's own words, another report's opener).
    if (closing && (stop < 0 || stop > closes)) stop = closes + closing[0].length;
    if (stop >= 0) body = body.slice(0, stop);
    body = body.replace(/\n/g, ' ');
    const end = h.end + body.length;
    body = body.trim();
    if (!body) return;
    const p: Partial<Piece> = { address: h.addr };
    let said = ANGLECOLON_RE2.exec(body);
    if (said) return out.push(fromReply(said[2]!, end, { ...p, remoteMta: said[1]! }));
    said = /^(\S{3,64}) does not like recipient\.\s?Remote host said:\s?(.*?)(?:\s?Giving up on \S+\.?)?$/.exec(body);
    if (said) return out.push(fromReply(said[2]!, end, { ...p, remoteMta: said[1]! }));
    said =
      /^Connected to (\S{3,64}) but (?:sender was rejected|my name was rejected|greeting failed)\.\s?Remote host said:\s?(.*?)(?:\s?Giving up on \S+\.?)?$/.exec(
        body,
      );
    if (said) return out.push(fromReply(said[2]!, end, { ...p, remoteMta: said[1]! }));
    // Courier: "mx.example [192.0.2.1]: >>> DATA <<< 550 ..." (the ">>>" line may have been read as quoting).
    said = ANGLECOLON_RE3.exec(body);
    if (said) return out.push(fromReply(said[2]!.replace(/\s?<<<\s?/g, ' '), end, { ...p, remoteMta: said[1]! }));
    const conn = ANGLECOLON_RE4.exec(body);
    const piece = fromReply(body, end, { ...p, ...(conn ? { remoteMta: conn[1]! } : {}) });
    // qmail prints the status as "(#5.1.1)" at the end of its sentence; that is no reply code.
    if (piece.replyCode && !new RegExp(`^#?${piece.replyCode}`).test(piece.diagnostic ?? '')) delete piece.replyCode;
    out.push(piece);
  });
  return out;
}

const ERRORCODELINES_RE1 = new RegExp(`(${ADDR}),\\s?ERROR CODE\\s?:\\s?(\\d{3})\\s?-\\s?([^\\n]{1,400})`, 'g');
const REMOTE_SAID =
  /Remote (?:host|server) (?:said|replied|responded|returned) ?: ?([245]\d\d[ -][^\n]{1,400}?)(?=\sGiving up on |\n|$)/gi;
/** How far before "Remote server replied:" its recipient may be printed (its line, a line of labels between). */
const SAID_BACK = 300;
/** An enhanced status code ("5.7.1") anywhere in a reply: a server's words, not an agent's. */
const ENHANCED = /(?:^|[^\d.])[245]\.\d{1,3}\.\d{1,3}(?![\d.]*\d)/;
/**
 * The agent's sentence going on after a bare number ("returned: 554 and closed", "said: 421 when we
 * were throttled"): a server's text after its code is its diagnostic, never a conjunction or preposition.
 */
const PROSE_AFTER_CODE =
  /^\d{3}[ -](?:and|but|or|so|then|when|whenever|while|after|before|because|since|until|unless|if|as|at|on|in|for|to|from|with|by|every|each|again|back|once|last|this|that|which|too|also)\b/;

/** `reply` ("554 5.7.1 <addr>: Relay access denied") is a server's reply, not a number in the agent's prose. */
export function isServerReply(reply: string): boolean {
  return ENHANCED.test(reply) || !PROSE_AFTER_CODE.test(reply);
}

/**
 * "addr ... Remote server replied: 550 5.2.2 ..." (hMailServer, Kerio, a gateway's short notice,
 * qmail): the server's reply is about the last address printed before it, if any.
 */
function remoteSaid(t: string): Piece[] {
  const out: Piece[] = [];
  const re = from0(REMOTE_SAID);
  let m: RegExpExecArray | null;
  let floor = 0;
  while ((m = re.exec(t))) {
    const before = t.slice(Math.max(floor, m.index - SAID_BACK), m.index).match(ADDR_G);
    floor = m.index + m[0].length;
    // Quoted in the agent's sentence ('the bounce reads "Remote server replied: 552 ..." when she
    // writes'): the reply ends at the closing quote, not at the end of the agent's line.
    let reply = m[1]!;
    const open = /(["'“‘])\s?$/.exec(t.slice(Math.max(0, m.index - 2), m.index))?.[1];
    if (open) {
      const close = open === '"' || open === '“' ? /["”](?=[\s.,;:!?)]|$)/ : /['’](?![a-z])/;
      const at = reply.search(close);
      if (at > 0) reply = reply.slice(0, at);
    }
    if (!isServerReply(reply)) continue;
    // Pasted alone, with no address before it: the reply is the report (find.ts looks for its recipient).
    const end = floor - m[1]!.length + reply.length;
    out.push(fromReply(reply, end, before ? { address: before[before.length - 1]! } : {}));
  }
  return out;
}

/** Zoho Mail's failed-address line: "addr, ERROR CODE :550 - 5.1.1 <addr>: Recipient address rejected ...". */
function errorCodeLines(t: string): Piece[] {
  const out: Piece[] = [];
  if (!/ERROR CODE\s?:/.test(t)) return out;
  const re = from0(ERRORCODELINES_RE1);
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) out.push(fromReply(`${m[2]} ${m[3]}`, m.index + m[0].length, { address: m[1]! }));
  return out;
}

const SENDMAIL_RE1 = new RegExp(`<(${ADDR})>\\s?\\(reason:\\s?(.{1,400}?)\\)(?=\\s|$)`, 'g');
const SENDMAIL_RE2 = new RegExp(`\\(reason:\\s?(.{1,400}?)\\)\\s?\\(expanded from:?\\s?<(${ADDR})>\\)`, 'g');
const SENDMAIL_RE3 = new RegExp(`<${ADDR}>\\s?$`);
const SENDMAIL_RE4 = new RegExp(`while talking to (${HOST})\\.?:`, 'g');
const SENDMAIL_RE5 = new RegExp(
  `(?<![\\w.])([245]\\d\\d)[ -](?:(${STATUS})\\s)?<(${ADDR})>\\.\\.\\.\\s?(.{1,300}?)(?=\\s(?:[245]\\d\\d[ -]|<<<|>>>|-{3,}|Reporting-MTA)|\\n|$)`,
  'g',
);
const SENDMAIL_RE6 = new RegExp(
  `<(${ADDR})>\\.\\.\\.\\s?([A-Z][^\\n]{1,300}?)(?=\\s(?:Message (?:could not|will be)|Warning:|Will keep trying|[245]\\d\\d[ -]|<<<|>>>|-{3,}|<[^\\s<>]{1,200}@)|\\n|$)`,
  'g',
);
const SENDMAIL_RE7 = new RegExp(`<(${ADDR})>`, 'g');
/** Sendmail: "<addr>\n    (reason: 550 5.1.1 <addr>... User unknown)", the transcript's "550 5.1.1 <addr>... User unknown". */
function sendmail(t: string): Piece[] {
  const out: Piece[] = [];
  let m: RegExpExecArray | null;
  const reason = from0(SENDMAIL_RE1);
  while ((m = reason.exec(t))) out.push(fromReply(m[2]!, m.index + m[0].length, { address: m[1]! }));
  // A local recipient an alias or a .forward led to: "jdoe\n (reason: 550 5.1.1 jdoe... User unknown)
  // (expanded from: <jdoe@host>)". The address the sender wrote is the one to report.
  const expanded = from0(SENDMAIL_RE2);
  while ((m = expanded.exec(t))) {
    // "<member@host> (reason: ...) (expanded from: <list@host>)": an alias led to a full address,
    // which is the one that failed; the list itself did not.
    if (SENDMAIL_RE3.test(t.slice(Math.max(0, m.index - 260), m.index))) continue;
    out.push(fromReply(m[1]!, m.index + m[0].length, { address: m[2]! }));
  }
  const talking = from0(SENDMAIL_RE4);
  const hosts: { at: number; host: string }[] = [];
  while ((m = talking.exec(t))) hosts.push({ at: m.index, host: m[1]! });
  // The remote's first refusal in the transcript, when it names no address ("<<< 521 5.2.1 : we will not
  // accept ..."): about the report's recipient (mergePieces gives it to the only one).
  for (const h of hosts) {
    const r =
      /<<<\s?([45]\d\d[ -].{1,300}?)(?=\s(?:<<<|>>>|[245]\d\d[ -]|-{3,}|Final-Recipient:|Reporting-MTA:)|\n|$)/.exec(
        t.slice(h.at, h.at + 800),
      );
    if (!r || r[1]!.includes('@')) continue;
    out.push(fromReply(r[1]!, h.at + r.index + r[0].length, { remoteMta: h.host }));
  }
  const line = SENDMAIL_RE5;
  while ((m = line.exec(t))) {
    // On an Exchange connector's line ("MSEXCH:IMC:... 3553 553 <addr>... "), the remote reply is
    // about the recipient Exchange lists above it (exchangeLegacy), who may be shown by name.
    if (/MSEXCH:[^\n]*$/.test(t.slice(Math.max(0, m.index - 200), m.index))) continue;
    // "553 5.1.8 <from@...>... Domain of sender address ... does not exist": the address is the sender's.
    if (/^(?:Domain of )?sender\b|^\S+ sender\b/i.test(m[4]!)) continue;
    const at = m.index;
    const host = [...hosts].reverse().find((x) => x.at < at)?.host;
    out.push({
      address: m[3]!,
      replyCode: m[1]!,
      ...(m[2] ? { status: m[2] } : {}),
      diagnostic: clean(m[0]),
      ...(host ? { remoteMta: host } : {}),
      end: at + m[0].length,
    });
  }
  // The transcript's own line for a recipient, with no reply to quote: "<addr>... Deferred: Connection refused by mx.".
  const own = SENDMAIL_RE6;
  while ((m = own.exec(t))) {
    if (/[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}\s)?$/.test(t.slice(Math.max(0, m.index - 12), m.index))) continue;
    out.push(fromReply(m[2]!, m.index + m[0].length, { address: m[1]! }));
  }
  const list =
    /The following addresses had (?:permanent fatal|transient non-fatal) errors\s?-{0,9}\s?((?:<[^>\s]{3,200}>\s?(?:\([^)]{0,400}\)\s?)?)+)/i.exec(
      t,
    );
  if (list) {
    const a = from0(SENDMAIL_RE7);
    while ((m = a.exec(list[1]!))) out.push({ address: m[1]!, end: list.index + list[0].length });
  }
  return out;
}

const EXIM_RE1 = new RegExp(`(?<![<:\\w.@=-])(${ADDR})(?![>\\w@])`, 'g');
const EXIM_RE2 = new RegExp(`host (${HOST}) \\[[^\\]]{1,45}\\]`);
const EXIM_RE3 = new RegExp(
  `SMTP error from remote (?:mail )?server (?:after|for) [^:\\n]{1,40}?(?::<[^>]{0,200}>)?(?:, host: (${HOST}) \\([^)]{1,60}\\) reason)?:\\s?(.*)$`,
  'i',
);
const EXIM_RE4 = new RegExp(`host (${HOST}) \\[[^\\]]{1,45}\\]:?`);
/** Exim: "The following address(es) failed:\n\n  addr\n    host mx [ip]\n    SMTP error from remote mail server after RCPT TO:<addr>:\n    550 ...". */
function exim(t: string): Piece[] {
  const out: Piece[] = [];
  // A block pasted alone ("addr / host mx [ip] / SMTP error from remote mail server after ...") is read from its start.
  const lead =
    /The following address\(es\) failed:|has not yet been delivered to one or more of its\s?recipients\.?/i.exec(t) ??
    (/SMTP error from remote (?:mail )?server (?:after|for)/i.test(t) ? { index: 0, 0: '' } : null);
  if (!lead) return out;
  let part = t.slice(lead.index + lead[0].length);
  const stop = part.search(
    /-{3,} ?This is a copy of the message|Reporting-MTA:|-{3,} ?The header of the original message|Action: |Final-Recipient:/i,
  );
  if (stop >= 0) part = part.slice(0, stop);
  const base = lead.index + lead[0].length;
  const bare = from0(EXIM_RE1);
  const hits: { addr: string; at: number; end: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = bare.exec(part))) {
    if (/(?:generated from|from|by|<)\s?$/i.test(part.slice(Math.max(0, m.index - 16), m.index))) continue;
    hits.push({ addr: m[1]!, at: m.index, end: m.index + m[0].length });
  }
  hits.forEach((h, i) => {
    let body = part.slice(h.end, hits[i + 1]?.at ?? part.length);
    const para = body.search(/\n\S/);
    if (i === hits.length - 1 && para > 0) body = body.slice(0, para);
    const end = base + h.end + body.length;
    body = body.replace(/\(generated from [^)]{1,200}\)/, '').trim();
    const p: Partial<Piece> = { address: h.addr };
    const host = EXIM_RE2.exec(body);
    if (host) p.remoteMta = host[1]!;
    const smtp = EXIM_RE3.exec(body);
    if (smtp) {
      if (smtp[1]) p.remoteMta = smtp[1];
      return out.push(fromReply(smtp[2]!, end, p));
    }
    const text = body.replace(EXIM_RE4, '').trim();
    if (!text) return out.push({ ...p, end } as Piece);
    out.push(fromReply(text, end, p));
  });
  return out;
}

/**
 * Lotus Domino's Delivery Failure Report ("Your document: SUBJECT / was not delivered to: RCPT /
 * because: REASON / What should you do?") and the report it mails to Internet senders ("Your
 * message / Subject: ... / was not delivered to: / RCPT / because: / REASON"). The recipient is an
 * SMTP address or a Notes name ("Hans Gruber/Logistics/ACME@ACME"); the reason is Domino's sentence
 * or, for an Internet recipient, "5.1.2 - Bad destination host '...'".
 */
function domino(t: string): Piece[] {
  const out: Piece[] = [];
  const re =
    /(?:was not delivered to|wurde nicht zugestellt an)(:?)\s?(.{1,160}?)\s?(?:because|weil)(:?)\s?(.{1,400}?)(?=\s?What should you do\?|\s?Was sollten Sie tun\?|\s?Routing path:|\n|$|-{3,})/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) {
    // A quoted report folded onto one line keeps its quote markers between the fields ("... to: Name > because:").
    const [, toColon, whoRaw, becauseColon, whyRaw] = m;
    const who = whoRaw!.replace(/(?:\s[>|])+$/, '');
    const why = whyRaw!.replace(/(?:\s[>|])+$/, '');
    const end = m.index + m[0].length;
    const smtp = who!.match(ADDR_G) ?? why!.match(ADDR_1)?.slice(0, 1);
    if (smtp) {
      for (const a of smtp) out.push(fromReply(why!, end, { address: a }));
      continue;
    }
    // Prose says "was not delivered to ... because" too: a name without an address counts only in
    // the report's own layout (both labels with their colons) with a reason a report gives.
    if (!toColon || !becauseColon || !(reasonFromText(why!) || codesOf(why!).status)) continue;
    // One report may list several recipients that failed alike: Notes names end at their "@Domain".
    const one = recipientIn(who!);
    const names = one ? [one] : who!.split(/(?<=@[\p{L}\d._-]{1,64})\s+/u).map(recipientIn);
    if (names.length && names.every(Boolean))
      for (const name of names) out.push(fromReply(why!, end, { address: name!, listed: true }));
  }
  return out;
}

const DOMINOREASONS_RE1 = new RegExp(`(?<=^|\\s)(${ADDR})(?=\\s|$)`, 'g');
const DOMINOREASONS_RE2 = new RegExp(`Error transferring to (${HOST})`, 'i');
/**
 * Domino's report in SMTP form: "DELIVERY FAILURE: REASON" and a "------- Failure Reasons --------"
 * block of REASON lines, each followed by the failed address alone on its line, up to
 * "------- Returned Message --------". An address inside the reason ("User X (x@y) not listed...",
 * "550 5.1.1 <x@y>... User unknown") is not the one that ends it.
 */
function dominoReasons(t: string): Piece[] {
  const out: Piece[] = [];
  const block = /(?<!-)-{3,80} ?Failure Reasons ?-{3,80}\s?([^]{1,6000}?)(?=-{3,80} ?Returned [Mm]essage|$)/i.exec(t);
  if (block) {
    const body = block[1]!;
    const base = block.index + block[0].length - body.length;
    const re = from0(DOMINOREASONS_RE1);
    let from = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(body))) {
      const why = body.slice(from, m.index).trim();
      from = m.index + m[0].length;
      if (!why) continue;
      const mta = DOMINOREASONS_RE2.exec(why);
      out.push(fromReply(why, base + from, { address: m[1]!, ...(mta ? { remoteMta: mta[1]! } : {}) }));
    }
    if (!out.length) out.push(...notesNameReasons(body, base));
  }
  // The headline alone ("DELIVERY FAILURE: User X (x@y) not listed in Domino Directory"): the address it names.
  const head = /DELIVERY FAILURE: ?([^\n]{1,400}?)(?=\s?-{3,80}|\n|$)/.exec(t);
  if (head && !out.length && reasonFromText(head[1]!)) {
    const addr = ADDR_1.exec(head[1]!)?.[0] ?? quotedNotesName(head[1]!);
    if (addr) out.push(fromReply(head[1]!, head.index + head[0].length, { address: addr }));
  }
  return out;
}

/** A Notes name a Domino reason quotes in parentheses: "User Karl Maier (Karl Maier/Sales/Acme) not listed ...". */
function quotedNotesName(why: string): string | undefined {
  for (const p of why.matchAll(/\(([^()\n]{3,160})\)/g)) {
    const name = recipientIn(p[1]!.trim());
    if (name && name.includes('/')) return name;
  }
  return undefined;
}

/**
 * Domino's "Failure Reasons" block for Notes recipients: each reason, then the recipient's Notes
 * name alone on its line, the same name the reason quotes in parentheses. Flattened, the lines
 * run together; the quoted name, seen again after its reason, is where that reason ends.
 */
function notesNameReasons(body: string, base: number): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  for (const p of body.matchAll(/\(([^()\n]{3,160})\)/g)) {
    if (p.index! < from) continue;
    const name = p[1]!.trim();
    if (!name.includes('/') || !recipientIn(name)) continue;
    const after = p.index! + p[0].length;
    let at = body.indexOf(name, after);
    while (
      at >= 0 &&
      !(/\s/.test(body[at - 1] ?? ' ') && /^(?:\s|$)/.test(body.slice(at + name.length, at + name.length + 1)))
    )
      at = body.indexOf(name, at + 1);
    if (at < 0) continue;
    const why = body.slice(from, at).trim();
    from = at + name.length;
    out.push(fromReply(why, base + from, { address: name, listed: true }));
  }
  if (out.length) return out;
  // A reason that quotes no name ("Unable to write to database because database would exceed its
  // disk quota."): the Notes name is what follows the sentence's end.
  from = 0;
  for (const n of body.matchAll(NOTES_AFTER_SENTENCE)) {
    const why = body.slice(from, n.index).trim();
    from = n.index! + n[0].length;
    const name = recipientIn(n[1]!);
    if (why && name) out.push(fromReply(why, base + from, { address: name, listed: true }));
  }
  return out;
}

/** A Notes name right after a sentence: a common name of up to four words, then org parts without spaces. */
const NOTES_AFTER_SENTENCE =
  /(?<=[.!?)]\s)(\p{Lu}[\p{L}\d'’.-]{0,40}(?: [\p{L}][\p{L}\d'’.-]{0,40}){0,3}(?:\/[\p{L}\d][\p{L}\d.&_-]{0,63}){1,6}(?:@[\p{L}\d._-]{1,64})?)(?=\s|$)/gu;

/**
 * A card's sentence (read from the rest of its line) ends at a stop that does not go on into a host
 * name ("because the domain x.example couldn't be found."), before a word glued on from the next line
 * ("receive mail.LEARN MORE"), or with its line.
 */
const SENTENCE_END = /[.!](?![a-z\d-])/;
function firstSentence(line: string): string {
  const stop = SENTENCE_END.exec(line);
  return stop ? line.slice(0, stop.index + 1) : line;
}
/**
 * The card's sentence must end with a stop, as an agent's "Your message wasn't delivered to x@y
 * because I typed it wrong" has none; a card whose stop was lost is still read when the server's
 * response follows on a later line.
 */
const GMAIL_RESPONSE_NEXT =
  /^(?:[ \t>]*\n)+[ \t>]*(?:The response from the remote server was|The error that the other server returned was|The response was)\b/i;
const GMAIL_RESPONSE_IN =
  /\s(?:The response from the remote server was|The error that the other server returned was|The response was)\b/i;
function cardSentence(t: string, m: RegExpExecArray): string | null {
  const said = firstSentence(m[2]!);
  if (/[.!]$/.test(said)) return said;
  // The response's own line joined onto the card's by the paste.
  const joined = GMAIL_RESPONSE_IN.exec(said);
  if (joined) return said.slice(0, joined.index);
  return GMAIL_RESPONSE_NEXT.test(t.slice(m.index + m[0].length, m.index + m[0].length + 300)) ? said : null;
}
/** A card for recipients that failed alike lists them all: "wasn't delivered to a@x.example, b@x.example because". */
const MORE_ADDRS = `(?:,\\s?${ADDR}){0,19}`;
const GMAIL_RE1 = new RegExp(
  `Delivery to the following recipient(?:s|\\(s\\))? (?:failed permanently|(?:has|have) been delayed)[.:]?\\s?((?:${ADDR}\\s?)+)`,
  'gi',
);
const GMAIL_RE3 = new RegExp(
  `(?:Your message (?:wasn['’]t delivered|couldn['’]t be delivered) to|There was a (?:temporary )?problem delivering your message to|Your message to(?= \\S{1,120} has been (?:blocked|rejected))) (${ADDR}${MORE_ADDRS})(?: because| has been (?:blocked|rejected)\\.?)? ?([^\\n]{0,200})`,
  'gi',
);
const GMAIL_RE4 = new RegExp(`メッセージは\\s?(${ADDR})\\s?に配信されませんでした`, 'g');
const GMAIL_RE5 = new RegExp(
  `(?:${GMAIL_LEADS_INTL.map(esc).join('|')})\\s?(${ADDR}${MORE_ADDRS})\\s?([^\\n]{0,200})`,
  'gi',
);
const GMAIL_RE6 = new RegExp(`rejected by the server for the recipient domain \\S{1,120} by (${HOST})\\.?`, 'i');
const GMAIL_RE7 = new RegExp(
  `(?:The response from the remote server was|The error that the other server returned was|The response was|${GMAIL_RESPONSE_INTL.map(
    (r) => esc(r.replace(/\s?[:：]$/, '')).replace(/ /g, '\\s?'),
  ).join('|')})\\s?[:：]\\s?(.{1,500}?)(?=\\n|$|-{3,}|\\sOriginal message|\\sFinal-Recipient)`,
  'i',
);
/** Gmail: the recipients it names and "The response from the remote server was: ..." for them. */
function gmail(t: string): Piece[] {
  const out: Piece[] = [];
  const addrs: { addr: string; end: number }[] = [];
  let m: RegExpExecArray | null;
  const list = GMAIL_RE1;
  while ((m = list.exec(t)))
    for (const a of m[1]!.match(ADDR_G) ?? []) addrs.push({ addr: a, end: m.index + m[0].length });
  const lead = GMAIL_RE3;
  const humans = new Map<string, string>();
  while ((m = lead.exec(t))) {
    const said = cardSentence(t, m);
    if (said === null) continue;
    for (const addr of m[1]!.match(ADDR_G) ?? []) {
      addrs.push({ addr, end: m.index + m[0].length - m[2]!.length + said.length });
      humans.set(addr.toLowerCase(), clean(said));
    }
  }
  const ja = from0(GMAIL_RE4);
  while ((m = ja.exec(t))) addrs.push({ addr: m[1]!, end: m.index + m[0].length });
  // The same card in the sender's language: its recipient, and its own sentence for the classifier.
  const intl = from0(GMAIL_RE5);
  while ((m = intl.exec(t))) {
    const said = cardSentence(t, m);
    if (said === null) continue;
    for (const addr of m[1]!.match(ADDR_G) ?? []) {
      addrs.push({ addr, end: m.index + m[0].length - m[2]!.length + said.length });
      humans.set(addr.toLowerCase(), clean(said));
    }
  }
  if (!addrs.length) return out;
  const by = GMAIL_RE6.exec(t);
  // The older layout may print the server's reply right under "Technical details of permanent
  // failure:", with no "The error that the other server returned was:" line.
  const resp =
    GMAIL_RE7.exec(t) ??
    /Technical details of (?:permanent|temporary) failure:\s?(.{0,600}?[245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}.{0,300}?)(?=\n|$|-{3,}|\sOriginal message|\sFinal-Recipient)/i.exec(
      t,
    ) ??
    // A card in a language whose "The response was:" is not listed: the first server reply after its recipients.
    replyAfter(t, Math.max(...addrs.map((a) => a.end))) ??
    // Gmail's own words when no server answered ("DNS Error: Domain name not found").
    /Technical details of (?:permanent|temporary) failure:\s?([^\n]{3,300}?)(?=\n|$|-{3,}|\sOriginal message|\sFinal-Recipient)/i.exec(
      t,
    );
  for (const a of addrs) {
    const human = humans.get(a.addr.toLowerCase());
    const extra: Partial<Piece> = {
      address: a.addr,
      ...(by ? { remoteMta: by[1]! } : {}),
      ...(human ? { human } : {}),
    };
    out.push(resp ? fromReply(resp[1]!, resp.index + resp[0].length, extra) : ({ ...extra, end: a.end } as Piece));
  }
  return out;
}

/** The first "550 5.1.1 ..." reply within a few lines after `from`, as a match whose [1] is the reply and index is absolute. */
function replyAfter(t: string, from: number): RegExpExecArray | null {
  const m =
    /(?<![\d.])([245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}(?![\d.]).{0,400}?)(?=\n|$|-{3,}|\sOriginal message|\sFinal-Recipient)/.exec(
      t.slice(from, from + 600),
    );
  if (m) m.index += from;
  return m;
}

const SMARTERMAIL_RE1 = new RegExp(
  `Failed to deliver to '(${ADDR})'[^]{0,300}?\\ssays:\\s?([245]\\d\\d[ -].{1,400}?)(?=\\sFailed to deliver to|\\n|$)`,
  'g',
);
const SMARTERMAIL_RE2 = new RegExp(`host (${HOST}) says:`);
/** SmarterMail: "Failed to deliver to 'addr' / SMTP module(domain d) reports: / host mx says: / 550 ...". */
function smartermail(t: string): Piece[] {
  const out: Piece[] = [];
  const re = SMARTERMAIL_RE1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) {
    const host = SMARTERMAIL_RE2.exec(m[0]);
    out.push(fromReply(m[2]!, m.index + m[0].length, { address: m[1]!, ...(host ? { remoteMta: host[1]! } : {}) }));
  }
  return out;
}

const SESJSON_RE1 = new RegExp(`\\{[^{}]{0,800}?"emailAddress"\\s?:\\s?"(${ADDR})"[^{}]{0,800}\\}`, 'g');
const SESJSON_RE2 = new RegExp(`^${STATUS}$`);
const SESJSON_RE3 = new RegExp(`"reportingMTA"\\s?:\\s?"(?:dsn|dns);\\s?(${HOST})"`);
/** Amazon SES bounce notification (JSON): bouncedRecipients[] with status and diagnosticCode. */
function sesJson(t: string): { pieces: Piece[]; reportingMta?: string; subType?: string } {
  const pieces: Piece[] = [];
  const obj = from0(SESJSON_RE1);
  let m: RegExpExecArray | null;
  while ((m = obj.exec(t))) {
    const o = m[0];
    const str = (k: string) => new RegExp(`"${k}"\\s?:\\s?"((?:[^"\\\\]|\\\\.){0,500})"`).exec(o)?.[1];
    const p: Piece = { address: m[1]!, end: m.index + m[0].length };
    const status = str('status');
    if (status && SESJSON_RE2.test(status)) p.status = status;
    const action = str('action');
    if (action) p.action = action.toLowerCase();
    const diag = str('diagnosticCode');
    if (diag) {
      p.diagnostic = clean(diag.replace(/^[\w-]{1,20}\s?;\s?/, '').replace(/\\"/g, '"'));
      const c = codesOf(p.diagnostic);
      if (c.replyCode) p.replyCode = c.replyCode;
      if (!p.status && c.status) p.status = c.status;
    }
    pieces.push(p);
  }
  const rep = SESJSON_RE3.exec(t);
  const sub = /"bounceSubType"\s?:\s?"(\w{2,40})"/.exec(t);
  const ts = /"timestamp"\s?:\s?"([0-9T:.\-Z+]{10,40})"/.exec(t);
  const remote = /"remoteMtaIp"\s?:\s?"([\d.a-fA-F:]{3,45})"/.exec(t);
  for (const p of pieces) {
    if (ts && !p.date) p.date = ts[1]!;
    if (remote && !p.remoteMta) p.remoteMta = remote[1]!;
  }
  return { pieces, ...(rep ? { reportingMta: rep[1]! } : {}), ...(sub ? { subType: sub[1]! } : {}) };
}

const GROUPWISE_RE1 = new RegExp(`(${ADDR})\\s?\\(([^()\\n]{1,200})\\)`, 'g');
/** GroupWise's Internet agent: "The message that you sent was undeliverable to the following:", then "addr (reason)" per line. */
function groupwise(t: string): Piece[] {
  const out: Piece[] = [];
  const lead = /was undeliverable to the following:?/i.exec(t);
  if (!lead) return out;
  const base = lead.index + lead[0].length;
  const part = t.slice(base, base + 4000);
  const stop = part.search(/Possibly truncated original message follows|Original message|\n/i);
  const list = stop < 0 ? part : part.slice(0, stop);
  const re = from0(GROUPWISE_RE1);
  let m: RegExpExecArray | null;
  while ((m = re.exec(list))) out.push(fromReply(m[2]!, base + m.index + m[0].length, { address: m[1]! }));
  return out;
}

const PROBLEM_RE1 = new RegExp(
  `The following message to <?(${ADDR})>? was undeliverable\\.?\\s?The reason for the problem:?\\s?(.{1,400}?)(?=\\n|$|\\s(?:Final-Recipient:|Reporting-MTA:|-{3,}))`,
  'gi',
);
/**
 * A hosted mail system's short notice: "The following message to <addr> was undeliverable. The
 * reason for the problem: 5.1.0 - Unknown address error 550-'...'": its status, its words and the
 * remote server's reply it quotes.
 */
function problemNotice(t: string): Piece[] {
  const out: Piece[] = [];
  const re = from0(PROBLEM_RE1);
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) out.push(fromReply(m[2]!, m.index + m[0].length, { address: m[1]! }));
  return out;
}

const TRANSCRIPT_RE1 = new RegExp(
  `RCPT TO:\\s?<(${ADDR})>[^<>]{0,120}?(?:<--|<<<)?\\s?([45]\\d\\d[ -][^\\n]{1,300}?)(?=\\s(?:-->|>>>|<--|<<<|---|\\w{3} \\d{4}-\\d\\d-\\d\\d)|\\n|$)`,
  'gi',
);
const TRANSCRIPT_RE2 = new RegExp(`RCPT TO:\\s?<(${ADDR})>[^<>]{0,120}?(?:<--|<<<)\\s?2\\d\\d\\b`, 'gi');
/**
 * An SMTP session transcript (MDaemon's "--> RCPT To:<addr>" / "<-- 550 ...", Sendmail's ">>>" /
 * "<<<"): the server's reply right after a RCPT TO is about that recipient. Each RCPT is read once,
 * up to the next command.
 */
function transcript(t: string): Piece[] {
  const out: Piece[] = [];
  const re = TRANSCRIPT_RE1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) out.push(fromReply(m[2]!, m.index + m[0].length, { address: m[1]! }));
  // A recipient the server accepted ("<-- 250") and a message it then refused after DATA ("<-- 552
  // 5.3.4 Message size exceeds ..."): the refusal is about it, up to the next RCPT TO.
  const accepted = from0(TRANSCRIPT_RE2);
  while ((m = accepted.exec(t))) {
    const from = m.index + m[0].length;
    let after = t.slice(from, from + 1500);
    const next = after.search(/RCPT TO:/i);
    if (next >= 0) after = after.slice(0, next);
    const r = /(?:<--|<<<)\s?([45]\d\d[ -][^\n]{1,300}?)(?=\s(?:-->|>>>|<--|<<<|---|\w{3} \d{4}-\d\d-\d\d)|\n|$)/.exec(
      after,
    );
    if (r) out.push(fromReply(r[1]!, from + r.index + r[0].length, { address: m[1]! }));
  }
  return out;
}

const MDAEMON_RE1 = new RegExp(`\\*\\s{0,4}To:\\s?<?(${ADDR})>?`, 'g');
/**
 * MDaemon's report that gave up before any server answered: its transcript names the recipient
 * in the parsed message's "*  To: addr" line, and its last lines say why ("Socket connection
 * failed", "Message expired after 5 days in queue"). Read only inside MDaemon's own report.
 */
function mdaemon(t: string): Piece[] {
  const out: Piece[] = [];
  const lead = /had PERMANENT fatal delivery errors/i.exec(t);
  if (!lead) return out;
  const part = t.slice(lead.index, lead.index + 6000);
  const to = from0(MDAEMON_RE1);
  const why =
    /(?:^|\s)((?:Message expired|Socket connection failed|Connection (?:refused|timed out)|Unable to|Could not|Cannot)[^\n]{0,160}?)(?=\s\w{3} \d{4}-\d\d-\d\d|\s-{3}|\n|$)/gi;
  let reason: string | undefined;
  let m: RegExpExecArray | null;
  // The last such line is the outcome; earlier ones were retries.
  while ((m = why.exec(part))) reason = m[1];
  while ((m = to.exec(part)))
    out.push({
      address: m[1]!,
      ...(reason ? { diagnostic: clean(reason) } : {}),
      end: lead.index + m.index + m[0].length,
    });
  return out;
}

const LOGROWS_RE1 = new RegExp(
  `to=<(${ADDR})>,[^\\n]{0,300}?\\bdsn=(${STATUS}),\\s?status=(bounced|deferred|expired)\\s?\\((.{1,500}?)\\)(?=\\s|$)`,
  'g',
);
const LOGROWS_RE2 = new RegExp(`^host (${HOST})\\[[^\\]]{1,45}\\] said:\\s?`);
const LOGROWS_RE4 = new RegExp(`\\b(Bounced|Hard bounce|Soft bounce|Bounce)\\b[\\s:|,-]{1,12}(${ADDR})`, 'gi');
const LOGROWS_RE5 = new RegExp(`(?<![\\d.])[245]\\d\\d[ -]${STATUS}`);
/**
 * Rows pasted from a log or a console: Postfix's log line ("to=<addr>, relay=..., dsn=5.1.1,
 * status=bounced (host mx[ip] said: 550 ... (in reply to RCPT TO command))"), Exchange's message
 * tracking ("EventId : FAIL", "Recipients : {a, b}", "RecipientStatus : {[{LRT=};{LED=550 ...}]}"),
 * a mailing tool's activity row ("Bounced  addr  date  550 5.1.1 ..."). A deferred or soft-bounced
 * row is a delay.
 */
function logRows(t: string): Piece[] {
  const out: Piece[] = [];
  let m: RegExpExecArray | null;
  const pf = LOGROWS_RE1;
  while ((m = pf.exec(t))) {
    const said = LOGROWS_RE2.exec(m[4]!);
    const reply = m[4]!.slice(said ? said[0].length : 0).replace(/\s?\(in reply to [^)]{1,60}\)$/, '');
    const p = fromReply(reply, m.index + m[0].length, {
      address: m[1]!,
      ...(said ? { remoteMta: said[1]! } : {}),
      action: m[3] === 'deferred' ? 'delayed' : 'failed',
    });
    out.push({ ...p, status: m[2]! });
  }
  const fail = /\bEventId\s?:\s?FAIL\b/g;
  while ((m = fail.exec(t))) {
    const block = t.slice(m.index, m.index + 4000);
    const who = /\bRecipients\s?:\s?\{([^{}\n]{1,2000})\}/.exec(block);
    const status = /\bRecipientStatus\s?:\s?\{(.{1,3000}?)\}(?=\s|$)/.exec(block);
    if (!who) continue;
    const addrs = who[1]!.match(ADDR_G) ?? [];
    const leds = status ? [...status[1]!.matchAll(/\{LED=([^{}]{1,400})\}/g)].map((x) => x[1]!) : [];
    const end = m.index + Math.max(who.index + who[0].length, status ? status.index + status[0].length : 0);
    addrs.forEach((a, i) => {
      const led = leds[i] ?? (leds.length === 1 ? leds[0] : undefined);
      out.push(led ? fromReply(led, end, { address: a }) : { address: a, end });
    });
  }
  // A tool's row: the keyword and address, then the reply within the row's next 160 characters,
  // read up to the end of the row (the next row's keyword, a line break, at most 400 characters).
  const esp = from0(LOGROWS_RE4);
  const code = LOGROWS_RE5;
  const rowEnd = /\n|\s(?:Bounced|Hard bounce|Soft bounce|Bounce|Delivered|Sent|Opened|Clicked)\b/i;
  while ((m = esp.exec(t))) {
    const from = m.index + m[0].length;
    const c = code.exec(t.slice(from, from + 160));
    if (!c) continue;
    const rest = t.slice(from + c.index, from + c.index + 400);
    const stop = rest.search(rowEnd);
    const reply = stop < 0 ? rest : rest.slice(0, stop);
    out.push(
      fromReply(reply, from + c.index + reply.length, {
        address: m[2]!,
        action: /^soft/i.test(m[1]!) ? 'delayed' : 'failed',
      }),
    );
  }
  return out;
}

/** MS Mail gateways: "[009] Mail maximum size exceeded sending to: NET/PO/MBX", "[004] ... Mail item was not delivered to: NET/PO/MBX". */
function msmail(t: string): Piece[] {
  const out: Piece[] = [];
  const re =
    /(\[0\d\d\]\s[^[\]]{3,200}?)[\s>|]{0,12}(?:(?:Mail item |Message )?was not delivered to|sending to):?[\s>|]{0,12}([^\n]{1,120}?)(?=\s?\[0\d\d\]|\n|$)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) {
    // The recipient as printed: "NET/PO/MAILBOX", or a name with its path ("Administrator (NET/PO/ADMIN)").
    const who =
      /^(?:[^\s()]{1,40}(?:\s[^\s()]{1,40}){0,3}\s?\([^()\n]{3,100}\)|[^\s()]{1,40}\s?\/\s?[^\s()]{1,40}(?:\s?\/\s?[^\s()]{1,40}){0,3})/.exec(
        m[2]!.trim(),
      );
    if (!who) continue;
    out.push({
      address: who[0].replace(/\s?\/\s?/g, '/'),
      diagnostic: clean(m[1]!.replace(/[\s>|]+$/, '').replace(/\s[>|](?=\s)/g, '')),
      end: m.index + m[0].length,
    });
  }
  return out;
}

const LISTED_RE1 = new RegExp(
  `(?:the following recipients?(?:\\(s\\))?(?: or groups)?(?: failed(?: permanently)?)?|following addresses|these recipients or groups|${DSN_FAILED_INTL.map(
    esc,
  ).join('|')})[.:]?\\s?((?:<?${ADDR}>?[\\s,;]{0,4}){1,20})`,
  'gi',
);
/**
 * The Windows SMTP service's notification may say why before its list ("Unable to deliver message to
 * the following recipients, due to being unable to connect successfully to the destination mail
 * server."): its own sentence, opening a line or following a stop, under its own opening line. An
 * agent's "I was unable to deliver to the following recipients, due to the outage: ..." is neither.
 */
const NOTIFICATION_LEAD = new RegExp(
  ['This is an automatically generated Delivery Status Notification', ...DSN_LEADS_INTL].map(esc).join('|'),
);
// Right after the opening line (an optional stop, then only white space or quoting): a note written
// further down, after a real notification, is the agent's.
const LISTED_CLAUSE = new RegExp(
  `(?<=(?:${NOTIFICATION_LEAD.source})\\.?[\\s>]*)Unable to deliver (?:the )?message to the following recipients?(?:\\(s\\))?,? (?:due to|because(?: of)?) ([^\\n<>@]{3,200}?)[.:]?\\s?((?:<?${ADDR}>?[\\s,;]{0,4}){1,20})`,
  'gi',
);
/**
 * What a list of one address says about it right below: a "Reason:" line (its paragraph or the
 * next), else a server's reply with its status in the address's own paragraph ("Server mx
 * answered: 550 5.1.1 ..."), in words no other layout here reads.
 */
const LISTED_REASON = /^\s?\n?\s?(?:Reason|Grund|Raison|Motivo|Causa|Reden)\s?:\s?([^\n]{3,300}?)(?=\n|$)/i;
const LISTED_REPLY = /(?<![\d.])[45]\d\d[ -][245]\.\d{1,3}\.\d{1,3}(?![\d.])[^\n]{0,300}?(?=\n|$)/;
/** Addresses listed right after "...the following recipients:" (SES, generic DSNs) with nothing else said. */
function listed(t: string): Piece[] {
  const out: Piece[] = [];
  const re = LISTED_RE1;
  let m: RegExpExecArray | null;
  for (const c of t.matchAll(LISTED_CLAUSE))
    for (const a of c[2]!.match(ADDR_G) ?? []) out.push(fromReply(c[1]!, c.index + c[0].length, { address: a }));
  while ((m = re.exec(t))) {
    const addrs = m[1]!.match(ADDR_G) ?? [];
    const end = m.index + m[0].length;
    if (addrs.length === 1) {
      const after = t.slice(end, end + 400);
      const said = LISTED_REASON.exec(after);
      const paragraph = after.slice(0, after.search(/\n|$/));
      const reply = said ? undefined : LISTED_REPLY.exec(paragraph);
      if (said) out.push(fromReply(said[1]!, end + said.index + said[0].length, { address: addrs[0]! }));
      else if (reply) out.push(fromReply(reply[0], end + reply.index + reply[0].length, { address: addrs[0]! }));
    }
    for (const a of addrs) out.push({ address: a, end });
  }
  return out;
}

export interface Extracted {
  pieces: Piece[];
  reportingMta?: string;
  sesSubType?: string;
}

const PIECES_RE1 = new RegExp(
  `(?:${[...GENERATING_SERVER_LABELS, 'DSN generated by'].map(esc).join('|')})\\s?:\\s?(${HOST})`,
  'i',
);
const PIECES_RE2 = new RegExp(`Reporting-MTA:\\s?(?:dns|DNS)\\s?;\\s?(${HOST})`);
const PIECES_RE3 = new RegExp(`This is the mail system at host (${HOST})`, 'i');
const PIECES_RE4 = new RegExp(`This is the qmail-send program at (${HOST})`, 'i');
const PIECES_RE5 = new RegExp(`[^\\s:/]\\s?:${NOT_HEADER_FIELD}\\s?(${EXO_SERVER})`, 'i');

export function extractPieces(t: string): Extracted {
  const legacy = exchangeLegacy(t);
  const ses = sesJson(t);
  const pieces = [
    ...dsnBlocks(t),
    ...exchangeAdmin(t),
    ...legacy.pieces,
    ...errorCodeLines(t),
    ...angleColon(t),
    ...remoteSaid(t),
    ...sendmail(t),
    ...exim(t),
    ...domino(t),
    ...dominoReasons(t),
    ...gmail(t),
    ...smartermail(t),
    ...ses.pieces,
    ...exchangeHuman(t),
    ...groupwise(t),
    ...problemNotice(t),
    ...transcript(t),
    ...mdaemon(t),
    ...logRows(t),
    ...msmail(t),
    ...listed(t),
    ...exoStatusLine(t),
  ];
  let reportingMta = ses.reportingMta ?? legacy.reportingMta;
  const gen = PIECES_RE1.exec(t);
  const rep = PIECES_RE2.exec(t);
  const pf = PIECES_RE3.exec(t);
  const qm = PIECES_RE4.exec(t);
  // Exchange Online's server under a label in a language GENERATING_SERVER_LABELS does not list.
  const exo = gen ? null : PIECES_RE5.exec(t);
  reportingMta = gen?.[1] ?? rep?.[1] ?? exo?.[1] ?? pf?.[1] ?? qm?.[1] ?? reportingMta;
  if (reportingMta) reportingMta = reportingMta.replace(/\.$/, '');
  return { pieces, ...(reportingMta ? { reportingMta } : {}), ...(ses.subType ? { sesSubType: ses.subType } : {}) };
}
