import { vi, beforeEach } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';

// The polyfill throws outside an extension; the shells' unit tests run against an in-memory fake.
vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
beforeEach(() => fakeBrowser.reset());
