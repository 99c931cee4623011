import { describe, expect, it } from 'vitest';
import { explainedTokens, findPlaceholders } from '../../../src/core/article/placeholders';
import { readRelated } from '../../../src/core/article/related';
import { isoDate } from '../../../src/core/article/dates';
import { parseRelease } from '../../../src/core/article/release';
import { fixStatements } from '../../../src/core/article/fixes';
import { decodeEntities, stripQPrefix } from '../../../src/core/article/front-matter';
import { parseProduct, versionList } from '../../../src/core/article/applies-to';
import { versionsFromField } from '../../../src/core/article/version-field';
import { readFixKeywords } from '../../../src/core/article/fix-keywords';
import { parseRow } from '../../../src/core/article/file-tables';

const lines = (...t: string[]) => t.map((text, i) => ({ text, line: i + 1 }));

describe('placeholders', () => {
  it('finds angle, percent and run placeholders in order', () => {
    expect(findPlaceholders('<ServerName> %1 %s EBU<xxxx> DBLSPACE.nnn line ### 0xXXXXXXXX')).toEqual([
      '<ServerName>',
      '%1',
      '%s',
      '<xxxx>',
      'nnn',
      '###',
      '0xXXXXXXXX',
    ]);
  });
  it("takes two capital X's as a placeholder, not two lower-case ones", () => {
    expect(findPlaceholders('line Number = XX. Procedure XX, file XX.CAB, xx of FUNC')).toEqual(['XX', 'XX', 'XX']);
  });
  it('takes a bracketed name of a kind of value, not an INI section, a register or a chained ODBC source', () => {
    expect(
      findPlaceholders('No controller for domain [domain_name]. [dns server] cannot reach [Computer Name]'),
    ).toEqual(['[domain_name]', '[dns server]', '[Computer Name]']);
    expect(
      findPlaceholders('[boot] section, mov ax,[bx], [Microsoft][ODBC SQL Server Driver] and [SQL Server] and [MCI]'),
    ).toEqual([]);
  });
  it('takes a dotted address written as a stand-in, whole, and not a real address or a version', () => {
    expect(findPlaceholders('Cannot reach X.X.X.X. Route via w.x.y.z or xxx.xxx.xxx.xxx failed')).toEqual([
      'X.X.X.X',
      'w.x.y.z',
      'xxx.xxx.xxx.xxx',
    ]);
    expect(findPlaceholders('Cannot reach 10.1.2.3 with version 1.2.3.4 or x.y.z')).toEqual([]);
  });
  it('skips real values and converter escapes', () => {
    expect(findPlaceholders('type <2> PC<20> <0xe160052a> <B7> <user@example.com> XXXXX03 Xbox')).toEqual([]);
  });
  it('takes the tokens an explanation names, as whole words only, every time they occur', () => {
    expect(findPlaceholders('Cannot read from drive X: (Exchange on x:\\ZORB) <path>', ['x'])).toEqual([
      'X',
      'x',
      '<path>',
    ]);
    expect(findPlaceholders('Zorb on servername failed; see \\\\servername\\logs', ['servername'])).toEqual([
      'servername',
      'servername',
    ]);
    // A letter is a drive or a value, never the C of C++ or C#.
    expect(findPlaceholders('Visual C++ and C# cannot open c:\\zorb.cpp', ['c'])).toEqual(['c']);
    // An ordinary word that is in the message as itself too: only where it is marked as a value.
    expect(findPlaceholders('Insert the disk in drive drive: now', ['drive'])).toEqual(['drive']);
    expect(findPlaceholders('Insert the disk in drive drive: now', ['drive']).length).toBe(1);
    expect(findPlaceholders('program caused a fault in module program', ['program'])).toEqual(['program', 'program']);
    // Already a placeholder: not taken twice.
    expect(findPlaceholders('Error nnnn on <drive>', ['nnnn', '<drive>'])).toEqual(['nnnn', '<drive>']);
  });
});

