import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector } from '../../../src/core/match';
import { findKbRefs } from '../../../src/core/match/kb-refs';
import { findCodes } from '../../../src/core/match/ndr-codes';
import { findPatternHits } from '../../../src/core/match/pattern-hits';
import { mayCue, mayCueAfter, newCueLists, noteWord, type CueLists } from '../../../src/core/match/regex-cues';

// Forms every cue rule must see, glued to each other and to letters outside ASCII in every way.
const FRAGMENTS = [
  'Q227142',
  'q1234',
  'üq227142',
  'Q2271420',
  'Q227142ü',
  'FAQ1234',
  'Q320376.cab',
  'xQ227142',
  'KB 227142',
  'kb227142',
  'KB#227142',
  'KB: Q227142',
  'KBarticle 227142',
  'KBno.227142',
  'MSKB227142',
  'MS KB 227142',
  'MS-KB 227142',
  'Microsoft KB 227142',
  'KB-227142',
  'KB - 227142',
  'KB-1234',
  'KB\u00a0227142',
  'Q 227142',
  'Q\t227142',
  'Q\u00a0227142',
  'Q\u202f227142',
  'Q\u2009227142',
  'KB\u202f227142',
  '[KB-10234]',
  'Q 12345: How',
  'xQ 227142',
  'q 227142',
  'Q 2001',
  'Q  227142',
  'mskbq227142',
  'üKB 227142',
  '64 KB 1024',
  'article 227142',
  'Article ID: 227142',
  '5article 227142',
  'Q1234article 227142',
  'x5ARTICLE number 227142',
  'article227142ü',
  'articlearticle 123456',
  'üarticleQ227142',
  'ARTICLE #: 1234567',
  'particle 227142',
  'articleQ227142',
  'article227142',
  'üarticle 227142',
  'xarticle 227142',
  'support.microsoft.com/kb/227142',
  'http://SUPPORT.MICROSOFT.COM/?kbid=227142.',
  'mysupport.microsoft.com/default.aspx?scid=kb;en-us;q227142',
  'support.microsoftü.com/kb/1234',
  'support.microsoft.com/en-us/help/191014',
  '#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##',
  '550 5.7.1 Relaying denied',
  '<x@y #5.1.1>',
  '#4.4.7',
  '550-5.1.1',
  '5.5.0',
  'Status: 5.1.1',
  'status5.2.2',
  'status code 5.4.0',
  'üstatus 5.1.1',
  'Xstatus: 5.1.1',
  'RESOLVER.ADR.ExRecipNotFound',
  'QUEUE.Expired',
  'CAT.x',
  'cat.x',
  'AGENT.a.b',
  'xRESOLVER.ADR.x',
  'SMTPSEND.DNS.NonExistentDomain',
  'MSEXCH:IMS:Org:Site:Server 0 (000C05A6) Unknown Recipient',
  'xMSEXCH:MSExchangeMTA:Site:Server',
  'Reason: 1',
  'reason code unable-to-transfer',
  'reasoncode5',
  'Diagnostic:5',
  'diagnosticcode content-syntax-error',
  'üreason: 1',
  '0x8004011D',
  '0X80040115',
  'ü0x8004011d',
  '0x8004011dü',
  '0x12345678x',
  'MAPI_E_NOT_FOUND',
  'xMAPI_E_NOT_FOUND',
  'MAPI_W_ERRORS_RETURNED',
  'üMAPI_E_NOT_FOUND',
  'mapi_e_not_found',
  '_MSEXCH:IMS:a:b',
  'msexch:IMS',
  'üMSEXCH:MSExchangeMTA',
  'MSEXCH:',
  'article',
  'error -1022',
  'Jet error -1018 and -1019',
  '-1811 errors',
  '-1808 (JET_errDiskFull)',
  'JET_errDiskIO',
  'xJET_errDiskIO',
  'jet_err',
  'error \u22121022',
  '5-1022 error',
  '-12345',
  'returned -1000 ms',
];
const GLUE = [
  ' ',
  '',
  '\n',
  '\u00a0',
  '\u202f',
  '\u2009',
  '\u2007',
  '.',
  ',',
  '#',
  'ü',
  '-',
  '/',
  ':',
  '_',
  '  ',
  '\t',
  '(',
  'x',
  '5',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** As scanText uses them: none when the text was too thick with cues. */
function cuesOf(text: string): CueLists | undefined {
  const cues = newCueLists(text.length);
  findPatternHits(text, loadDetector(buildDetector([])), cues);
  return cues.full ? undefined : cues;
}

describe('regex cues', () => {
  it('find exactly what full regex passes find', () => {
    const random = rng(7);
    for (let round = 0; round < 400; round++) {
      let text = '';
      const parts = 1 + Math.floor(random() * 12);
      for (let i = 0; i < parts; i++) {
        text += GLUE[Math.floor(random() * GLUE.length)]! + FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]!;
      }
      const cues = cuesOf(text);
      expect(findKbRefs(text, 1000, cues), text).toEqual(findKbRefs(text, 1000));
      expect(findCodes(text, 4000, cues), text).toEqual(findCodes(text, 4000));
    }
  });

  it('keep the per-finder limits of the full passes', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Q${100000 + i} #5.1.${i % 10} 0x8004011${i % 10}`).join(' ');
    const cues = cuesOf(text);
    for (const limit of [1, 3, 7, 40]) {
      expect(findKbRefs(text, limit, cues)).toEqual(findKbRefs(text, limit));
      expect(findCodes(text, limit, cues)).toEqual(findCodes(text, limit));
    }
  });

  it('give way to the full passes on text thick with cues', () => {
    const text = 'status 5.1.1 cat. KB 227142 '.repeat(200);
    const cues = newCueLists(text.length);
    findPatternHits(text, loadDetector(buildDetector([])), cues);
    expect(cues.full).toBe(true);
    expect(findCodes(text, 4000, cuesOf(text))).toEqual(findCodes(text, 4000));
  });

  it('are noted past the point where message matching stops', () => {
    const text = 'x '.repeat(20_000) + 'see KB 227142 and 0x8004011D';
    const cues = cuesOf(text);
    expect(findKbRefs(text, 1000, cues).map((k) => k.value)).toEqual(['Q227142']);
    expect(findCodes(text, 1000, cues).map((c) => c.value)).toEqual(['0x8004011D']);
  });

  it('are noted for every word the tokeniser lets through: first character and length, then the second character', () => {
    const random = rng(11);
    const letters = 'qkmasrdcu0x245btieogpnlv_';
    const words = FRAGMENTS.flatMap((f) => f.match(/[A-Za-z0-9]+/g) ?? []);
    for (let i = 0; i < 20_000; i++) {
      let w = '';
      const length = 1 + Math.floor(random() * 12);
      for (let j = 0; j < length; j++) w += letters[Math.floor(random() * letters.length)]!;
      words.push(...w.split('_').filter((x) => x.length > 0));
    }
    const lower = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 32 : c);
    let passed = 0;
    for (const word of words) {
      for (const next of ['.', '_', ' ', '']) {
        const cues = newCueLists(1_000_000);
        noteWord(cues, word + next, 0, word.length);
        if (cues.starts.every((list) => list.length === 0)) continue;
        const first = lower(word.charCodeAt(0));
        expect(mayCue(first, word.length), word).toBe(true);
        if (word.length > 1) expect(mayCueAfter(first, lower(word.charCodeAt(1))), word).toBe(true);
        passed++;
      }
    }
    expect(passed).toBeGreaterThan(100);
    expect(mayCueAfter(0x73, 0x65)).toBe(false); // "server"
  });
});
