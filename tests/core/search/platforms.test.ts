import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, search } from '../../../src/core/search';
import { docOfNumber } from '../../../src/core/search/load-index';
import {
  PLATFORM_MATCH,
  PLATFORM_MISMATCH,
  PLATFORMS,
  platformFactor,
  queryPlatforms,
} from '../../../src/core/search/platforms';
import { record } from '../../fixtures/search/records';

const platform = (word: string) => PLATFORMS.findIndex((p) => p.query.includes(word));

describe('queryPlatforms', () => {
  it('reads the platforms a query names, in their shorthand too', () => {
    expect(queryPlatforms(['paint', 'prints', 'grey', 'mac'])).toEqual([platform('mac')]);
    expect(queryPlatforms(['mouse', 'driver', 'os/2'])).toEqual([platform('os/2')]);
    expect(queryPlatforms(['win95', 'mac', 'word'])).toEqual([platform('mac'), platform('win95')].sort());
  });

  it('reads none where no platform is named (a DOS program is no platform of its own)', () => {
    expect(queryPlatforms(['dos', 'program', 'printer', 'status'])).toEqual([]);
  });
});

describe('platforms in the ranking', () => {
  // Near twins: the same title words, one for Windows, one for the Macintosh.
  const ix = loadSearchIndex(
    JSON.parse(
      JSON.stringify(
        buildSearchIndex([
          record({
            q: 'Q340001',
            title: 'Paint: Picture Prints Up in Shades of Grey',
            products: ['Microsoft Paint Studio for Windows'],
            versions: ['Paint Studio for Windows 1.0'],
          }),
          record({
            q: 'Q340002',
            title: 'Paint Studio: Picture Prints in Shades of Grey',
            products: ['Microsoft Paint Studio for the Macintosh'],
            versions: ['Paint Studio for the Macintosh 1.0'],
          }),
          record({ q: 'Q340003', title: 'Mouse Pointer Jumps with Serial Mouse Driver', products: ['MS-DOS'] }),
          record({
            q: 'Q340004',
            title: 'Serial Mouse Driver Pointer Jumps',
            products: ['Microsoft Windows'],
            versions: ['Windows 3.1'],
          }),
          record({ q: 'Q340005', title: 'Serial Mouse Driver: Pointer Jumps', products: ['Microsoft OS/2'] }),
        ]),
      ),
    ),
  );
  const doc = (q: string) => docOfNumber(ix, Number(q.slice(1)));

  it('raises the article for the platform named and lowers the one only for another', () => {
    const f = platformFactor(ix, queryPlatforms(['paint', 'mac']));
    expect(f(doc('Q340002'))).toBe(PLATFORM_MATCH);
    expect(f(doc('Q340001'))).toBe(PLATFORM_MISMATCH);
    // No platform in its applies-to list or title: neither.
    expect(f(doc('Q340003'))).toBe(1);
  });

  it('changes nothing when the query names no platform', () => {
    expect(platformFactor(ix, [])(doc('Q340001'))).toBe(1);
  });

  it('puts the twin for the platform named first', () => {
    const mac = search(ix, 'paint picture prints up grey on my mac', { limit: 2 }).map((r) => r.q);
    expect(mac[0]).toBe('Q340002');
    const win = search(ix, 'paint picture prints up grey on windows', { limit: 2 }).map((r) => r.q);
    expect(win[0]).toBe('Q340001');
    const os2 = search(ix, 'serial mouse driver pointer jumps os/2', { limit: 5 }).map((r) => r.q);
    expect(os2.indexOf('Q340005')).toBeLessThan(os2.indexOf('Q340004'));
  });
});
