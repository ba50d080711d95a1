// The packaged app, as electron-builder lays it out from electron-builder.yml, packed here against a
// stand-in Electron (build/pack-check.ts; about 10–60 s): what app.asar holds and leaves out, what is
// unpacked beside it, the seeds as resources, the fuses flipped in the executable. The packed seed
// worker is then run from the package, under Node, to show that it loads native SQLite and reads
// the seeds where the app finds them; the seeds' library the build made ships beside the seeds.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import asarModule from '@electron/asar';
import fuses from '@electron/fuses';
import { parse } from 'yaml';
import { packWithStandIn, type PackResult } from '../../build/pack-check.ts';
import type { SeedWorkerMessage } from '../../electron/core/worker/seed-worker.ts';
import { placeSeedLibrary, SEED_LIBRARY_FILE } from '../../electron/core/worker/seed-library.ts';
import { seedsUpToDate } from '../../electron/core/ingest/ingest-files.ts';
import { linksUpToDate } from '../../electron/core/links/index.ts';
import { ROOT, SEEDS, tempDir } from '../helpers/library.ts';

// Both are CommonJS; their exports are read off the module object. A fuse's state is the byte '0'
// (off) or '1' (on).
const { extractFile, listPackage, statFile } = asarModule;
const { FuseV1Options, getCurrentFuseWire } = fuses;
const OFF = 0x30;
const ON = 0x31;

const work = tempDir('clauseway-pack-');
let packed: PackResult;
let resources: string;
let asar: string;
let entries: string[];

before(() => {
  packed = packWithStandIn(work.dir);
  resources = join(packed.appOutDir, 'resources');
  asar = join(resources, 'app.asar');
  entries = listPackage(asar, { isPack: false }).map((e) => e.replace(/\\/g, '/'));
});
after(() => work.cleanup());

const prebuild = `${process.platform}-${process.arch}.node`;

test('app.asar holds the renderer, the main process, the preload and the workers, bundled', () => {
  for (const file of [
    '/package.json',
    '/out/renderer/index.html',
    '/out/renderer/app.js',
    '/out/renderer/app.css',
    '/out/electron/main.mjs',
    '/out/electron/preload.cjs',
    '/out/electron/seed-worker.mjs',
    '/out/electron/import-worker.mjs',
    '/out/electron/parse-worker.mjs',
    '/node_modules/better-sqlite3/lib/index.js',
    `/node_modules/better-sqlite3/prebuilds/${prebuild}`,
  ]) {
    assert.ok(entries.includes(file), `app.asar holds ${file}`);
  }
  const pkg = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string };
  assert.ok(entries.includes(`/${pkg.main}`), `the entry point ${pkg.main} is packed`);
});

test('app.asar holds nothing that does not run: no sources, tests, maps, seeds, CLI, or other packages', () => {
  const files = entries.filter((e) => !('files' in statFile(asar, e.slice(1))));
  const bad = files.filter((f) => /\.(ts|tsx|map)$/.test(f) || /^\/(tests|electron|renderer|shared|build|bin|seeds|out\/cli)\//.test(f));
  assert.deepEqual(bad, []);
  const packages = new Set(files.filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/')[2]));
  assert.deepEqual([...packages], ['better-sqlite3']);
  const { devDependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const dev = files.filter((f) => Object.keys(devDependencies).some((d) => f.startsWith(`/node_modules/${d}/`)));
  assert.deepEqual(dev, [], 'no devDependency is packed');
  // better-sqlite3's C++ sources and SQLite's amalgamation are for compiling, not for running.
  assert.deepEqual(files.filter((f) => /^\/node_modules\/better-sqlite3\/(src|deps|build)\//.test(f)), []);
  // Only this platform's binaries (glibc and musl builds of one architecture).
  const binaries = files.filter((f) => f.endsWith('.node'));
  assert.ok(binaries.every((f) => f.endsWith(`-${process.arch}.node`) && f.includes(`/${process.platform}`)), binaries.join(', '));
});

test('the workers and the native module are unpacked beside app.asar, as real files', () => {
  for (const file of ['out/electron/seed-worker.mjs', 'out/electron/import-worker.mjs', 'out/electron/parse-worker.mjs', `node_modules/better-sqlite3/prebuilds/${prebuild}`, 'node_modules/better-sqlite3/lib/index.js']) {
    assert.equal((statFile(asar, file) as { unpacked?: boolean }).unpacked, true, `${file} is marked unpacked`);
    assert.ok(existsSync(join(resources, 'app.asar.unpacked', file)), `${file} is in app.asar.unpacked`);
  }
});

test('the seeds ship as resources, byte for byte', () => {
  const shipped = readdirSync(join(resources, 'seeds')).sort();
  const expected = readdirSync(SEEDS).filter((f) => f.endsWith('.txt') || f === 'manifest.json').sort();
  assert.deepEqual(shipped, expected);
  for (const f of expected) assert.ok(readFileSync(join(resources, 'seeds', f)).equals(readFileSync(join(SEEDS, f))), f);
});

test('the seeds\' library ships as a resource: a first start copies it and finds it up to date with the packed seeds', () => {
  const built = join(resources, SEED_LIBRARY_FILE);
  assert.ok(existsSync(built), 'resources/seed-library.db');
  assert.ok(!entries.some((e) => e.endsWith(SEED_LIBRARY_FILE)), 'not packed into app.asar as well');
  const data = join(work.dir, 'first-start');
  assert.equal(placeSeedLibrary(built, data), true);
  assert.equal(seedsUpToDate(data, join(resources, 'seeds')), true);
  assert.equal(linksUpToDate(data), true);
});

test('the packed worker runs from the package: native SQLite loads and the seeds are imported', async () => {
  const data = join(work.dir, 'data');
  const worker = new Worker(pathToFileURL(join(resources, 'app.asar.unpacked', 'out', 'electron', 'seed-worker.mjs')), {
    workerData: { dataDir: data, seedsDir: join(resources, 'seeds') },
  });
  const last = await new Promise<SeedWorkerMessage>((resolve, reject) => {
    worker.on('message', (m: SeedWorkerMessage) => {
      if (m.type !== 'progress') resolve(m);
    });
    worker.on('error', reject);
  });
  await worker.terminate();
  assert.deepEqual(last.type === 'done' ? 'done' : last, 'done');
  assert.ok(last.type === 'done' && last.documents >= 32, `documents: ${JSON.stringify(last)}`);
});

test('release builds set the fuses: the config asks for them and the packed executable has them', async () => {
  const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, boolean> };
  assert.deepEqual(config.electronFuses, {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  });
  const wire = (await getCurrentFuseWire(packed.executable)) as Record<number, number>;
  const want: [number, number][] = [
    [FuseV1Options.RunAsNode, OFF],
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable, OFF],
    [FuseV1Options.EnableNodeCliInspectArguments, OFF],
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, ON],
    [FuseV1Options.OnlyLoadAppFromAsar, ON],
  ];
  for (const [fuse, state] of want) assert.equal(wire[fuse], state, `${FuseV1Options[fuse] ?? fuse} is ${state === ON ? 'on' : 'off'}`);
});
