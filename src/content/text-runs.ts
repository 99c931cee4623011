import type { SkipCheck } from './skip-rules';

/**
 * Text as a reader sees it: consecutive text nodes joined into runs that inline markup does not
 * break ("Q22<b>71</b>42" is one run "Q227142"), while block elements and <br> do. Offsets into a
 * run map back to (text node, offset), so matches found in the joined text become DOM ranges
 * without touching the page.
 */
export interface TextRun {
  nodes: Text[];
  /** starts[i] = offset of nodes[i] in text. */
  starts: number[];
  text: string;
}

/** Elements that do not break a line of text. Custom elements (name with "-") count as inline too. */
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

export function breaksFlow(el: Element): boolean {
  const name = el.localName;
  return !INLINE_TAGS.has(name) && !name.includes('-');
}

const SHOW_TEXT = 4;

/**
 * Walks `root` and yields its runs in document order. Every `tickEvery` text nodes it yields null
 * instead, so a caller can check its time budget mid-walk (a run may span thousands of nodes).
 *
 * The walker has no filter callback: a JS NodeFilter costs ~1 us per node, ten times the walk
 * (measured in Chromium before the first release). Skipping is a memoised parent check inside the loop instead.
 */
export function* textRuns(root: Node, skip: SkipCheck, tickEvery = 512): Generator<TextRun | null, void, void> {
  if (root.nodeType === 3) {
    const t = root as Text;
    if (t.data.length && !skip.text(t) && /\S/.test(t.data)) yield { nodes: [t], starts: [0], text: t.data };
    return;
  }
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  let nodes: Text[] = [];
  let starts: number[] = [];
  let parts: string[] = [];
  let length = 0;
  let prev: Text | null = null;
  let seen = 0;
  const flush = (): TextRun | null => {
    const text = parts.join('');
    const run = /\S/.test(text) ? { nodes, starts, text } : null;
    nodes = [];
    starts = [];
    parts = [];
    length = 0;
    return run;
  };
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (++seen % tickEvery === 0) yield null;
    const data = node.data;
    if (data.length === 0 || skip.text(node)) continue;
    if (prev && hasBreakBetween(prev, node, skip)) {
      const run = flush();
      if (run) yield run;
    }
    nodes.push(node);
    starts.push(length);
    parts.push(data);
    length += data.length;
    prev = node;
  }
  if (nodes.length) {
    const run = flush();
    if (run) yield run;
  }
}

/**
 * Whether a line break separates two text nodes (b after a in document order): any element entered
 * or left on the way from a to b that is a block, a <br>, or a skipped region. The walk only visits
 * the nodes between two consecutive text nodes, so a whole pass stays linear.
 */
export function hasBreakBetween(a: Node, b: Node, skip: SkipCheck): boolean {
  let n: Node = a;
  let descend = false;
  for (;;) {
    let next: Node | null = descend ? n.firstChild : null;
    if (!next) {
      let cur: Node = n;
      while (!cur.nextSibling) {
        const up = cur.parentNode;
        if (!up || up.nodeType !== 1) return true;
        if (breaksFlow(up as Element)) return true;
        cur = up;
      }
      next = cur.nextSibling;
    }
    if (next === b) return false;
    if (next.nodeType === 1) {
      const el = next as Element;
      if (breaksFlow(el) || skip.element(el)) return true;
      descend = true;
    } else {
      descend = false;
    }
    n = next;
  }
}

export interface TextPoint {
  node: Text;
  offset: number;
  /** Index of node in its run. */
  index: number;
}

/**
 * The DOM point for an offset into a run. At a boundary between two nodes a start belongs to the
 * later node and an end to the earlier one, so a range never starts or ends on an empty edge.
 */
export function pointInRun(run: TextRun, offset: number, edge: 'start' | 'end'): TextPoint {
  const { starts, nodes } = run;
  let lo = 0;
  let hi = starts.length - 1;
  // Largest i with starts[i] <= offset (start) or starts[i] < offset (end).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (edge === 'start' ? s <= offset : s < offset) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo]!;
  return { node, offset: Math.min(Math.max(offset - starts[lo]!, 0), node.data.length), index: lo };
}
