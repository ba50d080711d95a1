import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LibraryStatus } from '../../shared/api.ts';
import { EngineHost } from '../../electron/core/api/engine-host.ts';
import { seedsUpToDate, SEEDS_DIR, seedFiles } from '../../electron/core/ingest/ingest-files.ts';
import { tempDir } from '../helpers/library.ts';

const workerUrl = new URL('../../electron/core/worker/seed-worker.ts', import.meta.url);

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
    const seeds = join(dir, 'seeds');
    mkdirSync(seeds);
    for (const f of seedFiles()) copyFileSync(f, join(seeds, f.split('/').pop() ?? ''));
    copyFileSync(join(SEEDS_DIR, 'manifest.json'), join(seeds, 'manifest.json'));
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