describe('explained tokens', () => {
  it('reads "where x is ..." and the clauses after it, in the forms articles write them', () => {
    expect(explainedTokens('where x is the drive where Zorb Server 1.1 is installed.')).toEqual(['x']);
    expect(explainedTokens('Where "X" represents the port number.')).toEqual(['X']);
    expect(explainedTokens('where D: is the letter of your CD-ROM drive, and nnnn is the error number.')).toEqual([
      'D',
      'nnnn',
    ]);
    expect(explainedTokens('(where <drive> is the drive and servername is the name of the server)')).toEqual([
      '<drive>',
      'servername',
    ]);
    expect(explainedTokens('where xxx and yyy are the old and new names.')).toEqual(['xxx', 'yyy']);
  });
  it('takes nothing from prose that only starts with "where", nor from sentences after the first', () => {
    expect(explainedTokens('where it is simulated as if the user were on the host.')).toEqual([]);
    expect(explainedTokens('where there is more than one server, the zorb fails.')).toEqual([]);
    expect(explainedTokens('The drive where x is installed.')).toEqual([]);
    expect(explainedTokens('where x is the drive. Then y is the folder you chose.')).toEqual(['x']);
  });
});

describe('related', () => {
  it('keeps first-mention order and ignores file names, versions, admin shares and its own number', () => {
    const r = readRelated(
      lines(
        'See Q191014 and Q6749.',
        'Run Q248838engi.exe or Q320376.cab on 5.5.2448.0 (Q$).',
        'Q227142 Q191014 Q000123',
      ),
      'Q227142',
    );
    expect(r).toEqual(['Q191014', 'Q6749']);
  });
});

describe('dates', () => {
  it('reads D-MON-YYYY and rejects impossible dates', () => {
    expect(isoDate('30-SEP-1999')).toBe('1999-09-30');
    expect(isoDate('7-jan-2000')).toBe('2000-01-07');
    expect(isoDate('29-FEB-2001')).toBeNull();
    expect(isoDate('')).toBeNull();
  });
});

describe('front matter', () => {
  it('decodes entities and strips the converter prefix', () => {
    expect(decodeEntities('IMCEASMTP-a+40b@&#42; &quot;x&quot; &#95;&#95;init &amp;')).toBe(
      'IMCEASMTP-a+40b@* "x" __init &',
    );
    expect(stripQPrefix('Q227142: XFOR: Title')).toBe('XFOR: Title');
  });
});

describe('applies-to items and Version field', () => {
  it('parses version lists with SP levels and edition words', () => {
    expect(versionList('4.0, 4.0 SP4, 4.0SP5, Terminal Server Edition')).toEqual(['4.0', '4.0 SP4', '4.0 SP5']);
    expect(versionList('3.51 and 4.0')).toEqual(['3.51', '4.0']);
    expect(versionList('3.00 4.00 5.00')).toEqual(['3.00', '4.00', '5.00']);
    expect(parseProduct('Microsoft Internet Information Server 4.0')).toEqual({
      name: 'Microsoft Internet Information Server',
      versions: ['4.0'],
    });
  });
  it('maps the category and OS prefix of the Version field', () => {
    expect(versionsFromField('winnt:5.5', 'Microsoft Exchange')).toEqual(['Exchange 5.5']);
    expect(versionsFromField('winnt:4.0 SP1,4.0 SP2', 'Microsoft Windows NT')).toEqual([
      'Windows NT 4.0 SP1',
      'Windows NT 4.0 SP2',
    ]);
    expect(versionsFromField('1.0', 'Microsoft Home Games')).toEqual([]);
  });
});

describe('fix keywords', () => {
  it('reads spNfix and preSPNfix keywords and ignores affected-level tags', () => {
    expect(
      readFixKeywords([
        'kbExchange550sp4Fix',
        'EXC55SP3Fix',
        'kbWinNT400PreSP7Fix',
        'exc55sp3',
        'kbExchange550SP3',
        'kbfix',
      ]),
    ).toEqual([
      { keyword: 'kbExchange550sp4Fix', product: 'Exchange Server', version: '5.5', servicePack: '4', pre: false },
      { keyword: 'EXC55SP3Fix', product: 'Exchange Server', version: '5.5', servicePack: '3', pre: false },
      { keyword: 'kbWinNT400PreSP7Fix', product: 'Windows NT', version: '4.0', servicePack: '7', pre: true },
    ]);
  });
});

