// The renderer's import store against the real engine (in this thread): files picked in browser
// mode are uploaded one by one (a failed upload is a refusal in the summary), the job is followed
// to its end, the library is read again before the summary shows; a folder's other files are left
// out; in the desktop app files go by path, without an upload.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createImportStore, importable, type ImportDeps, type ImportState } from '../../renderer/import/import-store.ts';
import { UploadInbox } from '../../electron/core/api/uploads.ts';
import { EngineApi } from '../../electron/core/api/engine-api.ts';
import { openUserData } from '../../electron/core/annotations/index.ts';
import { FIXTURES, seededLibrary } from '../helpers/library.ts';
import { Readable } from 'node:stream';

const blob = (file: string): Blob => new Blob([readFileSync(join(FIXTURES, file))]);

test('a folder\'s importable files only; files picked one by one are all tried', () => {
  const picked = ['a/x.txt', 'a/.hidden.txt', 'a/.git/y.md', 'a/scan.pdf', 'a/b/w.docx', 'single.pdf'].map((name) => ({ file: new Blob(['x']), name }));
  assert.deepEqual(importable(picked).map((f) => f.name), ['a/x.txt', 'a/b/w.docx', 'single.pdf']);
});

test('browser mode: upload, import in the engine, refresh, then the summary', async () => {
  const { library, dir, cleanup } = seededLibrary();
  const { store } = openUserData(dir);
  const inbox = new UploadInbox();
  const engine = new EngineApi(library, library.openSearcher(), store, { uploads: inbox });
  try {
    const phases: ImportState['phase'][] = [];
    let refreshedAt = -1;
    const deps: ImportDeps = {
      api: engine,
      upload: async (name, file) => {
        if (name.endsWith('broken.txt')) throw new Error('the connection was lost');
        return inbox.receive(name, Readable.from([Buffer.from(await file.arrayBuffer())]));
      },
      pathForFile: null,
      refresh: () => {
        refreshedAt = phases.length;
        return Promise.resolve();
      },
      later: (ms, run) => void setTimeout(run, ms),
    };
    const imports = createImportStore(deps);
    imports.subscribe(() => {
      const p = imports.get().phase;
      if (phases.at(-1) !== p) phases.push(p);
    });
    await imports.importFiles([
      { file: blob('qianhai-regulation.zh-hans.txt'), name: '深圳/前海.txt' },
      { file: blob('hk-press-release.zh-hant.txt'), name: '深圳/broken.txt' },
      { file: blob('hk-press-release.zh-hant.txt'), name: '深圳/notes.pdf' },
    ]);
    const { summary } = imports.get();
    assert.deepEqual(phases, ['uploading', 'importing', 'summary']);
    assert.equal(refreshedAt, 2, 'the library was read again before the summary showed');
    assert.deepEqual(summary?.items.map((i) => [i.name, i.status, i.reason]), [
      ['深圳/前海.txt', 'added', null],
      ['深圳/broken.txt', 'refused', 'the connection was lost'],
    ]);
    assert.equal(summary.counts.refused, 1);
    imports.dismiss();
    assert.equal(imports.get().phase, 'idle');
  } finally {
    await engine.importsIdle();
    engine.close();
    store.close();
    cleanup();
  }
});

test('the desktop app: files go by their paths, nothing is uploaded', async () => {
  const asked: string[][] = [];
  const job = { id: 'j', state: 'done' as const, done: 1, total: 1, current: null, summary: { items: [], counts: { added: 0, updated: 0, unchanged: 1, duplicate: 0, refused: 0 } }, error: null };
  const imports = createImportStore({
    api: {
      importPaths: (paths) => {
        asked.push(paths);
        return Promise.resolve(job);
      },
      importUploads: () => Promise.reject(new Error('no upload in the desktop app')),
      chooseImportFiles: () => Promise.resolve(null),
      importProgress: () => Promise.resolve(job),
    },
    upload: () => Promise.reject(new Error('no upload in the desktop app')),
    pathForFile: (f) => (f.size > 0 ? `/home/u/${String(f.size)}.txt` : ''),
    refresh: () => Promise.resolve(),
    later: (ms, run) => void setTimeout(run, ms),
  });
  await imports.importFiles([{ file: new Blob(['abc']), name: 'a.txt' }, { file: new Blob([]), name: 'b.txt' }]);
  assert.deepEqual(asked, [['/home/u/3.txt']]);
  assert.equal(imports.get().phase, 'summary');
  // The dialog chose nothing: back to idle.
  await imports.choose('folder');
  assert.equal(imports.get().phase, 'idle');
});
