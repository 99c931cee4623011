/**
 * What may import what is owned by eslint.config.js (`MAY_IMPORT`, enforced by
 * eslint-plugin-boundaries in `npm run lint`). This test checks that config rather than keeping a
 * copy of the table: every folder of src/ is a layer the lint knows, and the lint, run on one probe
 * file per layer importing every other layer, reports the crossings the architecture forbids: the
 * pure core imports nothing but core; no runtime shell imports another shell or is imported by a
 * shared layer; tests may import anything.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SRC = join(ROOT, 'src');
const SHELLS = ['background', 'content', 'popup', 'options', 'cli'];

const layers = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());

/** A real module of each layer, for the probe to import (the resolver needs the file to exist). */
function someModule(layer: string): string {
  const file = readdirSync(join(SRC, layer))
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
    .sort()[0];
  if (!file) throw new Error(`src/${layer}/ has no module at its top level`);
  return `${layer}/${file.replace(/\.tsx?$/, '')}`;
}

describe('import boundaries (eslint.config.js)', () => {
  const eslint = new ESLint({ cwd: ROOT });
  /** "from -> to" for every pair of layers the lint reports. */
  const reported = new Set<string>();

  /** Lints `code` as if it were the file `path` and returns the boundaries rule's messages. */
  async function boundaryErrors(code: string, path: string) {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
    return result!.messages.filter((m) => m.ruleId === 'boundaries/dependencies');
  }

  beforeAll(async () => {
    for (const from of layers) {
      // Line i imports layers[i]; type-only and value imports are both checked.
      const code = layers.map((to) => `import '../${someModule(to)}';`).join('\n');
      for (const m of await boundaryErrors(code, `src/${from}/__boundary-probe__.ts`)) {
        reported.add(`${from} -> ${layers[m.line - 1]}`);
      }
    }
  });

  it('knows every folder of src/ as a layer', async () => {
    const config = await eslint.calculateConfigForFile(join(SRC, 'core/__boundary-probe__.ts'));
    const elements = (config?.settings?.['boundaries/elements'] ?? []) as { type: string }[];
    expect(elements.map((e) => e.type).sort()).toEqual([...layers].sort());
    expect(layers).toEqual(expect.arrayContaining(['core', ...SHELLS]));
  });

  it('core imports only core', () => {
    for (const to of layers.filter((l) => l !== 'core')) expect(reported).toContain(`core -> ${to}`);
  });

  it('no shell imports another shell, and no shared layer imports a shell', () => {
    for (const from of layers) {
      for (const to of SHELLS.filter((s) => s !== from)) expect(reported).toContain(`${from} -> ${to}`);
    }
  });

  it('every layer may import itself and core; every shell may import messaging and storage', () => {
    for (const from of layers) {
      expect(reported).not.toContain(`${from} -> ${from}`);
      expect(reported).not.toContain(`${from} -> core`);
    }
    for (const from of SHELLS.filter((s) => s !== 'cli')) {
      expect(reported).not.toContain(`${from} -> messaging`);
      expect(reported).not.toContain(`${from} -> storage`);
    }
  });

  it('reports a type-only import and a re-export too', async () => {
    const code = `import type { X } from '../${someModule('background')}';\nexport * from '../${someModule('popup')}';`;
    const errors = await boundaryErrors(code, 'src/core/__boundary-probe__.ts');
    expect(errors.map((m) => m.line)).toEqual([1, 2]);
  });

  it("lets the background embed the content scripts' built files (?script&iife)", async () => {
    const code = `import lens from '../content/index.ts?script&iife';\nexport default lens;`;
    expect(await boundaryErrors(code, 'src/background/__boundary-probe__.ts')).toEqual([]);
  });

  it('lets tests, the bench and the eval import anything', async () => {
    const code = layers.map((to) => `import '../src/${someModule(to)}';`).join('\n');
    for (const dir of ['tests', 'bench', 'eval']) {
      expect(await boundaryErrors(code, `${dir}/__boundary-probe__.ts`)).toEqual([]);
    }
  });
});
