/**
 * Microsoft Mail 3.x gateways and the Exchange MS Mail Connector print a bracketed code before
 * their sentence: "[009] Mail maximum size exceeded sending to: NET/PO/MAILBOX", "[004] Message
 * circular route detected. Mail item was not delivered to: NET/PO/MAILBOX". The code names the
 * cause; the table is written from the codes' sentences as the archive's articles quote them.
 */
import type { Reason } from './types';

const MSMAIL_CODES: Readonly<Record<string, Reason>> = {
  '002': 'userunknown', // Mail was received that was addressed to unknown address(es)
  '003': 'networkerror', // Message hop count exceeded
  '004': 'networkerror', // Message circular route detected
  '005': 'expired', // Mail retry count exceeded sending to ...
  '007': 'userunknown', // Message addressed to group that no longer exists
  '008': 'systemerror', // Failure delivering (user) mail due to mailbag contention
  '009': 'exceedlimit', // Mail maximum size exceeded sending to ...
  '012': 'contenterror', // This corrupt message cannot be delivered
  '016': 'systemerror', // Message was not sent due to missing message file
  '017': 'systemfull', // Unable to deliver user mail due to a full mailbag
  '018': 'contenterror', // Message was not sent due to missing attachment
  '021': 'systemerror', // Message was not delivered due to missing routing file
  '023': 'contenterror', // Message was not delivered: message file was corrupted
  '024': 'systemerror', // Message was not delivered: routing file was corrupted
  '029': 'contenterror', // This mail message could not be parsed correctly
  '030': 'syntaxerror', // Message contains duplicated Email address
};

/** "[009] ..." at the start of a diagnostic: the reason its code names, or undefined. */
export function msmailReason(diagnostic: string | undefined): Reason | undefined {
  const m = /^\[(0\d\d)\]\s/.exec(diagnostic ?? '');
  return m ? MSMAIL_CODES[m[1]!] : undefined;
}
