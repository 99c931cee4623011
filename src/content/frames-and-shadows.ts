import type { Schedule } from './idle';

/**
 * Finds the other places ticket text lives: same-origin iframes (help desks often render the email
 * body in one, frequently srcdoc or about:blank) and open shadow roots (ServiceNow's Next
 * Experience). Each becomes a scope that is scanned and watched like the main document.
 * Cross-origin frames are out of reach from here; the content script runs in them on its own.
 */
export type Scope = Document | ShadowRoot;

type FrameElement = HTMLIFrameElement | HTMLFrameElement;

export function sameOriginDocument(frame: FrameElement): Document | null {
  try {
    const doc = frame.contentDocument;
    // Reading a property proves the origin check passed (some engines hand out a shell first).
    return doc && doc.documentElement !== undefined ? doc : null;
  } catch {
    return null;
  }
}

/** A frame still showing its initial about:blank while its real document (src, srcdoc) loads. */
export function stillLoading(frame: FrameElement, doc: Document): boolean {
  if (doc.readyState !== 'complete') return true;
  const pending = frame.hasAttribute('srcdoc') || (frame.getAttribute('src') ?? 'about:blank') !== 'about:blank';
  return pending && doc.URL === 'about:blank' && !doc.body?.firstChild;
}

/** Open shadow roots under `root`, in document order; null now and then so the caller can yield. */
export function* openShadowRoots(root: Node, tickEvery = 1024): Generator<ShadowRoot | null, void, void> {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return;
  if (root.nodeType === 1 && (root as Element).shadowRoot) yield (root as Element).shadowRoot!;
  const walker = doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */);
  let n = 0;
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (++n % tickEvery === 0) yield null;
    const sr = el.shadowRoot;
    if (sr) yield sr;
  }
}

export interface ScopeTrackerOptions {
  /** A new document or shadow root to scan and watch. */
  onScope(scope: Scope): void;
  onScopeGone(scope: Scope): void;
  schedule: Schedule;
  now(): number;
}

export interface ScopeTracker {
  /** Start tracking a scope (the top document) and look inside it. */
  attach(scope: Scope): void;
  /** Look under these nodes (a scope, or added elements) for frames and shadow roots. */
  discover(roots: Iterable<Node>): void;
  /** Forget scopes whose frame or host left the page. */
  sweep(): void;
  scopes(): Scope[];
  shadowRoots(): ShadowRoot[];
  /** Resolves when discovery queued so far is done. */
  idle(): Promise<void>;
  dispose(): void;
}

export function createScopeTracker(opts: ScopeTrackerOptions): ScopeTracker {
  const scopes = new Set<Scope>();
  const frames = new Map<FrameElement, { doc: Document | null; onLoad: () => void }>();
  const queue: Node[] = [];
  let walk: Generator<ShadowRoot | null, void, void> | null = null;
  let cancel: (() => void) | null = null;
  let waiters: Array<() => void> = [];

  const settle = (): void => {
    if (walk || queue.length) return;
    const w = waiters;
    waiters = [];
    for (const r of w) r();
  };

  const addScope = (scope: Scope): void => {
    if (scopes.has(scope)) return;
    scopes.add(scope);
    opts.onScope(scope);
    queue.push(scope);
    wake();
  };

  const dropScope = (scope: Scope): void => {
    if (!scopes.delete(scope)) return;
    opts.onScopeGone(scope);
  };

  const attachFrame = (frame: FrameElement): void => {
    const entry = frames.get(frame);
    if (!entry) return;
    const doc = sameOriginDocument(frame);
    if (doc === entry.doc) return;
    if (entry.doc) dropScope(entry.doc);
    entry.doc = null;
    if (!doc || stillLoading(frame, doc)) return;
    entry.doc = doc;
    addScope(doc);
  };

  const trackFrame = (frame: FrameElement): void => {
    if (frames.has(frame)) return;
    const onLoad = (): void => attachFrame(frame);
    frames.set(frame, { doc: null, onLoad });
    // Every navigation of the frame (and the first load of a srcdoc) fires load.
    frame.addEventListener('load', onLoad);
    attachFrame(frame);
  };

  function slice(budgetMs: number): void {
    cancel = null;
    const deadline = opts.now() + budgetMs;
    while (opts.now() < deadline) {
      if (!walk) {
        const root = queue.shift();
        if (!root) break;
        if (!root.isConnected && root.nodeType !== 9) continue;
        const container = root as ParentNode;
        if (root.nodeType === 1 && /^i?frame$/.test((root as Element).localName)) trackFrame(root as FrameElement);
        if (typeof container.querySelectorAll === 'function') {
          for (const f of Array.from(container.querySelectorAll<FrameElement>('iframe, frame'))) trackFrame(f);
        }
        walk = openShadowRoots(root);
      }
      const step = walk.next();
      if (step.done) walk = null;
      else if (step.value) addScope(step.value);
    }
    if (walk || queue.length) wake();
    settle();
  }

  function wake(): void {
    if (!cancel) cancel = opts.schedule(slice);
  }

  return {
    attach: addScope,
    discover(roots) {
      for (const r of roots) queue.push(r);
      wake();
    },
    sweep() {
      for (const [frame, entry] of frames) {
        if (!frame.isConnected) {
          frame.removeEventListener('load', entry.onLoad);
          frames.delete(frame);
          if (entry.doc) dropScope(entry.doc);
        } else if (entry.doc && sameOriginDocument(frame) !== entry.doc) {
          attachFrame(frame);
        }
      }
      for (const s of [...scopes]) {
        if (s.nodeType === 11 && !(s as ShadowRoot).host.isConnected) dropScope(s);
      }
    },
    scopes: () => [...scopes],
    shadowRoots: () => [...scopes].filter((s): s is ShadowRoot => s.nodeType === 11),
    idle() {
      if (!walk && !queue.length) return Promise.resolve();
      return new Promise((r) => waiters.push(r));
    },
    dispose() {
      cancel?.();
      cancel = null;
      for (const [frame, entry] of frames) frame.removeEventListener('load', entry.onLoad);
      frames.clear();
      scopes.clear();
      queue.length = 0;
      walk = null;
      settle();
    },
  };
}
