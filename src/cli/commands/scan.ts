import { explainTicket } from '../../core/find-all';
import { ACTOR_LABEL, explainReason, withBounces, type ScanResult } from '../../core/bounce';
import type { KbIndex } from '../../core/index/kb-index';
import { openIndex } from '../node-index';
import { readInput } from '../read-input';
import { UsageError, err, out, parseCommandArgs, type Command } from '../command';

export async function scanOne(index: KbIndex, text: string): Promise<ScanResult> {
  const { found, result } = await explainTicket(index, text);
  return withBounces(text, result, found.bounces);
}

/**
 * `kblens scan FILE...`: one input prints one result ({matches, articles}, the --json contract);
 * an export prints one result per ticket. With several inputs, --json prints one JSON document
 * per input, one per line.
 */
export const scanCommand: Command = async (argv) => {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean' },
    index: { type: 'string' },
  });
  if (positionals.length === 0)
    throw new UsageError('needs a file to scan (text, .html, .eml, .csv, .jsonl) or - for standard input');
  const index = openIndex(values.index);
  let found = false;
  for (const path of positionals) {
    const input = await readInput(path);
    for (const p of input.problems) err(`${input.name}: ${p}`);
    if (input.kind === 'text') {
      const result = await scanOne(index, input.text);
      found ||= result.matches.length > 0 || result.bounces.length > 0 || result.articles.length > 0;
      out(values.json ? JSON.stringify(result) : readable(input.name, result));
      continue;
    }
    const tickets = [];
    for (const t of input.tickets) {
      const result = await scanOne(index, t.text);
      found ||= result.matches.length > 0 || result.bounces.length > 0 || result.articles.length > 0;
      tickets.push({ id: t.id, line: t.line, ...result });
    }
    if (values.json) out(JSON.stringify({ tickets, problems: input.problems }));
    else {
      out(`${input.name}: ${tickets.length} tickets, ${tickets.filter((t) => t.matches.length).length} with matches`);
      for (const t of tickets) out(ticketLine(t.id, t));
    }
  }
  return found ? 0 : 1;
};

function readable(name: string, r: ScanResult): string {
  const lines = [
    `${name}: ${r.matches.length} match${r.matches.length === 1 ? '' : 'es'}, ${r.articles.length} article${r.articles.length === 1 ? '' : 's'}`,
  ];
  for (const m of r.matches) {
    const cls = m.class ? ` (${m.class})` : '';
    if (m.build) {
      lines.push(
        `  build ${JSON.stringify(clip(m.text))} -> ${m.value}${m.build.newer.length ? `; newer: ${m.build.newer.join(', ')}` : ''}`,
      );
      continue;
    }
    const arts = m.articles.length
      ? ` -> ${m.articles.slice(0, 5).join(' ')}${m.articles.length > 5 ? ' ...' : ''}`
      : '';
    lines.push(`  ${m.kind.padEnd(5)} ${JSON.stringify(clip(m.text))}${cls}${arts}`);
  }
  if (r.bounces.length) lines.push('Bounces:');
  for (const b of r.bounces) {
    lines.push(`  ${b.generation}${b.reportingMta ? ` from ${b.reportingMta}` : ''} (${b.start}-${b.end})`);
    for (const x of b.recipients) {
      const e = explainReason(x.reason, [x.status, x.diagnostic].filter(Boolean).join(' '));
      const codes = [x.replyCode, x.status].filter(Boolean).join(' ');
      lines.push(
        `    ${x.address ?? '(no address)'}${codes ? ` ${codes}` : ''}: ${x.reason}${e ? `: ${e.label}` : ''}${x.delayed ? ' (delayed: still retrying, not failed yet)' : ''}`,
      );
      if (e) lines.push(`      ${ACTOR_LABEL[e.who]} must act: ${e.next}`);
    }
  }
  if (r.articles.length) lines.push('Articles:');
  r.articles.forEach((a, i) => {
    const mark =
      a.source === 'described'
        ? "  [suggestion from the ticket's words, low confidence]"
        : a.confidence === 'low'
          ? '  [low confidence]'
          : '';
    lines.push(`  ${i + 1}. ${a.q}  ${a.title}${a.inIndex ? '' : ' (not in the index)'}${mark}`);
    lines.push(`     ${a.why}`);
    if (a.verdict) lines.push(`     ${a.verdict}${a.verdictReason ? `: ${a.verdictReason}` : ''}`);
  });
  return lines.join('\n');
}

function ticketLine(id: string, r: ScanResult): string {
  const suggested = r.articles[0]?.source === 'described' ? r.articles[0] : undefined;
  if (suggested) return `  ${id}: suggested from the ticket's words -> ${suggested.q} (low confidence)`;
  if (!r.matches.length) return `  ${id}: nothing found`;
  const arts = r.articles
    .slice(0, 5)
    .map((a) => (a.verdict && a.verdict !== 'unknown' ? `${a.q} (${a.verdict})` : a.q));
  return `  ${id}: ${r.matches.length} match${r.matches.length === 1 ? '' : 'es'}${arts.length ? ` -> ${arts.join(', ')}` : ''}`;
}

function clip(s: string, n = 70): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length <= n ? one : one.slice(0, n - 1) + '…';
}
