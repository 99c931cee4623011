import { describe, expect, it } from 'vitest';
import { addBounceMatches, findBounces } from '../../../src/core/bounce';
import {
  findSituation,
  hasArchiveBounce,
  remoteAnswer,
  situationWords,
  withSituation,
} from '../../../src/core/bounce/situation';
import type { Match } from '../../../src/core/match';
import { buildSearchIndex, loadSearchIndex } from '../../../src/core/search';
import { articlesAbout } from '../../../src/core/search/about';
import { FIELD } from '../../../src/core/search/types';
import { articleRecord } from '../../fixtures/article-record';

// Invented articles about Exchange NDRs (titles and terms written for this test).
const rec = (q: string, title: string, terms: string[]) =>
  articleRecord({ q, title, terms, products: ['Microsoft Exchange Server'], versions: ['Exchange Server 5.5'] });
const RECORDS = [
  rec('Q900201', 'XADM: Public Folder Replica on a Retired Server Causes NDRs', [
    'replica',
    'retired',
    'ndr',
    'folder',
  ]),
  rec('Q900202', 'XCON: NDRs After the Site Connector Cost Is Changed', ['connector', 'cost', 'ndr', 'site']),
  rec('Q900203', 'XFOR: Dial-Up IMS Returns NDRs When the ISP Line Drops', ['dial', 'isp', 'ndr', 'line']),
  rec('Q900204', 'XADM: NDR When the Recipient Name Is Not Recognized', ['recipient', 'ndr', 'directory']),
  rec('Q900205', 'XADM: Directory Import Leaves Hidden Mailboxes That NDR', ['import', 'hidden', 'ndr', 'mailbox']),
  rec('Q900206', 'XFOR: IMS Resolves No Host With DNS Set in Its Properties', ['dns', 'ims', 'ndr', 'properties']),
  rec('Q900207', 'XFOR: IMS Properties Lost After Restore', ['properties', 'ims', 'ndr', 'restore']),
  rec('Q900208', 'XFOR: Smart Host Refuses to Relay Outbound IMS Mail', [
    'relay',
    'smart',
    'host',
    'ndr',
    'ims',
    'partner',
    'outbound',
  ]),
  rec('Q900209', 'XFOR: Outbound IMS Mail Queues on a Building Site Link', [
    'outbound',
    'ims',
    'building',
    'ndr',
    'partner',
  ]),
  // Has the words below only among its terms: about something else that uses that vocabulary.
  rec('Q900210', 'XADM: Event 9000 When Directory Replication Runs', [
    'zorbhost',
    'zorbdomain',
    'zorbqueue',
    'zorbgate',
    'ndr',
  ]),
  // More Exchange NDR articles on other topics, so that a word two articles share is still rare.
  ...['Gateway', 'Journal', 'Archive', 'Calendar', 'Migration', 'Backup', 'Cluster', 'Schema'].map((t, i) =>
    rec(`Q90030${i}`, `XADM: ${t} Issue Returns an NDR`, [t.toLowerCase(), 'ndr']),
  ),
];
const ix = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(RECORDS))));

/** An Exchange 5.5 report as Outlook shows it, composed for these tests. */
const ex55Bounce = (reason: string) =>
  [
    'Your message did not reach some or all of the intended recipients.',
    '',
    '      Subject:  quarterly figures',
    '      Sent:     3/14/00 10:02 AM',
    '',
    'The following recipient(s) could not be reached:',
    '',
    '      Okafor, Chidi on 3/14/00 10:02 AM',
    `            ${reason}`,
    '            MSEXCH:MSExchangeMTA:WEST:EXW01',
  ].join('\n');

const modernBounce = [
  "Your message to chidi@fabrikam.example couldn't be delivered.",
  "chidi wasn't found at fabrikam.example.",
  'Office 365',
  '',
  'Diagnostic information for administrators:',
  'Generating server: AM6PR04MB5123.eurprd04.prod.outlook.com',
  '',
  'chidi@fabrikam.example',
  "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
].join('\n');

/** The ticket's matches: the one every bounce gets. */
function analyse(text: string) {
  const bounces = findBounces(text);
  const matches: Match[] = addBounceMatches(text, [], bounces);
  return { bounces, matches, situation: findSituation(ix, text, matches, bounces) };
}

const described = (bounce: string) =>
  'After we retired EXW02, posts to the public folder bounce. Its replica was on the retired box.\n\n' + bounce;

