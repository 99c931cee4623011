import type { Rollup } from 'vite';
import { rolldown } from 'rolldown';

type Chunk = { type: 'chunk'; fileName: string; code: string; facadeModuleId: string | null };
type Asset = { type: 'asset'; fileName: string; source: string | Uint8Array };
/** Vite's output bundle, as far as these plugins read it. */
export type Bundle = Record<string, Chunk | Asset>;
export type { Chunk, Asset };
export type PluginContext = Rollup.PluginContext;

/** `to`, relative to the folder of `from` (both package paths), as a package path. */
function resolveFrom(from: string, to: string): string {
  const out = from.split('/').slice(0, -1);
  for (const part of to.split('/')) part === '..' ? out.pop() : part !== '.' && out.push(part);
  return out.join('/');
}

/**
 * The chunk `entry` of Vite's finished `bundle` and every chunk it imports, as one classic script
 * (an IIFE, minified): what a page or worker that should make one request and no module graph
 * loads instead of the chunks. `who` names the caller in errors.
 */
export async function bundleAsClassicScript(bundle: Bundle, entry: string, who: string): Promise<string> {
  const build = await rolldown({
    input: entry,
    platform: 'browser',
    plugins: [
      {
        name: 'kblens:bundle-chunks',
        resolveId(source, importer) {
          const file = importer ? resolveFrom(importer, source) : source;
          if (bundle[file]?.type !== 'chunk')
            throw new Error(`${who}: ${importer} imports ${source}, not in the bundle`);
          return file;
        },
        load(id) {
          const chunk = bundle[id];
          return chunk?.type === 'chunk' ? chunk.code : null;
        },
      },
    ],
  });
  const { output: files } = await build.generate({ format: 'iife', codeSplitting: false, minify: true });
  await build.close();
  if (files.length !== 1 || files[0]!.type !== 'chunk')
    throw new Error(`${who}: ${entry} did not bundle into one script`);
  return files[0]!.code;
}
