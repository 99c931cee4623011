import browser from 'webextension-polyfill';
import type { Request, Response } from './protocol';

/** Sends a typed request to the background and returns its typed answer. */
export function ask<R extends Request>(request: R): Promise<Response<R>> {
  return browser.runtime.sendMessage(request) as Promise<Response<R>>;
}
