import type { MatchKind } from '../messaging/protocol';
import type { CardApi } from './card/types';
import { toTopViewport, type Box } from './geometry';
import { matchAnchor, matchRects } from './hit-test';
import type { MatchEntry, MatchStore } from './match-store';
import { insideModal, topModal } from './modal';

/**
 * The "next match" browser command (the background relays it as {type:'next-match'}): step through
 * the matches in reading order, bring one into view and open its card with focus inside. No page
 * key bindings: the help desk owns the keyboard, the browser command is the agent's own choice.
 */
export interface KeyboardOptions {
  store: MatchStore;
  enabled(kind: MatchKind): boolean;
  card(): Promise<CardApi>;
  loadedCard(): CardApi | null;
  /** The top window: its viewport decides what is "on screen". */
  win: Window;
}

function topBox(entry: MatchEntry): Box | null {
  const r = matchAnchor(matchRects(entry));
  return r ? toTopViewport(r, entry.startNode.ownerDocument) : null;
}

/**
 * The entry to go to. From the current one, the next or previous (wrapping). With none current,
 * the first match on or below the top of the viewport (or, going back, the last one above its
 * bottom), so the first press lands where the agent is reading.
 */
export function pickNext(
  list: readonly MatchEntry[],
  current: MatchEntry | null,
  direction: 1 | -1,
  box: (e: MatchEntry) => Box | null,
  viewportHeight: number,
): MatchEntry | null {
  const n = list.length;
  if (!n) return null;
  const i = current ? list.indexOf(current) : -1;
  if (i >= 0) return list[(i + direction + n) % n]!;
  if (direction === 1) {
    for (const e of list) {
      const b = box(e);
      if (b && b.top + b.height >= 0) return e;
    }
    return list[0]!;
  }
  for (let k = n - 1; k >= 0; k--) {
    const b = box(list[k]!);
    if (b && b.top <= viewportHeight) return list[k]!;
  }
  return list[n - 1]!;
}

export interface Keyboard {
  step(direction: 1 | -1): Promise<MatchEntry | null>;
}

export function createKeyboard(opts: KeyboardOptions): Keyboard {
  let last: MatchEntry | null = null;
  return {
    async step(direction) {
      // Behind a page modal, matches are inert and under its backdrop: step only inside it.
      const modal = topModal(opts.win.document);
      const list = opts.store
        .ordered()
        .filter((e) => opts.enabled(e.match.kind) && (!modal || insideModal(e.startNode, modal)));
      const open = opts.loadedCard()?.openEntry ?? null;
      const current = open ?? (last && list.includes(last) ? last : null);
      // Matches in collapsed quotes (display:none) have no boxes: step over them.
      let next: MatchEntry | null = null;
      let box: Box | null = null;
      let from = current;
      for (let tries = 0; tries < list.length; tries++) {
        const candidate = pickNext(list, from, direction, topBox, opts.win.innerHeight);
        if (!candidate) return null;
        box = topBox(candidate);
        if (box) {
          next = candidate;
          break;
        }
        from = candidate;
      }
      if (!next) return null;
      last = next;
      if (!box || box.top < 0 || box.top + box.height > opts.win.innerHeight) {
        // Scrolling never touches the selection or the caret; focus moves to the card below.
        next.startNode.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
        box = topBox(next);
      }
      const card = await opts.card();
      card.show(next, box ?? { left: 8, top: 8, width: 0, height: 0 }, { focus: true, openedBy: 'keyboard' });
      return next;
    },
  };
}
