import { describe, expect, it } from 'vitest';
import { search, buildSearchIndex, loadSearchIndex } from '../../../src/core/search';
import { isDottedGlued, splitGlued, versionTerm } from '../../../src/core/search/glued';
import { parseQuery } from '../../../src/core/search/query';
import { record } from '../../fixtures/search/records';

describe('a product glued to its version', () => {
  it('reads the version as the articles write it', () => {
    expect(['6', '55', '97', '2000', '2k', '4'].map(versionTerm)).toEqual(['6.0', '5.5', '97', '2000', '2000', '4.0']);
    expect(splitGlued('vfp6')).toEqual({ name: 'vfp', version: '6.0' });
    expect(splitGlued('sql65')).toEqual({ name: 'sql', version: '6.5' });
    // With the dot, as tickets also write it.
    expect(splitGlued('ex5.5')).toEqual({ name: 'ex', version: '5.5' });
    expect(splitGlued('nt4.0')).toEqual({ name: 'nt', version: '4.0' });
    expect(splitGlued('win3.11')).toEqual({ name: 'win', version: '3.11' });
  });

  it('takes a dotted glued word whole, not as a word and a stray number', () => {
    const p = parseQuery('ex5.5 imc queue');
    expect(p.words.map((w) => w.text)).toEqual(['ex5.5', 'imc', 'queue']);
    expect(p.compounds).toEqual([]);
    // A file name or a build is no product and version.
    expect(isDottedGlued('mapi32.dll')).toBe(false);
    expect(isDottedGlued('5.5.2448')).toBe(false);
    expect(parseQuery('store.exe 5.5.2448').compounds.map((c) => c.text)).toEqual(['store.exe', '5.5.2448']);
  });

  it('is not a service pack, a port or a plain word', () => {
    expect(splitGlued('sp3')).toBeNull();
    expect(splitGlued('com1')).toBeNull();
    expect(splitGlued('lpt2')).toBeNull();
    expect(splitGlued('modeler')).toBeNull();
    expect(splitGlued('x86')).toBeNull();
  });

  const articles = [
    record({
      q: 'Q300001',
      title: 'INFO: Installing the Class Designer for Visual Basic 5.0 and 6.0',
      products: ['Microsoft Visual Basic Enterprise Edition for Windows'],
      versions: ['Visual Basic Enterprise Edition for Windows 5.0', 'Visual Basic Enterprise Edition for Windows 6.0'],
    }),
    record({
      q: 'Q300002',
      title: 'PRB: Class Designer Setup Fails from a Network Share',
      products: ['Microsoft Visual Basic Enterprise Edition for Windows'],
      versions: ['Visual Basic Enterprise Edition for Windows 4.0'],
    }),
    record({
      q: 'Q300003',
      title: 'Class Designer Add-In Does Not Load in VB6',
      products: ['Microsoft Visual Basic Professional Edition for Windows'],
      versions: ['Visual Basic Professional Edition for Windows 6.0'],
    }),
    record({
      q: 'Q300004',
      title: 'HOWTO: Use a Class Module in Visual Basic 6.0',
      products: ['Microsoft Visual Basic Professional Edition for Windows'],
      versions: ['Visual Basic Professional Edition for Windows 6.0'],
    }),
  ];
  // "vb" is spelled out as the archive's own acronym table would have it.
  const data = buildSearchIndex(articles, { aliases: ['vb\tvisual basic'] });
  const ix = loadSearchIndex(JSON.parse(JSON.stringify(data)));

  it('finds the article that spells the product out with that version', () => {
    const qs = search(ix, 'class designer install vb5 ').map((r) => r.q);
    expect(qs[0]).toBe('Q300001');
    // The version 4.0 article names the product, not the version asked for.
    expect(qs.indexOf('Q300002')).toBeGreaterThan(qs.indexOf('Q300001'));
  });

  it('finds it with the version dotted too', () => {
    const qs = search(ix, 'class designer install vb5.0 ').map((r) => r.q);
    expect(qs[0]).toBe('Q300001');
    expect(qs.indexOf('Q300002')).toBeGreaterThan(qs.indexOf('Q300001'));
    // "vb6.0": the 6.0 articles, not 5.0 read from "vb6" and a "0".
    expect(
      search(ix, 'class designer vb6.0 ')
        .map((r) => r.q)
        .slice(0, 2)
        .sort(),
    ).toEqual(['Q300001', 'Q300003']);
  });
});

describe('a glued word whose letters the archive spells out only glued to other versions', () => {
  it('reads a release year as the version', () => {
    expect(splitGlued('fs2002')).toEqual({ name: 'fs', version: '2002' });
    expect(splitGlued('ol2002')).toEqual({ name: 'ol', version: '2002' });
    // A longer number is a model or a part number, not a release.
    expect(splitGlued('hp4050')).toBeNull();
  });

  const game = (q: string, title: string, version: string) =>
    record({ q, title, products: [`Microsoft Glider Pilot ${version}`], versions: [`Glider Pilot ${version}`] });
  const articles = [
    game('Q310001', 'Glider Pilot 2002: Manual Lists the Wrong Keys for Trim', '2002'),
    game('Q310002', 'Glider Pilot 2002: Sound Stutters on Some Cards', '2002'),
    game('Q310003', 'GP98: Manual Lists the Wrong Keys for Flaps', '98'),
    game('Q310004', 'GP2000: Manual Lists the Wrong Keys for Views', '2000'),
    record({
      q: 'Q310005',
      title: 'Manual Lists the Wrong Keys for the Pinball Table',
      products: ['Microsoft Pinball'],
    }),
  ];
  // As the index build mines them from "Glider Pilot 98 (GP98)" and "Glider Pilot 2000 (GP2000)".
  const data = buildSearchIndex(articles, { aliases: ['gp2000\tglider pilot 2000', 'gp98\tglider pilot 98'] });
  const ix = loadSearchIndex(JSON.parse(JSON.stringify(data)));

  it('learns what the letters stand for from those acronyms, and finds the version asked for', () => {
    const qs = search(ix, 'gp2002 manual wrong keys').map((r) => r.q);
    expect(qs[0]).toBe('Q310001');
  });
});
