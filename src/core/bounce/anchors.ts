/**
 * The lines that say "this is a bounce", per mail system. An opener starts a report (its first
 * human-readable sentence); a part belongs to one (the administrators' section, the DSN fields).
 * A mail header ("Subject: Undeliverable"), "Original Message" or a quoted header block is no
 * anchor: alone, they are not a bounce.
 */
import type { Generation } from './types';

export interface AnchorDef {
  key: string;
  re: RegExp;
  open: boolean;
  family?: Generation;
  /** Seen once per recipient (a DSN's Final-Recipient): a second one does not start another report. */
  repeats?: boolean;
}

/** Words of a phrase may be separated by any white space, quote markers included (re-wrapped, quoted text). */
const W = String.raw`[\s>|]{1,12}`;
function phrase(p: string): string {
  return p
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"))
    .join(W);
}

function def(key: string, p: string, open: boolean, family?: Generation): AnchorDef {
  return { key, re: new RegExp(phrase(p), 'gi'), open, ...(family ? { family } : {}) };
}

const ADDR_SHORT = String.raw`\S{1,120}@\S{1,120}?`;

export const ANCHORS: readonly AnchorDef[] = [
  def('ex55-list', 'did not reach the following recipient(s):', true, 'exchange-5.5'),
  def('ex03-lead', 'Your message did not reach some or all of the intended recipients', true, 'exchange-2003'),
  def('ex03-list', 'The following recipient(s) could not be reached:', true, 'exchange-2003'),
  def('ex03-list2', 'The following recipient(s) cannot be reached:', true, 'exchange-2003'),
  def('ex07-lead', 'Delivery has failed to these recipients or groups', true, 'exchange-2007+'),
  { key: 'exo-lead', re: new RegExp(`Your${W}message${W}to${W}${ADDR_SHORT}${W}couldn['’]t${W}be${W}delivered`, 'gi'), open: true, family: 'exchange-online' },
  { ...def('exo-lead2', "Your message wasn't delivered because the recipient's email provider rejected it", false, 'exchange-2007+'), repeats: true },
  // The same Exchange 2007+ report in German, French and Spanish: opener, administrators' part, server line.
  def('ex07-lead-de', 'Fehler bei der Zustellung an folgende Empfänger oder Gruppen', true, 'exchange-2007+'),
  def('ex07-lead-fr', 'La remise aux destinataires ou groupes suivants a échoué', true, 'exchange-2007+'),
  def('ex07-lead-es', 'Error en la entrega a estos destinatarios o grupos', true, 'exchange-2007+'),
  def('ex07-admin-de', 'Diagnoseinformationen für Administratoren', false, 'exchange-2007+'),
  def('ex07-admin-fr', 'Informations de diagnostic pour les administrateurs', false, 'exchange-2007+'),
  def('ex07-admin-es', 'Información de diagnóstico para administradores', false, 'exchange-2007+'),
  { key: 'ex07-outlook', re: /#<[ \t]{0,2}#[45]\.\d{1,3}\.\d{1,3}[^>\n]{0,300}>[ \t]{0,2}#SMTP#/g, open: false, family: 'exchange-2007+', repeats: true },
  def('ex07-admin', 'Diagnostic information for administrators', false, 'exchange-2007+'),
  def('ex07-gen', 'Generating server:', false, 'exchange-2007+'),
  { ...def('ex07-remote', 'Remote Server returned', false, 'exchange-2007+'), repeats: true },
  { key: 'ex07-hash', re: /#[45]\d\d[ \t]{1,3}[45]\.\d{1,3}\.\d{1,3}[ \t]{1,3}[^\n#]{1,200}?##/g, open: false, family: 'exchange-2007+', repeats: true },
  def('pf-lead', 'This is the mail system at host', true, 'postfix'),
  def('pf-sorry', "I'm sorry to have to inform you that your message could not be delivered", true, 'postfix'),
  def('sm-fatal', 'The following addresses had permanent fatal errors', true, 'sendmail'),
  def('sm-transient', 'The following addresses had transient non-fatal errors', true, 'sendmail'),
  def('sm-lead', 'The original message was received at', true, 'sendmail'),
  def('sm-transcript', 'Transcript of session follows', false, 'sendmail'),
  def('ex-lead', 'This message was created automatically by mail delivery software', true, 'exim'),
  def('ex-fail', 'A message that you sent could not be delivered to one or more of its recipients', true, 'exim'),
  def('ex-delay', 'A message that you sent has not yet been delivered to one or more of its recipients', true, 'exim'),
  def('ex-list', 'The following address(es) failed:', false, 'exim'),
  def('qm-lead', 'This is the qmail-send program at', true, 'qmail'),
  def('qm-sorry', "I'm afraid I wasn't able to deliver your message to the following addresses", true, 'qmail'),
  def('dom-report', 'Delivery Failure Report', true, 'domino'),
  { key: 'dom-to', re: new RegExp(`was${W}not${W}delivered${W}to:?[\\s>|]{1,12}[^\\n]{1,160}?${W}because:?`, 'gi'), open: true, family: 'domino' },
  def('gm-perm', 'Delivery to the following recipient failed permanently', true, 'gmail'),
  def('gm-perms', 'Delivery to the following recipients failed permanently', true, 'gmail'),
  def('gm-delay', 'Delivery to the following recipient has been delayed', true, 'gmail'),
  { key: 'gm-notfound', re: new RegExp(`Your${W}message${W}(?:wasn['’]t${W}delivered|couldn['’]t${W}be${W}delivered)${W}to${W}${ADDR_SHORT}${W}because`, 'gi'), open: true, family: 'gmail' },
  { key: 'gm-problem', re: new RegExp(`There${W}was${W}a${W}(?:temporary${W})?problem${W}delivering${W}your${W}message${W}to${W}${ADDR_SHORT}`, 'gi'), open: true, family: 'gmail' },
  { ...def('gm-response', 'The response from the remote server was:', false, 'gmail'), repeats: true },
  def('gm-tech', 'Technical details of permanent failure', false, 'gmail'),
  def('ses-json', '"bounceType"', true, 'amazon-ses'),
  def('ses-lead', 'An error occurred while trying to deliver the mail to the following recipients', true, 'amazon-ses'),
  def('dsn-auto', 'This is an automatically generated Delivery Status Notification', true, 'dsn'),
  def('dsn-failed', 'Delivery to the following recipients failed', true, 'dsn'),
  def('dsn-reporting', 'Reporting-MTA:', false, 'dsn'),
  { ...def('dsn-final', 'Final-Recipient:', false, 'dsn'), repeats: true },
];

/** One regex for all anchors: a cheap test of whether a text can hold a bounce at all. */
export const ANY_ANCHOR = new RegExp(ANCHORS.map((a) => `(?:${a.re.source})`).join('|'), 'gi');
