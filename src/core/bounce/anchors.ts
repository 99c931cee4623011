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
  /** Alone, it makes a report only with a recipient and the server's code for it (readCluster). */
  needsCode?: boolean;
  /**
   * It introduces the server's reply itself ("Remote server replied: 554 5.7.1 ..."): alone, with a
   * failure code right after it, it is a report even where no recipient is printed.
   */
  replyAlone?: boolean;
  /** It says delivery failed (not that it is delayed): the report's temporary codes are the last ones tried. */
  failed?: boolean;
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

/** An opener that says delivery failed. */
function failedDef(key: string, p: string, family?: Generation): AnchorDef {
  return { ...def(key, p, true, family), failed: true };
}

/** "recipient", "recipients" or "recipient(s)", as reports print the word. */
const RECIPIENTS = String.raw`recipient(?:s|\(s\))?`;

/**
 * An address inside a sentence, loosely. Its local part holds no "@": where words must follow it, a
 * run of "@" is passed over at once rather than split 120 x 120 ways before the words fail.
 */
const ADDR_SHORT = String.raw`[^\s@]{1,120}@\S{1,120}?`;
/**
 * One address of a comma-separated list: neither part holds a comma, so an address cannot swallow the
 * separator and the next address, and a long list that never reaches its words fails at once.
 */
const LISTED_ADDR = String.raw`[^\s@,]{1,120}@[^\s,]{1,120}?`;
/**
 * "<addr>" also as a page's HTML source shows it, "&lt;addr&gt;" (flat-text.ts reads the escapes);
 * the escaped form's local part holds no "&", so a run of escapes is passed over at once.
 */
const ANGLED_ADDR = String.raw`(?:<${ADDR_SHORT}>|&lt;[^\s@&;]{1,120}@\S{1,120}?&gt;)`;

/** Gmail's "Your message wasn't delivered to" in the languages of its translated cards (read by extract.ts too). */
export const GMAIL_LEADS_INTL = [
  'Tu mensaje no se ha entregado a',
  'Su mensaje no se ha entregado a',
  'Tu mensaje para',
  'Sua mensagem não foi entregue a',
  'Sua mensagem para',
  "Votre message n'a pas été distribué à",
  "Votre message n'a pas été remis à",
  'Ihre Nachricht wurde nicht an',
  'Il tuo messaggio non è stato consegnato a',
  'Uw bericht is niet bezorgd bij',
  'Twoja wiadomość nie została dostarczona do',
  'Ваше сообщение не доставлено на адрес',
  'Vaše zpráva nebyla doručena na adresu',
];
/**
 * Exchange Online's newer card's opening sentence, "Your message to ADDR couldn't be delivered.", in
 * the senders' languages: the words before the address (group 1: the address), then the words
 * that say it was not delivered.
 */
export const EXO_LEAD_INTL = String.raw`(?:Ihre Nachricht an|Votre message à|Tu mensaje para|Su mensaje para|Uw bericht aan|Sua mensagem para|Il messaggio per)[\s>|]{1,12}(${ADDR_SHORT})[\s>|]{1,12}(?:konnte nicht|n['’]a pas pu|no se (?:ha )?pudo|kan niet|kon niet|não pôde|non è stato)`;
/** An Exchange Online datacenter server's name: "HE1P190MB0333.EURP190.PROD.OUTLOOK.COM". */
export const EXO_SERVER = String.raw`[A-Za-z0-9][A-Za-z0-9-]{3,40}\.[A-Za-z0-9]{3,15}\.prod\.outlook\.com\b`;
/**
 * Right after a label's colon: not a message header's field ("X-MS-Exchange-Organization-AuthSource:").
 * Pasted headers name datacenter servers in every block; read as report labels, each made an anchor.
 */
