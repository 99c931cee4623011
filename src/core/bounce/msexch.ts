/**
 * Exchange 4.0-5.5 connector codes: "MSEXCH:IMS:ORG:SITE:SERVER 0 (000C05A6) Unknown Recipient".
 * The code is the connector's own class of the failure; the words after it are the code's name or,
 * for a refusal by the remote server, that server's reply ("550 mail.example.net => We do not
 * relay"). The Internet Mail Service files every 550 reply under 000C05A6 "Unknown Recipient", so
 * a cause the words name wins over the code; the code decides when the words name none.
 */
import { reasonFromText } from './classify';
import { MSEXCH_CODES, type NdrClass } from '../match/ndr-tables';
import type { Reason } from './types';

/**
 * sisimai's reason for each class the connector codes have (the codes and their classes are
 * ndr-tables.ts's MSEXCH_CODES). 000B099C, 000B09AA and 000B09B6 carry the remote reply and are
 * read by their words. "No proxy for recipient" (routing-error) is the sending site's own gap: systemerror.
 */
const REASON_OF: Readonly<Partial<Record<NdrClass, Reason>>> = {
  'unknown-recipient': 'userunknown',
  'ambiguous-recipient': 'filtered',
  loop: 'networkerror',
  'content-error': 'contenterror',
  'access-denied': 'securityerror',
  'too-many-recipients': 'exceedlimit',
  'routing-error': 'systemerror',
};

function codeReason(code: string): Reason | undefined {
  const cls = MSEXCH_CODES[code.toLowerCase()];
  return cls ? REASON_OF[cls] : undefined;
}

const CODE_AND_WORDS = /\(([0-9A-Fa-f]{8})\)\s?(.*)$/s;

/** The reason an Exchange connector code and the words after it give, or undefined when the diagnostic has no such code. */
export function msexchReason(diagnostic: string | undefined): Reason | undefined {
  const m = diagnostic ? CODE_AND_WORDS.exec(diagnostic) : null;
  if (!m) return undefined;
  const words = m[2]!.trim() ? reasonFromText(m[2]!) : undefined;
  return words ?? codeReason(m[1]!);
}
