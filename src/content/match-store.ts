import type { FoundMatch } from '../messaging/protocol';
import type { PlacedMatch } from './scanner';

/**
 * Every match currently in the page, wherever it lives (top document, same-origin frames, open
 * shadow roots). The highlighter mirrors it; hit testing and keyboard stepping read it.
 */
export interface MatchEntry {
  readonly id: number;
  readonly match: FoundMatch;
  readonly startNode: Text;
  readonly startOffset: number;
  readonly endNode: Text;
  readonly endOffset: number;
  readonly nodes: readonly Text[];
  /** Static: no cost on each page mutation, unlike a live Range (stale ones are swept instead). */
  readonly range: AbstractRange;
}

export interface StoreListener {
  added(entry: MatchEntry): void;
  removed(entry: MatchEntry): void;
}

export class MatchStore {
  private readonly entries = new Set<MatchEntry>();
  private readonly byNode = new Map<Text, MatchEntry[]>();
  private readonly listeners = new Set<StoreListener>();
  private sorted: MatchEntry[] | null = null;
  private nextId = 1;

  get size(): number {
    return this.entries.size;
  }

  listen(l: StoreListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Adds a placed match; a duplicate of one already stored (same span, same kind) is ignored. */
  add(p: PlacedMatch): MatchEntry | null {
    const existing = this.byNode.get(p.start.node);
    if (
      existing?.some(
        (e) =>
          e.startNode === p.start.node &&
          e.startOffset === p.start.offset &&
          e.endNode === p.end.node &&
          e.endOffset === p.end.offset &&
          e.match.kind === p.match.kind,
      )
    ) {
      return null;
    }
    const entry: MatchEntry = {
      id: this.nextId++,
      match: p.match,
      startNode: p.start.node,
      startOffset: p.start.offset,
      endNode: p.end.node,
      endOffset: p.end.offset,
      nodes: p.nodes,
      range: makeStaticRange(p.start.node, p.start.offset, p.end.node, p.end.offset),
    };
    this.entries.add(entry);
    for (const n of entry.nodes) {
      const list = this.byNode.get(n);
      if (list) list.push(entry);
      else this.byNode.set(n, [entry]);
    }
    this.sorted = null;
    for (const l of this.listeners) l.added(entry);
    return entry;
  }

  remove(entry: MatchEntry): void {
    if (!this.entries.delete(entry)) return;
    for (const n of entry.nodes) {
      const list = this.byNode.get(n);
      if (!list) continue;
      const i = list.indexOf(entry);
      if (i >= 0) list.splice(i, 1);
      if (!list.length) this.byNode.delete(n);
    }
    this.sorted = null;
    for (const l of this.listeners) l.removed(entry);
  }

  removeWhere(pred: (e: MatchEntry) => boolean): number {
    let n = 0;
    for (const e of [...this.entries]) {
      if (pred(e)) {
        this.remove(e);
        n++;
      }
    }
    return n;
  }

  /** Drops matches touching any of these text nodes (they are about to be scanned again). O(nodes). */
  removeOnNodes(nodes: readonly Text[]): number {
    if (!this.byNode.size) return 0;
    let n = 0;
    for (const node of nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      for (const e of [...list]) {
        this.remove(e);
        n++;
      }
    }
    return n;
  }

  /** Drops matches that start inside any of these roots. O(matches x depth): for rare cases only. */
  removeWithin(roots: Iterable<Node>): number {
    const set = new Set(roots);
    if (!set.size || !this.entries.size) return 0;
    return this.removeWhere((e) => {
      for (let n: Node | null = e.startNode; n; n = n.parentNode) if (set.has(n)) return true;
      return false;
    });
  }

  /** Drops matches whose text left the DOM (a comment deleted, a route swapped the view). */
  sweepDisconnected(): number {
    return this.removeWhere((e) => e.nodes.some((n) => !n.isConnected));
  }

  clear(): void {
    for (const e of [...this.entries]) this.remove(e);
  }

  /** Matches covering this text position (end inclusive: a caret after the last letter still counts). */
  at(node: Text, offset: number): MatchEntry[] {
    const list = this.byNode.get(node);
    if (!list) return [];
    return list.filter(
      (e) => (e.startNode !== node || offset >= e.startOffset) && (e.endNode !== node || offset <= e.endOffset),
    );
  }

  all(): MatchEntry[] {
    return [...this.entries];
  }

  /** In reading order, across frames and shadow roots. */
  ordered(): MatchEntry[] {
    if (!this.sorted)
      this.sorted = [...this.entries].sort(
        (a, b) => compareInPage(a.startNode, b.startNode) || a.startOffset - b.startOffset,
      );
    return this.sorted;
  }
}

/** A StaticRange where the browser has one (every target does); a Range otherwise (test DOMs). */
export function makeStaticRange(sc: Text, so: number, ec: Text, eo: number): AbstractRange {
  const win = sc.ownerDocument.defaultView as (Window & { StaticRange?: typeof StaticRange }) | null;
  const Ctor = win?.StaticRange ?? (globalThis as { StaticRange?: typeof StaticRange }).StaticRange;
  if (Ctor) return new Ctor({ startContainer: sc, startOffset: so, endContainer: ec, endOffset: eo });
  const r = sc.ownerDocument.createRange();
  r.setStart(sc, so);
  r.setEnd(ec, eo);
  return r;
}

/** The chain from the top document down to a node: frame elements and shadow hosts stand in for their contents. */
function anchorChain(node: Node): Node[] {
  const chain: Node[] = [node];
  let cur: Node = node;
  for (;;) {
    const root = cur.getRootNode();
    const host = (root as Partial<ShadowRoot>).host;
    const frame = root.nodeType === 9 ? ((root as Document).defaultView?.frameElement ?? null) : null;
    const up = host ?? frame;
    if (!up) break;
    chain.unshift(up);
    cur = up;
  }
  return chain;
}

export function compareInPage(a: Node, b: Node): number {
  if (a === b) return 0;
  const ca = anchorChain(a);
  const cb = anchorChain(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    if (x === y) continue;
    const pos = x.compareDocumentPosition(y);
    if (pos & 4 /* FOLLOWING */) return -1;
    if (pos & 2 /* PRECEDING */) return 1;
    return 0;
  }
  return ca.length - cb.length;
}
