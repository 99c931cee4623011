/**
 * Idle-time scheduling. Every slice of work KB Lens does in a page runs from here, with a budget,
 * so no task it adds comes near the 50 ms long-task line even on a 20 MB ticket.
 */
export type Schedule = (work: (budgetMs: number) => void) => () => void;

/** Longest slice, whatever the idle deadline offers: leaves room for the slice that overruns. */
export const SLICE_MS = 10;

type IdleWindow = Window & {
  requestIdleCallback?: (
    cb: (d: { timeRemaining(): number; didTimeout: boolean }) => void,
    o?: { timeout: number },
  ) => number;
  cancelIdleCallback?: (id: number) => void;
};

/** requestIdleCallback where there is one (timeout so busy pages still get scanned), else setTimeout. */
export function idleScheduler(win: Window, timeoutMs = 500): Schedule {
  const w = win as IdleWindow;
  return (work) => {
    if (typeof w.requestIdleCallback === 'function') {
      const id = w.requestIdleCallback((d) => work(Math.min(SLICE_MS, Math.max(d.timeRemaining(), 4))), {
        timeout: timeoutMs,
      });
      return () => w.cancelIdleCallback?.(id);
    }
    const id = w.setTimeout(() => work(SLICE_MS), 1);
    return () => w.clearTimeout(id);
  };
}
