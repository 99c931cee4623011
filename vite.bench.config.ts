import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';

// The benchmark (npm run bench): bench/run.ts and the core it measures, bundled for Node into one
// ES module. playwright-core stays external: it is loaded from node_modules at run time.
export default defineConfig({
  build: {
    ssr: 'bench/run.ts',
    outDir: 'build/bench',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    minify: false,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'playwright-core', /^playwright-core\//],
      output: { entryFileNames: 'run.mjs', format: 'es' },
    },
  },
  ssr: { noExternal: true, external: ['playwright-core'] },
});
