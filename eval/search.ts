/** Search from the agent's words (issue 14). Not written yet: reports nothing. */
import type { PartResult } from '../bench/report';
import type { EvalContext } from './context';

export async function evalSearch(_ctx: EvalContext): Promise<PartResult> {
  return { part: 'search', title: "Search from the agent's words (issue 14)", rows: [], notes: ['not written yet'] };
}
