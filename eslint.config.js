// Lint configuration. Besides style, it enforces the layers: build/eslint-layers.js resolves every
// import (relative at any depth, or by package name) and checks it against the map below.
//
// The layers, and what each may import:
//   shared/              pure types and logic that run anywhere: nothing of ours, and only pure
//                        packages (zod, prosemirror-model and -schema-list, opencc-js); no Node,
//                        Electron, React
//   electron/core/       the Node engine: shared/, Node and engine packages; never electron,
//                        electron/main, electron/preload or renderer/. Inside it, lowest first
//                        (a folder imports only those listed before it; folders on one line do
//                        not import each other):
//     model/, paths.ts     records shared by ingest and store; where the library lives
//     search/              the search indexes (kept by store, read by the searcher)
//     store/               the library in SQLite
//     annotations/         the user data (user.db): highlights, notes, tags, re-anchoring
//     ingest/              files → records → store
//     worker/              the first start's import, in a worker thread
//     api/                 the engine's API (EngineApi, EngineHost, dispatch)
//     server/, cli/        browser mode's HTTP server; the command line
//   electron/main/       the Electron entry: shared/, electron/core/, Node and electron; never
//                        renderer/ (it is loaded as a page) or electron/preload/
//   electron/preload/    shared/ and electron only
//   renderer/            browser code: shared/ and browser packages (React, ProseMirror's view)
// tests/, build/, bin/ and the files at the top of the repository may import anything. A file in
// shared/, electron/ or renderer/ that no layer holds (a new engine folder) is an error until it
// is placed here; tests/unit/layers.test.ts probes every direction.
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import layersPlugin from './build/eslint-layers.js';

// Packages by the environment they need ('node' is Node's built-in modules). Whatever may import
// shared/ may use its packages too.
const pure = ['zod', 'prosemirror-model', 'prosemirror-schema-list', 'opencc-js'];
const enginePackages = [
  ...pure, 'node', 'better-sqlite3', 'lunr', 'htmlparser2', 'markdown-it', 'markdown-it-cjk-friendly',
  'yaml', 'diff', 'docx', 'mammoth',
];
const browserPackages = [
  ...pure, 'react', 'react-dom', '@tanstack/react-virtual', 'prosemirror-view', 'prosemirror-state',
  'prosemirror-commands', 'prosemirror-history', 'prosemirror-keymap',
];

// The engine's folders (or files) in the order of the header: each may import the lines before it.
const engineOrder = [
  ['model', 'paths.ts'], ['search'], ['store'], ['annotations'], ['ingest'], ['links'], ['briefs'], ['worker'],
  ['api'], ['server', 'cli'],
];
const engine = engineOrder.flatMap((line, i) => line.map((name) => ({
  path: `electron/core/${name}`,
  may: ['shared', ...engineOrder.slice(0, i).flat().map((lower) => `electron/core/${lower}`)],
  packages: enginePackages,
  why: 'The engine runs under plain Node and knows nothing of Electron or the page; '
    + 'inside it a folder imports only lower folders (their order: eslint.config.js).',
})));

const layers = [
  {
    path: 'shared', may: [], packages: pure,
    why: 'shared/ is pure: it runs in Node and in the browser alike, and depends on nothing above it.',
  },
  ...engine,
  {
    path: 'electron/main', may: ['shared', ...engine.map((l) => l.path)],
    packages: [...pure, 'node', 'electron'],
    why: 'The Electron entry drives the engine and loads the page; it imports neither page nor preload.',
  },
  {
    path: 'electron/preload', may: ['shared'], packages: ['electron'],
    why: 'The preload is a small bridge: the typed API of shared/ over Electron IPC.',
  },
  {
    path: 'renderer', may: ['shared'], packages: browserPackages,
    why: 'The renderer is browser code: it talks to the engine only through the typed API in shared/.',
  },
];
const governed = ['shared', 'electron', 'renderer'];

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
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': ['error', { root: import.meta.dirname, governed, layers }] },
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
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
