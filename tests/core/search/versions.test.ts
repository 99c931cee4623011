import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, search } from '../../../src/core/search';
import { docOfNumber } from '../../../src/core/search/load-index';
import { FIELD } from '../../../src/core/search/types';
import {
  queryVersions,
  VERSION_MATCH,
  VERSION_MISMATCH,
  versionFactor,
  versionSpellings,
  rawVersionNumbers,
  unpaddedVersion,
} from '../../../src/core/search/versions';
import { record } from '../../fixtures/search/records';
import { articleRecord } from '../../fixtures/article-record';

describe('queryVersions', () => {
  it('reads a number after a product name as its version', () => {
    expect(queryVersions(['nt', '4', 'print'], [])).toEqual(['4']);
  });

  it('reads no version in a number that a unit follows', () => {
    // "himem 64mb" is a size: an article's applies-to list has no version 64.
    expect(queryVersions(['himem', '64', 'mb', 'limit'], [])).toEqual([]);
    expect(queryVersions(['win95', '16', 'bit', 'app'], [])).toEqual(['95']);
  });
});

describe('versions in the ranking', () => {
  const ix = loadSearchIndex(
    JSON.parse(
      JSON.stringify(
        buildSearchIndex([
          record({
            q: 'Q330001',
            title: 'Encarta 1995: Article Prints in the Wrong Font',
            products: ['Microsoft Encarta'],
            versions: ['Encarta 1995'],
          }),
          record({
            q: 'Q330002',
            title: 'Encarta 1996: Article Prints in the Wrong Font',
            products: ['Microsoft Encarta'],
            versions: ['Encarta 1996'],
          }),
          record({
            q: 'Q330003',
            title: 'How to Upgrade a Database with the Upgrade Tool',
            products: ['Microsoft Exchange Server'],
            versions: ['Exchange Server 5.5'],
          }),
          record({
            q: 'Q330004',
            title: 'Database Upgrade Tool Reports an Error',
            products: ['Microsoft Exchange Server'],
            versions: ['Exchange Server 5.0', 'Exchange Server 5.5'],
          }),
          record({ q: 'Q330006', title: 'Exchange 5.0 Database Upgrade Tool Notes' }),
          record({
            q: 'Q330005',
            title: 'Upgrade Tool Runs Slowly on a Large Database',
            products: ['Microsoft Exchange Server'],
            versions: ['Exchange Server 4.0'],
          }),
        ]),
      ),
    ),
  );
  const qs = (query: string) => search(ix, query).map((r) => r.q);

  it('reads two digits of a year as the year written out', () => {
    expect(versionSpellings('95')).toEqual(['95', '1995']);
    expect(versionSpellings('5.5')).toEqual(['5.5']);
    expect(qs('encarta 95 article wrong font')[0]).toBe('Q330001');
  });

  it('does not count an article for one of several versions named as the wrong product', () => {
    // "upgrade exchange 5.0 to 5.5": the 5.5 article is for the product asked about.
    const factor = versionFactor(ix, ['5.0', '5.5']);
    const of = (q: number) => factor(docOfNumber(ix, q), FIELD.products);
    expect(of(330004)).toBe(VERSION_MATCH);
    expect(of(330003)).toBe(1);
    expect(of(330005)).toBe(VERSION_MISMATCH);
  });
});

describe('versions the old applies-to lists pad or leave unnamed', () => {
  it('reads "6.00" as "6.0" and "5.10" as "5.1", and a raw field\'s version numbers', () => {
    expect(unpaddedVersion('6.00')).toBe('6.0');
    expect(unpaddedVersion('5.10')).toBe('5.1');
    expect(unpaddedVersion('6.00a')).toBe('6.0a');
    expect(unpaddedVersion('5.5')).toBeNull();
    expect(unpaddedVersion('3.51')).toBeNull();
    expect(rawVersionNumbers('6.00 6.00a | 6.00 6.00a')).toEqual(['6.00', '6.00a']);
    expect(rawVersionNumbers('WINDOWS:3.0')).toEqual([]);
  });

  const ix = loadSearchIndex(
    JSON.parse(
      JSON.stringify(
        buildSearchIndex([
          // An old language article: no product named, its versions only in the raw field.
          articleRecord({
            q: 'Q331001',
            title: 'Object Files Go to the Wrong Directory',
            keywords: ['mspl13_c'],
            versionsRaw: '6.00 6.00a | 6.00 6.00a',
          }),
          record({
            q: 'Q331002',
            title: 'Object Files Go to the Wrong Directory When Linking',
            products: ['Microsoft Visual FoxPro for Windows'],
            versions: ['Visual FoxPro for Windows 6.0'],
          }),
          record({
            q: 'Q331003',
            title: 'QuickBASIC Compiled Program Prints Arrays Wrong in Windows',
            products: ['Microsoft QuickBASIC'],
            versions: ['QuickBASIC 4.50'],
          }),
          record({
            q: 'Q331004',
            title: 'QuickBASIC Compiled Program Prints Arrays Wrong',
            products: ['Microsoft QuickBASIC'],
            versions: ['QuickBASIC 4.00'],
          }),
        ]),
      ),
    ),
  );
  const top = (query: string) => search(ix, query)[0]?.q;

  it('finds the version of an article whose applies-to list names no product', () => {
    expect(top('c 6.0 object files wrong directory')).toBe('Q331001');
  });

  it('finds a padded version ("4.50") from the version as agents write it ("4.5")', () => {
    expect(top('quickbasic 4.5 compiled program prints arrays wrong')).toBe('Q331003');
  });
});
