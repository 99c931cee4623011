import type { ContentRequest, ContentResponse, FoundMatch, Request } from '../messaging/protocol';
import { startProbe, type Probe } from './probe';

/**
 * The content script registered on every site that is on. It must cost next to nothing on the
 * (many) pages without a match, so it is small and talks to the extension through the browser's
 * own runtime API, without webextension-polyfill or settings: it only probes (probe.ts). When a
 * match turns up it asks the background to inject the full lens (index.ts) into this frame; the
 * lens stops the probe through the hook below when it starts, however it was injected.
 */
type Marked = Window & { __kblensStarted?: boolean; __kblensProbe?: Probe };

interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(f: Listener): void;
    removeListener(f: Listener): void;
  };
}
type Listener = (message: unknown, sender: unknown, sendResponse: (answer: ContentResponse) => void) => boolean | undefined;

function runtime(): RuntimeLike | null {
  const g = globalThis as { browser?: { runtime?: RuntimeLike & { id?: string } }; chrome?: { runtime?: RuntimeLike & { id?: string } } };
  // Firefox's `browser` answers with promises; Chrome's MV3 `chrome` does too when given no callback.
  return (g.browser?.runtime?.id ? g.browser.runtime : g.chrome?.runtime) ?? null;
}

/** A same-origin frame is scanned by the instance in its parent (frames-and-shadows.ts). */
function parentHandlesThisFrame(): boolean {
  try {
    return window !== window.top && window.frameElement !== null;
  } catch {
    return false;
  }
}

function main(rt: RuntimeLike): void {
  const w = window as Marked;
  const send = (request: Request): Promise<unknown> => {
    try {
      return rt.sendMessage(request);
    } catch (e) {
      return Promise.reject(e);
    }
  };
  const onMessage: Listener = (message, _sender, sendResponse) => {
    const request = message as ContentRequest | null;
    if (probe.stopped || !request || typeof request !== 'object') return undefined;
    // Until a match is found there is nothing to step through and nothing to report.
    if (request.type === 'ping') sendResponse({ ok: true, matches: 0 });
    else if (request.type === 'rescan') {
      probe.restart();
      sendResponse({ ok: true });
    } else if (request.type === 'next-match' && window === window.top) sendResponse({ ok: false });
    return undefined;
  };
  const probe = startProbe({
    win: window,
    scan: (text, reset) => send({ type: 'scan', text, reset }).then((r) => (r as { matches?: FoundMatch[] } | undefined)?.matches ?? []),
    onFound: () => {
      rt.onMessage.removeListener(onMessage);
      if (!w.__kblensStarted) void send({ type: 'load-lens' }).catch(() => undefined);
    },
    onContextLost: () => rt.onMessage.removeListener(onMessage),
  });
  w.__kblensProbe = probe;
  rt.onMessage.addListener(onMessage);
}

const w = window as Marked;
const rt = runtime();
// Injected twice, or after the lens: the first instance wins.
if (rt && !w.__kblensStarted && !w.__kblensProbe && !parentHandlesThisFrame()) main(rt);
