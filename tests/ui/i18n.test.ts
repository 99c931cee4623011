import { describe, expect, it, vi } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from '@webext-core/fake-browser';
import { format, t } from '../../src/ui/i18n';
import messages from '../../public/_locales/en/messages.json';

const catalogue = messages as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('t', () => {
  it('falls back to the bundled English, with substitutions, where the i18n API is missing', () => {
    expect(t('turnOnFor', 'acme.example.com')).toBe('Turn on for acme.example.com');
    expect(t('extName')).toBe('KB Lens');
  });

  it("uses the browser's catalogue when it has the string, and English when it returns nothing", () => {
    fakeBrowser.i18n.getMessage = vi.fn((key: string) => (key === 'back' ? 'Zurück' : '')) as never;
    expect(t('back')).toBe('Zurück');
    expect(t('remove')).toBe('Remove');
  });

  it('follows the chrome.i18n placeholder rules', () => {
    const entry = {
      message: 'Cost: $$$amount$ for $who$',
      placeholders: { amount: { content: '$1' }, who: { content: '$2 (you)' } },
    };
    expect(format(entry, ['5', 'Ana'])).toBe('Cost: $5 for Ana (you)');
    expect(format(undefined, [])).toBe('');
  });
});

describe('the English catalogue', () => {
  it('has every key the pages use, and the ones the manifest names', () => {
    const used = new Set<string>();
    for (const dir of ['src/popup', 'src/options', 'src/ui']) {
      for (const file of sources(dir)) {
        for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
      }
    }
    const manifest = readFileSync('manifest.json', 'utf8');
    for (const m of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !(k in catalogue))).toEqual([]);
  });

  it('declares every placeholder it uses and keeps the description within the store limit', () => {
    for (const [key, entry] of Object.entries(catalogue)) {
      for (const m of entry.message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
        expect(entry.placeholders?.[m[1]!], `${key}: $${m[1]}$`).toBeDefined();
      }
    }
    expect(catalogue.extDescription!.message.length).toBeLessThanOrEqual(132);
  });
});

describe('the message catalogue', () => {
  it('names each message once (a merge can repeat a key; JSON.parse keeps the last, addons.mozilla.org rejects the file)', () => {
    const raw = readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8');
    // Top-level keys are the lines indented by exactly two spaces.
    const keys = [...raw.matchAll(/^ {2}"([^"]+)": \{/gm)].map((m) => m[1]!);
    expect(keys.length).toBe(Object.keys(messages).length);
  });
});
