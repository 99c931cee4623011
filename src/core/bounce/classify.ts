/**
 * Which reason class a failed recipient belongs to, from its enhanced status code, its SMTP reply
 * code and the server's words together. Order of evidence:
 *   1. status codes that name one cause on their own (RFC 7372's authentication codes, RFC 7505's
 *      null MX, Exchange Online's banned-IP and expiry ranges);
 *   2. the diagnostic text, which refines a generic code (5.7.1 may be a relay denial, a block
 *      list, a spam verdict or a restricted group);
 *   3. the code's subject and detail (RFC 3463);
 *   4. the reply code alone.
 * Every table here is written from the RFCs and the vendors' public NDR code lists.
 */
import type { Reason } from './types';

/**
 * Domino's "Unable to open mail file ...: File does not exist": the recipient is known but the
 * server cannot open their mailbox's file (a systemerror, with its own step in explanations.ts).
 */
export const MAIL_FILE_UNOPENED =
  /(?:unable to|cannot|can'?t|could not) open (?:the )?(?:recipient'?s? )?mail ?(?:file|box database)/i;

export interface ClassifyInput {
  status?: string;
  replyCode?: string;
  diagnostic?: string;
  /** DSN "Action:" value, where given. */
  action?: string;
  /** The report's own sentence for the sender (Exchange's, Gmail's): read after the server's words. */
  human?: string;
}

/** Codes that say the cause by themselves, whatever the text. Keys: "class.subject.detail" or "subject.detail". */
function specificCode(status: string): Reason | undefined {
  const [cls, subject, detailText] = status.split('.');
  const detail = Number(detailText);
  const sd = `${subject}.${detailText}`;
  if (subject === '7') {
    // Exchange Online: 5.7.606-5.7.649 "Access denied, banned sending IP".
    if (detail >= 606 && detail <= 649) return 'blocked';
    // Exchange Online: 5.7.700-5.7.750, the sending tenant or its unregistered domains are blocked.
    if (detail >= 700 && detail <= 750) return 'blocked';
    // Exchange Online: 5.7.501-5.7.503, the message was judged spam.
    if (detail >= 501 && detail <= 503) return 'spamdetected';
    // RFC 7372: DKIM and SPF results (x.7.20-x.7.24), several checks failed (x.7.26).
    if ((detail >= 20 && detail <= 24) || detail === 26) return 'authfailure';
    if (detail === 25) return 'requireptr'; // RFC 7372: reverse DNS validation failed
    if (detail === 27) return 'notaccept'; // RFC 7505: the sender's domain has a null MX
    if (detail === 13) return 'suspend'; // RFC 3463 registry: user account disabled
    if (detail === 57) return 'securityerror'; // Exchange Online: anonymous client may not send
    if (detail === 64) return 'norelaying'; // Exchange Online: TenantAttribution, relay denied
    if (detail === 12 || detail === 124 || (detail >= 133 && detail <= 136)) return 'rejected'; // restricted groups and mailboxes
  }
  if (subject === '4') {
    // Exchange Online 5.4.300-5.4.399 (and 4.4.3xx): expiry and DNS failures while routing out.
    if (detail === 310 || detail === 311) return 'hostunknown';
    if (detail === 312) return 'networkerror';
    if (detail >= 300 && detail <= 399) return 'expired';
    if (sd === '4.7') return 'expired'; // 4.4.7 / 5.4.7: delivery time expired
    if (detail === 6 || detail === 14) return 'networkerror'; // routing loop, hop count exceeded
  }
  if (subject === '2' && (detail === 121 || detail === 122)) return 'toomanyconn'; // per-hour receive limits
  if (cls === '2') return 'delivered';
  return undefined;
}

