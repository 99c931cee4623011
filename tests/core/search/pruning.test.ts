/**
 * Max-score pruning (query.ts scoreTerms): once the articles already scored fill the top list,
 * articles that only the common words match are skipped. The top of the list must be exactly what
 * a walk over every article gives; a larger limit asks for a top list the rare word alone cannot
 * fill, so it is a walk without pruning to compare against.
 */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, search } from '../../../src/core/search';
import { record } from '../../fixtures/search/records';

const FILLER = ['setup', 'driver', 'registry', 'logon', 'profile', 'network', 'dialog', 'service', 'printer', 'font'];

function records() {
  const out = [];
  for (let i = 0; i < 1600; i++) {
    const a = FILLER[i % FILLER.length]!;
    const b = FILLER[(i * 7) % FILLER.length]!;
    // Title lengths vary so the title norm differs; the rare word sits in different fields.
    const words = ['Windows', a, 'fails', ...(i % 3 === 0 ? ['after', b, 'update', 'is', 'installed'] : [b])];
    const rare = i % 19 === 0;
    const field = i % 4;
    if (rare && field === 0) words.push('spooler');
    out.push(
      record({
        q: `Q${200000 + i}`,
        title: words.join(' '),
        products: i % 2 ? ['Windows NT Server'] : ['Microsoft Office'],
        keywords: rare && field === 1 ? ['spooler', 'kbprint'] : ['kbsetup'],
        errors: rare && field === 2 ? ['The spooler service terminated unexpectedly'] : [],
        files: rare && field === 3 ? [['spoolss.dll', '4.0.1381.33']] : [],
      }),
    );
  }
  // A few articles with the rare word and none of the common ones.
  for (let i = 0; i < 5; i++)
    out.push(
      record({ q: `Q${300000 + i}`, title: `Print spooler ${FILLER[i]} stops`, products: ['Microsoft Office'] }),
    );
  return out;
}

const ix = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(records()))));

describe('pruning keeps the ranking', () => {
  it.each([
    'windows spooler',
    'spooler windows server fails',
    'windows fails spooler setup',
    'windows nt spoo',
    'fails windows spooler service terminated',
  ])('%s: top 20 as without pruning', (query) => {
    const pruned = search(ix, query);
    const full = search(ix, query, { limit: 500 }).slice(0, 20);
    expect(pruned.length).toBe(20);
    expect(pruned).toEqual(full);
  });
});

// The top list is made of articles the rarest word ("spooler", only in articles with neither common
// word) does not match: only a bound that counts every remaining word (both common ones) keeps
// them from being pruned; a bound a twentieth of the right one fails this.
function overlapping() {
  const out = [];
  for (let i = 0; i < 1600; i++) {
    const words = ['Windows', 'fails'];
    if (i < 900) words.push('registry');
    if (i >= 400 && i < 1300) words.push('logon');
    if (i % 3 === 0) words.push('after', 'the', 'update');
    out.push(record({ q: `Q${400000 + i}`, title: words.join(' '), keywords: i >= 1300 ? ['spooler'] : ['kbsetup'] }));
  }
  return out;
}

const ix2 = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(overlapping()))));

describe('pruning counts every remaining word', () => {
  it.each(['spooler registry logon', 'registry logon spooler', 'spooler registry logo'])(
    '%s: top 20 as without pruning',
    (query) => {
      const pruned = search(ix2, query);
      const full = search(ix2, query, { limit: 500 }).slice(0, 20);
      expect(pruned.length).toBe(20);
      expect(pruned).toEqual(full);
      // The best matches have both common words in the title and not the rare one.
      expect(pruned.some((r) => r.title.includes('registry logon'))).toBe(true);
    },
  );
});
