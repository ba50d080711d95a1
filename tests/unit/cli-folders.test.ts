// One command imports a folder of thousands of files: every one is stored, folders at any depth,
// other kinds of file left out.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, parsed } from '../helpers/cli.ts';
import { FIXTURES, tempDir } from '../helpers/library.ts';

const FILES = 3000;

test(`ingest DIR imports a folder of ${FILES} files in one command`, async () => {
  const { dir, cleanup } = tempDir();
  try {
    // Real measures cut from seed 001 (without its title), made into three thousand short notices.
    const excerpt = readFileSync(join(FIXTURES, '001-excerpt.utf8.txt'), 'utf8').split('\n').slice(1, 6).join('\n');
    const root = join(dir, 'texts');
    for (let i = 0; i < FILES; i++) {
      const folder = join(root, `batch-${Math.floor(i / 500)}`, i % 2 ? 'html' : 'text');
      mkdirSync(folder, { recursive: true });
      const title = `关于做好第${i + 1}批服务贸易重点项目申报工作的通知`;
      if (i % 2) writeFileSync(join(folder, `notice-${i}.html`), `<html><body><h1>${title}</h1><p>项目编号：GZ-${i}。</p><p>${excerpt.replace(/\n/g, '</p><p>')}</p></body></html>`);
      else writeFileSync(join(folder, `notice-${i}.txt`), `${title}\n项目编号：GZ-${i}。\n${excerpt}\n`);
    }
    writeFileSync(join(root, 'scan.pdf'), '%PDF-1.7 not imported from a folder');
    writeFileSync(join(root, '.hidden.txt'), '不导入的隐藏文件');
    const data = join(dir, 'data');
    const outcomes = parsed<{ status: string; documents: number }[]>(await cli('ingest', root, '--json', '--data', data));
    assert.equal(outcomes.length, FILES);
    assert.ok(outcomes.every((o) => o.status === 'added' && o.documents === 1));
    const docs = parsed<unknown[]>(await cli('docs', '--json', '--data', data));
    assert.equal(docs.length, FILES);
    // Again: nothing changed, nothing added.
    const again = parsed<{ status: string }[]>(await cli('ingest', root, '--json', '--data', data));
    assert.ok(again.every((o) => o.status === 'unchanged'));
  } finally {
    cleanup();
  }
});
