import { describe, expect, it } from 'vitest';
import { scan } from './helpers';
import { findKbRefs } from '../../../src/core/match/kb-refs';

const refs = (text: string) =>
  scan(text)
    .filter((m) => m.kind === 'q')
    .map((m) => [m.text, m.value]);

describe('KB references', () => {
  it.each([
    ['see Q227142 for details', 'Q227142'],
    ['see KB227142 for details', 'KB227142'],
    ['see KB 227142 for details', 'KB 227142'],
    ['see MSKB 227142 for details', 'MSKB 227142'],
    ['per kb# 227142', 'kb# 227142'],
    ['read article 227142 please', 'article 227142'],
    ['the Knowledge Base article 227142 says', 'Knowledge Base article 227142'],
    ['the Microsoft Knowledge Base article Q227142 says', 'Microsoft Knowledge Base article Q227142'],
    ['Q227142: XFOR: cc:Mail Connector', 'Q227142'],
    ['open support.microsoft.com/kb/227142.', 'support.microsoft.com/kb/227142'],
    ['open http://support.microsoft.com/kb/227142/en-us now', 'http://support.microsoft.com/kb/227142/en-us'],
    [
      '<a href="https://support.microsoft.com/default.aspx?scid=kb;en-us;227142">',
      'https://support.microsoft.com/default.aspx?scid=kb;en-us;227142',
    ],
    ['http://support.microsoft.com/?kbid=227142', 'http://support.microsoft.com/?kbid=227142'],
    ['an old one: Q6749.', 'Q6749'],
    [
      'see http://support.microsoft.com/support/kb/articles/Q227/1/42.asp for it',
      'http://support.microsoft.com/support/kb/articles/Q227/1/42.asp',
    ],
    [
      '(www.support.microsoft.com/support/kb/articles/q227142.asp)',
      'www.support.microsoft.com/support/kb/articles/q227142.asp',
    ],
    [
      'http://support.microsoft.com/directory/article.asp?ID=KB;EN-US;Q227142.',
      'http://support.microsoft.com/directory/article.asp?ID=KB;EN-US;Q227142',
    ],
    [
      'go to support.microsoft.com/default.aspx?scid=http://support.microsoft.com:80/support/kb/articles/Q227/1/42.ASP&NoWebContent=1 now',
      'support.microsoft.com/default.aspx?scid=http://support.microsoft.com:80/support/kb/articles/Q227/1/42.ASP&NoWebContent=1',
    ],
  ])('%s', (text, span) => {
    const found = refs(text);
    expect(found.map(([, v]) => v)).toEqual([text.includes('6749') ? 'Q6749' : 'Q227142']);
    expect(found[0]![0]).toBe(span);
  });

  it('reads a list after one cue', () => {
    expect(refs('see KB 227142, 191014 and Q194022').map(([, v]) => v)).toEqual(['Q227142', 'Q191014', 'Q194022']);
  });

  it.each([
    ['phone', 'Call us at 425-882-8080 or +1 (425) 882 8080, ext 227142'],
    ['order number', 'Your order number 2271423 has shipped; invoice #227142'],
    ['ticket number', 'Ticket 227142 was reopened'],
    ['dates', 'On 2023-06-15 and 20230615 and 06/15/2023 the server rebooted'],
    ['versions', 'Exchange 5.5.2448.0 and build 2653, file version 4.0.1381.7097'],
    ['sizes', 'The attachment was 2048 KB 102400 bytes, or 64 KB'],
    ['file names', 'run Q248838engi.exe then extract Q320376.cab'],
    ['code', 'const q = items[227142]; if (kb > 227142) return Q_MAX;'],
    ['other language', 'Die Nachricht konnte nicht zugestellt werden, Artikel 227142 der Bestellung'],
    ['too short or long', 'KB 123 and KB 12345678 and Q12'],
    ['dotted versions after a cue', 'KB 5.5.2448.0, Q4.0.1381.7097, article 4.0.1381.7097, KB 227142.1, Q2448.0'],
    ['an address without a number', 'see support.microsoft.com/kb/ or support.microsoft.com/support/kb/articles/'],
  ])('finds nothing in %s', (_label, text) => {
    expect(refs(text)).toEqual([]);
  });
});

