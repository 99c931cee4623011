import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The content script runs inside other people's ticket pages: no code path may parse markup. */
const ROOT = join(import.meta.dirname, '../../src/content');
const SINKS =
  /\b(?:innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|setHTMLUnsafe)\b|\.srcdoc\s*=|\beval\(|new Function\(/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('content script source', () => {
  it('has no HTML sinks and no fetch of anything', () => {
    const offenders = files(ROOT).filter((f) => {
      const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      return SINKS.test(code) || /\bfetch\(|XMLHttpRequest|sendBeacon|new WebSocket/.test(code);
    });
    expect(offenders).toEqual([]);
    expect(files(ROOT).length).toBeGreaterThan(10);
  });
});
