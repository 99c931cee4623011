import type { FoundMatch } from '../messaging/protocol';
import { WINDOW_CHARS, WINDOW_OVERLAP, WindowCutter } from '../core/windows';
import type { Schedule } from './idle';
import { createSkipCheck, type SkipCheck } from './skip-rules';
import { pointInRun, textRuns, type TextPoint, type TextRun } from './text-runs';

/**
 * Sends the page's text to the background in chunks, in idle time, and turns the answers back into
 * DOM positions. The text of one scope (a document or a shadow root) is one stream: runs joined by
 * "\n", so an NDR broken by <br> still reads as one message. The stream is cut into windows that
 * overlap; each window owns the matches that start in its owned part, so a match cut by a window
 * edge is found whole in the next window and never twice.
 */

/** A match placed in the DOM. */
export interface PlacedMatch {
  match: FoundMatch;
  start: TextPoint;
  end: TextPoint;
  /** Every text node the match covers, for hit testing. */
  nodes: Text[];
}

export interface ScannerOptions {
  /** Ask the background to scan `text`; `reset` on the first message after a restart. */
  send(text: string, reset: boolean): Promise<FoundMatch[]>;
  onMatches(found: PlacedMatch[]): void;
  /** Called for each run as it is collected, so earlier matches on its nodes can be dropped. */
  onRun?(run: TextRun): void;
  onError?(error: unknown): void;
  schedule: Schedule;
  now(): number;
  /** Owned characters per message. */
  chunkChars?: number;
  /** Extra characters after the owned part: the longest match that is always found whole. */
  overlapChars?: number;
  maxInFlight?: number;
}

export interface Scanner {
  /** Scan this subtree (a document, shadow root, element or text node) when idle. */
  enqueue(root: Node): void;
  /** Forget queued work and answers in flight; the next message tells the background to reset. */
  restart(): void;
  /** Resolves when everything queued has been scanned and answered. */
  idle(): Promise<void>;
  dispose(): void;
}

interface Seg {
  run: TextRun;
  /** Offset of run.text in the stream. */
  at: number;
}

interface Chunk {
  text: string;
  /** Stream offset of text[0]. */
  from: number;
  /** Matches starting in [from, ownTo) belong to this chunk. */
  ownTo: number;
  segs: Seg[];
}

/** The page's text runs as one stream, cut into windows by core's one rule (core/windows.ts). */
class Stream {
  segs: Seg[] = [];
  private readonly cutter: WindowCutter;
  scope: Node | null = null;

  constructor(chars: number, overlap: number) {
    this.cutter = new WindowCutter(chars, overlap);
  }

  append(run: TextRun): void {
    if (this.cutter.length > 0) this.cutter.append('\n');
    this.segs.push({ run, at: this.cutter.length });
    this.cutter.append(run.text);
  }

  get empty(): boolean {
    return this.cutter.empty;
  }

  take(final: boolean): Chunk | null {
    const w = this.cutter.take(final);
    if (!w) return null;
    const end = w.from + w.text.length;
    const chunk: Chunk = {
      text: w.text,
      from: w.from,
      ownTo: w.ownTo,
      segs: this.segs.filter((s) => s.at + s.run.text.length > w.from && s.at < end),
    };
    this.segs = this.segs.filter((s) => s.at + s.run.text.length > w.ownTo);
    return chunk;
  }
}