describe('the situation behind an archive-era Exchange bounce', () => {
  it('is the Exchange NDR article the words outside the bounce describe', () => {
    const { bounces, situation } = analyse(described(ex55Bounce('The recipient name is not recognized')));
    expect(hasArchiveBounce(bounces)).toBe(true);
    expect(situation).toMatchObject({ q: 'Q900201' });
    expect(situation!.words).toEqual(expect.arrayContaining(['retired', 'replica']));
  });

  it("reads no word of the bounce itself, nor a forwarded mail's header lines", () => {
    const text = [
      'From: Directory Import Robot',
      'Subject: hidden mailbox import',
      '',
      ex55Bounce('The recipient name is not recognized'),
    ].join('\n');
    const { matches, bounces, situation } = analyse(text);
    const words = situationWords(text, matches, bounces);
    for (const w of ['recipient', 'recognized', 'import', 'hidden', 'mailbox', 'quarterly'])
      expect(words).not.toContain(w);
    expect(situation).toBeNull();
  });

  it('is none for a bounce of Exchange 2007 or later, however well the words fit', () => {
    const { bounces, situation } = analyse(described(modernBounce));
    expect(bounces.map((b) => b.generation)).toEqual(['exchange-online']);
    expect(situation).toBeNull();
  });

  it('is none when the best article is not clearly ahead of the next', () => {
    // Two articles fit equally: the site connector's cost and the ISP's dial-up line.
    const text = 'Since we changed the connector cost the dial line to the isp drops.\n\n' + ex55Bounce('x');
    expect(analyse(text).situation).toBeNull();
  });

  it('is none on a single telling word', () => {
    const text = 'Posts to that folder bounce since Monday.\n\n' + ex55Bounce('x');
    expect(analyse(text).situation).toBeNull();
  });

  it("keeps the agent's own mail words (DNS, reply) that the bounce furniture filter drops", () => {
    const text = 'The IMS properties are set to use DNS.\n\n' + ex55Bounce('x');
    const { matches, bounces, situation } = analyse(text);
    expect(situationWords(text, matches, bounces)).toContain('dns');
    expect(situation).toMatchObject({ q: 'Q900206' });
  });

  it('reads no build or release word: they say which version runs, not which case', () => {
    const text = 'Outbound mail sits in the queue. Production runs the same build, same release.\n\n' + ex55Bounce('x');
    const { matches, bounces } = analyse(text);
    const words = situationWords(text, matches, bounces);
    expect(words).toContain('outbound');
    expect(words).not.toContain('build');
    expect(words).not.toContain('release');
  });

  it('reads a two-letter name written in capitals (the DL, a PF), not a time, a unit or an event ID', () => {
    const text =
      'Since 9 AM every post to the PF and the DL over 2 MB bounces, event ID 9 in the log.\n\n' + ex55Bounce('x');
    const { matches, bounces } = analyse(text);
    const words = situationWords(text, matches, bounces);
    expect(words).toEqual(expect.arrayContaining(['pf', 'dl']));
    for (const w of ['am', 'mb', 'id']) expect(words).not.toContain(w);
  });

  it("reads the remote server's own answer inside the diagnostic, not Exchange's sentence", () => {
    const bounce = ex55Bounce('The recipient name is not recognized').replace(
      'MSEXCH:MSExchangeMTA:WEST:EXW01',
      'MSEXCH:IMS:West:HQ:EXW01 0 (000C05A6) 550 smtp.isp.example => We do not relay',
    );
    const [b] = findBounces(bounce);
    expect(remoteAnswer(b!)).toEqual(['We do not relay']);
    // The agent's words fit two articles alike; the remote answer tells them apart.
    const text = 'Every outbound message to a partner comes back.\n\n' + bounce;
    expect(analyse(text).situation).toMatchObject({ q: 'Q900208' });
    expect(analyse('Every outbound message to a partner comes back.\n\n' + ex55Bounce('x')).situation).toBeNull();
    // Without an SMTP reply there is no remote answer: Exchange's own sentences describe nothing.
    expect(remoteAnswer(findBounces(ex55Bounce('The recipient name is not recognized'))[0]!)).toEqual([]);
  });

  it('is none when the best article has none of the words in its title', () => {
    const text = 'The zorbhost, zorbdomain, zorbqueue and zorbgate settings all look right.\n\n' + ex55Bounce('x');
    const { matches, bounces, situation } = analyse(text);
    const about = articlesAbout(
      ix,
      situationWords(text, matches, bounces),
      [{ terms: ['ndr'], fields: FIELD.terms }],
      2,
    );
    expect(about.hits[0]).toMatchObject({ q: 'Q900210', titleWords: [] });
    expect(about.hits[0]!.words.length).toBeGreaterThanOrEqual(4);
    expect(situation).toBeNull();
  });

  it('travels on the first match of the bounce', () => {
    const { bounces, matches, situation } = analyse(described(ex55Bounce('The recipient name is not recognized')));
    const out = withSituation(matches, bounces, situation);
    expect(out.filter((m) => m.about).map((m) => m.about!.q)).toEqual(['Q900201']);
    expect(withSituation(matches, bounces, null)).toEqual(matches);
  });
});
