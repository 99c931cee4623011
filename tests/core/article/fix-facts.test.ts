/**
 * Fix facts (issue 15), one rule per test, on small articles written for these tests in the
 * archive's format: product names, prerequisites, future fixes, other vendors' updates, steps
 * without a fix, "the latest service pack" resolved by date, and which tables list fixed files.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/article/parse-article';
import type { ArticleRecord } from '../../../src/core/article/types';
import { canonicalProduct } from '../../../src/core/version/products';
import {
  resolveLatestServicePacks,
  servicePackDates,
  servicePackOn,
} from '../../../src/core/version/service-pack-dates';
import { makeArticle } from './fixture';

interface Sketch {
  q?: string;
  applies?: string[];
  keywords?: string;
  modified?: string;
  sections: Record<string, string[]>;
}

/** An article with the given applies-to items and sections, parsed. */
function article(s: Sketch): ArticleRecord {
  const q = s.q ?? 'Q900500';
  const body = [
    `Article: ${q}`,
    'Product(s): Test',
    'Version(s): 1.0',
    'Operating System(s): ',
    `Keyword(s): ${s.keywords ?? ''}`,
    `Last Modified: ${s.modified ?? '12-MAY-2001'}`,
    '',
    '-'.repeat(79),
    'The information in this article applies to:',
    '',
    ...(s.applies ?? ['- Microsoft Widget Server, version 2.0']),
    '-'.repeat(79),
    '',
    '',
  ];
  for (const [name, lines] of Object.entries(s.sections)) body.push(name, '='.repeat(name.length), '', ...lines, '');
  body.push('', '='.repeat(70), `Keywords          : ${s.keywords ?? ''}`, '', '='.repeat(77));
  const r = parseArticle(makeArticle(q, 'Test Article: Widget Fails', body), `kbarchive/kb/900/${q}/README.md`);
  if (!r.ok) throw new Error(r.error.message);
  return r.record;
}

const SYMPTOMS = { SYMPTOMS: ['The widget stops when the queue is full.'] };

describe('one product name per fix', () => {
  it('names Exchange, Windows NT and SNA Server one way whatever the sentence wrote', () => {
    const cases: Array<[string, string]> = [
      ['This problem was corrected in Microsoft Exchange 5.5 Service Pack 2.', 'Exchange Server 5.5 Service Pack 2'],
      [
        'This problem was first corrected in Windows NT Server version 4.00 Service Pack 3.',
        'Windows NT 4.0 Service Pack 3',
      ],
      ['This problem was corrected in Windows NT Workstation or Server 4.0.', 'Windows NT 4.0'],
      [
        'This problem was corrected in SNA Server for Windows NT, 2.11 Service Pack 2.',
        'SNA Server 2.11 Service Pack 2',
      ],
      [
        'This problem was first corrected in Visual FoxPro for Windows 7.0 Service Pack 1.',
        'Visual FoxPro 7.0 Service Pack 1',
      ],
    ];
    for (const [sentence, want] of cases) {
      expect(article({ sections: { ...SYMPTOMS, STATUS: [sentence] } }).fixedIn, sentence).toBe(want);
    }
  });
  it('keeps an edition with service packs of its own', () => {
    expect(canonicalProduct('Windows NT Server 4.0, Terminal Server Edition', '4.0').product).toContain(
      'Terminal Server Edition',
    );
    expect(canonicalProduct('Windows NT Server, Enterprise Edition', '4.0')).toEqual({
      product: 'Windows NT',
      version: '4.0',
    });
    expect(canonicalProduct('Server Appliance Kit (SAK)', '2.0')).toEqual({
      product: 'Server Appliance Kit',
      version: '2.0',
    });
    expect(canonicalProduct('Visual Studio', '97')).toEqual({ product: 'Visual Studio', version: '97' });
  });
  it('a hotfix names the first product the article lists, at its highest version', () => {
    const r = article({
      applies: ['- Microsoft Widget Server, versions 2.0, 2.1, 2.5', '- Microsoft Widget Client, version 1.0'],
      sections: {
        ...SYMPTOMS,
        RESOLUTION: [
          'A supported fix is now available from Microsoft, but it is only intended to',
          'correct the problem described in this article.',
        ],
      },
    });
    expect(r.fixKind).toBe('hotfix');
    expect(r.fixedIn).toBe('Widget Server 2.5 hotfix');
  });
});

