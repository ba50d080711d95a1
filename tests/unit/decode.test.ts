import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../../electron/core/ingest/decode.ts';
import { IngestError } from '../../electron/core/ingest/errors.ts';
import { FIXTURES } from '../helpers/library.ts';

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
  assert.throws(() => decode('image.png', png), /image.png: this is not a text file/);
});

test('bytes that are neither UTF-8 nor Chinese GB18030 are refused, not imported as mojibake', () => {
  const latin1 = Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade. '.repeat(20), 'latin1');
  assert.throws(() => decode('latin1.txt', latin1), /latin1.txt: the text encoding is not recognised/);
});
