import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { bumpCustomArticlesRevision, watchCustomArticlesRevision } from '../../src/storage/custom-articles';

describe('custom articles revision', () => {
  it('is a timestamp under "customArticlesRevision" in storage.local', async () => {
    await bumpCustomArticlesRevision();
    const stored = await fakeBrowser.storage.local.get();
    expect(Object.keys(stored)).toEqual(['customArticlesRevision']);
    expect(stored.customArticlesRevision).toBeTypeOf('number');
  });

  it('calls back when it is bumped, and not for other local keys', async () => {
    const onChange = vi.fn();
    const stop = watchCustomArticlesRevision(onChange);
    await fakeBrowser.storage.local.set({ sites: [] });
    expect(onChange).not.toHaveBeenCalled();
    await bumpCustomArticlesRevision();
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
    await bumpCustomArticlesRevision();
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