describe('what is not the fix', () => {
  it('a service pack the fix requires', () => {
    const r = article({
      applies: ['- Microsoft Windows NT Server version 4.0'],
      sections: {
        ...SYMPTOMS,
        RESOLUTION: [
          'A supported fix is now available from Microsoft, but it is only intended to correct',
          'the problem described in this article. Because of file dependencies, this fix',
          'requires Windows NT 4.0 Service Pack 4.',
        ],
        STATUS: ['Microsoft has confirmed this to be a problem in Windows NT 4.0.'],
      },
    });
    expect(r.fixKind).toBe('hotfix');
    expect(r.fixedIn).toBe('Windows NT 4.0 hotfix');
  });
  it('a fix promised for a later version', () => {
    const r = article({
      sections: { ...SYMPTOMS, STATUS: ['This problem will be corrected in a later version of Widget Server.'] },
    });
    expect(r.fixedIn).toBeNull();
    expect(r.fixKind).toBe('none');
    const promised = article({
      sections: { ...SYMPTOMS, RESOLUTION: ['This issue will be resolved in a future release of Widget Server.'] },
    });
    expect(promised.fixKind).toBe('none');
  });
  it("another vendor's update is `other`", () => {
    const driver = article({
      sections: {
        ...SYMPTOMS,
        RESOLUTION: [
          'To resolve this problem, contact the manufacturer of your network adapter to',
          'obtain an updated driver.',
        ],
      },
    });
    expect(driver.fixKind).toBe('other');
    expect(driver.fixedIn).toBeNull();
    const netware = article({
      sections: { ...SYMPTOMS, STATUS: ['This limit is fixed in Novell version 4.0 and later.'] },
    });
    expect(netware.fixKind).toBe('other');
  });
  it('hotfix wording in a read-me or how-to only counts when it offers the fix', () => {
    const howTo = article({
      sections: {
        SUMMARY: ['This article lists the setup steps.'],
        'MORE INFORMATION': ['Copy the files from the \\Winnt351.qfe folder, then reinstall any hotfixes you applied.'],
      },
    });
    expect(howTo.fixKind).toBe('none');
    const boilerplate = article({
      sections: {
        ...SYMPTOMS,
        'MORE INFORMATION': [
          'A supported fix is now available from Microsoft, but it is only intended to',
          'correct this problem.',
        ],
      },
    });
    expect(boilerplate.fixKind).toBe('hotfix');
  });
});

describe('steps without a fix are workaround-only', () => {
  it('whether or not the word "workaround" is used', () => {
    const r = article({
      sections: { ...SYMPTOMS, RESOLUTION: ['Set the QueueLimit value to 0, and then restart the Widget service.'] },
    });
    expect(r.fixKind).toBe('workaround-only');
  });
  it('but not a RESOLUTION that only says the problem is being researched', () => {
    const r = article({
      sections: {
        ...SYMPTOMS,
        RESOLUTION: ['Microsoft is researching this problem and will post new information here.'],
      },
    });
    expect(r.fixKind).toBe('none');
  });
  it('nor "to work around" said in passing in MORE INFORMATION of a how-to', () => {
    const r = article({
      sections: {
        SUMMARY: ['How to trace the network.'],
        'MORE INFORMATION': ['To work around this behavior, configure a mirror port on the switch.'],
      },
    });
    expect(r.fixKind).toBe('none');
  });
  it('a product update from Microsoft is a hotfix, not a workaround', () => {
    const r = article({
      sections: {
        ...SYMPTOMS,
        RESOLUTION: [
          'An update has been created to resolve this issue. To download and install the',
          'update, browse to the product Web site.',
        ],
      },
    });
    expect(r.fixKind).toBe('hotfix');
  });
});

