/**
 * Which highlighted ranges sit near the viewport. Chromium repaints every range of the highlight
 * registry on any change, so on a big ticket (20 MB: ~27,000 ranges) the highlighter paints only
 * the ranges in blocks near the viewport and asks this module which those are; the match store
 * (hover, keyboard, summary) still has them all.
 */
import { breaksFlow } from './text-runs';

/** Tells which elements are near the viewport; IntersectionObserver in a browser, a fake in tests. */
export interface NearWatch {
  observe(el: Element): void;
  unobserve(el: Element): void;
  disconnect(): void;
}
export type NearWatchFactory = (onChange: (changes: { target: Element; near: boolean }[]) => void) => NearWatch | null;

/**
 * Chromium computes a new IntersectionObserver target's first intersection in the next rendering
 * step, ~70 us each: observing 26,000 blocks at once made one 2 s frame. A few hundred per frame
 * keep each frame well under 50 ms.
 */
export const OBSERVE_PER_FRAME = 250;

export function intersectionWatch(win: Window | null): NearWatchFactory {
  return (onChange) => {
    const IO = (win as (Window & { IntersectionObserver?: typeof IntersectionObserver }) | null)?.IntersectionObserver;
    if (typeof IO !== 'function') return null;
    // A screen above and below: a match scrolled to at reading speed is painted before it shows.
    return new IO((entries) => onChange(entries.map((e) => ({ target: e.target, near: e.isIntersecting }))), {
      rootMargin: '100% 0px 100% 0px',
    });
  };
}

/** The block a range's text sits in: far fewer elements to watch than text nodes or inline parents. */
function blockOf(range: AbstractRange): Element | null {
  const n = range.startContainer;
  let el: Element | null = n.nodeType === 1 ? (n as Element) : n.parentElement;
  while (el && !breaksFlow(el) && el.parentElement) el = el.parentElement;
  return el;
}

export interface NearTracker {
  /** Whether ranges are being watched (else every range is painted). */
  readonly active: boolean;
  /**
   * Starts watching the blocks of `ranges`, all taken as near until the watch says otherwise (no
   * flash of unpainted text); false when the browser cannot watch.
   */
  start(ranges: Iterable<AbstractRange>): boolean;
  /** Watches a new range's block; true when it is near now (paint it). */
  track(range: AbstractRange): boolean;
  untrack(range: AbstractRange): void;
  /** Stops watching; the caller paints everything again (or, on dispose, nothing). */
  stop(): void;
}

/** `show(range, near)` is called for each range whose block comes near or goes far. */
export function createNearTracker(
  makeWatch: NearWatchFactory,
  nextFrame: (work: () => void) => void,
  show: (range: AbstractRange, near: boolean) => void,
): NearTracker {
  let watch: NearWatch | null = null;
  const blockOfRange = new Map<AbstractRange, Element>();
  const rangesIn = new Map<Element, Set<AbstractRange>>();
  const near = new Set<Element>();
  // Blocks waiting to be observed, a frame's worth at a time.
  let toObserve: Element[] = [];
  let observing = false;
  const observeSome = (): void => {
    observing = false;
    if (!watch) return;
    const batch = toObserve.splice(0, OBSERVE_PER_FRAME);
    for (const el of batch) if (rangesIn.has(el)) watch.observe(el);
    if (toObserve.length) {
      observing = true;
      nextFrame(observeSome);
    }
  };
  const blockFor = (r: AbstractRange): Element | null => {
    const el = blockOf(r);
    if (!el) return null;
    blockOfRange.set(r, el);
    let set = rangesIn.get(el);
    if (!set) {
      rangesIn.set(el, (set = new Set()));
      toObserve.push(el);
      if (!observing) {
        observing = true;
        nextFrame(observeSome);
      }
    }
    set.add(r);
    return el;
  };
  const onChange = (changes: { target: Element; near: boolean }[]): void => {
    if (!watch) return;
    for (const { target, near: isNear } of changes) {
      const set = rangesIn.get(target);
      if (!set) continue;
      if (isNear) near.add(target);
      else near.delete(target);
      for (const r of set) show(r, isNear);
    }
  };
  return {
    get active() {
      return watch !== null;
    },
    start(ranges) {
      watch = makeWatch(onChange);
      if (!watch) return false;
      for (const r of ranges) {
        const el = blockFor(r);
        if (el) near.add(el);
      }
      return true;
    },
    track(r) {
      const el = blockFor(r);
      return !el || near.has(el);
    },
    untrack(r) {
      const el = blockOfRange.get(r);
      if (!el) return;
      blockOfRange.delete(r);
      const set = rangesIn.get(el);
      if (!set) return;
      set.delete(r);
      if (!set.size) {
        rangesIn.delete(el);
        near.delete(el);
        watch?.unobserve(el);
      }
    },
    stop() {
      watch?.disconnect();
      watch = null;
      toObserve = [];
      blockOfRange.clear();
      rangesIn.clear();
      near.clear();
    },
  };
}
