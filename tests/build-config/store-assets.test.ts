import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import source from '../../manifest.json' with { type: 'json' };
import { makeManifest } from '../../build-config/manifest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const messages = JSON.parse(readFileSync(`${root}public/_locales/en/messages.json`, 'utf8')) as Record<
  string,
  { message: string }
>;

/** Every __MSG_key__ in a manifest, wherever it sits. */
function messageKeys(value: unknown): string[] {
  return [...JSON.stringify(value).matchAll(/__MSG_(\w+?)__/g)].map((m) => m[1]!);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('store assets', () => {
  it.each(['chrome', 'firefox'] as const)('has an English string for every __MSG_ key of the %s manifest', (target) => {
    const keys = messageKeys(makeManifest(source, { target, version: '1.0.0', sites: [] }));
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(messages[key]?.message, `messages.json lacks "${key}"`).toBeTruthy();
  });
  it('has the context-menu title the background asks i18n for', () => {
    expect(messages.menuLookup?.message).toBeTruthy();
  });
  it('has every icon the manifest names, at the size it claims', () => {
    const icons = { ...source.icons, ...source.action.default_icon } as Record<string, string>;
    for (const size of ['16', '32', '48', '128']) expect(icons[size]).toBeDefined();
    for (const [size, path] of Object.entries(icons))
      expect(pngSize(`${root}public/${path}`)).toEqual([Number(size), Number(size)]);
  });
  it('keeps the store name within the limits (name 75, short_name 12, description 132 characters)', () => {
    expect(messages.extName!.message.length).toBeLessThanOrEqual(75);
    expect(source.short_name.length).toBeLessThanOrEqual(12);
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
  });
});

// AMO's linter (web-ext lint, and the validation every upload goes through) refuses to parse a
// .js, .json or .html file of 5 MiB or more: FILE_TOO_LARGE is an error, so AMO would reject the
// package. The bundled index is the only part that could grow that large.
const INDEX = `${root}public/index`;
describe.skipIf(!existsSync(INDEX))('bundled index fits AMO', () => {
  it('has no .json/.js/.html file of 5 MiB or more', () => {
    const files = (readdirSync(INDEX, { recursive: true }) as string[]).map((f) => join(INDEX, f));
    const tooLarge = files
      .filter((f) => /\.(json|js|mjs|html?)$/.test(f) && statSync(f).size >= 5 * 1024 * 1024)
      .map((f) => `${f.slice(INDEX.length + 1)} (${(statSync(f).size / 1024 / 1024).toFixed(1)} MiB)`);
    expect(tooLarge, 'split these files below 5 MiB').toEqual([]);
  });
});
