import type { ArticlesAnswer, ContentRequest, ContentResponse, FoundMatch, MatchKind } from '../messaging/protocol';
import type { Settings } from '../core/settings';
import type { CardApi, CreateCard } from './card/types';
import type { Scope } from './frames-and-shadows';
import { createHighlighter, type Highlighter } from './highlighter';
import { createHover } from './hover';
import type { CaretAt } from './hit-test';
import { idleScheduler, type Schedule } from './idle';
import { createKeyboard } from './keyboard';
import { MatchStore } from './match-store';
import type { MutationSummary } from './mutations';
import { isContextLost, readPage } from './page-reader';

/**
 * Wires the content script's modules together for one page; owns no logic of its own beyond
 * "what happens when". Everything it talks to outside the page comes in through LensDeps, so the
 * whole pipeline runs in a test DOM against a fake background.
 */
export interface LensDeps {
  win: Window;
  settings: Settings;
  scan(text: string, reset: boolean): Promise<FoundMatch[]>;
  /** A card's articles and, with `related`, the first found one's related articles: one request. */
  articles(qs: string[], related: number): Promise<ArticlesAnswer>;
  loadCard(): Promise<CreateCard>;
  /** The top frame owns keyboard stepping (frames it reaches are scopes of its own). */
  isTop: boolean;
  schedule?: Schedule;
  now?(): number;
  caretAt?: CaretAt;
  /** The extension went away (update, reload): stop quietly. */
  onContextLost?(): void;
}

export interface Lens {
  readonly store: MatchStore;
  applySettings(settings: Settings): void;
  /** Answers the background's requests; undefined for requests it does not own. */
  handle(request: ContentRequest): Promise<ContentResponse> | undefined;
  /** Handles queued mutations now, then resolves once discovery and scanning have caught up (tests, e2e hooks). */
  idle(): Promise<void>;
  /** Process queued mutation records now instead of at the next idle slice. */
  flushMutations(): void;
  rescan(): void;
  dispose(): void;
}

export function startLens(deps: LensDeps): Lens {
  const { win } = deps;
  const doc = win.document;
  let settings = deps.settings;
  let disposed = false;
  const enabled = (kind: MatchKind): boolean => settings.kinds[kind].enabled;

  const store = new MatchStore();
  const highlighters = new Map<Document, Highlighter>();
  const hoverDetach = new Map<Document, () => void>();

  const highlighterFor = (d: Document): Highlighter => {
    let hl = highlighters.get(d);
    if (!hl) {
      hl = createHighlighter(d, settings);
      highlighters.set(d, hl);
    }
    return hl;
  };
  store.listen({
    added: (e) => highlighterFor(e.startNode.ownerDocument).add(e.match.kind, e.range),
    removed: (e) => highlighters.get(e.startNode.ownerDocument)?.delete(e.match.kind, e.range),
  });

  let card: CardApi | null = null;
  let cardLoading: Promise<CardApi> | null = null;
  const loadCard = (): Promise<CardApi> => {
    cardLoading ??= deps.loadCard().then((create) => {
      card = create({
        doc,
        fetchArticles: deps.articles,
        onPointerLeave: () => hover.cardLeft(),
        ticketBuilds: () =>
          store
            .ordered()
            .map((e) => e.match)
            .filter((m) => m.kind === 'build'),
      });
      return card;
    });
    return cardLoading;
  };

  const hover = createHover({
    store,
    enabled,
    shadowRoots: () => reader.shadowRoots(),
    delayMs: () => settings.hoverDelayMs,
    card: loadCard,
    loadedCard: () => card,
    win,
    caretAt: deps.caretAt,
  });
  const keyboard = createKeyboard({ store, enabled, card: loadCard, loadedCard: () => card, win });

  const onMutations = (summary: MutationSummary): void => {
    if (summary.removed) {
      store.sweepDisconnected();
      const open = card?.openEntry;
      if (open && !open.startNode.isConnected) card?.hide();
    }
    if (summary.editToggled.length) store.removeWithin(summary.editToggled);
    for (const hl of highlighters.values()) hl.ensureAdopted();
  };

  const onScope = (scope: Scope): void => {
    if (scope.nodeType === 9) {
      const d = scope as Document;
      highlighterFor(d);
      hoverDetach.set(d, hover.attach(d));
    } else {
      highlighterFor((scope as ShadowRoot).ownerDocument).adoptInto(scope as ShadowRoot);
    }
  };

  const onScopeGone = (scope: Scope): void => {
    if (scope.nodeType === 9) {
      const d = scope as Document;
      store.removeWhere((e) => e.startNode.ownerDocument === d);
      hoverDetach.get(d)?.();
      hoverDetach.delete(d);
      highlighters.get(d)?.dispose();
      highlighters.delete(d);
    } else {
      store.removeWhere((e) => e.startNode.getRootNode() === scope);
    }
  };

  /** Start over (a new route, a huge change, or the background asked): the background forgets too. */
  const onRestart = (): void => {
    card?.hide();
    card?.forget();
    store.clear();
  };

  const reader = readPage({
    win,
    send: deps.scan,
    schedule: deps.schedule ?? idleScheduler(win),
    now: deps.now ?? (() => win.performance.now()),
    onRun: (run) => store.removeOnNodes(run.nodes),
    onMatches: (placed) => {
      for (const p of placed) store.add(p);
    },
    onError: (error) => {
      if (isContextLost(error)) lens.dispose();
    },
    onScope,
    onScopeGone,
    onRestart,
    onMutations,
  });
  const rescan = (): void => reader.restart();

  const lens: Lens = {
    store,
    applySettings(next) {
      settings = next;
      for (const hl of highlighters.values()) hl.apply(next);
      const open = card?.openEntry;
      if (open && !enabled(open.match.kind)) card?.hide();
    },
    handle(request) {
      if (disposed) return undefined;
      switch (request.type) {
        case 'ping':
          return Promise.resolve({ ok: true, matches: store.size });
        case 'rescan':
          rescan();
          return Promise.resolve({ ok: true });
        case 'next-match':
          if (!deps.isTop) return undefined;
          return keyboard.step(request.direction).then((e) => ({ ok: e !== null }));
        default:
          return undefined;
      }
    },
    async idle() {
      await reader.idle();
      for (const hl of highlighters.values()) hl.flush();
    },
    flushMutations: () => reader.flushMutations(),
    rescan,
    dispose() {
      if (disposed) return;
      disposed = true;
      reader.dispose();
      hover.dispose();
      card?.dispose();
      store.clear();
      for (const hl of highlighters.values()) hl.dispose();
      highlighters.clear();
      deps.onContextLost?.();
    },
  };
  return lens;
}
