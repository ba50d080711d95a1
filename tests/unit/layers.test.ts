// The layer rules of eslint.config.js, probed: from a file in every folder, an import of every
// other folder and of every package we use, each expected to pass or fail as the house rules say.
// What is allowed is written out here again, from the words of issue 8, on purpose: a map that
// drifts in eslint.config.js then fails this test instead of agreeing with itself.
// Probes are linted as text under paths that need not exist, so the type-aware rules are off
// (they need a file on disk in a tsconfig); every other rule of the project's config stays on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { posix, resolve } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const ROOT = resolve(import.meta.dirname, '../..');
const RULE = 'layers/imports';
const noTypes: Linter.Config = {
  rules: tseslint.configs.disableTypeChecked.rules,
  languageOptions: { parserOptions: { program: null, project: false, projectService: false } },
};
const eslint = new ESLint({ cwd: ROOT, overrideConfig: noTypes });

/** Where a file lives; 'free' is tests/, build/ and bin/, which may import anything. */
type Place = 'shared' | 'main' | 'preload' | 'renderer' | 'free' | `core/${string}`;

// The engine's folders by rank: a folder imports only folders of a lower rank.
const coreRank: Record<string, number> = {
  model: 0, 'paths.ts': 0, search: 1, store: 2, annotations: 3, ingest: 4, links: 5, briefs: 6, worker: 7,
  api: 8, server: 9, cli: 9,
};
const coreFile = (name: string) =>
  (name.endsWith('.ts') ? `electron/core/${name}` : `electron/core/${name}/probe.ts`);

/** Files to import from and to, at two depths where a folder has subfolders. */
const files: [Place, string][] = [
  ['shared', 'shared/probe.ts'],
  ['shared', 'shared/notes/schema.ts'],
  ...Object.keys(coreRank).map((name): [Place, string] => [`core/${name}`, coreFile(name)]),
  ['core/store', 'electron/core/store/migrations/0009-probe.ts'],
  ['main', 'electron/main/probe.ts'],
  ['preload', 'electron/preload/probe.ts'],
  ['renderer', 'renderer/probe.tsx'],
  ['renderer', 'renderer/reader/state/probe.ts'],
  ['free', 'tests/unit/probe.test.ts'],
  ['free', 'build/probe.ts'],
  ['free', 'bin/probe.js'],
];

function mayImport(from: Place, to: Place): boolean {
  if (from === 'free' || from === to) return true;
  if (to === 'free') return false;
  if (from.startsWith('core/') && to.startsWith('core/')) {
    return (coreRank[to.slice(5)] ?? Infinity) < (coreRank[from.slice(5)] ?? -Infinity);
  }
  if (from === 'main') return to === 'shared' || to.startsWith('core/');
  return from !== 'shared' && to === 'shared';
}

const pure = ['zod', 'prosemirror-model', 'prosemirror-schema-list', 'opencc-js/t2cn'];
const node = ['node:fs', 'fs', 'path', 'node:worker_threads'];
const electron = ['electron', 'electron/main', 'electron/renderer'];
const engine = ['better-sqlite3', 'htmlparser2', 'markdown-it', 'markdown-it-cjk-friendly', 'yaml', 'lunr'];
const browser = [
  'react', 'react-dom/client', '@tanstack/react-virtual', 'prosemirror-view', 'prosemirror-state',
];
const packagesFor: Record<string, string[]> = {
  shared: pure,
  core: [...pure, ...node, ...engine],
  main: [...pure, ...node, ...electron],
  preload: electron,
  renderer: [...pure, ...browser],
};
const allPackages = [
  ...pure, ...node, ...electron, ...engine, ...browser, 'not-a-dependency', '@scope/unknown',
];

function mayUse(from: Place, pkg: string): boolean {
  if (from === 'free') return true;
  return (packagesFor[from.startsWith('core/') ? 'core' : from] ?? []).includes(pkg);
}

function relativeSpec(fromFile: string, toFile: string): string {
  const spec = posix.relative(posix.dirname(fromFile), toFile);
  return spec.startsWith('.') ? spec : `./${spec}`;
}

/** Lints `lines` as the file `filePath`; returns the layer rule's messages. */
async function lint(filePath: string, lines: string[]): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(`${lines.join('\n')}\n`, { filePath: resolve(ROOT, filePath) });
  assert.ok(result, filePath);
  assert.deepEqual(result.messages.filter((m) => m.fatal === true), [], `${filePath} did not parse`);
  return result.messages.filter((m) => m.ruleId === RULE);
}

