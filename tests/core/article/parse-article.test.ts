import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/article/parse-article';
import { fixtureText, makeArticle, parseFixture } from './fixture';

describe('parseArticle on a typical Exchange 5.5 article (boxed table, NDR, STATUS SP)', () => {
  const { record, result } = parseFixture('exchange-sp-boxed.md');

  it('reads identity fields: Q-number, decoded title without the Q prefix, url, date', () => {
    expect(record.q).toBe('Q399101');
    expect(record.title).toBe('XFOR: Widget Connector Drops Messages w/"Large" Attachments & Rules');
    expect(record.url).toBe('https://jeffpar.github.io/kbarchive/kb/399/Q399101/');
    expect(record.lastModified).toBe('1999-10-07');
  });

  it('prefers the trailer keywords over the truncated, glued header copy', () => {
    expect(record.keywords).toContain('EXC55SP3Fix');
    expect(record.keywords).toContain('kbZNotKeyword2');
    expect(record.keywords).not.toContain('EXC55SP3Fixkbfixlist');
    expect(record.versionsRaw).toBe('winnt:5.5');
  });

  it('takes products and normalised versions from the applies-to block', () => {
    expect(record.products).toEqual(['Microsoft Exchange Server']);
    expect(record.versions).toEqual(['Exchange Server 5.5']);
  });

  it('lets the STATUS sentence (wrapped over two lines) name the fix', () => {
    expect(record.fixedIn).toBe('Exchange Server 5.5 Service Pack 3');
    expect(record.fix).toEqual({
      text: 'Exchange Server 5.5 Service Pack 3',
      product: 'Exchange Server',
      version: '5.5',
      servicePack: '3',
      hotfix: false,
      source: 'status',
    });
    expect(record.fixes).toHaveLength(1);
    expect(record.fixKind).toBe('service-pack');
  });

  it('reads the boxed file table, N/A as null, and warns about an unreadable row with its line', () => {
    expect(record.files).toEqual([
      { name: 'Widgetcn.exe', version: '5.5.2591.0' },
      { name: 'Widgetmsg.dll', version: '5.5.2591.0' },
      { name: 'Widgetcn.ini', version: null },
    ]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]!.message).toMatch(/file table row/);
    expect(result.warnings[0]!.line).toBe(62);
    expect(result.warnings[0]!.file).toBe('kbarchive/kb/000/exchange-sp-boxed.md');
  });

  it('quotes the NDR reason as one string, wrap joined, kind ndr', () => {
    expect(record.errors).toEqual([
      {
        text: 'Unable to hand the message to the widget gateway because of a communications failure.',
        kind: 'ndr',
        placeholders: [],
      },
    ]);
  });

  it('lists cited Q-numbers in order, skipping its own number, file names and version digits', () => {
    expect(record.related).toEqual(['Q191014', 'Q154321']);
  });
});

describe('parseArticle on a Windows NT hotfix article (column tables, event block)', () => {
  const { record } = parseFixture('nt-hotfix-columns.md');

  it('reads a hotfix from a preSP keyword, not the prerequisite SP 6a', () => {
    expect(record.fixKind).toBe('hotfix');
    expect(record.fix).toMatchObject({ product: 'Windows NT', version: '4.0', servicePack: null, hotfix: true });
    expect(record.fixedIn).toBe('Windows NT 4.0 hotfix (before Service Pack 7)');
    expect(record.fix?.takenIn).toBe('7');
    expect(record.fixes.some((f) => f.servicePack === '6a')).toBe(false);
  });

  it('reads column tables with a blank line inside, per-platform duplicates once per version, and N/A', () => {
    expect(record.files).toEqual([
      { name: 'Gadget.dll', version: '4.0.1381.7097' },
      { name: 'Gadgetsvc.exe', version: '4.0.1381.7097' },
      { name: 'Gadgetsvc.exe', version: '4.0.1381.7098' },
      { name: 'Gadgetts.dll', version: '4.0.1381.33456' },
    ]);
  });

  it('reads an Event Viewer block: description as an event string plus the ID and source', () => {
    expect(record.errors).toContainEqual({
      text: 'The Gadget service could not bind to port %1 on server <server name>. Error code xxxx.',
      kind: 'event',
      placeholders: ['%1', '<server name>', 'xxxx'],
    });
    expect(record.errors).toContainEqual({
      text: 'Event ID: 4242, Source: GadgetSvc',
      kind: 'event',
      placeholders: [],
    });
  });
});

