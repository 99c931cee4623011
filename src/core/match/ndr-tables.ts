/**
 * Hand-written facts about non-delivery reports: what a status code, an Exchange diagnostic code or
 * an X.400 reason means, as a small set of classes a help-desk agent can act on.
 */

export type NdrClass =
  | 'unknown-recipient'
  | 'ambiguous-recipient'
  | 'mailbox-full'
  | 'mailbox-disabled'
  | 'mailbox-moved'
  | 'address-error'
  | 'host-unknown'
  | 'communication-failure'
  | 'network-error'
  | 'message-too-large'
  | 'too-many-recipients'
  | 'relay-denied'
  | 'access-denied'
  | 'expired'
  | 'loop'
  | 'content-error'
  | 'protocol-error'
  | 'system-error'
  | 'system-full'
  | 'routing-error';

/**
 * RFC 3463 enhanced status codes, keyed "subject.detail" (the class digit 4/5 only says transient
 * or permanent). X.7.1 is "delivery not authorized"; Exchange sends it for relaying refused, which
 * the scanner tells apart by the words after the code.
 */
export const ENHANCED_STATUS: Readonly<Record<string, NdrClass>> = {
  '1.0': 'address-error',
  '1.1': 'unknown-recipient', // Bad destination mailbox address
  '1.2': 'host-unknown', // Bad destination system address
  '1.3': 'address-error', // Bad destination mailbox address syntax
  '1.4': 'ambiguous-recipient', // Destination mailbox address ambiguous
  '1.6': 'mailbox-moved', // Destination mailbox has moved
  '1.7': 'address-error', // Bad sender's mailbox address syntax
  '1.8': 'address-error', // Bad sender's system address
  '2.0': 'mailbox-disabled',
  '2.1': 'mailbox-disabled', // Mailbox disabled, not accepting messages
  '2.2': 'mailbox-full', // Mailbox full
  '2.3': 'message-too-large', // Message length exceeds administrative limit
  '2.4': 'system-error', // Mailing list expansion problem
  '3.0': 'system-error',
  '3.1': 'system-full', // Mail system full
  '3.2': 'system-error', // System not accepting network messages
  '3.3': 'content-error', // System not capable of selected features
  '3.4': 'message-too-large', // Message too big for system
  '3.5': 'system-error', // System incorrectly configured
  '4.0': 'network-error',
  '4.1': 'communication-failure', // No answer from host
  '4.2': 'communication-failure', // Bad connection
  '4.3': 'network-error', // Directory server failure
  '4.4': 'host-unknown', // Unable to route
  '4.5': 'network-error', // Mail system congestion
  '4.6': 'loop', // Routing loop detected
  '4.7': 'expired', // Delivery time expired
  '5.0': 'protocol-error',
  '5.1': 'protocol-error', // Invalid command
  '5.2': 'protocol-error', // Syntax error
  '5.3': 'too-many-recipients', // Too many recipients
  '5.4': 'protocol-error', // Invalid command arguments
  '5.5': 'protocol-error', // Wrong protocol version
  '6.0': 'content-error',
  '6.1': 'content-error', // Media not supported
  '6.2': 'content-error', // Conversion required and prohibited
  '6.3': 'content-error', // Conversion required but not supported
  '6.4': 'content-error', // Conversion with loss performed
  '6.5': 'content-error', // Conversion failed
  '7.0': 'access-denied',
  '7.1': 'access-denied', // Delivery not authorized, message refused
  '7.2': 'access-denied', // Mailing list expansion prohibited
  '7.3': 'access-denied', // Security conversion required but not possible
  '7.4': 'access-denied', // Security features not supported
  '7.5': 'access-denied', // Cryptographic failure
  '7.6': 'access-denied', // Cryptographic algorithm not supported
  '7.7': 'access-denied', // Message integrity failure
};

/**
 * X.411 (MTS abstract service) NonDeliveryReasonCode values, by number; Exchange 4.0-5.5 NDRs
 * print them as "Reason: 1" or by name ("reason code unable-to-transfer").
 */
export const X400_REASONS: readonly (readonly [string, NdrClass])[] = [
  ['transfer-failure', 'communication-failure'],
  ['unable-to-transfer', 'communication-failure'],
  ['conversion-not-performed', 'content-error'],
  ['physical-rendition-not-performed', 'system-error'],
  ['physical-delivery-not-performed', 'system-error'],
  ['restricted-delivery', 'access-denied'],
  ['directory-operation-unsuccessful', 'unknown-recipient'],
  ['deferred-delivery-not-performed', 'system-error'],
  ['transfer-failure-for-security-reason', 'access-denied'],
];

