/**
 * The article a ticket describes in words (match/described.ts): read from a search index built
 * from invented records, among the articles about the product the ticket names.
 */
import { describe, expect, it } from 'vitest';
import {
  caseWords,
  describedProducts,
  describedReported,
  describes,
  findDescribed,
  productWords,
} from '../../../src/core/match/described';
import { ticketNumbers, ticketWords } from '../../../src/core/match/context';
import { reportedWords } from '../../../src/core/match/reported';
import { buildSearchIndex, loadSearchIndex } from '../../../src/core/search';
import { findTicketVersions } from '../../../src/core/version';
import { articleRecord } from '../../fixtures/article-record';

const EX = { products: ['Microsoft Exchange Server'], versions: ['Exchange Server 5.5'] };
const NT = { products: ['Microsoft Windows NT'], versions: ['Windows NT 4.0'] };
// Invented articles (titles and terms written for this test): one about a queue after a smart
// host change, one about a mailbox quota, others of the same product on other topics, and an
// article of another product that has the queue's words.
const RECORDS = [
  articleRecord({
    q: 'Q900601',
    title: 'XFOR: IMS Queues Outbound Mail for One Domain After Smart Host Change',
    terms: ['ims', 'queue', 'smarthost', 'outbound', 'domain'],
    ...EX,
  }),
  articleRecord({
    q: 'Q900602',
    title: 'XADM: Storage Limits on a Mailbox',
    terms: ['quota', 'limit', 'mailbox'],
    ...EX,
  }),
  ...[
    'Directory',
    'Journal',
    'Archive',
    'Calendar',
    'Migration',
    'Backup',
    'Cluster',
    'Schema',
    'Gateway',
    'Roster',
  ].map((t, i) =>
    articleRecord({ q: `Q90061${i}`, title: `XADM: ${t} Service Fails to Start`, terms: [t.toLowerCase()], ...EX }),
  ),
  articleRecord({
    q: 'Q900630',
    title: 'Print Queue on a Changed Smart Host Port Holds Outbound Jobs',
    terms: ['queue', 'smarthost', 'outbound', 'port'],
    ...NT,
  }),
  ...['Spooler', 'Registry', 'Profile', 'Shares'].map((t, i) =>
    articleRecord({ q: `Q90064${i}`, title: `${t} Errors After Upgrade`, terms: [t.toLowerCase()], ...NT }),
  ),
];
const ix = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(RECORDS))));

const described = (text: string) =>
  findDescribed(ix, ticketWords(text, []), findTicketVersions(text).products, reportedWords(text));

describe('the article a ticket describes in words', () => {
  it("suggests the named product's article that the ticket's words describe, with those words", () => {
    const found = described(
      'Hi, our Exchange 5.5 IMS keeps queuing outbound mail to one domain since we changed the smart host. Thanks, Jo',
    );
    expect(found?.q).toBe('Q900601');
    expect(found!.words).toEqual(expect.arrayContaining(['ims', 'outbound', 'domain', 'smart']));
    // Courtesy and the product's own name are not among the words.
    expect(found!.words).not.toContain('thanks');
    expect(found!.words).not.toContain('exchange');
  });

  it('reads only the articles of the product the ticket names', () => {
    // The same words naming Windows NT: the NT article, not the Exchange one.
    expect(described('NT 4.0 print queue on the changed smart host port holds outbound jobs')?.q).toBe('Q900630');
  });

  it('suggests nothing when the ticket names no product', () => {
    expect(described('The IMS keeps queuing outbound mail to one domain since we changed the smart host.')).toBeNull();
  });

  it("suggests nothing for a request with fewer than three of an article's words", () => {
    expect(described('Exchange 5.5 mailbox quota increase please, manager approved')).toBeNull();
    expect(described('Need Exchange 5.5 installed on the new server this week please')).toBeNull();
  });

  it('suggests nothing when two articles are about as good', () => {
    const twins = [
      articleRecord({
        q: 'Q900701',
        title: 'XFOR: Outbound Queue Stalls on Smart Host',
        terms: ['queue', 'outbound'],
        ...EX,
      }),
      articleRecord({
        q: 'Q900702',
        title: 'XFOR: Smart Host Outbound Queue Stalls',
        terms: ['queue', 'outbound'],
        ...EX,
      }),
      ...RECORDS.slice(2, 12),
    ];
    const tx = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(twins))));
    const text = 'Exchange 5.5: the outbound queue stalls on the smart host';
    expect(findDescribed(tx, ticketWords(text, []), findTicketVersions(text).products)).toBeNull();
  });
});

