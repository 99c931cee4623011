/** Bounces: detection and reason class (issue 16). Not written yet: reports nothing. */
import type { PartResult } from '../bench/report';
import type { EvalContext } from './context';

export async function evalBounces(_ctx: EvalContext): Promise<PartResult> {
  return { part: 'bounces', title: "Bounces: detection and reason class (issue 16)", rows: [], notes: ['not written yet'] };
}
