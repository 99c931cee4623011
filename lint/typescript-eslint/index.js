// Re-exported from here so that typescript-eslint resolves the TypeScript 6.0 installed in this
// folder's node_modules, while the project's own `typescript` (tsc) stays 7.
export { default } from 'typescript-eslint';
