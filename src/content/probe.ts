import type { FoundMatch } from '../messaging/protocol';
import { idleScheduler, type Schedule } from './idle';
import { isContextLost, readPage } from './page-reader';

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

export function startProbe(deps: ProbeDeps): Probe {
  const { win } = deps;
  let stopped = false;

  const reader = readPage({
    win,
    send: deps.scan,
    schedule: deps.schedule ?? idleScheduler(win),
    now: deps.now ?? (() => win.performance.now()),
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

  const probe: Probe = {
    restart: () => reader.restart(),
    idle: () => reader.idle(),
    flushMutations: () => reader.flushMutations(),
    get stopped() {
      return stopped;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      reader.dispose();
    },
  };
  return probe;
}