describe('service pack keywords', () => {
  it('several spNfix keywords: the lowest is where the fix first shipped', () => {
    const r = article({
      keywords: 'kbVS600sp4fix kbVS600sp5fix',
      sections: { ...SYMPTOMS, STATUS: ['This bug was corrected in the latest service pack for Visual Studio 6.0.'] },
    });
    expect(r.fixedIn).toBe('Visual Studio 6.0 Service Pack 4');
  });
  it('a "latest" fix with no version takes it from the product the article confirms', () => {
    const r = article({
      applies: ['- Microsoft Widget Server, version 1.1'],
      sections: {
        ...SYMPTOMS,
        STATUS: [
          'Microsoft has confirmed this to be a problem in Widget Server version 1.1. This',
          'problem was corrected in the latest US Service Pack for Widget Server.',
        ],
      },
    });
    expect(r.fixedIn).toBe('latest Widget Server 1.1 service pack');
  });
});

describe('"the latest service pack" resolved by date', () => {
  const fixedIn = (q: string, modified: string, sentence: string) =>
    article({
      q,
      modified,
      applies: ['- Microsoft Exchange Server, version 5.5'],
      sections: { ...SYMPTOMS, STATUS: [sentence] },
    });
  const records = () => [
    fixedIn('Q900601', '01-MAY-1999', 'This problem was first corrected in Exchange Server 5.5 Service Pack 2.'),
    fixedIn('Q900602', '30-SEP-1999', 'This problem was first corrected in Exchange Server 5.5 Service Pack 3.'),
    fixedIn(
      'Q900603',
      '15-DEC-1999',
      'This problem has been corrected in the latest U.S. Service Pack for Microsoft Exchange Server version 5.5.',
    ),
    fixedIn(
      'Q900604',
      '01-JUN-1999',
      'This problem has been corrected in the latest U.S. Service Pack for Microsoft Exchange Server version 5.5.',
    ),
    fixedIn(
      'Q900605',
      '01-JAN-1998',
      'This problem has been corrected in the latest U.S. Service Pack for Microsoft Exchange Server version 5.5.',
    ),
  ];

  it('builds per product version the date by which each service pack existed', () => {
    const table = servicePackDates(records());
    expect(table.get('exchange server|5.5')).toEqual([
      { servicePack: '2', since: '1999-05-01', name: 'Service Pack' },
      { servicePack: '3', since: '1999-09-30', name: 'Service Pack' },
    ]);
    expect(servicePackOn(table, 'Exchange Server', '5.5', '1999-07-01')).toBe('2');
    expect(servicePackOn(table, 'Exchange Server', '5.5', '1998-07-01')).toBeNull();
    expect(servicePackOn(table, 'Exchange Server', '4.0', '1999-07-01')).toBeNull();
  });
  it('a later service pack named earlier means the earlier one existed by then too', () => {
    const rs = records();
    rs[0]!.lastModified = '2001-01-01';
    expect(servicePackDates(rs).get('exchange server|5.5')![0]).toEqual({
      servicePack: '2',
      since: '1999-09-30',
      name: 'Service Pack',
    });
  });
  it('gives the number current when the article was last modified, marked inferred', () => {
    const rs = records();
    resolveLatestServicePacks(rs);
    const [, , late, mid, early] = rs;
    expect(late!.fixedIn).toBe('Exchange Server 5.5 Service Pack 3 (inferred)');
    expect(late!.fix).toMatchObject({ servicePack: '3', inferred: true });
    expect(mid!.fix).toMatchObject({ servicePack: '2', inferred: true });
    // Before any service pack the archive knows of: left as "latest", no guess.
    expect(early!.fixedIn).toBe('latest Exchange Server 5.5 service pack');
    expect(early!.fix!.inferred).toBeUndefined();
    // A stated number is never touched.
    expect(rs[0]!.fix!.inferred).toBeUndefined();
  });
});

