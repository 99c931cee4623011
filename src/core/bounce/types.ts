/** A bounce (non-delivery report) read as a whole: who failed, why, and who reported it. */

/** sisimai's reason vocabulary, so a result can be compared with the reference classifier. */
export const REASONS = [
  'userunknown',
  'mailboxfull',
  'exceedlimit',
  'expired',
  'hostunknown',
  'networkerror',
  'blocked',
  'policyviolation',
  'securityerror',
  'filtered',
  'rejected',
  'norelaying',
  'requireptr',
  'toomanyconn',
  'authfailure',
  'badreputation',
  'contenterror',
  'spamdetected',
  'suspend',
  'systemerror',
  'systemfull',
  'mailererror',
  'syntaxerror',
  'notaccept',
  'virusdetected',
  'delivered',
  'undefined',
] as const;
export type Reason = (typeof REASONS)[number];

/** The mail system that wrote the bounce. */
export type Generation =
  | 'exchange-5.5'
  | 'exchange-2003'
  | 'exchange-2007+'
  | 'exchange-online'
  | 'postfix'
  | 'sendmail'
  | 'exim'
  | 'qmail'
  | 'domino'
  | 'gmail'
  | 'amazon-ses'
  | 'groupwise'
  | 'courier'
  | 'ms-mail'
  | 'mdaemon'
  | 'yahoo'
  | 'dsn';

/** One failed recipient. Fields the text does not give are absent, never guessed. */
export interface BounceRecipient {
  address?: string;
  /** Enhanced status code (RFC 3463), e.g. "5.1.1", "5.7.606", "4.4.7". */
  status?: string;
  /** SMTP reply code, e.g. "550". */
  replyCode?: string;
  reason: Reason;
  /** The server's own words about this recipient. */
  diagnostic?: string;
  remoteMta?: string;
  /** When the failure was reported, as printed. */
  date?: string;
  /**
   * A delay notice, not a failure: the server still retries (DSN "Action: delayed", "Delivery is
   * delayed to these recipients", "THIS IS A WARNING MESSAGE ONLY"). The reason is why it waits.
   */
  delayed?: true;
}

export interface Bounce {
  /** Offsets into the ticket text. */
  start: number;
  end: number;
  recipients: BounceRecipient[];
  reportingMta?: string;
  generation: Generation;
}