describe('a KB number inside a dotted version is never a KB reference', () => {
  const versions = [
    '5.5.2448.0',
    '4.0.1381.7097',
    '6.0.6249.0',
    '10.0.19041.1234',
    '5.0.2195.6717',
    '1.0.227142.1',
    '227142.1',
    '1.227142',
  ];
  const cues = [
    '',
    'KB ',
    'KB',
    'Q',
    'MSKB ',
    'article ',
    'KB article ',
    'version ',
    'build ',
    'see ',
    'KB 227142, ',
    'Q227142 and ',
  ];
  it.each(versions)('%s', (v) => {
    for (const cue of cues) {
      const text = `Server is on ${cue}${v} now`;
      const own = cue.includes('227142') ? ['Q227142'] : [];
      expect(
        refs(text).map(([, q]) => q),
        text,
      ).toEqual(own);
    }
  });
});

describe("other tools' article numbers and later page headers", () => {
  it("a bare Q after another number's label (order, invoice, case, room...) is that number", () => {
    expect(refs('Customer order Q245881 was shipped; invoice #Q100234; Room Q12345')).toEqual([]);
    expect(refs('per order, see Q245881 and KB 245882').map(([, q]) => q)).toEqual(['Q245881', 'Q245882']);
  });

  it('a KB-prefixed number right after a label of trade (invoice, order, PO, quote) is a supplier number', () => {
    expect(refs('Invoice number: KB 318842, due in 30 days; order no. KB227142; quote # KB 245117')).toEqual([]);
    expect(refs('Invoice number: Q318842')).toEqual([]);
    // Other labels before a KB cue do not make it another number: "in this case KB 227142 applies".
    expect(refs('in this case KB 227142 applies; ticket notes cite KB 245117').map(([, q]) => q)).toEqual([
      'Q227142',
      'Q245117',
    ]);
  });

  it('a number with a part suffix ("-B", "-01", "-A2") is a part or order code, not a KB reference', () => {
    expect(refs('shipment split into Q318842-A and Q318842-B; spare part Q190513-01, KB204412-A2')).toEqual([]);
  });

  it('a number the ticket labels once as another kind of number is that number wherever it repeats', () => {
    expect(refs('Invoice Q318842 is overdue. Please pay Q318842 by Friday.')).toEqual([]);
    expect(refs('PO #318842 covers it; Q318842 was split, see Q318842-B.')).toEqual([]);
    expect(refs('Ordered the docks (Q318842-A); has Q318842 shipped?')).toEqual([]);
    // Another number in the same ticket stays a KB reference, and so does one the ticket cites by "KB".
    expect(refs('order Q318842 is late; meanwhile see Q318843 and KB 318842').map(([, q]) => q)).toEqual([
      'Q318843',
      'Q318842',
    ]);
  });

  it('real KB references stay, whatever punctuation follows them', () => {
    expect(
      refs('Q270415 - How to reset the store. See KB Q270415-. Also see Q270415. (Q270415) Q270415-How').map(
        ([, q]) => q,
      ),
    ).toEqual(['Q270415', 'Q270415', 'Q270415', 'Q270415', 'Q270415']);
    expect(refs('Q270415-\nnext line; Q270415, Q227142; article 270415-2 says')).toHaveLength(4);
  });

  it('"KB-Artikel 227142" and "KB-article 227142" cite the number; a Jira-like "KB-1234" key does not', () => {
    expect(refs('siehe KB-Artikel 227142 und KB-article 245117')).toEqual([
      ['KB-Artikel 227142', 'Q227142'],
      ['KB-article 245117', 'Q245117'],
    ]);
    expect(refs('tracked as KB-1234 in Jira')).toEqual([]);
  });

  it('a Q with seven digits is another number: Q numbers ended near Q330000, seven-digit ones are KB numbers', () => {
    expect(refs('Order Q2271423 shipped; the driver Q2200510 too')).toEqual([]);
    expect(refs('see KB2271423 and support.microsoft.com/kb/2271423').map(([, q]) => q)).toEqual([
      'Q2271423',
      'Q2271423',
    ]);
  });

  it('a zero-padded "KB0012045" (a ServiceNow knowledge article) is not a Microsoft KB reference', () => {
    expect(refs('Resolved per KB0012045 in our portal; see also KB0010001, KB 0227142')).toEqual([]);
    // Modern Microsoft numbers have no leading zero and still count.
    expect(refs('after KB5034441 failed')).toEqual([['KB5034441', 'Q5034441']]);
  });

  it('"Microsoft Knowledge Base Article - 245273", the header of the articles\' later pages', () => {
    expect(refs('Printed from: Microsoft Knowledge Base Article - 245273 (last reviewed 2003)')).toEqual([
      ['Microsoft Knowledge Base Article - 245273', 'Q245273'],
    ]);
  });
});

