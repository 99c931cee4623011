import { describe, expect, it } from 'vitest';
import source from '../../manifest.json' with { type: 'json' };
import { keepDeclaredWebAccessibleResources } from '../../build-config/manifest';

// What CRXJS 3 adds for `import x from '../content/index.ts?script&iife'` (seen in its build output).
const crxAdded = {
  matches: ['http://*/*', 'https://*/*'],
  resources: ['src/content/index.js'],
  use_dynamic_url: false,
};

describe('keepDeclaredWebAccessibleResources', () => {
  it('drops the content script CRXJS made web-accessible, so pages cannot probe for KB Lens', () => {
    const built = keepDeclaredWebAccessibleResources({ name: 'x', web_accessible_resources: [crxAdded] }, source);
    expect(built).toEqual({ name: 'x' });
    expect('web_accessible_resources' in built).toBe(false);
  });
  it('keeps resources the source manifest declares, and only those', () => {
    const declared = { web_accessible_resources: [{ matches: ['https://*/*'], resources: ['icons/icon-16.png'] }] };
    const built = keepDeclaredWebAccessibleResources(
      {
        web_accessible_resources: [
          { matches: ['https://*/*'], resources: ['icons/icon-16.png', 'src/content/index.js'] },
          crxAdded,
        ],
      },
      declared,
    );
    expect(built.web_accessible_resources).toEqual([{ matches: ['https://*/*'], resources: ['icons/icon-16.png'] }]);
  });
  it('declares no web-accessible resources in the source manifest', () => {
    expect((source as Record<string, unknown>).web_accessible_resources).toBeUndefined();
  });
});