describe('fixed files', () => {
  const resolution = (lines: string[]) => article({ sections: { ...SYMPTOMS, RESOLUTION: lines } }).files;

  it('a table of what a download holds is not a list of fixed files', () => {
    expect(
      resolution([
        'The Sample.exe file contains the following files:',
        '',
        '+----------------------+',
        '| File name   | Size   | ',
        '+----------------------+',
        '| Sample.scx  | 2,232  | ',
        '+----------------------+',
      ]),
    ).toEqual([]);
  });
  it('reads driver extensions, dates with a.m./p.m. and names without an extension', () => {
    expect(
      resolution([
        'The English version of this fix should have the following file attributes or later:',
        '',
        '  Date       Time     Version     Size     File name',
        '  --------------------------------------------------',
        '  1/7/2000   3:20pm   4.10.1660   75,885   Widget.386',
        '  03-Dec-2001 14:43               247,744  Wdgldr',
      ]),
    ).toEqual([
      { name: 'Widget.386', version: '4.10.1660' },
      { name: 'Wdgldr', version: null },
    ]);
  });
  it('a sentence after the table that names a package is not a row', () => {
    expect(
      resolution([
        'The English version of this fix should have the following file attributes or later:',
        '',
        '  Date      Time      Size     File name     Platform',
        '  ---------------------------------------------------',
        '  09/16/99   12:40PM   322 KB   Widget.dll    x86',
        '',
        '  This hotfix has been posted to the following Internet location as Wdgfix.exe',
      ]),
    ).toEqual([{ name: 'Widget.dll', version: null }]);
  });
  it('a file version the setup requires is not a fixed file', () => {
    expect(resolution(['Setup requires Oleaut32.dll 2.20.4054 or later.'])).toEqual([]);
    expect(resolution(['To fix this problem, install Widget.dll 2.20.4054 or later.'])).toEqual([
      { name: 'Widget.dll', version: '2.20.4054' },
    ]);
  });
});

describe('affected versions from the applies-to block', () => {
  it('reads service pack lists, an edition, and model names with their edition or platform', () => {
    const r = article({
      applies: [
        '- Microsoft Exchange Server, version 5.5 Service Packs 1, 2',
        '- Microsoft Windows NT Server version 4.0, Terminal Server Edition',
        '- Microsoft Windows 2000 Professional',
        '- Microsoft Word 97 for Windows',
      ],
      sections: SYMPTOMS,
    });
    expect(r.versions).toEqual([
      'Exchange Server 5.5 SP1',
      'Exchange Server 5.5 SP2',
      'Windows NT Server 4.0 Terminal Server Edition',
      'Windows 2000 Professional',
      'Word 97 for Windows',
    ]);
  });
  it('a lead-in said twice, with a rule between, still opens the block', () => {
    const q = 'Q900700';
    const text = makeArticle(q, 'Test Article: Twice', [
      `Article: ${q}`,
      'Product(s): Test',
      'Version(s): 3.1',
      'Keyword(s): ',
      'Last Modified: 08-AUG-2001',
      '',
      'The information in this article applies to',
      '',
      '-'.repeat(79),
      'The information in this article applies to:',
      '',
      '- Microsoft Windows NT Server version 3.1',
      '- Microsoft Windows NT Advanced Server, version 3.1',
      '-'.repeat(79),
      '',
      'SYMPTOMS',
      '========',
      '',
      'Calls fail.',
      '',
    ]);
    const r = parseArticle(text, `kbarchive/kb/900/${q}/README.md`);
    expect(r.ok && r.record.versions).toEqual(['Windows NT Server 3.1', 'Windows NT Advanced Server 3.1']);
  });
});

describe('facts of a fix as fields, not only in its text', () => {
  it('puts the service pack a rollup is on, and the one that took a hotfix in, on the fix', () => {
    const rollup = article({
      sections: {
        ...SYMPTOMS,
        STATUS: ['This problem was first corrected in Widget Server 2.0 Service Pack 4 Hotfix Rollup Package.'],
      },
    });
    expect(rollup.fix).toMatchObject({ text: 'Widget Server 2.0 Service Pack 4 Hotfix Rollup Package', rollupOn: '4' });
    expect(rollup.fix?.takenIn).toBeUndefined();
    const office = article({
      applies: ['- Microsoft Word 97 for Windows'],
      sections: { ...SYMPTOMS, STATUS: ['This problem was corrected in Microsoft Office 97 Service Release 2.'] },
    });
    expect(office.fix).toMatchObject({ servicePack: '2', servicePackName: 'Service Release' });
    const sp = article({
      sections: { ...SYMPTOMS, STATUS: ['This problem was corrected in Widget Server 2.0 Service Pack 3.'] },
    });
    expect(sp.fix?.servicePackName).toBeUndefined();
  });
});
