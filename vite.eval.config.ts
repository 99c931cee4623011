import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';

// The quality evaluation (npm run eval): eval/run.ts and the core it measures, bundled for Node
// into one ES module, as the bench is.
export default defineConfig({
  build: {
    ssr: 'eval/run.ts',
    outDir: 'build/eval',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    minify: false,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { entryFileNames: 'run.mjs', format: 'es' },
    },
  },
  ssr: { noExternal: true },
});
