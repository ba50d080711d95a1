import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commonShare, decode } from '../../electron/core/ingest/decode.ts';
import { IngestError } from '../../electron/core/ingest/errors.ts';
import { FIXTURES } from '../helpers/library.ts';
import { encodeLegacy } from '../helpers/traditional.ts';

const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const original = fixture('001-excerpt.utf8.txt').toString('utf8');

test('UTF-8 without BOM decodes as is', () => {
  const d = decode('a.txt', fixture('001-excerpt.utf8.txt'));
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.text, original);
  assert.deepEqual(d.warnings, []);
});

test('a UTF-8 BOM is honoured and removed', () => {
  const d = decode('a.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('001-excerpt.utf8.txt')]));
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.text, original);
});

test('GB18030 text (an old government site download) decodes to the same text', () => {
  const d = decode('gb.txt', fixture('001-excerpt.gb18030.txt'));
  assert.equal(d.encoding, 'gb18030');
  assert.equal(d.text, original);
});

test('UTF-16 with a BOM and UTF-16 without one both decode', () => {
  const le = decode('le.txt', fixture('001-excerpt.utf16le-bom.txt'));
  assert.equal(le.encoding, 'utf-16le');
  assert.equal(le.text, original);
  const be = decode('be.txt', fixture('001-excerpt.utf16be-nobom.txt'));
  assert.equal(be.encoding, 'utf-16be');
  assert.equal(be.text, original);
});

test('a file cut off mid-character imports with a warning and loses only the broken character', () => {
  const d = decode('cut.txt', fixture('001-excerpt.truncated.txt'));
  assert.equal(d.encoding, 'utf-8');
  assert.match(d.warnings[0] ?? '', /cut off/);
  assert.ok(original.startsWith(d.text));
  assert.ok(original.length - d.text.length <= 3);
});

test('empty, blank and binary files are refused with the file named', () => {
  assert.throws(() => decode('empty.txt', Buffer.alloc(0)), (e: unknown) => e instanceof IngestError && /empty.txt: the file is empty/.test(e.message));
  assert.throws(() => decode('blank.txt', Buffer.from(' \n\u3000\n', 'utf8')), /blank.txt: the file holds no text/);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
  assert.throws(() => decode('image.png', png), /image.png: this is a PNG image, not text/);
});

test('bytes that are neither UTF-8 nor Chinese GB18030 or Big5 are refused, not imported as mojibake', () => {
  const latin1 = Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade. '.repeat(20), 'latin1');
  assert.throws(() => decode('latin1.txt', latin1), /latin1.txt: the text encoding is not recognised/);
});

// Big5 from Hong Kong and Macau sites: real Traditional texts (tests/fixtures/SOURCES.md), encoded
// by the Big5 and GBK decoders' own tables.

test('Big5 (Big5-HKSCS) is read as Big5, not as GBK mojibake, and without a warning', () => {
  const text = fixture('macau-law-26-2024.zh-hant.txt').toString('utf8');
  const d = decode('macau.txt', encodeLegacy(text, 'big5'));
  assert.equal(d.encoding, 'big5');
  assert.equal(d.text, text);
  assert.deepEqual(d.warnings, []);
});

test('GBK holding Traditional characters stays GBK: the choice is by the text each reading yields', () => {
  const text = fixture('hengqin-regulation.zh-hant.txt').toString('utf8');
  const d = decode('hengqin.txt', encodeLegacy(text, 'gbk'));
  assert.equal(d.encoding, 'gb18030');
  assert.equal(d.text, text);
  assert.deepEqual(d.warnings, []);
});

test('the wrong reading of Big5 or GBK bytes decodes, but reads as few common characters', () => {
  const hant = fixture('qianhai-regulation.zh-hant.txt').toString('utf8');
  const hans = fixture('qianhai-regulation.zh-hans.txt').toString('utf8');
  assert.ok(commonShare(hant) > 0.9 && commonShare(hans) > 0.9);
  const big5AsGbk = new TextDecoder('gbk').decode(encodeLegacy(hant, 'big5'));
  const gbkAsBig5 = new TextDecoder('big5').decode(encodeLegacy(hans, 'gbk'));
  assert.ok(commonShare(big5AsGbk) < 0.5, `Big5 read as GBK: ${commonShare(big5AsGbk)}`);
  assert.ok(commonShare(gbkAsBig5) < 0.5, `GBK read as Big5: ${commonShare(gbkAsBig5)}`);
});

test('a text too short to tell GBK from Big5 imports with a warning naming both', () => {
  const d = decode('notice.txt', encodeLegacy('公 告', 'gbk'));
  assert.equal(d.text, '公 告');
  assert.match(d.warnings[0] ?? '', /encoding is uncertain: it was read as GB18030\/GBK, but Big5\/Big5-HKSCS reads almost as well/);
});

test('GBK bytes that end like cut-off UTF-8 (目 錄: C4 BF 20 E4 9B) are read as GBK', () => {
  const d = decode('toc.txt', encodeLegacy('目 錄', 'gbk'));
  assert.equal(d.encoding, 'gb18030');
  assert.equal(d.text, '目 錄');
});
