// A refused file's reason as a code with its values, beside the engine's English sentence: the
// window says it in its language (zh and en tables, every code), the command line keeps the
// English and --json carries the code. Real refusals, made by the app's import and the CLI.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { IMPORT_REASONS, type ImportItem } from '../../shared/api.ts';
import { MESSAGES } from '../../shared/i18n.ts';
import { importBatch } from '../../electron/core/ingest/import-batch.ts';
import { MAX_FILE_BYTES } from '../../electron/core/ingest/pipeline.ts';
import { Library } from '../../electron/core/store/library.ts';
import { reasonText } from '../../renderer/import/reasons.ts';
import { cli } from '../helpers/cli.ts';
import { FIXTURES, SEEDS, tempDir } from '../helpers/library.ts';

test('every reason code has a sentence in both languages, its values named', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const code of IMPORT_REASONS) {
      const sentence = MESSAGES[lang].importReasons[code];
      // 'other' is said in the engine's own words.
      assert.equal(sentence === '', code === 'other', `${lang} ${code}`);
    }
  }
  const zh = Object.values(MESSAGES.zh.importReasons).map((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join());
  const en = Object.values(MESSAGES.en.importReasons).map((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join());
  assert.deepEqual(zh, en);
});

test('the app\'s import refuses with codes and values, and the window says them in Chinese or English', async () => {
  const { dir, cleanup } = tempDir();
  const library = Library.open(join(dir, 'data'));
  try {
    const file = (name: string, bytes: Uint8Array | string): string => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    };
    const big = join(dir, 'big.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, MAX_FILE_BYTES + 3 * 1048576);
    closeSync(fd);
    mkdirSync(join(dir, 'a folder.txt'));
    copyFileSync(join(SEEDS, '003_23a1c87a91197581.txt'), join(dir, 'seed-003.txt'));
    await importBatch(library, [{ path: join(SEEDS, '003_23a1c87a91197581.txt'), name: 'seeds/003.txt', key: 'seeds/003.txt' }]);
    const utf8 = readFileSync(join(FIXTURES, '001-excerpt.utf8.txt'));
    const gbk = readFileSync(join(FIXTURES, '001-excerpt.gb18030.txt'));
    const files = [
      file('empty.txt', ''),
      file('blank.txt', ' \n\t\n'),
      file('scan.txt', '%PDF-1.4\n1 0 obj\n'),
      file('mixed.txt', Buffer.concat([utf8, gbk])),
      big,
      join(dir, 'missing.txt'),
      join(dir, 'a folder.txt'),
      file('photos.docx', zipSync({ 'photo.txt': strToU8('不是 Word 文件') })),
      file('plain.docx', '广州市关于推进共建粤港澳大湾区国际金融枢纽的实施意见'),
      join(dir, 'seed-003.txt'),
    ];
    const summary = await importBatch(library, [...files.map((path) => ({ path, name: path.slice(dir.length + 1) })), { path: '', name: 'gone.txt', refused: 'no upload with this id', refusedWhy: { code: 'upload-missing', params: {} } }]);
    const why = summary.items.map((i) => [i.name, i.status, i.why?.code, i.why?.params]);
    assert.deepEqual(why, [
      ['empty.txt', 'refused', 'empty', {}],
      ['blank.txt', 'refused', 'blank', {}],
      ['scan.txt', 'refused', 'not-text-format', { format: 'PDF' }],
      ['mixed.txt', 'refused', 'mixed-encodings', { line: utf8.toString('utf8').split('\n').length }],
      ['big.txt', 'refused', 'too-large', { mb: 35, limitMb: 32 }],
      ['missing.txt', 'refused', 'missing', { errno: 'ENOENT' }],
      ['a folder.txt', 'refused', 'not-a-file', {}],
      ['photos.docx', 'refused', 'word-unreadable', {}],
      ['plain.docx', 'refused', 'not-word', {}],
      ['seed-003.txt', 'duplicate', 'duplicate', { of: 'seeds/003.txt' }],
      ['gone.txt', 'refused', 'upload-missing', {}],
    ]);
    const item = (name: string): ImportItem => summary.items.find((i) => i.name === name) ?? assert.fail(name);
    assert.equal(reasonText(MESSAGES.zh, item('big.txt')), '文件有 35 MB；条文通只导入不超过 32 MB 的文件（政策文件很少超过 2 MB）');
    assert.equal(reasonText(MESSAGES.en, item('scan.txt')), 'This is a PDF file, not text; save its text as a text or Word (.docx) file and import that');
    assert.equal(reasonText(MESSAGES.zh, item('seed-003.txt')), '文库中已有相同的文字：seeds/003.txt');
    for (const i of summary.items) {
      assert.ok(i.reason && /^[a-z]/.test(i.reason), `${i.name}: the engine's English stays: ${i.reason}`);
      assert.doesNotMatch(reasonText(MESSAGES.zh, i) ?? '', /[{}]|^[a-z]/, i.name);
    }
    // A reason without a code of its own is the engine's sentence.
    assert.equal(reasonText(MESSAGES.zh, { reason: 'the library is locked', why: { code: 'other', params: {} } }), 'the library is locked');
  } finally {
    library.close();
    cleanup();
  }
});

test('the command line says a refusal in English; with --json it lists it with its code and values', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const pdf = join(dir, 'scan.txt');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj\n');
    const good = join(FIXTURES, 'qianhai-regulation.zh-hans.txt');
    const r = await cli('--data', join(dir, 'data'), '--json', 'ingest', good, pdf);
    assert.equal(r.code, 1);
    assert.match(r.err, /^clauseway: .*scan\.txt: this is a PDF file, not text/);
    const listed = JSON.parse(r.out) as { source: string; status: string; reason?: string; code?: string; params?: unknown }[];
    assert.deepEqual(listed.map((o) => [o.status, o.code ?? null]), [['added', null], ['refused', 'not-text-format']]);
    const { reason, ...rest } = listed[1] ?? {};
    assert.match(reason ?? '', /^this is a PDF file, not text/);
    assert.deepEqual(rest, { source: pdf, status: 'refused', code: 'not-text-format', params: { format: 'PDF' } });
  } finally {
    cleanup();
  }
});
