/**
 * DOM text nodes as one string: the content script collects the text of each node (a "run"),
 * joins them so a message split over <b>, <br> or several nodes is scanned as one, and maps match
 * offsets back to (run, offset) pairs to build Ranges. Pure: takes strings, not nodes.
 */

export interface JoinedRuns {
  text: string;
  /** Offset of run i in `text`; runs.length entries, ascending. */
  starts: Int32Array;
  /** Length of run i. */
  lengths: Int32Array;
}

export interface RunPosition {
  run: number;
  offset: number;
}

/**
 * Joins runs. `separators` says what goes between run i-1 and run i: one string for all, an array
 * indexed by i (undefined = ""), or a function. Use "\n" at block boundaries so a message cannot
 * run from one paragraph into the next by accident, "" between inline nodes.
 */
export function joinRuns(
  runs: readonly string[],
  separators?: string | readonly (string | undefined)[] | ((index: number) => string),
): JoinedRuns {
  const starts = new Int32Array(runs.length);
  const lengths = new Int32Array(runs.length);
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < runs.length; i++) {
    if (i > 0) {
      const sep = typeof separators === 'string' ? separators
        : typeof separators === 'function' ? separators(i)
        : separators ? (separators[i] ?? '') : '';
      if (sep) { parts.push(sep); at += sep.length; }
    }
    const run = runs[i]!;
    starts[i] = at;
    lengths[i] = run.length;
    parts.push(run);
    at += run.length;
  }
  return { text: parts.join(''), starts, lengths };
}

/**
 * The run and offset for a position in the joined text. A position inside a separator, or at a
 * boundary, goes to the start of the next run with bias "start" (where a match begins) and to
 * the end of the previous run with bias "end" (where a match ends), so Ranges never begin or end in
 * text that does not exist in the page. Null for an empty join.
 */
export function locate(joined: JoinedRuns, offset: number, bias: 'start' | 'end' = 'start'): RunPosition | null {
  const { starts, lengths } = joined;
  const n = starts.length;
  if (n === 0) return null;
  // Last run starting at or before offset.
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid; else hi = mid - 1;
  }
  let run = lo;
  if (offset < starts[0]!) return { run: 0, offset: 0 };
  if (bias === 'end') {
    // Prefer the end of the earlier run at a boundary, skipping empty runs.
    while (run > 0 && offset === starts[run]!) run--;
    const within = offset - starts[run]!;
    return { run, offset: Math.min(within, lengths[run]!) };
  }
  const within = offset - starts[run]!;
  if (within < lengths[run]!) return { run, offset: within };
  // In the separator after `run`, or at its very end: go to the next non-empty run.
  let next = run + 1;
  while (next < n && lengths[next] === 0) next++;
  if (next < n) return { run: next, offset: 0 };
  return { run, offset: lengths[run]! };
}

/** Both ends of a match, ready for Range.setStart / setEnd. */
export function locateRange(joined: JoinedRuns, start: number, end: number): { start: RunPosition; end: RunPosition } | null {
  const s = locate(joined, start, 'start');
  const e = locate(joined, end, 'end');
  return s && e ? { start: s, end: e } : null;
}