describe('the gate on the best article', () => {
  const withRecords = (...extra: ReturnType<typeof articleRecord>[]) =>
    loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex([...RECORDS, ...extra]))));
  const on = (index: ReturnType<typeof withRecords>, text: string) =>
    findDescribed(index, ticketWords(text, []), findTicketVersions(text).products, reportedWords(text));

  it("does not count the product's initials as a word of the case", () => {
    // "SMS" names the product as "Systems Management Server" does, though the articles' titles write it.
    const products = findTicketVersions('SMS 2.0 and IIS 4.0: the admin console locks').products;
    expect(caseWords(['sms', 'iis', 'admin', 'console', 'locks'], products)).toEqual(['admin', 'console', 'locks']);
  });

  it("takes a title naming one of the ticket's words when its problem sections have the others, far ahead", () => {
    const terms = ['tarpit', 'throttle', 'partner', 'connection', 'delay', 'inbound', 'session'];
    const tx = withRecords(articleRecord({ q: 'Q900802', title: 'XFOR: Tarpit Setting', terms, ...EX }));
    const text = 'Exchange 5.5: the tarpit delays and throttles inbound sessions and connections from partners';
    expect(on(tx, text)?.q).toBe('Q900802');
    // A second article about as good: no suggestion.
    const twins = withRecords(
      articleRecord({ q: 'Q900802', title: 'XFOR: Tarpit Setting', terms, ...EX }),
      articleRecord({ q: 'Q900803', title: 'XFOR: Tarpit Values', terms, ...EX }),
    );
    expect(on(twins, text)).toBeNull();
  });

  it('suggests nothing for a note that says all is well, however clearly an article leads on its words', () => {
    const plain = withRecords();
    const fault = 'Exchange 5.5: the IMS queues outbound mail for one domain since the smart host change';
    expect(on(plain, fault)?.q).toBe('Q900601');
    for (const text of [
      'Exchange 5.5: the IMS outbound queue for that domain runs fine now after the smart host change',
      'Exchange 5.5: IMS outbound mail for the domain flows normally again since the smart host change.\nResolved.',
    ])
      expect(on(plain, text), text).toBeNull();
  });

  it('tells two articles with the same title words apart by the words their problem sections repeat (search words)', () => {
    const twins = [
      articleRecord({
        q: 'Q900901',
        title: 'XFOR: Gateway Connector Drops Relay Sessions at the Smarthost Handshake',
        terms: ['gateway', 'connector', 'relay', 'session', 'smarthost', 'handshake'],
        ...EX,
      }),
      articleRecord({
        q: 'Q900902',
        title: 'XFOR: Relay Sessions Dropped by Gateway Connector in Smarthost Handshake',
        terms: ['gateway', 'connector', 'relay', 'session', 'smarthost', 'handshake'],
        ...EX,
      }),
    ];
    const text =
      'Exchange 5.5: the gateway connector drops relay sessions at the smarthost handshake overnight, each retry hits the timeout and the backlog grows';
    const plain = withRecords(...twins);
    expect(on(plain, text)).toBeNull();
    // Only Q900901's symptoms repeat the ticket's other words: far ahead now.
    const searchWords = new Map([['Q900901', ['overnight', 'retry', 'timeout', 'backlog']]]);
    const told = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex([...RECORDS, ...twins], { searchWords }))));
    expect(on(told, text)?.q).toBe('Q900901');
    // They never make an article a suggestion on their own: with fewer of the ticket's words in
    // its title and terms than the gate asks, the same search words suggest nothing.
    const few = 'Exchange 5.5: relay sessions overnight, each retry hits the timeout and the backlog grows';
    expect(on(told, few)).toBeNull();
  });

  it("takes a small lead from an article whose problem sections alone repeat the ticket's other words", () => {
    const twins = [
      articleRecord({
        q: 'Q900903',
        title: 'XFOR: Gateway Connector Drops Relay Sessions at the Smarthost Handshake',
        terms: ['gateway', 'connector', 'relay', 'session', 'smarthost', 'handshake'],
        ...EX,
      }),
      articleRecord({
        q: 'Q900904',
        title: 'XFOR: Relay Sessions Dropped by Gateway Connector in Smarthost Handshake',
        terms: ['gateway', 'connector', 'relay', 'session', 'smarthost', 'handshake'],
        ...EX,
      }),
    ];
    const text =
      'Exchange 5.5: the gateway connector drops relay sessions at the smarthost handshake, then the backlog grows';
    const told = (searchWords: Map<string, string[]>) =>
      on(loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex([...RECORDS, ...twins], { searchWords })))), text);
    // Two words of the ticket that only Q900903's symptoms repeat: ahead by less than the 1.3 its
    // title words ask otherwise, enough when its rival's symptoms do not say it.
    expect(told(new Map([['Q900903', ['backlog', 'grow']]]))?.q).toBe('Q900903');
    // Both articles' symptoms say them: nothing tells the two apart.
    expect(
      told(
        new Map([
          ['Q900903', ['backlog', 'grow']],
          ['Q900904', ['backlog', 'grow']],
        ]),
      ),
    ).toBeNull();
  });

  it('takes a smaller lead from an article with many of the words, most in its title or problem sections', () => {
    const terms = ['tarpit', 'throttle', 'partner', 'connection', 'delay', 'inbound', 'session'];
    const text = 'Exchange 5.5: the tarpit delays and throttles inbound sessions and connections from partners';
    // More of the product's articles on other topics, so that its words are rare enough to score 40.
    const others = Array.from({ length: 40 }, (_, i) =>
      articleRecord({ q: `Q9008${50 + i}`, title: `XADM: Store Error ${i}`, terms: [`store${i}`], ...EX }),
    );
    const close = (runnerUp: string[]) =>
      on(
        withRecords(
          articleRecord({ q: 'Q900802', title: 'XFOR: Tarpit Setting', terms, ...EX }),
          articleRecord({ q: 'Q900807', title: 'XFOR: Throttle Values', terms: runnerUp, ...EX }),
          ...others,
        ),
        text,
      );
    // Seven of the ticket's words against the runner-up's five: ahead, if by less than the 1.6 a
    // title with one of the words needs otherwise.
    expect(close(['throttle', 'partner', 'connection', 'delay', 'session'])?.q).toBe('Q900802');
    // Against all seven the lead is too small even so.
    expect(close(['throttle', 'partner', 'connection', 'delay', 'session', 'inbound', 'tarpit'])).toBeNull();
  });

  it('takes the smaller lead only when the ticket reports a problem in those words, not for a request or an all-clear', () => {
    const terms = ['tarpit', 'throttle', 'partner', 'connection', 'delay', 'inbound', 'session'];
    const others = Array.from({ length: 40 }, (_, i) =>
      articleRecord({ q: `Q9008${50 + i}`, title: `XADM: Store Error ${i}`, terms: [`store${i}`], ...EX }),
    );
    const tx = withRecords(
      articleRecord({ q: 'Q900802', title: 'XFOR: Tarpit Setting', terms, ...EX }),
      articleRecord({
        q: 'Q900807',
        title: 'XFOR: Throttle Values',
        terms: ['throttle', 'partner', 'connection', 'delay', 'session'],
        ...EX,
      }),
      ...others,
    );
    const reading = (text: string) =>
      findDescribed(tx, ticketWords(text, []), findTicketVersions(text).products, reportedWords(text));
    // The fault, told at length: the smaller lead does.
    expect(
      reading('Exchange 5.5: the tarpit delays and throttles inbound sessions and connections from partners')?.q,
    ).toBe('Q900802');
    for (const text of [
      // Requests: the same words name a topic to explain or set up, not a fault.
      'Exchange 5.5: please write a how-to for the new hire on how the tarpit delays and throttles inbound sessions and connections from partners. No problem at the moment, just training.',
      'Exchange 5.5 - could you document how the tarpit delays and throttles inbound sessions and connections from partners?',
      'Request: Exchange 5.5 tarpit that delays and throttles inbound sessions and connections from partners',
      // A closed case and an all-clear: the words are ruled out, not reported.
      'Exchange 5.5: checked the tarpit, inbound sessions and connections from partners are throttled as designed. Closing ticket.',
      'Exchange 5.5: checked the tarpit, no inbound sessions or connections from partners delayed or throttled, all good',
    ])
      expect(reading(text), text).toBeNull();
    // Without the words the ticket reports a problem in, only the ordinary leads apply.
    const text = 'Exchange 5.5: the tarpit delays and throttles inbound sessions and connections from partners';
    expect(findDescribed(tx, ticketWords(text, []), findTicketVersions(text).products)).toBeNull();
  });

  it("takes no smaller lead for a how-to request or a closed check of the queue a fault's article is about", () => {
    const terms = ['ims', 'outbound', 'queue', 'waiting', 'stuck', 'move', 'growing'];
    const others = Array.from({ length: 40 }, (_, i) =>
      articleRecord({ q: `Q9009${50 + i}`, title: `XADM: Store Error ${i}`, terms: [`store${i}`], ...EX }),
    );
    const tx = withRecords(
      articleRecord({ q: 'Q900901', title: 'XFOR: Messages Stuck in Outbound Queue', terms, ...EX }),
      articleRecord({
        q: 'Q900902',
        title: 'XFOR: Inbound Queue Sizes',
        terms: ['ims', 'outbound', 'queue', 'move', 'growing', 'waiting'],
        ...EX,
      }),
      ...others,
    );
    const reading = (text: string) =>
      findDescribed(tx, ticketWords(text, []), findTicketVersions(text).products, reportedWords(text));
    const fault = reading(
      'Exchange 5.5: messages move into the IMS outbound queue and then stay waiting, stuck. The queue keeps growing since this morning.',
    );
    expect(fault?.q).toBe('Q900901');
    // Found by the smaller lead alone: without the reported words, nothing.
    const said =
      'Exchange 5.5: messages move into the IMS outbound queue and then stay waiting, stuck. The queue keeps growing since this morning.';
    expect(findDescribed(tx, ticketWords(said, []), findTicketVersions(said).products)).toBeNull();
    for (const text of [
      'Exchange 5.5: please write a how-to for the new hire: how messages move through the IMS outbound queue, what waiting means, why the queue keeps growing and when messages get stuck. No problem at the moment, just training.',
      // Read clause by clause (reported.ts): each clause here says all is well.
      'Exchange 5.5: IMS outbound queue is empty, none stuck waiting, works fine. Closing ticket.',
    ])
      expect(reading(text), text).toBeNull();
  });

  it('prefers, of two articles about as good, the one for the version the ticket names', () => {
    const terms = ['relay', 'tarpit', 'partner', 'session'];
    const title = 'XFOR: Relay Tarpit Drops Partner Sessions';
    const tx = withRecords(
      articleRecord({ q: 'Q900805', title, terms, products: EX.products, versions: ['Exchange Server 5.0'] }),
      articleRecord({ q: 'Q900806', title, terms, ...EX }),
    );
    expect(on(tx, 'Exchange 5.5: the relay tarpit drops our partner sessions')?.q).toBe('Q900806');
    expect(on(tx, 'Exchange 5.0: the relay tarpit drops our partner sessions')?.q).toBe('Q900805');
  });

  it('suggests nothing when the title says another of a kind the ticket names (weekly, not daily)', () => {
    const tx = withRecords(
      articleRecord({
        q: 'Q900804',
        title: 'XADM: Daily Backup Schedule Skips the Private Store',
        terms: ['backup', 'schedule', 'skip'],
        ...EX,
      }),
    );
    expect(on(tx, 'Exchange 5.5: the daily backup schedule skips the private store')?.q).toBe('Q900804');
    expect(on(tx, 'Exchange 5.5: the weekly backup schedule skips the private store')).toBeNull();
  });
});

