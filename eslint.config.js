// ESLint: the import boundaries between the layers of src/, and a small set of rules that catch
// mistakes (not style: Prettier owns the layout). Parsing only, without type information, so a
// full run stays fast. typescript-eslint comes from lint/typescript-eslint/, which brings the
// TypeScript 6.0 it parses with: the project's TypeScript 7 (tsc) has no JavaScript API.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'kblens-typescript-eslint';

/**
 * What may import what: each folder of src/ and the folders it may import from (its own always).
 * The pure core imports nothing but core; a runtime shell (background, content, popup, options,
 * cli) imports core and the shared layers, never another shell. Tests, the bench and the eval may
 * import anything. tests/architecture/boundaries.test.ts checks that this table covers every
 * folder of src/ and that the lint reports a crossing.
 */
export const MAY_IMPORT = {
  core: [],
  messaging: ['core'],
  storage: ['core', 'messaging'],
  ui: ['core', 'messaging', 'storage'],
  background: ['core', 'messaging', 'storage'],
  content: ['core', 'messaging', 'storage'],
  popup: ['core', 'messaging', 'storage', 'ui'],
  options: ['core', 'messaging', 'storage', 'ui'],
  cli: ['core'],
};

const importBoundaries = {
  files: ['src/**/*.{ts,tsx}'],
  plugins: { boundaries },
  settings: {
    'boundaries/elements': Object.keys(MAY_IMPORT).map((type) => ({
      type,
      pattern: `src/${type}`,
      partialMatch: false,
    })),
    'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export'],
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } },
  },
  rules: {
    // An import the resolver cannot follow is not checked: the background's
    // `../content/*.ts?script&iife` imports embed the built content scripts' file names (a file,
    // not a module dependency), and public/ (the locale messages) is data, not a layer.
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        policies: Object.entries(MAY_IMPORT).map(([from, to]) => ({
          from: { element: { type: from } },
          allow: { to: { element: { types: { anyOf: [from, ...to] } } } },
        })),
      },
    ],
  },
};

export default defineConfig(
  {
    ignores: ['dist/', 'dist-firefox/', 'build/', 'artifacts/', 'public/', '.vite/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks an argument kept for its position.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `cond ? a() : b()` and `x && f()` as statements are used on purpose.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Ticket text is pasted from anywhere: matching control characters is the point.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests read loosely typed things (manifests, the worker's `chrome`).
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  importBoundaries,
);