/** X.411 NonDeliveryDiagnosticCode values 0-30, by number ("Diagnostic: 5", "diagnostic code content-syntax-error"). */
export const X400_DIAGNOSTICS: readonly (readonly [string, NdrClass])[] = [
  ['unrecognised-or-name', 'unknown-recipient'],
  ['ambiguous-or-name', 'ambiguous-recipient'],
  ['mts-congestion', 'network-error'],
  ['loop-detected', 'loop'],
  ['recipient-unavailable', 'mailbox-disabled'],
  ['maximum-time-expired', 'expired'],
  ['encoded-information-types-unsupported', 'content-error'],
  ['content-too-long', 'message-too-large'],
  ['conversion-impractical', 'content-error'],
  ['implicit-conversion-prohibited', 'content-error'],
  ['implicit-conversion-not-subscribed', 'content-error'],
  ['invalid-arguments', 'protocol-error'],
  ['content-syntax-error', 'content-error'],
  ['size-constraint-violation', 'message-too-large'],
  ['protocol-violation', 'protocol-error'],
  ['content-type-not-supported', 'content-error'],
  ['too-many-recipients', 'too-many-recipients'],
  ['no-bilateral-agreement', 'access-denied'],
  ['unsupported-critical-function', 'content-error'],
  ['conversion-with-loss-prohibited', 'content-error'],
  ['line-too-long', 'content-error'],
  ['page-split', 'content-error'],
  ['pictorial-symbol-loss', 'content-error'],
  ['punctuation-symbol-loss', 'content-error'],
  ['alphabetic-character-loss', 'content-error'],
  ['multiple-information-loss', 'content-error'],
  ['recipient-reassignment-prohibited', 'access-denied'],
  ['redirection-loop-detected', 'loop'],
  ['dl-expansion-prohibited', 'access-denied'],
  ['no-dl-submit-permission', 'access-denied'],
  ['dl-expansion-failure', 'system-error'],
];

/** X.400 code names are printed with either spelling of "unrecognised" and in any case. */
export function x400Index(table: readonly (readonly [string, NdrClass])[], name: string): number {
  const n = name.toLowerCase().replace('unrecognized', 'unrecognised');
  return table.findIndex(([k]) => k === n);
}

/**
 * Exchange 5.5/2000/2003 diagnostic codes in "MSEXCH:IMS:Org:Site:Server 0 (000C05A6) Unknown
 * Recipient" lines. Same facts as sisimai's Exchange2003 table (anchors.md §1.3).
 */
export const MSEXCH_CODES: Readonly<Record<string, NdrClass>> = {
  '000c05a6': 'unknown-recipient', // Unknown Recipient
  '000c0595': 'ambiguous-recipient', // Ambiguous Recipient
  '00120270': 'loop', // Too Many Hops
  '00050311': 'content-error', // Conversion to Internet format failed
  '000502cc': 'content-error', // Conversion to Internet format failed
  '000b0981': 'access-denied', // 502 Server does not support AUTH
  '00010256': 'too-many-recipients', // Too many recipients
  '000d06b5': 'routing-error', // No proxy for recipient
};

/**
 * Exchange 2007 and later status components ("#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##"),
 * lower case. From Microsoft's "Non-delivery reports in Exchange Server" documentation.
 */
export const EXCHANGE_STATUS_CODES: Readonly<Record<string, NdrClass>> = {
  'resolver.adr.recipnotfound': 'unknown-recipient',
  'resolver.adr.exrecipnotfound': 'unknown-recipient',
  'resolver.adr.badprimary': 'address-error',
  'resolver.adr.reciplimit': 'too-many-recipients',
  'resolver.adr.ambiguous': 'ambiguous-recipient',
  'resolver.rst.recipsizelimit': 'message-too-large',
  'resolver.rst.sendsizelimit': 'message-too-large',
  'resolver.rst.notauthorized': 'access-denied',
  'resolver.rst.authrequired': 'access-denied',
  'resolver.rst.dlneedssenderrestrictions': 'access-denied',
  'resolver.rst.recipientquota': 'mailbox-full',
  'queue.expired': 'expired',
  'smtpsend.dns.nonexistentdomain': 'host-unknown',
  'smtpsend.dns.mxloopback': 'loop',
  'smtpsend.relayacl': 'relay-denied',
  'routing.nonexthop': 'routing-error',
  'storedrv.deliver.exception': 'system-error',
  'storedrv.submit.exception': 'system-error',
};

/**
 * Reason lines Exchange and other MTAs print, classified. They are searched like article
 * messages, so the articles that quote them come along.
 */
