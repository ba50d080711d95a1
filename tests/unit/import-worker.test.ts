// Imports from the app run in a worker thread (worker/import-worker.ts), never on the thread that
// answers the window: while a folder imports, the engine answers calls and reports the file being
// read; at the end the library, search and the revision show the new documents.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineHost } from '../../electron/core/api/engine-host.ts';
import { SEEDS_DIR } from '../../electron/core/ingest/ingest-files.ts';
import { FIXTURES, tempDir } from '../helpers/library.ts';

test('a folder imports in the worker with progress, and the engine shows its documents at the end', async () => {
  const { dir, cleanup } = tempDir();
  const host = new EngineHost({
    dataDir: join(dir, 'data'),
    seedsDir: SEEDS_DIR,
    workerUrl: new URL('../../electron/core/worker/seed-worker.ts', import.meta.url),
    importWorkerUrl: new URL('../../electron/core/worker/import-worker.ts', import.meta.url),
  });
  try {
    await host.start();
    const folder = join(dir, '港澳 文件');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    const names = ['hk-press-release.zh-hant.txt', 'macau-law-26-2024.zh-hant.txt', 'qianhai-regulation.zh-hans.txt'];
    copyFileSync(join(FIXTURES, names[0] ?? ''), join(folder, names[0] ?? ''));
    copyFileSync(join(FIXTURES, names[1] ?? ''), join(folder, 'sub', names[1] ?? ''));
    copyFileSync(join(FIXTURES, names[2] ?? ''), join(folder, 'sub', names[2] ?? ''));
    writeFileSync(join(folder, 'scan.pdf'), '%PDF-1.7 left out of a folder');
    const before = await host.status();

    const job = await host.importPaths([folder]);
    assert.equal(job.total, 3);
    const seen = new Set<string>();
    let answered = 0;
    let now = job;
    while (now.state === 'running') {
      // The thread that answers calls is free while the worker reads.
      answered += (await host.listDocuments()).length > 0 ? 1 : 0;
      if (now.current) seen.add(now.current);
      await new Promise((r) => setTimeout(r, 5));
      const next = await host.importProgress(job.id);
      assert.ok(next);
      now = next;
    }
    assert.equal(now.state, 'done', now.error ?? '');
    assert.ok(answered > 0);
    assert.ok(seen.size > 0, 'a file being read was reported');
    assert.deepEqual(now.summary?.counts, { added: 3, updated: 0, unchanged: 0, duplicate: 0, refused: 0 });
    const after = await host.status();
    assert.notEqual(after.revision, before.revision);
    assert.equal(after.documents, before.documents + 3);
    const hits = await host.search('澳门特别行政区', { limit: 50 });
    assert.ok(hits.hits.some((h) => now.summary?.items.some((i) => i.docIds.includes(h.docId))));
  } finally {
    host.close();
    cleanup();
  }
});