describe('parseArticle on per-product STATUS sub-blocks', () => {
  const { record } = parseFixture('per-product-blocks.md');

  it('gives each dashed sub-block its own fix, and a bare "Service Pack 2" takes the block product', () => {
    expect(record.fixes.map((f) => f.text)).toEqual([
      'Exchange Server 5.0 Service Pack 2',
      'Exchange Server 5.5 Service Pack 1',
    ]);
    expect(record.fixedIn).toBe('Exchange Server 5.0 Service Pack 2');
  });

  it('ignores future tense and third-party "fixed in" sentences', () => {
    expect(record.fixes.some((f) => /Outlook|Novell/.test(f.text))).toBe(false);
  });

  it('reads nested applies-to children, "used with:" parents, name-only items and the OS item', () => {
    expect(record.products).toEqual([
      'Microsoft Exchange Server',
      'The Sprocket Addressing Library',
      'Microsoft Mail for PC Networks',
      'Microsoft Outlook 98',
    ]);
    expect(record.versions).toEqual([
      'Exchange Server 5.0',
      'Exchange Server 5.5',
      'Mail for PC Networks 3.2',
      'Mail for PC Networks 3.5',
      'Outlook 98',
    ]);
    expect(record.os).toEqual(['Microsoft Windows NT 4.0']);
  });

  it('drops NDR boilerplate, header lines and recipient lines but keeps the reason and MSEXCH line', () => {
    const texts = record.errors.map((e) => e.text);
    expect(texts).toContain('The recipient name is not recognized');
    expect(texts).toContain('MSEXCH:MSExchangeMTA:SITENAME:SERVERNAME');
    expect(texts.some((t) => /did not reach some or all|could not be reached|^Subject|example\.com/.test(t))).toBe(
      false,
    );
    expect(record.errors.find((e) => e.text === 'The recipient name is not recognized')!.kind).toBe('ndr');
  });

  it('takes inline quoted messages after and before the word error/message, wrapped', () => {
    expect(record.errors).toContainEqual({ text: 'Operation failed', kind: 'error', placeholders: [] });
    expect(record.errors).toContainEqual({
      text: 'The sprocket address <address> is not valid for this connector.',
      kind: 'error',
      placeholders: ['<address>'],
    });
  });
});

describe('parseArticle: "latest service pack" and keywords', () => {
  it('takes the SP number of "the latest service pack for X" from a matching spNfix keyword', () => {
    const { record } = parseFixture('latest-sp-keyword.md');
    expect(record.fixedIn).toBe('Exchange Server 5.5 Service Pack 4');
    expect(record.fix).toMatchObject({ servicePack: '4', source: 'resolution' });
  });

  it('uses a spNfix keyword alone when no sentence names the fix', () => {
    const { record } = parseFixture('keyword-only.md');
    expect(record.fix).toMatchObject({ text: 'Visual Studio 6.0 Service Pack 3', source: 'keyword', servicePack: '3' });
    expect(record.fixKind).toBe('service-pack');
  });

  it('keeps "-or-" alternatives apart and finds each placeholder kind, not real values', () => {
    const { record } = parseFixture('latest-sp-keyword.md');
    expect(record.errors[0]).toEqual({
      text: 'The Cog directory service on <server name> cannot be contacted. ID no: c1031651 (%1 of %s).',
      kind: 'error',
      placeholders: ['<server name>', '%1', '%s'],
    });
    expect(record.errors[1]).toEqual({
      text: 'Cog item XXXXX in folder ### could not be opened on type <2> host PC<20>.',
      kind: 'error',
      placeholders: ['XXXXX', '###'],
    });
  });

  it('does not add a truncated "Err Msg:" title when the body quotes the full message', () => {
    const { record } = parseFixture('latest-sp-keyword.md');
    expect(record.errors).toHaveLength(2);
  });
});