/** Phrases that name a cause, most specific first. */
const TEXT_RULES: readonly (readonly [RegExp, Reason])[] = [
  [/\bvirus|malware|infected|trojan/i, 'virusdetected'],
  [
    /unusual rate of unsolicited|(?:low|poor|bad) (?:\w+ )?reputation|reputation (?:is |was )?(?:too )?(?:low|poor|bad)|reputation of (?:the )?sending/i,
    'badreputation',
  ],
  [/\bspam\b|unsolicited|junk mail|bulk mail|likely suspicious|content(?:-based)? filter|\bUCE\b/i, 'spamdetected'],
  [
    /relay(?:ing)?(?: access| mail)?(?: (?:to|for) \S{1,254})? (?:is )?(?:denied|prohibited|rejected|refused|not (?:permitted|allowed))|unable to relay|not permitted to relay|(?:we|I) do not relay|RelayACL|relaying denied|not allowed to relay|use (?:me|us|this (?:server|host)) (?:\[[^\]\n]{1,100}\] )?as a relay|(?:isn'?t|is not) in my list of allowed rcpthosts/i,
    'norelaying',
  ],
  [
    /reverse (?:dns|lookup|hostname)|\bPTR\b|\brDNS\b|cannot find your hostname|client host rejected: cannot find your/i,
    'requireptr',
  ],
  [
    /\bSPF\b|sender policy framework|\bDMARC\b|\bDKIM\b|unauthenticated (?:e-?mail|sender|mail)|sender is unauthenticated|failed (?:sender )?authentication checks/i,
    'authfailure',
  ],
  // The sender's address on the recipient's own list of blocked senders (Exchange's, a gateway's
  // "Blocked Senders" policy): said before the IP block lists, whose words ("block list") it shares.
  [
    /blocked senders?\b|sender (?:address )?(?:is )?(?:on|in) (?:the |a )?(?:recipient'?s? )?block(?:ed)?[ -]?(?:senders? )?list/i,
    'rejected',
  ],
  [
    // "All messages from 192.0.2.1 will be permanently deferred" ("... temporarily deferred due to
    // unexpected volume"): the sending IP is refused, whatever the code.
    // Greylisting defers a sending IP it has not seen before, until it retries.
    /messages from \[?\d{1,3}(?:\.\d{1,3}){3}\]? (?:will be |are |have been )?(?:permanently |temporarily )?(?:deferred|rejected|refused|blocked|not accepted)|blocked using|(?<!not )listed (?:at|on|in|by) (?!(?:the )?(?:Domino|Name|address book|public))|black ?list|block ?list|\bRBLs?\b|\bDNSBLs?\b|spamhaus|spamcop|barracuda|banned sending IP|client host \S* ?blocked|IP (?:address )?(?:is )?(?:blocked|banned|listed)|has been blocked|client host rejected: access denied|greylist(?:ed|ing)?\b|will not accept delivery of (?:this|your) message|\((?:RLY|RTR|CON|HVU|IPTS|DYN):[A-Z]{1,2}\d?\)|@[^\s:()]{1,200}:blocked\)|\b[45]\.7\.\d{1,3}['"]?\s(?:-\s)?blocked\b(?!\s(?:by|due|because|for)\b)/i,
    'blocked',
  ],
  [
    /too many (?:connections|concurrent|sessions)|connection rate|rate limit|rate-limit|throttl|receive limit|sending limit|too many messages|max(?:imum)? (?:number of )?(?:e-?mails|messages|recipients) per (?:hour|day|minute)/i,
    'toomanyconn',
  ],
  [/null MX/i, 'notaccept'],
  [/insufficient system storage|system (?:is )?full|disk (?:is )?full|out of disk|no space left/i, 'systemfull'],
  // An outbound policy of the sender's own organisation (Exchange Online 5.7.520): said before "access denied".
  [
    /(?:does not|doesn'?t) allow (?:external |automatic |auto-)?forwarding|forwarding (?:is )?(?:disabled|not allowed|blocked)/i,
    'policyviolation',
  ],
  // The sender's address or domain refused: said before any "does not exist" about it.
  [
    /sender address rejected|domain of sender address|sender (?:address |domain )?(?:denied|blocked|not allowed|unknown|rejected|does not exist)/i,
    'rejected',
  ],
  // The recipient is known but the server cannot open their mailbox's file (Domino's "Unable to open
  // mail file ...: File does not exist"): the server's administrators must act, not the sender.
  [MAIL_FILE_UNOPENED, 'systemerror'],
  // Exchange Online directory-based edge blocking rejects addresses it does not know with "Access denied".
  [/recipient address rejected: access denied/i, 'userunknown'],
  [
    /mailbox (?:is )?full|over ?quota|quota (?:exceeded|exceed)|exceed(?:ed|s)? (?:the |his |her |its )?(?:disk )?(?:storage|quota|mailbox)|out of storage|mail ?file is full|inbox is full|RecipientQuota|mailbox size limit|storage allocation|mailbox (?:has )?exceeded|(?:inode|blocks?) limit exceeded/i,
    'mailboxfull',
  ],
  [
    /(?:message|mail|e-?mail) (?:is |was )?too (?:large|big)|larger than the (?:current )?(?:system |size )?limit|size (?:limit|exceed)|exceeds? (?:the )?(?:fixed )?maximum (?:message )?size|message size|RecipSizeLimit|SendSizeLimit|content too long|content length of the message is too long|message length exceeds|too many recipients|RecipLimit/i,
    'exceedlimit',
  ],
  [
    /account (?:is |has been )?(?:disabled|suspended|inactive|deactivated|locked)|inactive (?:e-?mail address|mailbox|account|user)|mailbox (?:is |has been )?(?:disabled|inactive|suspended)|user (?:account )?(?:is )?disabled|is disabled|not accepting messages|no longer (?:active|accepting)|mailbox (?:is )?frozen/i,
    'suspend',
  ],
  [
    /user unknown|unknown user|no such (?:user|mailbox|recipient|address|person)|recipient (?:address )?(?:not found|unknown)|address (?:you entered )?(?:not found|couldn'?t be found|could not be found|doesn'?t exist|does not exist)|does ?n[o']t exist|not listed in (?:the )?(?:Domino Directory|public Name|Name & Address|address book)|im (?:Domino-Verzeichnis|(?:öffentlichen )?Namens- und Adressbuch) nicht aufgeführt|RecipNotFound|RecipientNotFound|mailbox (?:not found|unavailable)|invalid (?:recipient|mailbox)|not a valid (?:mailbox|recipient)|no mailbox here|unknown (?:local[- ]part|recipient|mailbox)|recipient name is not recognized|has been deleted|user not found|unknown address|addressee unknown|bad destination mailbox address|mailbox not available|address was not found|not our customer|was(?:n'?t| not) found at|(?:does ?n[o']t|does not) have an? \S{1,60} account|no such account|unrouteable address for this user|unknown or illegal alias|recipient postal address was (?:incorrect|not known)/i,
    'userunknown',
  ],
  [
    /host (?:or domain name )?not found|host unknown|unknown host|domain (?:not found|does not exist|name not found)|NXDOMAIN|no such domain|couldn'?t find any host|could not be found in (?:the )?(?:Domain Name Service|DNS)|NonExistentDomain|unrouteable (?:address|domain)|name service error|point to non-existent hosts|DNS domain \S+ does not exist|domain (?:is )?invalid|unknown domain|no MX or A record|name or service not known|no route found to domain|bad destination host|DNS hard error|(?:because the|(?:^|[.!?]\s)the) domain \S{1,255} couldn['’]?t be found|DNS server returned answer with no data/i,
    'hostunknown',
  ],
  [
    /retry time(?:out)? (?:exceeded|reached)|retry time not reached for any host.{0,160}?after a long failure period|message expired|expired|in the queue too long|could not be delivered for (?:\d+|too long)|time limit|not delivered within|delivery time/i,
    'expired',
  ],
  [
    /connection (?:was )?(?:refused|timed out|reset|lost|closed|dropped|failed)|dropped the connection|timed out|network (?:is )?unreachable|no route to host|(?:couldn'?t|unable to|could not|cannot) (?:connect|establish)|lost connection|communications? failure|routing loop|detected looping|too many hops|hop count|mail loop|loops back to myself|MX ?loop|name server timeout|DNS (?:query|lookup) (?:failed|error)|temporary DNS|unable to transfer|did not accept our requests to connect/i,
    'networkerror',
  ],
  // Exchange's recipient resolver refused the sender by the recipient's delivery restrictions
  // ("RESOLVER.RST.AuthRequired; authentication required"): not a TLS or SMTP AUTH matter.
  [/\bRESOLVER\.RST\./, 'rejected'],
  [
    /\bTLS\b|STARTTLS|encryption (?:is )?required|certificate|authentication (?:is )?required|must (?:be )?authenticat|not authenticated|SMTP AUTH|client was not authenticated|AuthRequired/i,
    'securityerror',
  ],
  [
    /ambiguous|filtered|rejected by (?:the )?(?:local |recipient'?s? )?(?:mail )?filter|cannot route mail to user|rejected by (?:the )?recipient|only accepts mail from|recipient (?:does not|doesn't) accept|refuses? to accept (?:your|this) message|message (?:was )?discarded/i,
    'filtered',
  ],
  [
    /sender (?:address )?rejected|sender (?:denied|blocked|not allowed|unknown)|domain of sender address|not authorized to send|do(?:es)? not have (?:create )?permissions?|restriction in the system prevented delivery|NotAuthorized|delivery not authorized|not authorized|access denied|originator does not have permission|restricted delivery|(?:weren'?t|not) recognized as a valid sender/i,
    'rejected',
  ],
  [
    /polic(?:y|ies)|prohibited (?:attachment|content|file)|executable|not allowed by|transport rule|mail flow rule/i,
    'policyviolation',
  ],
  [
    /mailer error|command (?:died|failed)|pipe to |program exited|exit (?:code|status)|local delivery failed|unknown mailer|procmail/i,
    'mailererror',
  ],
  [
    /header (?:syntax|error)|\bMIME\b|not RFC ?(?:5322|2822|822) compliant|bare ?(?:line ?feeds?|LFs?\b)|conversion|encoding|8-?bit|line too long|malformed|invalid (?:header|characters)|content (?:rejected|error)|format failed|content type that is not supported|could not be downgraded/i,
    'contenterror',
  ],
  [
    /syntax error|command (?:not recognized|unrecognized)|bad sequence of commands|unrecognized command/i,
    'syntaxerror',
  ],
  [
    /system error|internal (?:server )?error|temporary (?:local )?(?:problem|failure)|STOREDRV|server error|local error|processing error|try again later|service (?:not available|unavailable)|configuration problem|congestion in the message transfer service|required directory operation was unsuccessful|problem with the post ?office|several matches found in (?:the )?Domino Directory|does not specify a (?:valid )?(?:Notes )?mail ?file/i,
    'systemerror',
  ],
];

/** RFC 3463 subject.detail -> reason, for codes the text did not refine. */
const SUBJECT_DETAIL: Readonly<Record<string, Reason>> = {
  '1.0': 'userunknown',
  '1.1': 'userunknown',
  '1.2': 'hostunknown',
  '1.3': 'userunknown',
  '1.4': 'filtered',
  '1.5': 'delivered',
  '1.6': 'userunknown',
  '1.7': 'rejected',
  '1.8': 'rejected',
  '1.10': 'userunknown', // Exchange Online: recipient not found (RFC 7505 null MX when the text says so)
  '2.0': 'undefined',
  '2.1': 'suspend',
  '2.2': 'mailboxfull',
  '2.3': 'exceedlimit',
  '2.4': 'systemerror',
  '3.0': 'systemerror',
  '3.1': 'systemfull',
  '3.2': 'notaccept',
  '3.3': 'systemerror',
  '3.4': 'exceedlimit',
  '3.5': 'systemerror',
  '4.0': 'networkerror',
  '4.1': 'networkerror',
  '4.2': 'networkerror',
  '4.3': 'systemerror',
  '4.4': 'hostunknown',
  '4.5': 'networkerror',
  '4.6': 'networkerror',
  '4.7': 'expired',
  '5.0': 'syntaxerror',
  '5.1': 'syntaxerror',
  '5.2': 'syntaxerror',
  '5.3': 'exceedlimit',
  '5.4': 'syntaxerror',
  '5.5': 'syntaxerror',
  '6.0': 'contenterror',
  '6.1': 'contenterror',
  '6.2': 'contenterror',
  '6.3': 'contenterror',
  '6.4': 'contenterror',
  '6.5': 'contenterror',
  '7.0': 'securityerror',
  '7.1': 'rejected',
  '7.2': 'rejected',
  '7.3': 'securityerror',
  '7.4': 'securityerror',
  '7.5': 'securityerror',
  '7.6': 'securityerror',
  '7.7': 'securityerror',
  '7.8': 'securityerror',
  '7.9': 'securityerror',
  '7.10': 'securityerror',
  '7.11': 'securityerror',
};

/**
 * RFC 3463 subjects whose every detail names one kind of cause, for details no table here lists
 * (Exchange Online's 5.6.11, vendors' own x.3.x, x.4.x): media and content, mail system, network
 * and routing, protocol.
 */
const SUBJECT_ONLY: Readonly<Record<string, Reason>> = {
  '3': 'systemerror',
  '4': 'networkerror',
  '5': 'syntaxerror',
  '6': 'contenterror',
};

/** RFC 5321 reply codes, when nothing else is known. */
const REPLY: Readonly<Record<string, Reason>> = {
  '421': 'systemerror',
  '450': 'systemerror',
  '451': 'systemerror',
  '452': 'systemfull',
  '500': 'syntaxerror',
  '501': 'syntaxerror',
  '502': 'syntaxerror',
  '503': 'syntaxerror',
  '504': 'syntaxerror',
  '530': 'securityerror',
  '535': 'securityerror',
  '550': 'rejected',
  '551': 'userunknown',
  '552': 'mailboxfull',
  '553': 'userunknown',
  '554': 'rejected',
};

export function reasonFromText(text: string): Reason | undefined {
  for (const [re, reason] of TEXT_RULES) if (re.test(text)) return reason;
  return undefined;
}

/**
 * The text's cause, where its words name several: the one the status code's subject and detail
 * name too (Exchange 2000/2003 prints one sentence for 5.2.3, "larger than the current system
 * limit or the recipient's mailbox is full": the code says which), else the first.
 */
function reasonFromTextAndCode(text: string, byCode: Reason | undefined): Reason | undefined {
  let first: Reason | undefined;
  for (const [re, reason] of TEXT_RULES) {
    if (!re.test(text)) continue;
    if (!byCode || reason === byCode) return reason;
    first ??= reason;
  }
  return first;
}

export function reasonFromStatus(status: string): Reason | undefined {
  const specific = specificCode(status);
  if (specific) return specific;
  const [, subject, detail] = status.split('.');
  return SUBJECT_DETAIL[`${subject}.${detail}`] ?? SUBJECT_ONLY[subject!];
}

export function classify(input: ClassifyInput): Reason {
  const action = input.action?.toLowerCase();
  if (action === 'delivered' || action === 'relayed' || action === 'expanded') return 'delivered';
  const status = input.status;
  const specific = status ? specificCode(status) : undefined;
  if (specific) return specific;
  const [, subject, detail] = status ? status.split('.') : [];
  const fromCode = status ? (SUBJECT_DETAIL[`${subject}.${detail}`] ?? SUBJECT_ONLY[subject!]) : undefined;
  const byCode = fromCode && fromCode !== 'undefined' ? fromCode : undefined;
  // A catch-all code (x.y.0, 5.7.1 "delivery not authorized") cannot choose between causes the words name.
  const chooses = byCode && detail !== '0' && `${subject}.${detail}` !== '7.1' ? byCode : undefined;
  for (const words of [input.diagnostic, input.human]) {
    const text = words ? reasonFromTextAndCode(words, chooses) : undefined;
    if (text) return text;
  }
  if (byCode) return byCode;
  if (input.replyCode && REPLY[input.replyCode]) return REPLY[input.replyCode]!;
  return 'undefined';
}

/** Today's NDR classes (ndr-tables.ts) in the reason vocabulary: the fallback for a match with no words to read, and the eval's baseline. */
const FROM_NDR_CLASS: Readonly<Record<string, Reason>> = {
  'unknown-recipient': 'userunknown',
  'ambiguous-recipient': 'filtered',
  'mailbox-full': 'mailboxfull',
  'mailbox-disabled': 'suspend',
  'mailbox-moved': 'userunknown',
  'address-error': 'userunknown',
  'host-unknown': 'hostunknown',
  'communication-failure': 'networkerror',
  'network-error': 'networkerror',
  'message-too-large': 'exceedlimit',
  'too-many-recipients': 'exceedlimit',
  'relay-denied': 'norelaying',
  'access-denied': 'rejected',
  expired: 'expired',
  loop: 'networkerror',
  'content-error': 'contenterror',
  'protocol-error': 'syntaxerror',
  'system-error': 'systemerror',
  'system-full': 'systemfull',
  'routing-error': 'hostunknown',
};

export function reasonFromNdrClass(cls: string | undefined): Reason | undefined {
  return cls ? FROM_NDR_CLASS[cls] : undefined;
}
