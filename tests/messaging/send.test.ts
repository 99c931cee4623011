import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { ask, RETRY_AFTER_MS } from '../../src/messaging/send';

const notDelivered = () => new Error('Could not establish connection. Receiving end does not exist.');

describe('ask', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('sends again when the message reached no listener (a worker still stopping), and returns the answer', async () => {
    vi.useFakeTimers();
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValueOnce(notDelivered())
      .mockRejectedValueOnce(notDelivered())
      .mockResolvedValueOnce({ ready: true } as never);
    const answer = ask({ type: 'index-status' });
    await vi.runAllTimersAsync();
    await expect(answer).resolves.toEqual({ ready: true });
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('gives up after its last try with the browser own error', async () => {
    vi.useFakeTimers();
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(notDelivered());
    const answer = ask({ type: 'index-status' });
    const settled = expect(answer).rejects.toThrow(/Receiving end does not exist/);
    await vi.runAllTimersAsync();
    await settled;
    expect(send).toHaveBeenCalledTimes(RETRY_AFTER_MS.length + 1);
  });

  it('never sends again for a listener error that quotes the browser message', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValue(new Error('scan-once: Could not establish connection. Receiving end does not exist.'));
    await expect(ask({ type: 'index-status' })).rejects.toThrow(/^scan-once:/);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends once when asked not to retry (a scan a restart may have outdated)', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(notDelivered());
    await expect(ask({ type: 'index-status' }, { retry: false })).rejects.toThrow(/Receiving end/);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('never sends again after any other error: the listener may have acted on it', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValue(new Error('search index: could not read'));
    await expect(ask({ type: 'index-status' })).rejects.toThrow('search index: could not read');
    expect(send).toHaveBeenCalledTimes(1);
  });
});
