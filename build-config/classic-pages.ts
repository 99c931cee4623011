import type { Plugin } from 'vite';
import { bundleAsClassicScript, type Asset, type Bundle, type PluginContext } from './bundle-chunks';

/** The script a page loads once it is one classic script: `assets/<page>.js`. */
export const classicPageScript = (page: string): string => `assets/${page.replace(/\.html$/, '')}.js`;

const MODULE_SCRIPT = /<script type="module"[^>]*\ssrc="\/([^"]+)"[^>]*><\/script>/g;
const MODULE_PRELOAD = /[ \t]*<link rel="modulepreload"[^>]*>\n?/g;

/**
 * The popup and the side panel as one classic script each, instead of Vite's module entry and
 * the chunks it shares with the other pages. A module page fetches its whole graph (nine files)
 * before it runs, and in a cold popup's trace, with the worker starting beside it, the nine
 * arrived one after another, the last ~35 ms after the first. One script is one request. The shared chunks stay for the pages and scripts
 * that still load them; dropUnreachableChunks drops those only these pages used.
 *
 * After Vite has written the pages' HTML (its generateBundle), before dropUnreachableChunks.
 */
export function classicPages(pages: readonly string[]): Plugin {
  return {
    name: 'kblens:classic-pages',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      async handler(this: PluginContext, _options: unknown, output: unknown) {
        const bundle = output as Bundle;
        for (const page of pages) {
          const file = bundle[page];
          if (file?.type !== 'asset') this.error(`classicPages: no page ${page} in the build`);
          const html = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
          const entries = [...html.matchAll(MODULE_SCRIPT)];
          if (entries.length !== 1) this.error(`classicPages: ${page} has ${entries.length} module scripts, not one`);
          const [tag, entry] = entries[0]! as unknown as [string, string];
          const script = classicPageScript(page);
          const code = await bundleAsClassicScript(bundle, entry, `classicPages (${page})`);
          this.emitFile({ type: 'asset', fileName: script, source: code });
          // `defer`: run after the page is parsed, in order, as the module did.
          (file as Asset).source = html
            .replace(tag, `<script defer src="/${script}"></script>`)
            .replace(MODULE_PRELOAD, '');
        }
      },
    },
  } as Plugin;
}
