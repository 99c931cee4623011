import { describe, expect, it } from 'vitest';
import { search, buildSearchIndex, loadSearchIndex } from '../../../src/core/search';
import { splitGlued, versionTerm } from '../../../src/core/search/glued';
import { record } from '../../fixtures/search/records';

describe('a product glued to its version', () => {
  it('reads the version as the articles write it', () => {
    expect(['6', '55', '97', '2000', '2k', '4'].map(versionTerm)).toEqual(['6.0', '5.5', '97', '2000', '2000', '4.0']);
    expect(splitGlued('vfp6')).toEqual({ name: 'vfp', version: '6.0' });
    expect(splitGlued('sql65')).toEqual({ name: 'sql', version: '6.5' });
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
});