export const NOT_HEADER_FIELD = String.raw`(?<!-[A-Za-z0-9]{1,60} ?:)`;
/** Gmail's Japanese card puts the address inside its sentence: "メッセージは ADDR に配信されませんでした". */
export const GMAIL_LEAD_JA = String.raw`メッセージは[\s>|]{0,12}${ADDR_SHORT}[\s>|]{0,12}に配信されませんでした`;
/** Exchange's "Generating server" line, the label before its colon, in the report's languages (read by extract.ts too). */
export const GENERATING_SERVER_LABELS = [
  'Generating server',
  'Generierender Server',
  'Serveur de génération',
  'Servidor de generación',
  'Genererende server',
  'Genererande server',
  'Server di generazione',
  'Servidor de geração',
];
/** "This is an automatically generated Delivery Status Notification." as Exchange 2000/2003 translate it. */
export const DSN_LEADS_INTL = [
  'Dies ist eine automatisch erstellte Benachrichtigung über den Zustellstatus',
  "Ceci est une notification d'état de remise générée automatiquement",
  'Éste es un mensaje de notificación de estado de entrega generado automáticamente',
  'Este es un mensaje de notificación de estado de entrega generado automáticamente',
  'Questo è un messaggio di notifica sullo stato del recapito generato automaticamente',
];
/** "Delivery to the following recipients failed." in the same notification, translated (extract.ts reads its list). */
export const DSN_FAILED_INTL = [
  'Übermittlung an folgende Empfänger fehlgeschlagen',
  'Die Übermittlung an folgende Empfänger ist fehlgeschlagen',
  'La remise aux destinataires suivants a échoué',
  'Error en la entrega a los siguientes destinatarios',
  'Errore durante il recapito ai seguenti destinatari',
  'Recapito non riuscito ai seguenti destinatari',
];
/** Gmail's "The response from the remote server was:", translated. */
export const GMAIL_RESPONSE_INTL = [
  'La respuesta del servidor remoto ha sido:',
  'La respuesta del servidor remoto fue:',
  'A resposta do servidor remoto foi:',
  'La réponse du serveur distant était :',
  'La réponse du serveur distant a été :',
  'Die Antwort des Remoteservers lautete:',
  'Die Antwort vom Remote-Server lautete:',
  'La risposta del server remoto è stata:',
  'Het antwoord van de externe server was:',
  'リモート サーバーからの応答:',
];

