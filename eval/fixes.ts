/** Fix facts against hand-read articles (issue 15). Not written yet: reports nothing. */
import type { PartResult } from '../bench/report';
import type { EvalContext } from './context';

export async function evalFixes(_ctx: EvalContext): Promise<PartResult> {
  return { part: 'fixes', title: "Fix facts against hand-read articles (issue 15)", rows: [], notes: ['not written yet'] };
}