describe("the ticket's words that describe", () => {
  it('are not levels, builds, stopwords, courtesy or the product named', () => {
    const names = new Set(['exchang']);
    expect(
      ['sp4', 'build', 'thanks', 'please', 'regards', 'exchange', 'which'].filter((w) => describes(w, names)),
    ).toEqual([]);
    expect(describes('smarthost', names)).toBe(true);
  });

  it("are told from the product's name words, not its version or filler", () => {
    expect([...productWords(findTicketVersions('Exchange Server 5.5 SP3 and Word 97').products)].sort()).toEqual([
      'exchange',
      'word',
    ]);
  });
});

describe('the products a described ticket is scoped by', () => {
  // Invented articles of a product the family table does not know, and of 16-bit Windows.
  const GLIDER = { products: ['Microsoft Glider Simulator 98'], versions: [] };
  const WIN = { products: ['Microsoft Windows 3.1'], versions: ['Windows 3.1'] };
  // Enough other articles of each product that the case's words are rare among them.
  const TOPICS = Array.from({ length: 40 }, (_, i) => `Setting ${i}`);
  const own = [
    articleRecord({
      q: 'Q900701',
      title: 'Glider Simulator: Cockpit Gauges Flicker with Fog Enabled',
      terms: ['gauge', 'flicker', 'fog', 'cockpit'],
      ...GLIDER,
    }),
    ...TOPICS.map((t, i) =>
      articleRecord({
        q: `Q9100${String(i).padStart(2, '0')}`,
        title: `Glider Simulator: ${t} Problems`,
        terms: ['setting'],
        ...GLIDER,
      }),
    ),
    articleRecord({
      q: 'Q900720',
      title: 'Setup Stops Copying Files When SMARTDrive Caches the Floppy',
      terms: ['setup', 'smartdrive', 'floppy', 'copying'],
      ...WIN,
    }),
    ...TOPICS.map((t, i) =>
      articleRecord({
        q: `Q9101${String(i).padStart(2, '0')}`,
        title: `${t} Problems in Windows`,
        terms: ['setting'],
        ...WIN,
      }),
    ),
    // The rest of an archive, so that the case's words are rare in it.
    ...Array.from({ length: 60 }, (_, i) =>
      articleRecord({
        q: `Q9008${String(i).padStart(2, '0')}`,
        title: `Ledger Report ${i} Totals`,
        terms: ['ledger'],
        products: ['Microsoft Ledger'],
        versions: [],
      }),
    ),
  ];
  const ix2 = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(own))));
  const scoped = (text: string) => describedProducts(ix2, text, findTicketVersions(text).products);
  const suggested = (text: string) => findDescribed(ix2, ticketWords(text, []), scoped(text))?.q;

  it("recognises a product of the archive's own table that the family table does not know, without a version", () => {
    const text = 'In Glider Simulator the cockpit gauges flicker as soon as fog is switched on.';
    expect(scoped(text).map((p) => p.name)).toEqual(['Glider Simulator']);
    expect(suggested(text)).toBe('Q900701');
    // The ticket's own products are what verdicts read: unchanged.
    expect(findTicketVersions(text).products).toEqual([]);
  });

  it('reads a program named alone among the articles whose products name it, not those whose title has the word', () => {
    const ACC = { products: ['Microsoft Access'], versions: ['Access 97'] };
    // Invented: the Access article the ticket tells, and an NT article whose title has "Access" and the case's words.
    const records = [
      ...own,
      articleRecord({
        q: 'Q900740',
        title: 'Report with Subreport Prints Blank Pages',
        terms: ['subreport', 'blank', 'report'],
        ...ACC,
      }),
      ...TOPICS.map((t, i) =>
        articleRecord({ q: `Q9102${String(i).padStart(2, '0')}`, title: `${t} Lost in Form`, terms: ['form'], ...ACC }),
      ),
      articleRecord({
        q: 'Q900741',
        title: 'Access Violation Printing Blank Subreport Pages',
        terms: ['subreport', 'blank', 'violation'],
        ...NT,
      }),
    ];
    const ix3 = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(records))));
    const text = 'Access report prints blank pages when it has a subreport';
    const products = describedProducts(ix3, text, findTicketVersions(text).products);
    expect(products.map((p) => p.name)).toEqual(['Access']);
    expect(findDescribed(ix3, ticketWords(text, []), products, reportedWords(text))?.q).toBe('Q900740');
    // Named beside the system it runs on, the program is still read first.
    const onNt = 'Access report prints blank pages when it has a subreport, on NT 4.0 SP6a';
    const both = describedProducts(ix3, onNt, findTicketVersions(onNt).products);
    expect(both.map((p) => p.name)).toEqual(['Windows NT 4.0', 'Access']);
    expect(findDescribed(ix3, ticketWords(onNt, []), both, reportedWords(onNt))?.q).toBe('Q900740');
    // A ticket naming a product with its version keeps its own scope.
    expect(scoped('In Glider Simulator and Access the cockpit gauges flicker').map((p) => p.name)).toEqual([
      'Glider Simulator',
    ]);
    // Not the program that fails: named in a clause that says all is well, or in an ask.
    for (const other of [
      'Access on the same PC is fine; the plotter report prints blank pages when it has a subreport',
      'Could you check that Access reports print when they have a subreport?',
    ])
      expect(describedProducts(ix3, other, findTicketVersions(other).products), other).toEqual([]);
    // Named in a sentence of its own that tells no case of it: the fault told elsewhere is no Access case.
    const aside = 'Upgraded the Access macros last week. Today the report prints blank pages when it has a subreport';
    const asideProducts = describedProducts(ix3, aside, findTicketVersions(aside).products);
    expect(asideProducts.map((p) => p.name)).toEqual(['Access']);
    // Read with every sentence's words it would be the Access article.
    expect(findDescribed(ix3, ticketWords(aside, []), asideProducts, reportedWords(aside))?.q).toBe('Q900740');
    expect(
      findDescribed(ix3, ticketWords(aside, []), asideProducts, ...describedReported(aside, asideProducts)),
    ).toBeNull();
    const told = 'Today the Access report prints blank pages when it has a subreport';
    const toldProducts = describedProducts(ix3, told, findTicketVersions(told).products);
    expect(findDescribed(ix3, ticketWords(told, []), toldProducts, ...describedReported(told, toldProducts))?.q).toBe(
      'Q900740',
    );
  });

  it('drops the words a capitalised run before a version offers as a name when the archive names a shorter one', () => {
    const text = 'During Windows 3.1 setup the copying stops at the second floppy while SMARTDrive is loaded.';
    expect(findTicketVersions(text).products.map((p) => p.name)).toContain('During Windows 3.1');
    expect(scoped(text).map((p) => p.name)).toEqual(['Windows 3.1']);
    expect(suggested(text)).toBe('Q900720');
  });

  it('reads a product named with a wildcard version ("Windows 3.x") as that product, with the stand-in', () => {
    const text = 'Windows 3.x setup stops copying at the second floppy while SMARTDrive is loaded.';
    // The version readers need digits: the ticket's own products (what verdicts read) are none.
    expect(findTicketVersions(text).products).toEqual([]);
    expect(scoped(text).map((p) => [p.name, p.version])).toEqual([['Windows 3.1', '3.1']]);
    expect(suggested(text)).toBe('Q900720');
  });

  it('"Windows 3.x" is no scope of every Windows: an NT 4.0 article is not its case', () => {
    const nt = { products: ['Microsoft Windows NT Server 4.0'], versions: ['Windows NT Server 4.0'] };
    const ix3 = loadSearchIndex(
      JSON.parse(
        JSON.stringify(
          buildSearchIndex([
            ...own,
            articleRecord({
              q: 'Q900730',
              title: 'Dial-Up Connection Drops After a Few Minutes',
              terms: ['dial', 'connection', 'minute', 'drop'],
              ...nt,
            }),
            // A 16-bit Windows article near enough that the NT one is clearly ahead only when the
            // scope is every Windows (no version to weigh the articles by).
            articleRecord({ q: 'Q900731', title: 'Modem Connection Lost', terms: ['modem'], ...WIN }),
            ...TOPICS.map((t, i) =>
              articleRecord({
                q: `Q9102${String(i).padStart(2, '0')}`,
                title: `${t} Problems`,
                terms: ['setting'],
                ...nt,
              }),
            ),
          ]),
        ),
      ),
    );
    const on = (version: string) => {
      const text = `The dial-up connection drops every few minutes on Windows ${version} with the new modem.`;
      return findDescribed(ix3, ticketWords(text, []), describedProducts(ix3, text, findTicketVersions(text).products))
        ?.q;
    };
    // As it is with the release written out: no article clearly the case, NT 4.0's least of all.
    expect(on('3.1')).toBeUndefined();
    expect(on('3.x')).toBeUndefined();
  });

  it('keeps every product the ticket names when the index has no table (an older index)', () => {
    const text = 'During Windows 3.1 setup the copying stops';
    expect(describedProducts({ products: [] }, text, findTicketVersions(text).products)).toEqual(
      findTicketVersions(text).products,
    );
  });
});