describe('parseArticle: other layouts', () => {
  it('reads one-line time stamps and "X.dll 1.2.3 or later" prose, and mends wrap hyphens', () => {
    const { record } = parseFixture('keyword-only.md');
    expect(record.files).toEqual([
      { name: 'Dhdesign.dll', version: null },
      { name: 'Dhcore.dll', version: '6.0.8447.0' },
    ]);
    expect(record.errors[0]!.text).toBe(
      'DOOHICKEY caused an invalid page fault in module DHDESIGN.DLL at 0137: 7f2a1c3e. The designer will now close and all un-saved changes will be lost.',
    );
  });

  it('reads an MSPL article: prose products, "|" keywords and OS, no trailer, an upgrade fix', () => {
    const { record } = parseFixture('mspl.md');
    expect(record.q).toBe('Q39106');
    expect(record.title).toBe('PRINT USING Rounds Wrong with \\\\ Format');
    expect(record.keywords).toEqual(['ENDUSER', 'buglist4.50', 'fixlist7.00', 'mspl13_basic']);
    expect(record.os).toEqual(['MS-DOS', 'OS/2']);
    expect(record.products).toEqual(['Microsoft QuickBASIC', 'Microsoft BASIC Compiler']);
    expect(record.versions).toEqual([
      'QuickBASIC 4.00',
      'QuickBASIC 4.00b',
      'QuickBASIC 4.50',
      'BASIC Compiler 6.00',
      'BASIC Compiler 6.00b',
    ]);
    expect(record.versionsRaw).toBe('4.00 4.00b 4.50');
    expect(record.fix).toMatchObject({
      text: 'BASIC Professional Development System 7.00',
      servicePack: null,
      source: 'body',
    });
    expect(record.fixKind).toBe('upgrade');
  });

  it('falls back to the Version field and category when there is no applies-to block', () => {
    const { record } = parseFixture('header-only.md');
    expect(record.products).toEqual([]);
    expect(record.versions).toEqual(['Exchange 4.0', 'Exchange 5.0', 'Exchange 5.5']);
    expect(record.keywords).toEqual(['kbclient', 'kbbuglist']);
    // The fix names the product one way everywhere, however the sentence wrote it.
    expect(record.fix).toMatchObject({
      text: 'Exchange Server 5.5',
      product: 'Exchange Server',
      version: '5.5',
      servicePack: null,
    });
    expect(record.fixKind).toBe('upgrade');
  });

  it('uses the "Err Msg:" title as an error string when the body quotes none', () => {
    const { record } = parseFixture('header-only.md');
    expect(record.errors).toEqual([
      { text: 'Unable to Open Your Default E-mail Folders', kind: 'error', placeholders: [] },
    ]);
  });

  it('calls a by-design article with a workaround "workaround-only", not a future fix', () => {
    const { record } = parseFixture('workaround.md');
    expect(record.fixKind).toBe('workaround-only');
    expect(record.fix).toBeNull();
    expect(record.fixedIn).toBeNull();
    expect(record.fixes).toEqual([]);
    expect(record.versions).toEqual(['Windows 95']);
  });
});

