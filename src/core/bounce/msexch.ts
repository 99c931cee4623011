/**
 * Exchange 4.0-5.5 connector codes: "MSEXCH:IMS:ORG:SITE:SERVER 0 (000C05A6) Unknown Recipient".
 * The code is the connector's own class of the failure; the words after it are the code's name or,
 * for a refusal by the remote server, that server's reply ("550 mail.example.net => We do not
 * relay"). The Internet Mail Service files every 550 reply under 000C05A6 "Unknown Recipient", so
 * a cause the words name wins over the code; the code decides when the words name none.
 */
import { reasonFromText } from './classify';
import type { Reason } from './types';

/** The codes with one meaning (Exchange's names for them); 000B099C, 000B09AA and 000B09B6 carry the remote reply and are read by their words. */
const CODES: Readonly<Record<string, Reason>> = {
  '000c05a6': 'userunknown', // Unknown Recipient
  '000c0595': 'filtered', // Ambiguous Recipient
  '00120270': 'networkerror', // Too Many Hops
  '00050311': 'contenterror', // Conversion to Internet format failed
  '000502cc': 'contenterror', // Conversion to Internet format failed
  '000b0981': 'securityerror', // 502 Server does not support AUTH
  '00010256': 'exceedlimit', // Too many recipients
  '000d06b5': 'systemerror', // No proxy for recipient: the sending site has no address of that type for it
};

const CODE_AND_WORDS = /\(([0-9A-Fa-f]{8})\)\s?(.*)$/s;

/** The reason an Exchange connector code and the words after it give, or undefined when the diagnostic has no such code. */
export function msexchReason(diagnostic: string | undefined): Reason | undefined {
  const m = diagnostic ? CODE_AND_WORDS.exec(diagnostic) : null;
  if (!m) return undefined;
  const words = m[2]!.trim() ? reasonFromText(m[2]!) : undefined;
  return words ?? CODES[m[1]!.toLowerCase()];
}
