import type { ArticlesAnswer, FoundMatch } from '../../messaging/protocol';
import type { MatchEntry } from '../match-store';
import type { Box } from '../geometry';

/**
 * The card as the always-loaded modules see it. Only types cross this line, so the card's code is
 * a separate chunk loaded on the first hover, not on every ticket page.
 */
export interface CardApi {
  /** Opens (or moves) the card for a match; `anchor` is in top-viewport coordinates. */
  show(entry: MatchEntry, anchor: Box, opts: { focus: boolean; openedBy: 'hover' | 'keyboard' | 'focus' }): void;
  hide(opts?: { restoreFocus?: boolean }): void;
  readonly openEntry: MatchEntry | null;
  readonly openedBy: 'hover' | 'keyboard' | 'focus' | null;
  readonly pointerInside: boolean;
  /** Forget cached article answers (verdicts depend on the page's text, which was rescanned). */
  forget(): void;
  dispose(): void;
}

export interface CardDeps {
  /** The top document: the card's host goes on its root element. */
  doc: Document;
  /** One request per card: the match's articles and the first found one's related articles (at most `related`). */
  fetchArticles(qs: string[], related: number): Promise<ArticlesAnswer>;
  /** The page's build matches, for "Versions in this ticket". */
  ticketBuilds?(): FoundMatch[];
  /** The pointer left the card: the hover logic decides whether to close it. */
  onPointerLeave(): void;
  /** The card closed (Escape, close button, focus left). */
  onClosed?(): void;
  /** Closed in pages (page scripts cannot reach in); tests open it to look inside. */
  shadowMode?: ShadowRootMode;
}

export type CreateCard = (deps: CardDeps) => CardApi;
