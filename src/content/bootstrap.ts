import type { Request, Response } from '../messaging/protocol';
import { startProbe, type Probe } from './probe';

/**
 * The content script registered on every site that is on. It must cost next to nothing on the
 * (many) pages without a match, so it is small and talks to the extension through the browser's
 * own runtime API, without webextension-polyfill or settings, and without a message listener:
 * until a match turns up there is nothing to answer (the background's keyboard command finds no
 * receiver and does nothing). When the probe (probe.ts) finds a match it asks the background to
 * inject the full lens (index.ts) into this frame; the lens stops the probe through the hook
 * below when it starts, however it was injected.
 */
type Marked = Window & { __kblensStarted?: boolean; __kblensProbe?: Probe };

interface RuntimeLike {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
}

function runtime(): RuntimeLike | null {
  const g = globalThis as { browser?: { runtime?: RuntimeLike }; chrome?: { runtime?: RuntimeLike } };
  // Firefox's `browser` answers with promises; Chrome's MV3 `chrome` does too when given no callback.
  return (g.browser?.runtime?.id ? g.browser.runtime : g.chrome?.runtime) ?? null;
}

/** A same-origin frame is read by the instance in its parent. */
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
  w.__kblensProbe = startProbe({
    win: window,
    // A yes/no question: the background matches without ranking (the lens scans again in full).
    find: (text, reset) =>
      send({ type: 'probe', text, reset }).then(
        (r) => (r as Response<{ type: 'probe'; text: string }> | undefined)?.found === true,
      ),
    onFound: () => {
      if (!w.__kblensStarted) void send({ type: 'load-lens' }).catch(() => undefined);
    },
  });
}

const w = window as Marked;
const rt = runtime();
// Injected twice, or after the lens: the first instance wins.
if (rt && !w.__kblensStarted && !w.__kblensProbe && !parentHandlesThisFrame()) main(rt);
