/**
 * Whether a ticket is about systems later than the archive. It is when it names a later release
 * (version/later-releases.ts: "Windows 11", "SQL Server 2019", "Microsoft 365", "Azure") and no
 * release of the archive's era: the product table's own versions up to 2003 ("Exchange 5.5",
 * "Windows 2000", "SQL Server 7.0") or an Office program of the era ("Word 97"). There the messages
 * it quotes ("The specified network name is no longer available.", "0xc0000005") are the same
 * words from another system, and an archive article quoting them is about another case: rank.ts
 * lists such an article only when the ticket names its product and version.
 */
import type { ProductMention } from '../version/products';
import type { TicketVersions } from '../version/ticket-versions';

/** The last rank of each family the archive covers (Exchange 2003, Outlook 2003, SQL Server 2000). */
const LAST_ARCHIVE_RANK: Readonly<Record<string, number>> = { exchange: 6.5, outlook: 11.0, 'sql-server': 8.0 };
const YEAR_OF_ERA = /^(?:9[5-8]|2000|2002|2003)$/;

function ofArchiveEra(p: ProductMention): boolean {
  // Products the family table does not know: only the era's year versions say when they are from
  // ("Visio 2000"); a dotted version ("DSM 7.2.1", "Python 3.11.8") could be any year.
  if (p.family.startsWith('other:')) return YEAR_OF_ERA.test(p.version);
  const last = LAST_ARCHIVE_RANK[p.family];
  return last === undefined || Number.parseFloat(p.rank) <= last;
}

export function laterThanArchive(ticket: TicketVersions): boolean {
  return (ticket.later?.length ?? 0) > 0 && !ticket.products.some(ofArchiveEra);
}
