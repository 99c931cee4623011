import type { Schedule } from './idle';
import { breaksFlow } from './text-runs';

/**
 * Turns the page's DOM mutations into the least work that keeps highlights right: records are
 * queued and handled once per idle slice (a help desk adding 100 comments costs one scan, not 100),
 * only the blocks that changed are scanned again, and past HUGE_MUTATIONS records (a view swap)
 * one full rescan is cheaper than sorting out the records (Dark Reader uses the same threshold).
 */
export const HUGE_MUTATIONS = 1000;

export interface MutationSummary {
  huge: boolean;
  /** Subtrees to scan again: block-level, connected, none inside another. */
  rescan: Node[];
  /** Nodes left the DOM, so some highlights may point at nothing now. */
  removed: boolean;
  /** Added elements, to look in for iframes and shadow roots. */
  addedElements: Element[];
  /** Elements whose contenteditable changed: matches inside may now be in an editor. */
  editToggled: Element[];
}

/** The block a text change belongs to: its runs may have grown, shrunk or joined. */
export function flowRoot(node: Node): Node {
  let n: Node = node.nodeType === 3 ? (node.parentNode ?? node) : node;
  while (n.nodeType === 1 && !breaksFlow(n as Element)) {
    const p = n.parentNode;
    if (!p || p.nodeType !== 1) break;
    n = p;
  }
  return n;
}

export function summarize(
  records: readonly MutationRecord[],
  isOwn: (n: Node) => boolean,
  hugeAt = HUGE_MUTATIONS,
): MutationSummary {
  const relevant = records.filter(
    (r) => !isOwn(r.target) && !(r.type === 'childList' && onlyOwn(r.addedNodes, r.removedNodes, isOwn)),
  );
  if (relevant.length > hugeAt) return { huge: true, rescan: [], removed: true, addedElements: [], editToggled: [] };
  const roots = new Set<Node>();
  const addedElements: Element[] = [];
  const editToggled: Element[] = [];
  let removed = false;
  for (const r of relevant) {
    if (r.type === 'characterData') {
      roots.add(flowRoot(r.target));
    } else if (r.type === 'attributes') {
      editToggled.push(r.target as Element);
      roots.add(flowRoot(r.target));
    } else {
      for (const n of Array.from(r.addedNodes)) {
        if (isOwn(n)) continue;
        if (n.nodeType === 1) {
          addedElements.push(n as Element);
          roots.add(breaksFlow(n as Element) ? n : flowRoot(r.target));
        } else if (n.nodeType === 3) {
          roots.add(flowRoot(r.target));
        }
      }
      for (const n of Array.from(r.removedNodes)) {
        removed = true;
        // Inline content gone can join two runs into one ("Q22<span>x</span>7142").
        if (n.nodeType === 3 || (n.nodeType === 1 && !breaksFlow(n as Element))) roots.add(flowRoot(r.target));
      }
    }
  }
  const rescan: Node[] = [];
  for (const root of roots) {
    if (!root.isConnected) continue;
    let covered = false;
    for (let p = root.parentNode; p; p = p.parentNode) {
      if (roots.has(p)) {
        covered = true;
        break;
      }
    }
    if (!covered) rescan.push(root);
  }
  return { huge: false, rescan, removed, addedElements, editToggled };
}

function onlyOwn(added: NodeList, removed: NodeList, isOwn: (n: Node) => boolean): boolean {
  if (added.length + removed.length === 0) return false;
  for (const n of Array.from(added)) if (!isOwn(n)) return false;
  for (const n of Array.from(removed)) if (!isOwn(n)) return false;
  return true;
}

export interface WatchOptions {
  isOwn(n: Node): boolean;
  schedule: Schedule;
  onBatch(summary: MutationSummary): void;
  /**
   * SPA navigation. The isolated world cannot patch history.pushState and popstate misses
   * pushState, so the URL is compared on every batch instead (an SPA route change always mutates).
   */
  url?: () => string;
  onUrlChange?(): void;
  hugeAt?: number;
}

export interface MutationWatch {
  disconnect(): void;
  /** Handle queued records now (tests, and before a full rescan). */
  flush(): void;
}

export function watchMutations(root: Document | ShadowRoot, opts: WatchOptions): MutationWatch {
  const win = (root.nodeType === 9 ? (root as Document) : root.ownerDocument!).defaultView!;
  let queue: MutationRecord[] = [];
  let cancel: (() => void) | null = null;
  let lastUrl = opts.url?.();

  const process = (): void => {
    cancel = null;
    const records = queue;
    queue = [];
    if (!records.length) return;
    const summary = summarize(records, opts.isOwn, opts.hugeAt);
    // Only our own card changed: nothing for the page to do.
    if (
      summary.huge ||
      summary.removed ||
      summary.rescan.length ||
      summary.addedElements.length ||
      summary.editToggled.length
    )
      opts.onBatch(summary);
  };

  const observer = new win.MutationObserver((records) => {
    if (opts.url) {
      const url = opts.url();
      if (url !== lastUrl) {
        lastUrl = url;
        queue = [];
        cancel?.();
        cancel = null;
        opts.onUrlChange?.();
        return;
      }
    }
    for (const r of records) queue.push(r);
    if (!cancel) cancel = opts.schedule(process);
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    // Only what changes skip decisions: an editor switching on or off.
    attributeFilter: ['contenteditable'],
  });

  return {
    disconnect() {
      observer.disconnect();
      cancel?.();
      cancel = null;
      queue = [];
    },
    flush() {
      for (const r of observer.takeRecords()) queue.push(r);
      cancel?.();
      process();
    },
  };
}
