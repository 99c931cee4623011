/**
 * What each part returns and how the run is reported: a readable table on stdout and the same
 * figures as JSON (bench/results.json). The bench reports; it never fails on a missed goal.
 */
import { writeFile } from 'node:fs/promises';
import type { Machine } from './machine';

export interface Goal {
  /** "≥ 100 MB/s" */
  text: string;
  met: boolean;
}

export interface Row {
  /** Key in results.json "figures" (snake_case). */
  key: string;
  what: string;
  value: number | null;
  unit: string;
  /** What the figure is compared with, measured in the same run: "regex ×10k: 0.4 MB/s". */
  baseline?: string;
  goal?: Goal;
}

export interface PartResult {
  part: string;
  title: string;
  rows: Row[];
  /** How it was measured, what was skipped and why. */
  notes: string[];
  /** Extra detail for results.json only (per-size figures, per-query results...). */
  details?: Record<string, unknown>;
}

export function goalAtLeast(value: number | null, target: number, unit: string): Goal {
  return { text: `≥ ${target} ${unit}`.trim(), met: value !== null && value >= target };
}

export function goalAtMost(value: number | null, target: number, unit: string): Goal {
  return { text: `≤ ${target} ${unit}`.trim(), met: value !== null && value <= target };
}

export function fmt(value: number | null, unit = ''): string {
  if (value === null || Number.isNaN(value)) return 'n/a';
  const abs = Math.abs(value);
  let s: string;
  if (unit === 'bytes') {
    s = abs >= 1e6 ? `${(value / 1e6).toFixed(2)} MB` : abs >= 1e3 ? `${(value / 1e3).toFixed(1)} kB` : `${value} B`;
    return `${s} (${Math.round(value).toLocaleString('en-US')})`;
  }
  if (value === 0) s = '0';
  else if (abs >= 1000) s = Math.round(value).toLocaleString('en-US');
  else if (abs >= 100) s = value.toFixed(0);
  else if (abs >= 10) s = value.toFixed(1);
  else if (abs >= 1) s = value.toFixed(2);
  else s = value.toFixed(3);
  return unit ? `${s} ${unit}` : s;
}

function pad(s: string, n: number): string {
  const len = [...s].length;
  return len >= n ? s : s + ' '.repeat(n - len);
}

/** Plain-text table: one block per part, rows aligned, notes below. */
export function renderTable(parts: readonly PartResult[]): string {
  const lines: string[] = [];
  for (const p of parts) {
    lines.push('', `== ${p.title}`);
    const cells = p.rows.map((r) => [
      r.what,
      fmt(r.value, r.unit),
      r.baseline ?? '',
      r.goal ? `${r.goal.met ? 'met' : 'MISSED'} (${r.goal.text})` : '',
      r.key,
    ]);
    const widths = [0, 1, 2, 3].map((i) => Math.max(...cells.map((c) => [...c[i]!].length), 0));
    for (const c of cells)
      lines.push(
        '  ' +
          c
            .slice(0, 4)
            .map((x, i) => pad(x, widths[i]!))
            .join('  ')
            .trimEnd() +
          `  [${c[4]}]`,
      );
    for (const n of p.notes) lines.push(`  note: ${n}`);
  }
  return lines.join('\n');
}

/** Markdown table of the same rows, for the README. */
export function renderMarkdown(parts: readonly PartResult[], machine: Machine): string {
  const lines = [
    `Machine: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, load average ${machine.loadStart.map((x) => x.toFixed(2)).join(' / ')} at start.`,
    '',
    '| part | figure | value | baseline (same run) | goal |',
    '|---|---|---|---|---|',
  ];
  for (const p of parts) {
    for (const r of p.rows) {
      lines.push(
        `| ${p.part} | ${r.what} (\`${r.key}\`) | ${fmt(r.value, r.unit)} | ${r.baseline ?? ''} | ${r.goal ? `${r.goal.text}: ${r.goal.met ? 'met' : '**missed**'}` : ''} |`,
      );
    }
  }
  return lines.join('\n');
}

export interface Results {
  format: 'kblens-bench/1';
  date: string;
  command: string;
  machine: Machine;
  seconds: number;
  /** Every figure by key: the flat view scripts compare across runs. */
  figures: Record<string, number | null>;
  parts: PartResult[];
  /** Run-wide notes (e.g. which index the extension carried). */
  notes: string[];
}

export async function writeResults(path: string, results: Results): Promise<void> {
  await writeFile(path, JSON.stringify(results, null, 2) + '\n');
}