describe('numbers that look cited but belong to someone else', () => {
  it("a bare Q after a person's, a return's or any number label is that number", () => {
    expect(refs('user q204511 cannot log in; RMA Q245881 picked up; Employee no. Q10922; Badge ID Q20931')).toEqual([]);
    expect(refs('SR Q271234 updated; Job Q204513 queued')).toEqual([]);
    // A label of its own kind before the cue keeps it a KB reference.
    expect(refs('Article ID: Q227142; see Q245117').map(([, q]) => q)).toEqual(['Q227142', 'Q245117']);
  });

  it('KB as the unit of a size column or field is no KB cue', () => {
    expect(refs('Shared-Finance  Size KB: 204800  Items: 45012; Memory KB 52428; Quota (KB 40960')).toEqual([]);
    // "as described in KB 227142" still cites one.
    expect(refs('as described in KB 227142').map(([, q]) => q)).toEqual(['Q227142']);
  });

  it("an article number of the team's or another site's knowledge base is not Microsoft's", () => {
    expect(refs('see our Confluence article 10234, wiki article 11873 and our internal KB 20431')).toEqual([]);
    expect(refs('per our KB article 204311; the intranet article 19022 says; SOP article 20417')).toEqual([]);
    // Microsoft's own knowledge base stays.
    expect(refs('the Microsoft Knowledge Base article 227142 and KB article 245117').map(([, q]) => q)).toEqual([
      'Q227142',
      'Q245117',
    ]);
  });

  it("an owner written after the number keeps it the team's", () => {
    expect(
      refs(
        "Article 318842 in our Help Center, viewed twice; KB 204311 (internal); article 19022 of the team's knowledge base.",
      ),
    ).toEqual([]);
    expect(refs('KB 245117, in our Confluence, has the steps')).toEqual([]);
    // Our servers, our case or our environment are no knowledge base: these still cite Microsoft's.
    expect(
      refs('KB 245117 on our servers; article 227142 in our case; Microsoft KB 204311 in our KB').map(([, q]) => q),
    ).toEqual(['Q245117', 'Q227142', 'Q204311']);
  });

  it('an owner after the number only when the place ends the phrase, and never where a copy came from', () => {
    expect(refs('See KB 318842 in our help desk.')).toEqual([]);
    expect(refs('Steps: article 19022 of our knowledge base; updated monthly')).toEqual([]);
    // Where a copy was fetched, kept or tested is no owner: Microsoft's article is still cited.
    expect(
      refs(
        'Installed hotfix KB 271139 from our self-service portal. Pushed KB 274139 from our service desk share. ' +
          'KB 314058 from the internal KB mirror of Microsoft articles. KB 299444, from our KB of approved patches. ' +
          'We tested KB 245117 in our help desk lab. KB 227142 in our KB of approved patches.',
      ).map(([, q]) => q),
    ).toEqual(['Q271139', 'Q274139', 'Q314058', 'Q299444', 'Q245117', 'Q227142']);
  });

  it("another vendor's knowledge base numbers its own articles", () => {
    expect(refs('Sophos knowledge base article 118061 says to exclude it; Citrix KB 245117 too')).toEqual([]);
    expect(refs("the vendor's article 204311 and the manufacturer's KB 19022")).toEqual([]);
    // Microsoft's, or a bare cue, still cites one.
    expect(
      refs('Microsoft knowledge base article 118061; the Sophos console, see KB 245117').map(([, q]) => q),
    ).toEqual(['Q118061', 'Q245117']);
  });

  it("a hardware or software maker of the archive's era owns its KB numbers too", () => {
    expect(refs('The Compaq KB on their site (Compaq KB 12245) says to roll back the SSD')).toEqual([]);
    expect(refs("Novell's KB 10025609, Netscape KB 18842 and the Seagate knowledge base article 31007")).toEqual([]);
    expect(refs('Opened a case with Banyan; their KB 20117 says the same')).toEqual([]);
    // The makers an article sends its reader to for their own update are the same list.
    expect(refs('Creative Labs KB 20331 and the Wall Data article 14521 say so')).toEqual([]);
    // A mail gateway is no maker: its KB cue is still Microsoft's.
    expect(refs('the SMTP gateway KB 245117 applies').map(([, q]) => q)).toEqual(['Q245117']);
    // Microsoft's article about the maker's product is still cited.
    expect(refs('Microsoft KB 249914 covers the Compaq driver; see also Q249214').map(([, q]) => q)).toEqual([
      'Q249914',
      'Q249214',
    ]);
  });

  it('"their" or "its" KB after another vendor is named is that vendor\'s knowledge base', () => {
    expect(refs('Vendor case number 7712-3391, their KB 45512 talks about the same thing')).toEqual([]);
    expect(refs('Opened a ticket with Veeam. Their knowledge base article 204311 says to exclude it')).toEqual([]);
    expect(refs('Per Citrix support, see its article 118061')).toEqual([]);
    // The owner named last decides; without a vendor "their" is anyone's.
    expect(
      refs('Citrix said to ask Microsoft, and their KB 245117 fixed it; users say their KB 227142 install failed').map(
        ([, q]) => q,
      ),
    ).toEqual(['Q245117', 'Q227142']);
  });

  it('"their" KB stays Microsoft\'s when Microsoft is the one named: its partner, a topic vendor, an everyday word', () => {
    const qs = (text: string) => refs(text).map(([, q]) => q);
    expect(qs('Escalated it to our Microsoft Partner last week, their KB 318842 lists the registry fix')).toEqual([
      'Q318842',
    ]);
    expect(qs('Microsoft looked at the apple icon glitch in Outlook and mailed their KB 318842')).toEqual(['Q318842']);
    expect(
      qs('Raised a case with Microsoft. They agree Canon printers are not the cause; their KB 318842 fits'),
    ).toEqual(['Q318842']);
    // A vendor the agent dealt with after Microsoft still owns its "their" KB; without Microsoft any named one does.
    expect(qs('Microsoft closed the case, so we called Veritas support; their KB 45512 says to reinstall')).toEqual([]);
    expect(qs('The Canon driver hangs the spooler; their KB 45512 says to update it')).toEqual([]);
  });

  it("a KB cue in another site's address names that site's page; in Microsoft's it is the hotfix", () => {
    expect(refs('link https://files.contoso.com/share/KB204511/setup.zip is dead')).toEqual([]);
    expect(refs('see www.example.org/docs?id=KB245117 for it')).toEqual([]);
    expect(
      refs('http://download.microsoft.com/download/WindowsServer2003-KB245117-x86-ENU.exe and C:\\fixes\\KB227142').map(
        ([, q]) => q,
      ),
    ).toEqual(['Q245117', 'Q227142']);
  });
});

