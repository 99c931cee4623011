// @vitest-environment happy-dom
import { describe, it, expect, beforeEach } from 'vitest';
import { summarize, watchMutations, flowRoot, type MutationSummary } from '../../src/content/mutations';
import { testSchedule, tick } from './helpers';

const isOwn = (n: Node): boolean => n.nodeType === 1 && (n as Element).localName === 'kblens-card-host';

function watch(url?: () => string) {
  const batches: MutationSummary[] = [];
  let urlChanges = 0;
  const w = watchMutations(document, {
    isOwn,
    schedule: testSchedule,
    onBatch: (s) => batches.push(s),
    url,
    onUrlChange: () => urlChanges++,
  });
  return { w, batches, urlChanges: () => urlChanges };
}

describe('mutation batching', () => {
  beforeEach(() => {
    document.body.innerHTML = '<div id="thread"><article><p>first Q227142</p></article></div>';
  });

  it('turns many records from one burst into one batch with one root per new comment', async () => {
    const { w, batches } = watch();
    const thread = document.getElementById('thread')!;
    for (let i = 0; i < 100; i++) {
      const a = document.createElement('article');
      a.innerHTML = `<p>comment ${i} cites <b>Q${191000 + i}</b></p>`;
      thread.appendChild(a);
    }
    await tick(20);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.huge).toBe(false);
    expect(batches[0]!.rescan).toHaveLength(100);
    expect(batches[0]!.rescan.every((n) => (n as Element).localName === 'article')).toBe(true);
    w.disconnect();
  });

  it('rescans the block around a text change, not the text node alone', async () => {
    const { w, batches } = watch();
    const b = document.createElement('b');
    b.textContent = 'KB 191014';
    document.querySelector('p')!.appendChild(b);
    (document.querySelector('p')!.firstChild as Text).data = 'first Q227143';
    await tick(20);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.rescan).toEqual([document.querySelector('p')]);
    w.disconnect();
  });

  it('ignores the card host being added and anything happening to it', async () => {
    const { w, batches } = watch();
    const host = document.createElement('kblens-card-host');
    document.documentElement.appendChild(host);
    host.setAttribute('contenteditable', 'false');
    host.remove();
    await tick(20);
    expect(batches).toHaveLength(0);
    w.disconnect();
  });

  it('reports a huge burst as one full rescan instead of a thousand roots', async () => {
    const { w, batches } = watch();
    const thread = document.getElementById('thread')!;
    for (let i = 0; i < 1200; i++) thread.appendChild(document.createElement('p')).textContent = `row ${i}`;
    await tick(30);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.huge).toBe(true);
    w.disconnect();
  });

  it('treats a URL change seen in a batch as navigation and drops the queued records', async () => {
    let url = 'https://desk.example/tickets/1';
    const { w, batches, urlChanges } = watch(() => url);
    url = 'https://desk.example/tickets/2';
    document.getElementById('thread')!.innerHTML = '<p>new ticket</p>';
    await tick(20);
    expect(urlChanges()).toBe(1);
    expect(batches).toHaveLength(0);
    w.disconnect();
  });

  it('reports removals so stale highlights can be swept', () => {
    const a = document.querySelector('article')!;
    const s = summarize(
      [
        {
          type: 'childList',
          target: a.parentNode!,
          addedNodes: [] as unknown as NodeList,
          removedNodes: [a] as unknown as NodeList,
        } as unknown as MutationRecord,
      ],
      isOwn,
    );
    expect(s.removed).toBe(true);
    expect(s.rescan).toEqual([]);
  });

  it('rescans the block when inline content is removed (runs may join)', () => {
    document.body.innerHTML = '<p id="p">Q22<span>x</span>7142</p>';
    const p = document.getElementById('p')!;
    const span = p.querySelector('span')!;
    span.remove();
    const s = summarize(
      [
        {
          type: 'childList',
          target: p,
          addedNodes: [] as unknown as NodeList,
          removedNodes: [span] as unknown as NodeList,
        } as unknown as MutationRecord,
      ],
      isOwn,
    );
    expect(s.rescan).toEqual([p]);
  });

  it('finds the enclosing block of inline content', () => {
    document.body.innerHTML = '<div id="d"><span><b id="b">x</b></span></div>';
    expect(flowRoot(document.getElementById('b')!.firstChild!)).toBe(document.getElementById('d'));
  });
});