describe('fix sentences', () => {
  const first = (s: string, inResolution = false) => fixStatements(s, inResolution).map((x) => x.release);
  it('lends no number from what a fix is available in unless it names a release', () => {
    // A patch after the release is not the release; a short "SP5 for X" would be read as a product.
    expect(first('The fix for this problem is available in the latest Proxy Server 2.0 patch.')).toEqual([]);
    expect(first('This fix is included in SP5 for Proxy Server 2.0.')).toEqual([]);
  });
  it('reads pattern A, C (SP before product), B (latest) and D (upgrade)', () => {
    expect(first('This problem was first corrected in Exchange Server 5.5 Service Pack 3.')[0]).toMatchObject({
      product: 'Exchange Server',
      version: '5.5',
      servicePack: '3',
    });
    expect(
      first('This problem has been corrected in Service Pack 3 for Microsoft Exchange Server version 4.0.')[0],
    ).toMatchObject({ product: 'Exchange Server', version: '4.0', servicePack: '3' });
    expect(
      first(
        'This problem has been corrected in the latest US Service Pack for Microsoft Exchange Server version 4.0.',
      )[0],
    ).toMatchObject({ product: 'Exchange Server', version: '4.0', servicePack: null, latest: true });
    expect(first('This problem has been fixed in Visual FoxPro 5.0 for Windows.')[0]).toMatchObject({
      product: 'Visual FoxPro',
      version: '5.0',
      servicePack: null,
    });
    expect(first('This problem was corrected in Windows NT 4.0 Service Pack 4.0.')[0]).toMatchObject({
      version: '4.0',
      servicePack: '4',
    });
  });
  it('rejects future tense, prerequisites, third parties, documentation and negations', () => {
    expect(first('This problem will be corrected in a future release of MSN Explorer.')).toEqual([]);
    expect(
      first('Because of file dependencies, this fix requires Microsoft Exchange Server version 5.5 Service Pack 4.'),
    ).toEqual([]);
    expect(first('This limit is fixed in Novell version 4.0 and later.')).toEqual([]);
    expect(first('This has been corrected in the Exchange Server 5.5 Administrator Help file to read: x.')).toEqual([]);
    expect(first('This problem has not been corrected in Windows 98.')).toEqual([]);
  });
  it('reads "obtain the latest service pack for X" in RESOLUTION only', () => {
    expect(
      first('To resolve this problem, obtain the latest service pack for Exchange Server 5.5.', true)[0],
    ).toMatchObject({ product: 'Exchange Server', version: '5.5', latest: true });
    expect(first('To resolve this problem, obtain the latest service pack for Exchange Server 5.5.', false)).toEqual(
      [],
    );
  });
  it('parses a release with an edition', () => {
    expect(parseRelease('Windows NT Server 4.0, Terminal Server Edition Service Pack 4')).toMatchObject({
      product: 'Windows NT Server',
      version: '4.0',
      edition: 'Terminal Server Edition',
      servicePack: '4',
    });
  });
});

describe('file table rows', () => {
  it('assigns numbers by the header order, telling a size from a version', () => {
    expect(
      parseRow('01/21/00  22:20   4.02.0738    185.760 Infocomm.dll  x86', { numeric: ['version', 'size'] }),
    ).toEqual({ name: 'Infocomm.dll', version: '4.02.0738' });
    expect(parseRow('Jan-30-2001  12:41:42 PM  185.760  Infocomm.dll', { numeric: ['size'] })).toEqual({
      name: 'Infocomm.dll',
      version: null,
    });
    expect(parseRow('04/02/98 10:14a 26,761 Rpldisk.sys (Intel)', null)).toEqual({
      name: 'Rpldisk.sys',
      version: null,
    });
  });
});
