/**
 * Release ladders no article of the archive states, added to the derived table by hand. Every
 * entry names its source. Only what the archive lacks belongs here: a rung an article states
 * is taken from the article (release-table-build.ts keeps the derived rung over this one).
 */
export interface SupplementRung {
  family: string;
  /** Product as the table names it: "Exchange Server 2000". */
  product: string;
  /** Dotted major.minor of its builds. */
  prefix: string;
  sp: string;
  build: number;
  source: string;
}

// Source for all of these: Microsoft's "Exchange Server build numbers and release dates" list
// (learn.microsoft.com/exchange/new-features/build-numbers-and-release-dates). The archive ends
// before Exchange 2000 SP1 and never lists these builds as a ladder.
const EXCHANGE_BUILDS = 'Microsoft, "Exchange Server build numbers and release dates"';

export const SUPPLEMENT: readonly SupplementRung[] = [
  { family: 'exchange', product: 'Exchange Server 2000', prefix: '6.0', sp: '', build: 4417, source: EXCHANGE_BUILDS },
  { family: 'exchange', product: 'Exchange Server 2000', prefix: '6.0', sp: '1', build: 4712, source: EXCHANGE_BUILDS },
  { family: 'exchange', product: 'Exchange Server 2000', prefix: '6.0', sp: '2', build: 5762, source: EXCHANGE_BUILDS },
  { family: 'exchange', product: 'Exchange Server 2000', prefix: '6.0', sp: '3', build: 6249, source: EXCHANGE_BUILDS },
  { family: 'exchange', product: 'Exchange Server 2003', prefix: '6.5', sp: '', build: 6944, source: EXCHANGE_BUILDS },
  { family: 'exchange', product: 'Exchange Server 2003', prefix: '6.5', sp: '1', build: 7226, source: EXCHANGE_BUILDS },
  { family: 'exchange', product: 'Exchange Server 2003', prefix: '6.5', sp: '2', build: 7638, source: EXCHANGE_BUILDS },
];