describe('labels of sizes and other numbers are not read in sentences', () => {
  it('"used" before KB is a verb when someone used it: the number is cited', () => {
    expect(refs('We used KB 321064 to move the mailbox; I also used KB245117.').map(([, q]) => q)).toEqual([
      'Q321064',
      'Q245117',
    ]);
    // The column of a size table still is a unit.
    expect(refs('Mailbox  Used KB: 204800  Free KB: 1024')).toEqual([]);
  });

  it('a sentence ending in "no." is no number label for the Q that starts the next one', () => {
    expect(refs('Is it the same issue? The answer is no. Q245881 describes another error.').map(([, q]) => q)).toEqual([
      'Q245881',
    ]);
    expect(refs('I said no. Q245117 covers it, yes or no. Q227142 too').map(([, q]) => q)).toEqual([
      'Q245117',
      'Q227142',
    ]);
    expect(refs('Employee no. Q10922')).toEqual([]);
  });
});

describe('references typed loosely', () => {
  it('a no-break space (an HTML "&nbsp;") between the cue and the number is a space', () => {
    expect(refs('see KB\u00a0227142 and Q\u00a0245117; Knowledge\u00a0Base article\u00a0191014')).toEqual([
      ['KB\u00a0227142', 'Q227142'],
      ['Q\u00a0245117', 'Q245117'],
      ['Knowledge\u00a0Base article\u00a0191014', 'Q191014'],
    ]);
    // A size stays a size, whichever space it is written with.
    expect(refs('log.zip (2,048\u00a0KB 227142 lines); Cache\u00a0KB\u00a0131072')).toEqual([]);
  });

  it('"KB-227142", "KB - 227142", "KB #: 227142", "KB article #227142" cite the number', () => {
    expect(refs('per KB-227142, KB \u2013 245117, KB #: 191014, KB article #194022, KB Article No. 183633')).toEqual([
      ['KB-227142', 'Q227142'],
      ['KB \u2013 245117', 'Q245117'],
      ['KB #: 191014', 'Q191014'],
      ['KB article #194022', 'Q194022'],
      ['KB Article No. 183633', 'Q183633'],
    ]);
    // Four digits after a hyphen is a tracker's key; a zero-padded number an asset tag; a suffix a part.
    expect(refs('see KB-1234 in Jira, asset KB-00871, kit KB-227142-01')).toEqual([]);
    // After a key's or a reference's label it is that key: "Subject: licensing true-up (ref KB-77821)".
    expect(refs('true-up (ref KB-77821); Jira KB-10234; our ref: KB-22714; order KB-245117')).toEqual([]);
    // Those labels before a KB number written as such still cite it.
    expect(refs('ref KB 227142; ticket notes: KB-245117 applies').map(([, q]) => q)).toEqual(['Q227142', 'Q245117']);
  });

  it('a capital Q typed apart from a five- or six-digit number cites it; a quarter or a question does not', () => {
    expect(refs('labels truncated, see Q 146261 (and Q\t245117)')).toEqual([
      ['Q 146261', 'Q146261'],
      ['Q\t245117', 'Q245117'],
    ]);
    expect(refs('budget for Q 2001, Q 1 2002, IRQ 12345, Employee no. Q 10922, q 227142, Q  227142')).toEqual([]);
  });

  it('"Microsoft KB", "Microsoft\'s KB" and "MS-KB" are part of the reference', () => {
    expect(refs("see Microsoft KB Q96757, Microsoft's KB 245117 and MS-KB 121822").map(([t]) => t)).toEqual([
      'Microsoft KB Q96757',
      "Microsoft's KB 245117",
      'MS-KB 121822',
    ]);
  });

  it('a verb, a topic word or "available in" before KB leaves the citation', () => {
    expect(
      refs(
        'The fix is available in KB 245117. I downloaded KB 191014; the cluster KB 259267 lists the steps, and the memory KB 171402 explains the counter.',
      ).map(([, q]) => q),
    ).toEqual(['Q245117', 'Q191014', 'Q259267', 'Q171402']);
  });

  it('"Microsoft KB" names its owner: the words before "Microsoft" do not make it another\'s', () => {
    expect(
      refs('Opened a case with Citrix, their Microsoft KB 245117 reference; Sophos Microsoft KB 191014').map(
        ([, q]) => q,
      ),
    ).toEqual(['Q245117', 'Q191014']);
    expect(refs('Cache 2048 Microsoft KB 227142').map(([, q]) => q)).toEqual(['Q227142']);
  });

  it("a sentence's full stop is not a key's label", () => {
    expect(refs('Closing this case. KB-245117 resolved it. Ticket. KB-191014 too.').map(([, q]) => q)).toEqual([
      'Q245117',
      'Q191014',
    ]);
  });

  it("an issue tracker's keys are not citations: bracketed, listed after a link label, after 'issue'", () => {
    expect(
      refs('[KB-10234] Printer queue stuck\nLinked issues: KB-10234, KB-10235 and KB-10411\nsee issue KB-20011'),
    ).toEqual([]);
    // The hyphenated form elsewhere still cites, and so does a bracketed KB number written as such.
    expect(refs('notes: KB-245117 applies; [KB 191014]').map(([, q]) => q)).toEqual(['Q245117', 'Q191014']);
  });

  it('a capital Q apart from its number before a colon numbers a question', () => {
    expect(refs('Q 12345: How satisfied were you? Q 227142 : rate us')).toEqual([]);
    expect(refs('(see Q 227142)').map(([, q]) => q)).toEqual(['Q227142']);
  });

  it('every no-break or thin space separates the cue from its number alike', () => {
    for (const sp of ['\u00a0', '\u2007', '\u2009', '\u202f', '\u3000'])
      expect(refs(`see Q${sp}227142 and KB${sp}245117`).map(([, q]) => q)).toEqual(['Q227142', 'Q245117']);
  });

  it('KB after a measure of memory, storage or data is its unit', () => {
    expect(
      refs('Cache KB 131072; swap KB 262144\tbuffers KB 65536 | nonpaged pool KB 20480\nMailbox size in KB 204800'),
    ).toEqual([]);
    // Prose that cites one after the same words still does.
    expect(refs('the cache problem in KB 227142; swap file issue: see KB 245117').map(([, q]) => q)).toEqual([
      'Q227142',
      'Q245117',
    ]);
  });
});

