/**
 * Hand-made ArticleRecords for the matcher tests. Numbers, titles and the product messages are
 * written for these tests (error strings are what the products print); nothing is copied from
 * the corpus articles.
 */
import type { ArticleRecord, Fix, FileVersion, QuotedMessage } from '../../../src/core/article/types';
import { articleRecord } from '../../fixtures/article-record';
import { candidateArticles, explain, type Match } from '../../../src/core/match';

type Partial_ = Partial<ArticleRecord> & { q: string; title: string };

export function record(p: Partial_): ArticleRecord {
  const fixes = p.fixes ?? (p.fix ? [p.fix] : []);
  // articleRecord fills the fields a fixture leaves out.
  return articleRecord({
    fixedIn: p.fix?.text ?? null,
    fix: p.fix ?? null,
    fixKind: p.fix ? (p.fix.servicePack ? 'service-pack' : 'upgrade') : 'none',
    ...p,
    fixes,
  });
}

const msg = (text: string, kind: QuotedMessage['kind'] = 'error', placeholders: string[] = []): QuotedMessage => ({
  text,
  kind,
  placeholders,
});
const exFix = (version: string, sp: string | null, hotfix = false): Fix => ({
  text: sp ? `Exchange Server ${version} Service Pack ${sp}` : `Exchange Server ${version}`,
  product: 'Exchange Server',
  version,
  servicePack: sp,
  hotfix,
  source: 'status',
});
const files = (...pairs: [string, string | null][]): FileVersion[] =>
  pairs.map(([name, version]) => ({ name, version }));
const EXCHANGE = ['Microsoft Exchange Server'];

