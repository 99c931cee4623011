/**
 * The forms a failed recipient is printed in. Besides an SMTP address, Exchange 4.0-2003 reports
 * name a recipient by display name ("Paul Vance", "Vance, Paul", 'Board Members'), by X.500
 * distinguished name (the legacyExchangeDN "/O=ORG/OU=SITE/CN=RECIPIENTS/CN=alias", also "EX:/O=...")
 * or by X.400 O/R address ("c=US;a= ;p=Org;o=Site;s=Vance;g=Paul;"); Lotus Domino by hierarchical
 * Notes name, often with its Notes domain ("Hans Gruber/Logistics/ACME@ACME",
 * "CN=Hans Gruber/OU=Logistics/O=ACME"). The recipient is kept as printed, quotes removed: that is
 * what the agent looks up in the directory.
 */

// Local parts up to 200: Exchange's IMCEAEX- addresses carry a whole X.500 name.
export const ADDR = String.raw`[A-Za-z0-9][A-Za-z0-9._%+'=-]{0,199}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63}){1,8}`;

/**
 * An SMTP address without the word a paste glued onto it where a line break was lost
 * ("j.doe@contoso.exampleThe e-mail address ..."): a last label turning from small letters to a
 * capital. Real addresses have mixed-case labels too ("sales@fenwick.cOM", "admin@lab.homeNet"), so
 * the tail is cut only when the report also prints the address without it, or when the tail goes on
 * into a sentence on the same line (a space, then more words). Other forms are returned as they are.
 */
export function withoutGluedWord(address: string, text: string): string {
  const glued = /@[^@]*\.([a-z\d-]*[a-z])([A-Z][A-Za-z]*)$/.exec(address);
  if (!glued) return address;
  const bare = address.slice(0, address.length - glued[2]!.length);
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alone = new RegExp(`(?<![A-Za-z0-9._%+'=-])${esc(bare)}(?![A-Za-z0-9-]|\\.[A-Za-z0-9])`, 'i');
  if (alone.test(text)) return bare;
  // Otherwise only a capitalised word ("The", "Remote") after a label of two letters or more, with
  // the sentence going on: a mistyped domain's capitals ("fenwick.cOM is wrong", "y.eXample") stay.
  if (glued[1]!.length < 2 || !/^[A-Z][a-z]+$/.test(glued[2]!)) return address;
  const sentence = new RegExp(`${esc(address)}[ \\t]+\\p{L}+`, 'u');
  return sentence.test(text) ? bare : address;
}

/** X.500 DN: containers may hold spaces ("FIRST ADMINISTRATIVE GROUP"), the last CN (the alias) none. */
const X500 = String.raw`(?:EX:)?/O=[^/;\n]{1,64}(?:/OU=[^/;\n]{1,80}){0,6}(?:/CN=[^/;\n]{1,64}){0,8}/CN=[^/;\s]{1,64}`;
/**
 * X.400 O/R address: country, ADMD and PRMD first, then any attributes, a domain-defined one
 * ("dda:MSXCHNGE=") carrying another address; semicolon form or slash form ("/c=US/a= /p=Org/o=Site/s=Lee/g=Jin").
 */
const X400 = String.raw`[Cc]=[A-Za-z]{1,3};\s?[Aa]=[^;\n]{0,16};\s?[Pp]=[^;\n]{1,64}(?:;\s?[A-Za-z][A-Za-z0-9-]{0,20}(?::[A-Za-z0-9-]{1,20})?=[^;\n]{0,128}){0,12};?`;
const X400_SLASH = String.raw`/[Cc]=[^/;\n]{1,4}/[Aa]=[^/;\n]{0,16}/[Pp]=[^/;\n]{0,64}(?:/{1,2}[A-Za-z][A-Za-z0-9-]{0,20}(?::[A-Za-z0-9-]{1,20})?=[^/;\n]{0,64}){0,16}/?`;
/** Notes hierarchical name: common name, then org units and organisation, then the Notes domain. */
const NOTES_PART = String.raw`[\p{L}\d][\p{L}\d '’.&_-]{0,63}`;
const NOTES = String.raw`(?:CN=)?${NOTES_PART}(?:/(?:OU=|O=|C=)?${NOTES_PART}){1,6}(?:@[\p{L}\d][\p{L}\d._-]{0,63})?`;
/** A flat Notes name with its Notes domain (no dot: with one it is an SMTP address). */
const NOTES_AT_DOMAIN = String.raw`[\p{L}][\p{L}\d '’._-]{0,63}@[\p{L}\d][\p{L}\d_-]{0,63}`;

const X500_RE = new RegExp(`(?:^|[\\s'"<(])(${X500})`, 'i');
const X400_RE = new RegExp(`(?:^|[\\s'"<(])(${X400}|${X400_SLASH})`);
const NOTES_WHOLE = new RegExp(`^(?:${NOTES}|${NOTES_AT_DOMAIN})$`, 'u');

/** Name particles written in lower case inside a display name. */
const PARTICLES = new Set([
  'de',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'da',
  'di',
  'du',
  'del',
  'dos',
  'y',
  'bin',
  'al',
  'and',
  '&',
]);
/** Words of a report, not of a name: a label holding one is the end of the previous recipient's text. */
const REPORT_WORDS =
  /\b(?:recipient|message|delivery|deliver|delivered|reached|server|address|unknown|error|failed|failure|not|the|was|because|subject|sent)\b/i;

/** A display name: one to six words, each capitalised (or a particle), an optional comma ("Vance, Paul"). */
export function isDisplayName(s: string): boolean {
  if (s.length < 2 || s.length > 64 || /[@<>;:=#"\\/]|\d{3}/.test(s)) return false;
  const words = s.split(/,?\s/);
  if (words.length > 6) return false;
  if (words.length === 1) return /^[\p{L}\d][\p{L}\d._'’-]{1,63}$/u.test(s);
  if (REPORT_WORDS.test(s)) return false;
  return words.every((w) => PARTICLES.has(w) || /^[\p{Lu}\d][\p{L}\d.'’()-]*$/u.test(w));
}

function unquote(s: string): string {
  return s
    .trim()
    .replace(/^(['"`])(.*)\1$/s, '$2')
    .trim();
}

/**
 * The recipient a report's label names, in any of the forms above, or undefined. `label` is the
 * text where the report prints the recipient and nothing else (Exchange's "LABEL on DATE",
 * Domino's "was not delivered to: LABEL because:").
 */
export function recipientIn(label: string): string | undefined {
  const s = unquote(label);
  if (!s) return undefined;
  const quoted = s !== label.trim();
  const smtp = new RegExp(ADDR).exec(s);
  if (smtp) return smtp[0];
  const x500 = X500_RE.exec(s);
  if (x500) return x500[1]!;
  const x400 = X400_RE.exec(s);
  // "The MTS-ID of the original message is: c=US;a= ;p=Org;l=..." identifies a message, not a recipient.
  if (x400 && !/;\s?l=/i.test(x400[1]!)) return x400[1]!.replace(/;$/, '');
  if (NOTES_WHOLE.test(s) && !/\s{2}/.test(s)) return s;
  if (isDisplayName(s)) return s;
  // Exchange quotes a one-off or display name exactly as typed ('x400 to user1', 'TEST (Numeric)').
  if (quoted && s.length <= 80 && !/['"`<>\n]/.test(s)) return s;
  return undefined;
}

/** Whether `recipient` is printed in one of the non-SMTP forms (display name, DN, O/R address, Notes name). */
export function isNameForm(recipient: string): boolean {
  return !new RegExp(`^${ADDR}$`).test(recipient);
}
