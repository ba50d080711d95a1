// `npm run build`: bundles the renderer (browser), the Electron entry files and the command line
// with esbuild into out/. The engine runs from its TypeScript sources under Node in development
// (CLI, browser mode, tests); a packaged app runs only these bundles, since Node strips no types
// from files under node_modules or inside app.asar. better-sqlite3 stays a package of its own: its
// native binary is loaded from a real file.

import { build, type BuildOptions } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSeedLibrary, SEED_LIBRARY_FILE } from '../electron/core/worker/seed-library.ts';

// `node build/build.ts [renderer|electron] [--out DIR]`: one half only; another folder than out/
// (the packaging test builds into a temporary one, leaving out/ to the tests that read it).
const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
const ROOT = resolve(import.meta.dirname, '..');
const OUT = values.out === undefined ? join(ROOT, 'out') : resolve(values.out);
const only = positionals[0];

const renderer: BuildOptions[] = [
  {
    // app.js, and chunks loaded later (opencc's tables: renderer/common/fold.ts).
    entryPoints: { app: join(ROOT, 'renderer/main.tsx') },
    outdir: join(OUT, 'renderer'),
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome124',
    jsx: 'automatic',
    minify: true,
    // No source map in the shipped renderer: browser mode would serve it to whoever asks.
    sourcemap: false,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
  },
  { entryPoints: [join(ROOT, 'renderer/styles.css')], outfile: join(OUT, 'renderer/app.css'), bundle: true, minify: true },
];

// ESM bundles that hold CommonJS code need a require of their own.
const requireShim = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
const node: BuildOptions = { bundle: true, platform: 'node', target: 'node22', external: ['electron', 'better-sqlite3'], sourcemap: true, legalComments: 'none' };
const electron: BuildOptions[] = [
  { ...node, entryPoints: [join(ROOT, 'electron/main/main.ts')], outfile: join(OUT, 'electron/main.mjs'), format: 'esm', banner: { js: requireShim } },
  { ...node, entryPoints: [join(ROOT, 'electron/core/worker/seed-worker.ts')], outfile: join(OUT, 'electron/seed-worker.mjs'), format: 'esm', banner: { js: requireShim } },
  { ...node, entryPoints: [join(ROOT, 'electron/core/worker/import-worker.ts')], outfile: join(OUT, 'electron/import-worker.mjs'), format: 'esm', banner: { js: requireShim } },
  // The parsing threads of an import of many files (ingest/batch.ts), beside the bundles that start them.
  { ...node, entryPoints: [join(ROOT, 'electron/core/ingest/parse-worker.ts')], outfile: join(OUT, 'electron/parse-worker.mjs'), format: 'esm', banner: { js: requireShim } },
  // A sandboxed preload is a classic script: CommonJS, with electron as its only import.
  { ...node, entryPoints: [join(ROOT, 'electron/preload/preload.ts')], outfile: join(OUT, 'electron/preload.cjs'), format: 'cjs' },
  // The command line as one file that any Node 22 runs without type stripping.
  // Split at its lazy imports, so that a listing loads neither the ingest stack nor the exports.
  {
    ...node,
    entryPoints: { clauseway: join(ROOT, 'electron/core/cli/bin.ts'), 'parse-worker': join(ROOT, 'electron/core/ingest/parse-worker.ts') },
    outdir: join(OUT, 'cli'),
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    format: 'esm',
    banner: { js: requireShim },
  },
];

if (only !== 'electron') {
  rmSync(join(OUT, 'renderer'), { recursive: true, force: true });
  await Promise.all(renderer.map((o) => build(o)));
  mkdirSync(join(OUT, 'renderer'), { recursive: true });
  // The page states the same policy as the headers of app:// and browser mode (one source: shared/csp.ts);
  // frame-ancestors means nothing in a meta tag, so it stays in the headers only.
  const metaPolicy = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
  const html = readFileSync(join(ROOT, 'renderer/index.html'), 'utf8').replace('%CONTENT_SECURITY_POLICY%', metaPolicy);
  writeFileSync(join(OUT, 'renderer/index.html'), html);
}
if (only !== 'renderer') {
  rmSync(join(OUT, 'electron'), { recursive: true, force: true });
  rmSync(join(OUT, 'cli'), { recursive: true, force: true });
  await Promise.all(electron.map((o) => build(o)));
  // The seeds' library, imported, indexed and linked once here: a first start copies it.
  buildSeedLibrary(join(OUT, SEED_LIBRARY_FILE), join(ROOT, 'seeds'));
}
