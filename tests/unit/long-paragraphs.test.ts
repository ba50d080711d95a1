import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_PARAGRAPH, splitLongParagraphs } from '../../electron/core/ingest/long-paragraphs.ts';
import { FIXTURES } from '../helpers/library.ts';

// Sentences of a real text (the seed excerpt), run together into one line far over the limit.
const sentences = readFileSync(join(FIXTURES, '001-excerpt.utf8.txt'), 'utf8').replace(/\s+/g, '');

test('a paragraph over the limit is cut at sentence ends into pieces within it, losing nothing', () => {
  const text = sentences.repeat(Math.ceil((3.5 * MAX_PARAGRAPH) / sentences.length));
  const pieces = splitLongParagraphs([{ text, line: 3, heading: false }]);
  assert.ok(pieces.length >= 4);
  assert.equal(pieces.map((p) => p.text).join(''), text);
  for (const p of pieces.slice(0, -1)) {
    assert.ok(p.text.length <= MAX_PARAGRAPH && p.text.length > MAX_PARAGRAPH / 2, String(p.text.length));
    assert.match(p.text, /[。；]$/, 'each piece but the last ends a sentence');
  }
  assert.ok(pieces.every((p) => p.line === 3 && !p.heading));
});

test('without a sentence end the cut falls at the limit, never inside a surrogate pair', () => {
  const text = `${'甲'.repeat(MAX_PARAGRAPH - 1)}𠀀${'乙'.repeat(100)}`;
  const pieces = splitLongParagraphs([{ text, line: 1, heading: true }]);
  assert.deepEqual(pieces.map((p) => p.text.length), [MAX_PARAGRAPH - 1, 102]);
  assert.equal(pieces.map((p) => p.text).join(''), text);
  assert.deepEqual(pieces.map((p) => p.heading), [true, false]);
});

test('paragraphs within the limit and tables are kept as they are', () => {
  const blocks = [
    { text: sentences, line: 1, heading: false },
    { text: '甲'.repeat(MAX_PARAGRAPH + 10), line: 2, heading: false, table: [['甲']] },
  ];
  assert.deepEqual(splitLongParagraphs(blocks), blocks);
});