export const ANCHORS: readonly AnchorDef[] = [
  def('ex55-list', 'did not reach the following recipient(s):', true, 'exchange-5.5'),
  def('ex03-lead', 'Your message did not reach some or all of the intended recipients', true, 'exchange-2003'),
  def('ex03-list', 'The following recipient(s) could not be reached:', true, 'exchange-2003'),
  def('ex03-list2', 'The following recipient(s) cannot be reached:', true, 'exchange-2003'),
  def('ex03-list-de', 'Folgende(r) Empfänger konnte(n) nicht erreicht werden:', true, 'exchange-2003'),
  // Each recipient's line ends in "<host #5.1.1>" (or "<host #5.2.2 smtp;552 ...>") whatever the
  // report's language: a part of the report, read back to its paragraph (find.ts readStart).
  {
    key: 'ex03-bracket',
    re: new RegExp(
      String.raw`<[A-Za-z0-9][A-Za-z0-9.-]{1,250}${W}#[245]\.\d{1,3}\.\d{1,3}(?:${W}[\w-]{1,20};[^>]{0,300})?>`,
      'g',
    ),
    open: false,
    family: 'exchange-2003',
    repeats: true,
  },
  failedDef('ex07-lead', 'Delivery has failed to these recipients or groups', 'exchange-2007+'),
  {
    key: 'exo-lead',
    re: new RegExp(`Your${W}message${W}to${W}${ADDR_SHORT}${W}couldn['’]t${W}be${W}delivered`, 'gi'),
    open: true,
    family: 'exchange-online',
    failed: true,
  },
  { key: 'exo-lead-intl', re: new RegExp(EXO_LEAD_INTL, 'gi'), open: true, family: 'exchange-online', failed: true },
  {
    ...def(
      'exo-lead2',
      "Your message wasn't delivered because the recipient's email provider rejected it",
      false,
      'exchange-2007+',
    ),
    repeats: true,
  },
  // The same Exchange 2007+ report in German, French and Spanish: opener, administrators' part, server line.
  def('ex07-delay', 'Delivery is delayed to these recipients or groups', true, 'exchange-2007+'),
  failedDef('ex07-lead-de', 'Fehler bei der Zustellung an folgende Empfänger oder Gruppen', 'exchange-2007+'),
  failedDef('ex07-lead-fr', 'La remise aux destinataires ou groupes suivants a échoué', 'exchange-2007+'),
  failedDef('ex07-lead-es', 'Error en la entrega a estos destinatarios o grupos', 'exchange-2007+'),
  failedDef('ex07-lead-nl', 'Bezorging is mislukt voor deze ontvangers of groepen', 'exchange-2007+'),
  failedDef('ex07-lead-it', 'Recapito non riuscito per i seguenti destinatari o gruppi', 'exchange-2007+'),
  failedDef('ex07-lead-pt', 'Falha na entrega para estes destinatários ou grupos', 'exchange-2007+'),
  def('ex07-admin-de', 'Diagnoseinformationen für Administratoren', false, 'exchange-2007+'),
  def('ex07-admin-nl', 'Diagnostische gegevens voor beheerders', false, 'exchange-2007+'),
  def('ex07-admin-it', 'Informazioni di diagnostica per gli amministratori', false, 'exchange-2007+'),
  def('ex07-admin-pt', 'Informações de diagnóstico para administradores', false, 'exchange-2007+'),
  def('ex07-admin-fr', 'Informations de diagnostic pour les administrateurs', false, 'exchange-2007+'),
  def('ex07-admin-es', 'Información de diagnóstico para administradores', false, 'exchange-2007+'),
  {
    key: 'ex07-outlook',
    re: /#<[ \t]{0,2}#[45]\.\d{1,3}\.\d{1,3}[^>\n]{0,300}>[ \t]{0,2}#SMTP#/g,
    open: false,
    family: 'exchange-2007+',
    repeats: true,
  },
  def('ex07-admin', 'Diagnostic information for administrators', false, 'exchange-2007+'),
  // Exchange Online's newer layout: "Error Details / Reported error: ... / DSN generated by: ...".
  def('exo-reported', 'Reported error:', false, 'exchange-online'),
  def('exo-dsn-by', 'DSN generated by:', false, 'exchange-online'),
  def('ex07-gen', 'Generating server:', false, 'exchange-2007+'),
  // The server line in the report's other languages: it names the reporting server (an Exchange
  // Online one ends in .outlook.com), also under an opening sentence no anchor knows.
  {
    key: 'ex07-gen-intl',
    re: new RegExp(
      GENERATING_SERVER_LABELS.filter((l) => l !== 'Generating server') // ex07-gen's
        .map((l) => `${phrase(l)}\\s?:`)
        .join('|'),
      'gi',
    ),
    open: false,
    family: 'exchange-2007+',
  },
  // Exchange Online's reporting server after a label in any language ("Luova palvelin: HE1P190MB0333
  // .EURP190.PROD.OUTLOOK.COM"): its datacenter name is the same in every translation of the report.
  // It starts with its colon: a pattern starting with a look-behind would be tried at every position
  // of every page (the one-regex pre-scan, ANY_ANCHOR, could no longer skip to likely starts).
  {
    key: 'exo-gen-host',
    re: new RegExp(String.raw`:(?<=[^\s:/] ?:)${NOT_HEADER_FIELD}[\s>|]{0,12}${EXO_SERVER}`, 'gi'),
    open: false,
    family: 'exchange-online',
    repeats: true,
    needsCode: true,
  },
  // Exchange quotes the reply it was given ("Remote Server returned '550 ..."); unquoted, the words
  // are an agent's ("the remote server returned: 554 and closed") or another system's part.
  {
    key: 'ex07-remote',
    // The ticket's own text is scanned too (ANY_ANCHOR): typographic quotes and HTML escapes as well.
    re: new RegExp(`${phrase('Remote Server returned')}[\\s>|]{0,12}(?:['"‘’“”]|&#0?39;|&apos;|&quot;|&#34;)`, 'gi'),
    open: false,
    family: 'exchange-2007+',
    repeats: true,
  },
  {
    key: 'ex07-hash',
    re: /#[45]\d\d[ \t]{1,3}[45]\.\d{1,3}\.\d{1,3}[ \t]{1,3}[^\n#]{1,200}?##/g,
    open: false,
    family: 'exchange-2007+',
    repeats: true,
  },
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
  // A failed address's block pasted without the report's lines: "SMTP error from remote mail server after RCPT TO:<...>:".
  { ...def('ex-smtp-error', 'SMTP error from remote mail server after', false, 'exim'), repeats: true },
  def('qm-lead', 'This is the qmail-send program at', true, 'qmail'),
  def('qm-sorry', "I'm afraid I wasn't able to deliver your message to the following addresses", true, 'qmail'),
  // Courier's delivery status notification ("UNDELIVERABLE MAIL" or "DELAYED MAIL" over this list):
  // one alternation for both, so the scan's pass over every ticket tries one more pattern, not two.
  {
    key: 'courier-list',
    re: new RegExp(
      `${phrase('Your message to the following recipients')}${W}(?:${phrase('cannot be delivered')}|${phrase('has not been delivered yet')})`,
      'gi',
    ),
    open: true,
    family: 'courier',
  },
  // qmail's and vpopmail's status at the end of a recipient's sentence, "(#5.2.2)": a paragraph
  // "<addr>: ... (#5.2.2)" pasted without the report's opening lines.
  { key: 'qm-status', re: /\(#[245]\.\d{1,3}\.\d{1,3}\)/g, open: false, family: 'qmail', repeats: true },
  // SmarterMail: "Failed to deliver to 'addr'", then "SMTP module(domain ...) reports: host ... says: 550 ...".
  {
    key: 'sml-failed',
    re: new RegExp(`Failed${W}to${W}deliver${W}to${W}'${ADDR_SHORT}'`, 'gi'),
    open: true,
    family: 'dsn',
    repeats: true,
  },
  def('dom-report', 'Delivery Failure Report', true, 'domino'),
  {
    key: 'dom-to',
    // Also the German Notes client's "wurde nicht zugestellt an: ... weil: ...".
    re: new RegExp(
      `(?:was${W}not${W}delivered${W}to|wurde${W}nicht${W}zugestellt${W}an):?[\\s>|]{1,12}[^\\n]{1,160}?${W}(?:because|weil):?`,
      'gi',
    ),
    open: true,
    family: 'domino',
  },
  // Domino's report in SMTP form: a "DELIVERY FAILURE: <reason>" headline (in capitals, as Domino
  // writes it: "delivery failure" in prose is no report), then dashed "Failure Reasons" and
  // "Returned Message" blocks.
  { key: 'dom-headline', re: /DELIVERY FAILURE:/g, open: true, family: 'domino' },
  {
    key: 'dom-reasons',
    // Dash runs are bounded, and entered at their start only: linear on a page of dashes.
    re: new RegExp(`(?<!-)-{3,80}${W.replace('{1,12}', '{0,12}')}Failure${W}Reasons[\\s>|]{0,12}-{3}`, 'gi'),
    open: false,
    family: 'domino',
  },
  // Also "recipients" and "recipient(s)" (other mail systems print Gmail's sentence too).
  {
    key: 'gm-perm',
    re: new RegExp(`Delivery${W}to${W}the${W}following${W}${RECIPIENTS}${W}failed${W}permanently`, 'gi'),
    open: true,
    family: 'gmail',
    failed: true,
  },
  {
    key: 'gm-delay',
    re: new RegExp(`Delivery${W}to${W}the${W}following${W}${RECIPIENTS}${W}(?:has|have)${W}been${W}delayed`, 'gi'),
    open: true,
    family: 'gmail',
  },
  {
    key: 'gm-notfound',
    re: new RegExp(
      // A card for several recipients lists them, each but the last with its comma (the last may keep one).
      `Your${W}message${W}(?:wasn['’]t${W}delivered|couldn['’]t${W}be${W}delivered)${W}to${W}${LISTED_ADDR}(?:,[\\s>|]{0,12}${LISTED_ADDR}){0,19},?${W}because`,
      'gi',
    ),
    open: true,
    family: 'gmail',
  },
  // Gmail's newer layout: a "** Message blocked **" headline, then this sentence.
  {
    key: 'gm-blocked',
    re: new RegExp(`Your${W}message${W}to${W}${ADDR_SHORT}${W}has${W}been${W}(?:blocked|rejected)`, 'gi'),
    open: true,
    family: 'gmail',
  },
  {
    key: 'gm-problem',
    re: new RegExp(
      `There${W}was${W}a${W}(?:temporary${W})?problem${W}delivering${W}your${W}message${W}to${W}${ADDR_SHORT}`,
      'gi',
    ),
    open: true,
    family: 'gmail',
  },
  { ...def('gm-response', 'The response from the remote server was:', false, 'gmail'), repeats: true },
  // Gmail's card in the sender's language: the sentence naming the recipient, and the line before
  // the server's reply (Spanish, Portuguese, French, German, Italian, Dutch). One alternation each,
  // so the pass over every ticket tries two more patterns, not twelve.
  {
    key: 'gm-lead-intl',
    re: new RegExp(
      `(?:${GMAIL_LEADS_INTL.filter((l) => !l.endsWith(' para'))
        .map(phrase)
        .join(
          '|',
        )})${W}${ADDR_SHORT}|(?:Tu|Sua)${W}(?:mensaje|mensagem)${W}para${W}${ADDR_SHORT}${W}(?:foi${W}bloqueada|ha${W}sido${W}bloqueado)|${GMAIL_LEAD_JA}`,
      'gi',
    ),
    open: true,
    family: 'gmail',
  },
  {
    key: 'gm-response-intl',
    re: new RegExp(GMAIL_RESPONSE_INTL.map(phrase).join('|'), 'gi'),
    open: false,
    family: 'gmail',
    repeats: true,
  },
  def('gm-tech', 'Technical details of permanent failure', false, 'gmail'),
  def('ses-json', '"bounceType"', true, 'amazon-ses'),
  def('ses-lead', 'An error occurred while trying to deliver the mail to the following recipients', true, 'amazon-ses'),
  // Other mail systems' openers: Yahoo's, GroupWise's Internet agent, MDaemon's.
  def('yahoo-lead', 'Sorry, we were unable to deliver your message to the following address', true, 'yahoo'),
  def('gw-lead', 'The message that you sent was undeliverable to the following', true, 'groupwise'),
  def('md-lead', 'had PERMANENT fatal delivery errors', true, 'mdaemon'),
  // MS Mail gateways: "[009] Mail maximum size exceeded sending to:", "[004] ... Mail item was not delivered to:".
  {
    key: 'msmail',
    re: new RegExp(
      `\\[0\\d\\d\\]${W}[^\\[\\]]{3,200}?(?:${phrase('was not delivered to')}|${phrase('sending to:')})`,
      'g',
    ),
    open: true,
    family: 'ms-mail',
  },
  // Parts that tell of a failed recipient wherever they are pasted, with no opener: a report only
  // when a recipient with a code comes with them (readCluster).
  {
    key: 'pf-said',
    re: new RegExp(`${ANGLED_ADDR}:${W}host${W}\\S{3,200}\\[[\\d.a-fA-F:]{3,45}\\]${W}said:`, 'g'),
    open: false,
    repeats: true,
  },
  // A Postfix recipient paragraph pasted without its report, in Postfix's own words (no server
  // reply to quote): "<addr>: Host or domain name not found. Name service error for ...".
  {
    key: 'pf-own',
    re: new RegExp(
      `${ANGLED_ADDR}:${W}(?:${[
        'Host or domain name not found',
        'unknown user:',
        'lost connection with',
        'delivery temporarily suspended:',
      ]
        .map(phrase)
        .join(
          '|',
        )}|connect${W}to${W}\\S{1,255}\\[|mail${W}for${W}\\S{1,255}${W}loops${W}back${W}to${W}myself|message${W}size${W}\\d{1,12}${W}exceeds${W}size${W}limit|conversation${W}with${W}\\S{1,255}${W}timed${W}out)`,
      'gi',
    ),
    open: false,
    family: 'postfix',
    repeats: true,
  },
  // Rows an administrator pastes from a log or a console rather than a report: Postfix's log line
  // ("to=<addr>, ... status=bounced (...)"), Exchange's message tracking ("EventId : FAIL"), a
  // mailing tool's activity row ("Bounced  addr  ...  550 5.1.1 ..."). Each names the recipient and
  // the server's reply itself.
  {
    key: 'log-postfix',
    // One "@", no ">" in the address, and line breaks allowed (a re-wrapped paste): each "to=<"
    // is tried once, at most 300 characters on.
    re: /to=<[^\s<>@]{1,120}@[^\s<>@]{1,120}>,[^]{0,300}?\bstatus=(?:bounced|deferred|expired)\b/g,
    open: true,
    family: 'postfix',
    repeats: true,
  },
  { key: 'log-tracking', re: /\bEventId\s{0,12}:\s{0,12}FAIL\b/g, open: true, family: 'exchange-2007+', repeats: true },
  // Only a part: a row is a report when the server's reply for its address follows (readCluster).
  {
    key: 'log-esp',
    re: /\b(?:Bounced|Hard bounce|Soft bounce|Bounce)\b[\s:|,-]{1,12}[^\s@<>]{1,120}@/gi,
    open: false,
    repeats: true,
  },
  // "Remote host said:" (qmail), "Remote server replied:" (hMailServer, Kerio), "Remote server
  // returned: 550 ..." (gateways' short notices): a part, with the server's reply after it.
  {
    key: 'remote-said',
    re: new RegExp(
      `Remote${W}(?:host|server)${W}(?:said|replied|responded|returned)${W.replace('{1,12}', '{0,12}')}:`,
      'gi',
    ),
    open: false,
    repeats: true,
    replyAlone: true,
  },
  { ...def('unable-to-deliver', 'unable to deliver to', false), repeats: true },
  def('dsn-auto', 'This is an automatically generated Delivery Status Notification', true, 'dsn'),
  failedDef('dsn-failed', 'Delivery to the following recipients failed', 'dsn'),
  // The same notification as Exchange 2000/2003 and IIS SMTP write it in the server's language.
  {
    key: 'dsn-intl',
    re: new RegExp(DSN_LEADS_INTL.map(phrase).join('|'), 'gi'),
    open: true,
    family: 'dsn',
  },
  {
    key: 'dsn-failed-intl',
    re: new RegExp(DSN_FAILED_INTL.map(phrase).join('|'), 'gi'),
    open: true,
    family: 'dsn',
    failed: true,
  },
  // A short notice several hosted mail systems send: "The following message to <addr> was
  // undeliverable. The reason for the problem: 5.1.1 - Bad destination ..." (extract.ts reads it).
  {
    key: 'undeliverable-to',
    re: new RegExp(`The${W}following${W}message${W}to${W}${ANGLED_ADDR}${W}was${W}undeliverable`, 'gi'),
    open: true,
    family: 'dsn',
    failed: true,
  },
  // An SMTP transcript's "--> RCPT TO:<addr>" (MDaemon, hMailServer's logs) or ">>> RCPT To:<addr>"
  // (Sendmail) pasted without the report's lines: a part, a report with the server's refusal after it.
  {
    key: 'smtp-rcpt',
    re: new RegExp(`(?:-->|>>>)[ \t]{0,4}RCPT${W}TO:[ \t]{0,4}${ANGLED_ADDR}`, 'gi'),
    open: false,
    repeats: true,
    needsCode: true,
  },
  // Gateways' and clients' own opening line ("Your message couldn't be delivered to the following
  // recipient:"): no mail system of its own, so a report only with a recipient and a code (readCluster).
  {
    key: 'following-lead',
    re: new RegExp(
      `(?:couldn['’]t|could${W}not|can['’]t|cannot)${W}be${W}delivered${W}to${W}the${W}following${W}${RECIPIENTS}`,
      'gi',
    ),
    open: true,
    failed: true,
  },
  def('dsn-reporting', 'Reporting-MTA:', false, 'dsn'),
  { ...def('dsn-final', 'Final-Recipient:', false, 'dsn'), repeats: true },
];

/** One regex for all anchors: a cheap test of whether a text can hold a bounce at all. */
export const ANY_ANCHOR = new RegExp(ANCHORS.map((a) => `(?:${a.re.source})`).join('|'), 'gi');
