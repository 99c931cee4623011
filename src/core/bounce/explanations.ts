/**
 * What each reason class means for the agent: what happened, who has to act, and the next step.
 * One table keyed by reason, written for this project in plain words.
 */
import { MAIL_FILE_UNOPENED } from './classify';
import type { Reason } from './types';

export type Actor = 'sender' | 'recipient-admin' | 'sender-admin' | 'nobody' | 'unknown';

export interface Explanation {
  /** Short name of the class, for a chip or a row. */
  label: string;
  /** What happened, in one sentence. */
  what: string;
  who: Actor;
  /** The next step, in one sentence. */
  next: string;
  /** Whether trying again later can succeed without anybody changing anything. */
  temporary: boolean;
}

export const ACTOR_LABEL: Readonly<Record<Actor, string>> = {
  sender: 'The sender',
  'recipient-admin': "The recipient's mail admin",
  'sender-admin': "The sender's mail admin",
  nobody: 'Nobody (temporary)',
  unknown: 'Unclear: read the diagnostic',
};

export const EXPLANATIONS: Readonly<Record<Reason, Explanation>> = {
  userunknown: {
    label: 'Unknown recipient',
    what: 'The receiving server has no mailbox with this address.',
    who: 'sender',
    next: 'Check the address for typos or an outdated entry (autocomplete cache, contact card) and send again to the correct one.',
    temporary: false,
  },
  mailboxfull: {
    label: 'Mailbox full',
    what: "The recipient's mailbox is over its size quota and refuses new mail.",
    who: 'recipient-admin',
    next: 'Ask the recipient (or their admin) to free space or raise the quota, then send again.',
    temporary: false,
  },
  exceedlimit: {
    label: 'Message too large or over a limit',
    what: 'The message is larger than a server on the way allows, or has more recipients than it accepts.',
    who: 'sender',
    next: 'Send smaller attachments (or a link instead), or split the recipient list, and send again.',
    temporary: false,
  },
  expired: {
    label: 'Delivery timed out',
    what: 'The sending server kept retrying but could not deliver before its retry time ran out.',
    who: 'sender-admin',
    next: "Check that the recipient's domain is reachable (MX records, firewall) from the sending server; if it is up again, resend.",
    temporary: true,
  },
  hostunknown: {
    label: 'Domain not found',
    what: "The recipient's domain does not exist in DNS or has no mail server.",
    who: 'sender',
    next: "Check the part after the @ for typos; if it is right, the recipient's domain owner must fix its DNS (MX records).",
    temporary: false,
  },
  networkerror: {
    label: 'Network or routing problem',
    what: "The sending server could not reach the recipient's server (refused or lost connection, DNS failure, or a mail loop).",
    who: 'nobody',
    next: "Usually temporary: wait and resend. If it repeats, the sender's admin checks the route and connectors to that domain.",
    temporary: true,
  },
  blocked: {
    label: 'Sending server blocked',
    what: "The recipient's server refused the sending server's IP address (block list or banned IP).",
    who: 'sender-admin',
    next: 'Find the list named in the diagnostic, fix the cause (compromised account, open relay) and request delisting.',
    temporary: false,
  },
  policyviolation: {
    label: 'Blocked by a policy',
    what: 'A mail flow rule or policy on the way refused the message (attachment type, content or destination).',
    who: 'sender',
    next: 'Remove what the policy objects to (e.g. the attachment type); if the message is legitimate, ask the admin who owns the policy.',
    temporary: false,
  },
  securityerror: {
    label: 'Security or authentication required',
    what: 'The server requires authentication or encryption that the sending client or server did not provide.',
    who: 'sender-admin',
    next: 'Check the sending client or connector: SMTP authentication, TLS and the credentials used.',
    temporary: false,
  },
  filtered: {
    label: 'Filtered by the recipient',
    what: "The recipient's system accepts mail only from certain senders, or could not resolve the recipient uniquely.",
    who: 'recipient-admin',
    next: 'Ask the recipient to allow the sender (or to give an unambiguous address).',
    temporary: false,
  },
  rejected: {
    label: 'Sender not allowed',
    what: 'The receiving side refused this sender: the sender is not permitted to send to this recipient or group.',
    who: 'recipient-admin',
    next: 'Ask the owner of the recipient group or mailbox to allow this sender (e.g. external or unauthenticated senders).',
    temporary: false,
  },
  norelaying: {
    label: 'Relaying denied',
    what: 'The server the message was handed to does not relay mail for this sender to that destination.',
    who: 'sender-admin',
    next: 'Check the sending client or connector: it must authenticate, or the server must allow relaying for this sender or IP.',
    temporary: false,
  },
  requireptr: {
    label: 'Missing reverse DNS (PTR)',
    what: "The sending server's IP address has no valid reverse DNS (PTR) record, so the recipient's server refused it.",
    who: 'sender-admin',
    next: "Have the sending IP's owner (ISP or hosting provider) publish a PTR record matching the server's name.",
    temporary: false,
  },
  toomanyconn: {
    label: 'Rate limited',
    what: 'The receiving server limits how many connections or messages it takes from this sender, and the limit was hit.',
    who: 'nobody',
    next: "Usually temporary: wait and resend. If it repeats, the sender's admin spreads out bulk sending.",
    temporary: true,
  },
  authfailure: {
    label: 'Sender authentication failed (SPF/DKIM/DMARC)',
    what: "The message failed the sender domain's SPF, DKIM or DMARC checks at the recipient's server.",
    who: 'sender-admin',
    next: "Fix the sender domain's SPF record (include every sending service), DKIM signing and DMARC policy, then resend.",
    temporary: false,
  },
  badreputation: {
    label: 'Poor sender reputation',
    what: "The recipient's server refused the message because of the sending IP's or domain's reputation.",
    who: 'sender-admin',
    next: "Check the sending IP and domain reputation, stop any unwanted bulk mail, and follow the provider's guidance in the diagnostic.",
    temporary: false,
  },
  contenterror: {
    label: 'Message format error',
    what: 'The message content or headers could not be processed or converted by a server on the way.',
    who: 'sender',
    next: "Resend in a simpler format (plain text or HTML without unusual encoding or attachments); if it repeats, the sender's admin checks the sending client.",
    temporary: false,
  },
  spamdetected: {
    label: 'Rejected as spam',
    what: "The recipient's spam filter judged the message to be spam.",
    who: 'sender',
    next: "Rewrite the message without spam-like content or links; if legitimate mail keeps failing, the sender's admin checks reputation and authentication.",
    temporary: false,
  },
  suspend: {
    label: 'Mailbox disabled',
    what: "The recipient's mailbox or account exists but is disabled or suspended.",
    who: 'sender',
    next: 'Contact the recipient another way, or use their current address.',
    temporary: false,
  },
  systemerror: {
    label: 'Server error',
    what: 'A server on the way had an internal or temporary error.',
    who: 'nobody',
    next: 'Wait and resend; if it repeats, the admin of the server named in the diagnostic checks it.',
    temporary: true,
  },
  systemfull: {
    label: 'Server out of storage',
    what: "The recipient's mail server has run out of storage.",
    who: 'recipient-admin',
    next: "Wait and resend; the recipient's admin must free space on the server.",
    temporary: true,
  },
  mailererror: {
    label: 'Delivery program failed',
    what: "The program that delivers mail on the recipient's server failed.",
    who: 'recipient-admin',
    next: "Tell the recipient's admin: their local delivery program returned an error.",
    temporary: false,
  },
  syntaxerror: {
    label: 'SMTP protocol error',
    what: 'The servers did not understand each other (an SMTP command or argument was refused).',
    who: 'sender-admin',
    next: "The sender's admin checks the sending server or device (firmware, connector settings) against the reply in the diagnostic.",
    temporary: false,
  },
  notaccept: {
    label: 'Domain does not accept mail',
    what: 'The domain says it receives no mail at all (a null MX record), or the server does not take mail from the network.',
    who: 'sender',
    next: 'Use another address for this recipient: this domain receives no mail.',
    temporary: false,
  },
  virusdetected: {
    label: 'Virus detected',
    what: 'A virus scanner on the way found malware in the message.',
    who: 'sender',
    next: "Scan the sender's computer and the attachment; send a clean copy.",
    temporary: false,
  },
  delivered: {
    label: 'Delivered',
    what: 'This notice reports a successful delivery, not a failure.',
    who: 'nobody',
    next: 'Nothing to do.',
    temporary: false,
  },
  undefined: {
    label: 'Unclassified failure',
    what: 'The delivery failed for a reason this text does not state clearly.',
    who: 'unknown',
    next: 'Read the diagnostic text and status code; the admin of the server that reported it can tell more from its logs.',
    temporary: false,
  },
};

