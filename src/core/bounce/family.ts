/**
 * Which mail system wrote a report, read from the report's own structure only: its anchors' fixed
 * phrasing (anchors.ts), its header fields, its reporting server's name and the lines only that
 * system prints. A product named in the words around it ("they moved from Exim to Office 365",
 * "the relay is a Sendmail box") says nothing of who wrote the report: the agent's notes, a
 * customer's sentence and the returned message's Received lines share its window.
 */
import type { Generation } from './types';

/** What the report's anchors said: the first anchor's family (an opener's first) and every family seen. */
export interface AnchorFamilies {
  first?: Generation;
  all: ReadonlySet<Generation | undefined>;
}

/** Exchange Online's reporting servers. */
const EXO_HOST = /(?:\.outlook\.com|\.office365\.com|\.outlook\.office\.com|hotmail\.com)$/i;
/**
 * Exchange Online's card prints its product name as a row of its own ("Office 365   p.lindqvist",
 * also inside a pasted table's cell), never inside a sentence: a line that starts with it.
 */
const EXO_CARD_ROW =
  /^[ \t>|]{0,12}(?:<[^<>\n]{0,80}>[ \t]{0,4}){0,6}(?:Office|Microsoft) 365(?=\t|[ \t]{2,}|[ \t]*<|[ \t]*$)/m;
/** Exchange 2000/2003's recipient line "<host #5.1.1>", never printed by hMailServer or Kerio Connect. */
const EX03_BRACKET = /<\S{1,120} #[245]\.\d/;
/** hMailServer's and Kerio Connect's own lines under Exchange 2000/2003's opening sentence. */
const OTHER_UNDER_EX03 = /Error Type:|Remote (?:server|host) (?:replied|said)/i;
/** Postfix alone closes a remote reply with the SMTP command it answered; its header fields name it. */
const POSTFIX_OWN =
  /X-Postfix-Queue-ID|X-Postfix-Sender|\(in reply to (?:RCPT TO|MAIL FROM|end of DATA|DATA|[A-Z]{4}) command\)/i;
/** Header fields only Exim adds to its reports. */
const EXIM_OWN = /\bX-(?:Exim-[\w-]{1,40}|Failed-Recipients)\s?:/i;
/** Sendmail's DSN field naming the recipient it expanded the address to. */
const SENDMAIL_OWN = /\bX-Actual-Recipient\s?:/i;
/** Domino's DSN address type. */
const NOTES_OWN = /X-Notes;|X-Notes-/i;
/**
 * qmail's remote-delivery sentences, also in reports of systems built on it: "192.0.2.5 does not
 * like recipient." and "Giving up on 192.0.2.5.".
 */
const QMAIL_OWN = /does not like recipient\.|Giving up on [\w.:-]{3,60}\./;
/**
 * MDaemon named by its report itself: its opening line, its postmaster mailbox, or a header field's
 * value (up to the next field's colon: the flat text has no line starts). Not an agent's note
 * beside the report ("the client runs MDaemon").
 */
const MDAEMON_OWN =
  /Message from MDaemon\b|\bMDaemon@|\b(?:From|Sender|Reporting-MTA|Received|X-[\w-]{1,40})\s?:[^:\n]{0,120}?\bMDaemon\b/i;

/**
 * The report's mail system. `flat` is the report's flattened text (flat-text.ts), `raw` the same
 * stretch as pasted, with its line starts (a card's row is told by where it stands).
 */
export function familyOf(
  anchors: AnchorFamilies,
  flat: string,
  raw: string,
  reportingMta: string | undefined,
): Generation {
  let g: Generation = anchors.first ?? 'dsn';
  const families = anchors.all;
  const exo = EXO_HOST.test(reportingMta ?? '') || families.has('exchange-online') || EXO_CARD_ROW.test(raw);
  if (g === 'exchange-2003' && /MSEXCH:|The MTS-ID of the original message/.test(flat) && !EX03_BRACKET.test(flat))
    g = 'exchange-5.5';
  if (g === 'exchange-5.5' && EX03_BRACKET.test(flat)) g = 'exchange-2003';
  // hMailServer and Kerio Connect open with Exchange 2000/2003's sentence, then print their own
  // "Error Type: SMTP" / "Remote server replied:" lines, never Exchange's "<host #5.1.1>".
  if (g === 'exchange-2003' && !EX03_BRACKET.test(flat) && !/MSEXCH:/.test(flat) && OTHER_UNDER_EX03.test(flat))
    g = 'dsn';
  if (
    (g === 'exchange-2007+' || g === 'dsn') &&
    exo &&
    (families.has('exchange-2007+') || families.has('exchange-online') || /outlook\.com$/i.test(reportingMta ?? ''))
  )
    g = 'exchange-online';
  if (g === 'dsn' && families.has('exchange-2007+')) g = 'exchange-2007+';
  if (g !== 'dsn') return g;
  const r = reportingMta ?? '';
  if (/amazonses\.com$/i.test(r)) return 'amazon-ses';
  if (/(?:google|googlemail|gmail)\.com$/i.test(r)) return 'gmail';
  if (POSTFIX_OWN.test(flat)) return 'postfix';
  if (NOTES_OWN.test(flat)) return 'domino';
  if (EXIM_OWN.test(flat)) return 'exim';
  if (SENDMAIL_OWN.test(flat)) return 'sendmail';
  if (MDAEMON_OWN.test(flat)) return 'mdaemon';
  if (QMAIL_OWN.test(flat)) return 'qmail';
  return 'dsn';
}
