import type { Plugin } from 'vite';
import { keepDeclaredWebAccessibleResources } from './manifest';
import { CLASSIC_WORKER_FILE } from './classic-worker';

type Manifest = Parameters<typeof keepDeclaredWebAccessibleResources>[0];

/**
 * Runs last among CRXJS's manifest hooks (enforce: 'post', listed after crx()), so it sees the
 * web_accessible_resources CRXJS added and can take back the ones we never asked for.
 * `renderCrxManifest` is CRXJS's hook for plugins; Vite itself ignores it.
 */
export function finalManifest(source: object): Plugin {
  return {
    name: 'kblens:final-manifest',
    enforce: 'post',
    renderCrxManifest(manifest: Manifest) {
      return keepDeclaredWebAccessibleResources(manifest, source);
    },
  } as Plugin;
}

type Chunk = {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
};
type Asset = { type: 'asset'; fileName: string; source: string | Uint8Array };

/**
 * CRXJS builds a `?script&iife` import twice: the IIFE file the background injects, and an ES
 * module chunk of the same script (plus its lazy chunks) that nothing loads; Chrome's build also
 * gets an unused stub for sidepanel.html. Drop every JS chunk not reachable from the extension's
 * pages or its background entry, so the store package holds only code that runs. Where the
 * background became one classic script (classic-worker.ts), the chunks only it used go too.
 */
export function dropUnreachableChunks(backgroundEntry: string): Plugin {
  return {
    name: 'kblens:drop-unreachable-chunks',
    enforce: 'post',
    // After CRXJS's generateBundle, which renders the manifest (and, with classic-worker.ts,
    // the worker that replaces the background's chunks).
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = bundle as unknown as Record<string, Chunk | Asset>;
        const classic = files[CLASSIC_WORKER_FILE]?.type === 'asset';
        const roots: string[] = [];
        for (const file of Object.values(files)) {
          if (file.type === 'asset' && file.fileName.endsWith('.html')) {
            const html = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
            for (const m of html.matchAll(/<script[^>]*\ssrc="\/?([^"]+)"/g)) roots.push(m[1]!);
          }
          if (
            file.type === 'chunk' &&
            ((file.facadeModuleId === backgroundEntry && !classic) || file.fileName.includes('crx-manifest'))
          )
            roots.push(file.fileName);
        }
        const reached = new Set<string>();
        const visit = (name: string) => {
          const chunk = files[name];
          if (reached.has(name) || !chunk || chunk.type !== 'chunk') return;
          reached.add(name);
          [...chunk.imports, ...chunk.dynamicImports].forEach(visit);
        };
        roots.forEach(visit);
        const entryRooted = roots.some(
          (r) => files[r]?.type === 'chunk' && (files[r] as Chunk).facadeModuleId === backgroundEntry,
        );
        if (!entryRooted && !classic) {
          this.error(`no chunk for the background entry ${backgroundEntry}: refusing to prune`);
        }
        for (const [name, file] of Object.entries(files))
          if (file.type === 'chunk' && !reached.has(name)) delete bundle[name];
      },
    },
  } as Plugin;
}
