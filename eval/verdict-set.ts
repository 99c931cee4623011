/**
 * Verdict cases (tests/fixtures/tickets/verdicts.json): a short ticket at a stated version and
 * the article it is about, with the verdict a reader of the article gives. Scores what the hover
 * card would say: the ticket's versions (findTicketVersions) against the article's record
 * (verdictFor). Pure: eval/fixes.ts and the floor in npm test both score with it.
 */
import type { ArticleRecord } from '../src/core/article/types';
import { findTicketVersions } from '../src/core/version/ticket-versions';
import { verdictFor, type Verdict } from '../src/core/version/verdict';

export interface VerdictCase {
  id: string;
  q: string;
  verdict: Verdict;
  text: string;
}

export interface VerdictSet {
  about: string;
  cases: VerdictCase[];
}

export interface VerdictScore {
  right: number;
  total: number;
  pct: number;
  wrong: string[];
}

export function scoreVerdicts(
  cases: readonly VerdictCase[],
  records: ReadonlyMap<string, ArticleRecord>,
): VerdictScore {
  const s: VerdictScore = { right: 0, total: 0, pct: 0, wrong: [] };
  for (const c of cases) {
    s.total++;
    const r = records.get(c.q);
    if (!r) {
      s.wrong.push(`${c.id}: no record for ${c.q}`);
      continue;
    }
    const v = verdictFor(r, findTicketVersions(c.text));
    if (v.verdict === c.verdict) s.right++;
    else s.wrong.push(`${c.id} (${c.q}): ${v.verdict} (${v.reason}), expected ${c.verdict}`);
  }
  s.pct = s.total ? (100 * s.right) / s.total : 0;
  return s;
}
