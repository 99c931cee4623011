/**
 * The labelled tickets of issue 13 (tests/fixtures/tickets/ranking.json) run through the real
 * scan + explain pipeline, and the figures they give: top-1, recall@3, clean negatives and
 * highlighted spans that open no article. Shared by `npm run eval` and the floor in npm test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KbIndex } from '../src/core/index/kb-index';
import type { ExplainResult } from '../src/core/match';
import { explainTicket } from '../src/core/find-all';
import type { RankOptions } from '../src/core/match/rank';

/**
 * `described`: an archive-era Exchange bounce of generic lines whose article quotes none of them
 * but is about the situation the ticket describes (src/core/bounce/situation.ts).
 */
export type TicketKind = 'single' | 'shared' | 'cited' | 'described' | 'negative';

export interface LabelledTicket {
  id: string;
  kind: TicketKind;
  text: string;
  /** The article the ticket is about; null for a negative. */
  primary: string | null;
  /** Every article whose body quotes the ticket's message (searched over the whole corpus); for `described`, its bounce's lines. */
  quoting: string[];
  note?: string;
  /**
   * Negatives only: match kinds that may be highlighted (a modern bounce's "ndr" lines, read as a
   * bounce with its reason), provided no article is listed.
   */
  allowKinds?: string[];
  /**
   * Negatives only: an archive message inside modern text ("The system cannot find the file
   * specified." in a .NET crash): a highlight and low-confidence articles are acceptable, a
   * confident article is not.
   */
  allowLow?: boolean;
}

export const TICKET_SET = 'tests/fixtures/tickets/ranking.json';

export function loadTicketSet(root: string): LabelledTicket[] {
  return JSON.parse(readFileSync(join(root, TICKET_SET), 'utf8')) as LabelledTicket[];
}

export interface TicketOutcome {
  id: string;
  kind: TicketKind;
  primary: string | null;
  ranked: string[];
  top1: boolean;
  at3: boolean;
  /** Negatives: nothing highlighted and no article. */
  clean: boolean;
  /** Highlighted spans none of whose articles is in the index (a card with nothing to open). */
  deadSpans: number;
  /** The first article's confidence, when there is one. */
  confidence?: 'high' | 'low';
}

export interface Figures {
  n: number;
  top1: number;
  at3: number;
}

export interface TicketFigures {
  byKind: Record<string, Figures>;
  overall: Figures;
  negatives: number;
  negativesClean: number;
  deadSpans: number;
  outcomes: TicketOutcome[];
}

export async function runTicket(
  index: KbIndex,
  text: string,
  opts: RankOptions = {},
): Promise<{ result: ExplainResult; known: Set<string> }> {
  // The product's own sequence (matches, builds, bounces), so the figures are what ships.
  const { result, records } = await explainTicket(index, text, opts);
  return { result, known: new Set(records.keys()) };
}

export async function scoreTickets(
  index: KbIndex,
  tickets: readonly LabelledTicket[],
  opts: RankOptions = {},
): Promise<TicketFigures> {
  const outcomes: TicketOutcome[] = [];
  for (const t of tickets) {
    const { result, known } = await runTicket(index, t.text, opts);
    const ranked = result.articles.map((a) => a.q);
    // An NDR line naming no article is a bounce's own highlight: its card gives the bounce's reason.
    const deadSpans = result.matches.filter(
      (m) => !m.articles.some((q) => known.has(q)) && !(m.kind === 'ndr' && m.articles.length === 0),
    ).length;
    outcomes.push({
      id: t.id,
      kind: t.kind,
      primary: t.primary,
      ranked,
      top1: t.primary !== null && ranked[0] === t.primary,
      at3: t.primary !== null && ranked.slice(0, 3).includes(t.primary),
      clean: negativeClean(t, result),
      deadSpans,
      ...(result.articles[0] ? { confidence: result.articles[0].confidence } : {}),
    });
  }
  const byKind: Record<string, Figures> = {};
  const overall: Figures = { n: 0, top1: 0, at3: 0 };
  for (const o of outcomes) {
    if (o.kind === 'negative') continue;
    const f = (byKind[o.kind] ??= { n: 0, top1: 0, at3: 0 });
    for (const g of [f, overall]) {
      g.n++;
      g.top1 += +o.top1;
      g.at3 += +o.at3;
    }
  }
  const negs = outcomes.filter((o) => o.kind === 'negative');
  return {
    byKind,
    overall,
    negatives: negs.length,
    negativesClean: negs.filter((o) => o.clean).length,
    deadSpans: outcomes.reduce((s, o) => s + o.deadSpans, 0),
    outcomes,
  };
}

/** A negative is clean with no highlight and no article, within what its label allows. */
function negativeClean(t: LabelledTicket, result: ExplainResult): boolean {
  if (t.allowLow) return result.articles.every((a) => a.confidence === 'low');
  const kinds = new Set(t.allowKinds ?? []);
  return result.matches.every((m) => kinds.has(m.kind)) && result.articles.length === 0;
}

export function pct(part: number, whole: number): number | null {
  return whole ? Math.round((1000 * part) / whole) / 10 : null;
}