/**
 * Causes inside a class that call for another step than the class's own. sisimai's vocabulary
 * files a mail loop under `networkerror`, whose step is "usually temporary: wait and resend"; a
 * loop never clears by waiting: someone must break it.
 */
const SITUATIONS: ReadonlyArray<{ reason: Reason; test: RegExp; explanation: Explanation }> = [
  {
    reason: 'networkerror',
    // RFC 3463 x.4.6 routing loop; Exchange Online's x.4.14 hop count; the servers' own words
    // ("loops back to myself", "is looping"): the word itself, not an address, host or interface
    // that begins with it (loopnet.example, loopback).
    test: /(?<![\d.])[45]\.4\.(?:6|14)(?![\d.])|\bloop(?:s|ed|ing)?\b(?![.@-]\w)|too many hops|hop count|bounce between two servers|forwarded between two recipients/i,
    explanation: {
      label: 'Mail loop',
      what: 'The message went round in circles (two servers, or forwarding rules, passing it back and forth) until a server stopped it.',
      who: 'sender-admin',
      next: "Waiting will not help: find the servers or forwards named in the diagnostic (an MX or connector pointing back, an address forwarding to itself) and break the loop; if they are the recipient domain's, tell its admin.",
      temporary: false,
    },
  },
  {
    reason: 'systemerror',
    // Domino's "Unable to open mail file ...: File does not exist": the person is in the directory
    // but their mailbox's file is missing or unreadable; waiting does not bring it back.
    test: MAIL_FILE_UNOPENED,
    explanation: {
      label: "Recipient's mailbox file missing",
      what: 'The recipient is known to their mail system, but the server could not open the file that holds their mailbox.',
      who: 'recipient-admin',
      next: "Tell the recipient's admin: the mail file named in the diagnostic is missing, moved or not accessible to the server (check the person document's mail file path and the file's access list).",
      temporary: false,
    },
  },
  {
    reason: 'toomanyconn',
    // A hosting account's own hourly cap ("Domain x has exceeded the max emails per hour ... Message
    // discarded"): the sender's server stopped the message, not the recipient's.
    test: /has exceeded the max(?:imum)? (?:number of )?(?:e-?mails|messages)|max(?:imum)? (?:number of )?(?:e-?mails|messages) per (?:hour|day)/i,
    explanation: {
      label: "Sender's sending limit reached",
      what: "The sender's own mail server (often a hosting account) caps how many messages it sends per hour or day, and this message went over the cap and was dropped.",
      who: 'sender',
      next: 'Resend the failed messages after the hour (or day) has passed; for regular bulk mail, ask the host to raise the cap or use a mailing service.',
      temporary: true,
    },
  },
  {
    reason: 'blocked',
    // Greylisting refuses a sending IP it has not seen before, once: the sending server's own retry
    // gets through, so no list is involved and nobody needs to ask for a delisting.
    test: /greylist/i,
    explanation: {
      label: 'Greylisted (temporary)',
      what: "The recipient's server refuses a sender it has not seen before once, and accepts the sending server's retry a few minutes later.",
      who: 'nobody',
      next: "Wait: the sending server retries on its own. Only if the message still fails after an hour, the sender's admin checks that the server retries from the same IP address.",
      temporary: true,
    },
  },
  {
    reason: 'blocked',
    // Exchange Online 5.7.700-5.7.750: Microsoft blocks the sending tenant itself (unregistered
    // domains, traffic from a high-risk IP pool), no public block list is involved.
    test: /(?<![\d.])5\.7\.7(?:[0-4]\d|50)(?![\d])|unregistered domains?|tenant has exceeded/i,
    explanation: {
      label: 'Sending tenant blocked by Microsoft',
      what: "Microsoft 365 refused to send for the sender's tenant: it sends from domains the tenant has not registered, or its traffic looked abusive.",
      who: 'sender-admin',
      next: "The sender's Microsoft 365 admin adds and verifies every sending domain as an accepted domain, checks for compromised accounts, then asks Microsoft support to lift the block.",
      temporary: false,
    },
  },
];

/**
 * What a reason means for the agent. `detail` (the status code and the server's words, or the
 * highlighted text) picks a more precise explanation where a class holds causes with other steps.
 */
export function explainReason(reason: string | undefined, detail?: string): Explanation | null {
  if (!reason || !Object.prototype.hasOwnProperty.call(EXPLANATIONS, reason)) return null;
  if (detail) for (const s of SITUATIONS) if (s.reason === reason && s.test.test(detail)) return s.explanation;
  return EXPLANATIONS[reason as Reason];
}
