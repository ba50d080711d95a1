import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LibraryStatus } from '../../shared/api.ts';
import { EngineHost } from '../../electron/core/api/engine-host.ts';
import { ingestFile, seedsUpToDate, SEEDS_DIR, seedFiles } from '../../electron/core/ingest/ingest-files.ts';
import { buildSeedLibrary, placeSeedLibrary, SEED_LIBRARY_FILE } from '../../electron/core/worker/seed-library.ts';
import { FIXTURES, tempDir } from '../helpers/library.ts';

const workerUrl = new URL('../../electron/core/worker/seed-worker.ts', import.meta.url);

/** The bundled seeds and their manifest copied into `dir`/seeds, to be changed by a test. */
function copyOfSeeds(dir: string): string {
  const seeds = join(dir, 'seeds');
  mkdirSync(seeds);
  for (const f of seedFiles()) copyFileSync(f, join(seeds, f.split('/').pop() ?? ''));
  copyFileSync(join(SEEDS_DIR, 'manifest.json'), join(seeds, 'manifest.json'));
  return seeds;
}

test('the first start imports the seeds in a worker, reporting progress; the API waits for it', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const languages: string[] = [];
    const host = new EngineHost({ dataDir: dir, seedsDir: SEEDS_DIR, workerUrl, onLanguage: (lang) => languages.push(lang) });
    assert.equal(seedsUpToDate(dir), false);
    const seen: LibraryStatus[] = [];
    const started = host.start();
    const poll = setInterval(() => void host.status().then((s) => seen.push(s)), 5);
    try {
      await assert.rejects(host.listDocuments(), /the library is still being prepared/);
      await assert.rejects(host.search('绿色金融'), /the library is still being prepared/);
      // The status and the reader's language are answered while the library is prepared.
      assert.equal((await host.status()).revision, 0);
      await host.setLanguage('en');
      assert.deepEqual(languages, ['en']);
      await started;
    } finally {
      clearInterval(poll);
    }
    const ready = await host.status();
    assert.equal(ready.state, 'ready');
    assert.ok(ready.documents >= 32);
    assert.ok(ready.revision > 0, 'the open library states its revision');
    assert.ok(seen.some((s) => s.state === 'preparing'), 'progress was reported while importing');
    assert.ok((await host.listDocuments()).length >= 32);
    host.close();

    // A later start finds everything in place: no worker, no import.
    assert.equal(seedsUpToDate(dir), true);
    const again = new EngineHost({ dataDir: dir, seedsDir: SEEDS_DIR, workerUrl: new URL('file:///nonexistent-worker.ts') });
    await again.start();
    assert.equal((await again.status()).state, 'ready');
    again.close();
  } finally {
    cleanup();
  }
});

test('a changed seed is refused with its name, and the library is kept', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const seeds = copyOfSeeds(dir);
    const data = join(dir, 'data');
    const host = new EngineHost({ dataDir: data, seedsDir: seeds, workerUrl });
    await host.start();
    const count = (await host.listDocuments()).length;
    host.close();

    // The manifest pins every seed by its SHA-256: a changed seed is refused, naming the file.
    writeFileSync(join(seeds, '001_551b2c05a62b80d5.txt'), 'changed\n');
    assert.equal(seedsUpToDate(data, seeds), false);
    const broken = new EngineHost({ dataDir: data, seedsDir: seeds, workerUrl });
    await assert.rejects(broken.start(), /001_551b2c05a62b80d5.txt: the bundled file differs from the one the seeds manifest describes/);
    assert.equal((await broken.status()).state, 'error');
    await assert.rejects(broken.getDocument('051baaa2cbd9'), /the library could not be opened: .*001_551b2c05a62b80d5.txt/);
    broken.close();

    const { Library } = await import('../../electron/core/store/library.ts');
    const lib = Library.open(data);
    assert.equal(lib.listDocuments().length, count, 'nothing already stored was lost');
    lib.close();
  } finally {
    cleanup();
  }
});

