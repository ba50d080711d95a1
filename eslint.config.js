// Lint configuration. Besides style, it enforces the layers of DEVELOPERS.md:
//   shared/          pure types and logic: no Node, no Electron, no DOM-only libraries
//   electron/core/   the Node engine: Node and its libraries, never `electron`
//   electron/*       Electron entry files (main, preload): the only place `electron` may be imported
//   renderer/        browser only: shared/ and browser libraries
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'util', 'stream', 'url'];
const nodeOnlyPackages = ['better-sqlite3', 'htmlparser2', 'markdown-it', 'yaml'];

/** @param {{group: string[], message: string}[]} patterns */
const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-results/', 'playwright-report/', 'seeds/', 'scratch/'] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setX(v)}` is the idiom of React handlers.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] }],
    },
  },
  {
    files: ['shared/**'],
    rules: restrict([
      { group: [...nodeBuiltins, ...nodeOnlyPackages, 'electron', 'react', 'react-dom'], message: 'shared/ is pure: it runs in Node and in the browser alike.' },
      { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing above it.' },
    ]),
  },
  {
    files: ['electron/core/**'],
    rules: restrict([
      { group: ['electron', 'electron/*'], message: 'The engine never imports Electron: it must run under plain Node (CLI, browser mode, tests).' },
      { group: ['**/renderer/**', 'react', 'react-dom'], message: 'The engine does not reach into the renderer.' },
    ]),
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['renderer/**'],
    rules: restrict([
      { group: [...nodeBuiltins, ...nodeOnlyPackages, 'electron'], message: 'The renderer is browser code: it talks to the engine only through the typed API in shared/.' },
      { group: ['**/electron/**'], message: 'The renderer talks to the engine only through the typed API in shared/.' },
    ]),
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
