import { describe, expect, it } from 'vitest';
import { indexTerms, phraseForm, tokenizeText } from '../../../src/core/search/tokenize';
import { parseQuery } from '../../../src/core/search/query';

describe('tokenizeText', () => {
  it('keeps file names and dotted versions whole as well as split', () => {
    expect(tokenizeText('Store.exe 5.5.2591.0')).toEqual({
      parts: ['store', 'exe', '5', '5', '2591', '0'],
      compounds: ['store.exe', '5.5.2591.0'],
      names: [],
    });
    expect(tokenizeText('MAPI_E_NOT_FOUND').compounds).toEqual(['mapi_e_not_found']);
  });

  it('lowercases, drops accents and splits on punctuation', () => {
    expect(tokenizeText('Café cc:Mail, w/Attachments.').parts).toEqual(['cafe', 'cc', 'mail', 'w', 'attachments']);
  });

  it('cuts a number glued to its unit into the number and the unit', () => {
    expect(tokenizeText('himem 64MB limit').parts).toEqual(['himem', '64', 'mb', 'limit']);
    expect(tokenizeText('16bit 100MHz 640K 2gb 28.8kbps').parts).toEqual([
      '16',
      'bit',
      '100',
      'mhz',
      '640',
      'k',
      '2',
      'gb',
      '28',
      '8',
      'kbps',
    ]);
    // The number keeps its dotted whole; the unit is a word of its own.
    expect(tokenizeText('1.44MB floppy')).toEqual({
      parts: ['1', '44', 'mb', 'floppy'],
      compounds: ['1.44'],
      names: [],
    });
    // Glued the way a ticket writes it or apart the way a title does: the same words.
    expect(phraseForm('64mb')).toBe(phraseForm('64 MB'));
  });

  it('leaves names that end in a unit-like letter whole', () => {
    expect(tokenizeText('win32k x86 p5m 8x himem').parts).toEqual(['win32k', 'x86', 'p5m', '8x', 'himem']);
  });

  it('keeps a slash name whole as well as split', () => {
    expect(tokenizeText('Mouse under OS/2 and TCP/IP')).toEqual({
      parts: ['mouse', 'under', 'os', '2', 'and', 'tcp', 'ip'],
      compounds: [],
      names: [
        { text: 'os/2', at: 2, count: 2 },
        { text: 'tcp/ip', at: 5, count: 2 },
      ],
    });
    expect(tokenizeText('I/O error').names.map((n) => n.text)).toEqual(['i/o']);
    expect(indexTerms('Mouse Installation with OS/2')).toEqual(['mouse', 'installation', 'os', '2', 'os/2']);
  });

  it('keeps a command-line switch whole as well as its letters', () => {
    expect(tokenizeText('BACKUP /A Prompts')).toEqual({
      parts: ['backup', 'a', 'prompts'],
      compounds: [],
      names: [{ text: '/a', at: 1, count: 1 }],
    });
    expect(indexTerms('setup /q, cl /O2 and boot.ini /3GB').filter((t) => t.startsWith('/'))).toEqual([
      '/q',
      '/o2',
      '/3gb',
    ]);
    // A slash inside an address or after a word is no switch.
    expect(tokenizeText('http://support.microsoft.com/kb/123 page 1 /2').names).toEqual([]);
  });

  it('reads no slash name in dates, fractions, paths or addresses', () => {
    for (const text of [
      '12/31/99',
      '1/2 inch',
      'winnt/system32/drivers',
      'support.microsoft.com/kb/227142',
      'helpdesk/escalations',
    ]) {
      expect(tokenizeText(text).names, text).toEqual([]);
    }
    // The pieces are what they were before.
    expect(tokenizeText('support.microsoft.com/kb/227142').parts).toEqual([
      'support',
      'microsoft',
      'com',
      'kb',
      '227142',
    ]);
  });

  it('drops runs too long to be typed', () => {
    expect(tokenizeText('a'.repeat(41) + ' ok').parts).toEqual(['ok']);
  });
});

describe('hex codes', () => {
  it('writes a stop code one way however it is padded or cased', () => {
    for (const text of ['STOP 0x0000001E', 'Stop 0x1e', 'stop 1e', 'STOP: 0X0000001E', 'bugcheck 1E']) {
      expect(tokenizeText(text).parts[1]).toBe('0x1e');
    }
    expect(tokenizeText('STOP 0x00000050 when printing').parts).toEqual(['stop', '0x50', 'when', 'printing']);
    expect(tokenizeText('stop 50').parts).toEqual(['stop', '0x50']);
    expect(tokenizeText('Stop: c000021a').parts).toEqual(['stop', '0xc000021a']);
    expect(tokenizeText('0x00000000').parts).toEqual(['0x0']);
  });

  it('leaves a bare number alone unless it follows stop or bugcheck', () => {
    expect(tokenizeText('event 1e 50').parts).toEqual(['event', '1e', '50']);
    // An article, a year and a count are not codes even after "stop".
    expect(tokenizeText('stop a service').parts).toEqual(['stop', 'a', 'service']);
    expect(tokenizeText('stop 2000 server').parts).toEqual(['stop', '2000', 'server']);
    expect(tokenizeText('stop 256 times').parts).toEqual(['stop', '256', 'times']);
  });
});

describe('indexTerms', () => {
  it('leaves out stopwords but keeps compounds', () => {
    expect(indexTerms('The RPC server is unavailable: rpcss.dll')).toEqual([
      'rpc',
      'server',
      'unavailable',
      'rpcss',
      'dll',
      'rpcss.dll',
    ]);
  });
});

describe('phraseForm', () => {
  it('pads with spaces so phrases match whole words', () => {
    expect(phraseForm('XADM: Err Msg: The RPC Server')).toBe(' xadm err msg the rpc server ');
  });
});

describe('parseQuery', () => {
  it('marks the last word unfinished unless a space follows', () => {
    expect(parseQuery('exchange serv').words).toEqual([
      { text: 'exchange', prefix: false },
      { text: 'serv', prefix: true },
    ]);
    expect(parseQuery('exchange serv ').words.at(-1)).toEqual({ text: 'serv', prefix: false });
  });

  it('reads KB numbers in the query', () => {
    expect(parseQuery('kb 227142').kb).toBe(227142);
    expect(parseQuery('KB227142 store.exe')).toMatchObject({ kb: null, namedQs: [227142] });
    expect(parseQuery('kb 227142 store.exe').namedQs).toEqual([227142]);
    expect(parseQuery('Q2271').numberPrefix).toBe('2271');
  });

  it('reads a slash name as one word', () => {
    expect(parseQuery('mouse driver under os/2 ').words.map((w) => w.text)).toEqual([
      'mouse',
      'driver',
      'under',
      'os/2',
    ]);
    const typing = parseQuery('smtp over tcp/ip');
    expect(typing.words.at(-1)).toEqual({ text: 'tcp/ip', prefix: true });
    // The phrase keeps the parts, the way titles are compared.
    expect(typing.phrase).toBe('smtp over tcp ip');
  });

  it('reads a switch as a word, even one as short as a stopword', () => {
    expect(parseQuery('backup /a last disk').words.map((w) => w.text)).toEqual(['backup', '/a', 'last', 'disk']);
  });

  it('keeps a stopword-only query as a prefix', () => {
    expect(parseQuery('to').words).toEqual([{ text: 'to', prefix: true }]);
  });

  it('bounds the work for long input', () => {
    const p = parseQuery(Array.from({ length: 500 }, (_, i) => `w${i}`).join(' '));
    expect(p.words.length).toBeLessThanOrEqual(12);
  });
});
