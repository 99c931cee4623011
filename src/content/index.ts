import browser from 'webextension-polyfill';
import type { ContentRequest } from '../messaging/protocol';
import { ask } from '../messaging/send';
import { startLens } from './lens';
import { loadSettings, watchSettings } from './settings-live';

/**
 * The full lens's entry point: decides whether to run in this frame and connects the lens to the
 * extension. Not the script registered on every page: that is bootstrap.ts, which probes the page
 * and has the background inject this file into a frame once it finds a match (the popup's "scan
 * this tab" injects it directly).
 */
type Marked = Window & { __kblensStarted?: boolean; __kblensProbe?: { stop(): void } };

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
    scan: (text, reset) => ask({ type: 'scan', text, reset }, { retry: false }).then((r) => r?.matches ?? []),
    articles: (qs, related) => ask({ type: 'articles', qs, related }).then((r) => r ?? { articles: [] }),
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
  // The lens scans everything again from the start: the probe's work is done.
  w.__kblensProbe?.stop();
  void main().catch(() => undefined);
}
