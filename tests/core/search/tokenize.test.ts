import { describe, expect, it } from 'vitest';
import { indexTerms, phraseForm, tokenizeText } from '../../../src/core/search/tokenize';
import { parseQuery } from '../../../src/core/search/query';

describe('tokenizeText', () => {
  it('keeps file names and dotted versions whole as well as split', () => {
    expect(tokenizeText('Store.exe 5.5.2591.0')).toEqual({
      parts: ['store', 'exe', '5', '5', '2591', '0'],
      compounds: ['store.exe', '5.5.2591.0'],
    });
    expect(tokenizeText('MAPI_E_NOT_FOUND').compounds).toEqual(['mapi_e_not_found']);
  });

  it('lowercases, drops accents and splits on punctuation', () => {
    expect(tokenizeText('Café cc:Mail, w/Attachments.').parts).toEqual(['cafe', 'cc', 'mail', 'w', 'attachments']);
  });

  it('drops runs too long to be typed', () => {
    expect(tokenizeText('a'.repeat(41) + ' ok').parts).toEqual(['ok']);
  });
});

describe('indexTerms', () => {
  it('leaves out stopwords but keeps compounds', () => {
    expect(indexTerms('The RPC server is unavailable: rpcss.dll')).toEqual([
      'rpc', 'server', 'unavailable', 'rpcss', 'dll', 'rpcss.dll',
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

  it('keeps a stopword-only query as a prefix', () => {
    expect(parseQuery('to').words).toEqual([{ text: 'to', prefix: true }]);
  });

  it('bounds the work for long input', () => {
    const p = parseQuery(Array.from({ length: 500 }, (_, i) => `w${i}`).join(' '));
    expect(p.words.length).toBeLessThanOrEqual(12);
  });
});