describe('the products a described ticket is read among', () => {
  const FILLERS =
    'Inventory Package Collection Sender Site Discovery Spooler Registry Profile Shares Browser Pagefile Backup Schema Cluster Journal'.split(
      ' ',
    );
  const SMS = { products: ['Microsoft Systems Management Server'], versions: ['Systems Management Server 2.0'] };
  // Invented articles: one SMS article about a remote control icon, an NT article with nearly the
  // same words, one whose title has "System" and the words, and fillers of either product.
  const records = [
    articleRecord({
      q: 'Q900901',
      title: 'SMS: Remote Control Icon Stays Minimized on the Taskbar',
      terms: ['remote', 'control', 'icon', 'taskbar', 'minimized', 'controller'],
      ...SMS,
    }),
    articleRecord({
      q: 'Q900902',
      title: 'Remote Control Icon Stays Minimized on the Taskbar After Logoff',
      terms: ['remote', 'control', 'icon', 'taskbar', 'minimized', 'controller', 'logoff'],
      ...NT,
    }),
    articleRecord({
      q: 'Q900903',
      title: 'System Icon Stays Minimized on the Taskbar Under Remote Control',
      terms: ['remote', 'control', 'icon', 'taskbar', 'minimized', 'controller'],
      products: ['Microsoft Word for Windows'],
      versions: ['Word 2.0'],
    }),
    ...FILLERS.map((t, i) =>
      articleRecord({ q: `Q9009${10 + i}`, title: `SMS: ${t} Processing Stops`, terms: [t.toLowerCase()], ...SMS }),
    ),
    ...FILLERS.map((t, i) =>
      articleRecord({ q: `Q9009${50 + i}`, title: `${t} Errors After Upgrade`, terms: [t.toLowerCase()], ...NT }),
    ),
  ];
  const tx = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(records))));
  const on = (text: string) => findDescribed(tx, ticketWords(text, []), findTicketVersions(text).products);

  it("reads a program's articles first, not those of the system it runs on", () => {
    // Among SMS's and NT's articles the two icon articles are about as good: none would be suggested.
    expect(
      on('SMS 2.0 on NT 4.0 workstations: the remote control icon stays minimized on the taskbar, no controller')?.q,
    ).toBe('Q900901');
  });

  it("takes a program's name as a whole, not a title with one of its words", () => {
    // "System" in the Word article's title does not make it an article about Systems Management Server.
    expect(
      on('Systems Management Server 2.0: the remote control icon stays minimized on the taskbar, no controller')?.q,
    ).toBe('Q900901');
  });

  it("falls back to the system's articles when the program's have none of the case", () => {
    const text = 'SMS 2.0 on NT 4.0: remote control icon stays minimized on the taskbar after logoff, no controller';
    expect(on(text)?.q).toBe('Q900901');
    expect(on('NT 4.0: remote control icon stays minimized on the taskbar after logoff, no controller')?.q).toBe(
      'Q900902',
    );
  });

  it('scopes by the name as the index writes it: "Schedule+" is "schedule", "Visual C++" is "visual" and "c"', () => {
    const products = (text: string) => [...productWords(findTicketVersions(text).products)].sort();
    expect(products('Schedule+ 7.5 keeps asking')).toEqual(['schedule']);
    expect(products('Visual C++ 6.0 build fails')).toEqual(expect.arrayContaining(['c', 'visual']));
    const plus = { products: ['Microsoft Schedule+ for Windows'], versions: ['Schedule+ 7.5'] };
    const sx = loadSearchIndex(
      JSON.parse(
        JSON.stringify(
          buildSearchIndex([
            articleRecord({
              q: 'Q900960',
              title: 'Delegate Cannot Open Owner File Until Permissions Are Granted Again',
              terms: ['delegate', 'owner', 'permission', 'granted', 'revoked'],
              ...plus,
            }),
            ...FILLERS.map((t, i) =>
              articleRecord({
                q: `Q9009${70 + i}`,
                title: `${t} Errors in Schedule+`,
                terms: [t.toLowerCase()],
                ...plus,
              }),
            ),
          ]),
        ),
      ),
    );
    const text =
      'Schedule+ 7.5: the delegate cannot open the owner file until permissions are revoked and granted again';
    expect(findDescribed(sx, ticketWords(text, []), findTicketVersions(text).products)?.q).toBe('Q900960');
  });
});

