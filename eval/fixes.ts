/**
 * Fix facts against hand-read articles (issue 15): how often the record's fixedIn, fixKind,
 * affected versions and fixed files agree with tests/fixtures/fix-facts.json.
 *
 * Measured: the articles parsed now from the archive, with the index build's corpus-wide step
 * (the latest service pack resolved by date). Baseline, in the same run: the records of the index
 * being evaluated (public/index unless --index), i.e. the parser that built it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { goalAtLeast, type PartResult, type Row } from '../bench/report';
import { readCorpus } from '../src/cli/corpus/read-corpus';
import { parseArticle } from '../src/core/article/parse-article';
import type { ArticleRecord } from '../src/core/article/types';
import { resolveLatestServicePacks } from '../src/core/version/service-pack-dates';
import type { EvalContext } from './context';
import { scoreFixFacts, type FactScores, type FixFacts } from './fix-facts';
import { scoreVerdicts, type VerdictScore, type VerdictSet } from './verdict-set';

const GOALS: Partial<Record<keyof FactScores, number>> = { fixedIn: 97, fixKind: 90, files: 97 };
const WHAT: Record<keyof FactScores, string> = {
  fixedIn: 'fixedIn agrees',
  fixKind: 'fixKind agrees',
  versions: 'affected versions agree',
  files: 'fixed files agree',
  latestResolved: '"latest SP" given a number, marked inferred',
};

export async function evalFixes(ctx: EvalContext): Promise<PartResult> {
  const facts = JSON.parse(await readFile(join(ctx.root, 'tests/fixtures/fix-facts.json'), 'utf8')) as FixFacts;
  const labels = facts.articles;
  const heldOut = labels.filter((l) => l.set === 'held-out');
  const fresh = labels.filter((l) => l.set === 'fresh');
  const notes = [
    `${labels.length} hand-read articles, stratified (tests/fixtures/fix-facts.json): ${labels.length - heldOut.length - fresh.length} of seed ${facts.sample.seed} ` +
      `read while fixing the parser, ${heldOut.length} of seed ${facts.sample.heldOutSeed} read blind afterwards (held-out rows), ` +
      `${fresh.length} of seed ${facts.sample.freshSeed ?? '-'} read blind later still (fresh rows)`,
  ];
  const verdictSet = JSON.parse(
    await readFile(join(ctx.root, 'tests/fixtures/tickets/verdicts.json'), 'utf8'),
  ) as VerdictSet;
  const wanted = new Set([...labels.map((l) => l.q), ...verdictSet.cases.map((c) => c.q)]);
  let verdictsBase: VerdictScore | null = null;
  let verdictsNow: VerdictScore | null = null;

  let baseline: FactScores | null = null;
  let baselineHeld: FactScores | null = null;
  let baselineFresh: FactScores | null = null;
  if (ctx.hasIndex()) {
    const records = await ctx.index().lookupMany(wanted);
    baseline = scoreFixFacts(labels, records);
    baselineHeld = scoreFixFacts(heldOut, records);
    baselineFresh = scoreFixFacts(fresh, records);
    verdictsBase = scoreVerdicts(verdictSet.cases, records);
  } else notes.push('no index: no baseline');

  let current: FactScores | null = null;
  let currentHeld: FactScores | null = null;
  let currentFresh: FactScores | null = null;
  if (ctx.corpus) {
    const all: ArticleRecord[] = [];
    for await (const file of readCorpus(ctx.corpus)) {
      if (file.text === undefined) continue; // over the size cap: reported by build-index
      const r = parseArticle(file.text, file.path);
      if (r.ok) all.push(r.record);
    }
    resolveLatestServicePacks(all);
    const mine = new Map(all.filter((r) => wanted.has(r.q)).map((r) => [r.q, r]));
    current = scoreFixFacts(labels, mine);
    currentHeld = scoreFixFacts(heldOut, mine);
    currentFresh = scoreFixFacts(fresh, mine);
    verdictsNow = scoreVerdicts(verdictSet.cases, mine);
    for (const w of verdictsNow.wrong) ctx.log(`verdict ${w}`);
    for (const key of ['fixedIn', 'fixKind', 'files'] as const) {
      for (const w of current[key].wrong) ctx.log(`${key} ${w}`);
    }
  } else notes.push('corpus absent (../shared/corpus/kbarchive.tar.gz): only the baseline is scored');

  const rows: Row[] = (Object.keys(WHAT) as Array<keyof FactScores>).map((key) => {
    const now = current ? current[key] : null;
    const base = baseline ? baseline[key] : null;
    const goal = GOALS[key];
    const value = now ? round(now.pct) : null;
    return {
      key: `fixes_${key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())}_pct`,
      what: `${WHAT[key]}${now ? ` (${now.right}/${now.total})` : ''}`,
      value,
      unit: '%',
      baseline: base ? `index: ${round(base.pct)} % (${base.right}/${base.total})` : undefined,
      goal: goal === undefined ? undefined : goalAtLeast(value, goal, '%'),
    };
  });
  const subsets = [
    ['held_out', 'held-out', currentHeld, baselineHeld],
    ['fresh', 'fresh', currentFresh, baselineFresh],
  ] as const;
  for (const [slug, label, cur, bas] of subsets) {
    for (const key of ['fixedIn', 'fixKind', 'files'] as const) {
      const now = cur ? cur[key] : null;
      const base = bas ? bas[key] : null;
      rows.push({
        key: `fixes_${slug}_${key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())}_pct`,
        what: `${label} only: ${WHAT[key]}${now ? ` (${now.right}/${now.total})` : ''}`,
        value: now ? round(now.pct) : null,
        unit: '%',
        baseline: base ? `index: ${round(base.pct)} % (${base.right}/${base.total})` : undefined,
      });
    }
  }
  rows.push({
    key: 'fixes_verdicts_pct',
    what: `verdict cases: the card's verdict agrees (tests/fixtures/tickets/verdicts.json${verdictsNow ? `, ${verdictsNow.right}/${verdictsNow.total}` : ''})`,
    value: verdictsNow ? round(verdictsNow.pct) : null,
    unit: '%',
    baseline: verdictsBase
      ? `index records: ${round(verdictsBase.pct)} % (${verdictsBase.right}/${verdictsBase.total}; same verdict code)`
      : undefined,
  });
  return {
    part: 'fixes',
    title: 'Fix facts against hand-read articles (issue 15)',
    rows,
    notes,
    details: current ? { wrong: Object.fromEntries(Object.entries(current).map(([k, v]) => [k, v.wrong])) } : undefined,
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
