import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';

// The CLI: the same core, bundled for Node into one ES module that bin/kblens.mjs loads.
export default defineConfig({
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'build/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { entryFileNames: 'kblens.mjs', format: 'es' },
    },
  },
  ssr: { noExternal: true },
});