describe('loosely typed forms are marked', () => {
  it('a hyphenated KB number and a spaced Q are loose; other forms are not', () => {
    const hits = findKbRefs('KB-227142, Q 245117, KB 191014, Q194022, KB-183633, 259267');
    expect(hits.map((h) => [h.value, h.loose ?? false])).toEqual([
      ['Q227142', true],
      ['Q245117', true],
      ['Q191014', false],
      ['Q194022', false],
      ['Q183633', true],
      ['Q259267', true],
    ]);
  });
});

describe("KB as a unit only after a number or as a field's label", () => {
  const values = (text: string) => findKbRefs(text).map((h) => h.value);

  it('a measure noun in prose is the topic of the article it cites', () => {
    for (const [text, q] of [
      ['The mailbox size limit in KB 86341 applies here.', 'Q86341'],
      ['There is a known limit in KB 34682 for PST files.', 'Q34682'],
      ['The total size in KB 245117 is documented.', 'Q245117'],
      ['The available disk space in KB 245117 was wrong', 'Q245117'],
      ['Outlook cache KB 83888 explains the OST rebuild.', 'Q83888'],
      ['The IIS application pool KB 67341 describes recycling.', 'Q67341'],
      ['The paged pool KB 245117 describes the leak', 'Q245117'],
    ] as const)
      expect(values(text), text).toEqual([q]);
  });

  it('free, used and total before KB are its unit, after an article too', () => {
    for (const text of [
      'Check the free KB 20480 on drive C',
      'The used KB 40960 is too high',
      'The total KB 131904 was reported by perfmon.',
    ])
      expect(values(text), text).toEqual([]);
  });

  it('a field of a quantity starts a line or a cell', () => {
    for (const text of [
      'Cache KB 131072',
      'Free KB: 1048576',
      'Mailbox size in KB 204800',
      'Host | Paged pool KB 245117',
      'Disk usage (size in KB 204800 per user)',
      'Alert: mem KB 1048576 free, swap KB 262144, buffers KB 65536, load 0.42',
    ])
      expect(values(text), text).toEqual([]);
  });
});

