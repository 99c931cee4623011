/**
 * Storage has an owner: every key the extension keeps is read, written and watched through one
 * module in src/storage/, so no other folder calls the browser's storage API directly.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('storage owner', () => {
  it('only src/storage/ calls browser.storage', () => {
    const files = sourceFiles(SRC);
    const users = files
      .filter((f) => /\bbrowser\s*\.\s*storage\b/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f).replace(/\\/g, '/'));
    expect(users.length).toBeGreaterThan(0); // the check still sees the stores themselves
    expect(users.filter((f) => !f.startsWith('storage/'))).toEqual([]);
  });
});
