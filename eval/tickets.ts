/**
 * Tickets: the right article first (issue 13). The labelled set (tests/fixtures/tickets/ranking.json,
 * built by scripts/label-tickets.mjs) through scan + explain over the index, with the ranking by
 * the ticket's other words, next to the same pipeline with that context switched off.
 */
import { goalAtLeast, goalAtMost, type PartResult, type Row } from '../bench/report';
import type { EvalContext } from './context';
import { loadTicketSet, pct, scoreTickets, TICKET_SET, type TicketFigures } from './ticket-set';

const KINDS = ['single', 'shared', 'cited', 'described'] as const;

export async function evalTickets(ctx: EvalContext): Promise<PartResult> {
  const title = 'Tickets: the right article first (issue 13)';
  if (!ctx.hasIndex()) return { part: 'tickets', title, rows: [], notes: [`skipped: no index at ${ctx.indexDir}`] };
  const tickets = loadTicketSet(ctx.root);
  const index = ctx.index();
  const base = await scoreTickets(index, tickets, { context: false });
  const now = await scoreTickets(index, tickets);
  const rows: Row[] = [];
  const cmp = (f: (x: TicketFigures) => number | null, unit: string) =>
    `context off: ${f(base) ?? 'n/a'} ${unit}`.trim();
  for (const k of KINDS) {
    const n = now.byKind[k]?.n ?? 0;
    rows.push({
      key: `tickets_${k}_top1_pct`,
      what: `${k} (${n}): top-1`,
      value: pct(now.byKind[k]?.top1 ?? 0, n),
      unit: '%',
      baseline: cmp((x) => pct(x.byKind[k]?.top1 ?? 0, n), '%'),
    });
    rows.push({
      key: `tickets_${k}_recall3_pct`,
      what: `${k} (${n}): recall@3`,
      value: pct(now.byKind[k]?.at3 ?? 0, n),
      unit: '%',
      baseline: cmp((x) => pct(x.byKind[k]?.at3 ?? 0, n), '%'),
    });
  }
  const n = now.overall.n;
  const top1 = pct(now.overall.top1, n);
  const at3 = pct(now.overall.at3, n);
  rows.push({
    key: 'tickets_top1_pct',
    what: `all positives (${n}): top-1`,
    value: top1,
    unit: '%',
    baseline: cmp((x) => pct(x.overall.top1, n), '%'),
    goal: goalAtLeast(top1, 90, '%'),
  });
  rows.push({
    key: 'tickets_recall3_pct',
    what: `all positives (${n}): recall@3`,
    value: at3,
    unit: '%',
    baseline: cmp((x) => pct(x.overall.at3, n), '%'),
    goal: goalAtLeast(at3, 97, '%'),
  });
  const clean = now.negativesClean;
  rows.push({
    key: 'tickets_negatives_clean',
    what: `negatives clean: no highlight, no article (of ${now.negatives})`,
    value: clean,
    unit: '',
    baseline: cmp((x) => x.negativesClean, ''),
    goal: goalAtLeast(clean, now.negatives, ''),
  });
  rows.push({
    key: 'tickets_dead_spans',
    what: 'highlighted spans that open no article (all tickets)',
    value: now.deadSpans,
    unit: '',
    baseline: cmp((x) => x.deadSpans, ''),
    goal: goalAtMost(now.deadSpans, 0, ''),
  });
  // Is "confidence" worth reading? How often the first article is right when it says high / low.
  for (const c of ['high', 'low'] as const) {
    const firsts = now.outcomes.filter((o) => o.kind !== 'negative' && o.confidence === c);
    rows.push({
      key: `tickets_top1_when_${c}_pct`,
      what: `top-1 right when the first article's confidence is ${c} (${firsts.length})`,
      value: pct(firsts.filter((o) => o.top1).length, firsts.length),
      unit: '%',
    });
  }
  const notes = [
    `${tickets.length} tickets from ${TICKET_SET}; baseline: the same scan with the ranking by context words switched off (RankOptions.context = false)`,
    'top-1: the labelled primary article is ranked first; recall@3: it is among the first three; a negative is clean when it has no match and no article',
  ];
  const missed = now.outcomes.filter((o) => (o.kind === 'negative' ? !o.clean : !o.top1));
  for (const o of missed.slice(0, 40))
    notes.push(
      `${o.id} (${o.kind}): want ${o.primary ?? 'nothing'}, got ${o.ranked.slice(0, 3).join(' ') || 'nothing'}`,
    );
  return { part: 'tickets', title, rows, notes, details: { outcomes: now.outcomes, baseline: base.outcomes } };
}
