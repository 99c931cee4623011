import { createScopeTracker, type Scope } from './frames-and-shadows';
import { watchMutations, type MutationSummary, type MutationWatch } from './mutations';
import { createScanner, type ScannerOptions } from './scanner';
import { CARD_HOST_TAG } from './skip-rules';

/**
 * Reads a page's text in idle time and has it scanned: the top document, the same-origin frames
 * and open shadow roots inside it, and whatever mutations bring later, keeping every scope it has
 * read so the lens can place, paint and sweep matches. The probe (probe.ts) reads the same text
 * with the same primitives but keeps none of this: it only needs a yes or no.
 */
export interface PageReaderOptions extends Pick<
  ScannerOptions,
  'send' | 'onMatches' | 'onRun' | 'onError' | 'schedule' | 'now'
> {
  win: Window;
  /** A document or shadow root came in: set it up before its text is read. */
  onScope?(scope: Scope): void;
  onScopeGone?(scope: Scope): void;
  /** Everything is about to be read again (a new route, a huge change). */
  onRestart?(): void;
  /** A batch of mutations, before the reader rescans what it touched. */
  onMutations?(summary: MutationSummary): void;
}

export interface PageReader {
  restart(): void;
  /** Resolves once discovery and scanning have caught up with the page (tests, e2e hooks). */
  idle(): Promise<void>;
  /** Process queued mutation records now instead of at the next idle slice. */
  flushMutations(): void;
  shadowRoots(): ShadowRoot[];
  dispose(): void;
}

/** The card's host is the one element KB Lens adds: its mutations are not the page's. */
const isOwn = (n: Node): boolean => n.nodeType === 1 && (n as Element).localName === CARD_HOST_TAG;

/** The extension was reloaded or updated under this page: its messages can no longer be answered. */
export function isContextLost(error: unknown): boolean {
  return /context invalidated|receiving end does not exist/i.test(
    String((error as Error | undefined)?.message ?? error),
  );
}

export function readPage(opts: PageReaderOptions): PageReader {
  const { win } = opts;
  const doc = win.document;
  const watches = new Map<Scope, MutationWatch>();
  let disposed = false;

  const scanner = createScanner(opts);

  const onBatch = (summary: MutationSummary): void => {
    if (summary.huge) return reader.restart();
    opts.onMutations?.(summary);
    if (summary.removed) tracker.sweep();
    for (const root of summary.rescan) scanner.enqueue(root);
    if (summary.addedElements.length) tracker.discover(summary.addedElements);
  };

  const tracker = createScopeTracker({
    schedule: opts.schedule,
    now: opts.now,
    onScope(scope) {
      opts.onScope?.(scope);
      const top = scope === doc;
      watches.set(
        scope,
        watchMutations(scope, {
          isOwn,
          schedule: opts.schedule,
          onBatch,
          url: top ? () => win.location.href : undefined,
          onUrlChange: top ? () => reader.restart() : undefined,
        }),
      );
      scanner.enqueue(scope);
    },
    onScopeGone(scope) {
      watches.get(scope)?.disconnect();
      watches.delete(scope);
      opts.onScopeGone?.(scope);
    },
  });

  const flushMutations = (): void => {
    for (const w of watches.values()) w.flush();
  };

  const reader: PageReader = {
    restart() {
      if (disposed) return;
      opts.onRestart?.();
      scanner.restart();
      tracker.sweep();
      for (const scope of tracker.scopes()) scanner.enqueue(scope);
    },
    async idle() {
      // Discovery feeds the scanner and scanning can reveal nothing new to discover, so a few
      // rounds settle every chain (frame -> shadow root -> text).
      for (let i = 0; i < 4 && !disposed; i++) {
        flushMutations();
        await tracker.idle();
        await scanner.idle();
      }
    },
    flushMutations,
    shadowRoots: () => tracker.shadowRoots(),
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const w of watches.values()) w.disconnect();
      watches.clear();
      scanner.dispose();
      tracker.dispose();
    },
  };

  scanner.restart(); // the first message of a page load resets the tab's summary
  tracker.attach(doc);
  return reader;
}
