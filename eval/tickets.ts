/** Tickets: the right article first (issue 13). Not written yet: reports nothing. */
import type { PartResult } from '../bench/report';
import type { EvalContext } from './context';

export async function evalTickets(_ctx: EvalContext): Promise<PartResult> {
  return { part: 'tickets', title: "Tickets: the right article first (issue 13)", rows: [], notes: ['not written yet'] };
}