/** Asserts that the rule flags exactly the forbidden lines, naming each one it gets wrong. */
async function expectVerdicts(filePath: string, probes: { line: string, forbidden: boolean }[]) {
  const flagged = new Set((await lint(filePath, probes.map((p) => p.line))).map((m) => m.line));
  const wrong = probes.filter((p, i) => flagged.has(i + 1) !== p.forbidden)
    .map((p) => `${filePath}: ${p.line} should ${p.forbidden ? 'fail' : 'pass'}`);
  assert.deepEqual(wrong, []);
}

test('every folder imports exactly the folders its layer allows, by relative paths of any depth', async () => {
  let forbidden = 0;
  for (const [from, fromFile] of files) {
    const probes = files.filter(([, f]) => f !== fromFile).map(([to, toFile]) => ({
      line: `import '${relativeSpec(fromFile, toFile)}';`,
      forbidden: !mayImport(from, to),
    }));
    forbidden += probes.filter((p) => p.forbidden).length;
    await expectVerdicts(fromFile, probes);
  }
  assert.ok(forbidden > 100, `only ${forbidden} forbidden directions probed`);
});

test('every folder imports exactly the packages its environment allows', async () => {
  for (const [from, fromFile] of files) {
    const probes = allPackages.map((pkg) => ({ line: `import '${pkg}';`, forbidden: !mayUse(from, pkg) }));
    await expectVerdicts(fromFile, probes);
  }
});

test('the holes of the old path patterns are closed: paths that climb and come back down', async () => {
  await expectVerdicts('electron/preload/bridge.ts', [
    { line: "import '../main/ipc.ts';", forbidden: true },
    { line: "import '../core/store/library.ts';", forbidden: true },
    { line: "import '../core/api/dispatch.ts';", forbidden: true },
    { line: "import '../preload/../main/menu.ts';", forbidden: true },
    { line: "import '../../renderer/App.tsx';", forbidden: true },
    { line: `import '${ROOT}/electron/main/ipc.ts';`, forbidden: true },
    { line: "import '../../shared/api.ts';", forbidden: false },
    { line: "import '../main/../../shared/api.ts';", forbidden: false },
  ]);
  await expectVerdicts('electron/core/store/library.ts', [
    { line: "import '../../main/ipc.ts';", forbidden: true },
    { line: "import '../ingest/pipeline.ts';", forbidden: true },
    { line: "import '../../../tests/helpers/library.ts';", forbidden: true },
    { line: "import '../../../../outside.ts';", forbidden: true },
    { line: "import '../model/records.ts';", forbidden: false },
  ]);
});

test('every form of import is checked, types included', async () => {
  const forms = (spec: string) => [
    `import { a } from '${spec}';`,
    `import type { B } from '${spec}';`,
    `import h = require('${spec}');`,
    `export { c } from '${spec}';`,
    `export * from '${spec}';`,
    `export const d = await import('${spec}');`,
    `export const e = await import(\`${spec}\`);`,
    `export type F = import('${spec}').F;`,
    `export const g: unknown = require('${spec}');`,
    'export const i = [a, h];',
  ];
  const bad = forms('../../main/ipc.ts');
  // All but the last line, which only uses the imported names.
  const verdicts = bad.map((line, i) => ({ line, forbidden: i < bad.length - 1 }));
  await expectVerdicts('electron/core/store/forms.ts', verdicts);
  const good = forms('../model/records.ts');
  await expectVerdicts('electron/core/store/forms.ts', good.map((line) => ({ line, forbidden: false })));
  await expectVerdicts('renderer/forms.ts', [
    { line: "const name = '../electron/main/ipc.ts';", forbidden: false },
    { line: 'export const m: unknown = await import(name);', forbidden: true },
  ]);
});

test('a file in a folder the map does not know is an error, and so is importing it', async () => {
  const unknown = ['electron/core/unmapped/store.ts', 'electron/other/x.ts', 'renderer/../electron/x.ts'];
  for (const file of unknown) {
    const messages = await lint(file, ['export const x = 1;']);
    assert.equal(messages.length, 1, file);
    assert.match(messages[0]?.message ?? '', /is in no layer: add its folder to the layer map/);
  }
  const probe = { line: "import '../unmapped/store.ts';", forbidden: true };
  await expectVerdicts('electron/core/api/probe.ts', [probe]);
});

test('an error names both layers and the import, or the package and what is allowed', async () => {
  const lines = ["import '../main/ipc.ts';", "import 'better-sqlite3';"];
  const messages = await lint('electron/preload/p.ts', lines);
  assert.deepEqual(messages.map((m) => m.message.replace(/\)\. .*/, ').')), [
    "electron/preload may not import electron/main ('../main/ipc.ts').",
    "electron/preload may not import the package 'better-sqlite3' (it may use: electron).",
  ]);
});