describe('parseArticle on malformed input never throws', () => {
  it('reports an empty file', () => {
    const r = parseArticle('', 'kb/000/Q1/README.md');
    expect(r).toEqual({ ok: false, error: { file: 'kb/000/Q1/README.md', line: 0, message: 'empty file' } });
  });

  it('reports binary junk', () => {
    const junk = String.fromCharCode(...Array.from({ length: 600 }, (_, i) => (i * 37) % 256));
    const r = parseArticle(junk, 'junk.bin');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/binary/);
  });

  it('reports text with no front matter, no Article header and no Q-number', () => {
    const r = parseArticle('just some notes\nabout nothing\n', 'notes.txt');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/not an article/);
  });

  it('parses an article without front matter from its Article header, with a warning', () => {
    const text = fixtureText('exchange-sp-boxed.md').split('\n').slice(8).join('\n');
    const r = parseArticle(text, 'x.md');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record.q).toBe('Q399101');
    expect(r.record.fixedIn).toBe('Exchange Server 5.5 Service Pack 3');
    expect(r.warnings.some((w) => /front matter/.test(w.message))).toBe(true);
  });

  it('parses CRLF line endings the same as LF', () => {
    const lf = parseArticle(fixtureText('nt-hotfix-columns.md'), 'a.md');
    const crlf = parseArticle(fixtureText('nt-hotfix-columns.md').replace(/\n/g, '\r\n'), 'a.md');
    expect(crlf).toEqual(lf);
  });

  it('tolerates lines without the leading TAB', () => {
    const r = parseArticle(fixtureText('exchange-sp-boxed.md').replace(/^\t/gm, ''), 'a.md');
    expect(r.ok && r.record.fixedIn).toBe('Exchange Server 5.5 Service Pack 3');
    expect(r.ok && r.record.files.length).toBe(3);
  });

  it('keeps non-ASCII text and maps <A0> to a space', () => {
    const text = makeArticle('Q399120', 'Caf&#233; Menu Shows &#9552; Characters', [
      'Article: Q399120',
      'Product(s): Microsoft Exchange',
      'Version(s): 5.5',
      'Operating System(s): ',
      'Keyword(s): ',
      'Last Modified: 31-FEB-2000',
      '',
      'SYMPTOMS',
      '========',
      '',
      'You receive the following error message:',
      '',
      '  Le café<A0>est fermé ═ ouvert.',
    ]);
    const r = parseArticle(text, 'a.md');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record.title).toBe('Café Menu Shows ═ Characters');
    expect(r.record.errors[0]!.text).toBe('Le café est fermé ═ ouvert.');
    // 31-FEB is not a date: null plus a warning, not a throw.
    expect(r.record.lastModified).toBeNull();
    expect(r.warnings.some((w) => /Last Modified/.test(w.message))).toBe(true);
  });

  it("reads a message under a bullet at the bullet's own indent, with a wrapped path joined, and not the next lead-in", () => {
    const text = makeArticle('Q399122', 'Zorb Help Missing', [
      'Article: Q399122',
      'Product(s): Zorb',
      'Version(s): 97',
      'Operating System(s): ',
      'Keyword(s): ',
      'Last Modified: 1-MAR-2000',
      '',
      'SYMPTOMS',
      '========',
      '',
      'One of the following symptoms may occur:',
      '',
      '- Pressing F1 for Help displays the following error message:',
      '',
      '  Cannot find the C:\\Program Files\\Common Files\\Zorb',
      '  Shared\\ZORBHELP.HLP. Do you want to try to find this file yourself?',
      '',
      '  If you answer No, the following error message is displayed:',
      '',
      '  The Zorb help file is missing. Run Setup again.',
      '',
      '- Pressing F2 does the following:',
      '',
      '  It opens the gazillion pane and closes it again at once.',
      '',
      'CAUSE',
      '=====',
      '',
      'The help file is not installed.',
    ]);
    const r = parseArticle(text, 'a.md');
    expect(r.ok && r.record.errors.map((e) => e.text)).toEqual([
      'Cannot find the C:\\Program Files\\Common Files\\Zorb Shared\\ZORBHELP.HLP. Do you want to try to find this file yourself?',
      'The Zorb help file is missing. Run Setup again.',
    ]);
  });

  it('takes the tokens the paragraph after a message explains ("where x is the drive ...") as its placeholders', () => {
    const text = makeArticle('Q399124', 'Zorb Reports Cannot Start', [
      'Article: Q399124',
      'Product(s): Zorb',
      'Version(s): 2.0',
      'Operating System(s): ',
      'Keyword(s): ',
      'Last Modified: 1-MAR-1998',
      '',
      'SYMPTOMS',
      '========',
      '',
      'When you start Zorb Reports, the following error message appears:',
      '',
      '  The zorb library ZORBUI.DLL could not be found in the path x:\\ZRW;<system paths>',
      '',
      'where x is the drive where Zorb Server is installed.',
      '',
      'When you print, you receive the error "Printer n is not ready", where n is the printer number.',
      '',
      'After you click OK, the following error message appears:',
      '',
      '  Zorb cannot save the report on drive x',
      '',
      'The x in this message is always drive C.',
    ]);
    const r = parseArticle(text, 'a.md');
    expect(r.ok && r.record.errors).toEqual([
      {
        text: 'The zorb library ZORBUI.DLL could not be found in the path x:\\ZRW;<system paths>',
        kind: 'error',
        placeholders: ['x', '<system paths>'],
      },
      // No explanation after it: "x" stays a literal word.
      { text: 'Zorb cannot save the report on drive x', kind: 'error', placeholders: [] },
      { text: 'Printer n is not ready', kind: 'error', placeholders: ['n'] },
    ]);
  });

  it('reads a message after "if X is set to Y, LINK fails with the following message:", not after "set the following"', () => {
    const text = makeArticle('Q399123', 'Bad Zorb Field Causes L9999', [
      'Article: Q399123',
      'Product(s): Zorb C',
      'Version(s): 2.00',
      'Operating System(s): ',
      'Keyword(s): ',
      'Last Modified: 1-MAR-1990',
      '',
      'If the field is set to "D:/ZLIB" rather than "D:\\ZLIB", the zorb linker fails with the',
      'following message:',
      '',
      '   ZLINK : fatal error L9999: ZLIB\\ : unrecognized zorb option name',
      '',
      'To fix it, set the following values in ZORB.INI:',
      '',
      '   ZorbPath=D:\\ZLIB',
      '',
    ]);
    const r = parseArticle(text, 'a.md');
    expect(r.ok && r.record.errors.map((e) => e.text)).toEqual([
      'ZLINK : fatal error L9999: ZLIB\\ : unrecognized zorb option name',
    ]);
  });

  it('survives a broken boxed table and a table header with no rows', () => {
    const text = makeArticle('Q399121', 'Broken Tables', [
      'Article: Q399121',
      'Product(s): Microsoft Exchange',
      'Version(s): 5.5',
      'Operating System(s): ',
      'Keyword(s): ',
      'Last Modified: 1-MAR-2000',
      '',
      'RESOLUTION',
      '==========',
      '',
      '+-----------',
      '| File name | Version',
      '| Store.exe ',
      '+--',
      '| | |',
      '',
      '  File name   Version',
      '  ---------------------',
      '',
      'This problem was first corrected in Exchange Server 5.5 Service Pack 2.',
    ]);
    const r = parseArticle(text, 'a.md');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record.files).toEqual([{ name: 'Store.exe', version: null }]);
    expect(r.record.fixedIn).toBe('Exchange Server 5.5 Service Pack 2');
  });

  it('turns an unexpected exception into an issue naming the file', () => {
    const hostile = {
      trim: () => {
        throw new Error('boom');
      },
    } as unknown as string;
    const r = parseArticle(hostile, 'kb/1/Q1.md');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.file).toBe('kb/1/Q1.md');
    }
  });
});
