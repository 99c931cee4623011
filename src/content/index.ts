import browser from 'webextension-polyfill';
import type { ContentRequest } from '../messaging/protocol';
import { ask } from '../messaging/send';
import { startLens } from './lens';
import { loadSettings, watchSettings } from './settings-live';

/**
 * Entry point: decides whether to run in this frame and connects the lens to the extension.
 * Kept tiny on purpose: it runs on every ticket page. No index, no tables here; the card's code
 * is a separate chunk imported on the first hover.
 */
type Marked = Window & { __kblensStarted?: boolean };

/** A same-origin frame is scanned by the instance in its parent (frames-and-shadows.ts). */
function parentHandlesThisFrame(): boolean {
  try {
    return window !== window.top && window.frameElement !== null;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const settings = await loadSettings();
  const lens = startLens({
    win: window,
    settings,
    isTop: window === window.top,
    scan: (text, reset) => ask({ type: 'scan', text, reset }).then((r) => r?.matches ?? []),
    articles: (qs) => ask({ type: 'articles', qs }).then((r) => r?.articles ?? []),
    loadCard: () => import('./card/controller').then((m) => m.createCard),
    onContextLost: () => {
      stopSettings();
      browser.runtime.onMessage.removeListener(onMessage);
    },
  });
  const stopSettings = watchSettings((s) => lens.applySettings(s));
  const onMessage = (message: unknown): Promise<unknown> | undefined => lens.handle(message as ContentRequest);
  browser.runtime.onMessage.addListener(onMessage);
}

const w = window as Marked;
// Injected twice (a registered script plus a one-off "scan this tab"): the first instance wins.
if (!w.__kblensStarted && !parentHandlesThisFrame()) {
  w.__kblensStarted = true;
  void main().catch(() => undefined);
}
