import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { candidateArticles, explain, type Match } from '../../../src/core/match';
import { recordMap } from './fixture-records';
import { scan } from './helpers';

/**
 * A hand-labelled set of short tickets against the fixture records. Each ticket lists the matches
 * it should produce ("q:Q227142", "ndr:<class>", "error:<articles>") and the articles it should
 * show; precision and recall over all (ticket, label) pairs must stay above a floor.
 */
interface Labelled {
  id: string;
  text: string;
  matches: string[];
  articles: string[];
}
const SET: Labelled[] = JSON.parse(
  readFileSync(new URL('../../fixtures/tickets/labelled.json', import.meta.url), 'utf8'),
);

function label(m: Match): string {
  if (m.kind === 'q') return `q:${m.value}`;
  if (m.kind === 'ndr') return `ndr:${m.class ?? m.value}`;
  return `error:${m.articles.length ? [...m.articles].sort().join('+') : m.value}`;
}

function score(pairs: { expected: string[]; found: string[] }[]) {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const { expected, found } of pairs) {
    const e = new Set(expected);
    const f = new Set(found);
    for (const x of f) e.has(x) ? tp++ : fp++;
    for (const x of e) if (!f.has(x)) fn++;
  }
  return { precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1), tp, fp, fn };
}

describe('labelled tickets', () => {
  const all = recordMap();
  const results = SET.map((t) => {
    const matches = scan(t.text);
    const records = new Map(
      candidateArticles(matches)
        .filter((q) => all.has(q))
        .map((q) => [q, all.get(q)!]),
    );
    const r = explain(t.text, matches, records);
    return { t, found: matches.map(label), articles: r.articles.map((a) => a.q) };
  });

  it('has about 40 tickets, positives and negatives', () => {
    expect(SET.length).toBeGreaterThanOrEqual(40);
    expect(SET.filter((t) => t.matches.length === 0).length).toBeGreaterThanOrEqual(8);
  });

  it('precision and recall of matches and articles stay above 0.9', () => {
    const m = score(results.map((r) => ({ expected: r.t.matches, found: r.found })));
    const a = score(results.map((r) => ({ expected: r.t.articles, found: r.articles })));
    const same = (a: string[], b: string[]) => [...new Set(a)].sort().join() === [...new Set(b)].sort().join();
    const misses = results.filter((r) => !same(r.found, r.t.matches) || !same(r.articles, r.t.articles));
    // Printed so a change in quality is visible in the test log.
    console.log(
      `matches: precision ${m.precision.toFixed(3)} recall ${m.recall.toFixed(3)} (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`,
    );
    console.log(
      `articles: precision ${a.precision.toFixed(3)} recall ${a.recall.toFixed(3)} (tp ${a.tp}, fp ${a.fp}, fn ${a.fn})`,
    );
    for (const r of misses)
      console.log(
        `  ${r.t.id}: expected ${JSON.stringify([r.t.matches, r.t.articles])} got ${JSON.stringify([r.found, r.articles])}`,
      );
    expect(m.precision).toBeGreaterThanOrEqual(0.9);
    expect(m.recall).toBeGreaterThanOrEqual(0.9);
    expect(a.precision).toBeGreaterThanOrEqual(0.9);
    expect(a.recall).toBeGreaterThanOrEqual(0.9);
  });
});