test('a first start copies the library the build made: no worker, the same documents, ids and links as an import', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const built = join(dir, SEED_LIBRARY_FILE);
    buildSeedLibrary(built, SEEDS_DIR);
    // No worker could run: the start must not need one.
    const host = new EngineHost({ dataDir: join(dir, 'copied'), seedsDir: SEEDS_DIR, seedLibrary: built, workerUrl: new URL('file:///nonexistent-worker.ts') });
    await host.start();
    const imported = new EngineHost({ dataDir: join(dir, 'imported'), seedsDir: SEEDS_DIR, workerUrl });
    await imported.start();
    try {
      const ids = (docs: { id: string; title: string }[]): string[] => docs.map((d) => `${d.id} ${d.title}`).sort();
      assert.deepEqual(ids(await host.listDocuments()), ids(await imported.listDocuments()));
      const hits = async (h: EngineHost): Promise<string[]> => (await h.search('绿色金融')).hits.map((x) => x.clauseId);
      assert.deepEqual(await hits(host), await hits(imported));
      const clause = (await hits(host))[0] as string;
      const links = await host.clauseLinks({ clauseId: clause });
      assert.ok(links.links.length > 0, 'the copied library holds the links');
      assert.deepEqual(links, await imported.clauseLinks({ clauseId: clause }));
    } finally {
      host.close();
      imported.close();
    }
  } finally {
    cleanup();
  }
});

test('the built library is never copied over a library, and a stale one is brought up to date by the worker', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const seeds = copyOfSeeds(dir);
    const built = join(dir, SEED_LIBRARY_FILE);
    buildSeedLibrary(built, seeds);

    // A library already there (a user's import in it) stays as it is.
    const data = join(dir, 'data');
    const { Library } = await import('../../electron/core/store/library.ts');
    const lib = Library.open(data);
    ingestFile(lib, join(FIXTURES, 'qianhai-regulation.zh-hans.txt'));
    const before = lib.listDocuments().map((d) => d.id).sort();
    lib.close();
    assert.equal(placeSeedLibrary(built, data), false);
    const host = new EngineHost({ dataDir: data, seedsDir: seeds, seedLibrary: built, workerUrl });
    await host.start();
    const after = (await host.listDocuments()).map((d) => d.id);
    for (const id of before) assert.ok(after.includes(id), `the user's document ${id} is kept`);
    host.close();

    // A data folder with a journal left (a library whose file was lost) is not placed into either.
    const journalled = join(dir, 'journalled');
    mkdirSync(journalled);
    writeFileSync(join(journalled, 'clauseway.db-wal'), '');
    assert.equal(placeSeedLibrary(built, journalled), false);
    // Nor one that cannot be made (a file stands where the folder would be): no exception, the start imports.
    writeFileSync(join(dir, 'not-a-folder'), '');
    assert.equal(placeSeedLibrary(built, join(dir, 'not-a-folder', 'data')), false);

    // Built from other seeds than the app ships now: placed, found stale, imported again by the worker.
    const manifest = JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8')) as { files: Record<string, { sha256: string }> };
    const name = Object.keys(manifest.files)[0] as string;
    const { createHash } = await import('node:crypto');
    const text = `${readFileSync(join(seeds, name), 'utf8')}\n附则\n本规划自印发之日起施行。\n`;
    writeFileSync(join(seeds, name), text);
    (manifest.files[name] as { sha256: string }).sha256 = createHash('sha256').update(text).digest('hex');
    writeFileSync(join(seeds, 'manifest.json'), JSON.stringify(manifest));
    const fresh = join(dir, 'fresh');
    assert.equal(placeSeedLibrary(built, fresh), true);
    assert.equal(seedsUpToDate(fresh, seeds), false);
    const again = new EngineHost({ dataDir: fresh, seedsDir: seeds, seedLibrary: built, workerUrl });
    await again.start();
    assert.equal(seedsUpToDate(fresh, seeds), true);
    assert.ok((await again.search('自印发之日起施行')).hits.length > 0);
    again.close();
  } finally {
    cleanup();
  }
});
