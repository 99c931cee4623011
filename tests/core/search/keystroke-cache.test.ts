/**
 * What search keeps between keystrokes (expansions, a finished word's scores per article, title
 * phrase forms, typo letter sets, top-k heaps) must never change an answer: typing a query a
 * letter at a time, with backspaces and other queries in between, gives at every keystroke exactly
 * what a freshly loaded index gives for that text.
 */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, search } from '../../../src/core/search';
import { record } from '../../fixtures/search/records';

const WORDS = ['spooler', 'registry', 'logon', 'profile', 'printer', 'driver', 'setup', 'network', 'service', 'font'];

function records() {
  const out = [];
  for (let i = 0; i < 900; i++) {
    const w = (k: number) => WORDS[(i * k) % WORDS.length]!;
    out.push(
      record({
        q: `Q${150000 + i}`,
        // Some say it with the words of a synonym group ("hangs" / "stops responding").
        title: `${w(1)} ${w(3)} ${i % 4 === 0 ? 'hangs' : i % 4 === 1 ? 'stops responding' : 'fails'} after ${w(7)} update`,
        products: i % 2 ? ['Windows NT Server'] : ['Microsoft Exchange Server'],
        versions: i % 3 ? ['Windows NT Server 4.0'] : ['Exchange Server 5.5'],
        keywords: [w(11)],
        errors: i % 5 === 0 ? [`The ${w(13)} service terminated unexpectedly`] : [],
        files: i % 7 === 0 ? [[`${w(17)}.dll`, '4.0.1381.33']] : [],
      }),
    );
  }
  return out;
}

const data = JSON.stringify(buildSearchIndex(records()));
const fresh = () => loadSearchIndex(JSON.parse(data));

/** Every prefix of each query, then the query backspaced to its first word and typed again. */
function keystrokes(queries: readonly string[]): string[] {
  const out: string[] = [];
  for (const q of queries) {
    for (let i = 1; i <= q.length; i++) out.push(q.slice(0, i));
    const space = q.indexOf(' ');
    for (let i = q.length - 1; i > space; i--) out.push(q.slice(0, i));
    for (let i = space + 1; i <= q.length; i++) out.push(q.slice(0, i));
  }
  return out;
}

describe('answers do not depend on what was typed before', () => {
  const queries = [
    'spooler service terminated unexpectedly',
    'registry logon fails nt 4.0',
    'spoler servce',
    'exchange 5.5 printer driver update',
    'spooler.dll 4.0.1381',
    'logon registry spooler',
    // The same word with and without the phrase that gives it synonyms.
    'spooler stops responding',
    'spooler stops',
    'spooler hangs after stops',
  ];

  it('each keystroke ranks as on a fresh index', () => {
    const typed = fresh();
    for (const text of keystrokes(queries)) {
      expect(search(typed, text), text).toEqual(search(fresh(), text));
    }
  });

  it('a larger list after a smaller one, and the other way round', () => {
    const typed = fresh();
    for (const text of ['registry logon', 'registry logon fails', 'registry logo']) {
      expect(search(typed, text, { limit: 5 }), text).toEqual(search(fresh(), text, { limit: 5 }));
      expect(search(typed, text, { limit: 200 }), text).toEqual(search(fresh(), text, { limit: 200 }));
    }
  });
});
