import type { FoundMatch } from '../messaging/protocol';
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

/** Where to cut: just after the last whitespace before `at`, so the next window starts on a word. */
function cutAfterSpace(text: string, base: number, at: number, minAt: number): number {
  const lo = Math.max(minAt, at - 256);
  for (let g = at; g > lo; g--) {
    const c = text.charCodeAt(g - 1 - base);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 160) return g;
  }
  return at;
}

class Stream {
  segs: Seg[] = [];
  text = '';
  /** Stream offset of this.text[0]. */
  base = 0;
  length = 0;
  /** Start of the part no chunk owns yet. */
  own = 0;
  scope: Node | null = null;

  append(run: TextRun): void {
    if (this.length > 0) {
      this.text += '\n';
      this.length++;
    }
    this.segs.push({ run, at: this.length });
    this.text += run.text;
    this.length += run.text.length;
  }

  get empty(): boolean {
    return this.length <= this.own;
  }

  take(final: boolean, chunkChars: number, overlap: number): Chunk | null {
    const pending = this.length - this.own;
    if (pending <= 0 || (!final && pending < chunkChars + overlap)) return null;
    const last = final && pending <= chunkChars + overlap;
    const ownTo = last ? this.length : cutAfterSpace(this.text, this.base, this.own + chunkChars, this.own + 1);
    const end = last ? this.length : Math.min(this.length, ownTo + overlap);
    const from = this.own;
    const chunk: Chunk = {
      text: this.text.slice(from - this.base, end - this.base),
      from,
      ownTo,
      segs: this.segs.filter((s) => s.at + s.run.text.length > from && s.at < end),
    };
    this.own = ownTo;
    this.text = this.text.slice(ownTo - this.base);
    this.base = ownTo;
    this.segs = this.segs.filter((s) => s.at + s.run.text.length > ownTo);
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
  const chunkChars = opts.chunkChars ?? 32_768;
  const overlap = opts.overlapChars ?? 2_048;
  const maxInFlight = opts.maxInFlight ?? 4;

  let generation = 0;
  let queue: Node[] = [];
  let walk: Generator<TextRun | null, void, void> | null = null;
  let skip: SkipCheck = createSkipCheck();
  let stream = new Stream();
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
    opts.send(text, reset).then(
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
    ).finally(() => {
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
    for (let c = stream.take(final, chunkChars, overlap); c; c = stream.take(final, chunkChars, overlap)) outbox.push(c);
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
          stream = new Stream();
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
      stream = new Stream();
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
      stream = new Stream();
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
