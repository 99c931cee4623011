import browser from 'webextension-polyfill';
import type { Request, Response } from './protocol';

/**
 * Chrome's answer to a message that reached no listener. A page sending while the stopped worker
 * is still shutting down gets it (a popup opened right after Chrome stopped its idle worker):
 * the message was never delivered, so sending it again is safe, and the next try starts a
 * new worker. Other errors (a listener's own, an extension being reloaded) are not retried.
 */
const NOT_DELIVERED = /Receiving end does not exist/i;

/** Waits before each new try: under a second in all, as long as a worker's start can take on a busy machine. */
export const RETRY_AFTER_MS: readonly number[] = [25, 75, 200, 500];

/** Sends a typed request to the background and returns its typed answer. */
export async function ask<R extends Request>(request: R): Promise<Response<R>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await browser.runtime.sendMessage(request)) as Response<R>;
    } catch (e) {
      const wait = RETRY_AFTER_MS[attempt];
      if (wait === undefined || !NOT_DELIVERED.test(String((e as Error)?.message ?? e))) throw e;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