function segIndexAt(segs: Seg[], g: number, edge: 'start' | 'end'): number {
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const at = segs[mid]!.at;
    if (edge === 'start' ? at <= g : at < g) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Maps one answer back to the DOM; null when it falls outside the chunk or the page changed since. */
export function placeMatch(chunk: Chunk, m: FoundMatch): PlacedMatch | null {
  const gs = chunk.from + m.start;
  const ge = chunk.from + m.end;
  if (gs < chunk.from || gs >= chunk.ownTo || ge <= gs || chunk.segs.length === 0) return null;
  let si = segIndexAt(chunk.segs, gs, 'start');
  let s = chunk.segs[si]!;
  if (gs < s.at) return null;
  let startLocal = gs - s.at;
  if (startLocal >= s.run.text.length) {
    // Starts on a separator: begin at the next run.
    si++;
    s = chunk.segs[si]!;
    if (!s) return null;
    startLocal = 0;
  }
  const ei = segIndexAt(chunk.segs, ge, 'end');
  const e = chunk.segs[ei]!;
  if (ei < si) return null;
  const endLocal = Math.min(ge - e.at, e.run.text.length);
  const start = pointInRun(s.run, startLocal, 'start');
  const end = pointInRun(e.run, endLocal, 'end');

  // Read the span back from the live nodes: if the page changed since the walk, the offsets are
  // stale and the mutation observer has already queued a rescan.
  const nodes: Text[] = [];
  let live = '';
  for (let k = si; k <= ei; k++) {
    const run = chunk.segs[k]!.run;
    const i0 = k === si ? start.index : 0;
    const i1 = k === ei ? end.index : run.nodes.length - 1;
    if (k > si) live += '\n';
    for (let i = i0; i <= i1; i++) {
      const node = run.nodes[i]!;
      if (!node.isConnected) return null;
      const a = k === si && i === i0 ? start.offset : 0;
      const b = k === ei && i === i1 ? end.offset : node.data.length;
      live += node.data.slice(a, b);
      nodes.push(node);
    }
  }
  if (live !== m.text) return null;
  return { match: m, start, end, nodes };
}

export function createScanner(opts: ScannerOptions): Scanner {
  const chunkChars = opts.chunkChars ?? WINDOW_CHARS;
  const overlap = opts.overlapChars ?? WINDOW_OVERLAP;
  const newStream = () => new Stream(chunkChars, overlap);
  const maxInFlight = opts.maxInFlight ?? 4;

  let generation = 0;
  let queue: Node[] = [];
  let walk: Generator<TextRun | null, void, void> | null = null;
  let skip: SkipCheck = createSkipCheck();
  let stream = newStream();
  let outbox: Chunk[] = [];
  let inFlight = 0;
  let needReset = false;
  let resetInFlight = false;
  let cancelScheduled: (() => void) | null = null;
  let disposed = false;
  let waiters: Array<() => void> = [];

  const busy = (): boolean =>
    queue.length > 0 || walk !== null || !stream.empty || outbox.length > 0 || inFlight > 0 || needReset;

  const settle = (): void => {
    if (busy()) return;
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  };

  const wake = (): void => {
    if (cancelScheduled || disposed) return;
    cancelScheduled = opts.schedule(slice);
  };

  const send = (text: string, segsChunk: Chunk | null, reset: boolean): void => {
    const gen = generation;
    inFlight++;
    if (reset) resetInFlight = true;
    opts
      .send(text, reset)
      .then(
        (matches) => {
          if (gen !== generation || disposed || !segsChunk) return;
          const placed: PlacedMatch[] = [];
          for (const m of matches) {
            const p = placeMatch(segsChunk, m);
            if (p) placed.push(p);
          }
          if (placed.length) opts.onMatches(placed);
        },
        (error: unknown) => {
          if (gen === generation && !disposed) opts.onError?.(error);
        },
      )
      .finally(() => {
        if (gen !== generation) return;
        inFlight--;
        if (reset) resetInFlight = false;
        pump();
        if (busy()) wake();
        settle();
      });
  };

  const pump = (): void => {
    while (outbox.length && inFlight < maxInFlight && !resetInFlight) {
      const chunk = outbox.shift()!;
      const reset = needReset;
      needReset = false;
      send(chunk.text, chunk, reset);
      if (reset) break;
    }
  };

  const flushStream = (final: boolean): void => {
    for (let c = stream.take(final); c; c = stream.take(final)) outbox.push(c);
  };

  function slice(budgetMs: number): void {
    cancelScheduled = null;
    if (disposed) return;
    const deadline = opts.now() + budgetMs;
    while (opts.now() < deadline) {
      if (outbox.length >= maxInFlight * 2) break; // back-pressure: wait for answers
      if (!walk) {
        const root = queue.shift();
        if (!root) break;
        if (!root.isConnected) continue;
        const scope = root.getRootNode();
        if (stream.scope && stream.scope !== scope) {
          flushStream(true);
          stream = newStream();
        }
        stream.scope = scope;
        walk = textRuns(root, skip);
      }
      const step = walk.next();
      if (step.done) {
        walk = null;
        continue;
      }
      if (step.value) {
        opts.onRun?.(step.value);
        stream.append(step.value);
        flushStream(false);
      }
    }
    if (!walk && queue.length === 0) {
      flushStream(true);
      stream = newStream();
      // Fresh memo for the next pass: attributes (contenteditable) may change between passes.
      skip = createSkipCheck();
      if (needReset && outbox.length === 0 && inFlight === 0) {
        // Nothing to scan (an empty page after a route change): still tell the background.
        needReset = false;
        send('', null, true);
      }
    }
    pump();
    if ((walk || queue.length) && outbox.length < maxInFlight * 2) wake();
    settle();
  }

  return {
    enqueue(root) {
      if (disposed) return;
      queue.push(root);
      wake();
    },
    restart() {
      generation++;
      queue = [];
      walk = null;
      stream = newStream();
      outbox = [];
      inFlight = 0;
      resetInFlight = false;
      needReset = true;
      skip = createSkipCheck();
      wake();
    },
    idle() {
      if (disposed || !busy()) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    dispose() {
      disposed = true;
      generation++;
      cancelScheduled?.();
      cancelScheduled = null;
      queue = [];
      walk = null;
      outbox = [];
      const w = waiters;
      waiters = [];
      for (const resolve of w) resolve();
    },
  };
}
