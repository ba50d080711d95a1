// A large folder imported from the app goes through ingestMany (parse threads, many files to a
// transaction) and still answers for each file where it stood: added, duplicate, refused with its
// reason; progress counts up to the whole.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBatch, type ImportFile } from '../../electron/core/ingest/import-batch.ts';
import { Library } from '../../electron/core/store/library.ts';
import { FIXTURES, tempDir } from '../helpers/library.ts';

const FILES = 120;

test('a folder of 120 notices: one outcome per file in its place, progress to the end', async () => {
  const { dir, cleanup } = tempDir();
  const library = Library.open(join(dir, 'data'));
  try {
    // Real measures cut from the 001 excerpt, made into short notices of their own.
    const excerpt = readFileSync(join(FIXTURES, '001-excerpt.utf8.txt'), 'utf8').split('\n').slice(1, 6).join('\n');
    const files: ImportFile[] = [];
    for (let i = 0; i < FILES; i++) {
      const path = join(dir, `notice-${i}.txt`);
      writeFileSync(path, `关于做好第${i + 1}批服务贸易重点项目申报工作的通知\n项目编号：GZ-${i}。\n${excerpt}\n`);
      files.push({ path, name: `通知/notice-${i}.txt` });
    }
    writeFileSync(join(dir, 'copy.txt'), readFileSync(join(dir, 'notice-7.txt')));
    writeFileSync(join(dir, 'scan.txt'), '%PDF-1.4\n');
    files.splice(50, 0, { path: join(dir, 'copy.txt'), name: 'copy.txt' }, { path: join(dir, 'scan.txt'), name: 'scan.txt' });
    files.push({ path: '', name: 'gone.txt', refused: 'no upload with this id' });

    const progress: [number, number][] = [];
    const summary = await importBatch(library, files, (done, total) => progress.push([done, total]));
    assert.deepEqual(summary.items.map((i) => i.name), files.map((f) => f.name));
    assert.deepEqual(summary.counts, { added: FILES, updated: 0, unchanged: 0, duplicate: 1, refused: 2 });
    const [copy, scan] = summary.items.slice(50, 52);
    assert.equal(copy?.status, 'duplicate');
    assert.match(copy.reason ?? '', /notice-7\.txt/);
    assert.equal(scan?.why?.code, 'not-text-format');
    assert.ok(summary.items.filter((i) => i.status === 'added').every((i) => i.documents === 1 && i.docIds.length === 1));
    assert.equal(library.documentCount(), FILES);
    // Counts only go up, to every file.
    assert.ok(progress.every(([d, t], k) => t === files.length && d >= (progress[k - 1]?.[0] ?? 0)));
    assert.equal(progress.at(-1)?.[0], files.length);
    // Again: every file unchanged, in its place.
    const again = await importBatch(library, files.slice(0, 10));
    assert.deepEqual(again.items.map((i) => i.status), Array<string>(10).fill('unchanged'));
  } finally {
    library.close();
    cleanup();
  }
});
