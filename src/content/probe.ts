import type { FoundMatch } from '../messaging/protocol';
import { createScopeTracker, type Scope } from './frames-and-shadows';
import { idleScheduler, type Schedule } from './idle';
import { watchMutations, type MutationSummary, type MutationWatch } from './mutations';
import { createScanner } from './scanner';
import { CARD_HOST_TAG } from './skip-rules';

/**
 * The part of KB Lens that runs on every page of a site that is on: it reads the page's text in
 * idle time exactly as the lens does (same runs, frames, shadow roots, same mutation handling) and
 * asks the background to scan it, but keeps nothing. Most pages have no match, and there this is
 * all KB Lens ever costs: no store, no highlighter, no stylesheet, no hover or keyboard listeners,
 * no card code to parse. The first placed match hands over to the full lens (a second file the
 * background injects into this frame), which starts over and keeps everything.
 */
export interface ProbeDeps {
  win: Window;
  scan(text: string, reset: boolean): Promise<FoundMatch[]>;
  /** A match was found: the probe has stopped; load the lens. Called at most once. */
  onFound(): void;
  /** The extension went away (update, reload): the probe has stopped. */
  onContextLost?(): void;
  schedule?: Schedule;
  now?(): number;
}

export interface Probe {
  /** Start over: a new route, or the background asked. */
  restart(): void;
  /** Resolves once everything queued so far has been scanned (tests). */
  idle(): Promise<void>;
  /** Handle queued mutation records now (tests). */
  flushMutations(): void;
  readonly stopped: boolean;
  stop(): void;
}

const isOwn = (n: Node): boolean => n.nodeType === 1 && (n as Element).localName === CARD_HOST_TAG;

function isContextLost(error: unknown): boolean {
  return /context invalidated|receiving end does not exist/i.test(String((error as Error | undefined)?.message ?? error));
}

export function startProbe(deps: ProbeDeps): Probe {
  const { win } = deps;
  const doc = win.document;
  const schedule = deps.schedule ?? idleScheduler(win);
  const now = deps.now ?? (() => win.performance.now());
  const watches = new Map<Scope, MutationWatch>();
  let stopped = false;

  const scanner = createScanner({
    send: deps.scan,
    schedule,
    now,
    onMatches: () => {
      if (stopped) return;
      probe.stop();
      deps.onFound();
    },
    onError: (error) => {
      if (!isContextLost(error) || stopped) return;
      probe.stop();
      deps.onContextLost?.();
    },
  });

  const onBatch = (summary: MutationSummary): void => {
    if (summary.huge) return restart();
    if (summary.removed) tracker.sweep();
    for (const root of summary.rescan) scanner.enqueue(root);
    if (summary.addedElements.length) tracker.discover(summary.addedElements);
  };

  const tracker = createScopeTracker({
    schedule,
    now,
    onScope(scope) {
      const top = scope === doc;
      watches.set(
        scope,
        watchMutations(scope, {
          isOwn,
          schedule,
          onBatch,
          url: top ? () => win.location.href : undefined,
          onUrlChange: top ? restart : undefined,
        }),
      );
      scanner.enqueue(scope);
    },
    onScopeGone(scope) {
      watches.get(scope)?.disconnect();
      watches.delete(scope);
    },
  });

  function restart(): void {
    if (stopped) return;
    scanner.restart();
    tracker.sweep();
    for (const scope of tracker.scopes()) scanner.enqueue(scope);
  }

  // The first message of a page load resets the tab's summary, as the lens's does.
  scanner.restart();
  tracker.attach(doc);

  const probe: Probe = {
    restart,
    async idle() {
      for (let i = 0; i < 4 && !stopped; i++) {
        for (const w of watches.values()) w.flush();
        await tracker.idle();
        await scanner.idle();
      }
    },
    flushMutations() {
      for (const w of watches.values()) w.flush();
    },
    get stopped() {
      return stopped;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      for (const w of watches.values()) w.disconnect();
      watches.clear();
      scanner.dispose();
      tracker.dispose();
    },
  };
  return probe;
}