export const NDR_PHRASES: readonly (readonly [string, NdrClass])[] = [
  // Exchange 4.0-5.5
  ['The recipient name is not recognized', 'unknown-recipient'],
  ['Unable to deliver the message due to a communications failure', 'communication-failure'],
  ['The originator does not have permission to submit message', 'access-denied'],
  ['No transport provider was available for delivery to this recipient', 'routing-error'],
  ['The recipient has been deleted', 'unknown-recipient'],
  ["The message could not be delivered because the recipient's mailbox is full", 'mailbox-full'],
  ["The recipient's mailbox is full", 'mailbox-full'],
  ['Unknown Recipient', 'unknown-recipient'],
  ['Too Many Hops', 'loop'],
  ['Conversion to Internet format failed', 'content-error'],
  // Exchange 2000/2003
  ['The e-mail account does not exist at the organization this message was sent to', 'unknown-recipient'],
  ['Could not deliver the message in the time limit specified', 'expired'],
  ["The message reached the recipient's e-mail system, but delivery was refused", 'access-denied'],
  ['You do not have permission to send to this recipient', 'access-denied'],
  ['The destination server for this recipient could not be found in Domain Name Service (DNS)', 'host-unknown'],
  ['caused the message to bounce between two servers', 'loop'],
  ['The message was too large for the destination server', 'message-too-large'],
  ['The message exceeds the maximum message size', 'message-too-large'],
  // Exchange 2007 and later
  ["The e-mail address you entered couldn't be found", 'unknown-recipient'],
  ["The email address you entered couldn't be found", 'unknown-recipient'],
  ["The recipient's mailbox is full and can't accept messages now", 'mailbox-full'],
  ["Your message wasn't delivered because the recipient's email provider rejected it", 'access-denied'],
  // Generic MTAs
  ['Relaying prohibited', 'relay-denied'],
  ['Relaying denied', 'relay-denied'],
  ['Relay access denied', 'relay-denied'],
  ['Unable to relay for', 'relay-denied'],
  ['User unknown in local recipient table', 'unknown-recipient'],
  ['Mailbox unavailable', 'mailbox-disabled'],
  ['Host or domain name not found', 'host-unknown'],
  ['Message size exceeds fixed maximum message size', 'message-too-large'],
];

/**
 * Envelope text every NDR carries: it says "this is an NDR", never which problem, so it is not
 * evidence for any article (corpus-notes §11.1: 89 articles quote the first two).
 */
export const NDR_BOILERPLATE: readonly string[] = [
  'Your message did not reach some or all of the intended recipients',
  'The following recipient(s) could not be reached',
  'did not reach the following recipient(s)',
  'Delivery has failed to these recipients or groups',
  'Diagnostic information for administrators',
  'Generating server',
  'Original message headers',
  'This is an automatically generated Delivery Status Notification',
  'Delivery to the following recipients failed',
  'Delivery to the following recipient failed permanently',
  'The e-mail system was unable to deliver the message',
  'Please retry or contact your administrator',
  // An Exchange MTA's NDR event (290) around its reason and diagnostic codes.
  'It was originally destined for',
  'and was to be redirected to',
  'recipient number',
  'contact your system administrator',
  'Undeliverable',
  'Non-delivery report',
  'Subject',
  'Sent',
  'To',
  'From',
  'Cc',
  'Date',
  'on',
];

/** Keyword rules that classify an article's NDR text; first hit wins. */
export const CLASS_KEYWORDS: readonly (readonly [RegExp, NdrClass])[] = [
  [/\brelay/i, 'relay-denied'],
  [
    /not recogni[sz]ed|unknown recipient|recipnotfound|does not exist|couldn't be found|user unknown|no such user/i,
    'unknown-recipient',
  ],
  [/ambiguous/i, 'ambiguous-recipient'],
  [/mailbox is full|quota|storage allocation/i, 'mailbox-full'],
  [/too large|size limit|exceeds the maximum|maximum (?:message )?size/i, 'message-too-large'],
  [/communications? failure|unable to transfer|connection (?:was )?(?:refused|lost|failed)/i, 'communication-failure'],
  [/\bhops?\b|\bloop/i, 'loop'],
  [/expired|time limit/i, 'expired'],
  [/permission|not authori[sz]ed|access denied|not allowed/i, 'access-denied'],
  [/host unknown|\bdns\b|domain name|could not be found in/i, 'host-unknown'],
  [/conversion|content|format failed/i, 'content-error'],
];

export function classifyText(text: string): NdrClass | undefined {
  for (const [re, cls] of CLASS_KEYWORDS) if (re.test(text)) return cls;
  return undefined;
}