describe("a ticket's case numbers", () => {
  // Invented articles: two about the same fault on two laptop models, told apart by the model's
  // number in their titles, and fillers of the same system about other faults of a laptop after a suspend.
  const W95 = { products: ['Microsoft Windows 95'], versions: ['Windows 95'] };
  const FILLERS = Array.from({ length: 40 }, (_, i) => `Setting ${i}`);
  const records = [
    articleRecord({
      q: 'Q900971',
      title: 'Contoso 4500 Laptop Restarts While Resuming from Suspend',
      terms: ['laptop', 'restart', 'resume', 'suspend', 'apm'],
      ...W95,
    }),
    articleRecord({
      q: 'Q900972',
      title: 'Contoso 7200 Laptop Restarts While Resuming from Suspend',
      terms: ['laptop', 'restart', 'resume', 'suspend', 'apm'],
      ...W95,
    }),
    ...FILLERS.map((t, i) =>
      articleRecord({
        q: `Q901${100 + i}`,
        title: `${t} Is Lost on a Laptop After Suspend`,
        terms: ['setting', 'laptop', 'suspend'],
        ...W95,
      }),
    ),
  ];
  const nx = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(records))));
  const on = (text: string) =>
    findDescribed(
      nx,
      [...ticketWords(text, []), ...ticketNumbers(text, [])],
      findTicketVersions(text).products,
      reportedWords(text),
    );

  it("tell apart two articles on the same fault by the model's number in the title", () => {
    expect(on('Win 95 on our Contoso 4500 laptop: it restarts while resuming from suspend.')?.q).toBe('Q900971');
    expect(on('Windows 95, Contoso 7200 laptop restarts while resuming from suspend')?.q).toBe('Q900972');
    // Without a number the two are as good: nothing is suggested.
    expect(on('Windows 95 Contoso laptop restarts while resuming from suspend')).toBeNull();
  });

  it('are not the version of the product the ticket names', () => {
    expect(caseWords(['2000', 'spooler', '4500'], findTicketVersions('Windows 2000 spooler').products)).toEqual([
      'spooler',
      '4500',
    ]);
  });

  it('are read by the word before them: a message, an event or a model names a case, a room or a quantity does not', () => {
    const kept = (text: string) => [...ticketNumbers(text, [])];
    for (const text of [
      'Exchange 5.5: the user in room 4411 says his mailbox was moved.',
      'Exchange 5.5: users in building 4411 report the store crashed.',
      'Exchange 5.5: the store on server 1219 stops when folders are browsed.',
      'Word 97: the merge shows 419 records instead of 420 from the query.',
      'Word 97: error 91 on 419 of our PCs when the merge runs.',
      'Word 97: the document takes 371 ms to open on the slow PCs, 404 ms on the old ones.',
      'Bought in 1999, call 555 1234, it cost 1200 EUR; port 3389 and ext 4106 are open.',
    ])
      expect(kept(text), text).toEqual([]);
    expect(kept('Word 97 on a Contoso 4500: error 371 or 404, then Event 5149 and a 1219 error.')).toEqual([
      '4500',
      '371',
      '404',
      '5149',
      '1219',
    ]);
    // A list of numbers before a plural name names events; one number before it counts them.
    expect(kept('The log shows 3120 and 9316 events, then 340 events more.')).toEqual(['3120', '9316']);
    // A count or a measure after a number it names still is one.
    expect(kept('The Contoso 4500 laptop logged error 4101 on 3 PCs, model 300 users.')).toEqual(['4500', '4101']);
    // A sentence starts with "Room 4411" as with "Toshiba 4500": there only a name spelt in capitals names a model.
    expect(kept('Room 4411 is cold. NCR 3455 hangs.')).toEqual(['3455']);
  });

  it('name no article when only a room, a server or a count gives the ticket a number', () => {
    for (const text of [
      'Windows 95: the user in room 4500 says the laptop restarts while resuming from suspend.',
      'Windows 95 on server 7200: the laptop restarts while resuming from suspend.',
      'Windows 95: 4500 laptops restart while resuming from suspend.',
    ])
      expect(on(text), text).toBeNull();
  });

  it('are no part of a version, date, time, phone number, amount, ticket or KB number, and no context word', () => {
    const text =
      'Ticket #44821, call 555-1212 ext. 4400 before 10:30 on 2001-05-04: build 5.5.2448 and Q123456 at 1600x1200, ' +
      '$1200 spent, 100% busy; event 5149 on the Contoso EPL-6000 after 340 restarts.';
    expect([...ticketNumbers(text, [])]).toEqual(['5149', '6000']);
    expect([...ticketWords(text, [])].some((w) => /^\d+$/.test(w))).toBe(false);
    // The words a ticket reports a problem in have its numbers too, of the clauses that report one.
    expect(reportedWords('The Contoso 4500 restarts on resume. The 7200 works fine.')).toEqual(
      new Set(['contoso', '4500', 'restart', 'resume']),
    );
  });
});