describe('tracker keys and question numbers read from the words after them', () => {
  const values = (text: string) => findKbRefs(text).map((h) => h.value);

  it('a relation, a state or a task title after a loose number makes it a key', () => {
    for (const text of [
      'KB-10220 (blocked by KB-10462)',
      'KB-10856: Update the onboarding wiki page',
      'Sprint 14: KB-10834, KB-10837 and KB-10856 are done',
      'KB-10826 and KB-10834 were merged into the release',
      'Blocked by KB-10213; relates to KB-10216',
      'Q 10826 - How satisfied were you?',
      'Q 10826) How would you rate the agent?',
      'Question Q 10212, answered',
      'Model Q 74471 toner cartridge',
    ])
      expect(values(text), text).toEqual([]);
  });

  it('a citing word before it, or a title that is no task, keeps the citation', () => {
    expect(values('See KB-245117: Outlook crashes on start')).toEqual(['Q245117']);
    expect(values('KB-245117: Outlook crashes on start')).toEqual(['Q245117']);
    expect(values('per KB-245117 (blocked by nothing else)')).toEqual(['Q245117']);
    expect(values('Q 245117 - How to move the mailbox')).toEqual(['Q245117']);
  });

  it("an everyday noun after an article or a possessive is a topic, not a key's label", () => {
    expect(values('In this case KB-137676 applies.')).toEqual(['Q137676']);
    expect(values('The issue KB-187147 describes matches our logs.')).toEqual(['Q187147']);
    expect(values('This bug KB-113421 fixes the leak.')).toEqual(['Q113421']);
    expect(values('Linked issues: KB-10234, KB-10235')).toEqual([]);
    expect(values('Issue KB-10234 was reopened')).toEqual([]);
  });
});
