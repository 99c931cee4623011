import { fakeBrowser } from '@webext-core/fake-browser';
import type { ArticleRecord } from '../../src/core/article/types';
import { requestError, type Request, type ResponseMap } from '../../src/messaging/protocol';

/** An invented article record (facts of the archive's shape, no article text). */
export function record(q: string, over: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    q,
    title: `Test article ${q}`,
    url: `https://example.invalid/kb/${q}/`,
    products: ['Microsoft Exchange Server'],
    versions: ['Exchange Server 5.5'],
    versionsRaw: 'winnt:5.5',
    os: ['Windows NT'],
    keywords: [],
    lastModified: '1999-09-30',
    fixedIn: 'Exchange Server 5.5 Service Pack 3',
    fix: null,
    fixes: [],
    fixKind: 'service-pack',
    files: [],
    errors: [],
    related: [],
    terms: [],
    ...over,
  };
}

type Handlers = {
  [K in Request['type']]?: (req: Extract<Request, { type: K }>) => ResponseMap[K] | Promise<ResponseMap[K]>;
};

/** Requests the fake background refused as the real router would (not of the REQUESTS table's shapes), with why. */
const refused: string[] = [];

/** What the pages sent that the real background would refuse as malformed, since the last call; emptied. */
export function malformedRequests(): string[] {
  return refused.splice(0);
}

/**
 * Stands in for the background: answers the typed requests it has a handler for. Uses the
 * sendResponse + `return true` style, the only one fake-browser relays to sendMessage. A request
 * the real router would refuse as malformed is refused here too and kept for malformedRequests().
 */
export function fakeBackground(handlers: Handlers): Request[] {
  const calls: Request[] = [];
  fakeBrowser.runtime.onMessage.addListener(((msg: Request, _sender: unknown, sendResponse: (r: unknown) => void) => {
    calls.push(msg);
    const wrong = requestError(msg);
    if (wrong !== null) {
      refused.push(wrong);
      sendResponse(undefined);
      return true;
    }
    const handler = handlers[msg.type] as ((r: Request) => unknown) | undefined;
    if (!handler) {
      sendResponse(undefined);
      return true;
    }
    Promise.resolve(handler(msg)).then(sendResponse, () => sendResponse(undefined));
    return true;
  }) as never);
  return calls;
}

/** A promise with its resolve exposed, to answer a request when the test chooses. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
