import browser from 'webextension-polyfill';
import type { Request, Response } from './protocol';

/**
 * Chrome's answer to a message that reached no listener. A page sending while the stopped worker
 * is still shutting down gets it (a popup opened right after Chrome stopped its idle worker):
 * the message was never delivered, so sending it again is safe, and the next try starts a
 * new worker. Other errors (a listener's own, an extension being reloaded) are not retried. Chrome
 * and Firefox word it the same; the whole message is matched, not a listener's error quoting it.
 */
const NOT_DELIVERED = /^Could not establish connection\. Receiving end does not exist\.?$/;

/** Waits before each new try: under a second in all, as long as a worker's start can take on a busy machine. */
export const RETRY_AFTER_MS: readonly number[] = [25, 75, 200, 500];

/**
 * Sends a typed request to the background and returns its typed answer. `retry: false` for a
 * request that may be outdated by the time a later try lands (a content script's scan, which a
 * restart replaces: its generation is the scanner's to check, not the messenger's).
 */
export async function ask<R extends Request>(request: R, opts: { retry?: boolean } = {}): Promise<Response<R>> {
  const waits = opts.retry === false ? [] : RETRY_AFTER_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return (await browser.runtime.sendMessage(request)) as Response<R>;
    } catch (e) {
      const wait = waits[attempt];
      if (wait === undefined || !NOT_DELIVERED.test(String((e as Error)?.message ?? e))) throw e;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
