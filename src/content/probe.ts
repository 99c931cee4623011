import { WindowCutter } from '../core/windows';
import { openShadowRoots, sameOriginDocument, stillLoading } from './frames-and-shadows';
import { idleScheduler, type Schedule } from './idle';
import { summarize } from './mutations';
import { isContextLost } from './page-reader';
import { CARD_HOST_TAG, createSkipCheck } from './skip-rules';
import { textRuns, type TextRun } from './text-runs';

/**
 * The part of KB Lens that runs on every page of a site that is on, and on most pages all it ever
 * runs: it answers one question, "is there anything to find here?", and hands over to the full
 * lens (a second file the background injects into this frame) at the first match.
 *
 * It reads the same text as the lens, with the same primitives (text runs, skip rules, frames,
 * shadow roots, mutation summaries), so it cannot miss what the lens would find. It keeps nothing
 * else: no positions, no windows to map back, no scope bookkeeping. On a page with nothing to find
 * the cost is the code a page load runs for the first time, so this is deliberately one small
 * closure rather than the lens's reader (measured: 3.7 ms of script per load against ~1.8 for a
 * bare walk-and-send; `npm run bench -- --only page`).
 */
export interface ProbeDeps {
  win: Window;
  /** Asks the background whether `text` holds anything to find; `reset` on the first message of a page load. */
  find(text: string, reset: boolean): Promise<boolean>;
  /** A match was found: the probe has stopped; load the lens. Called at most once. */
  onFound(): void;
  /** The extension went away (update, reload): the probe has stopped. */
  onContextLost?(): void;
  schedule?: Schedule;
  now?(): number;
}

export interface Probe {
  /** Resolves once everything queued so far has been read and answered (tests). */
  idle(): Promise<void>;
  /** Handle queued mutation records now (tests). */
  flushMutations(): void;
  readonly stopped: boolean;
  stop(): void;
}

const MAX_IN_FLIGHT = 4;

type Frame = HTMLIFrameElement | HTMLFrameElement;

export function startProbe(deps: ProbeDeps): Probe {
  const { win } = deps;
  const schedule = deps.schedule ?? idleScheduler(win);
  const now = deps.now ?? (() => win.performance.now());
  const scopes = new Set<Node>();
  const observers: MutationObserver[] = [];
  const frames = new Map<Frame, () => void>();
  /** Roots still to read: whole scopes first, then the blocks mutations touched. */
  const queue: Node[] = [];
  let walk: Generator<TextRun | null, void, void> | null = null;
  let skip = createSkipCheck();
  // Read text not yet sent, cut into messages by the lens's own windowing (core/windows.ts).
  let pending = new WindowCutter();
  let reset = true;
  let inFlight = 0;
  let cancel: (() => void) | null = null;
  let stopped = false;
  let waiters: Array<() => void> = [];

  const isOwn = (n: Node): boolean => n.nodeType === 1 && (n as Element).localName === CARD_HOST_TAG;

  const settle = (): void => {
    if (!stopped && (queue.length || walk || !pending.empty || inFlight || cancel)) return;
    const w = waiters;
    waiters = [];
    for (const r of w) r();
  };

  const wake = (): void => {
    if (!stopped && !cancel) cancel = schedule(slice);
  };

  const send = (chunk: string): void => {
    inFlight++;
    const first = reset;
    reset = false;
    deps
      .find(chunk, first)
      .then(
        (found) => {
          if (stopped || !found) return;
          probe.stop();
          deps.onFound();
        },
        (error: unknown) => {
          if (stopped || !isContextLost(error)) return;
          probe.stop();
          deps.onContextLost?.();
        },
      )
      .finally(() => {
        inFlight--;
        if (queue.length || walk || !pending.empty) wake();
        settle();
      });
  };

  /** Sends what has been read; keeps the tail so a match across the cut is found whole next time. */
  const flush = (final: boolean): void => {
    for (let w = pending.take(final); w; w = pending.take(final)) send(w.text);
  };

  const addScope = (scope: Document | ShadowRoot): void => {
    if (scopes.has(scope)) return;
    scopes.add(scope);
    const doc = scope.nodeType === 9 ? (scope as Document) : (scope as ShadowRoot).ownerDocument;
    const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
    const observer = new Observer(onRecords);
    observer.observe(scope, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['contenteditable'],
    });
    observers.push(observer);
    queue.push(scope);
    wake();
  };

  const attachFrame = (frame: Frame): void => {
    const doc = sameOriginDocument(frame);
    if (doc && !stillLoading(frame, doc)) addScope(doc);
  };

  /**
   * A root's frames (one native query), its text, then its open shadow roots: the text comes
   * before the element walk for shadow roots, so a big ticket's first match is not kept waiting.
   */
  function* read(root: Node): Generator<TextRun | null, void, void> {
    const container = root.nodeType === 1 || root.nodeType === 9 || root.nodeType === 11;
    if (container) {
      const found: Frame[] = Array.from((root as ParentNode).querySelectorAll<Frame>('iframe, frame'));
      if (root.nodeType === 1 && /^i?frame$/.test((root as Element).localName)) found.push(root as Frame);
      for (const frame of found) {
        if (frames.has(frame)) continue;
        // Every navigation of the frame (and the first load of a srcdoc) fires load.
        const onLoad = (): void => attachFrame(frame);
        frames.set(frame, onLoad);
        frame.addEventListener('load', onLoad);
        attachFrame(frame);
      }
    }
    yield* textRuns(root, skip);
    if (container) {
      for (const shadow of openShadowRoots(root)) {
        if (shadow) addScope(shadow);
        else yield null;
      }
    }
  }

  function onRecords(records: MutationRecord[]): void {
    if (stopped) return;
    const summary = summarize(records, isOwn);
    if (summary.huge) {
      queue.length = 0;
      walk = null;
      for (const scope of scopes) queue.push(scope);
    } else {
      // Added elements are inside these blocks: reading them finds their frames and shadow roots.
      for (const root of summary.rescan) queue.push(root);
    }
    if (queue.length) wake();
  }

  function slice(budgetMs: number): void {
    cancel = null;
    if (stopped) return;
    const deadline = now() + budgetMs;
    while (inFlight < MAX_IN_FLIGHT && now() < deadline) {
      if (!walk) {
        const root = queue.shift();
        if (!root) break;
        if (!root.isConnected && root.nodeType !== 9) continue;
        walk = read(root);
      }
      const step = walk.next();
      if (step.done) walk = null;
      else if (step.value) {
        if (!pending.empty) pending.append('\n');
        pending.append(step.value.text);
        flush(false);
      }
    }
    if (!walk && !queue.length) {
      flush(true);
      // Fresh skip decisions for the next pass: contenteditable may change in between.
      skip = createSkipCheck();
      // Nothing to read at all (an empty page): the tab's summary must still start over.
      if (reset && !inFlight) send('');
    } else if (inFlight < MAX_IN_FLIGHT) {
      wake();
    }
    settle();
  }

  const probe: Probe = {
    idle() {
      if (stopped || !(queue.length || walk || !pending.empty || inFlight || cancel)) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    flushMutations() {
      for (const o of observers) {
        const records = o.takeRecords();
        if (records.length) onRecords(records);
      }
    },
    get stopped() {
      return stopped;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      cancel?.();
      cancel = null;
      for (const o of observers) o.disconnect();
      for (const [frame, onLoad] of frames) frame.removeEventListener('load', onLoad);
      frames.clear();
      queue.length = 0;
      walk = null;
      pending = new WindowCutter();
      settle();
    },
  };

  addScope(win.document);
  return probe;
}
