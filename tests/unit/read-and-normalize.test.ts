import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBlocks } from '../../electron/core/ingest/blocks.ts';
import { normalize } from '../../electron/core/ingest/normalize.ts';
import { FIXTURES, SEEDS } from '../helpers/library.ts';

const read = (dir: string, name: string): string => readFileSync(join(dir, name), 'utf8');

test('front matter is read, inline ticker markup and navigation disappear (seed 000)', () => {
  const r = readBlocks(read(SEEDS, '000_1e8b19f51fcacc9d.txt'), '000.txt');
  assert.equal(r.frontMatter?.title, '广东：支持深交所、广期所与港交所深化金融产品和服务合作');
  const texts = normalize(r.blocks).map((b) => b.text);
  const all = texts.join('\n');
  assert.ok(all.includes('支持深圳证券交易所、广州期货交易所与香港联合交易所深化金融产品与服务合作'), 'the ticker link text stays as plain words');
  for (const noise of ['<span', 'bkquote', 'eastmoney', '返回', '文章来源', 'layout:']) assert.ok(!all.includes(noise), noise);
  // The quoted lead is printed again as the first paragraph: it is kept once.
  assert.equal(texts.filter((t) => t.startsWith('1月29日，广东省政府发布')).length, 1);
});

test('malformed HTML still yields every paragraph, in order, without markup', () => {
  const r = readBlocks(read(FIXTURES, '000-malformed.html'), 'page.html');
  assert.equal(r.format, 'html');
  const texts = normalize(r.blocks).map((b) => b.text);
  assert.equal(texts.length, 4);
  assert.ok(texts[0]?.startsWith('1月29日'));
  assert.ok(texts[1]?.startsWith('广东省提出，大力提升金融服务贸易水平'));
  assert.equal(texts[3], '尾部段落未闭合的加粗和斜体');
  assert.ok(texts.every((t) => !/[<>]/.test(t)));
});

test('a paragraph cut by a page break and the newsletter footer is one paragraph again', () => {
  const r = readBlocks(read(FIXTURES, '004-page-break.md'), 'newsletter.md');
  const texts = normalize(r.blocks).map((b) => b.text);
  const joined = texts.find((t) => t.includes('建立出口信用保险制度'));
  assert.ok(joined, 'the phrase split as 建立出口信 / 用保险制度 is whole');
  assert.ok(!texts.some((t) => t.includes('zasto.org.cn')));
  // Headings are not glued to the paragraph after them.
  assert.ok(texts.includes('第三节 加快发展现代服务业'));
});

test('the Outline table of contents is dropped, the body headings stay (seed 004)', () => {
  const blocks = normalize(readBlocks(read(SEEDS, '004_02dc7fb0eb02e0f1.txt'), '004.md').blocks);
  const outline = blocks.filter((b) => b.line >= 158 && b.line < 726);
  // The body prints 前言 once; the table of contents printed it too.
  assert.equal(outline.filter((b) => b.text === '前言').length, 1);
  assert.equal(outline.filter((b) => b.text === '第一章 规划背景').length, 1);
  assert.ok(!outline.some((b) => b.text === '目录'));
});

test('tab-separated lines become a table with their cells', () => {
  const blocks = normalize(readBlocks(read(SEEDS, '004_02dc7fb0eb02e0f1.txt'), '004.md').blocks);
  const agenda = blocks.find((b) => b.table && b.text.startsWith('时间\t议程'));
  assert.ok(agenda?.table);
  assert.deepEqual(agenda.table[1], ['09:30-10:00', '来宾签到']);
  assert.equal(agenda.table.length, 9);
});