export const FIXTURE_RECORDS: ArticleRecord[] = [
  record({
    q: 'Q227142',
    title: 'XFOR: cc:Mail Connector May not Deliver Messages w/Attachments',
    products: EXCHANGE,
    versions: ['Exchange Server 5.5'],
    fix: exFix('5.5', '3'),
    files: files(['Store.exe', '5.5.2591.0'], ['Mdbmsg.dll', '5.5.2591.0']),
    errors: [msg('Unable to deliver the message due to a communications failure.', 'ndr')],
  }),
  record({
    q: 'Q170010',
    title: 'XFOR: Test Article: Connector NDRs Under Load in Exchange 5.0',
    products: EXCHANGE,
    versions: ['Exchange Server 5.0'],
    fix: exFix('5.0', '2'),
    errors: [msg('Unable to deliver the message due to a communications failure.', 'ndr')],
  }),
  record({
    q: 'Q183588',
    title: 'XFOR: Test Article: Unknown Recipient NDR from the Internet Mail Service',
    products: EXCHANGE,
    versions: ['Exchange Server 5.5'],
    errors: [
      msg('MSEXCH:IMS:<Org>:<Site>:<servername> 0 (000C05A6) Unknown Recipient', 'ndr', [
        '<Org>',
        '<Site>',
        '<servername>',
      ]),
    ],
  }),
  record({
    q: 'Q304897',
    title: 'XCON: Test Article: SMTP Relay Refused With 550 5.7.1',
    products: EXCHANGE,
    versions: ['Exchange 2000 Server'],
    fix: exFix('2000', '3'),
    errors: [msg('550 5.7.1 Unable to relay for <recipient address>', 'ndr', ['<recipient address>'])],
  }),
  record({
    q: 'Q178511',
    title: 'XCLN: Test Article: Client Cannot Connect to the Server',
    products: EXCHANGE,
    versions: ['Exchange Server 5.5'],
    errors: [
      msg('Unable to connect to server <server name>. The server may be down or unavailable.', 'error', [
        '<server name>',
      ]),
    ],
  }),
  record({
    q: 'Q151784',
    title: 'XADM: Err Msg: Originator Does Not Have Permission',
    products: EXCHANGE,
    versions: ['Exchange Server 5.0', 'Exchange Server 5.5'],
    fix: exFix('5.5', '1'),
    errors: [msg('The originator does not have permission to submit message.', 'ndr')],
  }),
  record({
    q: 'Q100001',
    title: 'Test Article: Generic Access Denied',
    products: ['Microsoft Windows NT Server'],
    versions: ['Windows NT Server 4.0'],
    errors: [msg('Access is denied.')],
  }),
  record({
    q: 'Q189492',
    title: 'XFOR: Test Article: Malformed Address NDR From the IMC',
    products: EXCHANGE,
    versions: ['Exchange Server 5.5'],
    errors: [
      msg('Your message did not reach some or all of the intended recipients.', 'ndr'),
      msg('MSEXCH:IMC:<Org>:<Site>:<Server> 3553 553 malformed address: <address>', 'ndr', [
        '<Org>',
        '<Site>',
        '<Server>',
        '<address>',
      ]),
    ],
  }),
  record({
    q: 'Q196043',
    title: 'XCLN: Test Article: Timer Agent Fails With 0x8004011D',
    products: EXCHANGE,
    versions: ['Exchange Server 5.5'],
    fix: exFix('5.5', '2'),
    errors: [msg('Error 0x8004011D occurred while trying to run a timer- based agent.')],
  }),
  record({
    q: 'Q231799',
    title: 'XFOR: Test Article: X.400 Content Syntax Error NDR',
    products: EXCHANGE,
    versions: ['Exchange Server 5.5'],
    fix: exFix('5.5', '4'),
    errors: [msg('reason code unable-to-transfer and diagnostic code content-syntax-error', 'ndr')],
  }),
  record({
    q: 'Q895853',
    title: 'Test Article: Recipient Not Found NDR in Exchange 2007',
    products: EXCHANGE,
    versions: ['Exchange Server 2007'],
    errors: [msg('#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##', 'ndr')],
  }),
  record({
    q: 'Q245123',
    title: 'XGEN: Test Article: Service Fails to Start After Restore',
    products: EXCHANGE,
    versions: ['Exchange Server 5.5'],
    fix: exFix('5.5', '4'),
    errors: [msg('The %1 service failed to start due to the following error: %2', 'event', ['%1', '%2'])],
  }),
  record({
    q: 'Q128961',
    title: 'Test Article: Windows Sockets Connection Refused',
    products: ['Microsoft Windows NT Workstation'],
    versions: ['Windows NT Workstation 4.0'],
    errors: [msg('Windows Sockets error 10061: Connection refused by <host>', 'error', ['<host>'])],
  }),
  record({
    q: 'Q214201',
    title: 'XCLN: Test Article: Store Reports Out of Memory',
    products: EXCHANGE,
    versions: ['Exchange Server 5.5'],
    errors: [msg('Out of memory.')],
  }),
  record({
    q: 'Q262040',
    title: 'XFOR: Test Article: Messages Loop Between Two Servers',
    products: EXCHANGE,
    versions: ['Exchange 2000 Server'],
    fix: exFix('2000', '2'),
    errors: [
      msg(
        'A configuration error in the e-mail system caused the message to bounce between two servers or to be forwarded between two recipients.',
        'ndr',
      ),
    ],
  }),
  record({
    q: 'Q288702',
    title: 'XADM: Test Article: Mailbox Store Does Not Mount',
    products: EXCHANGE,
    versions: ['Exchange 2000 Server'],
    fix: exFix('2000', '1'),
    files: files(['Store.exe', '6.0.4712.7']),
    errors: [msg('The database files in this store are corrupted. ID no: c1041724', 'error')],
  }),
];

export function recordMap(records: readonly ArticleRecord[] = FIXTURE_RECORDS): Map<string, ArticleRecord> {
  return new Map(records.map((r) => [r.q, r]));
}

/** What the page and popup make of `text`: its matches explained over those of `records` they name. */
export function explainMatches(text: string, matches: Match[], records: readonly ArticleRecord[] = FIXTURE_RECORDS) {
  const all = recordMap(records);
  const named = new Map(
    candidateArticles(matches)
      .filter((q) => all.has(q))
      .map((q) => [q, all.get(q)!]),
  );
  return explain(text, matches, named);
}
