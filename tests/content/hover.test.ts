// @vitest-environment happy-dom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { createHover } from '../../src/content/hover';
import { MatchStore, type MatchEntry } from '../../src/content/match-store';
import type { CardApi } from '../../src/content/card/types';
import { tick } from './helpers';

function setup(delayMs: number) {
  document.body.innerHTML = '<p id="m">Q227142</p><p id="other">plain</p>';
  const node = document.querySelector('#m')!.firstChild as Text;
  const plain = document.querySelector('#other')!.firstChild as Text;
  const store = new MatchStore();
  const entry = store.add({
    match: { kind: 'q', start: 0, end: 7, text: 'Q227142', value: 'Q227142', articles: ['Q227142'] },
    start: { node, offset: 0, index: 0 },
    end: { node, offset: 7, index: 0 },
    nodes: [node],
  })!;
  const rect = { left: 0, top: 0, width: 60, height: 16, right: 60, bottom: 16, x: 0, y: 0 } as DOMRect;
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(() => [rect] as unknown as DOMRectList);
  let open: MatchEntry | null = null;
  let openedBy: CardApi['openedBy'] = null;
  const card = {
    show: vi.fn((e: MatchEntry, _a: unknown, o: { openedBy: CardApi['openedBy'] }) => {
      open = e;
      openedBy = o.openedBy;
    }),
    hide: vi.fn(() => {
      open = null;
      openedBy = null;
    }),
    get openEntry() {
      return open;
    },
    get openedBy() {
      return openedBy;
    },
    pointerInside: false,
  } as unknown as CardApi & { pointerInside: boolean };
  let caretNode: Text = node;
  const hover = createHover({
    store,
    enabled: () => true,
    shadowRoots: () => [],
    delayMs: () => delayMs,
    card: async () => card,
    loadedCard: () => card,
    win: window,
    caretAt: () => ({ node: caretNode, offset: 2 }),
  });
  const detach = hover.attach(document);
  const move = (x: number, y: number, over: Text): void => {
    caretNode = over;
    document.dispatchEvent(
      new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse' }),
    );
  };
  return { hover, detach, card, move, node, plain, entry };
}

describe('hover', () => {
  afterEach(() => vi.restoreAllMocks());

  it('opens the card after the hover delay, not before', async () => {
    const { card, move, node, detach, entry } = setup(80);
    move(10, 8, node);
    await tick(30);
    expect(card.show).not.toHaveBeenCalled();
    await tick(120);
    expect(card.show).toHaveBeenCalledTimes(1);
    expect(card.openEntry).toBe(entry);
    detach();
  });

  it('does not open when the pointer moves off before the delay ends', async () => {
    const { card, move, node, plain, detach } = setup(80);
    move(10, 8, node);
    await tick(20);
    move(300, 200, plain);
    await tick(150);
    expect(card.show).not.toHaveBeenCalled();
    detach();
  });

  it('closes after a grace period once the pointer leaves, unless it is over the card', async () => {
    const { card, move, node, plain, detach } = setup(0);
    move(10, 8, node);
    await tick(40);
    expect(card.openEntry).not.toBeNull();
    (card as unknown as { pointerInside: boolean }).pointerInside = true;
    move(300, 200, plain);
    await tick(400);
    expect(card.hide).not.toHaveBeenCalled();
    (card as unknown as { pointerInside: boolean }).pointerInside = false;
    move(300, 210, plain);
    await tick(400);
    expect(card.hide).toHaveBeenCalledTimes(1);
    detach();
  });
});
